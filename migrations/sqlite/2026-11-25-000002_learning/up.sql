CREATE TABLE learning_paths (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    path_id INTEGER REFERENCES learning_paths (id) ON DELETE SET NULL,
    position INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX articles_path ON articles (path_id, position);

CREATE TABLE article_skills (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, skill_id)
);
CREATE INDEX article_skills_skill ON article_skills (skill_id);

CREATE TABLE faqs (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX faqs_article ON faqs (article_id, position);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    author_name TEXT NOT NULL,
    email TEXT NOT NULL,
    website TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    client_address TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX comments_article ON comments (article_id, status, created_at);
CREATE INDEX comments_email ON comments (email, status);
CREATE INDEX comments_address ON comments (client_address, created_at);
