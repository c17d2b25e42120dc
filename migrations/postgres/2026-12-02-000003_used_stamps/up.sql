-- Comment form stamps already used once (their SHA-256): a stamp posts one comment only.
-- Rows older than the stamp's maximum age (stamp::MAX_AGE_SECS) are pruned by the comment action.
CREATE TABLE used_stamps (
    stamp_hash TEXT PRIMARY KEY NOT NULL,
    used_at TIMESTAMP NOT NULL
);
CREATE INDEX used_stamps_used_at ON used_stamps (used_at);
