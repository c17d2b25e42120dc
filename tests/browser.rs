//! Browser tests: the real `careers` binary on 127.0.0.1 with the demo content, driven by the
//! Playwright suite in `browser/` on Debian's Chromium (journeys in English and Spanish, the Nu
//! HTML checker, axe-core). The whole suite runs on a fresh SQLite database; with
//! `TEST_DATABASE_URL` the journeys (every language, with their HTML and axe checks) run again on
//! a PostgreSQL schema of their own. Without Chromium, Node or Java the test prints a notice and
//! passes; with `CI=true` it fails instead, so CI cannot skip it by accident (nor PostgreSQL).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test fails

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ADMIN_EMAIL: &str = "ada.admin@example.com";
const ADMIN_NAME: &str = "Ada Admin";
const ADMIN_PASSWORD: &str = "correct horse battery staple";
/// A second administrator for the Spanish recruiter journey, which switches its admin area to
/// Spanish (the first one stays in English for the other journeys).
const SPANISH_ADMIN_EMAIL: &str = "eva.admin@example.com";
const SPANISH_ADMIN_NAME: &str = "Eva Admin";
/// The budget for all stylesheets together.
const CSS_BUDGET_BYTES: u64 = 30 * 1024;
/// The public forms' minimum fill time on the test server; the suite waits a little longer
/// before sending them (`site.pauseLikeAPerson()`), as a person would.
const MIN_FILL_SECONDS: &str = "1";
/// Every application of the suite comes from 127.0.0.1: the journeys in two languages and the
/// page tour send more than the default 5 an hour from one address.
const APPLY_PER_HOUR: &str = "30";
/// A fixed cookie key: PostgreSQL requires one (instances must share it); SQLite takes it too.
const SECRET_KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\
                          00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn stylesheets_stay_under_30_kb() {
    let dir = repo().join("static/css");
    let mut total = 0;
    for entry in std::fs::read_dir(&dir).expect("static/css") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "css") {
            total += std::fs::metadata(&path).expect("metadata").len();
        }
    }
    assert!(total > 1024, "no stylesheet found in {}", dir.display());
    assert!(
        total < CSS_BUDGET_BYTES,
        "CSS is {total} bytes, over the {CSS_BUDGET_BYTES}-byte budget"
    );
}

#[test]
fn journeys_html_and_accessibility_in_chromium() {
    let Some(chromium) = prerequisites() else {
        return;
    };
    // Checked first: under CI a missing TEST_DATABASE_URL fails before minutes of browsing.
    let postgres = PgSchema::create();
    let browser_dir = repo().join("browser");
    install_node_modules(&browser_dir);
    // target/debug/careers -> target/: screenshots land in target/browser-screenshots.
    let target = Path::new(env!("CARGO_BIN_EXE_careers"))
        .parent()
        .and_then(Path::parent)
        .expect("target folder")
        .to_path_buf();

    let sqlite_data = tempfile::tempdir().expect("temp dir");
    let sqlite = run_suite(
        "SQLite, every page and journey",
        &sqlite_url(sqlite_data.path()),
        sqlite_data.path(),
        Suite::Everything,
        &target,
        &chromium,
    );
    let postgres = postgres.map(|schema| {
        let data = tempfile::tempdir().expect("temp dir");
        let run = run_suite(
            "PostgreSQL, the journeys",
            &schema.url,
            data.path(),
            Suite::Journeys,
            &target.join("browser-postgres"),
            &chromium,
        );
        drop(schema);
        run
    });

    let runs: Vec<&SuiteRun> = std::iter::once(&sqlite).chain(postgres.as_ref()).collect();
    for run in &runs {
        println!(
            "browser suite on {}: {:.0} s",
            run.label,
            run.elapsed.as_secs_f64()
        );
    }
    if postgres.is_none() {
        println!("browser suite on PostgreSQL skipped: TEST_DATABASE_URL not set");
    }
    let failed: Vec<String> = runs
        .iter()
        .filter(|r| !r.passed)
        .map(|r| format!("{} (screenshots in {})", r.label, r.screenshots.display()))
        .collect();
    assert!(
        failed.is_empty(),
        "the browser suite failed on {}",
        failed.join("; ")
    );
}

/// What the Playwright run covers: everything, or the journeys with the HTML checker over their pages.
#[derive(Clone, Copy)]
enum Suite {
    Everything,
    Journeys,
}

struct SuiteRun {
    label: &'static str,
    passed: bool,
    elapsed: Duration,
    screenshots: PathBuf,
}

/// Migrates `database_url`, adds the administrators, starts the server with the demo content and
/// runs the Playwright suite against it; artifacts go under `artifacts`.
fn run_suite(
    label: &'static str,
    database_url: &str,
    data: &Path,
    suite: Suite,
    artifacts: &Path,
    chromium: &Path,
) -> SuiteRun {
    let started = Instant::now();
    create_admin(database_url, data, ADMIN_EMAIL, ADMIN_NAME);
    create_admin(database_url, data, SPANISH_ADMIN_EMAIL, SPANISH_ADMIN_NAME);
    let server = Server::start(database_url, data);
    println!("--- browser suite on {label} ---");
    let output = Command::new("node")
        .arg(repo().join("browser/node_modules/@playwright/test/cli.js"))
        .arg("test")
        .current_dir(repo().join("browser"))
        .env("CAREERS_BASE_URL", &server.base_url)
        .env("CAREERS_ADMIN_EMAIL", ADMIN_EMAIL)
        .env("CAREERS_ADMIN_NAME", ADMIN_NAME)
        .env("CAREERS_ADMIN_ES_EMAIL", SPANISH_ADMIN_EMAIL)
        .env("CAREERS_ADMIN_ES_NAME", SPANISH_ADMIN_NAME)
        .env("CAREERS_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("CAREERS_ARTIFACTS", artifacts)
        .env("CAREERS_MIN_FILL_SECONDS", MIN_FILL_SECONDS)
        .env(
            "CAREERS_SUITE",
            match suite {
                Suite::Everything => "all",
                Suite::Journeys => "journeys",
            },
        )
        .env("CHROMIUM_PATH", chromium)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("run the Playwright suite");
    println!("{}", String::from_utf8_lossy(&output.stdout));
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        eprintln!(
            "--- server log on {label} (last lines) ---\n{}",
            server.log_tail(60)
        );
    }
    SuiteRun {
        label,
        passed: output.status.success(),
        elapsed: started.elapsed(),
        screenshots: artifacts.join("browser-screenshots"),
    }
}

/// Chromium's path when Chromium, Node, npm and Java are all present. Otherwise prints why the
/// test is skipped, or fails under CI.
fn prerequisites() -> Option<PathBuf> {
    let chromium = std::env::var_os("CHROMIUM_PATH")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/bin/chromium", "/usr/bin/chromium-browser"].map(PathBuf::from))
        .find(|p| p.is_file());
    let mut missing = Vec::new();
    if chromium.is_none() {
        missing.push("chromium (apt-get install -y chromium)");
    }
    for (tool, arg) in [
        ("node", "--version"),
        ("npm", "--version"),
        ("java", "-version"),
    ] {
        let works = Command::new(tool)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !works {
            missing.push(tool);
        }
    }
    if missing.is_empty() {
        return chromium;
    }
    let message = format!("browser tests need {}", missing.join(", "));
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{message} (CI=true, so this is a failure, not a skip)");
    }
    println!("skipped: {message}");
    None
}

/// `npm ci` from the committed lock file, once; no browser download, no install scripts
/// (vnu-jar ships its jar in the package and would otherwise try to fetch a Java runtime).
fn install_node_modules(browser_dir: &Path) {
    if browser_dir.join("node_modules/@playwright/test").is_dir() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        .current_dir(browser_dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status()
        .expect("run npm ci");
    assert!(
        status.success(),
        "npm ci failed in {}",
        browser_dir.display()
    );
}

fn sqlite_url(data: &Path) -> String {
    format!("sqlite://{}", data.join("careers.db").display())
}

/// An administrator, made the way the README tells people to.
fn create_admin(database_url: &str, data: &Path, email: &str, name: &str) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["create-admin", "--email", email, "--name", name])
        .arg("--password-stdin")
        .env("DATABASE_URL", database_url)
        .env("DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run careers create-admin");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{ADMIN_PASSWORD}\n").as_bytes())
        .expect("write the password");
    let out = child.wait_with_output().expect("create-admin output");
    assert!(
        out.status.success(),
        "create-admin failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The server process; killed by its PID when dropped, also when the test panics.
struct Server {
    child: Child,
    base_url: String,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(database_url: &str, data: &Path) -> Server {
        // A port the kernel just handed out; the server binds it a moment later.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let base_url = format!("http://127.0.0.1:{port}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
            .arg("--demo")
            .env("DATABASE_URL", database_url)
            .env("DATA_DIR", data)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("BASE_URL", &base_url)
            .env("STATIC_DIR", repo().join("static"))
            .env("WORKERS", "2")
            .env("MIN_FILL_SECONDS", MIN_FILL_SECONDS)
            .env("RUST_LOG", "info")
            .env("APPLY_PER_HOUR", APPLY_PER_HOUR)
            .env("SECRET_KEY", SECRET_KEY)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the careers server");
        // Keep reading the log, so the pipe never fills and blocks the server.
        let log = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                sink.lock().unwrap().push(line);
            }
        });
        let server = Server {
            child,
            base_url,
            log,
        };
        server.wait_until_serving();
        server
    }

    fn wait_until_serving(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let address = self.base_url.trim_start_matches("http://").to_string();
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(&address).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!(
            "the server did not start on {}:\n{}",
            self.base_url,
            self.log_tail(40)
        );
    }

    fn log_tail(&self, n: usize) -> String {
        let log = self.log.lock().unwrap();
        log[log.len().saturating_sub(n)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PostgreSQL schema of its own in the `TEST_DATABASE_URL` database (as tests/it/common's
/// `PgTestDb`): `url` connects with it as the search path, so the server's migrations create
/// every table there. Dropping it ends the server's leftover connections and drops the schema.
struct PgSchema {
    server_url: String,
    name: String,
    url: String,
}

impl PgSchema {
    /// `None` (with a notice) without `TEST_DATABASE_URL`; under `CI=true` that is a failure.
    fn create() -> Option<PgSchema> {
        let Some(server_url) = std::env::var("TEST_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
        else {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI=true requires TEST_DATABASE_URL: the browser suite must run on PostgreSQL too");
            }
            println!("browser suite on PostgreSQL skipped: TEST_DATABASE_URL not set");
            return None;
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock after 1970");
        // The integration tests' sweep drops `careers_test_<seconds>_…` schemas a killed run left.
        let name = format!(
            "careers_test_{}_browser_{}",
            now.as_secs(),
            now.subsec_nanos()
        );
        psql(&server_url, &format!("CREATE SCHEMA {name}")).unwrap_or_else(|e| panic!("{e}"));
        let params = format!("application_name={name}&options=-csearch_path%3D{name}");
        let url = match server_url.contains('?') {
            true => format!("{server_url}&{params}"),
            false => format!("{server_url}?{params}"),
        };
        Some(PgSchema {
            server_url,
            name,
            url,
        })
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let dropped = psql(
            &self.server_url,
            &format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE application_name = '{0}' AND pid <> pg_backend_pid(); \
                 DROP SCHEMA IF EXISTS {0} CASCADE",
                self.name
            ),
        );
        if let Err(e) = dropped {
            eprintln!(
                "could not drop the browser suite's schema {}: {e}",
                self.name
            );
        }
    }
}

/// A batch of SQL statements on the server.
fn psql(server_url: &str, sql: &str) -> Result<(), String> {
    use diesel::connection::SimpleConnection;
    use diesel::Connection;
    diesel::PgConnection::establish(server_url)
        .map_err(|e| format!("cannot connect to TEST_DATABASE_URL: {e}"))?
        .batch_execute(sql)
        .map_err(|e| format!("{sql}: {e}"))
}
