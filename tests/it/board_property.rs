//! The board's SQL against a brute-force reading of the same rows: for random filter
//! combinations over a few hundred varied vacancies, the database's results, their order, the
//! total and every facet count equal what the reference rules (`Filters::matches`, the keyword
//! tiers, the sort orders) give over all rows in Rust. Both backends. The rows are in two
//! languages, some translations of others, some hidden from other languages; after the
//! first searches they are closed, reopened, re-dated and lapsed (swept), and the searches run
//! again, each in a random language, against the listing rule computed in Rust.

use crate::common::{self, TestApp};
use careers::db;
use careers::domain::board::{self, Dim};
use careers::models::{
    Category, Employment, Filters, Seniority, Sort, Vacancy, VacancyFields, VacancyStatus,
    WorkMode, PAGE_SIZE,
};
use careers::schema::vacancies;
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use time::Duration;

const ROWS: usize = 240;
const SEARCHES: usize = 60;

const ROLES: &[&str] = &[
    "Backend Engineer",
    "Rust Developer",
    "Data Analyst",
    "QA Automation Engineer",
    "DevOps Engineer",
    "iOS Developer",
    "Frontend Developer",
    "Security Analyst",
];
const PREFIXES: &[&str] = &["Senior", "Junior", "Lead", "Platform", "Cloud", ""];
const SKILLS: &[&str] = &[
    "Rust",
    "Go",
    "Python",
    "SQL",
    "PostgreSQL",
    "Kubernetes",
    "React",
    "Swift",
    "Terraform",
    "Kafka",
];
const WORDS: &[&str] = &[
    "payments",
    "logistics",
    "search",
    "platform",
    "mobile",
    "data",
    "analytics",
    "cloud",
    "testing",
    "security",
];
const PLACES: &[(&str, &str)] = &[
    ("Berlin", "DE"),
    ("Amsterdam", "NL"),
    ("Madrid", "ES"),
    ("Lisbon", "PT"),
    ("Munich", "DE"),
];
const KEYWORDS: &[&str] = &[
    "rust", "data", "engineer", "dev", "sql", "payments", "cloud", "kafka", "analyst", "go",
];

fn generate(app: &TestApp, rng: &mut StdRng, categories: &[Category]) {
    // English originals not yet translated: a group has one version per language.
    let mut untranslated: Vec<i32> = Vec::new();
    for i in 0..ROWS {
        let role = ROLES.choose(rng).unwrap();
        let prefix = PREFIXES.choose(rng).unwrap();
        let title = format!("{prefix} {role}").trim().to_string();
        let work_mode = *WorkMode::ALL.choose(rng).unwrap();
        let (city, country) = *PLACES.choose(rng).unwrap();
        let remote = work_mode == WorkMode::Remote;
        let salary = rng
            .random_bool(0.7)
            .then(|| rng.random_range(20..150) * 1000);
        let period = ["year", "month", "hour"].choose(rng).unwrap().to_string();
        let words: Vec<&str> = (0..3).map(|_| *WORDS.choose(rng).unwrap()).collect();
        let fields = VacancyFields {
            title,
            category_id: categories.choose(rng).unwrap().id,
            seniority: Seniority::ALL.choose(rng).unwrap().as_str().into(),
            employment: Employment::ALL.choose(rng).unwrap().as_str().into(),
            work_mode: work_mode.as_str().into(),
            location: if remote { String::new() } else { city.into() },
            country: if remote {
                String::new()
            } else {
                country.into()
            },
            // Some list a second place, which the location filter must find them by too.
            other_places: match PLACES.choose(rng).unwrap() {
                (city, code) if !remote && rng.random_bool(0.3) => format!("{code} {city}"),
                _ => String::new(),
            },
            remote_countries: if remote {
                "DE,ES".into()
            } else {
                String::new()
            },
            salary_min: salary.map(|s| s / 2),
            salary_max: salary.filter(|_| rng.random_bool(0.8)),
            salary_currency: salary.map(|_| "EUR".into()),
            salary_period: salary.map(|_| match period.as_str() {
                "month" => "month".into(),
                "hour" => "hour".into(),
                _ => "year".into(),
            }),
            summary: format!("Work on {} for our {} team.", words[0], words[1]),
            responsibilities: format!("- Improve {}\n- Review code", words[2]),
            requirements: "- Curiosity".into(),
            valid_through: match rng.random_range(0..10) {
                0 => Some(careers::clock::now() - Duration::days(2)),
                1..=4 => Some(careers::clock::now() + Duration::days(30)),
                _ => None,
            },
            ..VacancyFields::default()
        };
        let skills: Vec<String> = (0..rng.random_range(1..4))
            .map(|_| SKILLS.choose(rng).unwrap().to_string())
            .fold(Vec::new(), |mut acc, s| {
                if !acc.contains(&s) {
                    acc.push(s);
                }
                acc
            });
        let mut conn = app.conn();
        let id = db::vacancies::insert(&mut conn, &fields, &skills, None).unwrap();
        // A third in Spanish, half of those translations of an earlier vacancy; some hidden
        // from other languages.
        let lang = if rng.random_bool(0.33) { "es" } else { "en" };
        let translation_of = (lang == "es" && !untranslated.is_empty() && rng.random_bool(0.5))
            .then(|| untranslated.swap_remove(rng.random_range(0..untranslated.len())));
        if lang == "en" {
            untranslated.push(id);
        }
        diesel::update(vacancies::table.find(id))
            .set((
                vacancies::lang.eq(lang),
                vacancies::translation_of.eq(translation_of),
                vacancies::other_languages.eq(rng.random_bool(0.8)),
            ))
            .execute(&mut *conn)
            .unwrap();
        careers::actions::reindex::vacancy(&mut conn, id).unwrap();
        let status = match rng.random_range(0..20) {
            0 => VacancyStatus::Draft,
            1 => VacancyStatus::Closed,
            _ => VacancyStatus::Published,
        };
        // Some equal publication times, so the id decides among them.
        let at = careers::clock::now() - Duration::minutes((i / 3) as i64 * 7 + 1);
        let published = (status != VacancyStatus::Draft).then_some(at);
        db::vacancies::set_status(&mut conn, id, status, published).unwrap();
        db::listing::sync_vacancy(&mut conn, id, careers::clock::now()).unwrap();
    }
}

fn random_filters(rng: &mut StdRng, categories: &[Category]) -> Filters {
    let mut f = Filters {
        page: 1,
        ..Filters::default()
    };
    if rng.random_bool(0.5) {
        let n = rng.random_range(1..3);
        f.q = (0..n)
            .map(|_| *KEYWORDS.choose(rng).unwrap())
            .collect::<Vec<_>>()
            .join(" ");
    }
    if rng.random_bool(0.3) {
        f.categories = vec![categories.choose(rng).unwrap().slug.clone()];
    }
    if rng.random_bool(0.3) {
        f.seniorities = vec![*Seniority::ALL.choose(rng).unwrap()];
        if rng.random_bool(0.5) {
            let other = *Seniority::ALL.choose(rng).unwrap();
            if !f.seniorities.contains(&other) {
                f.seniorities.push(other);
            }
        }
    }
    if rng.random_bool(0.25) {
        f.employments = vec![*Employment::ALL.choose(rng).unwrap()];
    }
    if rng.random_bool(0.25) {
        f.work_modes = vec![*WorkMode::ALL.choose(rng).unwrap()];
    }
    if rng.random_bool(0.2) {
        f.location = ["berlin", "Germany", "remote", "NL", "madr"]
            .choose(rng)
            .unwrap()
            .to_string();
    }
    if rng.random_bool(0.2) {
        f.salary_min = Some(rng.random_range(20..120) * 1000);
    }
    if rng.random_bool(0.25) {
        // ES: remote vacancies hire from there (DE too, which also has places).
        f.country = ["DE", "ES", "NL", "PT"].choose(rng).unwrap().to_string();
    }
    if rng.random_bool(0.3) {
        f.sort = Sort::Salary;
    }
    f
}

/// The words of a text as the index sees ASCII text: letters and digits, lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

fn has_prefix(field: &[String], keyword: &str) -> bool {
    field.iter().any(|w| w.starts_with(keyword))
}

struct Row {
    vacancy: Vacancy,
    category: Category,
    title: Vec<String>,
    skills: Vec<String>,
    body: Vec<String>,
}

impl Row {
    /// `None` when not every keyword is found; else 2 (all in the title), 1 (all in title or
    /// skills) or 0.
    fn tier(&self, keywords: &[String]) -> Option<u8> {
        let anywhere = |k: &String| {
            has_prefix(&self.title, k) || has_prefix(&self.skills, k) || has_prefix(&self.body, k)
        };
        if !keywords.iter().all(anywhere) {
            return None;
        }
        if keywords.iter().all(|k| has_prefix(&self.title, k)) {
            Some(2)
        } else if keywords
            .iter()
            .all(|k| has_prefix(&self.title, k) || has_prefix(&self.skills, k))
        {
            Some(1)
        } else {
            Some(0)
        }
    }
}

/// The open vacancies `lang` lists, by the rule in Rust: its own, plus those of another
/// language whose group has no open vacancy in it and that may be shown elsewhere.
fn load_rows(app: &TestApp, lang: &str, categories: &[Category]) -> Vec<Row> {
    let mut conn = app.conn();
    let now = careers::clock::now();
    let open: Vec<Vacancy> = db::vacancies::all(&mut conn)
        .unwrap()
        .into_iter()
        .filter(|v| v.is_open(now))
        .collect();
    let group = |v: &Vacancy| v.translation_of.unwrap_or(v.id);
    let listed: Vec<Vacancy> = open
        .iter()
        .filter(|v| {
            v.lang == lang
                || (v.other_languages
                    && !open.iter().any(|o| o.lang == lang && group(o) == group(v)))
        })
        .cloned()
        .collect();
    listed
        .into_iter()
        .map(|vacancy| {
            let category = categories
                .iter()
                .find(|c| c.id == vacancy.category_id)
                .unwrap()
                .clone();
            let detail = db::vacancies::by_id(&mut conn, vacancy.id)
                .unwrap()
                .unwrap();
            let skills: Vec<String> = detail.skills.iter().map(|s| s.name.clone()).collect();
            let body = [
                vacancy.summary.as_str(),
                &vacancy.responsibilities,
                &vacancy.requirements,
                &vacancy.nice_to_have,
                &vacancy.benefits,
            ]
            .join("\n");
            Row {
                title: words(&vacancy.title),
                skills: words(&skills.join(" ")),
                body: words(&body),
                vacancy,
                category,
            }
        })
        .collect()
}

/// Whether the country facet has counts: always without keywords, location or salary; with
/// them, when no country filter is on (and, at this size, under the limit).
fn country_counted(f: &Filters) -> bool {
    (f.q.is_empty() && f.location.is_empty() && f.salary_min.is_none()) || f.country.is_empty()
}

/// Slugs in the board's order, every facet count and the total, computed over all rows.
fn brute_force(
    rows: &[Row],
    f: &Filters,
    categories: &[Category],
) -> (Vec<String>, BTreeMap<String, usize>) {
    let keywords = board::keywords(&f.q);
    let candidates: Vec<(&Row, u8)> = rows
        .iter()
        .filter_map(|r| {
            if keywords.is_empty() {
                Some((r, 0))
            } else {
                r.tier(&keywords).map(|t| (r, t))
            }
        })
        .collect();
    let mut counts = BTreeMap::new();
    for (dim, name) in [
        (Dim::Category, "category"),
        (Dim::Seniority, "seniority"),
        (Dim::Employment, "employment"),
        (Dim::WorkMode, "work_mode"),
    ] {
        for (r, _) in &candidates {
            if f.matches(&(r.vacancy.clone(), r.category.clone()), Some(dim)) {
                let value = match dim {
                    Dim::Category => r.category.slug.clone(),
                    Dim::Seniority => r.vacancy.seniority.clone(),
                    Dim::Employment => r.vacancy.employment.clone(),
                    Dim::WorkMode => r.vacancy.work_mode.clone(),
                };
                *counts.entry(format!("{name}={value}")).or_insert(0) += 1;
            }
        }
    }
    let _ = categories;
    // The country facet: the search without its own country filter, every facet filter on.
    let without_country = Filters {
        country: String::new(),
        ..f.clone()
    };
    for (r, _) in candidates.iter().filter(|_| country_counted(f)) {
        if without_country.matches(&(r.vacancy.clone(), r.category.clone()), None) {
            for code in r.vacancy.country_codes() {
                *counts.entry(format!("country={code}")).or_insert(0) += 1;
            }
        }
    }
    let mut hits: Vec<(&Row, u8)> = candidates
        .into_iter()
        .filter(|(r, _)| f.matches(&(r.vacancy.clone(), r.category.clone()), None))
        .collect();
    hits.sort_by(|(a, ta), (b, tb)| {
        let salary = |r: &Row| r.vacancy.yearly_salary_top();
        let by_salary = if f.sort == Sort::Salary {
            // Stated before not stated, then highest first.
            salary(a)
                .is_none()
                .cmp(&salary(b).is_none())
                .then(salary(b).cmp(&salary(a)))
        } else {
            std::cmp::Ordering::Equal
        };
        by_salary
            .then(tb.cmp(ta))
            .then(b.vacancy.published_at.cmp(&a.vacancy.published_at))
            .then(b.vacancy.id.cmp(&a.vacancy.id))
    });
    counts.insert("total".into(), hits.len());
    (
        hits.into_iter()
            .map(|(r, _)| r.vacancy.slug.clone())
            .collect(),
        counts,
    )
}

/// The same through the database: the pages' slugs in order, every facet count and the total.
fn from_database(
    app: &TestApp,
    f: &Filters,
    categories: &[Category],
    pages: usize,
    lang: &str,
) -> (Vec<String>, BTreeMap<String, usize>) {
    let keywords = board::keywords(&f.q);
    let mut slugs = Vec::new();
    let mut counts = BTreeMap::new();
    for page in 1..=pages {
        let filters = f.with_page(page);
        let search = db::board::Search {
            filters: &filters,
            category_ids: board::category_ids(&filters, categories),
            keywords: &keywords,
            now: careers::clock::now(),
            lang,
        };
        let found = db::board::search(&mut app.conn(), &search, categories).unwrap();
        if found.page != page {
            break;
        }
        let shown = board::page(
            &filters,
            categories,
            found.rows,
            &found.combos,
            found.total,
            found.page,
            careers::i18n::Lang::fallback(),
        );
        if page == 1 {
            for facet in &shown.facets {
                for value in &facet.values {
                    if value.count > 0 {
                        counts.insert(format!("{}={}", facet.name, value.value), value.count);
                    }
                }
            }
            counts.insert("total".into(), shown.total);
            let countries = board::country_options(
                &filters,
                categories,
                &found.countries.combos,
                found.countries.counted,
            );
            // A few hundred rows: counted unless a country filter hides what to count.
            assert_eq!(
                found.countries.counted,
                country_counted(&filters),
                "{filters:?}"
            );
            for c in countries {
                if let Some(n) = c.count.filter(|n| *n > 0) {
                    counts.insert(format!("country={}", c.code), n);
                }
            }
        }
        slugs.extend(shown.rows.into_iter().map(|(v, _)| v.slug));
    }
    (slugs, counts)
}

/// Random searches in random languages, each compared with the brute force.
fn compare(app: &TestApp, rng: &mut StdRng, categories: &[Category], searches: usize) {
    let rows: Vec<(&str, Vec<Row>)> = ["en", "es"]
        .into_iter()
        .map(|lang| (lang, load_rows(app, lang, categories)))
        .collect();
    for (lang, listed) in &rows {
        assert!(listed.len() > 10, "{lang} lists a good number");
    }
    for round in 0..searches {
        let (lang, listed) = rows.choose(rng).unwrap();
        let filters = random_filters(rng, categories);
        let (expected, expected_counts) = brute_force(listed, &filters, categories);
        let pages = expected.len().div_ceil(PAGE_SIZE).clamp(1, 3);
        let (got, got_counts) = from_database(app, &filters, categories, pages, lang);
        let shown = expected.len().min(pages * PAGE_SIZE);
        assert_eq!(
            got,
            expected[..shown],
            "round {round} ({lang}): order for {filters:?}"
        );
        assert_eq!(
            got_counts, expected_counts,
            "round {round} ({lang}): counts for {filters:?}"
        );
    }
}

/// Closes, reopens, re-dates and lapses random vacancies the way the actions do (the write,
/// then the board's sync of the vacancy's group), and lapses a few for the sweep.
fn churn(app: &TestApp, rng: &mut StdRng) {
    let mut conn = app.conn();
    let now = careers::clock::now();
    let all = db::vacancies::all(&mut conn).unwrap();
    for v in all.choose_multiple(rng, ROWS / 4) {
        match rng.random_range(0..4) {
            0 => db::vacancies::set_status(&mut conn, v.id, VacancyStatus::Closed, v.published_at)
                .unwrap(),
            1 => db::vacancies::set_status(
                &mut conn,
                v.id,
                VacancyStatus::Published,
                Some(now - Duration::seconds(rng.random_range(0..3))),
            )
            .unwrap(),
            2 => db::vacancies::set_dates(
                &mut conn,
                v.id,
                v.published_at
                    .map(|_| now - Duration::minutes(rng.random_range(0..900))),
                v.created_at,
            )
            .unwrap(),
            _ => {
                // Lapsed an hour ago, and the sweep has not run yet.
                crate::board_languages::lapse(app, v.id);
                continue;
            }
        }
        db::listing::sync_vacancy(&mut conn, v.id, now).unwrap();
    }
    careers::actions::vacancies::expire_lapsed(&mut conn).unwrap();
}

backend_test!(the_board_queries_agree_with_brute_force);
async fn the_board_queries_agree_with_brute_force() {
    let app = common::spawn_app_with(false).await;
    let categories = db::taxonomy::categories(&mut app.conn()).unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    generate(&app, &mut rng, &categories);
    compare(&app, &mut rng, &categories, SEARCHES);
    churn(&app, &mut rng);
    compare(&app, &mut rng, &categories, SEARCHES);
}

backend_test!(a_page_past_the_end_shows_the_last_page);
async fn a_page_past_the_end_shows_the_last_page() {
    let app = common::spawn_app_with(false).await;
    let categories = db::taxonomy::categories(&mut app.conn()).unwrap();
    let mut rng = StdRng::seed_from_u64(11);
    generate(&app, &mut rng, &categories);
    let (_, html) = app.get_html("/en/vacancies?page=99999").await;
    let (_, last) = app.get_html("/en/vacancies").await;
    let total = common::texts(&last, "#results-heading")[0]
        .split_whitespace()
        .next()
        .unwrap()
        .parse::<usize>()
        .unwrap();
    let last_page = total.div_ceil(PAGE_SIZE);
    let (_, expected) = app
        .get_html(&format!("/en/vacancies?page={last_page}"))
        .await;
    assert_eq!(
        common::texts(&html, ".results .card-title"),
        common::texts(&expected, ".results .card-title")
    );
}
