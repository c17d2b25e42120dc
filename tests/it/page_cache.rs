//! The whole-page cache, through the real server with the cache on: repeat visits are served
//! from memory with the same ETag (304 on `If-None-Match`), forms on cached pages still carry a
//! fresh stamp per visitor that the form accepts, personal visitors bypass it, and a write
//! through the site is visible at once.

use crate::common::{self, TestApp};
use careers::models::CommentStatus;

async fn cached_app() -> TestApp {
    common::spawn_app_configured(true, |config| config.page_cache_mb = 16).await
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn stamp_of(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let input = scraper::Selector::parse("input[name=\"form_stamp\"]").unwrap();
    doc.select(&input)
        .next()
        .and_then(|e| e.value().attr("value"))
        .unwrap_or_default()
        .to_string()
}

backend_test!(repeat_visits_come_from_the_cache_with_one_etag);
async fn repeat_visits_come_from_the_cache_with_one_etag() {
    let app = cached_app().await;
    let first = app.get("/en/vacancies?seniority=senior").await;
    assert_eq!(first.status(), 200);
    assert_ne!(header(&first, "x-cache"), "hit");
    let etag = header(&first, "etag");
    assert!(etag.starts_with('"'), "an ETag: {etag:?}");
    let body = first.text().await.unwrap();

    let second = app
        .with_new_client()
        .get("/en/vacancies?seniority=senior")
        .await;
    assert_eq!(header(&second, "x-cache"), "hit");
    assert_eq!(header(&second, "etag"), etag);
    // The same page; only the alert form's stamp is each visitor's own.
    let second = second.text().await.unwrap();
    assert_ne!(stamp_of(&second), stamp_of(&body));
    assert_eq!(
        second.replace(&stamp_of(&second), ""),
        body.replace(&stamp_of(&body), "")
    );

    let revalidated = app
        .client
        .get(app.url("/en/vacancies?seniority=senior"))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 304);
    assert_eq!(header(&revalidated, "etag"), etag);
    assert!(revalidated.text().await.unwrap().is_empty());

    // Another query is another page.
    let other = app.get("/en/vacancies?seniority=junior").await;
    assert_ne!(header(&other, "x-cache"), "hit");
}

backend_test!(cached_forms_get_a_fresh_stamp_per_visitor_that_works);
async fn cached_forms_get_a_fresh_stamp_per_visitor_that_works() {
    let app = cached_app().await;
    let path = "/en/articles/databases-and-caches";
    let (status, first) = app.get_html(path).await;
    assert_eq!(status, 200);
    // Stamps count seconds: a later second gives a different one.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let visitor = app.with_new_client();
    let r = visitor.get(path).await;
    assert_eq!(header(&r, "x-cache"), "hit");
    let second = r.text().await.unwrap();
    let (a, b) = (stamp_of(&first), stamp_of(&second));
    assert!(!a.is_empty() && !b.is_empty());
    assert_ne!(a, b, "each visitor gets their own stamp");
    assert!(!second.contains('\u{1}'), "no placeholder leaks");

    let pending = |app: &TestApp| {
        careers::db::comments::queue(&mut app.conn(), Some(CommentStatus::Pending))
            .unwrap()
            .len()
    };
    let before = pending(&app);
    let sent = visitor
        .post_form(
            &format!("{path}/comments"),
            &[
                ("form_stamp", &b),
                ("homepage", ""),
                ("name", "Ada"),
                ("email", "ada@example.com"),
                ("comment", "Does the cache keep my stamp working?"),
            ],
        )
        .await;
    assert_eq!(sent.status(), 303, "the cached page's stamp is accepted");
    assert_eq!(pending(&app), before + 1);
}

backend_test!(signed_in_visitors_and_flash_messages_bypass_the_cache);
async fn signed_in_visitors_and_flash_messages_bypass_the_cache() {
    let app = cached_app().await;
    app.admin().await;
    for _ in 0..2 {
        let r = app.get("/en/vacancies").await;
        assert_eq!(r.status(), 200);
        assert_ne!(
            header(&r, "x-cache"),
            "hit",
            "a session is never served a shared page"
        );
    }
    // Private pages are never kept, whoever asks.
    let anonymous = app.with_new_client();
    for _ in 0..2 {
        let r = anonymous.get("/admin/login").await;
        assert_ne!(header(&r, "x-cache"), "hit");
    }
}

backend_test!(a_write_through_the_site_shows_at_once);
async fn a_write_through_the_site_shows_at_once() {
    let app = cached_app().await;
    let reader = app.with_new_client();
    let before = reader
        .get("/en/vacancies?q=zanzibar")
        .await
        .text()
        .await
        .unwrap();
    assert!(!before.contains("Zanzibar Platform Engineer"));
    let again = reader.get("/en/vacancies?q=zanzibar").await;
    assert_eq!(header(&again, "x-cache"), "hit");

    let token = app.admin().await;
    let id =
        crate::admin::create_published_vacancy(&app, &token, "Zanzibar Platform Engineer").await;
    assert!(id > 0);

    let after = reader.get("/en/vacancies?q=zanzibar").await;
    assert_ne!(header(&after, "x-cache"), "hit");
    assert!(after
        .text()
        .await
        .unwrap()
        .contains("Zanzibar Platform Engineer"));
}
