DROP INDEX articles_translation;
CREATE INDEX articles_translation ON articles (translation_of, lang);
DROP INDEX learning_paths_translation;
CREATE INDEX learning_paths_translation ON learning_paths (translation_of, lang);
DROP INDEX vacancies_translation;
CREATE INDEX vacancies_translation ON vacancies (translation_of, lang);
