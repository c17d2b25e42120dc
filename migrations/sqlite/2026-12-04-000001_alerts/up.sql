-- Job alerts (issue #15): who asked for mail about which search, what each was sent, the mail
-- outbox every message goes through, and the leases that let one instance run each job.

-- A saved search of the vacancy list (its canonical query string) mailed to one address in one
-- language. The confirmation token is stored as its SHA-256 only. Unconfirmed rows are deleted
-- after seven days; a subscriber whose digests keep failing is dropped (dropped_at).
CREATE TABLE alert_subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    frequency TEXT NOT NULL,
    query TEXT NOT NULL,
    confirm_token_hash TEXT NOT NULL UNIQUE,
    client_address TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    last_digest_at TIMESTAMP,
    failures INTEGER NOT NULL DEFAULT 0,
    dropped_at TIMESTAMP
);
CREATE UNIQUE INDEX alert_subscriptions_search ON alert_subscriptions (email, lang, query);
CREATE INDEX alert_subscriptions_due ON alert_subscriptions (confirmed_at, last_digest_at);
CREATE INDEX alert_subscriptions_address ON alert_subscriptions (client_address, created_at);

-- The links that manage or end a subscription (one-click unsubscribe included), as SHA-256.
-- Every alert mail carries a token of its own, minted when the mail is queued: only hashes are
-- kept, so a later mail cannot repeat an earlier token, and every mail's link keeps working.
CREATE TABLE alert_manage_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    subscription_id INTEGER NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX alert_manage_tokens_subscription ON alert_manage_tokens (subscription_id);

-- Which vacancy went to which subscriber: the key makes "never the same vacancy twice" a rule
-- of the database. Written in the transaction that queues the digest in the outbox.
CREATE TABLE alert_deliveries (
    subscription_id INTEGER NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
    vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (subscription_id, vacancy_id)
);

-- Every outgoing message, written in the transaction of the change that causes it and sent by
-- the outbox job. A sender claims a row (claimed_until, attempts + 1) before it talks to the
-- mail server; a row whose claim ran out unsent is sent again (at least once, never lost).
-- headers: extra header lines, "Name: value" separated by line breaks.
-- body and headers (private links) are emptied once a message is sent or given up.
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    headers TEXT NOT NULL,
    lang TEXT NOT NULL,
    kind TEXT NOT NULL,
    subscription_id INTEGER,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    failed_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX mail_outbox_pending ON mail_outbox (sent_at, failed_at, next_attempt_at);
CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, kind, created_at);

-- One row per periodic job: an instance runs a job only after taking its lease with one
-- UPDATE ... WHERE lease_until < now, so exactly one instance runs each due job.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY NOT NULL,
    holder TEXT NOT NULL,
    lease_until TIMESTAMP NOT NULL,
    last_success_at TIMESTAMP
);
INSERT INTO job_leases (name, holder, lease_until) VALUES ('alert-digests', '', '1970-01-01 00:00:00');
INSERT INTO job_leases (name, holder, lease_until) VALUES ('stale-subscriptions', '', '1970-01-01 00:00:00');
INSERT INTO job_leases (name, holder, lease_until) VALUES ('mail-outbox', '', '1970-01-01 00:00:00');
