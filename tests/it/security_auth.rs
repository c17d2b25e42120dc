//! Security findings on sign-in, sessions and the admin area: each test fails on the code
//! before its fix.

use crate::common::{self, csrf_token, location, TestApp};
use careers::models::Role;

const PASSWORD: &str = "a long admin password";

/// Posts the sign-in form with `next`, from a fresh page; gives the answer.
async fn sign_in_with_next(app: &TestApp, next: &str) -> reqwest::Response {
    let (_, page) = app.get_html("/admin/login").await;
    let token = csrf_token(&page);
    app.post_form(
        "/admin/login",
        &[
            ("csrf_token", &token),
            ("email", "rec@example.com"),
            ("password", PASSWORD),
            ("next", next),
        ],
    )
    .await
}

// Finding 1: browsers drop TAB, so `/\t/evil.example/x` was `//evil.example/x`; a control
// character in `next` gave a 500. Only local `/admin…` paths of plain characters are kept.
backend_test!(next_refuses_tabs_control_characters_and_non_admin_paths);
async fn next_refuses_tabs_control_characters_and_non_admin_paths() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    for bad in [
        "/\t/evil.example/x",
        "/\t\\evil.example",
        "\t//evil.example",
        "/\u{1}x",
        "/admin/\u{7f}",
        "/admin//evil.example",
        "/admin\\evil",
        "/vacancies",
        "/adminx",
        "https://evil.example/admin",
    ] {
        let r = sign_in_with_next(&app.with_new_client(), bad).await;
        assert_eq!(r.status().as_u16(), 303, "next={bad:?}");
        assert_eq!(location(&r), "/admin", "next={bad:?}");
    }
    let r = sign_in_with_next(
        &app.with_new_client(),
        "/admin/vacancies?status=draft&q=a%20b",
    )
    .await;
    assert_eq!(location(&r), "/admin/vacancies?status=draft&q=a%20b");
    // The sign-in page with such a `next` shows the form, not an error.
    for query in ["next=/%01x", "next=/%09/evil.example/x", "next=%2F%2Fevil"] {
        let (status, page) = app.get_html(&format!("/admin/login?{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert!(page.contains("name=\"next\" value=\"/admin\""), "{query}");
    }
}
