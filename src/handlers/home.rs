//! The home page.

use actix_session::Session;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::AppState;
use crate::db;
use crate::error::AppResult;
use crate::models::{Article, Category, LearningPath, Seniority, Vacancy};
use crate::views::{self, PageCtx};

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

pub async fn show(state: web::Data<AppState>, session: Session) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let (open, categories, paths, articles) = state
        .run(move |conn| {
            Ok((
                db::vacancies::open(conn, now)?,
                db::taxonomy::categories(conn)?,
                db::learning::paths_with_published_articles(conn)?,
                db::learning::latest_articles(conn, LATEST_ARTICLES)?,
            ))
        })
        .await?;
    let categories = categories
        .into_iter()
        .map(|c| {
            let n = open.iter().filter(|(_, oc)| oc.id == c.id).count();
            (c, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let seniorities = Seniority::ALL
        .iter()
        .map(|s| {
            (
                *s,
                open.iter()
                    .filter(|(v, _)| v.seniority == s.as_str())
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let total = open.len();
    let page = HomePage {
        ctx: PageCtx::public(&state.site, &session, "home")
            .with_canonical(state.site.absolute("/")),
        latest: open.into_iter().take(6).collect(),
        categories,
        seniorities,
        total,
        paths,
        articles,
    };
    views::ok(&page)
}
