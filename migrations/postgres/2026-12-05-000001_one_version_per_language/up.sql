-- A translation group holds one version per language. The actions refuse a second one with a
-- clear message; the unique indexes keep two saved at the same moment from both getting in.
DROP INDEX vacancies_translation;
CREATE UNIQUE INDEX vacancies_translation ON vacancies (translation_of, lang);
DROP INDEX learning_paths_translation;
CREATE UNIQUE INDEX learning_paths_translation ON learning_paths (translation_of, lang);
DROP INDEX articles_translation;
CREATE UNIQUE INDEX articles_translation ON articles (translation_of, lang);
