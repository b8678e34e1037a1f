-- Undoes V20260101000000__blog_tables.sql (make rollback): the blog's tables, children first.
DROP TABLE comments;
DROP TABLE favorites;
DROP TABLE article_tags;
DROP TABLE tags;
DROP TABLE articles;
DROP TABLE follows;
DROP TABLE users;
