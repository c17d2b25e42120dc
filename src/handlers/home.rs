//! The home page.

use actix_session::Session;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::AppState;
use crate::db;
use crate::domain::board;
use crate::error::AppResult;
use crate::models::{Article, Category, Filters, LearningPath, Seniority, Vacancy};
use crate::views::{self, Area, PageCtx};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageCtx,
    latest: Vec<(Vacancy, Category)>,
    categories: Vec<(Category, usize)>,
    seniorities: Vec<(Seniority, usize)>,
    total: usize,
    paths: Vec<LearningPath>,
    articles: Vec<Article>,
}

const LATEST_ARTICLES: i64 = 3;
const LATEST_VACANCIES: i64 = 6;

pub async fn show(state: web::Data<AppState>, session: Session) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let (latest, combos, paths, articles) = state
        .run(move |conn| {
            let everything = Filters::default();
            let search = db::board::Search {
                filters: &everything,
                category_ids: Vec::new(),
                keywords: &[],
                now,
            };
            Ok((
                db::board::newest_open(conn, now, LATEST_VACANCIES)?,
                db::board::facet_combos(conn, &search)?,
                db::learning::paths_with_published_articles(conn)?,
                db::learning::latest_articles(conn, LATEST_ARTICLES)?,
            ))
        })
        .await?;
    let counts = board::Counts::from_combos(&combos);
    let page = HomePage {
        ctx: PageCtx::public(&state.site, &session, Area::Home)
            .with_canonical(state.site.absolute("/")),
        latest,
        categories: counts.categories(&state.categories),
        seniorities: counts.seniorities(),
        total: counts.total,
        paths,
        articles,
    };
    views::ok(&page)
}
