-- Undoes V20260101000000__social_tables.sql (make rollback): the social network's tables, children first.
DROP TABLE notifications;
DROP TABLE comments;
DROP TABLE likes;
DROP TABLE posts;
DROP TABLE follows;
DROP TABLE users;
