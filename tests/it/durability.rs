//! `kill -9` of the server in the middle of a burst of writes loses nothing it had acknowledged:
//! the real binary takes applications (with a CV) and vacancy saves from several clients at
//! once, is sent SIGKILL mid-burst, and is started again on the same database. Every
//! application it had confirmed (200 with a receipt link) and every save it had answered with
//! a 303 is there, and on SQLite the database passes `PRAGMA integrity_check`.

use crate::common::{self, csrf_token, PgTestDb, TestBackend};
use crate::instances::{start_with, Instance};
use careers::models::Role;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const EMAIL: &str = "boss@example.com";
const PASSWORD: &str = "a long admin password";
/// Clients sending applications, and clients saving vacancies (one vacancy each).
const APPLICANTS: usize = 4;
const EDITORS: usize = 2;
/// The kill comes once this many writes of each kind were acknowledged (or at `KILL_AFTER`).
const ACKED_BEFORE_KILL: usize = 12;
const KILL_AFTER: Duration = Duration::from_secs(20);

/// The server's settings: no minimum fill time, no per-address application limit (every
/// client here is 127.0.0.1).
const SETTINGS: &[(&str, &str)] = &[
    ("MIN_FILL_SECONDS", "0"),
    ("APPLY_PER_HOUR", "1000000"),
    ("WORKERS", "2"),
    ("DB_POOL_SIZE", "4"),
];

fn pdf(marker: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Title ({marker}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// The value of the first field named `name` in a page.
fn field_value(html: &str, name: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!("[name=\"{name}\"]")).unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value").map(str::to_string))
        .unwrap_or_default()
}

/// One application; the receipt token when the server confirmed it, `Err` when the server
/// is gone (or answered anything else).
async fn apply(
    client: &reqwest::Client,
    base: &str,
    slug: &str,
    email: &str,
) -> Result<String, String> {
    let page = client
        .get(format!("{base}/en/vacancies/{slug}"))
        .send()
        .await
        .map_err(|e| e.to_string())?
        .text()
        .await
        .map_err(|e| e.to_string())?;
    let form = reqwest::multipart::Form::new()
        .text("form_stamp", field_value(&page, "form_stamp"))
        .text("homepage", "")
        .text("full_name", "Kill Test")
        .text("email", email.to_string())
        .text("phone", "")
        .text("linkedin_url", "")
        .text("github_url", "")
        .text("portfolio_url", "")
        .text("cover_letter", "Hello.")
        .text("consent", "yes")
        .part(
            "cv",
            reqwest::multipart::Part::bytes(pdf(email))
                .file_name("cv.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let r = client
        .post(format!("{base}/en/vacancies/{slug}/apply"))
        .multipart(form)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = r.status().as_u16();
    let html = r.text().await.map_err(|e| e.to_string())?;
    let start = html
        .find("/applications/")
        .filter(|_| status == 200)
        .ok_or_else(|| format!("status {status}"))?
        + "/applications/".len();
    Ok(html[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect())
}

/// The vacancy form with `summary`, as the edit page sends it.
fn vacancy_form(token: &str, summary: &str) -> Vec<(&'static str, String)> {
    let valid_through = (careers::clock::now() + time::Duration::days(30))
        .date()
        .to_string();
    vec![
        ("csrf_token", token.to_string()),
        ("title", "Platform Engineer".into()),
        ("category", "devops".into()),
        ("seniority", "middle_plus".into()),
        ("employment", "full_time".into()),
        ("work_mode", "hybrid".into()),
        ("location", "Lisbon".into()),
        ("country", "PT".into()),
        ("remote_countries", "".into()),
        ("salary_min", "50000".into()),
        ("salary_max", "65000".into()),
        ("salary_currency", "EUR".into()),
        ("salary_period", "year".into()),
        ("valid_through", valid_through),
        ("summary", summary.into()),
        (
            "responsibilities",
            "- Run and improve our Kubernetes clusters".into(),
        ),
        (
            "requirements",
            "- Three or more years running production systems".into(),
        ),
        ("nice_to_have", "".into()),
        ("benefits", "- Learning budget".into()),
        ("skills", "Kubernetes, Terraform".into()),
        ("intent", "save".into()),
    ]
}

fn summary(vacancy: i32, save: u32) -> String {
    format!(
        "You will build the platform our teams deploy to, with a small team that cares about \
         reliability. Save {save} of vacancy {vacancy}."
    )
}

/// The save number in a stored summary.
fn save_number(summary: &str) -> Option<u32> {
    summary
        .split("Save ")
        .nth(1)?
        .split(' ')
        .next()?
        .parse()
        .ok()
}

/// The database of the running test's backend: its URL, and what must live as long as it.
fn database(dir: &std::path::Path) -> (String, Option<PgTestDb>) {
    match common::current_backend() {
        TestBackend::Sqlite => (format!("sqlite://{}", dir.join("kill.db").display()), None),
        TestBackend::Postgres => {
            let pg = PgTestDb::create().expect("TEST_DATABASE_URL");
            (pg.url.clone(), Some(pg))
        }
    }
}

backend_test!(a_killed_server_keeps_every_acknowledged_write);
async fn a_killed_server_keeps_every_acknowledged_write() {
    use careers::schema::{applications, vacancies};
    use diesel::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let (database_url, _pg) = database(dir.path());
    // Demo content and an administrator, written before the server starts.
    let mut config = common::config(dir.path(), true);
    config.database_url = database_url.clone();
    let (pool, _) = careers::startup::prepare_database(&config).expect("database");
    let hash = careers::domain::auth::hash_password(PASSWORD).unwrap();
    careers::db::users::insert(&mut pool.get().unwrap(), EMAIL, "Boss", &hash, Role::Admin)
        .unwrap();
    let open: Vec<(i32, String)> =
        careers::db::board::newest_open(&mut pool.get().unwrap(), "en", 100)
            .unwrap()
            .into_iter()
            .map(|(v, _)| (v.id, v.slug))
            .collect();
    assert!(open.len() > EDITORS);
    drop(pool);

    let mut server: Instance = start_with(&database_url, dir.path(), SETTINGS);
    let base = server.address.clone();
    let admin = common::new_client();
    let (_, page) = get(&admin, &format!("{base}/admin/login")).await;
    let r = admin
        .post(format!("{base}/admin/login"))
        .form(&[
            ("csrf_token", csrf_token(&page).as_str()),
            ("email", EMAIL),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "sign-in");
    let (_, page) = get(&admin, &format!("{base}/admin")).await;
    let token = csrf_token(&page);

    // The burst: every client writes until the server is gone (or a bound is reached).
    let stop = Arc::new(AtomicBool::new(false));
    let applied = Arc::new(AtomicUsize::new(0));
    let saved = Arc::new(AtomicUsize::new(0));
    let mut applicants = tokio::task::JoinSet::new();
    for client_no in 0..APPLICANTS {
        let (base, open, stop, applied) =
            (base.clone(), open.clone(), stop.clone(), applied.clone());
        applicants.spawn(async move {
            let client = common::new_client();
            let mut acked = Vec::new();
            for n in 0..10_000 {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let email = format!("kill{client_no}-{n}@example.com");
                let slug = &open[n % open.len()].1;
                match apply(&client, &base, slug, &email).await {
                    Ok(token) => {
                        acked.push((email, token));
                        applied.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(_) if stop.load(Ordering::Relaxed) => break,
                    Err(e) => panic!("application {email} before the kill: {e}"),
                }
            }
            acked
        });
    }
    let mut editors = tokio::task::JoinSet::new();
    for &(vacancy, _) in open.iter().take(EDITORS) {
        let (base, admin, token, stop, saved) = (
            base.clone(),
            admin.clone(),
            token.clone(),
            stop.clone(),
            saved.clone(),
        );
        editors.spawn(async move {
            let mut last_acked = None;
            for save in 1..10_000u32 {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let form = vacancy_form(&token, &summary(vacancy, save));
                let r = admin
                    .post(format!("{base}/admin/vacancies/{vacancy}"))
                    .form(&form)
                    .send()
                    .await;
                match r.map(|r| r.status().as_u16()) {
                    Ok(303) => {
                        last_acked = Some(save);
                        saved.fetch_add(1, Ordering::Relaxed);
                    }
                    _ if stop.load(Ordering::Relaxed) => break,
                    other => panic!("save {save} of vacancy {vacancy} before the kill: {other:?}"),
                }
            }
            (vacancy, last_acked)
        });
    }

    // SIGKILL mid-burst, with requests in flight.
    let started = Instant::now();
    while (applied.load(Ordering::Relaxed) < ACKED_BEFORE_KILL
        || saved.load(Ordering::Relaxed) < ACKED_BEFORE_KILL)
        && started.elapsed() < KILL_AFTER
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    stop.store(true, Ordering::Relaxed);
    server.child.kill().expect("SIGKILL");
    let status = server.child.wait().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "killed by SIGKILL: {status:?}");
    }
    let mut acked_applications = Vec::new();
    while let Some(acked) = applicants.join_next().await {
        acked_applications.extend(acked.unwrap());
    }
    let mut acked_saves = Vec::new();
    while let Some(done) = editors.join_next().await {
        acked_saves.push(done.unwrap());
    }
    assert!(
        acked_applications.len() >= ACKED_BEFORE_KILL,
        "{} applications acknowledged before the kill",
        acked_applications.len()
    );
    assert!(acked_saves.iter().all(|(_, last)| last.is_some()));

    // The database opens again: the server starts on it and serves every receipt.
    let server = start_with(&database_url, dir.path(), SETTINGS);
    let visitor = common::new_client();
    assert_eq!(get(&visitor, &server.url("/healthz")).await.0, 200);
    for (email, token) in &acked_applications {
        let (status, _) = get(&visitor, &server.url(&format!("/en/applications/{token}"))).await;
        assert_eq!(status, 200, "the receipt of {email}");
    }

    // Every acknowledged write is stored: each application once, each vacancy at its last
    // acknowledged save or a later one (sent, done, but cut off before its answer).
    config.demo = false;
    let (pool, _) = careers::startup::prepare_database(&config).expect("reopen");
    let mut conn = pool.get().unwrap();
    for (email, _) in &acked_applications {
        let stored: i64 = applications::table
            .filter(applications::email.eq(email))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(stored, 1, "{email}");
    }
    for (vacancy, last_acked) in &acked_saves {
        let stored: String = vacancies::table
            .find(vacancy)
            .select(vacancies::summary)
            .first(&mut *conn)
            .unwrap();
        let number = save_number(&stored).expect("a save's summary");
        assert!(
            Some(number) >= *last_acked,
            "vacancy {vacancy}: save {number} stored, {last_acked:?} acknowledged"
        );
    }
    drop(conn);
    drop(pool);
    drop(server);
    if common::current_backend() == TestBackend::Sqlite {
        assert_eq!(sqlite_integrity(&dir.path().join("kill.db")), "ok");
    }
    eprintln!(
        "kill -9 after {:?}: {} applications and {} saves acknowledged, all kept",
        started.elapsed(),
        acked_applications.len(),
        saved.load(Ordering::Relaxed)
    );
}

async fn get(client: &reqwest::Client, url: &str) -> (u16, String) {
    let r = client.get(url).send().await.expect("request");
    (r.status().as_u16(), r.text().await.unwrap())
}

/// `PRAGMA integrity_check` on the file, through a connection of its own.
fn sqlite_integrity(path: &std::path::Path) -> String {
    use diesel::prelude::*;
    use diesel::sql_types::Text;
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let mut conn = diesel::sqlite::SqliteConnection::establish(&path.display().to_string())
        .expect("open the database file");
    // The closing pools' last connection may still be checkpointing the WAL: wait for it.
    diesel::sql_query("PRAGMA busy_timeout = 5000")
        .execute(&mut conn)
        .unwrap();
    diesel::sql_query("PRAGMA integrity_check")
        .load::<Row>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|r| r.integrity_check)
        .collect::<Vec<_>>()
        .join("; ")
}
