//! Recruiters' reports: figures seeded through the real actions (applying, moving the status)
//! with their times set in the database, checked on the page, in its charts' accessible
//! descriptions and in each CSV, under every filter; and where candidates came from, carried
//! from the landing page to the application in a cookie that works with the page cache.

use crate::common::{self, location, texts, TestApp};
use careers::actions::applications::{self as act, ApplyOutcome, Candidacy, StatusOutcome};
use careers::actions::Actor;
use careers::db;
use careers::db::schema::{applications, audit_log};
use careers::domain::reports::week_start;
use careers::models::{Category, CvKind, Role, Stage, Submission, Vacancy};
use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

const RECRUITER: &str = "recruiter@example.com";
const PASSWORD: &str = "a long recruiter password";

/// Two open demo vacancies in different categories.
fn two_vacancies(app: &TestApp) -> ((Vacancy, Category), (Vacancy, Category)) {
    let open = db::board::newest_open(&mut app.conn(), "en", 1000).unwrap();
    let a = open[0].clone();
    let b = open
        .iter()
        .find(|(_, c)| c.id != a.1.id)
        .expect("demo vacancies in two categories")
        .clone();
    (a, b)
}

/// Applies through the action as if at `at`; returns the application's id.
fn apply_at(
    app: &TestApp,
    vacancy: &Vacancy,
    n: u32,
    source: Option<&str>,
    at: PrimitiveDateTime,
) -> i32 {
    let submission = Submission {
        full_name: format!("Candidate {n}"),
        email: format!("candidate{n}@example.com"),
        phone: String::new(),
        linkedin_url: String::new(),
        github_url: String::new(),
        portfolio_url: String::new(),
        cover_letter: String::new(),
        cv_name: "cv.pdf".into(),
        cv_kind: CvKind::Pdf,
        cv_data: b"%PDF-1.4 seed".to_vec(),
    };
    let candidacy = Candidacy {
        vacancy_id: vacancy.id,
        submission,
        client_address: format!("192.0.2.{n}"),
        source: source.map(str::to_string),
    };
    match act::apply(&mut app.conn(), Actor::Visitor, candidacy, 100, at).unwrap() {
        ApplyOutcome::Stored { id, .. } => id,
        _ => panic!("application {n} not stored"),
    }
}

/// Moves an application on through the action, then dates the audit entry `at`.
fn move_at(app: &TestApp, user: i32, id: i32, to: Stage, at: PrimitiveDateTime) {
    let mut conn = app.conn();
    let moved = act::change_status(&mut conn, Actor::User(user), id, to).unwrap();
    assert!(
        matches!(moved, StatusOutcome::Moved { .. }),
        "{id} to {to:?}"
    );
    let entry: Option<i32> = audit_log::table
        .filter(audit_log::entity.eq("application"))
        .filter(audit_log::entity_id.eq(id))
        .select(diesel::dsl::max(audit_log::id))
        .first(&mut conn)
        .unwrap();
    diesel::update(audit_log::table.find(entry.unwrap()))
        .set(audit_log::created_at.eq(at))
        .execute(&mut conn)
        .unwrap();
}

struct Seeded {
    a: (Vacancy, Category),
    b: (Vacancy, Category),
    this_week: PrimitiveDateTime,
}

/// Five applications. In the last 12 weeks:
/// - 1: vacancy A, from linkedin.com, 6 days before this week; reviewed after 36 h, then
///   interview, offer, hired 10 days (240 h) after it arrived;
/// - 2: A, linkedin.com, 30 days before this week; reviewed after 12 h, rejected;
/// - 3: B, no source, 5 days before this week; never moved;
/// - 4: B, the `newsletter` tag, at 00:00 on the Monday two weeks back; reviewed after 60 h,
///   interview, then withdrawn.
///
/// And 5: A, google.com, 20 weeks back, reviewed after 24 h: only in longer periods.
fn seed(app: &TestApp, user: i32) -> Seeded {
    let (a, b) = two_vacancies(app);
    let this_week = week_start(careers::clock::now());
    let hours = Duration::hours;
    let t1 = this_week - Duration::days(6);
    let id = apply_at(app, &a.0, 1, Some("linkedin.com"), t1);
    move_at(app, user, id, Stage::Reviewing, t1 + hours(36));
    move_at(app, user, id, Stage::Interview, t1 + hours(72));
    move_at(app, user, id, Stage::Offer, t1 + hours(120));
    move_at(app, user, id, Stage::Hired, t1 + hours(240));

    let t2 = this_week - Duration::days(30);
    let id = apply_at(app, &a.0, 2, Some("linkedin.com"), t2);
    move_at(app, user, id, Stage::Reviewing, t2 + hours(12));
    move_at(app, user, id, Stage::Rejected, t2 + hours(48));

    apply_at(app, &b.0, 3, None, this_week - Duration::days(5));

    let t4 = this_week - Duration::weeks(2);
    let id = apply_at(app, &b.0, 4, Some("newsletter"), t4);
    move_at(app, user, id, Stage::Reviewing, t4 + hours(60));
    move_at(app, user, id, Stage::Interview, t4 + hours(96));
    move_at(app, user, id, Stage::Withdrawn, t4 + hours(100));

    let t5 = this_week - Duration::weeks(20);
    let id = apply_at(app, &a.0, 5, Some("google.com"), t5);
    move_at(app, user, id, Stage::Reviewing, t5 + hours(24));
    Seeded { a, b, this_week }
}

async fn recruiter(app: &TestApp) -> i32 {
    let id = app.create_user(RECRUITER, PASSWORD, Role::Recruiter);
    app.sign_in(RECRUITER, PASSWORD).await;
    id
}

fn row(html: &str, selector: &str) -> Vec<String> {
    texts(html, &format!("{selector} td"))
}

/// `(week starting, count)` rows of the weekly table.
fn weekly_rows(html: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let tr = scraper::Selector::parse("#weekly tbody tr").unwrap();
    let time = scraper::Selector::parse("time").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    doc.select(&tr)
        .map(|r| {
            let day = r
                .select(&time)
                .next()
                .unwrap()
                .value()
                .attr("datetime")
                .unwrap();
            let n: String = r.select(&td).next().unwrap().text().collect();
            (day.to_string(), n)
        })
        .collect()
}

fn day(t: PrimitiveDateTime) -> String {
    careers::domain::timefmt::date(t)
}

async fn csv(app: &TestApp, query: &str) -> (u16, String) {
    let r = app.get(&format!("/admin/reports.csv?{query}")).await;
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

backend_test!(reports_show_weeks_the_funnel_medians_vacancies_and_sources);
async fn reports_show_weeks_the_funnel_medians_vacancies_and_sources() {
    let app = common::spawn_app().await;
    let user = recruiter(&app).await;
    let s = seed(&app, user);

    let (status, html) = app.get_html("/admin/reports").await;
    assert_eq!(status, 200);
    assert_eq!(texts(&html, "h1"), ["Reports"]);
    assert_eq!(
        texts(&html, "nav a[aria-current=page]"),
        ["Reports"],
        "the navigation marks the page"
    );
    let since = s.this_week - Duration::weeks(11);
    assert_eq!(
        texts(&html, "#summary"),
        [format!(
            "4 applications received since {}.",
            careers::i18n::Lang::fallback().date(since)
        )]
    );

    // Weeks: the last 12, oldest first, empty ones too; a Monday at 00:00 belongs to its week.
    let weeks = weekly_rows(&html);
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[0].0, day(since));
    assert_eq!(weeks[11].0, day(s.this_week));
    let counts: Vec<&str> = weeks.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        counts,
        ["0", "0", "0", "0", "0", "0", "1", "0", "0", "1", "2", "0"]
    );

    // The funnel: how far each got (a rejection after review still counts the review).
    assert_eq!(row(&html, "tr[data-stage=new]"), ["4", "100%", "1"]);
    assert_eq!(row(&html, "tr[data-stage=reviewing]"), ["3", "75%", "0"]);
    assert_eq!(row(&html, "tr[data-stage=interview]"), ["2", "50%", "0"]);
    assert_eq!(row(&html, "tr[data-stage=offer]"), ["1", "25%", "0"]);
    assert_eq!(row(&html, "tr[data-stage=hired]"), ["1", "25%", "1"]);
    assert_eq!(row(&html, "tr[data-stage=rejected]"), ["1", "25%", "1"]);
    assert_eq!(row(&html, "tr[data-stage=withdrawn]"), ["1", "25%", "1"]);

    // Medians: 12 h, 36 h and 60 h to a first review; 240 h to the one hire.
    assert_eq!(
        texts(&html, "#median-review"),
        ["1.5 days (3 applications)"]
    );
    assert_eq!(texts(&html, "#median-hire"), ["10 days (one application)"]);

    // Sources, biggest first; no source is "direct or unknown".
    assert_eq!(
        texts(&html, "#sources tbody th"),
        ["linkedin.com", "Direct or unknown", "newsletter"]
    );
    assert_eq!(
        texts(&html, "#sources tbody td"),
        ["2", "50%", "1", "25%", "1", "25%"]
    );

    // Per open vacancy: the two with applications, two each.
    let titles = texts(&html, "#vacancies tbody th");
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&s.a.0.title) && titles.contains(&s.b.0.title));
    assert_eq!(texts(&html, "#vacancies tbody td"), ["2", "2"]);
    let open = db::board::count_open(&mut app.conn()).unwrap();
    let totals = texts(&html, "#open-totals dd");
    assert_eq!(totals[0], open.to_string());
    assert_eq!(totals[1], "4");
    assert_eq!(totals[3], (open - 2).to_string());

    // Every chart is an image with a title and a description, and says the same figures.
    let doc = scraper::Html::parse_document(&html);
    let svg = scraper::Selector::parse("svg").unwrap();
    let charts: Vec<_> = doc.select(&svg).collect();
    assert_eq!(charts.len(), 4);
    for chart in &charts {
        let attr = |name: &str| chart.value().attr(name).unwrap_or_default().to_string();
        assert_eq!(attr("role"), "img");
        assert!(
            attr("viewBox").starts_with("0 0 360 "),
            "{}",
            attr("viewBox")
        );
        let title = attr("aria-labelledby");
        let desc = attr("aria-describedby");
        let child = |tag: &str, id: &str| {
            let sel = scraper::Selector::parse(&format!("{tag}#{id}")).unwrap();
            chart
                .select(&sel)
                .next()
                .map(|e| e.text().collect::<String>())
                .unwrap_or_default()
        };
        assert!(!child("title", &title).is_empty(), "{title}");
        assert!(!child("desc", &desc).is_empty(), "{desc}");
    }
    let descs = texts(&html, "svg desc");
    assert!(descs[0].contains("4 applications in all"), "{}", descs[0]);
    assert!(
        descs[0].contains(&format!(
            "the week of {}",
            careers::i18n::Lang::fallback().date(s.this_week - Duration::weeks(1))
        )),
        "{}",
        descs[0]
    );
    assert!(descs[1].contains("reviewing 3 (75%)"), "{}", descs[1]);
    assert!(descs[3].contains("linkedin.com (2)"), "{}", descs[3]);
    // Bars in proportion: the funnel's first bar is full width, the second three quarters.
    let bar = scraper::Selector::parse("#funnel rect.chart-bar").unwrap();
    let widths: Vec<&str> = doc
        .select(&bar)
        .filter_map(|r| r.value().attr("width"))
        .collect();
    assert_eq!(widths[..2], ["360", "270"]);
    // The weekly columns: one per week with applications.
    let column = scraper::Selector::parse("#weekly rect.chart-bar").unwrap();
    let heights: Vec<i32> = doc
        .select(&column)
        .map(|r| r.value().attr("height").unwrap().parse().unwrap())
        .collect();
    assert_eq!(heights.iter().filter(|h| **h > 0).count(), 3);
    assert_eq!(heights[10], 2 * heights[9]);

    // Longer periods take in the fifth application: medians of 12, 24, 36, 60 hours.
    let (_, html) = app.get_html("/admin/reports?period=26w").await;
    assert!(texts(&html, "#summary")[0].starts_with("5 applications"));
    assert_eq!(
        texts(&html, "#median-review"),
        ["1.3 days (4 applications)"]
    );
    assert!(texts(&html, "#sources tbody th").contains(&"google.com".to_string()));
    let (_, html) = app.get_html("/admin/reports?period=all").await;
    assert_eq!(
        texts(&html, "#summary"),
        ["5 applications received in all."]
    );
    assert_eq!(texts(&html, "#period option[selected]"), ["All time"]);
    // The 4-week period leaves out application 2.
    let (_, html) = app.get_html("/admin/reports?period=4w").await;
    assert!(texts(&html, "#summary")[0].starts_with("3 applications"));

    // By vacancy: A's two applications.
    let (_, html) = app
        .get_html(&format!("/admin/reports?vacancy={}", s.a.0.id))
        .await;
    assert!(texts(&html, "#summary")[0].starts_with("2 applications"));
    assert_eq!(row(&html, "tr[data-stage=hired]"), ["1", "50%", "1"]);
    assert_eq!(texts(&html, "#open-totals dd"), ["1", "2", "2", "0"]);
    assert_eq!(
        texts(&html, "#vacancy option[selected]"),
        std::slice::from_ref(&s.a.0.title)
    );
    // By category: B's (applications 3 and 4).
    let (_, html) = app
        .get_html(&format!("/admin/reports?category={}", s.b.1.slug))
        .await;
    assert!(texts(&html, "#summary")[0].starts_with("2 applications"));
    assert_eq!(
        texts(&html, "#sources tbody th"),
        ["Direct or unknown", "newsletter"]
    );
    assert_eq!(texts(&html, "#median-hire"), ["Nothing to measure yet"]);
    // Nonsense filters are ignored, never an error.
    let (status, html) = app
        .get_html("/admin/reports?vacancy=abc&category=%3Cx%3E&period=forever")
        .await;
    assert_eq!(status, 200);
    assert!(texts(&html, "#summary")[0].starts_with("4 applications"));

    // In Spanish: the same figures, written the Spanish way.
    db::users::set_language(&mut app.conn(), user, "es").unwrap();
    let (_, html) = app.get_html("/admin/reports").await;
    assert_eq!(texts(&html, "h1"), ["Informes"]);
    assert_eq!(
        texts(&html, "#median-review"),
        ["1,5 días (3 candidaturas)"]
    );
    assert_eq!(row(&html, "tr[data-stage=reviewing]"), ["3", "75 %", "0"]);
    assert_eq!(
        texts(&html, "#sources tbody th")[1],
        "Directa o desconocida"
    );
}

backend_test!(each_chart_downloads_as_csv_with_the_filters);
async fn each_chart_downloads_as_csv_with_the_filters() {
    let app = common::spawn_app().await;
    let user = recruiter(&app).await;
    let s = seed(&app, user);

    // The page links each CSV with its filters.
    let (_, html) = app
        .get_html(&format!("/admin/reports?vacancy={}&period=26w", s.a.0.id))
        .await;
    let doc = scraper::Html::parse_document(&html);
    let links = scraper::Selector::parse("a[href^=\"/admin/reports.csv\"]").unwrap();
    let hrefs: Vec<&str> = doc
        .select(&links)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    let q = format!("vacancy={}&period=26w", s.a.0.id);
    assert_eq!(
        hrefs,
        [
            format!("/admin/reports.csv?chart=weekly&{q}"),
            format!("/admin/reports.csv?chart=funnel&{q}"),
            format!("/admin/reports.csv?chart=per-vacancy&{q}"),
            format!("/admin/reports.csv?chart=sources&{q}"),
        ]
    );

    let r = app.get("/admin/reports.csv?chart=weekly").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("report-weekly-"));
    let body = r.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), 13);
    assert_eq!(lines[0], "\"week_starting\",\"applications\"");
    assert_eq!(
        lines[11],
        format!("\"{}\",\"2\"", day(s.this_week - Duration::weeks(1)))
    );
    assert_eq!(lines[12], format!("\"{}\",\"0\"", day(s.this_week)));

    let (_, body) = csv(&app, "chart=funnel").await;
    assert!(body.starts_with("\"stage\",\"reached\",\"percent_of_all\",\"now_at_stage\"\r\n"));
    assert!(
        body.contains("\"reviewing\",\"3\",\"75\",\"0\"\r\n"),
        "{body}"
    );
    assert!(
        body.contains("\"withdrawn\",\"1\",\"25\",\"1\"\r\n"),
        "{body}"
    );

    let (_, body) = csv(&app, "chart=sources&period=all").await;
    assert_eq!(
        body,
        "\"source\",\"applications\"\r\n\"linkedin.com\",\"2\"\r\n\"(direct)\",\"1\"\r\n\
         \"google.com\",\"1\"\r\n\"newsletter\",\"1\"\r\n"
    );

    let (_, body) = csv(&app, &format!("chart=per-vacancy&category={}", s.b.1.slug)).await;
    assert_eq!(
        body,
        format!(
            "\"vacancy_id\",\"vacancy\",\"applications\"\r\n\"{}\",\"{}\",\"2\"\r\n",
            s.b.0.id, s.b.0.title
        )
    );
    let (_, body) = csv(&app, &format!("chart=funnel&vacancy={}", s.b.0.id)).await;
    assert!(body.contains("\"new\",\"2\",\"100\",\"1\""), "{body}");

    // A chart the export does not know, or none: a clear 400, not an empty file.
    for query in ["chart=pie", "", "chart="] {
        let (status, body) = csv(&app, query).await;
        assert_eq!(status, 400, "{query}");
        assert!(body.contains("Choose a chart"), "{body}");
    }
}

backend_test!(a_signed_out_visitor_is_sent_to_sign_in);
async fn a_signed_out_visitor_is_sent_to_sign_in() {
    let app = common::spawn_app().await;
    for path in ["/admin/reports", "/admin/reports.csv?chart=weekly"] {
        let r = app.get(path).await;
        assert_eq!(r.status(), 303, "{path}");
        assert!(location(&r).starts_with("/admin/login"), "{path}");
    }
    // A recruiter (not only an administrator) sees the page, linked from the navigation.
    recruiter(&app).await;
    let (status, html) = app.get_html("/admin").await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/admin/reports\""));
    let (status, html) = app.get_html("/admin/reports").await;
    assert_eq!(status, 200);
    // With no applications at all the page still draws, and says so.
    assert_eq!(texts(&html, "#median-review"), ["Nothing to measure yet"]);
    assert!(texts(&html, "#summary")[0].starts_with("0 applications"));
    assert_eq!(texts(&html, "svg[role=img]").len(), 4);
}

fn header(r: &reqwest::Response, name: &str) -> Vec<String> {
    r.headers()
        .get_all(name)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect()
}

fn source_cookie(r: &reqwest::Response) -> Option<String> {
    header(r, "set-cookie")
        .into_iter()
        .find(|c| c.starts_with("careers_source="))
}

fn sources_stored(app: &TestApp) -> Vec<Option<String>> {
    applications::table
        .order(applications::id)
        .select(applications::source)
        .load(&mut app.conn())
        .unwrap()
}

backend_test!(the_source_travels_from_the_landing_page_to_the_application_past_the_cache);
async fn the_source_travels_from_the_landing_page_to_the_application_past_the_cache() {
    let app = common::spawn_app_configured(true, |c| {
        c.page_cache_mb = 16;
        c.min_fill_seconds = 0;
        c.applications.apply_per_hour = 100;
    })
    .await;
    let (vacancy, _) = two_vacancies(&app).0;
    let page = format!("/en/vacancies/{}", vacancy.slug);

    // Someone opens the page first: it is cached, and sets no cookie.
    let first = app.with_new_client().get(&page).await;
    assert_eq!(first.status(), 200);
    assert_eq!(source_cookie(&first), None);

    // A visitor from LinkedIn gets the cached page, and the cookie with it.
    let r = app
        .client
        .get(app.url(&page))
        .header("Referer", "https://www.linkedin.com/jobs/view/123")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&r, "x-cache"), ["hit"]);
    let cookie = source_cookie(&r).expect("the source cookie");
    assert!(
        cookie.starts_with("careers_source=linkedin.com;"),
        "{cookie}"
    );
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Max-Age=86400"),
        "{cookie}"
    );
    let html = r.text().await.unwrap();
    // Carrying the cookie does not make the visitor personal: still served from the cache.
    let r = app.get(&page).await;
    assert_eq!(header(&r, "x-cache"), ["hit"]);
    assert_eq!(source_cookie(&r), None, "our own pages change nothing");

    // Applying (the POST's Referer is our own page) stores the source.
    let stamp = {
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("input[name=form_stamp]").unwrap();
        doc.select(&sel)
            .next()
            .unwrap()
            .value()
            .attr("value")
            .unwrap()
            .to_string()
    };
    let form = reqwest::multipart::Form::new()
        .text("form_stamp", stamp)
        .text("homepage", "")
        .text("full_name", "Lin Kedin")
        .text("email", "lin@example.com")
        .text("phone", "")
        .text("linkedin_url", "")
        .text("github_url", "")
        .text("portfolio_url", "")
        .text("cover_letter", "")
        .text("consent", "yes")
        .part(
            "cv",
            reqwest::multipart::Part::bytes(b"%PDF-1.4 cv".to_vec())
                .file_name("cv.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let r = app
        .client
        .post(app.url(&format!("{page}/apply")))
        .header("Referer", app.url(&page))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    assert_eq!(sources_stored(&app), [Some("linkedin.com".to_string())]);

    // A tagged link wins over the referer, and its tag is tidied up; an unusable tag is
    // ignored, and a visit from our own site sets nothing.
    let visitor = app.with_new_client();
    let r = visitor
        .client
        .get(visitor.url("/en/vacancies?utm_source=Spring+Newsletter&utm_medium=email"))
        .header("Referer", "https://mail.example.com/")
        .send()
        .await
        .unwrap();
    let cookie = source_cookie(&r).unwrap();
    assert!(
        cookie.starts_with("careers_source=spring-newsletter;"),
        "{cookie}"
    );
    let r = visitor
        .get("/en/vacancies?utm_source=%3DHYPERLINK(1)")
        .await;
    assert_eq!(source_cookie(&r), None);
    let r = visitor
        .client
        .get(visitor.url("/en/learn"))
        .header("Referer", "http://careers.test/en/vacancies")
        .send()
        .await
        .unwrap();
    assert_eq!(source_cookie(&r), None);
    // Admin pages and files are nobody's landing page.
    let r = visitor
        .client
        .get(visitor.url("/admin/login"))
        .header("Referer", "https://www.google.com/")
        .send()
        .await
        .unwrap();
    assert_eq!(source_cookie(&r), None);

    // The recruiter sees the source on the application and in the report.
    recruiter(&app).await;
    let id: i32 = applications::table
        .select(applications::id)
        .first(&mut app.conn())
        .unwrap();
    let (_, html) = app.get_html(&format!("/admin/applications/{id}")).await;
    assert_eq!(texts(&html, "#source"), ["linkedin.com"]);
    let (_, html) = app.get_html("/admin/reports").await;
    assert_eq!(texts(&html, "#sources tbody th"), ["linkedin.com"]);
}
