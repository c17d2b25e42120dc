use crate::common::{self, TestApp};
use careers::db;
use careers::models::{VacancyFields, VacancyStatus};
use std::collections::BTreeSet;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, PrimitiveDateTime};

// ---------------------------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------------------------

struct Posted {
    id: i32,
    slug: String,
    published_at: Option<PrimitiveDateTime>,
}

fn category_id(app: &TestApp, slug: &str) -> i32 {
    db::taxonomy::category_by_slug(&mut app.conn(), slug)
        .unwrap()
        .expect("seeded category")
        .id
}

/// A plain on-site, full-time, middle backend vacancy in Berlin without a salary: each test
/// changes only the fields it is about, so the rest cannot influence its results.
fn job(app: &TestApp, title: &str) -> VacancyFields {
    VacancyFields {
        title: title.into(),
        category_id: category_id(app, "backend"),
        seniority: "middle".into(),
        employment: "full_time".into(),
        work_mode: "onsite".into(),
        location: "Berlin".into(),
        country: "DE".into(),
        other_places: String::new(),
        remote_countries: String::new(),
        salary_min: None,
        salary_max: None,
        salary_currency: None,
        salary_period: None,
        summary: "Join a small product team.".into(),
        responsibilities: "- Ship features".into(),
        requirements: "- Care about quality".into(),
        nice_to_have: String::new(),
        benefits: String::new(),
        valid_through: None,
    }
}

fn in_category(app: &TestApp, mut f: VacancyFields, slug: &str) -> VacancyFields {
    f.category_id = category_id(app, slug);
    f
}

fn paid(
    mut f: VacancyFields,
    min: Option<i32>,
    max: Option<i32>,
    currency: &str,
    period: &str,
) -> VacancyFields {
    f.salary_min = min;
    f.salary_max = max;
    f.salary_currency = Some(currency.into());
    f.salary_period = Some(period.into());
    f
}

fn remote(mut f: VacancyFields, countries: &str) -> VacancyFields {
    f.work_mode = "remote".into();
    f.location = String::new();
    f.country = String::new();
    f.remote_countries = countries.into();
    f
}

fn placed(mut f: VacancyFields, work_mode: &str, city: &str, country: &str) -> VacancyFields {
    f.work_mode = work_mode.into();
    f.location = city.into();
    f.country = country.into();
    f
}

fn insert(app: &TestApp, fields: &VacancyFields, skills: &[&str]) -> Posted {
    let skills: Vec<String> = skills.iter().map(|s| s.to_string()).collect();
    let id = db::vacancies::insert(&mut app.conn(), fields, &skills, None).expect("insert vacancy");
    careers::actions::reindex::vacancy(&mut app.conn(), id).expect("derive vacancy");
    let slug = db::vacancies::by_id(&mut app.conn(), id)
        .unwrap()
        .unwrap()
        .vacancy
        .slug;
    Posted {
        id,
        slug,
        published_at: None,
    }
}

fn set_status(app: &TestApp, posted: &mut Posted, status: VacancyStatus, ago: Option<Duration>) {
    let at = ago.map(|d| careers::clock::now() - d);
    db::vacancies::set_status(&mut app.conn(), posted.id, status, at).expect("set status");
    // Written around the actions: the board follows as `actions::finish` would make it.
    db::listing::sync_vacancy(&mut app.conn(), posted.id, careers::clock::now()).expect("list");
    posted.published_at = at;
}

/// Inserts and publishes; `ago` fixes the publication time, and so the newest-first order.
fn publish(app: &TestApp, fields: &VacancyFields, skills: &[&str], ago: Duration) -> Posted {
    let mut posted = insert(app, fields, skills);
    set_status(app, &mut posted, VacancyStatus::Published, Some(ago));
    posted
}

fn hours(n: i64) -> Duration {
    Duration::hours(n)
}

// ---------------------------------------------------------------------------------------------
// Reading pages
// ---------------------------------------------------------------------------------------------

async fn page(app: &TestApp, path: &str) -> String {
    let (status, html) = app.get_html(path).await;
    assert_eq!(status, 200, "GET {path}");
    html
}

/// Titles of the result cards, in page order.
fn result_titles(html: &str) -> Vec<String> {
    common::texts(html, ".results .card-title")
}

/// The number in the results heading ("12 vacancies").
fn total(html: &str) -> usize {
    let heading = common::texts(html, "#results-heading")
        .pop()
        .expect("results heading");
    heading
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .expect("a count in the results heading")
}

/// Titles of every result of a search, following the pages.
async fn all_results(app: &TestApp, query: &str) -> Vec<String> {
    let mut titles = Vec::new();
    for n in 1.. {
        let sep = if query.is_empty() { "" } else { "&" };
        let html = page(app, &format!("/en/vacancies?{query}{sep}page={n}")).await;
        titles.extend(result_titles(&html));
        if !html.contains("rel=\"next\"") {
            break;
        }
    }
    titles
}

fn set(titles: &[&str]) -> BTreeSet<String> {
    titles.iter().map(|t| t.to_string()).collect()
}

async fn result_set(app: &TestApp, query: &str) -> BTreeSet<String> {
    all_results(app, query).await.into_iter().collect()
}

fn attr(html: &str, selector: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr(name))
        .map(str::to_string)
}

fn query_pairs(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    serde_urlencoded::from_str(query).unwrap()
}

#[derive(Debug)]
struct FacetValue {
    name: String,
    value: String,
    count: usize,
    checked: bool,
}

/// The checkboxes beside the results with the "(N)" of their labels.
fn facets(html: &str) -> Vec<FacetValue> {
    let doc = scraper::Html::parse_document(html);
    let check = scraper::Selector::parse("fieldset.facet .check").unwrap();
    let input = scraper::Selector::parse("input[type=checkbox]").unwrap();
    let count = scraper::Selector::parse("label .count").unwrap();
    doc.select(&check)
        .map(|c| {
            let i = c.select(&input).next().expect("checkbox");
            let n: String = c.select(&count).next().expect("count").text().collect();
            FacetValue {
                name: i.value().attr("name").unwrap().to_string(),
                value: i.value().attr("value").unwrap().to_string(),
                count: n
                    .trim()
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .parse()
                    .expect("(N)"),
                checked: i.value().attr("checked").is_some(),
            }
        })
        .collect()
}

/// The text between `<script type="application/ld+json">` and the next `</script>`, as the
/// browser would cut it.
fn raw_json_ld_blocks(html: &str) -> Vec<&str> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(at, _)| {
            let rest = &html[at + open.len()..];
            &rest[..rest.find("</script>").expect("closed script element")]
        })
        .collect()
}

fn job_posting(html: &str) -> serde_json::Value {
    let mut blocks: Vec<_> = common::json_ld(html)
        .into_iter()
        .filter(|v| v["@type"] == "JobPosting")
        .collect();
    assert_eq!(blocks.len(), 1, "exactly one JobPosting block");
    blocks.pop().unwrap()
}

fn rfc3339(t: PrimitiveDateTime) -> OffsetDateTime {
    t.assume_utc()
}

fn parse_rfc3339(text: &str) -> OffsetDateTime {
    OffsetDateTime::parse(text, &Rfc3339).unwrap_or_else(|e| panic!("{text} is not RFC 3339: {e}"))
}

/// "5 Mar 2026", as people read dates on the site.
fn human_date(t: PrimitiveDateTime) -> String {
    format!("{} {} {}", t.day(), &t.month().to_string()[..3], t.year())
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

fn form_encode(key: &str, value: &str) -> String {
    serde_urlencoded::to_string([(key, value)]).unwrap()
}

// ---------------------------------------------------------------------------------------------
// 1. Listing
// ---------------------------------------------------------------------------------------------

backend_test!(list_shows_only_open_vacancies_newest_first_twenty_per_page);
async fn list_shows_only_open_vacancies_newest_first_twenty_per_page() {
    let app = common::spawn_app_with(false).await;
    let mut open = Vec::new();
    for i in 0..25 {
        let title = format!("Widget Engineer {i:02}");
        open.push((
            title.clone(),
            publish(&app, &job(&app, &title), &["Widgets"], hours(i + 1)).slug,
        ));
    }
    // The hidden ones are all newer than every open one: a leak would show at the very top.
    let draft = insert(&app, &job(&app, "Widget Ghostdraft"), &["Widgets"]);
    let mut closed = publish(
        &app,
        &job(&app, "Widget Ghostclosed"),
        &["Widgets"],
        Duration::minutes(10),
    );
    set_status(
        &app,
        &mut closed,
        VacancyStatus::Closed,
        Some(Duration::minutes(10)),
    );
    let mut expired = job(&app, "Widget Ghostexpired");
    expired.valid_through = Some(careers::clock::now() - Duration::minutes(1));
    let expired = publish(&app, &expired, &["Widgets"], Duration::minutes(5));
    let hidden_slugs = [&draft.slug, &closed.slug, &expired.slug];
    let expected: Vec<String> = open.iter().map(|(t, _)| t.clone()).collect();

    let first = page(&app, "/en/vacancies").await;
    assert_eq!(total(&first), 25);
    assert_eq!(result_titles(&first), expected[..20]);
    assert!(common::texts(&first, ".pagination span").contains(&"Page 1 of 2".to_string()));
    let second = page(&app, "/en/vacancies?page=2").await;
    assert_eq!(result_titles(&second), expected[20..]);
    let backend = facets(&first)
        .into_iter()
        .find(|f| f.name == "category" && f.value == "backend")
        .unwrap();
    assert_eq!(backend.count, 25, "facet counts only open vacancies");

    let search = all_results(&app, "q=widget").await;
    assert_eq!(search, expected, "search lists the same open vacancies");
    for q in ["ghostdraft", "ghostclosed", "ghostexpired"] {
        let html = page(&app, &format!("/en/vacancies?q={q}")).await;
        assert_eq!(total(&html), 0, "q={q}");
    }

    let home = page(&app, "/en").await;
    assert!(
        home.contains("25 open IT vacancies"),
        "home counts only open vacancies"
    );
    assert_eq!(common::texts(&home, ".cards .card-title"), expected[..6]);

    let r = app.get("/sitemap.xml").await;
    assert_eq!(r.status().as_u16(), 200);
    let sitemap = r.text().await.unwrap();
    for (_, slug) in &open {
        assert!(
            sitemap.contains(&format!(
                "<loc>http://careers.test/en/vacancies/{slug}</loc>"
            )),
            "{slug} in sitemap"
        );
    }
    for html in [&first, &second, &home, &sitemap] {
        assert!(!html.contains("Ghost"), "a hidden vacancy leaked");
        for slug in hidden_slugs {
            assert!(!html.contains(slug.as_str()), "{slug} leaked");
        }
    }
}

backend_test!(demo_board_lists_the_open_demo_vacancies_over_two_pages);
async fn demo_board_lists_the_open_demo_vacancies_over_two_pages() {
    let app = common::spawn_app().await;
    let titles = all_results(&app, "").await;
    // 36 demo vacancies: two drafts and two closed ones are not open.
    assert_eq!(titles.len(), 32);
    assert_eq!(
        titles.iter().collect::<BTreeSet<_>>().len(),
        32,
        "no vacancy on two pages"
    );
    for hidden in [
        "Analytics Engineering Lead",
        "Platform Engineering Lead",
        "QA Lead",
        "Flutter Developer",
    ] {
        assert!(!titles.iter().any(|t| t == hidden), "{hidden} is not open");
    }
    // days_ago 1 are the newest; 20 the oldest.
    assert!(titles[..2].contains(&"Backend Developer (Rust)".to_string()));
    assert_eq!(titles.last().unwrap(), "Mobile Engineering Lead");
    let second = page(&app, "/en/vacancies?page=2").await;
    assert_eq!(result_titles(&second).len(), 12);
}

// ---------------------------------------------------------------------------------------------
// 2. Pagination keeps the filters
// ---------------------------------------------------------------------------------------------

backend_test!(pagination_links_keep_the_filters);
async fn pagination_links_keep_the_filters() {
    let app = common::spawn_app_with(false).await;
    for i in 0..23 {
        let f = paid(
            remote(job(&app, &format!("Widget Engineer {i:02}")), "DE"),
            None,
            Some(50_000 + i * 1000),
            "EUR",
            "year",
        );
        publish(&app, &f, &[], hours(i as i64 + 1));
    }
    // Noise that each filter must keep out.
    publish(&app, &job(&app, "Widget Onsite"), &[], hours(1));
    publish(
        &app,
        &remote(
            in_category(&app, job(&app, "Widget Frontend"), "frontend"),
            "DE",
        ),
        &[],
        hours(1),
    );
    publish(
        &app,
        &remote(job(&app, "Gadget Remote"), "DE"),
        &[],
        hours(1),
    );

    let filters = [
        ("q", "widget"),
        ("category", "backend"),
        ("work_mode", "remote"),
        ("sort", "salary"),
    ];
    let query = serde_urlencoded::to_string(filters).unwrap();
    let first = page(&app, &format!("/en/vacancies?{query}")).await;
    assert_eq!(total(&first), 23);
    assert!(attr(&first, "a[rel=prev]", "href").is_none());
    let next = attr(&first, "a[rel=next]", "href").expect("a next link");
    let pairs = query_pairs(&next);
    for (k, v) in filters {
        assert!(
            pairs.contains(&(k.to_string(), v.to_string())),
            "next link {next} keeps {k}={v}"
        );
    }
    assert!(pairs.contains(&("page".into(), "2".into())), "{next}");

    let second = page(&app, &next).await;
    let second_titles = result_titles(&second);
    assert_eq!(
        second_titles,
        [
            "Widget Engineer 02",
            "Widget Engineer 01",
            "Widget Engineer 00"
        ],
        "salary order carries on"
    );
    assert!(attr(&second, "a[rel=next]", "href").is_none());
    let prev = attr(&second, "a[rel=prev]", "href").expect("a previous link");
    let pairs = query_pairs(&prev);
    for (k, v) in filters {
        assert!(
            pairs.contains(&(k.to_string(), v.to_string())),
            "prev link {prev} keeps {k}={v}"
        );
    }
    assert!(
        !pairs.iter().any(|(k, v)| k == "page" && v != "1"),
        "{prev}"
    );
    let back = page(&app, &prev).await;
    assert_eq!(result_titles(&back), result_titles(&first));
}

// ---------------------------------------------------------------------------------------------
// 3. Filters
// ---------------------------------------------------------------------------------------------

/// Five vacancies that differ in every filtered field.
fn filter_fixture(app: &TestApp) {
    let mut a = paid(job(app, "Alpha"), Some(60_000), Some(80_000), "EUR", "year");
    a.seniority = "senior".into();
    publish(app, &a, &[], hours(1));

    let mut b = placed(
        in_category(app, job(app, "Bravo"), "frontend"),
        "hybrid",
        "Amsterdam",
        "NL",
    );
    b = paid(b, Some(40_000), Some(50_000), "EUR", "year");
    b.seniority = "junior".into();
    b.employment = "part_time".into();
    publish(app, &b, &[], hours(2));

    let mut c = paid(
        remote(job(app, "Charlie"), "DE,PL"),
        Some(70_000),
        Some(90_000),
        "EUR",
        "year",
    );
    c.seniority = "middle_plus".into();
    c.employment = "contract".into();
    publish(app, &c, &[], hours(3));

    let mut d = paid(
        placed(
            in_category(app, job(app, "Delta"), "qa"),
            "hybrid",
            "Munich",
            "DE",
        ),
        Some(50_000),
        Some(65_000),
        "EUR",
        "year",
    );
    d.seniority = "senior".into();
    publish(app, &d, &[], hours(4));

    let mut e = paid(
        remote(in_category(app, job(app, "Echo"), "devops"), "US"),
        Some(100_000),
        Some(120_000),
        "USD",
        "year",
    );
    e.seniority = "junior".into();
    publish(app, &e, &[], hours(5));
}

backend_test!(each_filter_alone_narrows_the_list);
async fn each_filter_alone_narrows_the_list() {
    let app = common::spawn_app_with(false).await;
    filter_fixture(&app);
    let cases: &[(&str, &[&str])] = &[
        ("", &["Alpha", "Bravo", "Charlie", "Delta", "Echo"]),
        ("category=backend", &["Alpha", "Charlie"]),
        ("category=qa", &["Delta"]),
        ("category=mobile", &[]),
        ("seniority=senior", &["Alpha", "Delta"]),
        ("seniority=middle_plus", &["Charlie"]),
        ("employment=full_time", &["Alpha", "Delta", "Echo"]),
        ("employment=part_time", &["Bravo"]),
        ("employment=contract", &["Charlie"]),
        ("work_mode=remote", &["Charlie", "Echo"]),
        ("work_mode=hybrid", &["Bravo", "Delta"]),
        ("work_mode=onsite", &["Alpha"]),
        ("location=Berlin", &["Alpha"]),
        ("location=berlin", &["Alpha"]),
        ("location=AMSTERDAM", &["Bravo"]),
        ("location=Netherlands", &["Bravo"]),
        ("location=munich", &["Delta"]),
        ("location=remote", &["Charlie", "Echo"]),
        ("location=Tokyo", &[]),
        ("salary_min=85000", &["Charlie", "Echo"]),
        ("salary_min=120000", &["Echo"]),
        ("salary_min=120001", &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(result_set(&app, query).await, set(expected), "?{query}");
    }
    // A country name finds the on-site and hybrid jobs in that country.
    let germany = result_set(&app, "location=Germany").await;
    assert!(
        germany.contains("Alpha") && germany.contains("Delta"),
        "{germany:?}"
    );
    assert!(
        !germany.contains("Bravo") && !germany.contains("Echo"),
        "{germany:?}"
    );
}

backend_test!(values_of_one_filter_are_ored_and_different_filters_anded);
async fn values_of_one_filter_are_ored_and_different_filters_anded() {
    let app = common::spawn_app_with(false).await;
    filter_fixture(&app);
    let cases: &[(&str, &[&str])] = &[
        (
            "work_mode=remote&work_mode=hybrid",
            &["Bravo", "Charlie", "Delta", "Echo"],
        ),
        (
            "category=backend&category=qa",
            &["Alpha", "Charlie", "Delta"],
        ),
        (
            "seniority=senior&seniority=junior",
            &["Alpha", "Bravo", "Delta", "Echo"],
        ),
        ("category=backend&work_mode=remote", &["Charlie"]),
        (
            "work_mode=remote&work_mode=hybrid&seniority=junior",
            &["Bravo", "Echo"],
        ),
        (
            "seniority=senior&employment=full_time&work_mode=hybrid",
            &["Delta"],
        ),
        (
            "category=backend&category=frontend&salary_min=55000",
            &["Alpha", "Charlie"],
        ),
        (
            "work_mode=remote&location=remote&salary_min=100000",
            &["Echo"],
        ),
        ("category=frontend&work_mode=remote", &[]),
        ("location=berlin&seniority=junior", &[]),
    ];
    for (query, expected) in cases {
        assert_eq!(result_set(&app, query).await, set(expected), "?{query}");
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Facet counts
// ---------------------------------------------------------------------------------------------

/// The current query with `name` set to `value` alone.
fn with_single(query: &str, name: &str, value: &str) -> String {
    let mut pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
    pairs.retain(|(k, _)| k != name && k != "page");
    pairs.push((name.to_string(), value.to_string()));
    serde_urlencoded::to_string(pairs).unwrap()
}

backend_test!(facet_counts_equal_the_results_of_choosing_that_value);
async fn facet_counts_equal_the_results_of_choosing_that_value() {
    let app = common::spawn_app().await;
    let bases = [
        "",
        "work_mode=remote",
        "category=backend&seniority=senior",
        "work_mode=remote&work_mode=hybrid&employment=full_time",
        "q=developer",
        "location=berlin",
        "salary_min=60000",
        "q=engineer&category=devops&category=qa&salary_min=50000",
    ];
    for base in bases {
        let html = page(&app, &format!("/en/vacancies?{base}")).await;
        let values = facets(&html);
        let names: BTreeSet<&str> = values.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            BTreeSet::from(["category", "seniority", "employment", "work_mode"]),
            "?{base}"
        );
        assert!(
            values.iter().any(|v| v.count > 0),
            "?{base}: some facet value has results"
        );
        let chosen: Vec<(String, String)> = serde_urlencoded::from_str(base).unwrap();
        for v in &values {
            let selected = chosen.contains(&(v.name.clone(), v.value.clone()));
            assert_eq!(
                v.checked, selected,
                "?{base}: {}={} checkbox state",
                v.name, v.value
            );
            let query = with_single(base, &v.name, &v.value);
            let results = page(&app, &format!("/en/vacancies?{query}")).await;
            assert_eq!(
                v.count,
                total(&results),
                "?{base}: facet {}={} says ({}) but ?{query} finds {}",
                v.name,
                v.value,
                v.count,
                total(&results)
            );
        }
    }
}

backend_test!(facet_counts_in_a_controlled_board);
async fn facet_counts_in_a_controlled_board() {
    let app = common::spawn_app_with(false).await;
    filter_fixture(&app);
    let html = page(&app, "/en/vacancies?work_mode=remote").await;
    let count = |name: &str, value: &str| {
        facets(&html)
            .into_iter()
            .find(|f| f.name == name && f.value == value)
            .unwrap()
            .count
    };
    // Work mode ignores its own filter; the others count within remote jobs.
    assert_eq!(count("work_mode", "remote"), 2);
    assert_eq!(count("work_mode", "hybrid"), 2);
    assert_eq!(count("work_mode", "onsite"), 1);
    assert_eq!(count("category", "backend"), 1);
    assert_eq!(count("category", "devops"), 1);
    assert_eq!(count("category", "qa"), 0);
    assert_eq!(count("seniority", "junior"), 1);
    assert_eq!(count("seniority", "senior"), 0);
}

// ---------------------------------------------------------------------------------------------
// 5. Minimum salary
// ---------------------------------------------------------------------------------------------

backend_test!(salary_min_compares_the_yearly_top_of_range);
async fn salary_min_compares_the_yearly_top_of_range() {
    let app = common::spawn_app_with(false).await;
    let jobs = [
        paid(
            job(&app, "Yearly 90k"),
            Some(50_000),
            Some(90_000),
            "EUR",
            "year",
        ),
        paid(
            job(&app, "Yearly 60k"),
            Some(40_000),
            Some(60_000),
            "EUR",
            "year",
        ),
        paid(
            job(&app, "Monthly 6000"),
            Some(5_000),
            Some(6_000),
            "EUR",
            "month",
        ), // 72,000
        paid(job(&app, "Daily 400"), Some(300), Some(400), "EUR", "day"), // 88,000
        paid(job(&app, "Hourly 50"), Some(40), Some(50), "EUR", "hour"),  // 88,000
        paid(job(&app, "From 75k"), Some(75_000), None, "EUR", "year"),
        job(&app, "Unstated"),
    ];
    for (i, f) in jobs.iter().enumerate() {
        publish(&app, f, &[], hours(i as i64 + 1));
    }
    let cases: &[(&str, &[&str])] = &[
        (
            "60000",
            &[
                "Yearly 90k",
                "Yearly 60k",
                "Monthly 6000",
                "Daily 400",
                "Hourly 50",
                "From 75k",
                "Unstated",
            ],
        ),
        (
            "60001",
            &[
                "Yearly 90k",
                "Monthly 6000",
                "Daily 400",
                "Hourly 50",
                "From 75k",
                "Unstated",
            ],
        ),
        (
            "72000",
            &[
                "Yearly 90k",
                "Monthly 6000",
                "Daily 400",
                "Hourly 50",
                "From 75k",
                "Unstated",
            ],
        ),
        (
            "72001",
            &[
                "Yearly 90k",
                "Daily 400",
                "Hourly 50",
                "From 75k",
                "Unstated",
            ],
        ),
        (
            "88000",
            &["Yearly 90k", "Daily 400", "Hourly 50", "Unstated"],
        ),
        ("88001", &["Yearly 90k", "Unstated"]),
        ("90001", &["Unstated"]),
        (
            "72%2C000",
            &[
                "Yearly 90k",
                "Monthly 6000",
                "Daily 400",
                "Hourly 50",
                "From 75k",
                "Unstated",
            ],
        ),
    ];
    for (min, expected) in cases {
        assert_eq!(
            result_set(&app, &format!("salary_min={min}")).await,
            set(expected),
            "salary_min={min}"
        );
    }

    let html = page(&app, "/en/vacancies?salary_min=88001").await;
    let doc = scraper::Html::parse_document(&html);
    let card = scraper::Selector::parse(".results .card").unwrap();
    let unstated = doc
        .select(&card)
        .find(|c| c.text().any(|t| t.contains("Unstated")))
        .expect("the unstated card");
    let text: String = unstated.text().collect();
    assert!(text.contains("Salary not stated"), "{text}");
    let stated = doc
        .select(&card)
        .find(|c| c.text().any(|t| t.contains("Yearly 90k")))
        .unwrap();
    let text: String = stated.text().collect();
    assert!(
        text.contains("50,000–90,000 EUR per year") && !text.contains("not stated"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Keyword search
// ---------------------------------------------------------------------------------------------

backend_test!(search_matches_prefixes_ranks_titles_first_and_reads_skills);
async fn search_matches_prefixes_ranks_titles_first_and_reads_skills() {
    let app = common::spawn_app_with(false).await;
    // The title match is the oldest, so ranking, not recency, must put it first.
    publish(
        &app,
        &job(&app, "Senior Rust Developer"),
        &["Tokio"],
        hours(30),
    );
    let mut body = job(&app, "Platform Engineer");
    body.summary = "You will support every developer in the company.".into();
    publish(&app, &body, &[], hours(2));
    publish(&app, &job(&app, "Data Engineer"), &["DevTools"], hours(1));
    publish(
        &app,
        &job(&app, "Backend Engineer"),
        &["Kubernetes"],
        hours(3),
    );
    publish(&app, &job(&app, "Rust Engineer"), &["Kubernetes"], hours(4));
    publish(&app, &job(&app, "Ingénieur Qualité"), &[], hours(5));
    publish(&app, &job(&app, "Office Manager"), &[], hours(6));

    let dev = page(&app, "/en/vacancies?q=dev").await;
    let titles = result_titles(&dev);
    assert_eq!(total(&dev), 3, "{titles:?}");
    assert_eq!(
        titles[0], "Senior Rust Developer",
        "title match ranks first: {titles:?}"
    );
    assert_eq!(
        titles[1..].iter().cloned().collect::<BTreeSet<_>>(),
        set(&["Platform Engineer", "Data Engineer"])
    );

    assert_eq!(
        result_set(&app, "q=kubernetes").await,
        set(&["Backend Engineer", "Rust Engineer"]),
        "skills are searched"
    );
    assert_eq!(
        result_set(&app, "q=rust").await,
        set(&["Senior Rust Developer", "Rust Engineer"])
    );
    assert_eq!(
        result_set(&app, "q=rust+kubernetes").await,
        set(&["Rust Engineer"]),
        "every word must match"
    );
    assert_eq!(
        result_set(&app, "q=kubernetes%20rust").await,
        set(&["Rust Engineer"])
    );
    assert_eq!(result_set(&app, "q=rust+manager").await, set(&[]));
    assert_eq!(
        result_set(&app, "q=KUBERNETES").await,
        set(&["Backend Engineer", "Rust Engineer"]),
        "case-insensitive"
    );
    assert_eq!(
        result_set(&app, "q=RuSt+DeV").await,
        set(&["Senior Rust Developer"])
    );
    assert_eq!(
        result_set(&app, "q=tok").await,
        set(&["Senior Rust Developer"])
    );

    for q in [
        "ingenieur",
        "Ing%C3%A9nieur",
        "qualite",
        "QUALIT%C3%89",
        "ingen+qual",
    ] {
        assert_eq!(
            result_set(&app, &format!("q={q}")).await,
            set(&["Ingénieur Qualité"]),
            "q={q}"
        );
    }
    assert_eq!(
        result_set(&app, "q=D%C3%89velop").await,
        set(&["Senior Rust Developer", "Platform Engineer"]),
        "accents on the query side too"
    );
}

backend_test!(search_echoes_the_query_and_combines_with_filters);
async fn search_echoes_the_query_and_combines_with_filters() {
    let app = common::spawn_app().await;
    let html = page(&app, "/en/vacancies?q=python").await;
    assert_eq!(attr(&html, "input#q", "value").as_deref(), Some("python"));
    let found = result_titles(&html);
    assert!(
        found.contains(&"Backend Developer (Python)".to_string()),
        "{found:?}"
    );
    let narrowed = result_set(&app, "q=python&work_mode=hybrid").await;
    assert!(narrowed.contains("Backend Developer (Python)"));
    assert!(narrowed.len() <= found.len());
    let none = page(&app, "/en/vacancies?q=zzzzqqq").await;
    assert_eq!(total(&none), 0);
    assert!(none.contains("No vacancies match this search."));
}

// ---------------------------------------------------------------------------------------------
// 7. Sort by salary
// ---------------------------------------------------------------------------------------------

backend_test!(sort_by_salary_orders_by_yearly_top_with_unstated_last);
async fn sort_by_salary_orders_by_yearly_top_with_unstated_last() {
    let app = common::spawn_app_with(false).await;
    // Publication order is deliberately unrelated to salary order.
    let jobs = [
        (job(&app, "Unstated Newest"), 1),
        (
            paid(job(&app, "Hourly 50"), Some(40), Some(50), "EUR", "hour"),
            2,
        ), // 88,000
        (
            paid(
                job(&app, "Yearly 100k"),
                Some(80_000),
                Some(100_000),
                "EUR",
                "year",
            ),
            3,
        ),
        (
            paid(
                job(&app, "Monthly 9000"),
                Some(7_000),
                Some(9_000),
                "EUR",
                "month",
            ),
            4,
        ), // 108,000
        (job(&app, "Unstated Older"), 5),
        (
            paid(job(&app, "Daily 450"), Some(400), Some(450), "EUR", "day"),
            6,
        ), // 99,000
        (
            paid(job(&app, "From 95k"), Some(95_000), None, "EUR", "year"),
            7,
        ),
    ];
    for (f, h) in &jobs {
        publish(&app, f, &[], hours(*h));
    }
    let html = page(&app, "/en/vacancies?sort=salary").await;
    let titles = result_titles(&html);
    assert_eq!(
        titles[..5],
        [
            "Monthly 9000",
            "Yearly 100k",
            "Daily 450",
            "From 95k",
            "Hourly 50"
        ]
    );
    assert_eq!(
        titles[5..].iter().cloned().collect::<BTreeSet<_>>(),
        set(&["Unstated Newest", "Unstated Older"])
    );
    assert!(html.contains("<strong aria-current=\"true\">salary</strong>"));

    let newest = result_titles(&page(&app, "/en/vacancies").await);
    assert_eq!(
        newest[0], "Unstated Newest",
        "the default order is still newest first"
    );
}

// ---------------------------------------------------------------------------------------------
// 8. The vacancy page
// ---------------------------------------------------------------------------------------------

fn full_vacancy(app: &TestApp) -> VacancyFields {
    let mut f = in_category(app, job(app, "Platform Engineer"), "devops");
    f = paid(
        placed(f, "hybrid", "Munich", "DE"),
        Some(600),
        Some(750),
        "EUR",
        "day",
    );
    f.seniority = "middle_plus".into();
    f.employment = "contract".into();
    f.summary = "We run the **platform** every team builds on.".into();
    f.responsibilities = "- Automate the clusters\n- Keep deploys boring".into();
    f.requirements = "- Three years of Terraform".into();
    f.nice_to_have = "- Go".into();
    f.benefits = "- Thirty days of holiday".into();
    f.valid_through = Some(careers::clock::now() + Duration::days(30));
    f
}

backend_test!(vacancy_page_shows_every_fact_and_related_vacancies);
async fn vacancy_page_shows_every_fact_and_related_vacancies() {
    let app = common::spawn_app_with(false).await;
    let fields = full_vacancy(&app);
    let v = publish(
        &app,
        &fields,
        &["Terraform", "Kubernetes"],
        Duration::days(3),
    );
    publish(
        &app,
        &in_category(&app, job(&app, "SRE On Call"), "devops"),
        &["Grafana"],
        hours(1),
    );
    publish(
        &app,
        &job(&app, "Backend With Terraform"),
        &["Terraform"],
        hours(2),
    );
    publish(
        &app,
        &in_category(&app, job(&app, "Designer Unrelated"), "frontend"),
        &["Figma"],
        hours(3),
    );

    let html = page(&app, &format!("/en/vacancies/{}", v.slug)).await;
    assert_eq!(common::texts(&html, "h1"), ["Platform Engineer"]);
    assert!(common::texts(&html, ".crumbs")
        .iter()
        .any(|t| t.contains("DevOps & SRE")));
    assert!(
        html.contains("DevOps &#38; SRE"),
        "the category name is escaped"
    );
    let published = v.published_at.unwrap();
    let valid = fields.valid_through.unwrap();
    assert_eq!(
        common::texts(&html, ".facts dd"),
        [
            "Middle+".to_string(),
            "Contract".into(),
            "Hybrid".into(),
            "Munich, Germany".into(),
            "600–750 EUR per day".into(),
            human_date(published),
            human_date(valid),
        ]
    );
    assert_eq!(
        common::texts(&html, ".facts dt"),
        [
            "Seniority",
            "Employment",
            "Work mode",
            "Location",
            "Salary",
            "Posted",
            "Apply by"
        ]
    );
    assert_eq!(
        attr(&html, ".facts time", "datetime").unwrap(),
        published.date().to_string()
    );
    assert!(
        html.contains("<strong>platform</strong>"),
        "the summary is rendered Markdown"
    );
    let headings = common::texts(&html, ".prose h2");
    assert_eq!(
        headings,
        [
            "Responsibilities",
            "Requirements",
            "Nice to have",
            "Benefits",
            "Skills"
        ]
    );
    let items = common::texts(&html, ".prose li");
    for item in [
        "Automate the clusters",
        "Keep deploys boring",
        "Three years of Terraform",
        "Go",
        "Thirty days of holiday",
    ] {
        assert!(items.iter().any(|i| i == item), "{item} in {items:?}");
    }
    assert_eq!(
        common::texts(&html, ".chip-list .chip"),
        ["Terraform", "Kubernetes"]
    );
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"http://careers.test/en/vacancies/{}\">",
        v.slug
    )));

    assert_eq!(
        common::texts(&html, "#related-heading"),
        ["Related vacancies"]
    );
    let related: BTreeSet<String> = common::texts(&html, ".related .card-title")
        .into_iter()
        .collect();
    assert_eq!(related, set(&["SRE On Call", "Backend With Terraform"]));
}

backend_test!(vacancy_page_without_salary_or_deadline_says_so);
async fn vacancy_page_without_salary_or_deadline_says_so() {
    let app = common::spawn_app_with(false).await;
    let v = publish(&app, &job(&app, "Quiet Role"), &[], hours(1));
    let html = page(&app, &format!("/en/vacancies/{}", v.slug)).await;
    let facts = common::texts(&html, ".facts dd");
    assert_eq!(facts[4], "Not stated");
    assert!(!common::texts(&html, ".facts dt").contains(&"Apply by".to_string()));
    assert!(
        common::texts(&html, ".related").is_empty(),
        "nothing to relate to"
    );
}

backend_test!(demo_vacancy_page_shows_seniority_label_and_salary);
async fn demo_vacancy_page_shows_seniority_label_and_salary() {
    let app = common::spawn_app().await;
    let list = page(
        &app,
        "/en/vacancies?category=backend&work_mode=remote&seniority=middle_plus&employment=full_time",
    )
    .await;
    assert_eq!(total(&list), 1);
    let href = attr(&list, ".results .card-title a", "href").unwrap();
    let html = page(&app, &href).await;
    assert_eq!(common::texts(&html, "h1"), ["Backend Developer (Go)"]);
    let facts = common::texts(&html, ".facts dd");
    assert_eq!(
        facts[..5],
        [
            "Middle+",
            "Full-time",
            "Remote",
            "Remote (Germany, Netherlands, Poland, Portugal, Spain)",
            "68,000–84,000 EUR per year"
        ]
    );
    assert!(!common::texts(&html, ".related .card-title").is_empty());
}

// ---------------------------------------------------------------------------------------------
// 9. JobPosting JSON-LD
// ---------------------------------------------------------------------------------------------

backend_test!(json_ld_of_an_on_site_or_hybrid_vacancy);
async fn json_ld_of_an_on_site_or_hybrid_vacancy() {
    let app = common::spawn_app_with(false).await;
    let fields = full_vacancy(&app);
    let v = publish(&app, &fields, &["Terraform"], Duration::days(3));
    let html = page(&app, &format!("/en/vacancies/{}", v.slug)).await;
    let jp = job_posting(&html);

    assert_eq!(jp["@context"], "https://schema.org/");
    assert_eq!(jp["title"], "Platform Engineer");
    let description = jp["description"].as_str().unwrap();
    assert!(
        description.contains("<strong>platform</strong>") && description.contains("<li>"),
        "{description}"
    );
    assert_eq!(
        parse_rfc3339(jp["datePosted"].as_str().unwrap()),
        rfc3339(v.published_at.unwrap())
    );
    assert_eq!(
        parse_rfc3339(jp["validThrough"].as_str().unwrap()),
        rfc3339(fields.valid_through.unwrap())
    );
    assert_eq!(jp["hiringOrganization"]["@type"], "Organization");
    assert_eq!(jp["hiringOrganization"]["name"], "Northwind Labs");
    assert_eq!(jp["hiringOrganization"]["url"], "https://northwind.example");
    assert_eq!(jp["employmentType"], "CONTRACTOR");
    assert_eq!(jp["baseSalary"]["@type"], "MonetaryAmount");
    assert_eq!(jp["baseSalary"]["currency"], "EUR");
    assert_eq!(jp["baseSalary"]["value"]["@type"], "QuantitativeValue");
    assert_eq!(jp["baseSalary"]["value"]["minValue"], 600);
    assert_eq!(jp["baseSalary"]["value"]["maxValue"], 750);
    assert_eq!(jp["baseSalary"]["value"]["unitText"], "DAY");
    assert_eq!(jp["identifier"]["value"], v.id.to_string());
    assert!(jp["directApply"].is_boolean());
    assert_eq!(
        jp["url"],
        format!("http://careers.test/en/vacancies/{}", v.slug)
    );
    assert_eq!(jp["jobLocation"]["@type"], "Place");
    let address = &jp["jobLocation"]["address"];
    assert_eq!(address["@type"], "PostalAddress");
    assert_eq!(address["addressLocality"], "Munich");
    assert_eq!(address["addressCountry"], "DE");
    assert!(jp.get("jobLocationType").is_none());
    assert!(jp.get("applicantLocationRequirements").is_none());
}

backend_test!(json_ld_of_a_remote_vacancy_and_of_one_without_salary_or_deadline);
async fn json_ld_of_a_remote_vacancy_and_of_one_without_salary_or_deadline() {
    let app = common::spawn_app_with(false).await;
    let f = paid(
        remote(job(&app, "Remote Engineer"), "DE,PL"),
        Some(5_000),
        Some(6_500),
        "USD",
        "month",
    );
    let v = publish(&app, &f, &[], hours(1));
    let jp = job_posting(&page(&app, &format!("/en/vacancies/{}", v.slug)).await);
    assert_eq!(jp["jobLocationType"], "TELECOMMUTE");
    assert!(jp.get("jobLocation").is_none());
    let countries = jp["applicantLocationRequirements"]
        .as_array()
        .expect("a list of countries");
    assert_eq!(countries.len(), 2);
    for c in countries {
        assert_eq!(c["@type"], "Country");
        assert!(!c["name"].as_str().unwrap_or("").is_empty());
    }
    assert_eq!(jp["employmentType"], "FULL_TIME");
    assert_eq!(jp["baseSalary"]["currency"], "USD");
    assert_eq!(jp["baseSalary"]["value"]["unitText"], "MONTH");
    assert!(
        jp.get("validThrough").is_none(),
        "no deadline, no validThrough"
    );

    let mut f = job(&app, "Hourly Tester");
    f.employment = "part_time".into();
    let f = paid(f, Some(30), Some(45), "GBP", "hour");
    let v = publish(&app, &f, &[], hours(1));
    let jp = job_posting(&page(&app, &format!("/en/vacancies/{}", v.slug)).await);
    assert_eq!(jp["employmentType"], "PART_TIME");
    assert_eq!(jp["baseSalary"]["value"]["unitText"], "HOUR");

    let v = publish(&app, &job(&app, "Unpaid Mystery"), &[], hours(1));
    let jp = job_posting(&page(&app, &format!("/en/vacancies/{}", v.slug)).await);
    assert!(jp.get("baseSalary").is_none());
    assert!(jp.get("validThrough").is_none());
    assert_eq!(jp["jobLocation"]["address"]["addressLocality"], "Berlin");
}

backend_test!(demo_json_ld_uses_yearly_units);
async fn demo_json_ld_uses_yearly_units() {
    let app = common::spawn_app().await;
    let list = page(&app, "/en/vacancies?location=berlin&seniority=middle").await;
    assert_eq!(total(&list), 1);
    let href = attr(&list, ".results .card-title a", "href").unwrap();
    let jp = job_posting(&page(&app, &href).await);
    assert_eq!(jp["title"], "Backend Developer (Python)");
    assert_eq!(jp["baseSalary"]["value"]["unitText"], "YEAR");
    assert_eq!(jp["employmentType"], "FULL_TIME");
    assert!(jp["validThrough"].is_string());
}

backend_test!(closed_and_expired_pages_answer_without_job_posting_and_drafts_are_404);
async fn closed_and_expired_pages_answer_without_job_posting_and_drafts_are_404() {
    let app = common::spawn_app_with(false).await;
    let mut closed = publish(&app, &job(&app, "Closed Role"), &[], hours(5));
    set_status(&app, &mut closed, VacancyStatus::Closed, Some(hours(5)));
    let mut expired = job(&app, "Expired Role");
    expired.valid_through = Some(careers::clock::now() - hours(1));
    let expired = publish(&app, &expired, &[], hours(48));
    let open = publish(&app, &job(&app, "Open Backend Role"), &[], hours(1));
    let draft = insert(&app, &job(&app, "Draft Role"), &[]);

    for slug in [&closed.slug, &expired.slug] {
        let html = page(&app, &format!("/en/vacancies/{slug}")).await;
        assert!(html.contains("This vacancy is closed"), "{slug}");
        assert!(
            common::json_ld(&html)
                .iter()
                .all(|v| v["@type"] != "JobPosting"),
            "{slug} carries no JobPosting"
        );
        assert!(raw_json_ld_blocks(&html).is_empty());
        assert!(
            common::texts(&html, ".related .card-title").contains(&"Open Backend Role".to_string())
        );
    }
    let html = page(&app, &format!("/en/vacancies/{}", open.slug)).await;
    assert!(!html.contains("This vacancy is closed"));
    job_posting(&html);

    let (status, html) = app.get_html(&format!("/en/vacancies/{}", draft.slug)).await;
    assert_eq!(status, 404);
    assert!(!html.contains("Draft Role"));
}

// ---------------------------------------------------------------------------------------------
// 10. Not found
// ---------------------------------------------------------------------------------------------

backend_test!(unknown_pages_get_a_friendly_html_404);
async fn unknown_pages_get_a_friendly_html_404() {
    let app = common::spawn_app().await;
    for path in [
        "/no-such-page",
        "/en/vacancies/no-such-vacancy",
        "/static/nope.css",
        "/en/vacancies/x/y",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status().as_u16(), 404, "{path}");
        assert!(
            header(&r, "content-type").starts_with("text/html"),
            "{path}: {}",
            header(&r, "content-type")
        );
        let html = r.text().await.unwrap();
        assert!(
            html.trim_start()
                .to_lowercase()
                .starts_with("<!doctype html>"),
            "{path}: a full page, not a bare string"
        );
        assert_eq!(common::texts(&html, "h1"), ["Page not found"], "{path}");
        assert!(html.contains("We could not find that page"), "{path}");
        assert!(
            html.contains("href=\"/en/vacancies\""),
            "{path}: a way back"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 11. Bad input
// ---------------------------------------------------------------------------------------------

backend_test!(bad_input_never_breaks_the_board);
async fn bad_input_never_breaks_the_board() {
    let app = common::spawn_app().await;
    let long_q = format!("q={}", "rust+".repeat(2000));
    let two_kb_q = format!(
        "q={}",
        form_encode("", &"développeur ".repeat(180)).trim_start_matches('=')
    );
    let mut queries: Vec<String> = [
        "page=0",
        "page=-1",
        "page=abc",
        "page=1.5",
        "page=",
        "page=99999999999999999999999",
        "category=nope",
        "seniority=guru",
        "work_mode=mars",
        "employment=forever",
        "sort=bogus",
        "salary_min=abc",
        "salary_min=-5",
        "salary_min=999999999999999999999",
        "q=%ff%fe",
        "q=%C3%28",
        "location=%80",
        "category=%ff",
        "q=%",
        "q=%zz",
        "%ff=%fe",
        "q=dev*",
        "q=-rust",
        "q=title:rust",
        "q=*",
        "q=(((",
        "q=)",
        "q=AND",
        "q=OR",
        "q=NOT",
        "q=%F0%9F%98%80",
        "q=%F0%9F%98%80+rust+%F0%9F%A6%80",
        "q=%E0%A4%BE",
        "q=%CD%85",
        "q=a&q=b&q=",
        "&&&==&",
        "q=%0d%0aSet-Cookie:%20x=1",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for q in [
        "' OR 1=1 --",
        "\"unterminated",
        "NEAR(a b)",
        "a OR b",
        "rust\" OR \"1",
        "x'); DROP TABLE vacancies; --",
        "^rust",
        "{title body}: x",
        "a + b",
    ] {
        queries.push(form_encode("q", q));
    }
    queries.push(long_q);
    queries.push(two_kb_q);
    queries.push(format!("location={}", "z".repeat(10_000)));

    // A control character (NUL above all, which PostgreSQL cannot take) is refused before the
    // board sees it: a 400 page, not a 500.
    let r = app
        .get(&format!("/en/vacancies?{}", form_encode("q", "\u{0}")))
        .await;
    assert_eq!(r.status().as_u16(), 400);
    assert!(header(&r, "content-type").starts_with("text/html"));

    for query in &queries {
        let r = app.get(&format!("/en/vacancies?{query}")).await;
        let status = r.status().as_u16();
        let label: String = query.chars().take(60).collect();
        assert_eq!(status, 200, "?{label}");
        assert!(
            header(&r, "content-type").starts_with("text/html"),
            "?{label}"
        );
        let html = r.text().await.unwrap();
        assert!(html.contains("<h1>Open vacancies</h1>"), "?{label}");
    }

    // The board survived: the vacancies table is still there and searchable.
    assert_eq!(total(&page(&app, "/en/vacancies").await), 32);
    assert!(total(&page(&app, "/en/vacancies?q=developer").await) > 0);

    let last = page(&app, "/en/vacancies?page=999999").await;
    assert!(common::texts(&last, ".pagination span").contains(&"Page 2 of 2".to_string()));
    assert_eq!(
        result_titles(&last),
        result_titles(&page(&app, "/en/vacancies?page=2").await)
    );
    for bad in ["page=0", "page=-1", "page=abc"] {
        let html = page(&app, &format!("/en/vacancies?{bad}")).await;
        assert!(
            common::texts(&html, ".pagination span").contains(&"Page 1 of 2".to_string()),
            "{bad}"
        );
    }
    let unknown = page(
        &app,
        "/en/vacancies?category=nope&seniority=guru&work_mode=mars",
    )
    .await;
    assert_eq!(total(&unknown), 32, "unknown values are ignored");

    for path in [
        "/en/vacancies/%ff",
        "/en/vacancies/%C3%28",
        "/en/vacancies/..%2F..%2Fetc%2Fpasswd",
        "/en/vacancies/'%20OR%201=1%20--",
    ] {
        let status = app.get(path).await.status().as_u16();
        assert!(status < 500, "{path}: {status}");
    }
}

// ---------------------------------------------------------------------------------------------
// 12. Headers
// ---------------------------------------------------------------------------------------------

fn assert_security_headers(r: &reqwest::Response, what: &str) {
    let csp = header(r, "content-security-policy");
    assert!(!csp.is_empty(), "{what}: CSP");
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .or_else(|| {
            csp.split(';')
                .map(str::trim)
                .find(|d| d.starts_with("default-src"))
        });
    let script_src = script_src.unwrap_or_else(|| panic!("{what}: CSP restricts scripts: {csp}"));
    assert!(!script_src.contains("'unsafe-inline'"), "{what}: {csp}");
    assert!(
        csp.split(';')
            .map(str::trim)
            .any(|d| d == "frame-ancestors 'none'"),
        "{what}: {csp}"
    );
    assert_eq!(header(r, "x-content-type-options"), "nosniff", "{what}");
    assert!(
        !header(r, "referrer-policy").is_empty(),
        "{what}: Referrer-Policy"
    );
}

backend_test!(every_response_carries_the_security_headers);
async fn every_response_carries_the_security_headers() {
    let app = common::spawn_app().await;
    let home = page(&app, "/en").await;
    let css = attr(&home, "link[rel=stylesheet]", "href").expect("a stylesheet");
    let slug_href = attr(&home, ".card-title a", "href").unwrap();
    for path in [
        "/en",
        "/en/vacancies",
        "/en/vacancies?q=rust",
        slug_href.as_str(),
        "/no-such-page",
        "/healthz",
        "/sitemap.xml",
        "/robots.txt",
        css.as_str(),
    ] {
        let r = app.get(path).await;
        assert!(r.status().as_u16() < 500, "{path}");
        assert_security_headers(&r, path);
    }
}

backend_test!(static_css_is_versioned_and_cached_for_a_year);
async fn static_css_is_versioned_and_cached_for_a_year() {
    let app = common::spawn_app().await;
    let home = page(&app, "/en").await;
    let css = attr(&home, "link[rel=stylesheet]", "href").expect("a stylesheet");
    assert!(css.starts_with("/static/") && css.contains("?v="), "{css}");
    let version = css.split("?v=").nth(1).unwrap();
    assert!(!version.is_empty());
    let r = app.get(&css).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        header(&r, "content-type").starts_with("text/css"),
        "{}",
        header(&r, "content-type")
    );
    assert!(
        header(&r, "cache-control").contains("max-age=31536000"),
        "{}",
        header(&r, "cache-control")
    );
    // The version is the same on every page, so the cached file is reused.
    let list = page(&app, "/en/vacancies").await;
    assert_eq!(attr(&list, "link[rel=stylesheet]", "href").unwrap(), css);
}

backend_test!(html_is_compressed_when_the_client_accepts_it);
async fn html_is_compressed_when_the_client_accepts_it() {
    let app = common::spawn_app().await;
    for (accept, expected) in [("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "")] {
        let r = app
            .client
            .get(app.url("/en/vacancies"))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        let encoding = header(&r, "content-encoding");
        if expected.is_empty() {
            assert!(
                ["gzip", "br", "zstd", "deflate"].contains(&encoding.as_str()),
                "{accept}: {encoding}"
            );
        } else {
            assert_eq!(encoding, expected, "Accept-Encoding: {accept}");
        }
        let body = r.bytes().await.unwrap();
        assert!(
            !body.starts_with(b"<!doctype"),
            "{accept}: the body is really compressed"
        );
    }
    let plain = app
        .client
        .get(app.url("/en/vacancies"))
        .send()
        .await
        .unwrap();
    assert!(
        header(&plain, "content-encoding").is_empty()
            || header(&plain, "content-encoding") == "identity"
    );
    assert!(plain.text().await.unwrap().starts_with("<!doctype html>"));
}

backend_test!(healthz_answers_and_public_pages_set_no_cookie);
async fn healthz_answers_and_public_pages_set_no_cookie() {
    let app = common::spawn_app().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status().as_u16(), 200);
    let home = page(&app, "/en").await;
    let vacancy = attr(&home, ".card-title a", "href").unwrap();
    let client = common::new_client();
    for path in [
        "/en",
        "/en/vacancies",
        "/en/vacancies?q=rust&work_mode=remote&page=2",
        vacancy.as_str(),
        "/no-such-page",
        "/sitemap.xml",
        "/healthz",
        "/robots.txt",
    ] {
        let r = client.get(app.url(path)).send().await.unwrap();
        assert!(r.status().as_u16() < 500, "{path}");
        let cookies: Vec<_> = r.headers().get_all("set-cookie").iter().collect();
        assert!(cookies.is_empty(), "{path} set {cookies:?}");
    }
}

backend_test!(head_requests_get_the_headers_of_the_page);
async fn head_requests_get_the_headers_of_the_page() {
    let app = common::spawn_app().await;
    let home = page(&app, "/en").await;
    let vacancy = attr(&home, ".card-title a", "href").unwrap();
    for path in [
        "/en",
        "/en/vacancies",
        vacancy.as_str(),
        "/healthz",
        "/en/feed.xml",
    ] {
        let get = app.get(path).await;
        let head = app.client.head(app.url(path)).send().await.unwrap();
        assert_eq!(head.status().as_u16(), 200, "HEAD {path}");
        assert_eq!(
            head.headers().get("content-type"),
            get.headers().get("content-type"),
            "HEAD {path}"
        );
        assert!(head.headers().contains_key("content-security-policy"));
        assert!(
            head.bytes().await.unwrap().is_empty(),
            "HEAD {path} has no body"
        );
    }
    let r = app
        .client
        .head(app.url("/no-such-page"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
}

backend_test!(a_trailing_slash_redirects_to_the_page_and_never_off_site);
async fn a_trailing_slash_redirects_to_the_page_and_never_off_site() {
    let app = common::spawn_app().await;
    for (from, to) in [
        ("/en/vacancies/", "/en/vacancies"),
        (
            "/en/vacancies/?q=rust&page=2",
            "/en/vacancies?q=rust&page=2",
        ),
        ("/en/learn/", "/en/learn"),
    ] {
        let r = app.get(from).await;
        assert_eq!(r.status().as_u16(), 308, "{from}");
        assert_eq!(common::location(&r), to, "{from}");
    }
    // Followed, it lands on the page.
    assert_eq!(app.get("/en/vacancies").await.status().as_u16(), 200);
    // Addresses a browser would read as another host, and unknown pages, stay 404s.
    for path in ["//evil.example/", "/no-such-page/", "/en/vacancies//"] {
        let r = app.get(path).await;
        let to = common::location(&r);
        assert!(
            r.status().as_u16() == 404 || (r.status().as_u16() == 308 && !to.starts_with("//")),
            "{path} -> {} {to}",
            r.status()
        );
    }
    assert_eq!(app.get("//evil.example/").await.status().as_u16(), 404);
    // A POST is not redirected (a browser might drop its body).
    let r = app
        .client
        .post(app.url("/en/vacancies/"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
}

backend_test!(the_reindex_command_rebuilds_a_lost_search_index);
async fn the_reindex_command_rebuilds_a_lost_search_index() {
    let app = common::spawn_app().await;
    let heading = |html: &str| common::texts(html, "#results-heading").join(" ");
    let (_, before) = app.get_html("/en/vacancies?q=developer").await;
    assert!(
        !before.contains("No vacancies match"),
        "{}",
        heading(&before)
    );
    use diesel::RunQueryDsl;
    // A restore from an old backup, say: the index is empty.
    diesel::sql_query("DELETE FROM vacancy_search")
        .execute(&mut *app.conn())
        .unwrap();
    careers::db::search::clear_board_index(&mut app.conn()).unwrap();
    let (_, lost) = app.get_html("/en/vacancies?q=developer").await;
    assert!(lost.contains("No vacancies match"), "{}", heading(&lost));

    assert!(app.run_command(&["reindex"]).starts_with("reindexed "));
    let (_, after) = app.get_html("/en/vacancies?q=developer").await;
    assert_eq!(heading(&after), heading(&before));
}

// ---------------------------------------------------------------------------------------------
// 13. Escaping
// ---------------------------------------------------------------------------------------------

backend_test!(hostile_text_is_escaped_everywhere);
async fn hostile_text_is_escaped_everywhere() {
    let app = common::spawn_app_with(false).await;
    let title = "<script>alert(1)</script> Engineer";
    let mut f = job(&app, title);
    f.summary =
        "<script>alert(2)</script> Hello </script><script>alert(5)</script> & welcome".into();
    f.requirements = "- <img src=x onerror=alert(3)>".into();
    let v = publish(&app, &f, &["<b>Bold</b>"], hours(1));
    publish(
        &app,
        &job(&app, "Neighbour Role"),
        &["<b>Bold</b>"],
        hours(2),
    );

    let list = page(&app, "/en/vacancies").await;
    assert!(!list.contains("<script>alert"), "raw script in the list");
    assert!(list.contains("&#60;script&#62;alert(1)&#60;/script&#62; Engineer"));
    assert!(result_titles(&list).contains(&title.to_string()));
    let home = page(&app, "/en").await;
    assert!(!home.contains("<script>alert"));

    let html = page(&app, &format!("/en/vacancies/{}", v.slug)).await;
    assert_eq!(common::texts(&html, "h1"), [title]);
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the JSON-LD element is a script"
    );
    assert!(
        !html.contains("<img src=x") && !html.contains("onerror=\"") && !html.contains("<b>Bold"),
        "raw markup on the page"
    );
    assert!(html.contains("<title>&#60;script&#62;alert(1)&#60;/script&#62; Engineer"));
    let blocks = raw_json_ld_blocks(&html);
    assert_eq!(blocks.len(), 1);
    assert!(
        !blocks[0].contains('<'),
        "JSON-LD text could close its element: {}",
        blocks[0]
    );
    assert!(!blocks[0].to_lowercase().contains("</script"));
    let jp = job_posting(&html);
    assert_eq!(jp["title"], title, "the JSON still carries the real title");
    let description = jp["description"].as_str().unwrap();
    assert!(
        !description.contains("<script") && !description.contains("onerror"),
        "{description}"
    );

    let neighbour = page(&app, "/en/vacancies?q=neighbour").await;
    let href = attr(&neighbour, ".results .card-title a", "href").unwrap();
    let related = page(&app, &href).await;
    assert!(
        !related.contains("<script>alert"),
        "related cards escape titles too"
    );

    let reflected = [
        "q=%3Cscript%3Ealert(6)%3C%2Fscript%3E",
        "location=%22%3E%3Cscript%3Ealert(7)%3C%2Fscript%3E",
        "q=%22+onfocus%3D%22alert(8)",
    ];
    for query in reflected {
        let html = page(&app, &format!("/en/vacancies?{query}")).await;
        assert!(!html.contains("<script>alert"), "?{query}");
        assert!(
            !html.contains("\" onfocus=\"alert") && !html.contains("\"><script"),
            "?{query}"
        );
        assert_eq!(html.matches("<script").count(), 0, "?{query}");
    }
    let echoed = page(&app, "/en/vacancies?q=%3Cscript%3Ealert(6)%3C%2Fscript%3E").await;
    assert_eq!(
        attr(&echoed, "input#q", "value").as_deref(),
        Some("<script>alert(6)</script>")
    );
}

backend_test!(atom_feed_lists_open_vacancies_only);
async fn atom_feed_lists_open_vacancies_only() {
    let app = common::spawn_app_with(false).await;
    let open = publish(&app, &job(&app, "Feed <Open> & Co"), &["Rust"], hours(2));
    let mut closed = publish(&app, &job(&app, "Feed Closed"), &["Rust"], hours(1));
    set_status(&app, &mut closed, VacancyStatus::Closed, None);
    insert(&app, &job(&app, "Feed Draft"), &["Rust"]);

    let r = app.get("/en/feed.xml").await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(header(&r, "content-type").starts_with("application/atom+xml"));
    let xml = r.text().await.unwrap();
    assert!(xml.contains("<title>Feed &#60;Open&#62; &#38; Co</title>"));
    assert!(xml.contains(&format!(
        "<id>http://careers.test/en/vacancies/{}</id>",
        open.slug
    )));
    assert_eq!(
        xml.matches("<entry>").count(),
        1,
        "closed and draft left out"
    );
    let (_, home) = app.get_html("/en").await;
    assert!(home.contains(r#"<link rel="alternate" type="application/atom+xml""#));
}

backend_test!(feed_and_sitemap_are_well_formed_xml_with_special_characters);
async fn feed_and_sitemap_are_well_formed_xml_with_special_characters() {
    let app = common::spawn_app_configured(false, |c| c.org_name = "R&D <Labs>".into()).await;
    let title = r#"Rust & C++ <Lead> "Platform" 'Ops'"#;
    let mut fields = job(&app, title);
    fields.summary = "Build <b>tools</b> & more.".into();
    publish(&app, &fields, &["Rust"], hours(1));

    let feed = app.get("/en/feed.xml").await.text().await.unwrap();
    let titles = xml_texts(&feed, "title").unwrap_or_else(|e| panic!("{e}\n{feed}"));
    assert_eq!(titles, ["R&D <Labs>: Open vacancies", title]);
    let summaries = xml_texts(&feed, "summary").unwrap();
    assert!(
        summaries[0].ends_with(". Build <b>tools</b> & more."),
        "{summaries:?}"
    );
    assert!(!feed.contains("<Lead>") && !feed.contains("<b>"), "{feed}");

    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    let locs = xml_texts(&sitemap, "loc").unwrap_or_else(|e| panic!("{e}\n{sitemap}"));
    assert!(locs
        .iter()
        .any(|l| l.starts_with("http://careers.test/en/vacancies/rust-c")));
}

/// A small well-formedness check of an XML document (one root; tags nest and match; attribute
/// values quoted; no raw `<` in text or values; `&` only as an entity) that returns the decoded
/// text of every element named `name`.
fn xml_texts(xml: &str, name: &str) -> Result<Vec<String>, String> {
    fn decode(text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(at) = rest.find(['&', '<']) {
            out.push_str(&rest[..at]);
            if rest[at..].starts_with('<') {
                return Err(format!("raw < in {text:?}"));
            }
            let end = rest[at..]
                .find(';')
                .ok_or(format!("unended entity in {text:?}"))?;
            let entity = &rest[at + 1..at + end];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => entity
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| entity.strip_prefix('#').map(|d| d.parse()))
                    .and_then(|n| n.ok())
                    .and_then(char::from_u32)
                    .ok_or(format!("unknown entity &{entity}; in {text:?}"))?,
            };
            out.push(c);
            rest = &rest[at + end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }
    let body = xml
        .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
        .ok_or("no XML declaration")?;
    let mut stack: Vec<&str> = Vec::new();
    let (mut texts, mut roots) = (Vec::new(), 0);
    let mut current: Option<String> = None;
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let text = decode(&rest[..open])?;
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        if let Some(t) = current.as_mut() {
            t.push_str(&text);
        }
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix('/') {
            let close = after.find('>').ok_or("unended end tag")?;
            let tag = after[..close].trim_end();
            match stack.pop() {
                Some(open) if open == tag => {}
                other => return Err(format!("</{tag}> closes {other:?}")),
            }
            if tag == name {
                texts.extend(current.take());
            }
            rest = &after[close + 1..];
            continue;
        }
        let tag_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .ok_or("unended tag")?;
        let tag = &rest[..tag_end];
        if tag.is_empty()
            || !tag
                .chars()
                .all(|c| c.is_alphanumeric() || c == ':' || c == '-')
        {
            return Err(format!("bad tag name {tag:?}"));
        }
        rest = rest[tag_end..].trim_start();
        // Attributes: name="value" or name='value'.
        while !rest.starts_with('>') && !rest.starts_with("/>") {
            let eq = rest
                .find('=')
                .ok_or(format!("attribute without value in <{tag}>"))?;
            let quote = rest[eq + 1..].chars().next().ok_or("unended tag")?;
            if quote != '"' && quote != '\'' {
                return Err(format!("unquoted attribute in <{tag}>"));
            }
            let value_end = rest[eq + 2..].find(quote).ok_or("unended value")?;
            decode(&rest[eq + 2..eq + 2 + value_end])?;
            rest = rest[eq + 2 + value_end + 1..].trim_start();
        }
        if stack.is_empty() {
            roots += 1;
        }
        if let Some(after) = rest.strip_prefix("/>") {
            rest = after;
        } else {
            stack.push(tag);
            if tag == name {
                current = Some(String::new());
            }
            rest = &rest[1..];
        }
    }
    if !rest.trim().is_empty() || !stack.is_empty() || roots != 1 {
        return Err(format!(
            "unclosed {stack:?}, {roots} roots, trailing {rest:?}"
        ));
    }
    Ok(texts)
}

#[test]
fn the_xml_check_refuses_malformed_documents() {
    let doc = |body: &str| format!(r#"<?xml version="1.0" encoding="UTF-8"?>{body}"#);
    let ok = doc(r#"<a x="1 &#60; 2"><t>R&amp;D &#60;b&#62;</t><e/></a>"#);
    assert_eq!(xml_texts(&ok, "t").unwrap(), ["R&D <b>"]);
    for bad in [
        "<a><t>R&D</t></a>",
        "<a><t>1 < 2</t></a>",
        r#"<a x="<"></a>"#,
        "<a x=1></a>",
        "<a><t></a></t>",
        "<a></a><b></b>",
        "<a>",
        "text<a></a>",
    ] {
        assert!(xml_texts(&doc(bad), "t").is_err(), "{bad}");
    }
}
