-- What is derived from a vacancy when it is saved (actions::reindex): the board filters and
-- sorts on these in SQL, and pages show the stored HTML instead of rendering Markdown per
-- request. NULL place_text marks a row not derived yet; start-up fills those.
ALTER TABLE vacancies ADD COLUMN place_text TEXT;
ALTER TABLE vacancies ADD COLUMN salary_year_top BIGINT;
ALTER TABLE vacancies ADD COLUMN summary_html TEXT NOT NULL DEFAULT '';
ALTER TABLE vacancies ADD COLUMN responsibilities_html TEXT NOT NULL DEFAULT '';
ALTER TABLE vacancies ADD COLUMN requirements_html TEXT NOT NULL DEFAULT '';
ALTER TABLE vacancies ADD COLUMN nice_to_have_html TEXT NOT NULL DEFAULT '';
ALTER TABLE vacancies ADD COLUMN benefits_html TEXT NOT NULL DEFAULT '';

-- The board: open vacancies newest first, facet counts from an index alone, salary order.
DROP INDEX vacancies_status_published;
CREATE INDEX vacancies_board_newest ON vacancies (status, published_at DESC, id DESC);
CREATE INDEX vacancies_board_facets
    ON vacancies (status, valid_through, category_id, seniority, employment, work_mode);
CREATE INDEX vacancies_board_salary ON vacancies (status, salary_year_top DESC);
-- Related vacancies and article links walk a skill's vacancies newest (highest id) first.
DROP INDEX vacancy_skills_skill;
CREATE INDEX vacancy_skills_skill ON vacancy_skills (skill_id, vacancy_id);

-- One row: the data generation, bumped by every write that changes a public page in the
-- same transaction (actions::finish); page caches on every instance drop pages of older ones.
CREATE TABLE site_state (
    id INTEGER PRIMARY KEY NOT NULL,
    generation BIGINT NOT NULL
);
INSERT INTO site_state (id, generation) VALUES (1, 1);
