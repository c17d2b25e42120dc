//! Several `careers` processes on one PostgreSQL database behave as one site: a session from
//! one works on the other, content created on one is found on the other (its page cache drops
//! the stale page within about a second), and failed sign-ins on any count toward one lockout. Needs `TEST_DATABASE_URL` (see tests/it/common).

use crate::common::{self, csrf_token, location, PgTestDb};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const EMAIL: &str = "boss@example.com";
const PASSWORD: &str = "a long admin password";

/// One `careers` process; killed (by its PID) when dropped.
pub(crate) struct Instance {
    pub(crate) child: Child,
    pub(crate) address: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Instance {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }
}

/// `careers` with the settings every instance must share.
fn careers(database_url: &str, data_dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_careers"));
    cmd.env("DATABASE_URL", database_url)
        .env("SECRET_KEY", common::SECRET_KEY)
        .env("BASE_URL", "http://careers.test")
        .env("DATA_DIR", data_dir)
        .env("STATIC_DIR", concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
        .env("WORKERS", "1")
        .env("DB_POOL_SIZE", "2")
        .env("RUST_LOG", "info,actix_server=warn")
        .env_remove("DEMO")
        .env_remove("BIND_ADDR");
    cmd
}

/// Starts `careers serve` on a free port (port 0) and waits for its "serving on" line.
fn start(database_url: &str, data_dir: &std::path::Path) -> Instance {
    start_with(database_url, data_dir, &[])
}

/// `start` with more settings (`("MIN_FILL_SECONDS", "0")`, ...).
pub(crate) fn start_with(
    database_url: &str,
    data_dir: &std::path::Path,
    settings: &[(&str, &str)],
) -> Instance {
    let mut child = careers(database_url, data_dir)
        .envs(settings.iter().copied())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start careers");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    // Keeps reading after the address, or a full pipe would stall the server.
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(at) = line.find("serving on ") {
                let _ = tx.send(Ok(line[at + "serving on ".len()..].trim().to_string()));
            } else if line.starts_with("error") {
                let _ = tx.send(Err(line));
            }
        }
    });
    let mut instance = Instance {
        child,
        address: String::new(),
    };
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(address)) => instance.address = address,
        Ok(Err(line)) => panic!("careers serve failed: {line}"),
        Err(_) => panic!("careers serve did not start within 60 s"),
    }
    instance
}

fn create_admin(database_url: &str, data_dir: &std::path::Path) {
    let mut child = careers(database_url, data_dir)
        .args([
            "create-admin",
            "--email",
            EMAIL,
            "--name",
            "Boss",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PASSWORD}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "create-admin: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

async fn get(client: &reqwest::Client, url: &str) -> (u16, String) {
    let r = client.get(url).send().await.expect("request");
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn sign_in(client: &reqwest::Client, on: &Instance, password: &str) -> reqwest::Response {
    let (_, page) = get(client, &on.url("/admin/login")).await;
    let token = csrf_token(&page);
    client
        .post(on.url("/admin/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", EMAIL),
            ("password", password),
        ])
        .send()
        .await
        .unwrap()
}

/// Titles of the search results for `q`.
async fn search(client: &reqwest::Client, on: &Instance, q: &str) -> Vec<String> {
    let (status, html) = get(client, &on.url(&format!("/en/vacancies?q={q}"))).await;
    assert_eq!(status, 200);
    common::texts(&html, ".results .card-title")
}

#[tokio::test]
async fn two_instances_on_one_database_act_as_one_site() {
    let Some(db) = PgTestDb::create() else {
        return;
    };
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    // Both start (and migrate) at once: the advisory lock keeps that safe.
    let (one, two) = std::thread::scope(|s| {
        let one = s.spawn(|| start(&db.url, dirs[0].path()));
        let two = s.spawn(|| start(&db.url, dirs[1].path()));
        (one.join().unwrap(), two.join().unwrap())
    });
    assert_ne!(one.address, two.address);
    for on in [&one, &two] {
        assert_eq!(get(&common::new_client(), &on.url("/healthz")).await.0, 200);
    }
    create_admin(&db.url, dirs[0].path());

    // A session made on one instance is valid on the other.
    let admin = common::new_client();
    let r = sign_in(&admin, &one, PASSWORD).await;
    assert_eq!(r.status().as_u16(), 303, "sign-in on the first instance");
    let (status, _) = get(&common::new_client(), &two.url("/admin")).await;
    assert_eq!(
        status, 303,
        "without the cookie the second sends to sign-in"
    );
    let (status, page) = get(&admin, &two.url("/admin")).await;
    assert_eq!(status, 200, "the first instance's session on the second");
    assert!(page.contains(EMAIL) || page.contains("Boss"));

    // A vacancy created and published on the second is found by search on the first.
    let (_, form_page) = get(&admin, &two.url("/admin/vacancies/new")).await;
    let token = csrf_token(&form_page);
    let valid_through = (careers::clock::now() + time::Duration::days(30))
        .date()
        .to_string();
    let form = [
        ("csrf_token", token.as_str()),
        ("title", "Quokka Platform Engineer"),
        ("category", "devops"),
        ("seniority", "middle_plus"),
        ("employment", "full_time"),
        ("work_mode", "hybrid"),
        ("location", "Lisbon"),
        ("country", "PT"),
        ("remote_countries", ""),
        ("salary_min", "50000"),
        ("salary_max", "65000"),
        ("salary_currency", "EUR"),
        ("salary_period", "year"),
        ("valid_through", valid_through.as_str()),
        ("summary", "You will build the internal platform our product teams deploy to, with a small team that cares about reliability, clear documentation and calm on-call weeks."),
        ("responsibilities", "- Run and improve our Kubernetes clusters\n- Write Terraform modules that product teams reuse"),
        ("requirements", "- Three or more years running production systems on Linux\n- Hands-on Kubernetes experience"),
        ("nice_to_have", "- Prometheus dashboards"),
        ("benefits", "- Hybrid work from our Lisbon office\n- Learning budget"),
        ("skills", "Kubernetes, Terraform"),
        ("intent", "save"),
    ];
    // An anonymous search on the first is kept by its page cache (on by default).
    let reader = common::new_client();
    assert!(search(&reader, &one, "quokka").await.is_empty());
    let repeat = reader
        .get(one.url("/en/vacancies?q=quokka"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        repeat
            .headers()
            .get("x-cache")
            .and_then(|v| v.to_str().ok()),
        Some("hit"),
        "the first instance serves the search from its cache"
    );
    let r = admin
        .post(two.url("/admin/vacancies"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "vacancy created on the second");
    let id = location(&r)
        .trim_start_matches("/admin/vacancies/")
        .to_string();
    let r = admin
        .post(two.url(&format!("/admin/vacancies/{id}/status")))
        .form(&[("csrf_token", token.as_str()), ("action", "publish")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "published on the second");
    // The first instance drops its cached page within about a second of the write.
    let published = std::time::Instant::now();
    let mut found = Vec::new();
    while published.elapsed() < Duration::from_millis(2500) {
        found = search(&reader, &one, "quokka").await;
        if !found.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        found,
        vec!["Quokka Platform Engineer"],
        "found by search on the first"
    );
    assert!(
        published.elapsed() < Duration::from_millis(1600),
        "stale for {:?}",
        published.elapsed()
    );

    // Failed sign-ins on both instances add up to one lockout.
    let attacker = common::new_client();
    for attempt in 0..5 {
        let on = if attempt % 2 == 0 { &one } else { &two };
        let r = sign_in(&attacker, on, "not the password").await;
        assert_eq!(r.status().as_u16(), 401, "failure {} refused", attempt + 1);
    }
    for on in [&one, &two] {
        let r = sign_in(&common::new_client(), on, PASSWORD).await;
        assert_eq!(
            r.status().as_u16(),
            429,
            "locked on {} after 5 failures spread over both",
            on.address
        );
    }
}

#[test]
fn postgres_needs_a_secret_key_and_migrates_on_command() {
    let Some(db) = PgTestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = careers(&db.url, dir.path())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env_remove("SECRET_KEY")
        .output()
        .unwrap();
    assert!(!out.status.success(), "serve without SECRET_KEY must stop");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SECRET_KEY is required"), "{err}");
    // `migrate` applies the migrations once and exits; a second run finds nothing to do.
    for _ in 0..2 {
        let out = careers(&db.url, dir.path())
            .arg("migrate")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("migrations applied"));
    }
    let (pool, _) = careers::db::connect(&db.url, 1).unwrap();
    assert_eq!(
        careers::db::vacancies::count(&mut pool.get().unwrap()).unwrap(),
        0
    );
}
