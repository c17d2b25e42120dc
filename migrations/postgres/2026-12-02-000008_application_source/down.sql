DROP INDEX applications_source;
ALTER TABLE applications DROP COLUMN source;
