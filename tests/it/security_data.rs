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
    let (status, page) = app.get_html(&format!("/articles/{ARTICLE}")).await;
    assert_eq!(status, 200);
    field_value(&page, "form_stamp")
}

async fn send_comment(app: &TestApp, stamp: &str, email: &str, text: &str) -> reqwest::Response {
    app.post_form(
        &format!("/articles/{ARTICLE}/comments"),
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
        format!("/articles/{ARTICLE}?comment=pending#comments")
    );
    assert!(comments_with_status(&app, CommentStatus::Pending)
        .contains(&"Spam posing as Ada".to_string()));
    let (_, html) = app.get_html(&format!("/articles/{ARTICLE}")).await;
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
