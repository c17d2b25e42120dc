//! Typed configuration: every setting is a command-line flag and an environment variable.

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(
        long = "bind",
        env = "BIND_ADDR",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: String,

    /// Database: `sqlite://path`, `sqlite:path` or a bare path for SQLite; `postgres://...` for PostgreSQL.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/careers.db",
        global = true
    )]
    pub database_url: String,

    /// Load the demo vacancies when the database holds none.
    #[arg(long, env = "DEMO", global = true)]
    pub demo: bool,

    /// Organisation shown in the header and as hiring organisation.
    #[arg(
        long,
        env = "ORG_NAME",
        default_value = "Northwind Labs",
        global = true
    )]
    pub org_name: String,

    /// The organisation's own website.
    #[arg(
        long,
        env = "ORG_URL",
        default_value = "https://northwind.example",
        global = true
    )]
    pub org_url: String,

    /// Public address of this site; makes canonical links and JSON-LD URLs absolute.
    #[arg(
        long,
        env = "BASE_URL",
        default_value = "http://127.0.0.1:8080",
        global = true
    )]
    pub base_url: String,

    /// Cookie key, 64+ bytes as hex or base64. When unset (SQLite only) one is generated once
    /// and kept in the data folder.
    #[arg(long, env = "SECRET_KEY", hide_env_values = true, global = true)]
    pub secret_key: Option<String>,

    /// Folder for the generated cookie key (and the default SQLite database).
    #[arg(long, env = "DATA_DIR", default_value = "data", global = true)]
    pub data_dir: String,

    /// Folder with CSS, JavaScript and images.
    #[arg(long, env = "STATIC_DIR", default_value = "static", global = true)]
    pub static_dir: String,

    /// Database connections per instance.
    #[arg(long, env = "DB_POOL_SIZE", default_value_t = 8, global = true)]
    pub db_pool_size: u32,

    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "WORKERS", global = true)]
    pub workers: Option<usize>,

    /// Comments containing any of these words (comma-separated, any case) are refused.
    #[arg(long, env = "BLOCKED_WORDS", default_value = "", global = true)]
    pub blocked_words: String,

    /// Megabytes of rendered public pages kept in memory per instance; 0 turns the cache off.
    #[arg(long, env = "PAGE_CACHE_MB", default_value_t = 64, global = true)]
    pub page_cache_mb: u64,

    /// Seconds a person needs at least between seeing a public form and sending it.
    #[arg(long, env = "MIN_FILL_SECONDS", default_value_t = 3, global = true)]
    pub min_fill_seconds: u64,

    /// Take the client address from `X-Forwarded-For` (set it only behind a proxy that
    /// overwrites or appends to it; otherwise anyone could pick their own address and escape
    /// the per-address limits), and the request id from its `X-Request-Id`.
    #[arg(long, env = "TRUST_PROXY", global = true)]
    pub trust_proxy: bool,

    /// With `TRUST_PROXY`: how many proxies in a row append to `X-Forwarded-For`; the client is
    /// the entry this many places from the right (1: the rightmost, added by the one proxy).
    #[arg(long, env = "TRUSTED_PROXY_HOPS", default_value_t = 1, global = true)]
    pub trusted_proxy_hops: usize,

    /// Hours a sign-in lasts at most, however active the session (besides the 12-hour idle
    /// timeout).
    #[arg(long, env = "SESSION_MAX_HOURS", default_value_t = 8, global = true)]
    pub session_max_hours: u32,

    /// Languages the public site is offered in (comma-separated codes; each needs a
    /// `locales/<code>` folder). Every public page lives under `/<code>/`.
    #[arg(long, env = "LANGUAGES", default_value = "en,es", global = true)]
    pub languages: String,

    /// The language of `/` when neither the visitor's earlier choice nor `Accept-Language`
    /// picks one, and of old unprefixed links.
    #[arg(long, env = "DEFAULT_LANG", default_value = "en", global = true)]
    pub default_lang: String,

    #[command(flatten)]
    pub applications: ApplicationsConfig,

    #[command(flatten)]
    pub ops: OpsConfig,
}

/// How the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// One readable line per event.
    #[default]
    Text,
    /// One JSON object per line (time, level, target, message; the request's fields).
    Json,
}

/// Running the site as a service: log format, metrics, shutdown.
#[derive(Debug, Clone, Args)]
pub struct OpsConfig {
    /// Log format: `text` or `json` (one object per line).
    #[arg(long, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,

    /// Serves Prometheus metrics at /metrics to requests with `Authorization: Bearer <token>`.
    /// Unset (and no METRICS_BIND): no /metrics.
    #[arg(long, env = "METRICS_TOKEN", hide_env_values = true, global = true)]
    pub metrics_token: Option<String>,

    /// A separate address (e.g. 127.0.0.1:9100) serving only /metrics; the site's own address
    /// then has none. With METRICS_TOKEN the token is required there too.
    #[arg(long, env = "METRICS_BIND", global = true)]
    pub metrics_bind: Option<String>,

    /// Seconds requests in flight get to finish after SIGTERM (or Ctrl-C) before the server
    /// stops anyway.
    #[arg(
        long,
        env = "SHUTDOWN_GRACE_SECONDS",
        default_value_t = 30,
        global = true
    )]
    pub shutdown_grace_seconds: u64,

    /// Seconds between looks for due background jobs (alert digests, mail, cleanup) in `serve`.
    #[arg(long, env = "JOBS_TICK_SECONDS", default_value_t = 15, global = true)]
    pub jobs_tick_seconds: u64,

    /// Seconds between runs of the alert digest job, which mails every subscriber whose day
    /// (or week) has passed.
    #[arg(
        long,
        env = "ALERTS_INTERVAL_SECONDS",
        default_value_t = 900,
        global = true
    )]
    pub alerts_interval_seconds: u64,

    /// The length of an alert "day" in seconds (a week is seven); shorter only for tests.
    #[arg(
        long,
        env = "ALERTS_DAY_SECONDS",
        default_value_t = 86400,
        global = true
    )]
    pub alerts_day_seconds: u64,

    /// Seconds between runs of the mail outbox job (sends queued mail, retries failures).
    #[arg(
        long,
        env = "OUTBOX_INTERVAL_SECONDS",
        default_value_t = 10,
        global = true
    )]
    pub outbox_interval_seconds: u64,

    /// Seconds between runs of the cleanup job (unconfirmed alerts, old outbox rows).
    #[arg(
        long,
        env = "CLEANUP_INTERVAL_SECONDS",
        default_value_t = 3600,
        global = true
    )]
    pub cleanup_interval_seconds: u64,

    /// Seconds an instance holds a job's lease; a job whose instance died runs again after
    /// this. Keep it longer than a run takes.
    #[arg(long, env = "JOB_LEASE_SECONDS", default_value_t = 600, global = true)]
    pub job_lease_seconds: u64,
}

impl Default for OpsConfig {
    fn default() -> Self {
        OpsConfig {
            log_format: LogFormat::Text,
            metrics_token: None,
            metrics_bind: None,
            shutdown_grace_seconds: 30,
            jobs_tick_seconds: 15,
            alerts_interval_seconds: 900,
            alerts_day_seconds: 86400,
            outbox_interval_seconds: 10,
            cleanup_interval_seconds: 3600,
            job_lease_seconds: 600,
        }
    }
}

/// Applications: CV size, retention, spam limits and mail.
#[derive(Debug, Clone, Args)]
pub struct ApplicationsConfig {
    /// Largest CV file accepted, in bytes.
    #[arg(long, env = "MAX_CV_BYTES", default_value_t = 5 * 1024 * 1024, global = true)]
    pub max_cv_bytes: usize,

    /// Days applications of closed vacancies are kept (stated in the privacy notice; the
    /// default of `purge-applications`).
    #[arg(long, env = "RETENTION_DAYS", default_value_t = 180, global = true)]
    pub retention_days: u32,

    /// Applications accepted per client address per hour.
    #[arg(long, env = "APPLY_PER_HOUR", default_value_t = 5, global = true)]
    pub apply_per_hour: i64,

    /// Mail server, `smtp://[user:password@]host[:port]` (plain SMTP, for a local relay).
    /// Unset: messages are written to the log instead.
    #[arg(long, env = "SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,

    /// Sender of the site's messages.
    #[arg(
        long,
        env = "MAIL_FROM",
        default_value = "Careers <careers@localhost>",
        global = true
    )]
    pub mail_from: String,

    /// Where notices of new applications go (unset: none are sent).
    #[arg(long, env = "RECRUITERS_EMAIL", global = true)]
    pub recruiters_email: Option<String>,

    /// Seconds a client has to send a request body in full (forms and CV uploads); a slower
    /// body is cut off with 408.
    #[arg(long, env = "BODY_TIMEOUT_SECS", default_value_t = 30, global = true)]
    pub body_timeout_secs: u64,

    /// Applications (CV uploads) read at the same time per instance; one more gets 503 with
    /// Retry-After. Each holds up to MAX_CV_BYTES in memory.
    #[arg(long, env = "MAX_UPLOADS", default_value_t = 8, global = true)]
    pub max_uploads: usize,
}

impl Default for ApplicationsConfig {
    fn default() -> Self {
        ApplicationsConfig {
            max_cv_bytes: 5 * 1024 * 1024,
            retention_days: 180,
            apply_per_hour: 5,
            smtp_url: None,
            mail_from: "Careers <careers@localhost>".into(),
            recruiters_email: None,
            body_timeout_secs: 30,
            max_uploads: 8,
        }
    }
}

impl Config {
    /// Session cookies are Secure exactly when the site is served over https.
    pub fn cookie_secure(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn base_url_trimmed(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}
