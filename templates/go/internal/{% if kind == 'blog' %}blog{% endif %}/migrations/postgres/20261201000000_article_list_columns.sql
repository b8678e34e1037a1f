-- Each article carries what a list shows of it, so that a page of articles reads
-- one row per article instead of counting favourites and gathering tags anew for
-- every article of every page:
--   favorites_count: how many users have it as a favourite, moved by one in the
--     same transaction as each favourite that is added or removed;
--   tag_list: its tags as the JSON array the API sends (["dragons", "training"]),
--     rebuilt from article_tags in the same transaction whenever they change. The
--     type is json, not jsonb: it is only stored and sent back, and json keeps the
--     text as it was written instead of converting it on every read.
-- article_tags stays the source of the tags: the tag filter and the tag list read it.

-- +goose Up
ALTER TABLE articles ADD COLUMN favorites_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN tag_list JSON NOT NULL DEFAULT '[]';
UPDATE articles a SET
    favorites_count = (SELECT COUNT(*) FROM favorites f WHERE f.article_id = a.id),
    tag_list = (SELECT COALESCE(json_agg(t.name ORDER BY t.name), '[]')
                FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id);

-- +goose Down
ALTER TABLE articles DROP COLUMN tag_list;
ALTER TABLE articles DROP COLUMN favorites_count;
