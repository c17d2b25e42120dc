-- The language of the admin area for this account; empty follows the site's DEFAULT_LANG
-- (and so does a language the site no longer offers).
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT '';
