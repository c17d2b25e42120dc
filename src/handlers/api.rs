//! The list's search as an Atom feed and as JSON, one vacancy as JSON, and the OpenAPI 3.1
//! document that describes them (generated from the types in `views::api`).

use actix_web::{web, HttpRequest, HttpResponse};
use utoipa::OpenApi;

use super::meta::{self, FeedOf};
use super::{vacancies, AppState};
use crate::db;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::views::api::{self, ApiError, Builder, SearchParams, VacancyDocument, VacancyList};
use crate::views::board;

/// The public API, as `/api/openapi.json` serves it.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "careers public API",
        description = "Open vacancies as JSON and Atom, by the same query string as the \
                       vacancy list. Read-only (GET and HEAD), open to any origin (CORS), with \
                       ETags. No personal data."
    ),
    paths(search_json, search_atom, vacancy_json, openapi),
    components(schemas(VacancyList, VacancyDocument, ApiError))
)]
pub struct ApiDoc;

/// A search's results, in the list page's order, with its total, facet counts and links.
#[utoipa::path(
    get,
    path = "/{lang}/vacancies.json",
    params(("lang" = String, Path, description = "Language prefix, e.g. `en` or `es`"), SearchParams),
    responses(
        (status = 200, description = "One page of results", body = VacancyList, content_type = "application/json"),
        (status = 304, description = "Not modified (If-None-Match)")
    )
)]
pub async fn search_json(
    lang: Lang,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let categories = state.categories.clone();
    let filters = board::filters(req.query_string(), &categories);
    let (board, skills) = state
        .run(move |conn| {
            let board = board::search(conn, &filters, &categories, lang)?;
            let ids: Vec<i32> = board.rows.iter().map(|(v, _)| v.id).collect();
            let skills = db::taxonomy::skill_names_of(conn, &ids)?;
            Ok((board, skills))
        })
        .await?;
    let builder = Builder {
        site: &state.site,
        lang,
    };
    Ok(api::json(&builder.list(&board, &skills)))
}

/// A search's results as an Atom feed: exactly the page's results (the page asked for, the
/// first by default), not the newest 50 like `/feed.xml`. A subscribed search's first page is
/// its newest matches (or its best, for keywords), and one result set keeps the feed in step
/// with the page and the JSON.
#[utoipa::path(
    get,
    path = "/{lang}/vacancies.atom",
    params(("lang" = String, Path, description = "Language prefix, e.g. `en` or `es`"), SearchParams),
    responses(
        (status = 200, description = "An Atom feed (RFC 4287) of the same results as the JSON", content_type = "application/atom+xml")
    )
)]
pub async fn search_atom(
    lang: Lang,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let found = vacancies::search(lang, &req, &state).await?;
    let filters = &found.filters;
    let title = if filters.q.is_empty() {
        lang.t("feed-title")
    } else {
        lang.t_args("board-title-query", &[("q", filters.q.as_str().into())])
    };
    let of = FeedOf {
        title,
        list_path: format!("/{lang}{}", filters.url()),
        self_path: format!("/{lang}{}", board::url_as(filters, "atom")),
    };
    meta::atom(lang, &state.site, &found.rows, of)
}

/// One vacancy, open or closed; drafts and unknown slugs are 404.
#[utoipa::path(
    get,
    path = "/{lang}/vacancies/{slug}.json",
    params(
        ("lang" = String, Path, description = "Language prefix, e.g. `en` or `es`"),
        ("slug" = String, Path, description = "The vacancy's slug")
    ),
    responses(
        (status = 200, description = "The vacancy", body = VacancyDocument, content_type = "application/json"),
        (status = 404, description = "No such vacancy", body = ApiError, content_type = "application/json")
    )
)]
pub async fn vacancy_json(
    lang: Lang,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner();
    let detail = state
        .run(move |conn| db::vacancies::by_slug(conn, &slug)?.ok_or(AppError::NotFound))
        .await?;
    let builder = Builder {
        site: &state.site,
        lang,
    };
    let document = builder
        .document(detail, crate::clock::now())
        .ok_or(AppError::NotFound)?;
    Ok(api::json(&document))
}

/// This document: the OpenAPI 3.1 description of the API.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn openapi(state: web::Data<AppState>) -> HttpResponse {
    let mut doc = ApiDoc::openapi();
    doc.servers = Some(vec![utoipa::openapi::Server::new(state.site.absolute(""))]);
    api::json(&doc)
}
