//! Applications through HTTP: applying with a CV, every refusal, the private receipt page
//! (withdraw, erase), the recruiters' list, pipeline, notes, CSV and CV download, mail through
//! a real SMTP listener, and the purge command.

use crate::common::{self, location, TestApp};
use careers::config::Config;
use careers::db;
use careers::models::{Role, VacancyStatus};
use diesel::prelude::*;
use reqwest::multipart::{Form, Part};

const RECRUITER: &str = "recruiter@example.com";
const PASSWORD: &str = "a long recruiter password";

/// A small but well-formed PDF (one empty page, correct xref offsets) carrying `marker`.
pub(crate) fn minimal_pdf(marker: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string(),
        format!("<< /Title ({marker}) >>"),
    ];
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

async fn app_with(tune: impl FnOnce(&mut Config)) -> TestApp {
    common::spawn_app_configured(true, |c| {
        c.min_fill_seconds = 0;
        c.applications.apply_per_hour = 100;
        tune(c);
    })
    .await
}

async fn app() -> TestApp {
    app_with(|_| {}).await
}

/// The open demo vacancies' slugs, newest first.
fn open_slugs(app: &TestApp) -> Vec<String> {
    db::board::newest_open(&mut app.conn(), "en", 1000)
        .unwrap()
        .into_iter()
        .map(|(v, _)| v.slug)
        .collect()
}

fn vacancy_id(app: &TestApp, slug: &str) -> i32 {
    db::vacancies::by_slug(&mut app.conn(), slug)
        .unwrap()
        .unwrap()
        .vacancy
        .id
}

fn field_value(html: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!(r#"[name="{name}"]"#)).unwrap();
    doc.select(&sel).next().map(|e| {
        e.value()
            .attr("value")
            .map(str::to_string)
            .unwrap_or_else(|| e.text().collect())
    })
}

/// The form stamp of a vacancy page (its apply form must be there).
async fn stamp(app: &TestApp, slug: &str) -> String {
    let (status, html) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert_eq!(status, 200);
    field_value(&html, "form_stamp").expect("the vacancy page has the apply form")
}

struct Cv {
    name: &'static str,
    bytes: Vec<u8>,
}

fn pdf_cv(marker: &str) -> Cv {
    Cv {
        name: "Jane Doe CV (final).pdf",
        bytes: minimal_pdf(marker),
    }
}

/// A complete application; tests change single fields.
fn fields(stamp: &str, name: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form_stamp", stamp.to_string()),
        ("homepage", String::new()),
        ("full_name", name.to_string()),
        ("email", email.to_string()),
        ("phone", "+34 600 123 456".into()),
        ("linkedin_url", "https://www.linkedin.com/in/jane".into()),
        ("github_url", "https://github.com/jane".into()),
        ("portfolio_url", String::new()),
        (
            "cover_letter",
            "I build reliable systems.\nAnd I like it.".into(),
        ),
        ("consent", "yes".into()),
    ]
}

fn set(
    mut form: Vec<(&'static str, String)>,
    field: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    form.retain(|(k, _)| *k != field);
    if !value.is_empty() {
        let key: &'static str = Box::leak(field.to_string().into_boxed_str());
        form.push((key, value.to_string()));
    }
    form
}

async fn send(
    app: &TestApp,
    slug: &str,
    form: &[(&'static str, String)],
    cv: Option<&Cv>,
) -> reqwest::Response {
    let mut multipart = Form::new().percent_encode_noop();
    for (k, v) in form {
        multipart = multipart.text(*k, v.clone());
    }
    if let Some(cv) = cv {
        multipart = multipart.part(
            "cv",
            Part::bytes(cv.bytes.clone())
                .file_name(cv.name)
                .mime_str("application/pdf")
                .unwrap(),
        );
    }
    app.client
        .post(app.url(&format!("/en/vacancies/{slug}/apply")))
        .multipart(multipart)
        .send()
        .await
        .unwrap()
}

/// Applies successfully; returns the receipt token.
async fn apply(app: &TestApp, slug: &str, name: &str, email: &str, marker: &str) -> String {
    let s = stamp(app, slug).await;
    let r = send(app, slug, &fields(&s, name, email), Some(&pdf_cv(marker))).await;
    assert_eq!(r.status().as_u16(), 200, "application accepted");
    let html = r.text().await.unwrap();
    receipt_token(&html).expect("the confirmation shows the receipt link")
}

fn receipt_token(text: &str) -> Option<String> {
    let start = text.find("/en/applications/")? + "/en/applications/".len();
    let token: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    (token.len() == 64).then_some(token)
}

fn count(app: &TestApp) -> i64 {
    use careers::db::schema::applications;
    applications::table
        .count()
        .get_result(&mut app.conn())
        .unwrap()
}

fn all_applications(app: &TestApp) -> Vec<careers::models::Application> {
    db::applications::list(&mut app.conn(), &Default::default())
        .unwrap()
        .into_iter()
        .map(|(a, _)| a)
        .collect()
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

async fn recruiter(app: &TestApp) -> String {
    app.create_user(RECRUITER, PASSWORD, Role::Recruiter);
    app.sign_in(RECRUITER, PASSWORD).await
}

backend_test!(a_candidate_applies_with_a_pdf_and_gets_a_private_receipt);
async fn a_candidate_applies_with_a_pdf_and_gets_a_private_receipt() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    let (_, page) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert!(page.contains("enctype=\"multipart/form-data\""));
    assert!(
        page.contains("180 days"),
        "the privacy notice states the retention"
    );
    let jp = common::json_ld(&page)
        .into_iter()
        .find(|v| v["@type"] == "JobPosting")
        .unwrap();
    assert_eq!(jp["directApply"], true);

    let pdf = minimal_pdf("zqxjkcvmarker");
    let s = stamp(&app, &slug).await;
    let r = send(
        &app,
        &slug,
        &fields(&s, "Jane Doe", "Jane.Doe@Example.com"),
        Some(&Cv {
            name: "Jane Doe CV (final).pdf",
            bytes: pdf.clone(),
        }),
    )
    .await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert_eq!(header(&r, "referrer-policy"), "no-referrer");
    let html = r.text().await.unwrap();
    let token = receipt_token(&html).unwrap();
    assert!(html.contains(&format!("http://careers.test/en/applications/{token}")));

    let stored = all_applications(&app);
    assert_eq!(stored.len(), 1);
    let a = &stored[0];
    assert_eq!(a.full_name, "Jane Doe");
    assert_eq!(a.email, "jane.doe@example.com");
    assert_eq!(a.status, "new");
    assert_eq!(a.cv_type, "application/pdf");
    assert_eq!(a.cv_size as usize, pdf.len());
    let (_, _, bytes) = db::applications::cv(&mut app.conn(), a.id)
        .unwrap()
        .unwrap();
    assert_eq!(bytes, pdf, "the CV is stored byte for byte");
    // Only the token's hash is stored.
    use careers::db::schema::applications;
    let hash: String = applications::table
        .select(applications::token_hash)
        .first(&mut app.conn())
        .unwrap();
    assert_ne!(hash, token);

    let r = app.get(&format!("/en/applications/{token}")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert_eq!(header(&r, "referrer-policy"), "no-referrer");
    assert_eq!(header(&r, "x-robots-tag"), "noindex");
    let html = r.text().await.unwrap();
    assert_eq!(common::texts(&html, "#status"), vec!["Received"]);
    assert!(html.contains("Jane Doe CV (final).pdf"));
}

backend_test!(
    a_file_that_is_not_a_document_is_refused_by_its_content_and_the_form_keeps_its_values
);
async fn a_file_that_is_not_a_document_is_refused_by_its_content_and_the_form_keeps_its_values() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    let s = stamp(&app, &slug).await;
    for bytes in [
        PNG.to_vec(),
        b"<html><script>alert(1)</script></html>".to_vec(),
    ] {
        let form = set(
            fields(&s, "Jane <Doe>", "jane@example.com"),
            "cover_letter",
            "Hello & welcome",
        );
        let r = send(
            &app,
            &slug,
            &form,
            Some(&Cv {
                name: "cv.pdf",
                bytes,
            }),
        )
        .await;
        assert_eq!(r.status().as_u16(), 422);
        assert_eq!(header(&r, "cache-control"), "no-store");
        let html = r.text().await.unwrap();
        let cv_error = common::texts(&html, "#f-cv-error");
        assert!(cv_error[0].contains("not a PDF"), "{cv_error:?}");
        assert!(html.contains("aria-describedby=\"f-cv-error f-cv-hint\""));
        assert!(html.contains("choose your file again"));
        assert_eq!(field_value(&html, "full_name").unwrap(), "Jane <Doe>");
        assert_eq!(field_value(&html, "email").unwrap(), "jane@example.com");
        assert_eq!(
            field_value(&html, "linkedin_url").unwrap(),
            "https://www.linkedin.com/in/jane"
        );
        assert_eq!(
            field_value(&html, "cover_letter").unwrap(),
            "Hello & welcome"
        );
        assert!(html.contains("id=\"f-consent\" name=\"consent\" type=\"checkbox\" value=\"yes\" required aria-required=\"true\" checked"));
    }
    assert_eq!(count(&app), 0);
}

backend_test!(missing_consent_missing_cv_and_bad_fields_answer_422_beside_each_field);
async fn missing_consent_missing_cv_and_bad_fields_answer_422_beside_each_field() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    let s = stamp(&app, &slug).await;
    let form = set(fields(&s, "Jane", "jane@example.com"), "consent", "");
    let r = send(&app, &slug, &form, Some(&pdf_cv("a"))).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(common::texts(&html, "#f-consent-error")[0].contains("privacy notice"));
    assert!(html.contains("aria-describedby=\"f-consent-error f-consent-hint\""));

    let form = set(
        fields(&s, "", "not an email"),
        "github_url",
        "javascript:alert(1)",
    );
    let r = send(&app, &slug, &form, None).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    for id in [
        "#f-full_name-error",
        "#f-email-error",
        "#f-github_url-error",
        "#f-cv-error",
    ] {
        assert_eq!(common::texts(&html, id).len(), 1, "{id}");
    }
    assert_eq!(
        field_value(&html, "github_url").unwrap(),
        "javascript:alert(1)"
    );
    assert_eq!(count(&app), 0);
}

backend_test!(bots_are_stopped_by_the_honeypot_the_fill_time_and_the_stamp);
async fn bots_are_stopped_by_the_honeypot_the_fill_time_and_the_stamp() {
    let app = app_with(|c| c.min_fill_seconds = 3).await;
    let slug = open_slugs(&app)[0].clone();
    let s = stamp(&app, &slug).await;
    // Too fast: sent straight after the form was shown.
    let r = send(
        &app,
        &slug,
        &fields(&s, "Quick Bot", "bot@example.com"),
        Some(&pdf_cv("a")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(&common::en(careers::messages::APPLY_TOO_FAST)));
    assert_eq!(field_value(&html, "full_name").unwrap(), "Quick Bot");
    // Honeypot filled.
    let form = set(
        fields(&s, "Bot", "bot@example.com"),
        "homepage",
        "http://spam.example",
    );
    let r = send(&app, &slug, &form, Some(&pdf_cv("a"))).await;
    assert_eq!(r.status().as_u16(), 400);
    // No stamp, a forged one, or one made for another vacancy.
    let other = open_slugs(&app)[1].clone();
    let other_stamp = stamp(&app, &other).await;
    let (issued, _) = s.split_once('.').unwrap();
    for bad in [
        String::new(),
        format!("{issued}.{}", "ab".repeat(32)),
        other_stamp,
    ] {
        let form = set(fields(&s, "Bot", "bot@example.com"), "form_stamp", &bad);
        let r = send(&app, &slug, &form, Some(&pdf_cv("a"))).await;
        assert_eq!(r.status().as_u16(), 403, "stamp {bad:?}");
    }
    // A post from another site.
    let mut multipart = Form::new();
    for (k, v) in fields(&s, "Bot", "bot@example.com") {
        multipart = multipart.text(k, v);
    }
    let r = app
        .client
        .post(app.url(&format!("/en/vacancies/{slug}/apply")))
        .header("Origin", "https://evil.example")
        .multipart(multipart)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let r = app
        .client
        .post(app.url(&format!("/en/vacancies/{slug}/apply")))
        .header("Sec-Fetch-Site", "cross-site")
        .multipart(Form::new().text("form_stamp", s.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    // Not multipart at all: 415, before the body is read.
    let r = app
        .post_form(
            &format!("/en/vacancies/{slug}/apply"),
            &[("form_stamp", s.as_str())],
        )
        .await;
    assert_eq!(r.status().as_u16(), 415);
    assert_eq!(count(&app), 0);
    // Waiting as a person would makes the same form acceptable.
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let r = send(
        &app,
        &slug,
        &fields(&s, "Patient Person", "p@example.com"),
        Some(&pdf_cv("a")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(count(&app), 1);
}

backend_test!(a_cv_over_the_limit_is_refused_with_413);
async fn a_cv_over_the_limit_is_refused_with_413() {
    let app = app_with(|c| c.applications.max_cv_bytes = 20_000).await;
    let slug = open_slugs(&app)[0].clone();
    let s = stamp(&app, &slug).await;
    // Over the CV limit but within the body allowance: caught while streaming.
    let mut big = minimal_pdf("big");
    big.resize(30_000, b' ');
    let r = send(
        &app,
        &slug,
        &fields(&s, "Jane", "jane@example.com"),
        Some(&Cv {
            name: "big.pdf",
            bytes: big,
        }),
    )
    .await;
    assert_eq!(r.status().as_u16(), 413);
    let html = r.text().await.unwrap();
    assert!(html.contains(&common::en(careers::messages::TOO_LARGE_TITLE)));
    assert_eq!(count(&app), 0);

    // An announced huge body is refused from its headers, before any of it is sent.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap();
    let request = format!(
        "POST /en/vacancies/{slug}/apply HTTP/1.1\r\nHost: localhost\r\n\
         Origin: http://careers.test\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 500000000\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buf))
        .await
        .expect("answered without the body")
        .unwrap();
    let head = String::from_utf8_lossy(&buf[..n]);
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
}

backend_test!(the_hourly_limit_per_address_and_duplicates_are_refused);
async fn the_hourly_limit_per_address_and_duplicates_are_refused() {
    let app = app_with(|c| c.applications.apply_per_hour = 2).await;
    let slugs = open_slugs(&app);
    apply(&app, &slugs[0], "Ann", "ann@example.com", "a").await;
    // Same email, same vacancy, within a day: a friendly message, no second copy.
    let s = stamp(&app, &slugs[0]).await;
    let r = send(
        &app,
        &slugs[0],
        &fields(&s, "Ann", "ANN@example.com"),
        Some(&pdf_cv("a")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 409);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains(&common::en(careers::messages::APPLY_DUPLICATE_TITLE)));
    assert_eq!(count(&app), 1);
    // The same person may apply to another vacancy.
    apply(&app, &slugs[1], "Ann", "ann@example.com", "b").await;
    // A third application from this address within the hour is one too many.
    let s = stamp(&app, &slugs[2]).await;
    let r = send(
        &app,
        &slugs[2],
        &fields(&s, "Bob", "bob@example.com"),
        Some(&pdf_cv("c")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 429);
    assert_eq!(count(&app), 2);
}

backend_test!(a_closed_vacancy_shows_no_form_and_refuses_posts);
async fn a_closed_vacancy_shows_no_form_and_refuses_posts() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    let s = stamp(&app, &slug).await;
    let id = vacancy_id(&app, &slug);
    db::vacancies::set_status(
        &mut app.conn(),
        id,
        VacancyStatus::Closed,
        Some(careers::clock::now()),
    )
    .unwrap();
    db::listing::sync_vacancy(&mut app.conn(), id, careers::clock::now()).unwrap();
    let (status, html) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert_eq!(status, 200);
    assert!(field_value(&html, "form_stamp").is_none(), "no apply form");
    let r = send(
        &app,
        &slug,
        &fields(&s, "Late", "late@example.com"),
        Some(&pdf_cv("a")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 410);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains(&common::en(careers::messages::APPLY_CLOSED_TITLE)));
    // Expired by date counts as closed too.
    let slug2 = open_slugs(&app)[0].clone();
    let s2 = stamp(&app, &slug2).await;
    let id2 = vacancy_id(&app, &slug2);
    db::vacancies::set_valid_through(
        &mut app.conn(),
        id2,
        Some(careers::clock::now() - time::Duration::days(1)),
    )
    .unwrap();
    let r = send(
        &app,
        &slug2,
        &fields(&s2, "Late", "late@example.com"),
        Some(&pdf_cv("a")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 410);
    assert_eq!(count(&app), 0);
    // Unknown vacancies are a 404.
    let r = send(
        &app,
        "no-such-vacancy",
        &fields(&s, "X", "x@example.com"),
        Some(&pdf_cv("a")),
    )
    .await;
    assert_eq!(r.status().as_u16(), 404);
}

backend_test!(the_receipt_follows_the_pipeline_then_withdraw_and_erase_remove_everything);
async fn the_receipt_follows_the_pipeline_then_withdraw_and_erase_remove_everything() {
    let app = app().await;
    let slugs = open_slugs(&app);
    let token = apply(
        &app,
        &slugs[0],
        "Jane Doe",
        "jane@example.com",
        "zqxsecretmarkerjane",
    )
    .await;
    let other = apply(&app, &slugs[1], "Olga Other", "olga@example.com", "b").await;
    let ids: Vec<i32> = all_applications(&app).iter().map(|a| a.id).collect();
    let jane_id = *ids.iter().min().unwrap();

    // A recruiter moves Jane on; her receipt says "In review".
    let csrf = recruiter(&app).await;
    let r = app
        .post_form(
            &format!("/admin/applications/{jane_id}/status"),
            &[("csrf_token", csrf.as_str()), ("status", "reviewing")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let public = common::new_client();
    let receipt = |t: String| {
        let public = public.clone();
        let url = app.url(&format!("/en/applications/{t}"));
        async move {
            let r = public.get(url).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, html) = receipt(token.clone()).await;
    assert_eq!(status, 200);
    assert_eq!(common::texts(&html, "#status"), vec!["In review"]);
    assert!(
        !html.contains("Olga"),
        "another application shows nothing here"
    );

    // Tokens that are not exactly one application's show nothing.
    let mut wrong = token.clone();
    wrong.replace_range(63.., if token.ends_with('0') { "1" } else { "0" });
    for t in [wrong, "0".repeat(64), "abc".into(), token.to_uppercase()] {
        let (status, html) = receipt(t.clone()).await;
        assert_eq!(status, 404, "{t}");
        assert!(!html.contains("Jane") && !html.contains("Olga"));
    }

    // Withdraw.
    let r = public
        .post(app.url(&format!("/en/applications/{token}/withdraw")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = receipt(token.clone()).await;
    assert_eq!(common::texts(&html, "#status"), vec!["Closed"]);
    assert!(html.contains("You withdrew"));
    let (a, _) = db::applications::by_id(&mut app.conn(), jane_id)
        .unwrap()
        .unwrap();
    assert_eq!(a.status, "withdrawn");

    // Erase needs the confirmation box, then removes the row and the CV bytes.
    let r = public
        .post(app.url(&format!("/en/applications/{token}/erase")))
        .form(&[("confirm", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    assert!(db::applications::by_id(&mut app.conn(), jane_id)
        .unwrap()
        .is_some());
    let r = public
        .post(app.url(&format!("/en/applications/{token}/erase")))
        .form(&[("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert!(db::applications::by_id(&mut app.conn(), jane_id)
        .unwrap()
        .is_none());
    assert!(db::applications::cv(&mut app.conn(), jane_id)
        .unwrap()
        .is_none());
    assert_eq!(receipt(token.clone()).await.0, 404);
    assert_eq!(
        receipt(other).await.0,
        200,
        "the other application is untouched"
    );
    // On SQLite, not even in the database file's free pages (secure_delete).
    if let careers::db::DbConn::Sqlite(c) = &mut *app.conn() {
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(c)
            .unwrap();
        let file = std::fs::read(app._dir.path().join("test.db")).unwrap();
        let needle = b"zqxsecretmarkerjane";
        assert!(
            !file.windows(needle.len()).any(|w| w == needle),
            "CV bytes gone"
        );
    }
    // The recruiters' page is gone too.
    assert_eq!(
        app.get(&format!("/admin/applications/{jane_id}"))
            .await
            .status()
            .as_u16(),
        404
    );
}

backend_test!(recruiters_filter_move_note_and_export_applications);
async fn recruiters_filter_move_note_and_export_applications() {
    let app = app().await;
    let slugs = open_slugs(&app);
    apply(&app, &slugs[0], "Ann Archer", "ann@example.com", "a").await;
    apply(
        &app,
        &slugs[0],
        "=HYPERLINK(\"http://evil\")",
        "formula@example.com",
        "b",
    )
    .await;
    apply(&app, &slugs[1], "Bob Baker", "bob@EXAMPLE.com", "c").await;
    let find = |name: &str| {
        all_applications(&app)
            .into_iter()
            .find(|a| a.full_name == name)
            .unwrap()
            .id
    };
    let (ann, bob) = (find("Ann Archer"), find("Bob Baker"));
    let csrf = recruiter(&app).await;

    let (status, html) = app.get_html("/admin").await;
    assert_eq!(status, 200);
    assert!(common::texts(&html, "#new-applications")[0].starts_with("3 new"));

    let (_, html) = app.get_html("/admin/applications").await;
    let names = common::texts(&html, "table.applications tbody td:first-child");
    assert_eq!(names[0], "Bob Baker", "newest first: {names:?}");
    assert_eq!(names.len(), 3);
    let counts = common::texts(&html, "a[data-status=new]");
    assert_eq!(counts, vec!["New: 3"]);

    let v0 = vacancy_id(&app, &slugs[0]);
    let (_, html) = app
        .get_html(&format!("/admin/applications?vacancy={v0}"))
        .await;
    assert_eq!(common::texts(&html, "table.applications tbody tr").len(), 2);
    let (_, html) = app.get_html("/admin/applications?q=BOB%40example").await;
    assert_eq!(
        common::texts(&html, "table.applications tbody td:first-child"),
        vec!["Bob Baker"]
    );
    let (_, html) = app.get_html("/admin/applications?q=archer").await;
    assert_eq!(
        common::texts(&html, "table.applications tbody td:first-child"),
        vec!["Ann Archer"]
    );

    // The vacancy's admin page lists its applications.
    let (_, html) = app.get_html(&format!("/admin/vacancies/{v0}")).await;
    assert!(html.contains("Ann Archer") && !html.contains("Bob Baker"));

    // Pipeline: one step at a time, recorded in the history.
    let move_to = |id: i32, to: &'static str| {
        let csrf = csrf.clone();
        let app = &app;
        async move {
            app.post_form(
                &format!("/admin/applications/{id}/status"),
                &[("csrf_token", csrf.as_str()), ("status", to)],
            )
            .await
        }
    };
    assert_eq!(move_to(ann, "hired").await.status().as_u16(), 303);
    let (_, html) = app.get_html(&format!("/admin/applications/{ann}")).await;
    assert!(html.contains("cannot move to hired"));
    assert_eq!(common::texts(&html, "#status"), vec!["New"]);
    for to in ["reviewing", "interview", "offer"] {
        assert_eq!(move_to(ann, to).await.status().as_u16(), 303);
    }
    assert_eq!(move_to(bob, "rejected").await.status().as_u16(), 303);
    let (_, html) = app.get_html(&format!("/admin/applications/{ann}")).await;
    assert_eq!(common::texts(&html, "#status"), vec!["Offer"]);
    let history = common::texts(&html, "ol.history li");
    assert!(
        history.iter().any(|h| h.contains("interview → offer")),
        "{history:?}"
    );
    assert!(
        history.iter().any(|h| h.contains("by Test User")),
        "{history:?}"
    );
    let r = app
        .post_form(
            &format!("/admin/applications/{ann}/status"),
            &[("csrf_token", csrf.as_str()), ("status", "bogus")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 400);

    let (_, html) = app.get_html("/admin/applications?status=offer").await;
    assert_eq!(
        common::texts(&html, "table.applications tbody td:first-child"),
        vec!["Ann Archer"]
    );
    assert_eq!(
        common::texts(&html, "a[data-status=rejected]"),
        vec!["Rejected: 1"]
    );

    // Notes, with author and time.
    let r = app
        .post_form(
            &format!("/admin/applications/{ann}/notes"),
            &[
                ("csrf_token", csrf.as_str()),
                ("body", "Strong Rust, <b>great</b> call."),
            ],
        )
        .await;
    assert_eq!(location(&r), format!("/admin/applications/{ann}#notes"));
    let r = app
        .post_form(
            &format!("/admin/applications/{ann}/notes"),
            &[("csrf_token", csrf.as_str()), ("body", "   ")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = app.get_html(&format!("/admin/applications/{ann}")).await;
    let notes = common::texts(&html, "ol.notes li");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("Strong Rust, <b>great</b> call."));
    assert!(notes[0].contains("Test User") && notes[0].contains("UTC"));
    assert!(html.contains(&common::en(careers::messages::NOTE_EMPTY)));

    // CSV of what the filter shows.
    let r = app
        .get(&format!("/admin/applications.csv?vacancy={v0}"))
        .await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(header(&r, "content-type").starts_with("text/csv"));
    assert!(header(&r, "content-disposition").starts_with("attachment; filename=\"applications-"));
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "header and two rows: {csv}");
    assert!(lines[0].starts_with("\"id\",\"submitted_utc\""));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(&format!(
        "\"http://careers.test/admin/applications/{ann}/cv\""
    )));
    assert!(csv.contains("\"'+34 600 123 456\""));
    assert!(!csv.contains("Bob Baker"));
    assert!(!csv.contains("%PDF"), "no CV bytes");
    let r = app.get("/admin/applications.csv?status=rejected").await;
    let csv = r.text().await.unwrap();
    assert!(csv.contains("Bob Baker") && !csv.contains("Ann Archer"));
}

backend_test!(the_cv_downloads_as_an_attachment_with_its_checked_type);
async fn the_cv_downloads_as_an_attachment_with_its_checked_type() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    apply(&app, &slug, "Jane", "jane@example.com", "dl").await;
    let id = all_applications(&app)[0].id;
    recruiter(&app).await;
    let r = app.get(&format!("/admin/applications/{id}/cv")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "content-type"), "application/pdf");
    assert_eq!(
        header(&r, "content-disposition"),
        "attachment; filename=\"Jane-Doe-CV-final.pdf\""
    );
    assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert_eq!(r.bytes().await.unwrap().to_vec(), minimal_pdf("dl"));
    let (status, html) = app.get_html(&format!("/admin/applications/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("href=\"/admin/applications/{id}/cv\"")));
    assert!(html.contains("https://github.com/jane"));
    let history = common::texts(&html, "ol.history li");
    assert!(
        history
            .iter()
            .any(|h| h.starts_with("download_cv by Test User")),
        "{history:?}"
    );
    assert_eq!(
        app.get("/admin/applications/99999/cv")
            .await
            .status()
            .as_u16(),
        404
    );
}

backend_test!(nobody_signed_out_reaches_an_application_or_a_cv);
async fn nobody_signed_out_reaches_an_application_or_a_cv() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    apply(&app, &slug, "Jane", "jane@example.com", "x").await;
    let id = all_applications(&app)[0].id;
    let stranger = common::new_client();
    for path in [
        format!("/admin/applications/{id}"),
        format!("/admin/applications/{id}/cv"),
        "/admin/applications".into(),
        "/admin/applications.csv".into(),
    ] {
        let r = stranger.get(app.url(&path)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), 303, "{path}");
        assert!(location(&r).starts_with("/admin/login?next="), "{path}");
        assert!(!r.text().await.unwrap().contains("Jane"));
    }
    let r = stranger
        .post(app.url(&format!("/admin/applications/{id}/status")))
        .form(&[("status", "reviewing"), ("csrf_token", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(all_applications(&app)[0].status, "new");
}

/// Just enough SMTP to receive messages: returns each message's DATA.
pub(crate) async fn smtp_listener() -> (u16, tokio::sync::mpsc::UnboundedReceiver<String>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                while let Ok(Some(line)) = lines.next_line().await {
                    let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 test\r\n",
                        "DATA" => {
                            write.write_all(b"354 go ahead\r\n").await.unwrap();
                            let mut data = String::new();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                data.push_str(&l);
                                data.push_str("\r\n");
                            }
                            let _ = tx.send(data);
                            b"250 queued\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
            });
        }
    });
    (port, rx)
}

backend_test!(mail_goes_to_the_candidate_and_the_recruiters_through_smtp);
async fn mail_goes_to_the_candidate_and_the_recruiters_through_smtp() {
    let (port, mut inbox) = smtp_listener().await;
    let app = app_with(|c| {
        c.applications.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.applications.recruiters_email = Some("jobs@northwind.example".into());
    })
    .await;
    let slug = open_slugs(&app)[0].clone();
    let token = apply(&app, &slug, "Jane Doe", "jane@example.com", "m").await;
    let mut messages = Vec::new();
    for _ in 0..2 {
        let m = tokio::time::timeout(std::time::Duration::from_secs(20), inbox.recv())
            .await
            .expect("a message arrives")
            .unwrap();
        // Undo quoted-printable soft line breaks.
        messages.push(m.replace("=\r\n", ""));
    }
    let candidate = messages
        .iter()
        .find(|m| m.contains("To: jane@example.com"))
        .expect("candidate message");
    assert!(
        candidate.contains(&format!("http://careers.test/en/applications/{token}")),
        "{candidate}"
    );
    let notice = messages
        .iter()
        .find(|m| m.contains("To: jobs@northwind.example"))
        .expect("recruiters' notice");
    assert!(notice.contains("http://careers.test/admin/applications/"));
    assert!(
        !notice.contains(&token),
        "the receipt link is only the candidate's"
    );
}

backend_test!(a_broken_mail_server_does_not_lose_the_application);
async fn a_broken_mail_server_does_not_lose_the_application() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app =
        app_with(|c| c.applications.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    let slug = open_slugs(&app)[0].clone();
    apply(&app, &slug, "Jane", "jane@example.com", "x").await;
    assert_eq!(count(&app), 1);
    // The receipt waits in the outbox for the outbox job's next attempt: never lost.
    use careers::db::schema::mail_outbox;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let receipt = loop {
        let row: careers::models::OutboxMail = mail_outbox::table
            .filter(mail_outbox::kind.eq("application-receipt"))
            .select(careers::models::OutboxMail::as_select())
            .first(&mut app.conn())
            .unwrap();
        if row.attempts == 1 && row.claimed_until.is_none() {
            break row;
        }
        assert!(std::time::Instant::now() < deadline, "no send attempt");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(receipt.recipient, "jane@example.com");
    assert!(receipt.sent_at.is_none() && receipt.failed_at.is_none());
    assert!(receipt.last_error.is_some());
    assert!(receipt.next_attempt_at > careers::clock::now());
}

backend_test!(purge_erases_old_applications_of_closed_vacancies_only);
async fn purge_erases_old_applications_of_closed_vacancies_only() {
    let app = app().await;
    let slugs = open_slugs(&app);
    apply(&app, &slugs[0], "Old Closed", "old@example.com", "a").await;
    apply(&app, &slugs[0], "New Closed", "new@example.com", "b").await;
    apply(&app, &slugs[1], "Old Open", "open@example.com", "c").await;
    let closed = vacancy_id(&app, &slugs[0]);
    db::vacancies::set_status(
        &mut app.conn(),
        closed,
        VacancyStatus::Closed,
        Some(careers::clock::now()),
    )
    .unwrap();
    {
        use careers::db::schema::applications::dsl::*;
        let long_ago = careers::clock::now() - time::Duration::days(200);
        diesel::update(applications.filter(full_name.eq_any(["Old Closed", "Old Open"])))
            .set(created_at.eq(long_ago))
            .execute(&mut app.conn())
            .unwrap();
    }
    let sqlite = matches!(&*app.conn(), careers::db::DbConn::Sqlite(_));
    if sqlite {
        // The command itself, on the same database file.
        let out = app.run_command(&["purge-applications", "--older-than", "180"]);
        assert!(out.contains("erased 1 "));
    } else {
        let now = careers::clock::now();
        let erased =
            db::applications::purge(&mut app.conn(), now - time::Duration::days(180), now).unwrap();
        assert_eq!(erased, 1);
    }
    let mut left: Vec<String> = all_applications(&app)
        .into_iter()
        .map(|a| a.full_name)
        .collect();
    left.sort();
    assert_eq!(left, vec!["New Closed", "Old Open"]);
}

/// A ZIP of stored (uncompressed) entries with its central directory; CRCs left 0, which the
/// type check does not read.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let (n, size) = (name.len() as u16, data.len() as u32);
        out.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        directory.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
        directory.extend_from_slice(&size.to_le_bytes());
        directory.extend_from_slice(&size.to_le_bytes());
        directory.extend_from_slice(&n.to_le_bytes());
        directory.extend_from_slice(&[0; 12]);
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    let count = entries.len() as u16;
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

backend_test!(the_stored_type_and_download_name_come_from_the_content);
async fn the_stored_type_and_download_name_come_from_the_content() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    // A DOCX (a ZIP listing [Content_Types].xml and word/document.xml) under a .pdf name.
    let docx = stored_zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    let s = stamp(&app, &slug).await;
    let r = send(
        &app,
        &slug,
        &fields(&s, "Dora", "dora@example.com"),
        Some(&Cv {
            name: "résumé.pdf",
            bytes: docx.clone(),
        }),
    )
    .await;
    assert_eq!(r.status().as_u16(), 200);
    let a = &all_applications(&app)[0];
    assert_eq!(
        a.cv_type,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    recruiter(&app).await;
    let r = app.get(&format!("/admin/applications/{}/cv", a.id)).await;
    assert_eq!(header(&r, "content-type"), a.cv_type);
    assert_eq!(
        header(&r, "content-disposition"),
        "attachment; filename=\"r-sum.docx\""
    );
    assert_eq!(r.bytes().await.unwrap().to_vec(), docx);
}

backend_test!(a_recruiter_erases_an_application_on_request);
async fn a_recruiter_erases_an_application_on_request() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    let token = apply(&app, &slug, "Jane", "jane@example.com", "erasebyrecruiter").await;
    apply(&app, &slug, "Joe", "joe@example.com", "keepme").await;
    let jane = all_applications(&app)
        .into_iter()
        .find(|a| a.email == "jane@example.com")
        .unwrap()
        .id;
    let csrf = recruiter(&app).await;
    let erase = |confirm: &'static str, csrf: String| {
        let app = &app;
        async move {
            app.post_form(
                &format!("/admin/applications/{jane}/erase"),
                &[("csrf_token", csrf.as_str()), ("confirm", confirm)],
            )
            .await
        }
    };

    // Without the token: refused. Without the box ticked: nothing happens, and the page says so.
    assert_eq!(erase("yes", "forged".into()).await.status().as_u16(), 403);
    let r = erase("", csrf.clone()).await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = app.get_html(&format!("/admin/applications/{jane}")).await;
    assert!(page.contains("Nothing was erased"), "{page}");
    assert_eq!(count(&app), 2);

    let r = erase("yes", csrf.clone()).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(common::location(&r), "/admin/applications");
    assert_eq!(count(&app), 1, "Joe's application stays");
    assert!(db::applications::cv(&mut app.conn(), jane)
        .unwrap()
        .is_none());
    assert_eq!(
        app.get(&format!("/admin/applications/{jane}"))
            .await
            .status()
            .as_u16(),
        404
    );
    // The candidate's receipt link stops working too, and a second erase is a 404.
    let public = common::new_client();
    let receipt = public
        .get(app.url(&format!("/en/applications/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status().as_u16(), 404);
    assert_eq!(erase("yes", csrf).await.status().as_u16(), 404);
    // The audit trail keeps that it happened and who did it, nothing of the candidate.
    let entries = db::audit::for_entity(&mut app.conn(), "application", jane).unwrap();
    assert!(
        entries
            .iter()
            .any(|(e, who)| e.action == "erase" && who.is_some()),
        "{entries:?}"
    );
    let (_, log) = app.get_html("/admin/applications").await;
    assert!(!log.contains("jane@example.com"));
}

backend_test!(simultaneous_duplicates_store_one_application);
async fn simultaneous_duplicates_store_one_application() {
    let app = app().await;
    let slug = open_slugs(&app)[0].clone();
    let s = stamp(&app, &slug).await;
    // A double click, or a script: the same application sent several times at once.
    let sends = (0..4).map(|_| {
        let form = fields(&s, "Ann", "ann@example.com");
        let (app, slug) = (&app, slug.clone());
        async move {
            send(app, &slug, &form, Some(&pdf_cv("twice")))
                .await
                .status()
                .as_u16()
        }
    });
    let mut statuses = futures_util::future::join_all(sends).await;
    statuses.sort_unstable();
    assert_eq!(statuses, vec![200, 409, 409, 409]);
    assert_eq!(count(&app), 1);
}
