-- Applications and their CVs. The CV bytes live in the row, so every instance sees them and
-- erasing the row erases the CV. The receipt token is stored only as its SHA-256 (hex).
CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    linkedin_url TEXT NOT NULL,
    github_url TEXT NOT NULL,
    portfolio_url TEXT NOT NULL,
    cover_letter TEXT NOT NULL,
    cv_name TEXT NOT NULL,
    cv_type TEXT NOT NULL,
    cv_size INTEGER NOT NULL,
    cv_data BLOB NOT NULL,
    status TEXT NOT NULL,
    client_address TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX applications_vacancy ON applications (vacancy_id, created_at);
CREATE INDEX applications_status ON applications (status, created_at);
CREATE INDEX applications_email ON applications (email, vacancy_id, created_at);
CREATE INDEX applications_address ON applications (client_address, created_at);

CREATE TABLE application_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX application_notes_application ON application_notes (application_id, created_at);
