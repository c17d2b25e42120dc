-- PostgreSQL only (per-language keyword indexes); FTS5 has no partial indexes.
SELECT 1;
