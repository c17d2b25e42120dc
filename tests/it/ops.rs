//! Running the site as a service: `/metrics` (token, separate listener, counters that move,
//! `promtool check metrics`), JSON logs with request ids (a real `careers` process's stderr),
//! SIGTERM during a slow upload, and the `backup`, `restore` and `check` commands run as the
//! real binary, on both backends where they apply.

use crate::common::{self, TestApp, TestBackend};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const TOKEN: &str = "a metrics token for tests";

// ---------------------------------------------------------------------------------------------
// Helpers

/// `careers ARGS` with the settings a test server has; its output whatever the exit status.
fn careers(database_url: &str, data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("DATA_DIR", data_dir)
        .env("SECRET_KEY", common::SECRET_KEY)
        .env("RUST_LOG", "warn")
        .output()
        .expect("run careers")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The value of a sample in Prometheus text (`name{labels} value`), 0 when absent.
pub(crate) fn sample(metrics: &str, series: &str) -> f64 {
    metrics
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| {
            let (name, value) = l.rsplit_once(' ')?;
            (name == series)
                .then(|| value.parse::<f64>().ok())
                .flatten()
        })
        .unwrap_or(0.0)
}

/// `promtool check metrics` on `metrics`; `None` (and a notice) when promtool is missing,
/// which CI does not accept.
pub(crate) fn promtool_check(metrics: &str) -> Option<Output> {
    use std::io::Write;
    let child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true requires promtool (Debian package prometheus)")
        }
        Err(_) => {
            let _ = writeln!(
                std::io::stderr(),
                "promtool check skipped: promtool not installed (apt-get install prometheus)"
            );
            return None;
        }
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(metrics.as_bytes())
        .unwrap();
    Some(child.wait_with_output().unwrap())
}

async fn metrics_of(client: &reqwest::Client, url: &str, token: Option<&str>) -> (u16, String) {
    let mut request = client.get(url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let r = request.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A tiny document that passes as a PDF (the CV check reads the first bytes), padded to `size`.
fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n% careers test CV\n".to_vec();
    bytes.resize(size, b' ');
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

const BOUNDARY: &str = "----careers-ops-test";

/// The apply form as the browser sends it, for a vacancy page's stamp.
fn application_body(stamp: &str, email: &str, cv_size: usize) -> Vec<u8> {
    let mut body = Vec::new();
    let fields = [
        ("form_stamp", stamp),
        ("homepage", ""),
        ("full_name", "Jane Ops"),
        ("email", email),
        ("phone", "+34 600 123 456"),
        ("linkedin_url", ""),
        ("github_url", ""),
        ("portfolio_url", ""),
        ("cover_letter", "I keep services running."),
        ("consent", "yes"),
    ];
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\r\n\
             Content-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(&pdf(cv_size));
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// The first open vacancy's slug and its apply form's stamp, read from the pages.
async fn vacancy_and_stamp(client: &reqwest::Client, base: &str) -> (String, String) {
    let html = client
        .get(format!("{base}/en/vacancies"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let slug = {
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse(".results .card-title a").unwrap();
        let href = doc
            .select(&sel)
            .next()
            .and_then(|a| a.value().attr("href"))
            .expect("a vacancy in the list")
            .to_string();
        href.trim_start_matches("/en/vacancies/").to_string()
    };
    let page = client
        .get(format!("{base}/en/vacancies/{slug}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&page);
    let sel = scraper::Selector::parse(r#"[name="form_stamp"]"#).unwrap();
    let stamp = doc
        .select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .expect("the apply form")
        .to_string();
    (slug, stamp)
}

/// A `careers serve` process; killed (by its PID) if still running when dropped.
struct Server {
    child: Child,
    address: String,
    metrics_address: Option<String>,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Server {
    /// Starts `careers serve --demo` on a free port with `env` added, and waits until it
    /// serves.
    fn start(database_url: &str, data_dir: &Path, env: &[(&str, &str)]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_careers"));
        command
            .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
            .env("DATABASE_URL", database_url)
            .env("DATA_DIR", data_dir)
            .env("SECRET_KEY", common::SECRET_KEY)
            .env("BASE_URL", common::ORIGIN)
            .env("STATIC_DIR", concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
            .env("WORKERS", "2")
            .env("DB_POOL_SIZE", "2")
            .env("MIN_FILL_SECONDS", "0")
            .env("RUST_LOG", "info,actix_server=warn")
            .env_remove("BIND_ADDR")
            .env_remove("METRICS_BIND")
            .env_remove("METRICS_TOKEN")
            .env_remove("LOG_FORMAT")
            .env_remove("TRUST_PROXY");
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start careers");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        // Keeps reading, so a full pipe never stalls the server.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let mut server = Server {
            child,
            address: String::new(),
            metrics_address: None,
            log,
        };
        let serving = server.wait_for_line("serving on ", Duration::from_secs(60));
        server.address = after(&serving, "serving on ");
        let wants_metrics = env.iter().any(|(k, _)| *k == "METRICS_BIND");
        if wants_metrics {
            let line = server.wait_for_line("metrics on ", Duration::from_secs(10));
            server.metrics_address = Some(
                after(&line, "metrics on ")
                    .trim_end_matches("/metrics")
                    .to_string(),
            );
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    fn lines(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The first log line containing `text`, waiting for it; panics with the log when it does
    /// not come.
    fn wait_for_line(&mut self, text: &str, within: Duration) -> String {
        let deadline = Instant::now() + within;
        loop {
            if let Some(line) = self.lines().into_iter().find(|l| l.contains(text)) {
                return line;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("careers exited ({status}):\n{}", self.lines().join("\n"));
            }
            if Instant::now() > deadline {
                panic!("no log line with {text:?}:\n{}", self.lines().join("\n"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn pid(&self) -> String {
        self.child.id().to_string()
    }

    fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.pid()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end; its exit status.
    fn wait_exit(&mut self, within: Duration) -> std::process::ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                panic!(
                    "careers did not exit within {within:?}:\n{}",
                    self.lines().join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// What follows `marker` in `line`, up to the end or a `"` (JSON lines).
fn after(line: &str, marker: &str) -> String {
    let start = line.find(marker).unwrap() + marker.len();
    line[start..]
        .split(['"', ' '])
        .next()
        .unwrap()
        .trim()
        .to_string()
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("careers.db").display())
}

fn sqlite_count(path: &Path, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = SqliteConnection::establish(&path.to_string_lossy()).unwrap();
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<N>(&mut conn)
        .unwrap()
        .n
}

// ---------------------------------------------------------------------------------------------
// Metrics

backend_test!(metrics_need_the_token_and_move_with_requests);
/// `/metrics` answers only with the bearer token, in a format promtool accepts, and a request
/// moves the counters under its route pattern (never its raw path); the page cache, sign-in
/// failures and lockouts are counted where they happen.
async fn metrics_need_the_token_and_move_with_requests() {
    let app = common::spawn_app_configured(true, |c| {
        c.ops.metrics_token = Some(TOKEN.into());
        c.page_cache_mb = 4;
    })
    .await;
    let url = app.url("/metrics");
    assert_eq!(metrics_of(&app.client, &url, None).await.0, 401);
    assert_eq!(metrics_of(&app.client, &url, Some("wrong")).await.0, 401);
    let r = app
        .client
        .get(&url)
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain; version=0.0.4"));
    assert_eq!(r.headers()["cache-control"], "no-store");
    let before = r.text().await.unwrap();

    // Twice the same public page: drawn, then from the cache.
    for _ in 0..2 {
        assert_eq!(app.get("/en/learn").await.status().as_u16(), 200);
    }
    assert_eq!(app.get("/no-such-page-7f3a").await.status().as_u16(), 404);
    // A wrong password, then the address's fifth and sixth failures: the sixth is locked out.
    app.create_user(
        "ops@example.com",
        "the right password here",
        careers::models::Role::Admin,
    );
    for n in 0..6 {
        let (_, page) = app.get_html("/admin/login").await;
        let csrf = common::csrf_token(&page);
        let email = format!("nobody{n}@example.com");
        let r = app
            .post_form(
                "/admin/login",
                &[
                    ("csrf_token", &csrf),
                    ("email", &email),
                    ("password", "wrong"),
                ],
            )
            .await;
        let expected = if n < 5 { 401 } else { 429 };
        assert_eq!(r.status().as_u16(), expected, "attempt {n}");
    }

    let (status, after) = metrics_of(&app.client, &url, Some(TOKEN)).await;
    assert_eq!(status, 200);
    let moved = |series: &str| sample(&after, series) - sample(&before, series);
    assert!(
        moved(r#"careers_http_requests_total{method="GET",route="/{lang}/learn",status="2xx"}"#)
            >= 2.0
    );
    assert!(moved(r#"careers_http_request_duration_seconds_count{route="/{lang}/learn"}"#) >= 2.0);
    assert!(
        moved(r#"careers_http_requests_total{method="GET",route="unmatched",status="4xx"}"#) >= 1.0
    );
    assert!(
        moved(r#"careers_http_requests_total{method="POST",route="/admin/login",status="4xx"}"#)
            >= 6.0
    );
    assert!(moved("careers_page_cache_hits_total") >= 1.0);
    assert!(moved("careers_page_cache_misses_total") >= 1.0);
    assert!(sample(&after, "careers_page_cache_bytes") > 0.0);
    assert!(moved("careers_sign_in_failures_total") >= 5.0);
    assert!(moved("careers_sign_in_lockouts_total") >= 1.0);
    assert!(moved("careers_db_pool_wait_seconds_count") >= 1.0);
    assert_eq!(sample(&after, "careers_db_pool_max_connections"), 4.0);
    assert!(
        !after.contains("no-such-page-7f3a"),
        "a raw path became a label"
    );
    for name in [
        "careers_db_pool_connections_in_use",
        "careers_mail_failures_total",
        "careers_mail_sending",
        "careers_mail_outbox_pending",
        "careers_mail_outbox_failures_total",
        "careers_alerts_last_success_time_seconds",
        "careers_applications_total",
    ] {
        assert!(after.contains(&format!("# TYPE {name} ")), "{name} missing");
    }
    if let Some(out) = promtool_check(&after) {
        assert!(
            out.status.success() && out.stdout.is_empty() && out.stderr.is_empty(),
            "promtool check metrics: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
}

backend_test!(without_a_token_there_are_no_metrics);
/// Off by default: no token and no separate listener, no `/metrics` (and a token sent does not
/// change that).
async fn without_a_token_there_are_no_metrics() {
    let app = common::spawn_app().await;
    assert_eq!(
        metrics_of(&app.client, &app.url("/metrics"), Some(TOKEN))
            .await
            .0,
        404
    );
}

// ---------------------------------------------------------------------------------------------
// Logs, request ids, the metrics listener

/// A real server with `LOG_FORMAT=json` behind a trusted proxy: every stderr line is one JSON
/// object; the proxy's `X-Request-Id` is kept when sane and replaced when not, sent back, and
/// on the access line (with method, route, status, duration and the client address as the
/// limits count it) and on the error line the request's mail failure writes later.
/// `METRICS_BIND` serves `/metrics` there only, where the same events are counted.
#[tokio::test]
async fn json_logs_carry_the_request_id_and_metrics_have_their_own_listener() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(
        &sqlite_url(dir.path()),
        dir.path(),
        &[
            ("LOG_FORMAT", "json"),
            ("TRUST_PROXY", "true"),
            ("METRICS_BIND", "127.0.0.1:0"),
            // Nothing listens on port 1: the receipt mail fails, in the background.
            ("SMTP_URL", "smtp://127.0.0.1:1"),
        ],
    );
    let client = common::new_client();
    let r = client
        .get(server.url("/en/vacancies?q=rust"))
        .header("x-request-id", "trace-abc.123")
        .header("x-forwarded-for", "198.51.100.1, 203.0.113.7")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["x-request-id"], "trace-abc.123");
    let r = client
        .get(server.url("/"))
        .header("x-request-id", "not an id; <script>")
        .send()
        .await
        .unwrap();
    let made = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_eq!(made.len(), 32, "{made}");
    assert!(made.bytes().all(|b| b.is_ascii_hexdigit()));

    let (slug, stamp) = vacancy_and_stamp(&client, &server.address).await;
    let r = client
        .post(server.url(&format!("/en/vacancies/{slug}/apply")))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("x-request-id", "apply-1")
        .body(application_body(&stamp, "jane.ops@example.com", 2048))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["x-request-id"], "apply-1");
    let confirmation = r.text().await.unwrap();
    let token = confirmation
        .split("/applications/")
        .nth(1)
        .map(|t| t[..64].to_string())
        .expect("receipt link");

    server.wait_for_line("mail not sent", Duration::from_secs(20));
    let lines = server.lines();
    let objects: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    for o in &objects {
        for field in ["time", "level", "target", "message"] {
            assert!(o.get(field).is_some(), "{field} missing in {o}");
        }
    }
    let access = |id: &str| {
        objects
            .iter()
            .find(|o| o["target"] == "careers::access" && o["request_id"] == id)
            .unwrap_or_else(|| panic!("no access line for {id}:\n{}", lines.join("\n")))
            .clone()
    };
    let search = access("trace-abc.123");
    assert_eq!(search["method"], "GET");
    assert_eq!(search["route"], "/{lang}/vacancies");
    assert_eq!(search["path"], "/en/vacancies?q=rust");
    assert_eq!(search["status"], 200);
    assert_eq!(search["client"], "203.0.113.7");
    assert!(search["duration_ms"].as_f64().unwrap() > 0.0);
    assert!(search["bytes"].as_u64().unwrap() > 0);
    assert_eq!(access(&made)["route"], "/");
    let apply = access("apply-1");
    assert_eq!(apply["route"], "/{lang}/vacancies/{slug}/apply");
    assert_eq!(apply["method"], "POST");
    let failure = objects
        .iter()
        .find(|o| {
            o["message"]
                .as_str()
                .unwrap_or("")
                .contains("mail not sent")
        })
        .unwrap();
    assert_eq!(failure["level"], "ERROR");
    assert_eq!(failure["request_id"], "apply-1", "{failure}");
    assert!(
        !lines.iter().any(|l| l.contains(&token)),
        "the receipt token reached the log"
    );

    // /metrics only on its own listener.
    assert_eq!(
        client
            .get(server.url("/metrics"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    let metrics_base = server.metrics_address.clone().unwrap();
    let (status, metrics) = metrics_of(&client, &format!("{metrics_base}/metrics"), None).await;
    assert_eq!(status, 200);
    assert_eq!(
        sample(&metrics, r#"careers_applications_total{outcome="stored"}"#),
        1.0
    );
    assert_eq!(sample(&metrics, "careers_mail_failures_total"), 1.0);
    assert_eq!(sample(&metrics, "careers_mail_sending"), 0.0);
    assert_eq!(
        sample(
            &metrics,
            r#"careers_http_requests_total{method="POST",route="/{lang}/vacancies/{slug}/apply",status="2xx"}"#
        ),
        1.0
    );
    let (status, _) = metrics_of(&client, &format!("{metrics_base}/vacancies"), None).await;
    assert_eq!(status, 404, "the metrics listener serves nothing else");
    if let Some(out) = promtool_check(&metrics) {
        assert!(out.status.success(), "{}", text(&out.stdout));
    }
    server.terminate();
    assert!(server.wait_exit(Duration::from_secs(30)).success());
}

/// Without `TRUST_PROXY` a client's own `X-Request-Id` is not taken: anyone could forge one.
/// The text log (the default) names the request too.
#[tokio::test]
async fn request_ids_from_clients_are_not_trusted_and_text_logs_name_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(&sqlite_url(dir.path()), dir.path(), &[]);
    let r = common::new_client()
        .get(server.url("/en/learn"))
        .header("x-request-id", "forged-by-client")
        .send()
        .await
        .unwrap();
    let id = r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert_ne!(id, "forged-by-client");
    let line = server.wait_for_line(&format!("request_id={id}"), Duration::from_secs(10));
    assert!(line.contains("\"GET /en/learn HTTP/1.1\" 200"), "{line}");
    assert!(serde_json::from_str::<serde_json::Value>(&line).is_err());
}

// ---------------------------------------------------------------------------------------------
// SIGTERM

/// SIGTERM while an application is being uploaded slowly: the server stops accepting new
/// connections, the upload finishes with its normal answer, and the process exits 0.
#[tokio::test]
async fn sigterm_lets_a_slow_upload_finish_then_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(
        &sqlite_url(dir.path()),
        dir.path(),
        &[("SHUTDOWN_GRACE_SECONDS", "20")],
    );
    let client = common::new_client();
    let (slug, stamp) = vacancy_and_stamp(&client, &server.address).await;
    drop(client);
    let body = application_body(&stamp, "slow.upload@example.com", 200_000);
    let host = server.address.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
    let head = format!(
        "POST /en/vacancies/{slug}/apply HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n",
        common::ORIGIN,
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let (first, rest) = body.split_at(body.len() / 3);
    stream.write_all(first).await.unwrap();
    stream.flush().await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    server.terminate();
    server.wait_for_line("SIGTERM: stopping", Duration::from_secs(10));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        tokio::net::TcpStream::connect(&host).await.is_err(),
        "a stopping server accepts no new connection"
    );
    // The rest of the body, slowly.
    for chunk in rest.chunks(rest.len() / 8 + 1) {
        stream.write_all(chunk).await.unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut response = Vec::new();
    tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut response))
        .await
        .expect("the answer comes")
        .unwrap();
    let response = text(&response);
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "{}",
        &response[..response.len().min(400)]
    );
    assert!(response.contains("/applications/"), "the confirmation page");
    let status = server.wait_exit(Duration::from_secs(25));
    assert_eq!(status.code(), Some(0), "{}", server.lines().join("\n"));
    assert!(
        server
            .lines()
            .iter()
            .any(|l| l.contains("background jobs stopped")),
        "the jobs end with the process"
    );
    assert_eq!(
        sqlite_count(&dir.path().join("careers.db"), "applications"),
        1
    );
}

// ---------------------------------------------------------------------------------------------
// Backup, restore, check

/// SQLite: a backup taken while the server serves (and takes an application) is a whole,
/// checkable database; restore refuses while the server runs, and once it is stopped replaces
/// the database with the backup, keeping the old file beside it.
#[tokio::test]
async fn sqlite_backup_while_serving_and_restore_after_stopping() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(dir.path());
    let database = dir.path().join("careers.db");
    let mut server = Server::start(&url, dir.path(), &[]);
    let client = common::new_client();
    let (slug, stamp) = vacancy_and_stamp(&client, &server.address).await;

    // The backup runs while requests keep coming.
    let load = {
        let client = client.clone();
        let base = server.address.clone();
        tokio::spawn(async move {
            for _ in 0..30 {
                let r = client
                    .get(format!("{base}/en/vacancies"))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status().as_u16(), 200);
            }
        })
    };
    let backup = dir.path().join("backups/first.db");
    let out = careers(
        &url,
        dir.path(),
        &["backup", "--to", &backup.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("vacancies"),
        "{}",
        text(&out.stdout)
    );
    load.await.unwrap();
    let out = careers(
        &url,
        dir.path(),
        &["backup", "--to", &backup.to_string_lossy()],
    );
    assert!(!out.status.success(), "a backup never overwrites");
    assert!(text(&out.stderr).contains("exists already"));

    let backup_url = format!("sqlite://{}", backup.display());
    let out = careers(&backup_url, dir.path(), &["check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    let vacancies = sqlite_count(&backup, "vacancies");
    assert!(vacancies > 0);
    assert_eq!(sqlite_count(&backup, "applications"), 0);

    // A change after the backup.
    let r = client
        .post(server.url(&format!("/en/vacancies/{slug}/apply")))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(application_body(&stamp, "after.backup@example.com", 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(sqlite_count(&database, "applications"), 1);

    let out = careers(
        &url,
        dir.path(),
        &["restore", "--from", &backup.to_string_lossy()],
    );
    assert!(!out.status.success(), "restore must refuse while serving");
    assert!(
        text(&out.stderr).contains("stop it first"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(sqlite_count(&database, "applications"), 1, "untouched");

    server.terminate();
    assert!(server.wait_exit(Duration::from_secs(30)).success());
    let out = careers(
        &url,
        dir.path(),
        &["restore", "--from", &backup.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("kept as"), "{report}");
    assert_eq!(sqlite_count(&database, "applications"), 0);
    assert_eq!(sqlite_count(&database, "vacancies"), vacancies);
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("careers.db.before-restore-")
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        sqlite_count(&kept[0], "applications"),
        1,
        "the old data is kept"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&database).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "the restored database is owner-only");
    }
    let out = careers(&url, dir.path(), &["check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    // And the site serves the restored database.
    let mut again = Server::start(&url, dir.path(), &[]);
    let r = common::new_client()
        .get(again.url("/en/vacancies"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    again.terminate();
    assert!(again.wait_exit(Duration::from_secs(30)).success());
}

/// Restore checks the file before touching the database: not SQLite, damaged, not a careers
/// database, or from a newer release — each refused with the reason, the database unchanged.
#[test]
fn restore_refuses_files_that_fail_their_checks() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(dir.path());
    let database = dir.path().join("careers.db");
    let out = careers(&url, dir.path(), &["migrate"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Rows, so a damaged index has entries to miss.
    let out = careers(&url, dir.path(), &["generate", "--vacancies", "5"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let good = dir.path().join("good.db");
    let out = careers(
        &url,
        dir.path(),
        &["backup", "--to", &good.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let original = std::fs::read(&database).unwrap();

    let not_sqlite = dir.path().join("notes.txt");
    std::fs::write(
        &not_sqlite,
        "these are not the rows you are looking for\n".repeat(200),
    )
    .unwrap();

    let damaged = dir.path().join("damaged.db");
    std::fs::copy(&good, &damaged).unwrap();
    SqliteConnection::establish(&damaged.to_string_lossy())
        .unwrap()
        .batch_execute(
            "PRAGMA writable_schema = ON; \
             UPDATE sqlite_master SET sql = 'CREATE INDEX vacancies_board_salary ON vacancies (status, id DESC)' \
             WHERE name = 'vacancies_board_salary';",
        )
        .unwrap();

    let foreign = dir.path().join("foreign.db");
    SqliteConnection::establish(&foreign.to_string_lossy())
        .unwrap()
        .batch_execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');")
        .unwrap();

    let newer = dir.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    SqliteConnection::establish(&newer.to_string_lossy())
        .unwrap()
        .batch_execute(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000001');",
        )
        .unwrap();

    let missing = dir.path().join("missing.db");
    for (file, reason) in [
        (&not_sqlite, "cannot"),
        (&damaged, "integrity"),
        (&foreign, "not a careers database"),
        (&newer, "newer release"),
        (&missing, "no file"),
    ] {
        let out = careers(
            &url,
            dir.path(),
            &["restore", "--from", &file.to_string_lossy()],
        );
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{} was restored", file.display());
        assert!(
            stderr.contains(reason) || (reason == "cannot" && stderr.contains("not a database")),
            "{}: {stderr}",
            file.display()
        );
        assert_eq!(
            std::fs::read(&database).unwrap(),
            original,
            "database changed"
        );
        assert!(!dir.path().join("careers.db.restoring").exists());
    }
    // The good one passes.
    let out = careers(
        &url,
        dir.path(),
        &["restore", "--from", &good.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("migrations up to date"));
}

backend_test!(check_reports_what_is_wrong_and_exits_one);
/// `careers check`: all well gives exit 0; a vacancy missing from the keyword index and a
/// migration not applied each give exit 1 with the reason and what to run.
async fn check_reports_what_is_wrong_and_exits_one() {
    let app = common::spawn_app().await;
    let dir = app._dir.path().to_path_buf();
    let out = careers(&app.database_url, &dir, &["check"]);
    let report = text(&out.stdout);
    assert!(out.status.success(), "{report}{}", text(&out.stderr));
    for line in [
        "ok    reachable",
        "ok    migrations: all",
        "ok    integrity",
        "ok    keyword index",
    ] {
        assert!(report.contains(line), "{line} missing:\n{report}");
    }

    let open = db_open_vacancy(&app);
    remove_index_entry(&app, open);
    let out = careers(&app.database_url, &dir, &["check"]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(report.contains("FAIL  keyword index"), "{report}");
    assert!(
        report.contains("1 vacancies have no entry (1 of them open"),
        "{report}"
    );
    assert!(report.contains(&format!("ids {open}")), "{report}");
    assert!(report.contains("careers reindex"), "{report}");

    app.run_command(&["reindex"]);
    let out = careers(&app.database_url, &dir, &["check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));

    {
        let mut conn = app.conn();
        let latest = careers::db::maintenance::applied_migrations(&mut conn)
            .unwrap()
            .unwrap()
            .pop()
            .unwrap();
        conn.batch_execute(&format!(
            "DELETE FROM __diesel_schema_migrations WHERE version = '{latest}'"
        ))
        .unwrap();
    }
    let out = careers(&app.database_url, &dir, &["check"]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(report.contains("FAIL  migrations: 1 of"), "{report}");
    assert!(report.contains("pending"), "{report}");
    assert!(report.contains("careers migrate"), "{report}");
}

fn db_open_vacancy(app: &TestApp) -> i32 {
    careers::db::board::newest_open(&mut app.conn(), "en", 1)
        .unwrap()
        .into_iter()
        .next()
        .expect("an open demo vacancy")
        .0
        .id
}

fn remove_index_entry(app: &TestApp, id: i32) {
    let sql = match app.backend {
        TestBackend::Sqlite => format!("DELETE FROM vacancy_search WHERE rowid = {id}"),
        TestBackend::Postgres => format!("DELETE FROM vacancy_search WHERE vacancy_id = {id}"),
    };
    app.conn().batch_execute(&sql).unwrap();
}

/// SQLite: damage `PRAGMA integrity_check` finds (an index that no longer matches its table)
/// makes `check` fail on integrity.
#[test]
fn check_finds_a_damaged_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(dir.path());
    assert!(careers(&url, dir.path(), &["migrate"]).status.success());
    let out = careers(&url, dir.path(), &["generate", "--vacancies", "5"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    SqliteConnection::establish(&dir.path().join("careers.db").to_string_lossy())
        .unwrap()
        .batch_execute(
            "PRAGMA writable_schema = ON; \
             UPDATE sqlite_master SET sql = 'CREATE INDEX vacancies_board_salary ON vacancies (status, id DESC)' \
             WHERE name = 'vacancies_board_salary';",
        )
        .unwrap();
    let out = careers(&url, dir.path(), &["check"]);
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(report.contains("FAIL  integrity"), "{report}");
    assert!(
        report.contains("missing from index vacancies_board_salary"),
        "{report}"
    );
    // A database that is not there is reported, not created.
    let none = format!("sqlite://{}", dir.path().join("nothing.db").display());
    let out = careers(&none, dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("FAIL  reachable: no SQLite database"));
    assert!(!dir.path().join("nothing.db").exists());
}

/// PostgreSQL: `backup` runs `pg_dump --format=custom` (a file pg_restore reads), says how to
/// do it by hand when pg_dump is not on PATH, and `restore` points to pg_restore.
#[tokio::test]
async fn postgres_backup_runs_pg_dump() {
    let Some(app) = common::spawn_app_on(TestBackend::Postgres, true).await else {
        return;
    };
    let dir = app._dir.path().to_path_buf();
    let file = dir.join("careers.dump");
    let out = careers(
        &app.database_url,
        &dir,
        &["backup", "--to", &file.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("pg_dump custom format"));
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"PGDMP"), "a pg_dump custom-format file");
    let listed = Command::new("pg_restore").arg("--list").arg(&file).output();
    if let Ok(listed) = listed {
        let listing = text(&listed.stdout);
        assert!(
            listing.contains("TABLE") && listing.contains("vacancies"),
            "{listing}"
        );
    }

    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["backup", "--to", &dir.join("second.dump").to_string_lossy()])
        .env("DATABASE_URL", &app.database_url)
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("pg_dump is not on PATH"), "{stderr}");
    assert!(stderr.contains("pg_dump --format=custom"), "{stderr}");
    assert!(!dir.join("second.dump").exists());

    let out = careers(
        &app.database_url,
        &dir,
        &["restore", "--from", &file.to_string_lossy()],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("pg_restore"),
        "{}",
        text(&out.stderr)
    );
}

/// Every setting `careers --help` lists has its row in the README's configuration table.
#[test]
fn every_setting_is_in_the_readme() {
    let out = Command::new(env!("CARGO_BIN_EXE_careers"))
        .arg("--help")
        .output()
        .unwrap();
    let help = text(&out.stdout);
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let vars: Vec<&str> = help
        .split("[env: ")
        .skip(1)
        .filter_map(|rest| rest.split(['=', ']']).next())
        .collect();
    assert!(vars.contains(&"METRICS_TOKEN") && vars.len() > 20, "{help}");
    for var in vars {
        assert!(
            readme.contains(&format!("| `{var}` |")),
            "{var} is missing from the README's configuration table"
        );
    }
}
