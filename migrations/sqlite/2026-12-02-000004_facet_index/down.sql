DROP INDEX vacancies_category_newest;
DROP INDEX vacancies_board_facets;
CREATE INDEX vacancies_board_facets
    ON vacancies (status, valid_through, category_id, seniority, employment, work_mode);
