-- The board: one narrow row per (listing language, listed open vacancy), keyed by a sort key
-- that orders newest first and carries the listing language and the facet combination in its
-- bits (see models::board::SortKey). db::listing keeps it, its counts and its keyword index in
-- step with vacancies; start-up fills it when it is empty or out of step.
CREATE TABLE board (
    sort_key BIGINT PRIMARY KEY NOT NULL,
    lang TEXT NOT NULL,
    vacancy_id INTEGER NOT NULL,
    group_id INTEGER NOT NULL,
    combo INTEGER NOT NULL,
    salary_year_top BIGINT,
    place_text TEXT NOT NULL,
    valid_through TIMESTAMP,
    -- The row of the vacancy's own language (the sitemap lists each vacancy once, there).
    own_lang BOOLEAN NOT NULL,
    slug TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX board_vacancy ON board (vacancy_id);
CREATE INDEX board_group ON board (group_id);
CREATE INDEX board_expiry ON board (valid_through) WHERE valid_through IS NOT NULL;
-- Covering: a sitemap file reads the index alone.
CREATE INDEX board_own ON board (sort_key, lang, slug, updated_at) WHERE own_lang;
CREATE INDEX board_salary ON board (lang, salary_year_top DESC NULLS LAST, sort_key DESC);

-- How many board rows each (language, facet combination) has: counts without a scan.
CREATE TABLE board_counts (
    lang TEXT NOT NULL,
    combo INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (lang, combo)
);

-- The keyword index of board rows by tier: the title, the title and skills, everything.
CREATE TABLE board_search (
    sort_key BIGINT PRIMARY KEY NOT NULL,
    title_doc TSVECTOR NOT NULL,
    head_doc TSVECTOR NOT NULL,
    document TSVECTOR NOT NULL
);
CREATE INDEX board_search_title ON board_search USING GIN (title_doc);
CREATE INDEX board_search_head ON board_search USING GIN (head_doc);
CREATE INDEX board_search_document ON board_search USING GIN (document);
