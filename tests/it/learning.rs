//! Learning paths for readers: paths, steps, articles, progress, skills linked to vacancies,
//! and comments with their spam protection, through the real server and database.

use crate::common::{self, TestApp};
use careers::db;
use careers::models::{ArticleFields, ArticleStatus, CommentStatus, NewComment};

fn attr(html: &str, selector: &str, name: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

fn field_value(html: &str, name: &str) -> String {
    attr(html, &format!("[name=\"{name}\"]"), "value")
        .into_iter()
        .next()
        .unwrap_or_default()
}

fn textarea(html: &str, name: &str) -> String {
    common::texts(html, &format!("textarea[name=\"{name}\"]"))
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// Creates a published article directly in the database; returns its id.
fn article(app: &TestApp, slug: &str, title: &str, body: &str, path: Option<i32>, pos: i32) -> i32 {
    let mut conn = app.conn();
    let fields = ArticleFields {
        title: title.into(),
        summary: format!("Summary of {title}."),
        body: body.into(),
        body_html: careers::domain::markdown::to_html(body),
        path_id: path,
        position: pos,
    };
    let id = db::learning::insert_article(&mut conn, slug, &fields, None).unwrap();
    db::learning::set_article_status(
        &mut conn,
        id,
        ArticleStatus::Published,
        Some(careers::clock::now()),
    )
    .unwrap();
    id
}

fn comment_count(app: &TestApp, status: CommentStatus) -> usize {
    db::comments::queue(&mut app.conn(), Some(status))
        .unwrap()
        .len()
}

/// Fetches the article page and sends the comment form as a browser would.
async fn post_comment(app: &TestApp, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let (status, page) = app.get_html(&format!("/en/articles/{slug}")).await;
    assert_eq!(status, 200);
    let stamp = field_value(&page, "form_stamp");
    let mut pairs: Vec<(&str, &str)> = vec![("form_stamp", &stamp), ("homepage", "")];
    pairs.extend_from_slice(fields);
    app.post_form(&format!("/en/articles/{slug}/comments"), &pairs)
        .await
}

const DB_ARTICLE: &str = "databases-and-caches";

backend_test!(learn_lists_paths_with_counts_and_reading_time);
async fn learn_lists_paths_with_counts_and_reading_time() {
    let app = common::spawn_app().await;
    let (_, home) = app.get_html("/en").await;
    assert!(
        home.contains("href=\"/en/learn/backend-developer\""),
        "home links to the paths"
    );
    let (status, html) = app.get_html("/en/learn").await;
    assert_eq!(status, 200);
    let titles = common::texts(&html, ".path-list .card-title");
    assert_eq!(titles[0], "Backend developer");
    assert!(titles.len() >= 2, "at least two demo paths: {titles:?}");
    let backend = db::learning::path_by_slug(&mut app.conn(), "backend-developer")
        .unwrap()
        .unwrap();
    let steps = db::learning::articles_in_path(&mut app.conn(), backend.id, true).unwrap();
    assert!(steps.len() >= 8);
    let minutes: usize = steps.iter().map(|a| a.reading_minutes()).sum();
    let meta = common::texts(&html, ".path-list .meta");
    assert_eq!(
        meta[0],
        format!("{} articles · about {minutes} min of reading", steps.len())
    );
}

backend_test!(a_path_is_an_ordered_list_of_published_steps);
async fn a_path_is_an_ordered_list_of_published_steps() {
    let app = common::spawn_app_with(false).await;
    let path =
        db::learning::insert_path(&mut app.conn(), "ops", "Operations", "Run things.", 1).unwrap();
    article(&app, "third", "Third step", "Words.", Some(path), 3);
    article(&app, "first", "First step", "Words.", Some(path), 1);
    let draft = article(&app, "secret", "Draft step", "Words.", Some(path), 2);
    db::learning::set_article_status(&mut app.conn(), draft, ArticleStatus::Draft, None).unwrap();

    let (status, html) = app.get_html("/en/learn/ops").await;
    assert_eq!(status, 200);
    assert_eq!(
        common::texts(&html, "ol.steps .step-title a"),
        vec!["First step", "Third step"]
    );
    assert_eq!(
        common::texts(&html, "ol.steps .meta"),
        vec!["Step 1 · 1 min read", "Step 2 · 1 min read"]
    );
    assert!(!html.contains("Draft step"));
    let (status, _) = app.get_html("/en/articles/secret").await;
    assert_eq!(status, 404, "a draft article is not public");
    let (status, html) = app.get_html("/en/learn/no-such-path").await;
    assert_eq!(status, 404);
    assert!(html.contains("<html"), "a friendly HTML 404");
}

backend_test!(article_page_has_toc_faq_steps_json_ld_and_vacancies_for_its_skills);
async fn article_page_has_toc_faq_steps_json_ld_and_vacancies_for_its_skills() {
    let app = common::spawn_app().await;
    let (status, html) = app.get_html(&format!("/en/articles/{DB_ARTICLE}")).await;
    assert_eq!(status, 200);

    // Every table-of-contents link points at a heading of the page.
    let toc = attr(&html, "nav.toc a", "href");
    assert!(toc.len() >= 4, "{toc:?}");
    let ids = attr(&html, "h2[id], h3[id]", "id");
    for link in &toc {
        assert!(
            ids.contains(&link[1..].to_string()),
            "{link} has no heading"
        );
    }
    // Headings carry a self-link anchor.
    assert!(html.contains(&format!(
        "href=\"{}\" aria-label=\"Link to this section\"",
        toc[0]
    )));

    let a = db::learning::article_by_slug(&mut app.conn(), DB_ARTICLE)
        .unwrap()
        .unwrap();
    let meta = common::texts(&html, ".article header .meta")[0].clone();
    assert!(
        meta.contains(&format!("{} min read", a.reading_minutes())),
        "{meta}"
    );
    assert!(meta.contains("Published"), "{meta}");

    let faqs = db::learning::faqs_of(&mut app.conn(), a.id).unwrap();
    assert!(!faqs.is_empty());
    assert_eq!(
        common::texts(&html, ".faq h3"),
        faqs.iter().map(|f| f.question.clone()).collect::<Vec<_>>()
    );

    // Previous and next step of the path.
    let steps = db::learning::articles_in_path(&mut app.conn(), a.path_id.unwrap(), true).unwrap();
    let i = steps.iter().position(|s| s.id == a.id).unwrap();
    assert_eq!(
        attr(&html, "a[rel=prev]", "href"),
        vec![format!("/en/articles/{}", steps[i - 1].slug)]
    );
    assert_eq!(
        attr(&html, "a[rel=next]", "href"),
        vec![format!("/en/articles/{}", steps[i + 1].slug)]
    );

    // JSON-LD: Article and FAQPage.
    let ld = common::json_ld(&html);
    let graph = ld[0]["@graph"].as_array().unwrap();
    let article_ld = graph.iter().find(|n| n["@type"] == "Article").unwrap();
    assert_eq!(article_ld["headline"], a.title.as_str());
    assert!(article_ld["datePublished"]
        .as_str()
        .unwrap()
        .starts_with("20"));
    assert!(article_ld["dateModified"].as_str().is_some());
    assert_eq!(article_ld["author"]["name"], "Northwind Labs");
    assert_eq!(article_ld["publisher"]["@type"], "Organization");
    let faq_ld = graph.iter().find(|n| n["@type"] == "FAQPage").unwrap();
    assert_eq!(faq_ld["mainEntity"].as_array().unwrap().len(), faqs.len());

    // Open vacancies that ask for one of the article's skills, and only open ones.
    let skills: Vec<String> = db::learning::skills_of_article(&mut app.conn(), a.id)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    let cards = attr(&html, "#needing-heading ~ .cards .card-title a", "href");
    assert!(
        !cards.is_empty(),
        "demo vacancies share skills with the article"
    );
    for href in &cards {
        let (status, vacancy) = app.get_html(href).await;
        assert_eq!(status, 200);
        let vacancy_skills = common::texts(&vacancy, ".chip-list .chip");
        assert!(
            vacancy_skills.iter().any(|s| skills.contains(s)),
            "{href} shares no skill with {skills:?}"
        );
        assert!(!vacancy.contains("This vacancy is closed"));
    }
}

backend_test!(article_markdown_is_sanitised_and_rendered);
async fn article_markdown_is_sanitised_and_rendered() {
    let app = common::spawn_app_with(false).await;
    let body = "## Setup\n\n<script>alert('x')</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncargo run\n```\n\n[evil](javascript:alert(1)) <img src=x onerror=alert(2)>\n\n## Setup\n";
    article(&app, "raw", "Raw HTML", body, None, 1);
    let (status, html) = app.get_html("/en/articles/raw").await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("alert('x')") && !html.contains("onerror") && !html.contains("javascript:")
    );
    assert!(html.contains("<td>1</td>") && html.contains("cargo run"));
    assert_eq!(attr(&html, ".prose h2", "id"), vec!["h-setup", "h-setup-2"]);
}

backend_test!(vacancy_page_links_to_articles_teaching_its_skills);
async fn vacancy_page_links_to_articles_teaching_its_skills() {
    let app = common::spawn_app().await;
    let (_, list) = app.get_html("/en/vacancies?q=python").await;
    let href = attr(&list, ".vacancy-card .card-title a", "href")[0].clone();
    let (_, page) = app.get_html(&href).await;
    let lessons = attr(&page, "#lessons-heading ~ ul a", "href");
    assert!(!lessons.is_empty(), "Learn the skills for this role");
    let vacancy_skills = common::texts(&page, ".chip-list .chip");
    for lesson in lessons {
        let (status, article) = app.get_html(&lesson).await;
        assert_eq!(status, 200);
        let article_skills = common::texts(&article, ".chip-list .chip");
        assert!(article_skills.iter().any(|s| vacancy_skills.contains(s)));
    }
}

backend_test!(marking_steps_as_read_shows_progress_and_survives_a_rename);
async fn marking_steps_as_read_shows_progress_and_survives_a_rename() {
    let app = common::spawn_app_with(false).await;
    let path = db::learning::insert_path(&mut app.conn(), "p", "Path", "A path.", 1).unwrap();
    let one = article(&app, "one", "One", "Words.", Some(path), 1);
    article(&app, "two", "Two", "Words.", Some(path), 2);
    article(&app, "three", "Three", "Words.", Some(path), 3);

    let (_, html) = app.get_html("/en/learn/p").await;
    assert!(html.contains("0 of 3 steps read"));
    assert!(html.contains("Start with step 1"));

    let r = app
        .post_form("/en/articles/one/read", &[("read", "1")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(common::location(&r), "/en/articles/one#progress");
    let cookie = r
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let (_, html) = app.get_html("/en/articles/one").await;
    assert!(html.contains("You marked this article as read."));
    let (_, html) = app.get_html("/en/learn/p").await;
    assert!(html.contains("1 of 3 steps read"));
    assert_eq!(
        common::texts(&html, ".step.done .step-title a"),
        vec!["One"]
    );
    assert!(html.contains("Continue where you left off: step 2, Two"));

    // "Mark as read and go to the next step".
    let r = app
        .post_form("/en/articles/two/read", &[("read", "1"), ("then", "three")])
        .await;
    assert_eq!(common::location(&r), "/en/articles/three");

    // Renaming an article keeps the reader's progress: it is keyed by id.
    db::learning::set_article_slug(&mut app.conn(), one, "one-renamed").unwrap();
    let (_, html) = app.get_html("/en/learn/p").await;
    assert!(html.contains("2 of 3 steps read"));
    assert_eq!(
        common::texts(&html, ".step.done .step-title a"),
        vec!["One", "Two"]
    );

    // Unmark.
    app.post_form("/en/articles/one-renamed/read", &[("read", "0")])
        .await;
    let (_, html) = app.get_html("/en/learn/p").await;
    assert_eq!(
        common::texts(&html, ".step.done .step-title a"),
        vec!["Two"]
    );

    // A forged cookie counts as nothing; a request from another site changes nothing.
    let fresh = common::new_client();
    let forged = fresh
        .get(app.url("/en/learn/p"))
        .header("cookie", "careers_progress=1-2-3.00ff")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(forged.contains("0 of 3 steps read"));
    let r = app
        .client
        .post(app.url("/en/articles/three/read"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("read", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let (_, html) = app.get_html("/en/learn/p").await;
    assert!(html.contains("1 of 3 steps read"));
    let r = app
        .post_form("/en/articles/nope/read", &[("read", "1")])
        .await;
    assert_eq!(r.status().as_u16(), 404);
}

backend_test!(a_new_comment_waits_for_moderation_and_emails_are_never_shown);
async fn a_new_comment_waits_for_moderation_and_emails_are_never_shown() {
    let app = common::spawn_app().await;
    let r = post_comment(
        &app,
        DB_ARTICLE,
        &[
            ("name", "Ada Reader"),
            ("email", "Ada@Example.com"),
            ("website", "https://ada.example"),
            ("comment", "Which index type suits JSON columns?\nThanks!"),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        common::location(&r),
        format!("/en/articles/{DB_ARTICLE}?comment=pending#comments")
    );
    let (_, html) = app.get_html(&common::location(&r)).await;
    assert!(html.contains("Your comment is awaiting moderation"));
    assert!(
        !html.contains("Which index type suits JSON columns?"),
        "not shown before approval"
    );

    let pending = db::comments::queue(&mut app.conn(), Some(CommentStatus::Pending)).unwrap();
    let (mine, _, _) = pending
        .iter()
        .find(|(c, _, _)| c.author_name == "Ada Reader")
        .unwrap();
    assert_eq!(mine.email, "ada@example.com");
    db::comments::set_status(&mut app.conn(), &[mine.id], CommentStatus::Approved).unwrap();

    let (_, html) = app.get_html(&format!("/en/articles/{DB_ARTICLE}")).await;
    assert!(html.contains("Which index type suits JSON columns?"));
    assert!(
        html.contains("your email address will not be published")
            || html.contains("Your email address will not be published")
    );
    for page in [
        format!("/en/articles/{DB_ARTICLE}"),
        "/en/learn".into(),
        "/sitemap.xml".into(),
    ] {
        let (_, body) = app.get_html(&page).await;
        assert!(
            !body.to_lowercase().contains("ada@example.com"),
            "email leaked on {page}"
        );
        assert!(!body.contains("@example."), "an email leaked on {page}");
    }
    // The website is a nofollow link on the name.
    assert!(html
        .contains("<a href=\"https://ada.example\" rel=\"nofollow ugc noopener\">Ada Reader</a>"));

    // An approved comment earns the email no trust (it is never verified): the next one waits
    // too (tests/it/security_data.rs checks this in detail).
    let r = post_comment(
        &app,
        DB_ARTICLE,
        &[
            ("name", "Ada Reader"),
            ("email", "ada@example.com"),
            ("comment", "Found it: GIN."),
        ],
    )
    .await;
    assert_eq!(
        common::location(&r),
        format!("/en/articles/{DB_ARTICLE}?comment=pending#comments")
    );
    let (_, html) = app.get_html(&format!("/en/articles/{DB_ARTICLE}")).await;
    assert!(!html.contains("Found it: GIN."));
}

backend_test!(replies_nest_one_level_under_their_comment);
async fn replies_nest_one_level_under_their_comment() {
    let app = common::spawn_app().await;
    let a = db::learning::article_by_slug(&mut app.conn(), DB_ARTICLE)
        .unwrap()
        .unwrap();
    let top = db::comments::insert(
        &mut app.conn(),
        &NewComment {
            article_id: a.id,
            parent_id: None,
            author_name: "Top Poster".into(),
            email: "top@example.com".into(),
            website: String::new(),
            body: "A question at the top.".into(),
            status: "approved".into(),
            client_address: "test".into(),
            created_at: careers::clock::now(),
        },
    )
    .unwrap();
    let (_, page) = app
        .get_html(&format!("/en/articles/{DB_ARTICLE}?reply_to={top}"))
        .await;
    assert!(page.contains("Reply to Top Poster"));
    assert_eq!(field_value(&page, "parent_id"), top.to_string());
    let top_s = top.to_string();
    let r = post_comment(
        &app,
        DB_ARTICLE,
        &[
            ("name", "Top Poster"),
            ("email", "top@example.com"),
            ("comment", "Answering myself."),
            ("parent_id", &top_s),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    // Every comment waits for moderation; staff approve the reply.
    let pending: Vec<i32> = db::comments::queue(&mut app.conn(), Some(CommentStatus::Pending))
        .unwrap()
        .into_iter()
        .map(|(c, _, _)| c.id)
        .collect();
    db::comments::set_status(&mut app.conn(), &pending, CommentStatus::Approved).unwrap();
    let (_, html) = app.get_html(&format!("/en/articles/{DB_ARTICLE}")).await;
    let replies = common::texts(&html, &format!("#comment-{top} ~ ol.replies .comment-body"));
    assert_eq!(replies, vec!["Answering myself."]);

    // A reply to a comment of another article is refused with the text kept.
    let r = post_comment(
        &app,
        "who-is-a-backend-developer",
        &[
            ("name", "X"),
            ("email", "x@example.com"),
            ("comment", "Lost reply"),
            ("parent_id", &top_s),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert_eq!(textarea(&html, "comment"), "Lost reply");
}

backend_test!(comment_form_errors_sit_next_to_their_fields_and_keep_the_text);
async fn comment_form_errors_sit_next_to_their_fields_and_keep_the_text() {
    let app = common::spawn_app().await;
    let before = comment_count(&app, CommentStatus::Pending);
    let r = post_comment(
        &app,
        DB_ARTICLE,
        &[
            ("name", ""),
            ("email", "not-an-email"),
            ("website", "ftp://x"),
            ("comment", "Kept text"),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    for f in ["name", "email", "website"] {
        assert_eq!(
            attr(&html, &format!("#f-{f}"), "aria-describedby")[0]
                .split(' ')
                .next()
                .unwrap(),
            format!("f-{f}-error")
        );
    }
    assert_eq!(field_value(&html, "email"), "not-an-email");
    assert_eq!(textarea(&html, "comment"), "Kept text");
    assert_eq!(comment_count(&app, CommentStatus::Pending), before);
}

backend_test!(spam_signals_are_refused_with_a_message);
async fn spam_signals_are_refused_with_a_message() {
    let app = common::spawn_app().await;
    let before =
        comment_count(&app, CommentStatus::Pending) + comment_count(&app, CommentStatus::Approved);
    let ok = [("name", "Bot"), ("email", "bot@example.com")];

    // Honeypot filled.
    let (_, page) = app.get_html(&format!("/en/articles/{DB_ARTICLE}")).await;
    let stamp = field_value(&page, "form_stamp");
    let r = app
        .post_form(
            &format!("/en/articles/{DB_ARTICLE}/comments"),
            &[
                ("form_stamp", &stamp),
                ("homepage", "http://spam"),
                ("name", "Bot"),
                ("email", "bot@example.com"),
                ("comment", "hello"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);

    // Forged or missing stamp.
    let r = app
        .post_form(
            &format!("/en/articles/{DB_ARTICLE}/comments"),
            &[
                ("form_stamp", "1.00"),
                ("name", "Bot"),
                ("email", "bot@example.com"),
                ("comment", "hello"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("This form has expired"));

    // Too many links.
    let mut fields = ok.to_vec();
    fields.push((
        "comment",
        "see https://a.example https://b.example www.c.example",
    ));
    let r = post_comment(&app, DB_ARTICLE, &fields).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("at most 2 links"));

    // A blocked word (configured in the test settings).
    let mut fields = ok.to_vec();
    fields.push(("comment", "Win big at the CASINO today"));
    let r = post_comment(&app, DB_ARTICLE, &fields).await;
    assert_eq!(r.status().as_u16(), 422);

    // From another site.
    let r = app
        .client
        .post(app.url(&format!("/en/articles/{DB_ARTICLE}/comments")))
        .header("origin", "https://evil.example")
        .form(&[
            ("form_stamp", stamp.as_str()),
            ("name", "Bot"),
            ("email", "bot@example.com"),
            ("comment", "hi"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);

    let after =
        comment_count(&app, CommentStatus::Pending) + comment_count(&app, CommentStatus::Approved);
    assert_eq!(after, before, "nothing stored");
}

backend_test!(comments_sent_too_fast_are_refused);
async fn comments_sent_too_fast_are_refused() {
    let app = common::spawn_app_configured(true, |c| c.min_fill_seconds = 120).await;
    let r = post_comment(
        &app,
        DB_ARTICLE,
        &[
            ("name", "Quick"),
            ("email", "q@example.com"),
            ("comment", "Fast typist"),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("That was very quick"));
    assert_eq!(textarea(&html, "comment"), "Fast typist");
}

backend_test!(one_address_may_send_five_comments_an_hour);
async fn one_address_may_send_five_comments_an_hour() {
    let app = common::spawn_app().await;
    for i in 0..5 {
        let text = format!("Comment number {i}");
        let r = post_comment(
            &app,
            DB_ARTICLE,
            &[
                ("name", "Chatty"),
                ("email", "chatty@example.com"),
                ("comment", &text),
            ],
        )
        .await;
        assert_eq!(r.status().as_u16(), 303, "comment {i}");
    }
    let r = post_comment(
        &app,
        DB_ARTICLE,
        &[
            ("name", "Chatty"),
            ("email", "chatty@example.com"),
            ("comment", "One too many"),
        ],
    )
    .await;
    assert_eq!(r.status().as_u16(), 429);
    let html = r.text().await.unwrap();
    assert!(html.contains("Please wait a while"));
    assert_eq!(textarea(&html, "comment"), "One too many");
}

backend_test!(sitemap_lists_paths_and_published_articles);
async fn sitemap_lists_paths_and_published_articles() {
    let app = common::spawn_app().await;
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    assert!(sitemap.contains("<loc>http://careers.test/en/learn</loc>"));
    assert!(sitemap.contains("<loc>http://careers.test/en/learn/backend-developer</loc>"));
    assert!(sitemap.contains(&format!(
        "<loc>http://careers.test/en/articles/{DB_ARTICLE}</loc>"
    )));
}

backend_test!(an_oversized_form_gets_a_clear_413_page);
async fn an_oversized_form_gets_a_clear_413_page() {
    let app = common::spawn_app().await;
    let huge = "a".repeat(careers::startup::MAX_BODY_BYTES + 1);
    let comment_url = app.url("/en/articles/databases-and-caches/comments");
    let posts = [
        ("/en/articles/databases-and-caches/comments", comment_url),
        ("/admin/login", app.url("/admin/login")),
    ];
    for (path, url) in posts {
        let r = app
            .client
            .post(url)
            .form(&[("name", "Big"), ("comment", huge.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 413, "{path}");
        let content_type = r.headers()["content-type"].to_str().unwrap().to_string();
        assert!(
            content_type.starts_with("text/html"),
            "{path}: {content_type}"
        );
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&common::en(careers::messages::TOO_LARGE_TITLE)),
            "{path}"
        );
        assert!(html.contains("shorten"), "{path}: {html}");
    }
    // The demo's pending comments (3 English, 3 Spanish), no more.
    assert_eq!(
        comment_count(&app, CommentStatus::Pending),
        6,
        "nothing stored"
    );
}

backend_test!(home_shows_the_latest_published_articles);
async fn home_shows_the_latest_published_articles() {
    let app = common::spawn_app_with(false).await;
    let (_, home) = app.get_html("/en").await;
    assert!(
        !home.contains("Latest articles"),
        "no section without articles"
    );
    let now = careers::clock::now();
    let mut ids = Vec::new();
    for (i, slug) in ["oldest", "older", "newer", "newest"].iter().enumerate() {
        let id = article(&app, slug, &format!("About {slug}"), "Some text.", None, 0);
        let published = now - time::Duration::days(10 - i as i64);
        db::learning::set_article_status(
            &mut app.conn(),
            id,
            ArticleStatus::Published,
            Some(published),
        )
        .unwrap();
        ids.push(id);
    }
    let draft = article(&app, "draft", "About a draft", "Draft text.", None, 0);
    db::learning::set_article_status(&mut app.conn(), draft, ArticleStatus::Draft, None).unwrap();

    let (_, home) = app.get_html("/en").await;
    let links: Vec<String> = common::texts(&home, "section[aria-labelledby=articles-heading] h3 a");
    assert_eq!(links, vec!["About newest", "About newer", "About older"]);
    assert!(home.contains("href=\"/en/articles/newest\""));
    assert!(!home.contains("About a draft"));
}
