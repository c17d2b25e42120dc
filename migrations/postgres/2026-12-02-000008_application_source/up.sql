-- Where a candidate came from: the referring site's host or the visit's utm_source, as the
-- apply handler found it in a short-lived first-party cookie. NULL: direct, or not known.
-- Only ever counted in the recruiters' reports.
ALTER TABLE applications ADD COLUMN source TEXT;
-- The reports read only these columns: with them in the index, SQLite never reads the rows,
-- which hold the CV bytes. One for the whole site by time, one per vacancy (it replaces
-- applications_vacancy, its prefix).
CREATE INDEX applications_report ON applications (created_at, id, vacancy_id, status, source);
CREATE INDEX applications_report_vacancy ON applications (vacancy_id, created_at, id, status, source);
DROP INDEX applications_vacancy;
