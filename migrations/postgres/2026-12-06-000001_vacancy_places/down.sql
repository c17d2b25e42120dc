DROP TABLE vacancy_places;
ALTER TABLE vacancies DROP COLUMN other_places;
