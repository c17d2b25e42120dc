DROP TABLE vacancy_search;
DROP TABLE login_failures;
DROP TABLE audit_log;
DROP TABLE vacancy_skills;
DROP TABLE vacancies;
DROP TABLE skills;
DROP TABLE categories;
DROP TABLE users;
