-- The board index's vocabulary: a one-word keyword is spelled out into the terms it starts
-- (db::search::board_phrases), which FTS5 reads faster than a prefix query.
CREATE VIRTUAL TABLE board_search_terms USING fts5vocab (board_search, 'row');
