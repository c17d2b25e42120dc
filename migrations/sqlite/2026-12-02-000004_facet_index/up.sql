-- Facet counts group by category, seniority, employment and work mode: with the index in that
-- order the database streams the groups instead of sorting every open vacancy.
DROP INDEX vacancies_board_facets;
CREATE INDEX vacancies_board_facets
    ON vacancies (status, category_id, seniority, employment, work_mode, valid_through);
-- A closed vacancy's page suggests the newest open ones of its category.
CREATE INDEX vacancies_category_newest ON vacancies (status, category_id, id);
