-- Where a candidate came from: the referring site's host or the visit's utm_source, as the
-- apply handler found it in a short-lived first-party cookie. NULL: direct, or not known.
-- Only ever counted in the recruiters' reports.
ALTER TABLE applications ADD COLUMN source TEXT;
CREATE INDEX applications_source ON applications (source, created_at);
