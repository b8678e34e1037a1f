{#- The social network's tables in PostgreSQL, included by the first migration of each framework
    that writes its schema in SQL (Go, Spring Boot): one schema, whatever the migration tool. -#}
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    bio TEXT,
    avatar_url TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

-- One follow per pair (the primary key, which also serves "whom do I follow");
-- nobody follows themselves.
CREATE TABLE follows (
    follower_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followed_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (follower_id, followed_id),
    CHECK (follower_id <> followed_id)
);
-- The follower and following lists, newest first.
CREATE INDEX follows_followed_id_idx ON follows (followed_id, created_at);
CREATE INDEX follows_follower_id_idx ON follows (follower_id, created_at);

CREATE TABLE posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body TEXT NOT NULL,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
-- One index serves both the filter and the sort of a user's posts and of the feed.
CREATE INDEX posts_author_id_idx ON posts (author_id, created_at, id);

-- One like per user and post (the primary key), even under concurrent requests.
CREATE TABLE likes (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
CREATE INDEX likes_post_id_idx ON likes (post_id);

CREATE TABLE comments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body TEXT NOT NULL,
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX comments_post_id_idx ON comments (post_id, created_at, id);
CREATE INDEX comments_author_id_idx ON comments (author_id);

CREATE TABLE notifications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('follow', 'like', 'comment')),
    post_id BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    read BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX notifications_recipient_id_idx ON notifications (recipient_id, created_at, id);
CREATE INDEX notifications_actor_id_idx ON notifications (actor_id);
CREATE INDEX notifications_post_id_idx ON notifications (post_id);
-- A follow, or a like of one post, notifies once: following or liking again
-- (after undoing it) inserts nothing. Every comment is new, so comments are left out.
CREATE UNIQUE INDEX notifications_once_idx ON notifications (recipient_id, actor_id, type, COALESCE(post_id, 0))
    WHERE type <> 'comment';
