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
        "/en/vacancies",
        "/adminx",
        "https://evil.example/admin",
    ] {
        let r = sign_in_with_next(&app.with_new_client(), bad).await;
        // Control characters other than tab are refused with the input (400) before sign-in
        // runs; everything else signs in and goes to /admin, never elsewhere.
        if r.status().as_u16() == 400 {
            assert!(
                bad.chars().any(|c| c.is_control() && c != '\t'),
                "next={bad:?}"
            );
            continue;
        }
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
        if status == 400 {
            assert!(
                query.contains("%01"),
                "only a control character is refused: {query}"
            );
            continue;
        }
        assert_eq!(status, 200, "{query}");
        assert!(page.contains("name=\"next\" value=\"/admin\""), "{query}");
    }
}

/// A client that keeps no cookies: requests carry exactly the cookie a test gives them.
fn bare_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The `careers_session=…` pair of a response, if it sets one.
fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("careers_session="))
        .map(|v| v.split(';').next().unwrap().to_string())
}

/// Signs in with a cookie-less client and gives the session cookie, as an attacker who copied
/// it would hold it.
async fn copied_cookie(app: &TestApp, email: &str, password: &str) -> String {
    let client = bare_client();
    let r = client.get(app.url("/admin/login")).send().await.unwrap();
    let cookie = session_cookie(&r).expect("the sign-in page sets a session");
    let token = csrf_token(&r.text().await.unwrap());
    let r = client
        .post(app.url("/admin/login"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", password),
            ("next", "/admin"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "sign-in of {email}");
    session_cookie(&r).expect("sign-in sets the session")
}

/// GET with exactly this cookie.
async fn get_with(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    bare_client()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
}

/// True when the cookie still opens the admin area.
async fn reaches_admin(app: &TestApp, cookie: &str) -> bool {
    let r = get_with(app, cookie, "/admin").await;
    match r.status().as_u16() {
        200 => true,
        303 => {
            assert!(location(&r).starts_with("/admin/login"));
            false
        }
        other => panic!("unexpected status {other}"),
    }
}

// Finding 2: a cookie copied before logout still worked after it.
backend_test!(a_cookie_copied_before_logout_is_void_after_it);
async fn a_cookie_copied_before_logout_is_void_after_it() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    let copied = copied_cookie(&app, "rec@example.com", PASSWORD).await;
    assert!(reaches_admin(&app, &copied).await);
    // The user signs out (in the same session the copy was taken from).
    let r = get_with(&app, &copied, "/admin").await;
    let current = session_cookie(&r).unwrap_or(copied.clone());
    let token = csrf_token(&r.text().await.unwrap());
    let r = bare_client()
        .post(app.url("/admin/logout"))
        .header("cookie", &current)
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    assert!(!reaches_admin(&app, &copied).await, "the copy after logout");
    assert!(!reaches_admin(&app, &current).await);
}

// Finding 2: a password change ends the other sessions, and keeps the one that made it.
backend_test!(a_password_change_ends_other_sessions);
async fn a_password_change_ends_other_sessions() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    let stolen = copied_cookie(&app, "rec@example.com", PASSWORD).await;
    let token = app.sign_in("rec@example.com", PASSWORD).await;
    let r = app
        .post_form(
            "/admin/account/password",
            &[
                ("csrf_token", &token),
                ("current_password", PASSWORD),
                ("new_password", "quite another passphrase"),
                ("confirm_password", "quite another passphrase"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(!reaches_admin(&app, &stolen).await, "the other session");
    assert_eq!(app.get("/admin/account").await.status().as_u16(), 200);
}

// Finding 2: an administrator's reset, and a deactivation even when undone, end the sessions.
backend_test!(reset_and_deactivation_end_sessions);
async fn reset_and_deactivation_end_sessions() {
    let app = common::spawn_app_with(false).await;
    let admin_token = app.admin().await;
    let id = app.create_user("rec@example.com", PASSWORD, Role::Recruiter);

    let before_reset = copied_cookie(&app, "rec@example.com", PASSWORD).await;
    assert!(reaches_admin(&app, &before_reset).await);
    let r = app
        .post_form(
            &format!("/admin/users/{id}/password"),
            &[("csrf_token", &admin_token)],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(!reaches_admin(&app, &before_reset).await, "after a reset");

    // Back to a known password, then deactivate and reactivate.
    let hash = careers::domain::auth::hash_password(PASSWORD).unwrap();
    careers::db::users::set_password(&mut app.conn(), id, &hash).unwrap();
    careers::db::users::set_must_change_password(&mut app.conn(), id, false).unwrap();
    let before_deactivation = copied_cookie(&app, "rec@example.com", PASSWORD).await;
    assert!(reaches_admin(&app, &before_deactivation).await);
    for active in ["false", "true"] {
        let r = app
            .post_form(
                &format!("/admin/users/{id}/active"),
                &[("csrf_token", &admin_token), ("active", active)],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
    }
    assert!(
        !reaches_admin(&app, &before_deactivation).await,
        "after deactivation and reactivation"
    );
    // Signing in again works.
    let again = copied_cookie(&app, "rec@example.com", PASSWORD).await;
    assert!(reaches_admin(&app, &again).await);
}

/// A session cookie made with the tests' `SECRET_KEY`, as the server would make it.
fn forged_session(values: &[(&str, String)]) -> String {
    use actix_web::cookie::{Cookie, CookieJar, Key};
    let key = Key::from(&hex::decode(common::SECRET_KEY).unwrap());
    let state: std::collections::HashMap<String, String> = values
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let mut jar = CookieJar::new();
    jar.private_mut(&key).add(Cookie::new(
        "careers_session",
        serde_json::to_string(&state).unwrap(),
    ));
    format!(
        "careers_session={}",
        jar.get("careers_session").unwrap().value()
    )
}

// Finding 2: sessions used every few minutes never ended; now they end `SESSION_MAX_HOURS`
// after sign-in, however active.
backend_test!(sessions_end_at_their_absolute_lifetime);
async fn sessions_end_at_their_absolute_lifetime() {
    let app = common::spawn_app_configured(false, |c| c.session_max_hours = 2).await;
    let id = app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    // A real session first: the forged one below is read the same way.
    let real = copied_cookie(&app, "rec@example.com", PASSWORD).await;
    assert!(reaches_admin(&app, &real).await);
    let now = careers::clock::unix_now();
    let session = |signed_in_ago: i64| {
        forged_session(&[
            ("uid", id.to_string()),
            ("seen", now.to_string()),
            ("gen", "0".to_string()),
            ("at", (now - signed_in_ago).to_string()),
        ])
    };
    assert!(reaches_admin(&app, &session(3600)).await, "an hour old");
    assert!(
        !reaches_admin(&app, &session(2 * 3600 + 60)).await,
        "older than SESSION_MAX_HOURS"
    );
}

/// One sign-in attempt for `email` claiming `from` as the client (the app trusts the proxy);
/// the answer's status.
async fn attempt_from(app: &TestApp, from: &str, email: &str, password: &str) -> u16 {
    let client = common::new_client();
    let r = client
        .get(app.url("/admin/login"))
        .header("X-Forwarded-For", from)
        .send()
        .await
        .unwrap();
    let token = csrf_token(&r.text().await.unwrap());
    client
        .post(app.url("/admin/login"))
        .header("X-Forwarded-For", from)
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", password),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

// Finding 4: five failures for an email from one address locked the account for everyone;
// now they lock that address out of that account, and the owner still gets in from another.
backend_test!(failures_from_one_address_do_not_lock_the_owner_out);
async fn failures_from_one_address_do_not_lock_the_owner_out() {
    let app = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    for _ in 0..5 {
        let status = attempt_from(&app, "198.51.100.7", "rec@example.com", "wrong wrong").await;
        assert_eq!(status, 401);
    }
    assert_eq!(
        attempt_from(&app, "198.51.100.7", "rec@example.com", PASSWORD).await,
        429,
        "the address that failed is locked out of the account"
    );
    assert_eq!(
        attempt_from(&app, "203.0.113.9", "rec@example.com", PASSWORD).await,
        303,
        "the owner, from another address, signs in"
    );
}

// Finding 4: failures spread over many addresses slow the account down but never refuse the
// right password outright.
backend_test!(failures_from_many_addresses_only_slow_the_account);
async fn failures_from_many_addresses_only_slow_the_account() {
    let app = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    for n in 1..=6 {
        let from = format!("198.51.100.{n}");
        let status = attempt_from(&app, &from, "rec@example.com", "wrong wrong").await;
        assert_eq!(status, 401, "from {from}");
    }
    let started = std::time::Instant::now();
    assert_eq!(
        attempt_from(&app, "203.0.113.9", "rec@example.com", PASSWORD).await,
        303
    );
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(2),
        "six failures for the account: the next attempt waits 2 s"
    );
}

// Finding 9: 40 parallel wrong attempts got 12 password checks instead of 5. Each attempt is
// recorded before the count, so at most 5 reach the password check (401); the rest are
// refused before it (429).
backend_test!(parallel_attempts_get_at_most_five_password_checks);
async fn parallel_attempts_get_at_most_five_password_checks() {
    let app = common::spawn_app_configured(false, |c| c.db_pool_size = 8).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    let (_, page) = app.get_html("/admin/login").await;
    let token = csrf_token(&page);
    let mut attempts = tokio::task::JoinSet::new();
    for _ in 0..40 {
        let (client, url, token) = (app.client.clone(), app.url("/admin/login"), token.clone());
        attempts.spawn(async move {
            client
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("email", "rec@example.com"),
                    ("password", "wrong wrong wrong"),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        });
    }
    let mut checked = 0;
    while let Some(status) = attempts.join_next().await {
        match status.unwrap() {
            401 => checked += 1,
            429 => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert!(
        checked <= 5,
        "{checked} passwords checked, at most 5 allowed"
    );
    let (_, page) = app.get_html("/admin/login").await;
    let r = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &csrf_token(&page)),
                ("email", "rec@example.com"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 429, "still locked from this address");
}

/// Five failed sign-ins (for five different accounts, so only the address counts) with the
/// given headers, then the status of a sixth with `last`.
async fn sixth_attempt_with_headers(
    app: &TestApp,
    headers: impl Fn(u32) -> Vec<(&'static str, String)>,
) -> u16 {
    let (_, page) = app.get_html("/admin/login").await;
    let token = csrf_token(&page);
    let mut status = 0;
    for n in 1..=6 {
        let email = format!("nobody{n}@example.com");
        let mut request = app.client.post(app.url("/admin/login")).form(&[
            ("csrf_token", token.as_str()),
            ("email", email.as_str()),
            ("password", "wrong wrong wrong"),
        ]);
        for (name, value) in headers(n) {
            request = request.header(name, value);
        }
        status = request.send().await.unwrap().status().as_u16();
        if n < 6 {
            assert_eq!(status, 401, "attempt {n}");
        }
    }
    status
}

// Finding 5: the leftmost X-Forwarded-For entry (the client's own claim) was counted, and
// `Forwarded: for=` overrode it. Now the entry the trusted proxy added counts.
backend_test!(the_address_the_proxy_added_is_counted);
async fn the_address_the_proxy_added_is_counted() {
    let app = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    // Whatever the client puts in front, the proxy's entry (rightmost) is 2.2.2.2.
    let status = sixth_attempt_with_headers(&app, |n| {
        vec![("X-Forwarded-For", format!("1.1.1.{n}, 2.2.2.2"))]
    })
    .await;
    assert_eq!(status, 429, "all six counted as 2.2.2.2");

    // `Forwarded` is ignored.
    let app = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    let status = sixth_attempt_with_headers(&app, |n| {
        vec![
            ("X-Forwarded-For", "5.5.5.5".to_string()),
            ("Forwarded", format!("for=3.3.3.{n}")),
        ]
    })
    .await;
    assert_eq!(status, 429, "all six counted as 5.5.5.5");

    // Two proxies in a row: the second entry from the right.
    let app = common::spawn_app_configured(false, |c| {
        c.trust_proxy = true;
        c.trusted_proxy_hops = 2;
    })
    .await;
    let status = sixth_attempt_with_headers(&app, |n| {
        vec![("X-Forwarded-For", format!("9.9.9.{n}, 4.4.4.4, 10.0.0.{n}"))]
    })
    .await;
    assert_eq!(status, 429, "all six counted as 4.4.4.4");
}

// Finding 5: every IPv6 address of one /64 (what one customer usually gets) is one client.
backend_test!(ipv6_clients_are_counted_per_64);
async fn ipv6_clients_are_counted_per_64() {
    let app = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    let status = sixth_attempt_with_headers(&app, |n| {
        vec![("X-Forwarded-For", format!("2001:db8:1:2::{n}"))]
    })
    .await;
    assert_eq!(status, 429, "one /64");
    let app = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    let status = sixth_attempt_with_headers(&app, |n| {
        vec![("X-Forwarded-For", format!("2001:db8:1:{n}::1"))]
    })
    .await;
    assert_eq!(status, 401, "six different /64s");
}

// Finding 16: the same-origin check of public forms compared `Origin` with the request's host,
// which `X-Forwarded-Host` sets (even without `TRUST_PROXY`). Now only `BASE_URL` counts.
backend_test!(forwarded_host_does_not_make_another_site_same_origin);
async fn forwarded_host_does_not_make_another_site_same_origin() {
    let app = common::spawn_app_with(false).await;
    let path = format!("/en/applications/{}/withdraw", "0".repeat(64));
    let post = |headers: Vec<(&'static str, &'static str)>| {
        let mut request = app.client.post(app.url(&path));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(
        post(vec![
            ("Origin", "https://evil.example"),
            ("X-Forwarded-Host", "evil.example"),
        ])
        .await,
        403,
        "another site, whatever X-Forwarded-Host says"
    );
    assert_eq!(
        post(vec![
            ("Origin", "https://evil.example"),
            ("Host", "evil.example")
        ])
        .await,
        403,
        "another site, whatever Host says"
    );
    // The site's own origin (BASE_URL) gets past the check to the unknown receipt: 404.
    assert_eq!(post(vec![("Origin", "http://careers.test")]).await, 404);
}

// Finding 17 (BREACH): admin pages are compressed, echo the query and carried the same CSRF
// token on every page. Now each page carries the session's secret masked with a fresh pad.
backend_test!(each_admin_page_carries_a_differently_masked_token_that_works);
async fn each_admin_page_carries_a_differently_masked_token_that_works() {
    let app = common::spawn_app_with(false).await;
    app.admin().await;
    let (_, one) = app.get_html("/admin/users").await;
    let (_, two) = app.get_html("/admin/users").await;
    let (one, two) = (csrf_token(&one), csrf_token(&two));
    assert_ne!(one, two, "a new mask on every page");
    for (n, token) in [one.clone(), two.clone()].iter().enumerate() {
        let email = format!("new{n}@example.com");
        let r = app
            .post_form(
                "/admin/users",
                &[
                    ("csrf_token", token),
                    ("email", &email),
                    ("name", "New Recruiter"),
                    ("role", "recruiter"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "token {n} works");
    }
    // A token altered in one digit is refused.
    let mut bad = one.into_bytes();
    bad[70] = if bad[70] == b'0' { b'1' } else { b'0' };
    let r = app
        .post_form(
            "/admin/users",
            &[
                ("csrf_token", &String::from_utf8(bad).unwrap()),
                ("email", "bad@example.com"),
                ("name", "New Recruiter"),
                ("role", "recruiter"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
}

/// Posts the change-password form.
async fn change_password(app: &TestApp, token: &str, current: &str, new: &str) -> (u16, String) {
    let r = app
        .post_form(
            "/admin/account/password",
            &[
                ("csrf_token", token),
                ("current_password", current),
                ("new_password", new),
                ("confirm_password", new),
            ],
        )
        .await;
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// The message as askama writes it into a page (it escapes `'`, `"`, `<`, `>` and `&`).
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('\'', "&#39;")
        .replace('"', "&#34;")
}

fn password_hash(app: &TestApp, email: &str) -> String {
    careers::db::users::by_email(&mut app.conn(), email)
        .unwrap()
        .unwrap()
        .password_hash
}

// Finding 18 (a): the most common breached passwords are refused wherever a password is
// chosen: the change-password form (in any case) and `create-admin`. Temporary passwords are
// generated, and pass the same rule (a unit test in `domain::auth`).
backend_test!(common_passwords_are_refused_wherever_a_password_is_chosen);
async fn common_passwords_are_refused_wherever_a_password_is_chosen() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let before = password_hash(&app, "admin@example.com");
    for common in [
        "qwerty123456",
        "QWERTY123456",
        "1Qaz2Wsx3Edc",
        "qazwsxedcrfv",
    ] {
        let (status, html) = change_password(&app, &token, PASSWORD, common).await;
        assert_eq!(status, 422, "{common}");
        assert!(
            html.contains(&escaped(&common::en(
                careers::messages::PASSWORD_TOO_COMMON
            ))),
            "{common}"
        );
    }
    assert_eq!(password_hash(&app, "admin@example.com"), before);
    let (status, _) = change_password(&app, &token, PASSWORD, "a rarer passphrase").await;
    assert_eq!(status, 303, "an uncommon one is taken");

    // The command line refuses it too, and creates nothing.
    let create_admin = |email: &str, password: &str| {
        use std::io::Write;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_careers"))
            .args(["create-admin", "--email", email, "--name", "Ops"])
            .arg("--password-stdin")
            .env("DATABASE_URL", &app.database_url)
            .env("DATA_DIR", app._dir.path())
            .env("SECRET_KEY", common::SECRET_KEY)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let out = create_admin("ops@example.com", "Password1234");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("most common passwords"));
    assert!(
        careers::db::users::by_email(&mut app.conn(), "ops@example.com")
            .unwrap()
            .is_none()
    );
    // A password of their own: nothing to change at first sign-in.
    let out = create_admin("ops@example.com", "an operator's own passphrase");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ops = careers::db::users::by_email(&mut app.conn(), "ops@example.com")
        .unwrap()
        .unwrap();
    assert!(!ops.must_change_password);
}

/// The temporary password in the flash after an administrator created or reset an account.
async fn temporary_password_shown(app: &TestApp) -> String {
    let (_, page) = app.get_html("/admin/users").await;
    let flash = common::texts(&page, ".flash-success").join(" ");
    let password = flash.rsplit(": ").next().unwrap().trim().to_string();
    assert_eq!(password.len(), 16, "{flash}");
    password
}

/// True when a signed-in client is sent to the change-password form from `method path`.
async fn sent_to_account(app: &TestApp, method: &str, path: &str, token: &str) -> bool {
    let url = app.url(path);
    let r = match method {
        "get" => app.client.get(&url).send().await.unwrap(),
        _ => app
            .client
            .post(&url)
            .form(&[("csrf_token", token), ("title", "x"), ("action", "close")])
            .send()
            .await
            .unwrap(),
    };
    r.status().as_u16() == 303 && location(&r) == "/admin/account"
}

// Finding 18 (b): a password an administrator set (new account, reset) is temporary: until
// its user chooses their own, every admin page but the change-password form and sign-out
// leads to that form.
backend_test!(a_temporary_password_must_be_changed_at_first_sign_in);
async fn a_temporary_password_must_be_changed_at_first_sign_in() {
    use careers::routes::ADMIN_ROUTES;
    let app = common::spawn_app().await;
    let admin_token = app.admin().await;
    let r = app
        .post_form(
            "/admin/users",
            &[
                ("csrf_token", admin_token.as_str()),
                ("email", "new@example.com"),
                ("name", "New Recruiter"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let temporary = temporary_password_shown(&app).await;
    let id = careers::db::users::by_email(&mut app.conn(), "new@example.com")
        .unwrap()
        .unwrap()
        .id;

    let user = app.with_new_client();
    let r = user.send_sign_in("new@example.com", &temporary).await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, page) = user.get_html("/admin/account").await;
    assert_eq!(status, 200);
    assert!(page.contains(&escaped(&common::en(
        careers::messages::MUST_CHANGE_PASSWORD
    ))));
    let token = csrf_token(&page);
    // Every other admin route, read or write, leads to the form; nothing is written.
    let vacancy = careers::db::vacancies::all(&mut app.conn()).unwrap()[0].id;
    let audit_before = careers::db::audit::recent(&mut app.conn(), 10_000, 0)
        .unwrap()
        .len();
    let mut checked = 0;
    for route in ADMIN_ROUTES.iter().filter(|r| !r.public) {
        if matches!(
            route.path,
            "/admin/account" | "/admin/account/password" | "/admin/logout"
        ) {
            continue;
        }
        let path = route.path.replace("{id}", &vacancy.to_string());
        assert!(
            sent_to_account(&user, route.method, &path, &token).await,
            "{} {}",
            route.method,
            route.path
        );
        checked += 1;
    }
    assert!(checked > 30, "{checked} routes walked");
    assert_eq!(
        careers::db::audit::recent(&mut app.conn(), 10_000, 0)
            .unwrap()
            .len(),
        audit_before,
        "nothing written"
    );

    // The temporary password itself is not a new one; a password of their own is.
    let (status, html) = change_password(&user, &token, &temporary, &temporary).await;
    assert_eq!(status, 422);
    assert!(html.contains(&common::en(careers::messages::PASSWORD_SAME_AS_CURRENT)));
    let (status, _) = change_password(&user, &token, &temporary, "my own long passphrase").await;
    assert_eq!(status, 303);
    assert_eq!(user.get("/admin").await.status().as_u16(), 200);
    let (_, page) = user.get_html("/admin/account").await;
    assert!(!page.contains("must-change"));

    // A reset makes it temporary again; signing out still works meanwhile.
    let r = app
        .post_form(
            &format!("/admin/users/{id}/password"),
            &[("csrf_token", admin_token.as_str())],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let reset = temporary_password_shown(&app).await;
    let user = app.with_new_client();
    assert_eq!(
        user.send_sign_in("new@example.com", &reset)
            .await
            .status()
            .as_u16(),
        303
    );
    let (_, page) = user.get_html("/admin/account").await;
    let token = csrf_token(&page);
    assert!(sent_to_account(&user, "get", "/admin/vacancies", &token).await);
    let r = user
        .post_form("/admin/logout", &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(location(&r), "/admin/login?signed_out=1");
    // The administrator who reset it is not affected.
    assert_eq!(app.get("/admin/users").await.status().as_u16(), 200);
}

// Finding 18 (c): the current-password check of the change-password form is counted like
// sign-in: after 5 wrong ones within 15 minutes it is refused (429, with a clear message),
// the right password included, until the window has passed. A right one clears the count.
backend_test!(wrong_current_passwords_lock_the_change_password_form);
async fn wrong_current_passwords_lock_the_change_password_form() {
    use careers::schema::login_failures;
    use diesel::prelude::*;
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let before = password_hash(&app, "admin@example.com");
    // A right check clears the wrong ones before it.
    for _ in 0..4 {
        let (status, _) =
            change_password(&app, &token, "a wrong guess here", "ok new passphrase").await;
        assert_eq!(status, 422);
    }
    let (status, _) = change_password(&app, &token, PASSWORD, "short").await;
    assert_eq!(status, 422, "right current password, new one refused");
    for attempt in 1..=5 {
        let (status, html) =
            change_password(&app, &token, "a wrong guess here", "ok new passphrase").await;
        assert_eq!(status, 422, "wrong guess {attempt}");
        assert!(html.contains(&common::en(careers::messages::WRONG_CURRENT_PASSWORD)));
    }
    let (status, html) = change_password(&app, &token, PASSWORD, "ok new passphrase").await;
    assert_eq!(status, 429, "locked, even for the right password");
    assert!(html.contains(&common::en(careers::messages::CURRENT_PASSWORD_LOCKED)));
    assert_eq!(password_hash(&app, "admin@example.com"), before);
    // Signing in is another count: the session and sign-in still work.
    assert_eq!(app.get("/admin").await.status().as_u16(), 200);

    // Once the failures are older than the window, the form works again.
    let old = careers::clock::now() - time::Duration::minutes(16);
    diesel::update(login_failures::table)
        .set(login_failures::created_at.eq(old))
        .execute(&mut *app.conn())
        .unwrap();
    let (status, _) = change_password(&app, &token, PASSWORD, "ok new passphrase").await;
    assert_eq!(status, 303);
    assert_ne!(password_hash(&app, "admin@example.com"), before);
}
