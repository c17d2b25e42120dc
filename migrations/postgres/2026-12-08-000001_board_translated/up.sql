-- The sitemap's alternates: the groups with a translation, without scanning the board.
CREATE INDEX board_translated ON board (group_id) WHERE own_lang AND group_id <> vacancy_id;
