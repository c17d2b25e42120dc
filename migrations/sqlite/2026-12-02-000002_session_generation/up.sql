-- Sessions carry the generation they were signed in with; bumping it (logout, password
-- change or reset, deactivation) ends every session of the account on every instance.
ALTER TABLE users ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;
