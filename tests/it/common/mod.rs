//! Black-box harness: the real application on 127.0.0.1:0 with its own fresh database,
//! driven over HTTP by a cookie-keeping client.
//!
//! # One test, both backends
//!
//! Write a test as a plain `async fn` and name it in `backend_test!` just above it:
//!
//! ```ignore
//! backend_test!(search_finds_titles);
//! async fn search_finds_titles() {
//!     let app = common::spawn_app().await; // SQLite or PostgreSQL, chosen by the wrapper
//!     ...
//! }
//! ```
//!
//! The macro generates `search_finds_titles::sqlite` and `search_finds_titles::postgres`
//! (`#[tokio::test]` each); `cargo test search_finds_titles` runs both, `cargo test ::postgres`
//! only the PostgreSQL ones. The body stays a normal, rustfmt-formatted function; a function
//! named in no `backend_test!` is dead code, so clippy reports it. Several names at once:
//! `backend_test!(a, b, c);`. To convert a file, replace each `#[tokio::test]` above an
//! `async fn NAME()` with `backend_test!(NAME);` (put it above the function's doc comment).
//! A second visitor of the same app: `app.with_new_client()` (not a `TestApp { .. }` literal).
//! Settings: `spawn_app_configured(demo, |config| ...)`. Commands against the test's database:
//! `app.database_url`; backend-specific checks: `app.backend` or `match &mut *app.conn()`.
//!
//! On PostgreSQL every `spawn_app*` creates its own schema `careers_test_<random>` in the
//! database of `TEST_DATABASE_URL` (e.g. `postgres://careers:careers@127.0.0.1/careers_ci`, a
//! database the role owns) and drops it when the last `TestApp` sharing it is dropped. Without
//! `TEST_DATABASE_URL` the PostgreSQL variants print that they were skipped and pass, unless
//! `CI=true`, where they fail. Tests that need both backends at once use `spawn_app_on`; tests
//! that start `careers` processes use `PgTestDb::create` for a schema of their own.
#![allow(dead_code)]

use careers::config::Config;
use careers::db::{self, DbPool};
use careers::models::Role;
use diesel::{Connection, RunQueryDsl};
use std::net::TcpListener;
use std::sync::Arc;

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

tokio::task_local! {
    /// Set by the `backend_test!` wrappers; `spawn_app` reads it (SQLite when unset).
    pub static BACKEND: TestBackend;
}

/// Generates a `sqlite` and a `postgres` `#[tokio::test]` for each named `async fn` (see the
/// module documentation). The tests live in a module named like the function.
#[macro_export]
macro_rules! backend_test {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                $crate::common::run_on($crate::common::TestBackend::Sqlite, super::$name()).await
            }

            #[tokio::test]
            async fn postgres() {
                $crate::common::run_on($crate::common::TestBackend::Postgres, super::$name())
                    .await
            }
        }
    )+};
}

/// Runs a test body with `backend` chosen, or reports the PostgreSQL run as skipped.
pub async fn run_on<F: std::future::Future<Output = ()>>(backend: TestBackend, body: F) {
    if backend == TestBackend::Postgres && !postgres_available() {
        return;
    }
    BACKEND.scope(backend, body).await
}

/// The backend of the running test (SQLite outside `backend_test!`).
pub fn current_backend() -> TestBackend {
    BACKEND.try_with(|b| *b).unwrap_or(TestBackend::Sqlite)
}

/// The server URL for PostgreSQL test databases, when configured.
pub fn test_database_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// Whether PostgreSQL tests can run; prints the skip notice once per test binary and panics
/// when CI requires them.
pub fn postgres_available() -> bool {
    static NOTICE: std::sync::Once = std::sync::Once::new();
    if test_database_url().is_some() {
        return true;
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true requires TEST_DATABASE_URL: the PostgreSQL tests must run");
    }
    NOTICE.call_once(|| {
        // Straight to stderr: the test harness captures eprintln! of passing tests.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "PostgreSQL tests skipped: TEST_DATABASE_URL not set"
        );
    });
    false
}

/// A fixed cookie key, so tests behave like instances sharing `SECRET_KEY`.
pub const SECRET_KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\
                              00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

/// A schema of its own in the `TEST_DATABASE_URL` database: `url` connects with it as the
/// search path, so the migrations create every table there. Dropping this value ends the
/// connections still open with it (the server's pool outlives the test's runtime) and drops
/// the schema. Schemas, unlike databases, cost no file copy or checkpoint to create and drop.
pub struct PgTestDb {
    server_url: String,
    pub name: String,
    pub url: String,
}

impl PgTestDb {
    /// `None` when PostgreSQL tests are skipped (see `postgres_available`).
    pub fn create() -> Option<PgTestDb> {
        if !postgres_available() {
            return None;
        }
        let server_url = test_database_url()?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock after 1970")
            .as_secs();
        let name = format!("careers_test_{now}_{:08x}", rand::random::<u32>());
        let mut conn = diesel::PgConnection::establish(&server_url)
            .unwrap_or_else(|e| panic!("cannot connect to TEST_DATABASE_URL: {e}"));
        static SWEEP: std::sync::Once = std::sync::Once::new();
        SWEEP.call_once(|| drop_abandoned_schemas(&mut conn, now));
        diesel::sql_query(format!("CREATE SCHEMA {name}"))
            .execute(&mut conn)
            .unwrap_or_else(|e| {
                panic!("cannot create test schema {name} (the role must own the database): {e}")
            });
        // The application name marks the connections to end. Test data need not survive a
        // crash, so commits need not wait for the disk (about a third faster).
        let params = format!(
            "application_name={name}&options=-csearch_path%3D{name}%20-csynchronous_commit%3Doff"
        );
        let url = match server_url.contains('?') {
            true => format!("{server_url}&{params}"),
            false => format!("{server_url}?{params}"),
        };
        Some(PgTestDb {
            server_url,
            name,
            url,
        })
    }
}

/// A run that was killed leaves its schemas behind; any older than a few hours (no test runs
/// that long) is dropped by the next run.
fn drop_abandoned_schemas(conn: &mut diesel::PgConnection, now: u64) {
    #[derive(diesel::QueryableByName)]
    struct Schema {
        #[diesel(sql_type = diesel::sql_types::Text)]
        nspname: String,
    }
    const MAX_AGE_SECS: u64 = 6 * 3600;
    let Ok(schemas) = diesel::sql_query(
        "SELECT nspname::text AS nspname FROM pg_namespace WHERE nspname LIKE 'careers\\_test\\_%'",
    )
    .load::<Schema>(conn) else {
        return;
    };
    for Schema { nspname } in schemas {
        let created = nspname
            .strip_prefix("careers_test_")
            .and_then(|rest| rest.split('_').next())
            .and_then(|t| t.parse::<u64>().ok())
            .unwrap_or(0);
        if now.saturating_sub(created) > MAX_AGE_SECS {
            let _ =
                diesel::sql_query(format!("DROP SCHEMA IF EXISTS {nspname} CASCADE")).execute(conn);
        }
    }
}

impl Drop for PgTestDb {
    fn drop(&mut self) {
        let dropped = diesel::PgConnection::establish(&self.server_url)
            .map_err(|e| e.to_string())
            .and_then(|mut c| {
                diesel::sql_query(format!(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                     WHERE application_name = '{}' AND pid <> pg_backend_pid()",
                    self.name
                ))
                .execute(&mut c)
                .and_then(|_| {
                    diesel::sql_query(format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name))
                        .execute(&mut c)
                })
                .map_err(|e| e.to_string())
            });
        if let Err(e) = dropped {
            eprintln!("could not drop test schema {}: {e}", self.name);
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub pool: DbPool,
    pub backend: TestBackend,
    /// The app's `DATABASE_URL`, for commands run against the same database.
    pub database_url: String,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    /// The data folder (and on SQLite the database file `test.db`), shared by the copies
    /// `with_new_client` makes.
    pub _dir: Arc<tempfile::TempDir>,
    /// The PostgreSQL database, dropped with the last copy.
    pub _pg: Option<Arc<PgTestDb>>,
}

pub fn config(dir: &std::path::Path, demo: bool) -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        database_url: format!("sqlite://{}", dir.join("test.db").display()),
        demo,
        org_name: "Northwind Labs".into(),
        org_url: "https://northwind.example".into(),
        base_url: "http://careers.test".into(),
        secret_key: Some(SECRET_KEY.into()),
        data_dir: dir.display().to_string(),
        static_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/static").into(),
        db_pool_size: 4,
        workers: Some(1),
        blocked_words: "casino, crypto giveaway".into(),
        min_fill_seconds: 0,
        // Fixtures write to the database directly, behind the cache's back: tests of the
        // cache itself turn it on.
        page_cache_mb: 0,
        trust_proxy: false,
        trusted_proxy_hops: 1,
        session_max_hours: 8,
        languages: "en,es".into(),
        default_lang: "en".into(),
        applications: Default::default(),
        ops: Default::default(),
    }
}

/// The app on the backend of the running test.
pub async fn spawn_app_with(demo: bool) -> TestApp {
    spawn_app_configured(demo, |_| {}).await
}

/// The app on the backend of the running test, with settings changed by `change`.
pub async fn spawn_app_configured(demo: bool, change: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_on_configured(current_backend(), demo, change)
        .await
        .expect("backend_test! runs PostgreSQL tests only when TEST_DATABASE_URL is set")
}

/// The app on a given backend; `None` when PostgreSQL tests are skipped.
pub async fn spawn_app_on(backend: TestBackend, demo: bool) -> Option<TestApp> {
    spawn_app_on_configured(backend, demo, |_| {}).await
}

pub async fn spawn_app_on_configured(
    backend: TestBackend,
    demo: bool,
    change: impl FnOnce(&mut Config),
) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = config(dir.path(), demo);
    let pg = match backend {
        TestBackend::Sqlite => None,
        TestBackend::Postgres => Some(PgTestDb::create()?),
    };
    if let Some(pg) = &pg {
        config.database_url = pg.url.clone();
    }
    change(&mut config);
    let (pool, kind) = careers::startup::prepare_database(&config).expect("database");
    let key = careers::startup::cookie_key(&config, &kind).expect("cookie key");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    let server = careers::startup::run(listener, &config, pool.clone(), key).expect("server");
    tokio::spawn(server);
    Some(TestApp {
        address: format!("http://127.0.0.1:{port}"),
        pool,
        backend,
        database_url: config.database_url.clone(),
        client: new_client(),
        _dir: Arc::new(dir),
        _pg: pg.map(Arc::new),
    })
}

/// The app with the demo content loaded.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(true).await
}

/// The site's own origin (`config`'s `base_url`). The client sends it as `Origin` on every
/// request, as browsers do on form posts: a public POST with neither `Origin` nor
/// `Sec-Fetch-Site` is refused. A test that means to send a header of its own sets it on the
/// request, which replaces this default.
pub const ORIGIN: &str = "http://careers.test";

pub fn new_client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ORIGIN,
        reqwest::header::HeaderValue::from_static(ORIGIN),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    /// The same running app seen by a new visitor (own cookies).
    pub fn with_new_client(&self) -> TestApp {
        TestApp {
            address: self.address.clone(),
            pool: self.pool.clone(),
            backend: self.backend,
            database_url: self.database_url.clone(),
            client: new_client(),
            _dir: self._dir.clone(),
            _pg: self._pg.clone(),
        }
    }

    /// Runs the `careers` binary with `args` on this app's database and data folder; asserts
    /// that it succeeded and gives its standard output.
    pub fn run_command(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_careers"))
            .args(args)
            .env("DATABASE_URL", &self.database_url)
            .env("DATA_DIR", self._dir.path())
            .env("SECRET_KEY", SECRET_KEY)
            .output()
            .expect("run careers");
        assert!(
            out.status.success(),
            "careers {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.text().await.unwrap())
    }

    pub async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(pairs)
            .send()
            .await
            .expect("request")
    }

    pub fn conn(&self) -> db::PooledConn {
        self.pool.get().unwrap()
    }

    /// Creates an account directly in the database.
    pub fn create_user(&self, email: &str, password: &str, role: Role) -> i32 {
        let hash = careers::domain::auth::hash_password(password).unwrap();
        db::users::insert(&mut self.conn(), email, "Test User", &hash, role).unwrap()
    }

    /// Sends the sign-in form (with a fresh token from the sign-in page) and gives the answer.
    pub async fn send_sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        let (_, page) = self.get_html("/admin/login").await;
        let token = csrf_token(&page);
        self.post_form(
            "/admin/login",
            &[
                ("csrf_token", &token),
                ("email", email),
                ("password", password),
                ("next", "/admin"),
            ],
        )
        .await
    }

    /// Signs in through the form; returns the CSRF token for further posts.
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let r = self.send_sign_in(email, password).await;
        assert_eq!(r.status().as_u16(), 303, "sign-in should redirect");
        let (status, page) = self.get_html("/admin").await;
        assert_eq!(status, 200);
        csrf_token(&page)
    }

    /// A signed-in administrator; returns the CSRF token.
    pub async fn admin(&self) -> String {
        self.create_user("admin@example.com", "a long admin password", Role::Admin);
        self.sign_in("admin@example.com", "a long admin password")
            .await
    }
}

/// A message of `locales/en` (English is the default language): what a page shows for `key`.
pub fn en(key: &str) -> String {
    careers::i18n::Lang::fallback().t(key)
}

/// The value of the first `csrf_token` hidden field in a page.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("page has a csrf token") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// Parses every JSON-LD block of a page.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    doc.select(&sel)
        .map(|s| serde_json::from_str(&s.inner_html()).expect("valid JSON-LD"))
        .collect()
}

/// Texts of the elements matching a CSS selector.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
