DROP TABLE comments;
DROP TABLE faqs;
DROP TABLE article_skills;
DROP TABLE articles;
DROP TABLE learning_paths;
