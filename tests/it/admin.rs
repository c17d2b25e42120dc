//! The recruiters' area through HTTP: sign-in, lockout, sessions, CSRF, roles, the vacancy
//! form and lifecycle, users, the audit trail and the create-admin command.

use crate::common::{self, csrf_token, location, TestApp};
use careers::models::Role;
use careers::routes::ADMIN_ROUTES;

type Form = Vec<(&'static str, String)>;

const PASSWORD: &str = "a long admin password";

/// A complete, valid vacancy form; tests override single fields.
pub(crate) fn valid_form(token: &str) -> Vec<(&'static str, String)> {
    let tomorrow = (careers::clock::now() + time::Duration::days(30))
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
        ("valid_through", tomorrow),
        ("summary", "You will build the internal platform our product teams deploy to, with a small team that cares about reliability, clear documentation and calm on-call weeks. The platform runs on Kubernetes in two regions.".into()),
        ("responsibilities", "- Run and improve our Kubernetes clusters\n- Write Terraform modules that product teams reuse\n- Keep deployments fast, observable and boring\n- Share what you learn in short written notes".into()),
        ("requirements", "- Three or more years running production systems on Linux\n- Hands-on Kubernetes and Terraform experience\n- Comfort with one scripting language such as Python or Go\n- Clear written English".into()),
        ("nice_to_have", "- Prometheus and Grafana dashboards\n- Experience with incident reviews".into()),
        ("benefits", "- Hybrid work from our Lisbon office\n- Learning budget and conference days\n- 25 days of paid holiday".into()),
        ("skills", "Kubernetes, Terraform, zyxwvplatformskill".into()),
        ("intent", "save".into()),
    ]
}

fn with(
    mut form: Vec<(&'static str, String)>,
    field: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    for (k, v) in form.iter_mut() {
        if *k == field {
            *v = value.to_string();
        }
    }
    form
}

pub(crate) async fn post(
    app: &TestApp,
    path: &str,
    form: &[(&'static str, String)],
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Creates a vacancy through the form and returns its admin id.
async fn create_vacancy(app: &TestApp, token: &str, form: Vec<(&'static str, String)>) -> i32 {
    let _ = token;
    let r = post(app, "/admin/vacancies", &form).await;
    assert_eq!(r.status().as_u16(), 303, "create should redirect");
    let to = location(&r);
    to.trim_start_matches("/admin/vacancies/")
        .parse()
        .expect("redirect to the new vacancy")
}

async fn action(app: &TestApp, token: &str, id: i32, what: &str) -> reqwest::Response {
    app.post_form(
        &format!("/admin/vacancies/{id}/status"),
        &[("csrf_token", token), ("action", what)],
    )
    .await
}

/// Each matching table row as its cells joined by `|`.
fn cells(html: &str, rows: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let row_sel = scraper::Selector::parse(rows).unwrap();
    let cell_sel = scraper::Selector::parse("td").unwrap();
    doc.select(&row_sel)
        .map(|r| {
            r.select(&cell_sel)
                .map(|c| c.text().collect::<String>())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

fn slug_of(app: &TestApp, id: i32) -> String {
    careers::db::vacancies::by_id(&mut app.conn(), id)
        .unwrap()
        .unwrap()
        .vacancy
        .slug
}

fn audit_count(app: &TestApp) -> usize {
    careers::db::audit::recent(&mut app.conn(), 10_000, 0)
        .unwrap()
        .len()
}

backend_test!(sign_in_succeeds_and_wrong_credentials_get_one_message);
async fn sign_in_succeeds_and_wrong_credentials_get_one_message() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);

    let (_, page) = app.get_html("/admin/login").await;
    let token = csrf_token(&page);
    let wrong_password = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &token),
                ("email", "rec@example.com"),
                ("password", "nope nope nope"),
            ],
        )
        .await;
    assert_eq!(wrong_password.status().as_u16(), 401);
    let wrong_password = wrong_password.text().await.unwrap();
    let wrong_email = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &token),
                ("email", "nobody@example.com"),
                ("password", PASSWORD),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let message = common::en(careers::messages::LOGIN_FAILED);
    assert_eq!(message, "The email or password is not right.");
    assert!(wrong_password.contains(&message) && wrong_email.contains(&message));
    // The typed email is kept, the password is not.
    assert!(wrong_email.contains("value=\"nobody@example.com\""));

    let ok = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &token),
                ("email", "REC@example.com"),
                ("password", PASSWORD),
                ("next", "/admin/vacancies"),
            ],
        )
        .await;
    assert_eq!(ok.status().as_u16(), 303);
    assert_eq!(location(&ok), "/admin/vacancies");
    let cookie = ok
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(cookie.contains("httponly") && cookie.contains("samesite=lax"));
    assert_eq!(app.get("/admin/vacancies").await.status().as_u16(), 200);
}

backend_test!(five_failures_lock_the_account_for_everyone);
async fn five_failures_lock_the_account_for_everyone() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    let (_, page) = app.get_html("/admin/login").await;
    let token = csrf_token(&page);
    for _ in 0..5 {
        let r = app
            .post_form(
                "/admin/login",
                &[
                    ("csrf_token", &token),
                    ("email", "rec@example.com"),
                    ("password", "wrong wrong wrong"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 401);
    }
    // Even the right password is refused now, with a clear message.
    let r = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &token),
                ("email", "rec@example.com"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 429);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains(&common::en(careers::messages::LOGIN_LOCKED)));
    assert_eq!(app.get("/admin").await.status().as_u16(), 303);
}

backend_test!(next_goes_back_only_to_local_paths);
async fn next_goes_back_only_to_local_paths() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    let r = app.get("/admin/vacancies?status=draft").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        location(&r),
        "/admin/login?next=%2Fadmin%2Fvacancies%3Fstatus%3Ddraft"
    );
    let (_, page) = app.get_html(&location(&r)).await;
    assert!(page.contains("value=\"/admin/vacancies?status=draft\""));
    let token = csrf_token(&page);
    let r = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &token),
                ("email", "rec@example.com"),
                ("password", PASSWORD),
                ("next", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/admin");
}

backend_test!(logout_ends_the_session);
async fn logout_ends_the_session() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let r = app
        .post_form("/admin/logout", &[("csrf_token", &token)])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app.get("/admin").await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(location(&r).starts_with("/admin/login"));
}

fn concrete(path: &str, id: i32) -> String {
    path.replace("{id}", &id.to_string())
}

backend_test!(every_admin_route_needs_a_session);
async fn every_admin_route_needs_a_session() {
    let app = common::spawn_app().await;
    let id = careers::db::vacancies::all(&mut app.conn()).unwrap()[0].id;
    let before = careers::db::vacancies::count(&mut app.conn()).unwrap();
    let mut checked = 0;
    for route in ADMIN_ROUTES.iter().filter(|r| !r.public) {
        let url = app.url(&concrete(route.path, id));
        let r = match route.method {
            "get" => app.client.get(&url).send().await.unwrap(),
            _ => app
                .client
                .post(&url)
                .form(&[("csrf_token", "x"), ("action", "close")])
                .send()
                .await
                .unwrap(),
        };
        assert_eq!(
            r.status().as_u16(),
            303,
            "{} {} without a session",
            route.method,
            route.path
        );
        assert!(
            location(&r).starts_with("/admin/login?next="),
            "{} {}",
            route.method,
            route.path
        );
        checked += 1;
    }
    assert!(checked >= 15, "the route table was walked");
    assert_eq!(
        careers::db::vacancies::count(&mut app.conn()).unwrap(),
        before
    );
}

backend_test!(every_admin_post_needs_the_csrf_token);
async fn every_admin_post_needs_the_csrf_token() {
    let app = common::spawn_app().await;
    let good = app.admin().await;
    let id = careers::db::vacancies::all(&mut app.conn()).unwrap()[0].id;
    let audit_before = audit_count(&app);
    for route in ADMIN_ROUTES.iter().filter(|r| r.method == "post") {
        let url = app.url(&concrete(route.path, id));
        for token in [
            None,
            Some("0".repeat(64)),
            Some(format!("{}x", &good[..good.len() - 1])),
        ] {
            let mut form = valid_form("");
            form.retain(|(k, _)| *k != "csrf_token");
            form.push(("action", "close".into()));
            form.push(("email", "admin@example.com".into()));
            form.push(("password", PASSWORD.into()));
            if let Some(t) = &token {
                form.push(("csrf_token", t.clone()));
            }
            let r = app.client.post(&url).form(&form).send().await.unwrap();
            assert_eq!(
                r.status().as_u16(),
                403,
                "{} with token {:?}",
                route.path,
                token.as_deref().map(|t| &t[..4])
            );
            assert!(r
                .text()
                .await
                .unwrap()
                .contains(&common::en(careers::messages::CSRF_TITLE)));
        }
    }
    assert_eq!(audit_count(&app), audit_before, "nothing changed");
    // Still signed in: a forged logout did not sign us out.
    assert_eq!(app.get("/admin").await.status().as_u16(), 200);
}

backend_test!(recruiters_cannot_manage_users_or_read_the_audit_log);
async fn recruiters_cannot_manage_users_or_read_the_audit_log() {
    let app = common::spawn_app_with(false).await;
    app.create_user("rec@example.com", PASSWORD, Role::Recruiter);
    let token = app.sign_in("rec@example.com", PASSWORD).await;
    assert_eq!(app.get("/admin/users").await.status().as_u16(), 403);
    assert_eq!(app.get("/admin/audit").await.status().as_u16(), 403);
    let r = app
        .post_form(
            "/admin/users",
            &[
                ("csrf_token", &token),
                ("email", "x@example.com"),
                ("name", "X"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
    assert!(
        careers::db::users::by_email(&mut app.conn(), "x@example.com")
            .unwrap()
            .is_none()
    );
    // A recruiter does manage vacancies.
    assert_eq!(app.get("/admin/vacancies/new").await.status().as_u16(), 200);
}

backend_test!(each_validation_rule_answers_422_and_keeps_the_input);
async fn each_validation_rule_answers_422_and_keeps_the_input() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let yesterday = (careers::clock::now() - time::Duration::days(1))
        .date()
        .to_string();
    let long_title = "T".repeat(121);
    let cases: Vec<(Form, &str, &str)> = vec![
        (
            with(valid_form(&token), "title", ""),
            "title",
            "This field is required.",
        ),
        (
            with(valid_form(&token), "title", &long_title),
            "title",
            "at most 120",
        ),
        (
            with(valid_form(&token), "summary", "   "),
            "summary",
            "This field is required.",
        ),
        (
            with(valid_form(&token), "requirements", ""),
            "requirements",
            "This field is required.",
        ),
        (
            with(valid_form(&token), "category", "astrology"),
            "category",
            "Choose a category",
        ),
        (
            with(valid_form(&token), "salary_min", "90000"),
            "salary_max",
            "at least the minimum",
        ),
        (
            with(valid_form(&token), "salary_min", "lots"),
            "salary_min",
            "whole number",
        ),
        (
            with(valid_form(&token), "valid_through", &yesterday),
            "valid_through",
            "in the future",
        ),
        (
            with(valid_form(&token), "valid_through", "31/12/2030"),
            "valid_through",
            "YYYY-MM-DD",
        ),
        (
            with(
                with(valid_form(&token), "work_mode", "remote"),
                "remote_countries",
                "",
            ),
            "remote_countries",
            "at least one country",
        ),
        (
            with(valid_form(&token), "remote_countries", "DE, Narnia"),
            "remote_countries",
            "Unknown country",
        ),
        (
            with(valid_form(&token), "location", ""),
            "location",
            "This field is required.",
        ),
    ];
    for (form, field, message) in cases {
        let r = post(&app, "/admin/vacancies", &form).await;
        assert_eq!(r.status().as_u16(), 422, "{field}");
        let html = r.text().await.unwrap();
        let error_id = format!("id=\"f-{field}-error\"");
        assert!(html.contains(&error_id), "{field}: error next to the field");
        let error = common::texts(&html, &format!("#f-{field}-error")).join(" ");
        assert!(error.contains(message), "{field}: {error}");
        assert!(
            html.contains(&format!("aria-describedby=\"f-{field}-error")),
            "{field}: error tied to the field"
        );
        // What was typed elsewhere is still there.
        assert!(
            html.contains("- Run and improve our Kubernetes clusters"),
            "{field}: sections kept"
        );
        assert!(
            html.contains("Kubernetes, Terraform, zyxwvplatformskill"),
            "{field}: skills kept"
        );
    }
    assert_eq!(
        careers::db::vacancies::count(&mut app.conn()).unwrap(),
        0,
        "nothing saved"
    );
}

backend_test!(a_vacancy_goes_from_draft_to_public_to_closed);
async fn a_vacancy_goes_from_draft_to_public_to_closed() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;

    // Preview from the form renders the Markdown and the checklist without saving.
    let mut preview = valid_form(&token);
    preview.push(("intent", "preview".into()));
    preview.retain(|(k, v)| !(*k == "intent" && v == "save"));
    let html = post(&app, "/admin/vacancies", &preview)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<li>Run and improve our Kubernetes clusters</li>"));
    assert!(html.contains("Ready for Google?"));
    assert_eq!(careers::db::vacancies::count(&mut app.conn()).unwrap(), 0);

    let id = create_vacancy(&app, &token, valid_form(&token)).await;
    let slug = slug_of(&app, id);
    assert_eq!(slug, "platform-engineer");
    // A draft is not public, but the preview shows the public page.
    assert_eq!(
        app.get(&format!("/en/vacancies/{slug}"))
            .await
            .status()
            .as_u16(),
        404
    );
    let (status, preview) = app
        .get_html(&format!("/admin/vacancies/{id}/preview"))
        .await;
    assert_eq!(status, 200);
    assert!(preview.contains("Preview: this is how the page will look"));
    assert!(preview.contains("<h1>Platform Engineer</h1>"));

    assert_eq!(
        action(&app, &token, id, "publish").await.status().as_u16(),
        303
    );
    let (_, list) = app.get_html("/en/vacancies").await;
    assert!(list.contains(&format!("/en/vacancies/{slug}")));
    let (_, found) = app.get_html("/en/vacancies?q=zyxwvplatform").await;
    assert!(
        found.contains(&format!("/en/vacancies/{slug}")),
        "found by a skill prefix"
    );
    let (status, page) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("50,000–65,000 EUR per year"));
    assert_eq!(common::json_ld(&page)[0]["title"], "Platform Engineer");

    // Editing the title of a published vacancy keeps its slug.
    let r = post(
        &app,
        &format!("/admin/vacancies/{id}"),
        &with(valid_form(&token), "title", "Senior Platform Engineer"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(slug_of(&app, id), slug);
    let (_, page) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert!(page.contains("<h1>Senior Platform Engineer</h1>"));

    assert_eq!(
        action(&app, &token, id, "close").await.status().as_u16(),
        303
    );
    let (_, list) = app.get_html("/en/vacancies").await;
    assert!(!list.contains(&format!("/en/vacancies/{slug}")));
    let (_, found) = app.get_html("/en/vacancies?q=zyxwvplatform").await;
    assert!(!found.contains(&format!("/en/vacancies/{slug}")));
    let (status, page) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("This vacancy is closed"));
    assert!(common::json_ld(&page).is_empty());

    // The audit trail says who changed what from what to what.
    let (_, admin_page) = app.get_html(&format!("/admin/vacancies/{id}")).await;
    let mut history = common::texts(&admin_page, ".history li > p");
    history.extend(cells(&admin_page, ".history tr"));
    let history = history.join("\n");
    for expected in [
        "create by Test User",
        "publish by Test User",
        "update by Test User",
        "close by Test User",
        "title|Platform Engineer|Senior Platform Engineer",
        "status|published|closed",
    ] {
        assert!(
            history.contains(expected),
            "history lacks {expected:?}:\n{history}"
        );
    }

    // Reopen brings it back.
    assert_eq!(
        action(&app, &token, id, "reopen").await.status().as_u16(),
        303
    );
    let (_, list) = app.get_html("/en/vacancies").await;
    assert!(list.contains(&format!("/en/vacancies/{slug}")));
}

backend_test!(draft_slugs_follow_the_title_until_published);
async fn draft_slugs_follow_the_title_until_published() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let id = create_vacancy(&app, &token, valid_form(&token)).await;
    let r = post(
        &app,
        &format!("/admin/vacancies/{id}"),
        &with(valid_form(&token), "title", "Cloud Engineer"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(slug_of(&app, id), "cloud-engineer");
    let other = create_vacancy(
        &app,
        &token,
        with(valid_form(&token), "title", "Cloud Engineer"),
    )
    .await;
    assert_eq!(slug_of(&app, other), "cloud-engineer-2", "slugs are unique");
}

backend_test!(blocking_checklist_items_stop_publishing_but_advice_does_not);
async fn blocking_checklist_items_stop_publishing_but_advice_does_not() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let salary_title = create_vacancy(
        &app,
        &token,
        with(valid_form(&token), "title", "Platform Engineer €60k"),
    )
    .await;
    let r = action(&app, &token, salary_title, "publish").await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = app
        .get_html(&format!("/admin/vacancies/{salary_title}"))
        .await;
    assert!(page.contains("Not published yet"));
    assert!(page.contains("The title carries a salary"));
    let v = careers::db::vacancies::by_id(&mut app.conn(), salary_title)
        .unwrap()
        .unwrap()
        .vacancy;
    assert_eq!(v.status, "draft");

    // No salary and no expiry are advice only.
    let form = with(
        with(
            with(with(valid_form(&token), "salary_min", ""), "salary_max", ""),
            "valid_through",
            "",
        ),
        "title",
        "Build Engineer",
    );
    let advised = create_vacancy(&app, &token, form).await;
    let (_, page) = app.get_html(&format!("/admin/vacancies/{advised}")).await;
    assert!(page.contains("Advice:</strong> No salary"));
    assert!(page.contains("Advice:</strong> No valid-through date"));
    action(&app, &token, advised, "publish").await;
    let v = careers::db::vacancies::by_id(&mut app.conn(), advised)
        .unwrap()
        .unwrap()
        .vacancy;
    assert_eq!(v.status, "published");
    assert!(v.published_at.is_some(), "publishing sets the date posted");
}

backend_test!(only_drafts_can_be_deleted_and_duplicates_are_drafts);
async fn only_drafts_can_be_deleted_and_duplicates_are_drafts() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let id = create_vacancy(&app, &token, valid_form(&token)).await;
    action(&app, &token, id, "publish").await;
    let r = app
        .post_form(
            &format!("/admin/vacancies/{id}/delete"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(
        careers::db::vacancies::by_id(&mut app.conn(), id)
            .unwrap()
            .is_some(),
        "published vacancy kept"
    );

    let r = app
        .post_form(
            &format!("/admin/vacancies/{id}/duplicate"),
            &[("csrf_token", &token)],
        )
        .await;
    let copy: i32 = location(&r)
        .trim_start_matches("/admin/vacancies/")
        .trim_end_matches("/edit")
        .parse()
        .unwrap();
    let copy_row = careers::db::vacancies::by_id(&mut app.conn(), copy)
        .unwrap()
        .unwrap();
    assert_eq!(copy_row.vacancy.status, "draft");
    assert_eq!(copy_row.vacancy.title, "Platform Engineer");
    assert_eq!(copy_row.skills.len(), 3);

    let r = app
        .post_form(
            &format!("/admin/vacancies/{copy}/delete"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(location(&r), "/admin/vacancies");
    assert!(
        careers::db::vacancies::by_id(&mut app.conn(), copy)
            .unwrap()
            .is_none(),
        "draft deleted"
    );
    let (_, log) = app.get_html("/admin/audit").await;
    assert!(log.contains("delete vacancy"));
}

backend_test!(expired_vacancies_count_as_closed_without_a_job);
async fn expired_vacancies_count_as_closed_without_a_job() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let id = create_vacancy(&app, &token, valid_form(&token)).await;
    action(&app, &token, id, "publish").await;
    let slug = slug_of(&app, id);
    crate::board_languages::lapse(&app, id);
    // The expiry sweep `serve` runs takes it off the board.
    assert_eq!(
        careers::actions::vacancies::expire_lapsed(&mut app.conn()).unwrap(),
        1
    );
    let (_, list) = app.get_html("/en/vacancies").await;
    assert!(!list.contains(&format!("/en/vacancies/{slug}")));
    let (_, page) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    assert!(page.contains("This vacancy is closed"));
    let (_, admin_list) = app.get_html("/admin/vacancies").await;
    assert!(admin_list.contains("Closed (expired)"));
}

backend_test!(administrators_manage_accounts);
async fn administrators_manage_accounts() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let r = app
        .post_form(
            "/admin/users",
            &[
                ("csrf_token", &token),
                ("email", "new@example.com"),
                ("name", "New Recruiter"),
                ("role", "recruiter"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = app.get_html("/admin/users").await;
    let flash = common::texts(&page, ".flash-success").join(" ");
    let temporary = flash.rsplit(": ").next().unwrap().trim().to_string();
    assert_eq!(temporary.len(), 16, "{flash}");

    // The same email again is refused next to the field, input kept.
    let r = app
        .post_form(
            "/admin/users",
            &[
                ("csrf_token", &token),
                ("email", "new@example.com"),
                ("name", "Again"),
                ("role", "recruiter"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("exists already") && html.contains("value=\"Again\""));

    let other = app.with_new_client();
    let r = other.send_sign_in("new@example.com", &temporary).await;
    assert_eq!(r.status().as_u16(), 303);
    // A temporary password: the change-password form comes first.
    let r = other.get("/admin").await;
    assert_eq!(
        (r.status().as_u16(), location(&r)),
        (303, "/admin/account".into())
    );

    let user = careers::db::users::by_email(&mut app.conn(), "new@example.com")
        .unwrap()
        .unwrap();
    let r = app
        .post_form(
            &format!("/admin/users/{}/active", user.id),
            &[("csrf_token", &token), ("active", "false")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    // The deactivated user's session ends at the next request.
    let r = other.get("/admin").await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(location(&r).starts_with("/admin/login"), "{}", location(&r));
}

/// A second view of the same running app, with its own client.
fn clone_app(app: &TestApp) -> TestApp {
    app.with_new_client()
}

backend_test!(users_change_their_own_password);
async fn users_change_their_own_password() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let r = app
        .post_form(
            "/admin/account/password",
            &[
                ("csrf_token", &token),
                ("current_password", "not it at all"),
                ("new_password", "short"),
                ("confirm_password", "short"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("not your current password") && html.contains("at least 12"));
    let r = app
        .post_form(
            "/admin/account/password",
            &[
                ("csrf_token", &token),
                ("current_password", PASSWORD),
                ("new_password", "an even longer password"),
                ("confirm_password", "an even longer password"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let fresh = clone_app(&app);
    fresh
        .sign_in("admin@example.com", "an even longer password")
        .await;
}

#[test]
fn create_admin_command_checks_its_input() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let run = |email: &str, password: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
            .args([
                "create-admin",
                "--email",
                email,
                "--name",
                "First Admin",
                "--password-stdin",
            ])
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("c.db").display()),
            )
            .env("DATA_DIR", dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{password}\n").as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, err) = run("boss@example.com", "too short");
    assert!(!ok && err.contains("12 characters"), "{err}");
    let (ok, err) = run("boss@example.com", "a very long password");
    assert!(ok, "{err}");
    let (ok, err) = run("boss@example.com", "another long password");
    assert!(!ok && err.contains("exists already"), "{err}");
}

backend_test!(vacancy_list_filters_by_title_ignoring_case);
async fn vacancy_list_filters_by_title_ignoring_case() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    create_vacancy(&app, &token, valid_form(&token)).await;
    create_vacancy(
        &app,
        &token,
        with(valid_form(&token), "title", "Data Analyst"),
    )
    .await;
    for (title, platform, analyst) in [
        ("platform", true, false),
        ("PLATFORM engineer", true, false),
        ("anal", false, true),
        ("platform_engineer", true, false),
        ("zzz", false, false),
        ("a", true, true),
    ] {
        let (status, html) = app
            .get_html(&format!(
                "/admin/vacancies?title={}",
                title.replace('%', "%25")
            ))
            .await;
        assert_eq!(status, 200);
        assert_eq!(
            (
                html.contains("Platform Engineer"),
                html.contains("Data Analyst")
            ),
            (platform, analyst),
            "title={title}"
        );
    }
}

/// Five failed sign-ins from one address, each claiming another address in `X-Forwarded-For`,
/// for five different accounts; the answer to a sixth attempt.
async fn sixth_attempt_after_spoofed_failures(app: &TestApp) -> u16 {
    let (_, page) = app.get_html("/admin/login").await;
    let token = csrf_token(&page);
    let attempt = |n: u32| {
        let email = format!("nobody{n}@example.com");
        let token = token.clone();
        async move {
            app.client
                .post(app.url("/admin/login"))
                .header("X-Forwarded-For", format!("203.0.113.{n}"))
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("email", email.as_str()),
                    ("password", "wrong wrong wrong"),
                ])
                .send()
                .await
                .expect("request")
                .status()
                .as_u16()
        }
    };
    for n in 1..=5 {
        assert_eq!(attempt(n).await, 401);
    }
    attempt(6).await
}

backend_test!(forwarded_addresses_are_ignored_unless_a_proxy_is_trusted);
async fn forwarded_addresses_are_ignored_unless_a_proxy_is_trusted() {
    // Directly exposed (the default): the header is the client's own claim, so the failures
    // all count against the real peer address and the sixth attempt is locked out.
    let direct = common::spawn_app_with(false).await;
    assert_eq!(sixth_attempt_after_spoofed_failures(&direct).await, 429);

    // Behind a proxy that sets the header, each forwarded address is its own client.
    let proxied = common::spawn_app_configured(false, |c| c.trust_proxy = true).await;
    assert_eq!(sixth_attempt_after_spoofed_failures(&proxied).await, 401);
}

backend_test!(csrf_token_from_before_sign_in_is_void_after_it);
async fn csrf_token_from_before_sign_in_is_void_after_it() {
    let app = common::spawn_app_with(false).await;
    app.create_user("admin@example.com", PASSWORD, Role::Admin);
    let (_, page) = app.get_html("/admin/login").await;
    let before = csrf_token(&page);
    let r = app
        .post_form(
            "/admin/login",
            &[
                ("csrf_token", &before),
                ("email", "admin@example.com"),
                ("password", PASSWORD),
                ("next", "/admin"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, page) = app.get_html("/admin/users").await;
    assert_eq!(status, 200);
    let after = csrf_token(&page);
    assert_ne!(before, after, "sign-in gives the session a new token");

    let new_user = |token: &str| {
        vec![
            ("csrf_token", token.to_string()),
            ("email", "new@example.com".to_string()),
            ("name", "New Recruiter".to_string()),
            ("role", "recruiter".to_string()),
        ]
    };
    let audit_before = audit_count(&app);
    let r = post(&app, "/admin/users", &new_user(&before)).await;
    assert_eq!(r.status().as_u16(), 403, "the token from before sign-in");
    assert!(
        careers::db::users::by_email(&mut app.conn(), "new@example.com")
            .unwrap()
            .is_none()
    );
    assert_eq!(audit_count(&app), audit_before, "nothing changed");

    let r = post(&app, "/admin/users", &new_user(&after)).await;
    assert_eq!(
        r.status().as_u16(),
        303,
        "the token from a page after sign-in"
    );
    assert!(
        careers::db::users::by_email(&mut app.conn(), "new@example.com")
            .unwrap()
            .is_some()
    );
}

/// A vacancy created and published through the admin forms, for other modules' tests.
pub(crate) async fn create_published_vacancy(app: &TestApp, token: &str, title: &str) -> i32 {
    let id = create_vacancy(app, token, with(valid_form(token), "title", title)).await;
    let r = action(app, token, id, "publish").await;
    assert_eq!(r.status().as_u16(), 303, "publish should redirect");
    id
}
