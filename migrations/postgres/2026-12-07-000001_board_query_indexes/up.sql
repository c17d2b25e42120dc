-- The keyword index of one listing language: a search's facet counts read only its language's
-- matches (the shared index gave both languages' rows, half of them fetched and thrown away).
-- The predicate is the language slot of the sort key (models::board::SortKey: the top bits
-- from bit 61, "en" 0, "es" 1); db::board writes the same expression so the planner uses it.
CREATE INDEX board_search_document_en ON board_search USING GIN (document) WHERE (sort_key >> 61) = 0;
CREATE INDEX board_search_document_es ON board_search USING GIN (document) WHERE (sort_key >> 61) = 1;
-- A category's newest rows (related vacancies, db::board::sharing_skills): an index walk with
-- a LIMIT. Without it the planner guessed 0.5 % of rows for `combo >> 8` and sorted a
-- sequential scan of the whole board (130 ms cold at 100,000 vacancies).
CREATE INDEX board_category ON board ((combo >> 8), sort_key);
