CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE skills (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE vacancies (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    category_id INTEGER NOT NULL REFERENCES categories (id),
    seniority TEXT NOT NULL,
    employment TEXT NOT NULL,
    work_mode TEXT NOT NULL,
    location TEXT NOT NULL,
    country TEXT NOT NULL,
    remote_countries TEXT NOT NULL,
    salary_min INTEGER,
    salary_max INTEGER,
    salary_currency TEXT,
    salary_period TEXT,
    summary TEXT NOT NULL,
    responsibilities TEXT NOT NULL,
    requirements TEXT NOT NULL,
    nice_to_have TEXT NOT NULL,
    benefits TEXT NOT NULL,
    status TEXT NOT NULL,
    published_at TIMESTAMP,
    valid_through TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX vacancies_status_published ON vacancies (status, published_at);

CREATE TABLE vacancy_skills (
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (vacancy_id, skill_id)
);
CREATE INDEX vacancy_skills_skill ON vacancy_skills (skill_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- Failed sign-ins live in the database so a lockout holds across instances.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    subject TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, created_at);

-- Keyword index, kept in step with vacancies by db::search (skills live in another table,
-- so triggers could not see them).
CREATE VIRTUAL TABLE vacancy_search USING fts5 (
    title, skills, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO categories (slug, name, position) VALUES
    ('backend', 'Backend', 1),
    ('frontend', 'Frontend', 2),
    ('data-bi', 'Data & BI', 3),
    ('qa', 'QA & Testing', 4),
    ('devops', 'DevOps & SRE', 5),
    ('mobile', 'Mobile', 6),
    ('security', 'Security', 7);
