-- Content has a language; a translation points at its original (the translation group is the
-- original's id). Everything written before the site was bilingual is English.
ALTER TABLE vacancies ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE vacancies ADD COLUMN translation_of INTEGER REFERENCES vacancies (id) ON DELETE SET NULL;
-- False: not listed in other languages while it has no translation there.
ALTER TABLE vacancies ADD COLUMN other_languages BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX vacancies_translation ON vacancies (translation_of, lang);

ALTER TABLE learning_paths ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE learning_paths ADD COLUMN translation_of INTEGER REFERENCES learning_paths (id) ON DELETE SET NULL;
CREATE INDEX learning_paths_translation ON learning_paths (translation_of, lang);

ALTER TABLE articles ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE articles ADD COLUMN translation_of INTEGER REFERENCES articles (id) ON DELETE SET NULL;
CREATE INDEX articles_translation ON articles (translation_of, lang);
