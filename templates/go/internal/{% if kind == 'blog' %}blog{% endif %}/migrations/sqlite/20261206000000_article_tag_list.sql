-- Each article keeps its tags as a JSON array too (["dragons","training"]), so
-- that a page of articles reads its tags from its own rows instead of joining
-- article_tags and tags and sorting, article by article. article_tags stays
-- the truth that filters and the tag list read; the copy is written with it,
-- in the same transaction (setTags in articles.go).

-- +goose Up
ALTER TABLE articles ADD COLUMN tag_list TEXT NOT NULL DEFAULT '[]';
UPDATE articles SET tag_list = (
    SELECT json_group_array(t.name ORDER BY t.name)
    FROM article_tags at JOIN tags t ON t.id = at.tag_id
    WHERE at.article_id = articles.id
);

-- +goose Down
ALTER TABLE articles DROP COLUMN tag_list;
