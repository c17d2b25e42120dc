-- The countries of each board row (its places' countries and, for remote work, the countries
-- it hires from), for the country filter; and how many board rows each (language, country,
-- facet combination) has, so a list's country facet is counted without a scan. db::listing
-- keeps both with the board. The board is emptied so that start-up rebuilds it with them.
CREATE TABLE board_countries (
    sort_key BIGINT NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (sort_key, country)
);
CREATE INDEX board_countries_country ON board_countries (country, sort_key);

CREATE TABLE board_country_counts (
    lang TEXT NOT NULL,
    country TEXT NOT NULL,
    combo INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (lang, country, combo)
);

DELETE FROM board;
DELETE FROM board_counts;
DELETE FROM board_search;
