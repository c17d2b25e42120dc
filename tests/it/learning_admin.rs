//! The editors' side of learning paths: the article form (validation, preview, publish, stable
//! slugs, FAQ, skills), ordering paths and their articles, comment moderation, the audit trail,
//! sign-in and CSRF.

use crate::common::{self, csrf_token, location, texts, TestApp};
use careers::db::{self, learning};
use careers::models::{Article, CommentStatus, NewComment, Role};

type Form = Vec<(&'static str, String)>;

fn article_form(token: &str, title: &str) -> Form {
    vec![
        ("csrf_token", token.to_string()),
        ("title", title.to_string()),
        ("summary", "What the job is, in one page.".into()),
        (
            "body",
            "## What they do\n\nThey build **servers**.\n\n## Tools\n\n- SQL\n- Git\n".into(),
        ),
        ("faq_question", "Do I need a degree?".into()),
        ("faq_answer", "No: projects count more.".into()),
        ("faq_question", "How long does it take?".into()),
        ("faq_answer", "About a year of steady practice.".into()),
        ("faq_question", String::new()),
        ("faq_answer", String::new()),
        ("skills", "SQL, PostgreSQL, sql".into()),
        ("path", String::new()),
        ("position", String::new()),
        ("status", "draft".into()),
        ("intent", "save".into()),
    ]
}

fn with(mut form: Form, field: &str, value: &str) -> Form {
    for (k, v) in form.iter_mut() {
        if *k == field {
            *v = value.to_string();
        }
    }
    form
}

async fn post(app: &TestApp, path: &str, form: &[(&'static str, String)]) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Creates an article through the form; gives its id.
async fn create_article(app: &TestApp, form: Form) -> i32 {
    let r = post(app, "/admin/articles", &form).await;
    assert_eq!(r.status().as_u16(), 303, "article saved");
    let to = location(&r);
    to.trim_start_matches("/admin/articles/")
        .parse()
        .unwrap_or_else(|_| panic!("redirect to the article, got {to}"))
}

async fn create_path(app: &TestApp, token: &str, title: &str) -> i32 {
    let r = post(
        app,
        "/admin/paths",
        &[
            ("csrf_token", token.to_string()),
            ("title", title.to_string()),
            ("summary", format!("Everything about {title}.")),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let path = learning::paths(&mut app.conn())
        .unwrap()
        .into_iter()
        .find(|p| p.title == title)
        .expect("path stored");
    assert_eq!(location(&r), format!("/admin/paths#path-{}", path.id));
    path.id
}

fn article(app: &TestApp, id: i32) -> Article {
    learning::article_by_id(&mut app.conn(), id)
        .unwrap()
        .expect("article exists")
}

/// Audit entries for one entity kind, newest first, as (entity id, action, changed fields).
fn audit(app: &TestApp, entity: &str) -> Vec<(i32, String, Vec<String>)> {
    db::audit::recent(&mut app.conn(), 10_000, 0)
        .unwrap()
        .into_iter()
        .filter(|(e, _)| e.entity == entity)
        .map(|(e, _)| {
            let fields = db::audit::parse_changes(&e.changes)
                .into_iter()
                .map(|c| c.field)
                .collect();
            (e.entity_id, e.action, fields)
        })
        .collect()
}

fn path_order(app: &TestApp, path_id: i32) -> Vec<(i32, i32)> {
    learning::articles_in_path(&mut app.conn(), path_id, false)
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.position))
        .collect()
}

backend_test!(an_invalid_article_comes_back_with_its_values_and_errors_beside_the_fields);
async fn an_invalid_article_comes_back_with_its_values_and_errors_beside_the_fields() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let mut form = with(article_form(&token, ""), "position", "2");
    form.push(("faq_question", "Half a pair?".into()));
    form.push(("faq_answer", String::new()));
    let r = post(&app, "/admin/articles", &form).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    // Errors are tied to their fields.
    assert!(html.contains(r#"aria-describedby="f-title-error"#));
    assert_eq!(
        texts(&html, "#f-title-error"),
        vec![common::en(careers::messages::REQUIRED)]
    );
    assert!(texts(&html, "#f-faqs-error")[0].contains("Question 3 has no answer"));
    assert!(texts(&html, "#f-position-error")[0].contains("choose a path"));
    // Everything typed is still there.
    assert!(html.contains("What the job is, in one page."));
    assert!(html.contains("They build **servers**."));
    assert!(html.contains(r#"value="Do I need a degree?""#));
    assert!(html.contains(r#"value="Half a pair?""#));
    assert!(html.contains(r#"value="SQL, PostgreSQL, sql""#));
    assert_eq!(learning::count_articles(&mut app.conn()).unwrap(), 0);
    assert!(audit(&app, "article").is_empty());
}

backend_test!(preview_renders_the_markdown_safely_and_saves_nothing);
async fn preview_renders_the_markdown_safely_and_saves_nothing() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let body = "## Caches\n\nUse **Redis** wisely.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
    let form = with(
        with(article_form(&token, "Databases and caches"), "body", body),
        "intent",
        "preview",
    );
    // A preview of a half-written article works: the summary may still be empty.
    let form = with(form, "summary", "");
    let r = post(&app, "/admin/articles", &form).await;
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("section.preview").unwrap();
    let preview = doc.select(&sel).next().expect("a preview section").html();
    assert!(preview.contains("<strong>Redis</strong>"), "{preview}");
    assert!(
        texts(&html, "section.preview h2")
            .iter()
            .any(|h| h.starts_with("Caches")),
        "the heading is rendered"
    );
    assert!(!preview.contains("<script"));
    assert!(!preview.contains("javascript:"));
    assert!(!preview.contains("onerror"));
    assert!(
        preview.contains("Do I need a degree?"),
        "FAQ pairs previewed"
    );
    assert!(!html.contains("<script>alert"), "nowhere on the page");
    // The textarea keeps what was typed, escaped.
    assert!(html.contains("&#60;script&#62;alert"));
    assert!(html.contains("Preview (not saved yet)"));
    assert_eq!(learning::count_articles(&mut app.conn()).unwrap(), 0);
}

backend_test!(publish_edit_and_unpublish_keep_the_id_slug_and_first_publication_date);
async fn publish_edit_and_unpublish_keep_the_id_slug_and_first_publication_date() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let id = create_article(&app, article_form(&token, "Who is a backend developer?")).await;
    let a = article(&app, id);
    assert_eq!(a.slug, "who-is-a-backend-developer");
    assert_eq!(a.status, "draft");
    assert!(a.published_at.is_none());
    assert!(a.body_html.contains("<strong>servers</strong>"));
    assert!(a.author_id.is_some());
    let faqs = learning::faqs_of(&mut app.conn(), id).unwrap();
    assert_eq!(
        faqs.iter()
            .map(|f| (f.question.as_str(), f.position))
            .collect::<Vec<_>>(),
        vec![("Do I need a degree?", 1), ("How long does it take?", 2)]
    );
    let skills: Vec<String> = learning::skills_of_article(&mut app.conn(), id)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(skills, vec!["PostgreSQL", "SQL"], "duplicates dropped");

    // The same title again gets its own address.
    let twin = create_article(&app, article_form(&token, "Who is a backend developer?")).await;
    assert_eq!(article(&app, twin).slug, "who-is-a-backend-developer-2");

    // Publish from the article page.
    let r = post(
        &app,
        &format!("/admin/articles/{id}/status"),
        &[
            ("csrf_token", token.clone()),
            ("action", "publish".to_string()),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let published = article(&app, id);
    assert_eq!(published.status, "published");
    let first_published = published.published_at.expect("published_at set");
    let (_, page) = app.get_html(&format!("/admin/articles/{id}")).await;
    assert!(page.contains(r#"href="/en/articles/who-is-a-backend-developer""#));
    let (_, list) = app.get_html("/admin/articles?status=published").await;
    assert!(list.contains("Who is a backend developer?"));
    assert_eq!(
        texts(&list, "tbody tr").len(),
        1,
        "only the published one is listed"
    );

    // Edit the published article: new title, FAQ and skills; the address and id stay.
    let mut form = with(
        article_form(&token, "Who is a backend developer, really?"),
        "status",
        "published",
    );
    form = with(form, "skills", "Rust");
    form.retain(|(k, v)| !(*k == "faq_question" && v.starts_with("How long")));
    form.retain(|(k, v)| !(*k == "faq_answer" && v.starts_with("About a year")));
    let r = post(&app, &format!("/admin/articles/{id}"), &form).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), format!("/admin/articles/{id}"));
    let edited = article(&app, id);
    assert_eq!(edited.id, id);
    assert_eq!(edited.title, "Who is a backend developer, really?");
    assert_eq!(
        edited.slug, "who-is-a-backend-developer",
        "published slug is stable"
    );
    assert_eq!(edited.published_at, Some(first_published));
    assert_eq!(learning::faqs_of(&mut app.conn(), id).unwrap().len(), 1);
    assert_eq!(
        learning::skills_of_article(&mut app.conn(), id).unwrap()[0].name,
        "Rust"
    );
    let (_, edit_page) = app.get_html(&format!("/admin/articles/{id}/edit")).await;
    assert!(edit_page.contains(r#"value="Rust""#));
    assert!(edit_page.contains("/en/articles/who-is-a-backend-developer"));

    // Unpublish through the form, then publish again: the first date is kept.
    let r = post(
        &app,
        &format!("/admin/articles/{id}"),
        &with(form.clone(), "status", "draft"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(article(&app, id).status, "draft");
    let r = post(&app, &format!("/admin/articles/{id}"), &form).await;
    assert_eq!(r.status().as_u16(), 303);
    let again = article(&app, id);
    assert_eq!(again.status, "published");
    assert_eq!(again.published_at, Some(first_published));

    // Saving without changes writes nothing.
    let before = audit(&app, "article").len();
    let r = post(&app, &format!("/admin/articles/{id}"), &form).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(audit(&app, "article").len(), before);

    let trail = audit(&app, "article");
    let mine: Vec<&(i32, String, Vec<String>)> =
        trail.iter().filter(|(e, _, _)| *e == id).collect();
    let actions: Vec<&str> = mine.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(
        actions,
        vec!["publish", "unpublish", "update", "publish", "create"]
    );
    let update_fields = &mine[2].2;
    for field in ["title", "skills", "faqs"] {
        assert!(
            update_fields.iter().any(|f| f == field),
            "{field} in {update_fields:?}"
        );
    }
    assert!(!update_fields.iter().any(|f| f == "slug"));
    let (_, page) = app.get_html(&format!("/admin/articles/{id}")).await;
    assert!(page.contains("History"));
    assert!(page.contains("<td>skills</td>"));
}

backend_test!(a_draft_follows_its_title_until_first_published);
async fn a_draft_follows_its_title_until_first_published() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let id = create_article(&app, article_form(&token, "Version control")).await;
    let r = post(
        &app,
        &format!("/admin/articles/{id}"),
        &article_form(&token, "Version control with Git"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(article(&app, id).slug, "version-control-with-git");
}

backend_test!(paths_are_created_and_ordered_with_their_articles);
async fn paths_are_created_and_ordered_with_their_articles() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;

    // Validation first.
    let r = post(
        &app,
        "/admin/paths",
        &[
            ("csrf_token", token.clone()),
            ("title", "Data & BI".to_string()),
            ("summary", "  ".to_string()),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(r#"value="Data &#38; BI""#), "{html}");
    assert_eq!(texts(&html, "#f-summary-error").len(), 1);

    let backend = create_path(&app, &token, "Backend developer").await;
    let data = create_path(&app, &token, "Data & BI").await;
    let paths = learning::paths(&mut app.conn()).unwrap();
    assert_eq!(
        paths
            .iter()
            .map(|p| (p.slug.as_str(), p.position))
            .collect::<Vec<_>>(),
        vec![("backend-developer", 1), ("data-bi", 2)]
    );

    // Three articles join the backend path in the order they are written.
    let mut ids = Vec::new();
    for title in ["Servers", "Databases", "APIs"] {
        let form = with(article_form(&token, title), "path", &backend.to_string());
        ids.push(create_article(&app, form).await);
    }
    let (a, b, c) = (ids[0], ids[1], ids[2]);
    assert_eq!(path_order(&app, backend), vec![(a, 1), (b, 2), (c, 3)]);

    // The paths page lists them in order, with move buttons.
    let (status, page) = app.get_html("/admin/paths").await;
    assert_eq!(status, 200);
    let rows = texts(&page, &format!("#path-{backend} tbody tr td:nth-child(2)"));
    assert_eq!(rows, vec!["Servers", "Databases", "APIs"]);

    // Move "APIs" up: positions stay 1..n.
    let r = post(
        &app,
        &format!("/admin/articles/{c}/move"),
        &[("csrf_token", token.clone()), ("direction", "up".into())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), format!("/admin/paths#path-{backend}"));
    assert_eq!(path_order(&app, backend), vec![(a, 1), (c, 2), (b, 3)]);

    // The first cannot go higher: nothing changes.
    let before = audit(&app, "article").len();
    post(
        &app,
        &format!("/admin/articles/{a}/move"),
        &[("csrf_token", token.clone()), ("direction", "up".into())],
    )
    .await;
    assert_eq!(path_order(&app, backend), vec![(a, 1), (c, 2), (b, 3)]);
    assert_eq!(audit(&app, "article").len(), before);

    // The form's position places an article: "Servers" to step 3.
    let form = with(
        with(
            article_form(&token, "Servers"),
            "path",
            &backend.to_string(),
        ),
        "position",
        "3",
    );
    let r = post(&app, &format!("/admin/articles/{a}"), &form).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(path_order(&app, backend), vec![(c, 1), (b, 2), (a, 3)]);

    // Moving "Databases" to the other path closes the gap it leaves; it joins at the end.
    let d = create_article(
        &app,
        with(
            article_form(&token, "Dashboards"),
            "path",
            &data.to_string(),
        ),
    )
    .await;
    let form = with(article_form(&token, "Databases"), "path", &data.to_string());
    let r = post(&app, &format!("/admin/articles/{b}"), &form).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(path_order(&app, backend), vec![(c, 1), (a, 2)]);
    assert_eq!(path_order(&app, data), vec![(d, 1), (b, 2)]);

    // Deleting an article asks first, then renumbers its path.
    let (status, confirm) = app.get_html(&format!("/admin/articles/{c}/delete")).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("cannot be undone"));
    assert_eq!(
        learning::article_by_id(&mut app.conn(), c)
            .unwrap()
            .map(|x| x.id),
        Some(c),
        "asking deletes nothing"
    );
    let r = post(
        &app,
        &format!("/admin/articles/{c}/delete"),
        &[("csrf_token", token.clone())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(learning::article_by_id(&mut app.conn(), c)
        .unwrap()
        .is_none());
    assert_eq!(path_order(&app, backend), vec![(a, 1)]);

    // The paths themselves: "Data & BI" up to first place.
    let r = post(
        &app,
        &format!("/admin/paths/{data}/move"),
        &[("csrf_token", token.clone()), ("direction", "up".into())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let order: Vec<(i32, i32)> = learning::paths(&mut app.conn())
        .unwrap()
        .into_iter()
        .map(|p| (p.id, p.position))
        .collect();
    assert_eq!(order, vec![(data, 1), (backend, 2)]);

    // Editing a path keeps its slug.
    let r = post(
        &app,
        &format!("/admin/paths/{backend}"),
        &[
            ("csrf_token", token.clone()),
            ("title", "Backend engineer".to_string()),
            ("summary", "Servers, data and APIs.".to_string()),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let p = learning::path_by_id(&mut app.conn(), backend)
        .unwrap()
        .unwrap();
    assert_eq!(
        (p.title.as_str(), p.slug.as_str(), p.position),
        ("Backend engineer", "backend-developer", 2)
    );

    let paths_audit: Vec<(i32, String)> = audit(&app, "path")
        .into_iter()
        .map(|(id, action, _)| (id, action))
        .collect();
    assert_eq!(
        paths_audit,
        vec![
            (backend, "update".to_string()),
            (data, "move".to_string()),
            (data, "create".to_string()),
            (backend, "create".to_string()),
        ]
    );
    let article_actions: Vec<(i32, String)> = audit(&app, "article")
        .into_iter()
        .map(|(id, action, _)| (id, action))
        .collect();
    assert!(article_actions.contains(&(c, "move".to_string())));
    assert!(article_actions.contains(&(c, "delete".to_string())));
}

fn comment(article_id: i32, name: &str, minutes_ago: i64) -> NewComment {
    NewComment {
        article_id,
        parent_id: None,
        author_name: name.to_string(),
        email: format!("{}@example.com", name.to_lowercase()),
        website: "https://example.com/me".into(),
        body: format!("A thought from {name}."),
        status: CommentStatus::Pending.as_str().into(),
        client_address: "203.0.113.7".into(),
        created_at: careers::clock::now() - time::Duration::minutes(minutes_ago),
    }
}

fn statuses(app: &TestApp, ids: &[i32]) -> Vec<Option<String>> {
    ids.iter()
        .map(|id| {
            db::comments::by_id(&mut app.conn(), *id)
                .unwrap()
                .map(|c| c.status)
        })
        .collect()
}

backend_test!(comments_are_moderated_one_by_one_and_in_bulk);
async fn comments_are_moderated_one_by_one_and_in_bulk() {
    let app = common::spawn_app_with(false).await;
    // Recruiters moderate too, not only administrators.
    app.create_user(
        "rita@example.com",
        "a long recruiter password",
        Role::Recruiter,
    );
    let token = app
        .sign_in("rita@example.com", "a long recruiter password")
        .await;
    let article_id = create_article(&app, article_form(&token, "Testing and debugging")).await;
    let ids: Vec<i32> = ["Ann", "Ben", "Cid", "Dee", "Eve"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            db::comments::insert(&mut app.conn(), &comment(article_id, name, 50 - i as i64))
                .unwrap()
        })
        .collect();
    // An old approved comment sorts after every pending one.
    let mut old = comment(article_id, "Old", 1);
    old.status = CommentStatus::Approved.as_str().into();
    let old_id = db::comments::insert(&mut app.conn(), &old).unwrap();

    let (_, dash) = app.get_html("/admin").await;
    assert!(texts(&dash, ".stats a").contains(&"5 comments to moderate".to_string()));

    let (status, queue) = app.get_html("/admin/comments").await;
    assert_eq!(status, 200);
    let authors = texts(&queue, "tbody tr strong");
    assert_eq!(authors, vec!["Eve", "Dee", "Cid", "Ben", "Ann", "Old"]);
    assert!(
        queue.contains("ann@example.com"),
        "the email is shown to staff"
    );
    assert!(queue.contains("203.0.113.7"));
    assert!(queue.contains(r#"href="/en/articles/testing-and-debugging""#));

    // Bulk approve two.
    let r = post(
        &app,
        "/admin/comments",
        &[
            ("csrf_token", token.clone()),
            ("status", String::new()),
            ("action", "approve".into()),
            ("ids", ids[0].to_string()),
            ("ids", ids[1].to_string()),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/admin/comments");
    // One row's own button: spam, whatever the bulk select says.
    let r = post(
        &app,
        "/admin/comments",
        &[
            ("csrf_token", token.clone()),
            ("status", "pending".into()),
            ("action", "approve".into()),
            ("row", format!("spam:{}", ids[2])),
        ],
    )
    .await;
    assert_eq!(location(&r), "/admin/comments?status=pending");
    // Bulk spam and bulk delete.
    post(
        &app,
        "/admin/comments",
        &[
            ("csrf_token", token.clone()),
            ("action", "spam".into()),
            ("ids", ids[3].to_string()),
        ],
    )
    .await;
    post(
        &app,
        "/admin/comments",
        &[
            ("csrf_token", token.clone()),
            ("action", "delete".into()),
            ("ids", ids[4].to_string()),
            ("ids", old_id.to_string()),
        ],
    )
    .await;
    assert_eq!(
        statuses(&app, &ids),
        vec![
            Some("approved".into()),
            Some("approved".into()),
            Some("spam".into()),
            Some("spam".into()),
            None
        ]
    );
    assert_eq!(statuses(&app, &[old_id]), vec![None]);
    assert_eq!(db::comments::count_pending(&mut app.conn()).unwrap(), 0);

    // Nothing ticked: a message, no change.
    let r = post(
        &app,
        "/admin/comments",
        &[("csrf_token", token.clone()), ("action", "delete".into())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = app.get_html("/admin/comments").await;
    assert!(page.contains("Tick at least one comment first."));

    let (_, spam) = app.get_html("/admin/comments?status=spam").await;
    assert_eq!(texts(&spam, "tbody tr strong"), vec!["Dee", "Cid"]);

    let trail = audit(&app, "comment");
    assert_eq!(trail.len(), 6, "one entry per comment changed: {trail:?}");
    assert!(trail.contains(&(ids[4], "delete".to_string(), vec!["status".into()])));
    assert!(trail.contains(&(ids[2], "spam".to_string(), vec!["status".into()])));
    assert!(trail.contains(&(ids[0], "approve".to_string(), vec!["status".into()])));
}

backend_test!(without_the_csrf_token_nothing_changes);
async fn without_the_csrf_token_nothing_changes() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let id = create_article(&app, article_form(&token, "APIs: REST and GraphQL")).await;
    let comment_id = db::comments::insert(&mut app.conn(), &comment(id, "Ann", 5)).unwrap();
    let audit_before = db::audit::recent(&mut app.conn(), 10_000, 0).unwrap().len();

    let mut no_token = article_form(&token, "Forged");
    no_token.retain(|(k, _)| *k != "csrf_token");
    let bad_token = with(
        article_form(&token, "Forged"),
        "csrf_token",
        &"0".repeat(64),
    );
    for form in [&no_token, &bad_token] {
        for path in [
            "/admin/articles".to_string(),
            format!("/admin/articles/{id}"),
        ] {
            let r = post(&app, &path, form).await;
            assert_eq!(r.status().as_u16(), 403, "{path}");
        }
    }
    let r = post(
        &app,
        "/admin/comments",
        &[("action", "delete".into()), ("ids", comment_id.to_string())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 403);
    let r = post(&app, &format!("/admin/articles/{id}/delete"), &[]).await;
    assert_eq!(r.status().as_u16(), 403);
    let r = post(
        &app,
        "/admin/paths",
        &[("title", "Forged".into()), ("summary", "x".into())],
    )
    .await;
    assert_eq!(r.status().as_u16(), 403);

    assert_eq!(learning::count_articles(&mut app.conn()).unwrap(), 1);
    assert_eq!(article(&app, id).title, "APIs: REST and GraphQL");
    assert_eq!(statuses(&app, &[comment_id]), vec![Some("pending".into())]);
    assert!(learning::paths(&mut app.conn()).unwrap().is_empty());
    assert_eq!(
        db::audit::recent(&mut app.conn(), 10_000, 0).unwrap().len(),
        audit_before
    );
}

backend_test!(signed_out_visitors_are_sent_to_sign_in);
async fn signed_out_visitors_are_sent_to_sign_in() {
    let app = common::spawn_app_with(false).await;
    for path in [
        "/admin/articles",
        "/admin/articles/new",
        "/admin/paths",
        "/admin/comments",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status().as_u16(), 303, "{path}");
        assert!(location(&r).starts_with("/admin/login?next="), "{path}");
    }
    let r = post(&app, "/admin/articles", &article_form("anything", "Sneaky")).await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(location(&r).starts_with("/admin/login"));
    assert_eq!(learning::count_articles(&mut app.conn()).unwrap(), 0);
}

backend_test!(the_admin_pages_link_to_each_other);
async fn the_admin_pages_link_to_each_other() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let path = create_path(&app, &token, "Backend developer").await;
    let (_, dash) = app.get_html("/admin").await;
    for href in ["/admin/articles", "/admin/paths", "/admin/comments"] {
        assert!(
            dash.contains(&format!(r#"href="{href}""#)),
            "nav has {href}"
        );
    }
    // "Add an article" from a path preselects it.
    let (status, page) = app
        .get_html(&format!("/admin/articles/new?path={path}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!(r#"<option value="{path}" selected>"#)));
    let token = csrf_token(&page);
    let id = create_article(
        &app,
        with(
            article_form(&token, "First steps"),
            "path",
            &path.to_string(),
        ),
    )
    .await;
    let (_, list) = app.get_html(&format!("/admin/articles?path={path}")).await;
    assert!(list.contains(&format!(r#"href="/admin/articles/{id}""#)));
    let (_, none) = app.get_html("/admin/articles?path=none").await;
    assert!(!none.contains(&format!(r#"href="/admin/articles/{id}""#)));
    let (_, found) = app.get_html("/admin/articles?title=first").await;
    assert!(found.contains("First steps"));
    // The audit log and the dashboard link to what changed.
    for page in ["/admin/audit", "/admin"] {
        let (_, html) = app.get_html(page).await;
        assert!(
            html.contains(&format!(r#"href="/admin/articles/{id}""#)),
            "{page}"
        );
        assert!(
            html.contains(&format!(r#"href="/admin/paths#path-{path}""#)),
            "{page}"
        );
    }
    let (status, _) = app.get_html("/admin/articles/999999").await;
    assert_eq!(status, 404);
    let (status, _) = app.get_html("/admin/paths/999999/edit").await;
    assert_eq!(status, 404);
}

backend_test!(deleting_a_path_keeps_its_articles_in_no_path);
async fn deleting_a_path_keeps_its_articles_in_no_path() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let doomed = create_path(&app, &token, "Mainframes").await;
    let kept = create_path(&app, &token, "Cloud").await;
    let mut ids = Vec::new();
    for (title, path) in [("COBOL", doomed), ("JCL", doomed), ("Kubernetes", kept)] {
        let form = with(article_form(&token, title), "path", &path.to_string());
        ids.push(create_article(&app, form).await);
    }
    let url = format!("/admin/paths/{doomed}/delete");
    let delete = |confirm: &'static str| {
        let form = vec![
            ("csrf_token", token.clone()),
            ("confirm", confirm.to_string()),
        ];
        let (app, url) = (&app, url.clone());
        async move { post(app, &url, &form).await }
    };

    // Not confirmed: nothing changes, and the form says why.
    let r = delete("").await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = app.get_html(&location(&r)).await;
    assert!(page.contains("Nothing was deleted"), "{page}");
    assert_eq!(path_order(&app, doomed).len(), 2);

    let r = delete("yes").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/admin/paths");
    let (_, page) = app.get_html("/admin/paths").await;
    assert!(
        page.contains("Its 2 articles are now in no path."),
        "{page}"
    );
    assert!(learning::path_by_id(&mut app.conn(), doomed)
        .unwrap()
        .is_none());
    for id in &ids[..2] {
        assert_eq!(article(&app, *id).path_id, None, "the article stays, loose");
    }
    assert_eq!(
        article(&app, ids[2]).path_id,
        Some(kept),
        "other paths untouched"
    );
    assert_eq!(app.get("/en/learn/mainframes").await.status().as_u16(), 404);
    assert_eq!(
        audit(&app, "path")
            .first()
            .map(|(id, action, _)| (*id, action.clone())),
        Some((doomed, "delete".to_string()))
    );
    // Gone means gone: a second delete is a 404.
    assert_eq!(delete("yes").await.status().as_u16(), 404);
}
