CREATE INDEX applications_vacancy ON applications (vacancy_id, created_at);
DROP INDEX applications_report_vacancy;
DROP INDEX applications_report;
ALTER TABLE applications DROP COLUMN source;
