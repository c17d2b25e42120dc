//! Browser tests: the real `careers` binary on 127.0.0.1 with a fresh SQLite database and the demo
//! content, driven by the Playwright suite in `browser/` on Debian's Chromium (journeys, the Nu
//! HTML checker, axe-core). Without Chromium, Node or Java the test prints a notice and passes;
//! with `CI=true` it fails instead, so CI cannot skip it by accident.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test fails

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ADMIN_EMAIL: &str = "ada.admin@example.com";
const ADMIN_NAME: &str = "Ada Admin";
const ADMIN_PASSWORD: &str = "correct horse battery staple";
/// The budget for all stylesheets together.
const CSS_BUDGET_BYTES: u64 = 30 * 1024;
/// The public forms' minimum fill time on the test server; the suite waits a little longer
/// before sending them (`site.pauseLikeAPerson()`), as a person would.
const MIN_FILL_SECONDS: &str = "1";

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
    let browser_dir = repo().join("browser");
    install_node_modules(&browser_dir);

    let data = tempfile::tempdir().expect("temp dir");
    create_admin(data.path());
    let server = Server::start(data.path());

    // target/debug/careers -> target/: screenshots land in target/browser-screenshots.
    let artifacts = Path::new(env!("CARGO_BIN_EXE_careers"))
        .parent()
        .and_then(Path::parent)
        .expect("target folder")
        .to_path_buf();
    let output = Command::new("node")
        .arg(browser_dir.join("node_modules/@playwright/test/cli.js"))
        .arg("test")
        .current_dir(&browser_dir)
        .env("CAREERS_BASE_URL", &server.base_url)
        .env("CAREERS_ADMIN_EMAIL", ADMIN_EMAIL)
        .env("CAREERS_ADMIN_NAME", ADMIN_NAME)
        .env("CAREERS_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("CAREERS_ARTIFACTS", &artifacts)
        .env("CAREERS_MIN_FILL_SECONDS", MIN_FILL_SECONDS)
        .env("CHROMIUM_PATH", &chromium)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("run the Playwright suite");
    println!("{}", String::from_utf8_lossy(&output.stdout));
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    if !output.status.success() {
        eprintln!("--- server log (last lines) ---\n{}", server.log_tail(60));
    }
    assert!(
        output.status.success(),
        "the browser suite failed ({}); screenshots in {}",
        output.status,
        artifacts.join("browser-screenshots").display()
    );
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

fn database_url(data: &Path) -> String {
    format!("sqlite://{}", data.join("careers.db").display())
}

/// The first administrator, made the way the README tells people to.
fn create_admin(data: &Path) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["create-admin", "--email", ADMIN_EMAIL, "--name", ADMIN_NAME])
        .arg("--password-stdin")
        .env("DATABASE_URL", database_url(data))
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
    fn start(data: &Path) -> Server {
        // A port the kernel just handed out; the server binds it a moment later.
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let base_url = format!("http://127.0.0.1:{port}");
        let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
            .arg("--demo")
            .env("DATABASE_URL", database_url(data))
            .env("DATA_DIR", data)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("BASE_URL", &base_url)
            .env("STATIC_DIR", repo().join("static"))
            .env("WORKERS", "2")
            .env("MIN_FILL_SECONDS", MIN_FILL_SECONDS)
            .env("RUST_LOG", "info")
            .env_remove("SECRET_KEY")
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
