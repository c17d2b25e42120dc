-- Several places per vacancy. The row keeps the first place in `location`/`country` (pages and
-- older code read them) and the others in `other_places`, one "CC City" line each, so a board
-- row can show every place without a query per card. `vacancy_places` holds every place, one
-- row each, kept in step on every save, for queries by country (the country facet).
ALTER TABLE vacancies ADD COLUMN other_places TEXT NOT NULL DEFAULT '';

CREATE TABLE vacancy_places (
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (vacancy_id, position)
);
CREATE INDEX vacancy_places_country ON vacancy_places (country, vacancy_id);

-- Existing vacancies: their one place becomes the first (position 0).
INSERT INTO vacancy_places (vacancy_id, position, city, country)
SELECT id, 0, location, country FROM vacancies
WHERE work_mode <> 'remote' AND (location <> '' OR country <> '');
