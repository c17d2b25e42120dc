DROP TABLE application_notes;
DROP TABLE applications;
