-- SQLite only (an FTS5 vocabulary table); PostgreSQL's tsquery prefixes need no help.
SELECT 1;
