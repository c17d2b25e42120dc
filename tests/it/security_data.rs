//! Security and privacy of candidates' and readers' data: comment moderation and stamp replay,
//! secrets kept out of logs and the audit trail, erasure, input checks, public POST checks,
//! mail limits and file permissions.

use crate::common::{self, TestApp};
use careers::db;
use careers::models::{CommentStatus, NewComment};

const ARTICLE: &str = "databases-and-caches";

/// The value of the first field named `name` in a page.
fn field_value(html: &str, name: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!("[name=\"{name}\"]")).unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr("value").map(str::to_string))
        .unwrap_or_default()
}

/// A fresh comment form stamp from the article page.
async fn comment_stamp(app: &TestApp) -> String {
    let (status, page) = app.get_html(&format!("/en/articles/{ARTICLE}")).await;
    assert_eq!(status, 200);
    field_value(&page, "form_stamp")
}

async fn send_comment(app: &TestApp, stamp: &str, email: &str, text: &str) -> reqwest::Response {
    app.post_form(
        &format!("/en/articles/{ARTICLE}/comments"),
        &[
            ("form_stamp", stamp),
            ("homepage", ""),
            ("name", "Ada Reader"),
            ("email", email),
            ("comment", text),
        ],
    )
    .await
}

fn comments_with_status(app: &TestApp, status: CommentStatus) -> Vec<String> {
    db::comments::queue(&mut app.conn(), Some(status))
        .unwrap()
        .into_iter()
        .map(|(c, _, _)| c.body)
        .collect()
}

fn article_id(app: &TestApp) -> i32 {
    db::learning::article_by_slug(&mut app.conn(), ARTICLE)
        .unwrap()
        .unwrap()
        .id
}

backend_test!(an_email_with_an_approved_comment_still_waits_for_moderation);
async fn an_email_with_an_approved_comment_still_waits_for_moderation() {
    let app = common::spawn_app().await;
    db::comments::insert(
        &mut app.conn(),
        &NewComment {
            article_id: article_id(&app),
            parent_id: None,
            author_name: "Ada Reader".into(),
            email: "ada@example.com".into(),
            website: String::new(),
            body: "An earlier, approved comment.".into(),
            status: CommentStatus::Approved.as_str().into(),
            client_address: "10.0.0.1".into(),
            created_at: careers::clock::now(),
        },
    )
    .unwrap();
    let stamp = comment_stamp(&app).await;
    let r = send_comment(&app, &stamp, "ada@example.com", "Spam posing as Ada").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        common::location(&r),
        format!("/en/articles/{ARTICLE}?comment=pending#comments")
    );
    assert!(comments_with_status(&app, CommentStatus::Pending)
        .contains(&"Spam posing as Ada".to_string()));
    let (_, html) = app.get_html(&format!("/en/articles/{ARTICLE}")).await;
    assert!(!html.contains("Spam posing as Ada"));
}

backend_test!(a_comment_stamp_posts_once);
async fn a_comment_stamp_posts_once() {
    let app = common::spawn_app().await;
    let stamp = comment_stamp(&app).await;
    let r = send_comment(&app, &stamp, "ada@example.com", "First post").await;
    assert_eq!(r.status().as_u16(), 303);
    let r = send_comment(&app, &stamp, "bob@example.com", "Replayed post").await;
    assert_eq!(r.status().as_u16(), 422, "a replayed stamp is refused");
    let html = r.text().await.unwrap();
    assert!(html.contains("already used"), "the form says why");
    // The form comes back with a fresh stamp that works.
    let fresh = field_value(&html, "form_stamp");
    assert_ne!(fresh, stamp);
    let pending = comments_with_status(&app, CommentStatus::Pending);
    assert!(pending.contains(&"First post".to_string()));
    assert!(!pending.contains(&"Replayed post".to_string()));
    let r = send_comment(&app, &fresh, "bob@example.com", "Replayed post").await;
    assert_eq!(r.status().as_u16(), 303);
}

// ---- applications: helpers as a browser sends the apply form ----

/// A small PDF (the CV sniffer accepts it) carrying `marker`.
fn pdf_with(marker: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Title ({marker}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

fn first_open_slug(app: &TestApp) -> String {
    db::board::newest_open(&mut app.conn(), "en", 1000)
        .unwrap()
        .into_iter()
        .map(|(v, _)| v.slug)
        .next()
        .expect("an open demo vacancy")
}

async fn apply_stamp(app: &TestApp, slug: &str) -> String {
    let (status, html) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert_eq!(status, 200);
    field_value(&html, "form_stamp")
}

async fn send_application(
    app: &TestApp,
    slug: &str,
    name: &str,
    email: &str,
    cv: Vec<u8>,
) -> reqwest::Response {
    let stamp = apply_stamp(app, slug).await;
    let form = reqwest::multipart::Form::new()
        .text("form_stamp", stamp)
        .text("homepage", "")
        .text("full_name", name.to_string())
        .text("email", email.to_string())
        .text("phone", "")
        .text("linkedin_url", "")
        .text("github_url", "")
        .text("portfolio_url", "")
        .text("cover_letter", "Hello.")
        .text("consent", "yes")
        .part(
            "cv",
            reqwest::multipart::Part::bytes(cv)
                .file_name("cv.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    app.client
        .post(app.url(&format!("/en/vacancies/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Applies; returns the receipt token.
async fn apply(app: &TestApp, name: &str, email: &str, cv: Vec<u8>) -> String {
    let slug = first_open_slug(app);
    let r = send_application(app, &slug, name, email, cv).await;
    assert_eq!(r.status().as_u16(), 200, "application accepted");
    let html = r.text().await.unwrap();
    let start = html.find("/applications/").expect("receipt link") + "/applications/".len();
    html[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

async fn with_apply_settings() -> TestApp {
    common::spawn_app_configured(true, |c| {
        c.min_fill_seconds = 0;
        c.applications.apply_per_hour = 100;
    })
    .await
}

/// Every audit entry as one text: entity, action and changes.
fn audit_text(app: &TestApp) -> String {
    use careers::db::schema::audit_log;
    use diesel::prelude::*;
    audit_log::table
        .select((audit_log::entity, audit_log::action, audit_log::changes))
        .load::<(String, String, String)>(&mut app.conn())
        .unwrap()
        .into_iter()
        .map(|(e, a, c)| format!("{e} {a} {c}\n"))
        .collect()
}

backend_test!(a_deleted_comment_leaves_no_copy_in_the_audit_trail);
async fn a_deleted_comment_leaves_no_copy_in_the_audit_trail() {
    let app = common::spawn_app().await;
    let id = db::comments::insert(
        &mut app.conn(),
        &NewComment {
            article_id: article_id(&app),
            parent_id: None,
            author_name: "Zebedee Quux".into(),
            email: "zebedee@example.com".into(),
            website: String::new(),
            body: "My very personal story".into(),
            status: CommentStatus::Approved.as_str().into(),
            client_address: "10.0.0.1".into(),
            created_at: careers::clock::now(),
        },
    )
    .unwrap();
    let csrf = app.admin().await;
    let row = format!("delete:{id}");
    let r = app
        .post_form("/admin/comments", &[("csrf_token", &csrf), ("row", &row)])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(db::comments::by_id(&mut app.conn(), id).unwrap().is_none());
    let audit = audit_text(&app);
    assert!(audit.contains("comment delete"), "{audit}");
    assert!(!audit.contains("Zebedee"), "{audit}");
    assert!(!audit.contains("personal story"), "{audit}");
}

backend_test!(an_export_records_no_search_text);
async fn an_export_records_no_search_text() {
    let app = with_apply_settings().await;
    apply(
        &app,
        "Jane Export",
        "jane.export@example.com",
        pdf_with("x"),
    )
    .await;
    let _ = app.admin().await;
    let r = app
        .get("/admin/applications.csv?q=jane.export%40example.com")
        .await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("jane.export@example.com"));
    let audit = audit_text(&app);
    assert!(audit.contains("application export"), "{audit}");
    assert!(!audit.contains("jane.export"), "{audit}");
}

#[tokio::test]
async fn an_erased_cv_is_not_left_in_the_sqlite_wal() {
    let app = with_apply_settings().await;
    let marker = format!("CV-MARKER-{:016x}", rand::random::<u64>());
    let token = apply(&app, "Jane Wal", "jane.wal@example.com", pdf_with(&marker)).await;
    let wal = app._dir.path().join("test.db-wal");
    let r = app
        .post_form(
            &format!("/en/applications/{token}/erase"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    let contains = |bytes: &[u8]| bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
    let wal_bytes = std::fs::read(&wal).unwrap_or_default();
    assert!(!contains(&wal_bytes), "the CV is still in the -wal file");
    let db_bytes = std::fs::read(app._dir.path().join("test.db")).unwrap();
    assert!(!contains(&db_bytes), "the CV is still in the database file");
}

backend_test!(nul_and_control_characters_are_refused_not_a_server_error);
async fn nul_and_control_characters_are_refused_not_a_server_error() {
    let app = with_apply_settings().await;
    for path in [
        "/en/vacancies/a%00b",
        "/en/vacancies?q=%00",
        "/en/vacancies?q=a%1bb",
        "/en/articles/a%00b",
        "/en/applications/%00",
        "/admin/login?next=%00",
    ] {
        let status = app.get(path).await.status().as_u16();
        assert!(
            matches!(status, 400 | 404),
            "{path} answered {status}, not 400 or 404"
        );
    }
    // Forms: a comment and a sign-in with NUL.
    let stamp = comment_stamp(&app).await;
    let r = send_comment(&app, &stamp, "ada@example.com", "with a \0 in it").await;
    let status = r.status().as_u16();
    assert!(matches!(status, 400 | 422), "comment answered {status}");
    let (_, login) = app.get_html("/admin/login").await;
    let csrf = common::csrf_token(&login);
    let r = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &csrf),
                ("email", "admin\0@example.com"),
                ("password", "whatever password"),
            ],
        )
        .await;
    let status = r.status().as_u16();
    assert!(matches!(status, 400 | 422), "sign-in answered {status}");
    // The apply form's text parts and the CV's file name.
    let slug = first_open_slug(&app);
    let r = send_application(&app, &slug, "Jane\0Doe", "jane@example.com", pdf_with("n")).await;
    let status = r.status().as_u16();
    assert!(matches!(status, 400 | 422), "apply answered {status}");
    // Line breaks and tabs in a text area are fine.
    let stamp = comment_stamp(&app).await;
    let r = send_comment(&app, &stamp, "ada@example.com", "line one\r\nline\ttwo").await;
    assert_eq!(r.status().as_u16(), 303);
}

/// A client that sends neither `Origin` nor `Sec-Fetch-Site` (a script, not a browser).
fn bare_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

backend_test!(a_public_post_needs_origin_or_fetch_site_a_form_body_and_a_bounded_size);
async fn a_public_post_needs_origin_or_fetch_site_a_form_body_and_a_bounded_size() {
    let app = with_apply_settings().await;
    let token = apply(&app, "Jane Post", "jane.post@example.com", pdf_with("p")).await;
    let bare = bare_client();
    let read = app.url(&format!("/en/articles/{ARTICLE}/read"));

    // Neither header: refused, on every public form.
    let stamp = comment_stamp(&app).await;
    let comment = [
        ("form_stamp", stamp.as_str()),
        ("homepage", ""),
        ("name", "Ada"),
        ("email", "ada@example.com"),
        ("comment", "Scripted"),
    ];
    let comments_url = app.url(&format!("/en/articles/{ARTICLE}/comments"));
    let r = bare
        .post(&comments_url)
        .form(&comment)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403, "comment without Origin");
    let r = bare
        .post(&read)
        .form(&[("read", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403, "mark as read without Origin");
    let withdraw = app.url(&format!("/en/applications/{token}/withdraw"));
    let r = bare.post(&withdraw).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 403, "withdraw without Origin");
    assert!(!comments_with_status(&app, CommentStatus::Pending).contains(&"Scripted".to_string()));

    // Sec-Fetch-Site alone (a browser that sends no Origin) is enough.
    let r = bare
        .post(&read)
        .header("sec-fetch-site", "same-origin")
        .form(&[("read", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);

    // Not a form: 415.
    let r = app
        .client
        .post(&read)
        .header("content-type", "application/json")
        .body(r#"{"read":"1"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415, "JSON to mark as read");
    let r = app
        .client
        .post(&read)
        .header("content-type", "text/plain")
        .body(vec![0xff, 0xfe, 0x00])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415, "bytes to mark as read");
    let slug = first_open_slug(&app);
    let r = app
        .client
        .post(app.url(&format!("/en/vacancies/{slug}/apply")))
        .form(&[("full_name", "Jane")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status().as_u16(),
        415,
        "urlencoded to the multipart apply form"
    );
    let r = app
        .client
        .post(&comments_url)
        .multipart(reqwest::multipart::Form::new().text("comment", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415, "multipart to the comment form");

    // Over the size limit: 413.
    let huge = "x".repeat(2 * 1024 * 1024);
    let r = app
        .client
        .post(&read)
        .form(&[("read", "1"), ("then", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 413, "a 2 MB field to mark as read");

    // The browser's own form still works.
    let r = app
        .post_form(&format!("/en/articles/{ARTICLE}/read"), &[("read", "1")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app.client.post(&withdraw).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 303, "withdraw with Origin and no body");
}

backend_test!(receipts_repeat_no_typed_name_and_stop_after_three_a_day);
async fn receipts_repeat_no_typed_name_and_stop_after_three_a_day() {
    let (port, mut inbox) = crate::applications::smtp_listener().await;
    let app = common::spawn_app_configured(true, |c| {
        c.min_fill_seconds = 0;
        c.applications.apply_per_hour = 100;
        c.applications.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    let slugs: Vec<String> = db::board::newest_open(&mut app.conn(), "en", 1000)
        .unwrap()
        .into_iter()
        .map(|(v, _)| v.slug)
        .take(4)
        .collect();
    assert_eq!(slugs.len(), 4, "four open demo vacancies");
    let name = "=HYPERLINK(\"https://evil.example\",\"Click\")";
    for slug in &slugs {
        let r = send_application(&app, slug, name, "victim@example.com", pdf_with("r")).await;
        assert_eq!(r.status().as_u16(), 200, "stored and confirmed");
    }
    let mut receipts = Vec::new();
    while let Ok(Some(m)) =
        tokio::time::timeout(std::time::Duration::from_secs(3), inbox.recv()).await
    {
        receipts.push(m.replace("=\r\n", ""));
    }
    assert_eq!(
        receipts.len(),
        3,
        "the fourth application of the day gets no receipt"
    );
    for m in &receipts {
        assert!(m.contains("To: victim@example.com"), "{m}");
        assert!(
            !m.contains("HYPERLINK") && !m.contains("evil.example"),
            "{m}"
        );
        assert!(m.contains("/en/applications/"), "the receipt link is there");
    }
    // All four applications are stored.
    let stored = db::applications::list(&mut app.conn(), &Default::default()).unwrap();
    assert_eq!(stored.len(), 4);
}

#[cfg(unix)]
#[tokio::test]
async fn the_sqlite_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let app = with_apply_settings().await;
    // A write, so the -wal file has content and certainly exists.
    apply(&app, "Jane Mode", "jane.mode@example.com", pdf_with("m")).await;
    for name in ["test.db", "test.db-wal", "test.db-shm"] {
        let path = app._dir.path().join(name);
        let mode = std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{name} has mode {mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn the_binary_creates_a_private_database() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cli.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_careers"))
        .arg("migrate")
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let entry = entry.unwrap();
        let mode = entry.metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{:?} has mode {mode:o}", entry.file_name());
    }
}

/// Sends a request head and the first bytes of its body over raw TCP, then stalls. Returns
/// the open stream.
async fn stalled_request(app: &TestApp, head: &str, first_bytes: &[u8]) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first_bytes).await.unwrap();
    stream
}

/// Reads what the server says (until it closes, or stops talking for `within`): the status
/// line's code, or `None` when it closed without an answer.
async fn answer_within(
    stream: &mut tokio::net::TcpStream,
    within: std::time::Duration,
) -> Option<u16> {
    use tokio::io::AsyncReadExt;
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(within, stream.read(&mut buf))
        .await
        .expect("the server cut the slow body off in time")
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&buf[..n]);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
}

backend_test!(a_slow_request_body_is_cut_off);
async fn a_slow_request_body_is_cut_off() {
    let app = common::spawn_app_configured(true, |c| {
        c.min_fill_seconds = 0;
        c.applications.body_timeout_secs = 2;
    })
    .await;
    let started = std::time::Instant::now();
    // A form: 100 bytes announced, 6 sent.
    let head = format!(
        "POST /en/articles/{ARTICLE}/read HTTP/1.1\r\nHost: localhost\r\nOrigin: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n",
        common::ORIGIN
    );
    let mut stream = stalled_request(&app, &head, b"read=1").await;
    let status = answer_within(&mut stream, std::time::Duration::from_secs(8)).await;
    assert!(
        matches!(status, None | Some(408)),
        "form answered {status:?}"
    );
    // An upload: a multipart head and the start of a part.
    let slug = first_open_slug(&app);
    let head = format!(
        "POST /en/vacancies/{slug}/apply HTTP/1.1\r\nHost: localhost\r\nOrigin: {}\r\n\
         Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n",
        common::ORIGIN
    );
    let mut stream = stalled_request(
        &app,
        &head,
        b"--xyz\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"a.pdf\"\r\n\r\n%PDF-",
    )
    .await;
    let status = answer_within(&mut stream, std::time::Duration::from_secs(8)).await;
    assert!(
        matches!(status, None | Some(408)),
        "upload answered {status:?}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(12));
}

backend_test!(uploads_beyond_the_bound_get_503_with_retry_after);
async fn uploads_beyond_the_bound_get_503_with_retry_after() {
    let app = common::spawn_app_configured(true, |c| {
        c.min_fill_seconds = 0;
        c.applications.apply_per_hour = 100;
        c.applications.body_timeout_secs = 20;
        c.applications.max_uploads = 1;
    })
    .await;
    let slug = first_open_slug(&app);
    let head = format!(
        "POST /en/vacancies/{slug}/apply HTTP/1.1\r\nHost: localhost\r\nOrigin: {}\r\n\
         Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 100000\r\n\r\n",
        common::ORIGIN
    );
    let stalled = stalled_request(&app, &head, b"--xyz\r\n").await;
    // Let the stalled upload take the one place.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let r = send_application(&app, &slug, "Jane", "jane.busy@example.com", pdf_with("b")).await;
    assert_eq!(r.status().as_u16(), 503);
    assert!(r.headers().contains_key("retry-after"));
    // Once it is gone, uploads are read again.
    drop(stalled);
    let mut accepted = false;
    for _ in 0..20 {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        let r = send_application(&app, &slug, "Jane", "jane.busy@example.com", pdf_with("b")).await;
        if r.status().as_u16() == 200 {
            accepted = true;
            break;
        }
    }
    assert!(
        accepted,
        "the place is given back when the stalled client goes away"
    );
}

/// A TCP proxy in front of the test's PostgreSQL server that the test can stop (every
/// connection cut, new ones refused) and start again on the same port: the shared server
/// itself is never touched.
struct DbProxy {
    port: u16,
    upstream: String,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl DbProxy {
    async fn start(upstream: String) -> DbProxy {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mut proxy = DbProxy {
            port,
            upstream,
            task: None,
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&mut self, listener: tokio::net::TcpListener) {
        let upstream = self.upstream.clone();
        self.task = Some(tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                connections.spawn(async move {
                    if let Ok(mut server) = tokio::net::TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
            // Dropping the JoinSet (when this task is aborted) cuts every connection.
        }));
    }

    /// The database "goes away": the listener closes and every connection is cut.
    async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    /// The database "comes back" on the same port.
    async fn restart(&mut self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port))
            .await
            .unwrap();
        self.serve(listener);
    }
}

/// `url` with its host and port replaced by 127.0.0.1:`port`.
fn with_port(url: &str, port: u16) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let user = authority
        .rsplit_once('@')
        .map(|(u, _)| format!("{u}@"))
        .unwrap_or_default();
    format!("{scheme}://{user}127.0.0.1:{port}{tail}")
}

/// host:port of a PostgreSQL URL (port 5432 when not given).
fn host_port(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    let authority = &rest[..rest.find(['/', '?']).unwrap_or(rest.len())];
    let host = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    let host = if host.is_empty() { "127.0.0.1" } else { host };
    if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:5432")
    }
}

// Multi-threaded: start-up connects through the proxy synchronously, so the proxy must run on
// another thread than the test's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_answers_503_while_postgresql_is_away_and_recovers() {
    let Some(server) = common::test_database_url() else {
        return; // PostgreSQL tests skipped (see tests/it/common).
    };
    let mut proxy = DbProxy::start(host_port(&server)).await;
    let port = proxy.port;
    let app = common::spawn_app_on_configured(common::TestBackend::Postgres, true, |c| {
        c.database_url = with_port(&c.database_url, port);
    })
    .await
    .expect("PostgreSQL available");
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    assert_eq!(app.get("/en/vacancies").await.status().as_u16(), 200);

    proxy.stop().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status().as_u16(), 503);
    let r = app.get("/en/vacancies").await;
    assert_eq!(
        r.status().as_u16(),
        503,
        "a page while the database is away"
    );
    assert!(r.headers().contains_key("retry-after"));
    let html = r.text().await.unwrap();
    assert!(
        html.contains(&common::en(careers::messages::UNAVAILABLE_TITLE)),
        "{html}"
    );

    proxy.restart().await;
    let mut back = false;
    for _ in 0..40 {
        if app.get("/en/vacancies").await.status().as_u16() == 200 {
            back = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(back, "the site recovers when the database comes back");
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
}

#[test]
fn proxy_urls_keep_user_database_and_parameters() {
    assert_eq!(
        with_port(
            "postgres://careers:careers@127.0.0.1/careers_ci?options=x",
            6000
        ),
        "postgres://careers:careers@127.0.0.1:6000/careers_ci?options=x"
    );
    assert_eq!(host_port("postgres://u:p@db.local:5433/x"), "db.local:5433");
    assert_eq!(host_port("postgres://u:p@127.0.0.1/x"), "127.0.0.1:5432");
}

/// A route of the tables with its placeholders filled in.
fn concrete_path(path: &str, slug: &str, id: i32) -> String {
    path.replace("{slug}", slug)
        .replace("{id}", &id.to_string())
        .replace("{token}", "0000")
        .replace("{lang}", "en")
        .replace("{code}", "es")
        .replace("{name}", "vacancies-1.xml")
}

backend_test!(a_wrong_method_is_a_405_with_allow_and_an_unknown_path_a_404);
async fn a_wrong_method_is_a_405_with_allow_and_an_unknown_path_a_404() {
    use careers::routes::{allowed_methods, ADMIN_ROUTES, PUBLIC_ROUTES};
    use reqwest::Method;
    let app = common::spawn_app().await;
    let slug = first_open_slug(&app);
    let id = db::vacancies::all(&mut app.conn()).unwrap()[0].id;
    let allow = |r: &reqwest::Response| {
        r.headers()
            .get("allow")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };

    // A form posted to a page: the site's error page, with `Allow`, even from a script that
    // sends no `Origin` (a 405 changes nothing).
    for client in [&app.client, &bare_client()] {
        let r = client
            .post(app.url(&format!("/en/vacancies/{slug}")))
            .form(&[("q", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 405);
        assert_eq!(allow(&r), "GET, HEAD");
        assert!(r.headers().contains_key("content-security-policy"));
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        let html = r.text().await.unwrap();
        assert!(html.contains("<html"), "the site's page");
        assert!(html.contains(&common::en(careers::messages::METHOD_NOT_ALLOWED_TITLE)));
    }

    // A GET to a POST-only path, signed in or not.
    let r = app.get(&format!("/en/vacancies/{slug}/apply")).await;
    assert_eq!((r.status().as_u16(), allow(&r).as_str()), (405, "POST"));
    let r = app.get("/admin/logout").await;
    assert_eq!((r.status().as_u16(), allow(&r).as_str()), (405, "POST"));

    // DELETE somewhere: a path with both methods lists both; signed in, nothing is deleted.
    let csrf = app.admin().await;
    let before = db::vacancies::count(&mut app.conn()).unwrap();
    let r = app
        .client
        .delete(app.url(&format!("/admin/vacancies/{id}")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(allow(&r), "GET, HEAD, POST");
    assert_eq!(
        r.headers()["cache-control"],
        "no-store",
        "still an admin path"
    );
    assert_eq!(db::vacancies::count(&mut app.conn()).unwrap(), before);
    // A HEAD to a POST-only path.
    let r = app
        .client
        .head(app.url(&format!("/en/articles/{ARTICLE}/comments")))
        .send()
        .await
        .unwrap();
    assert_eq!((r.status().as_u16(), allow(&r).as_str()), (405, "POST"));

    // Every route of both tables: a method it does not have gets exactly its `Allow`.
    for route in PUBLIC_ROUTES.iter().chain(ADMIN_ROUTES) {
        let url = app.url(&concrete_path(route.path, &slug, id));
        let expected = allowed_methods(route.path).unwrap();
        for method in [Method::PUT, Method::DELETE, Method::PATCH] {
            let r = app
                .client
                .request(method.clone(), &url)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status().as_u16(), 405, "{method} {}", route.path);
            assert_eq!(allow(&r), expected, "{method} {}", route.path);
        }
    }

    // Unknown paths stay the friendly 404, whatever the method.
    for method in [Method::GET, Method::POST, Method::DELETE] {
        let r = app
            .client
            .request(method.clone(), app.url("/no-such-page"))
            .form(&[("a", "b")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 404, "{method}");
        assert!(r.headers().get("allow").is_none());
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&common::en(careers::messages::NOT_FOUND_TITLE)),
            "{method}"
        );
    }
}
