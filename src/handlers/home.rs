//! The home page.

use actix_session::Session;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{is_page_of, AppState};
use crate::db;
use crate::domain::{board, translations};
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::i18n::Lang;
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

pub async fn show(
    lang: Lang,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let (latest, combos, paths, articles) = state
        .run(move |conn| {
            let everything = Filters::default();
            let search = db::board::Search {
                filters: &everything,
                category_ids: Vec::new(),
                keywords: &[],
                now,
                lang: lang.code(),
            };
            Ok((
                db::board::newest_open(conn, lang.code(), LATEST_VACANCIES)?,
                db::board::facet_combos(conn, &search)?,
                db::learning::paths_with_published_articles(conn)?,
                // Enough to find the latest in the page's language among the translations.
                db::learning::latest_articles(conn, LATEST_ARTICLES * 8)?,
            ))
        })
        .await?;
    let counts = board::Counts::from_combos(&combos);
    let paths = translations::for_reader(paths, lang);
    let mut articles = translations::for_reader(articles, lang);
    articles.truncate(LATEST_ARTICLES as usize);
    let page = HomePage {
        ctx: PageCtx::public(&state.site, &session, Area::Home, lang)
            .with_canonical(state.site.absolute(&format!("/{lang}")))
            .mirrored(&state.site, "")
            .with_shortlist(super::saved::saved_ids(&req, &state), format!("/{lang}")),
        latest,
        categories: counts.categories(&state.categories),
        seniorities: counts.seniorities(),
        total: counts.total,
        paths,
        articles,
    };
    views::ok(&page)
}

/// Remembers the language switch's choice for `/`.
pub const LANG_COOKIE: &str = "careers_lang";

/// `/`: the visitor's earlier choice, else their browser's languages, else `DEFAULT_LANG`.
pub async fn choose_language(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let site = &state.site;
    let chosen = req
        .cookie(LANG_COOKIE)
        .and_then(|c| site.language(c.value()))
        .or_else(|| {
            let header = req.headers().get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            i18n::negotiate(header, &site.languages)
        })
        .unwrap_or(site.default_lang);
    HttpResponse::Found()
        .insert_header((header::LOCATION, format!("/{chosen}")))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .finish()
}

#[derive(serde::Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// The language switch: remembers the choice for a year, then opens the page in that language.
/// `next` must be a page of that language on this site; anything else goes to its home.
pub async fn switch_language(
    path: web::Path<String>,
    query: web::Query<SwitchQuery>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let lang = state
        .site
        .language(&path.into_inner())
        .ok_or(AppError::NotFound)?;
    let home = format!("/{lang}");
    let next = query
        .next
        .as_deref()
        .filter(|next| is_page_of(next, &home))
        .unwrap_or(&home);
    let cookie = Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .max_age(time::Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .finish();
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, next))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .cookie(cookie)
        .finish())
}
