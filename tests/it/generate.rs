//! `careers generate`: synthetic vacancies land with the promised shares, show on the board,
//! are indexed as `careers reindex` would index them, and repeat for the same seed.

use std::collections::{BTreeSet, HashSet};

use crate::common::{self, TestApp, TestBackend};
use careers::db;
use careers::models::{Vacancy, VacancyStatus};
use diesel::prelude::*;

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

async fn board_total(app: &TestApp) -> usize {
    // A new client: `run_command` blocks the test's runtime for longer than the server's
    // keep-alive, so a pooled connection may be closed under the client's feet.
    let (status, html) = app.with_new_client().get_html("/en/vacancies").await;
    assert_eq!(status, 200);
    total(&html)
}

fn vacancies(app: &TestApp) -> Vec<Vacancy> {
    let mut all = db::vacancies::all(&mut app.conn()).unwrap();
    all.sort_by_key(|v| v.id);
    all
}

fn generate(app: &TestApp, count: usize, seed: u64) {
    let out = app.run_command(&[
        "generate",
        "--vacancies",
        &count.to_string(),
        "--seed",
        &seed.to_string(),
    ]);
    assert!(
        out.starts_with(&format!("generated {count} vacancies in ")),
        "{out}"
    );
}

/// How the new rows stand: (open, expired, closed, drafts).
fn shares(rows: &[&Vacancy]) -> (usize, usize, usize, usize) {
    let now = careers::clock::now();
    let count = |f: &dyn Fn(&Vacancy) -> bool| rows.iter().filter(|v| f(v)).count();
    (
        count(&|v| v.is_open(now)),
        count(&|v| v.status() == VacancyStatus::Published && v.is_expired(now)),
        count(&|v| v.status() == VacancyStatus::Closed),
        count(&|v| v.status() == VacancyStatus::Draft),
    )
}

backend_test!(generated_vacancies_show_on_the_board_and_a_second_run_adds_more);
async fn generated_vacancies_show_on_the_board_and_a_second_run_adds_more() {
    // The demo content gives existing vacancies and skills to add to.
    let app = common::spawn_app().await;
    let before = vacancies(&app);
    let first_new = before.iter().map(|v| v.id).max().unwrap_or(0) + 1;
    let board_before = board_total(&app).await;

    generate(&app, 300, 7);
    let all = vacancies(&app);
    assert_eq!(all.len(), before.len() + 300);
    let new: Vec<&Vacancy> = all.iter().filter(|v| v.id >= first_new).collect();
    assert_eq!(new.len(), 300);
    // 2 % drafts, 5 % closed, 5 % expired, the rest open.
    assert_eq!(shares(&new), (264, 15, 15, 6));
    assert_eq!(board_total(&app).await, board_before + 264);

    let categories = db::taxonomy::categories(&mut app.conn()).unwrap();
    let used: BTreeSet<i32> = new.iter().map(|v| v.category_id).collect();
    assert_eq!(
        used.len(),
        categories.len(),
        "every category gets vacancies"
    );
    for v in &new {
        let skills = db::taxonomy::skills_of(&mut app.conn(), v.id).unwrap();
        assert!((2..=6).contains(&skills.len()), "{}: {skills:?}", v.title);
        // The slug's number continues above every id there was.
        let number: i32 = v.slug.rsplit('-').next().unwrap().parse().unwrap();
        assert!(number >= first_new, "{}", v.slug);
    }
    let titles: HashSet<&str> = new.iter().map(|v| v.title.as_str()).collect();
    assert!(
        titles.len() > 50 && titles.len() < 300,
        "titles repeat, but not all the same: {} distinct",
        titles.len()
    );

    // Another seed into the same database: 300 more, no slug clash.
    generate(&app, 300, 8);
    let all = vacancies(&app);
    assert_eq!(all.len(), before.len() + 600);
    let slugs: HashSet<&str> = all.iter().map(|v| v.slug.as_str()).collect();
    assert_eq!(slugs.len(), all.len());
    let newer: Vec<&Vacancy> = all.iter().filter(|v| v.id >= first_new).collect();
    let (open, expired, closed, drafts) = shares(&newer);
    assert_eq!((open, expired, closed, drafts), (528, 30, 30, 12));
    assert_eq!(board_total(&app).await, board_before + 528);
}

/// The keyword index as text: one line per vacancy.
fn index_snapshot(app: &TestApp) -> Vec<(i32, String)> {
    #[derive(QueryableByName)]
    struct Entry {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        id: i32,
        #[diesel(sql_type = diesel::sql_types::Text)]
        doc: String,
    }
    let query = match app.backend {
        TestBackend::Sqlite => {
            "SELECT rowid AS id, title || '|' || skills || '|' || body AS doc \
             FROM vacancy_search ORDER BY rowid"
        }
        TestBackend::Postgres => {
            "SELECT vacancy_id AS id, document::text AS doc FROM vacancy_search \
             ORDER BY vacancy_id"
        }
    };
    diesel::sql_query(query)
        .load::<Entry>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e.doc))
        .collect()
}

backend_test!(generated_vacancies_are_indexed_as_reindex_would_index_them);
async fn generated_vacancies_are_indexed_as_reindex_would_index_them() {
    let app = common::spawn_app_with(false).await;
    generate(&app, 300, 3);
    let generated = index_snapshot(&app);
    assert_eq!(generated.len(), 300);

    assert!(app.run_command(&["reindex"]).starts_with("reindexed 300 "));
    assert_eq!(index_snapshot(&app), generated);

    // And the board's search finds them.
    let (_, html) = app
        .with_new_client()
        .get_html("/en/vacancies?q=engineer")
        .await;
    assert!(total(&html) > 0);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_vacancies() {
    let mut runs = Vec::new();
    for seed in [42, 42, 43] {
        let app = common::spawn_app_on(TestBackend::Sqlite, false)
            .await
            .expect("SQLite always runs");
        generate(&app, 300, seed);
        let titles: Vec<String> = vacancies(&app).into_iter().map(|v| v.title).collect();
        assert_eq!(titles.len(), 300);
        runs.push(titles);
    }
    assert_eq!(runs[0], runs[1], "seed 42 twice");
    assert_ne!(runs[0], runs[2], "seeds 42 and 43");
}
