//! Pages for machines and the fallback: health check, robots.txt, the sitemap, the Atom feed,
//! the 404 page.

use actix_web::http::{header, Method};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::prelude::*;

use super::AppState;
use crate::db;
use crate::domain::timefmt;
use crate::error::{AppError, AppResult};
use crate::models::Vacancy;

/// 200 when the database answers a query, 503 otherwise: for load balancers.
pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    let result = state
        .run(|conn| {
            diesel::select(diesel::dsl::sql::<diesel::sql_types::Integer>("1"))
                .get_result::<i32>(conn)
                .map_err(AppError::from)
        })
        .await;
    match result {
        Ok(_) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ok\n"),
        Err(e) => {
            log::warn!("health check failed: {e}");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body("database unavailable\n")
        }
    }
}

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nDisallow: /admin\nDisallow: /applications/\n\nSitemap: {}\n",
        state.site.absolute("/sitemap.xml")
    );
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(body)
}

pub async fn not_found(req: HttpRequest) -> AppResult<HttpResponse> {
    match without_trailing_slash(&req) {
        Some(location) => Ok(HttpResponse::PermanentRedirect()
            .insert_header((header::LOCATION, location))
            .finish()),
        None => Err(AppError::NotFound),
    }
}

/// "/vacancies/" for "/vacancies": where a page read with a trailing slash really is. Never a
/// "//host" address, which a browser would read as another site.
fn without_trailing_slash(req: &HttpRequest) -> Option<String> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return None;
    }
    let path = req.path().strip_suffix('/')?;
    if path.is_empty() || path.ends_with('/') || path.starts_with("//") || path.contains('\\') {
        return None;
    }
    Some(match req.query_string() {
        "" => path.to_string(),
        query => format!("{path}?{query}"),
    })
}

/// `/sitemap.xml` (`templates/meta/sitemap.xml`; the `.xml` extension gets askama's escaping).
#[derive(Template)]
#[template(path = "meta/sitemap.xml")]
struct Sitemap {
    urls: Vec<SitemapUrl>,
}

struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
}

/// `/feed.xml`, an Atom feed (`templates/meta/feed.xml`).
#[derive(Template)]
#[template(path = "meta/feed.xml")]
struct Feed {
    org_name: String,
    list_url: String,
    self_url: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

struct FeedEntry {
    title: String,
    url: String,
    published: String,
    updated: String,
    category_term: String,
    category_label: String,
    summary: String,
}

fn xml_response(content_type: &str, template: &impl Template) -> AppResult<HttpResponse> {
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .body(template.render()?))
}

/// Every public page worth indexing: home, the list, each open vacancy, the learning paths
/// and their published articles.
pub async fn sitemap(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let (open, paths, articles) = state
        .run(move |conn| {
            Ok((
                db::vacancies::open(conn, now)?,
                db::learning::paths(conn)?,
                db::learning::published_articles(conn)?,
            ))
        })
        .await?;
    let site = &state.site;
    let url = |path: &str, lastmod: Option<String>| SitemapUrl {
        loc: site.absolute(path),
        lastmod,
    };
    let mut urls: Vec<SitemapUrl> = ["/", "/vacancies", "/learn"]
        .into_iter()
        .map(|path| url(path, None))
        .collect();
    urls.extend(open.iter().map(|(v, _)| {
        url(
            &format!("/vacancies/{}", v.slug),
            Some(timefmt::date(v.updated_at)),
        )
    }));
    urls.extend(
        paths
            .iter()
            .filter(|p| articles.iter().any(|a| a.path_id == Some(p.id)))
            .map(|p| url(&format!("/learn/{}", p.slug), None)),
    );
    urls.extend(articles.iter().map(|a| {
        url(
            &format!("/articles/{}", a.slug),
            Some(timefmt::date(a.updated_at)),
        )
    }));
    xml_response("application/xml; charset=utf-8", &Sitemap { urls })
}

/// Atom feed of the open vacancies, newest first, for job aggregators and feed readers.
pub async fn feed(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let open = state
        .run(move |conn| Ok(db::vacancies::open(conn, now)?))
        .await?;
    let site = &state.site;
    let last_change = |v: &Vacancy| v.updated_at.max(v.published_at.unwrap_or(v.updated_at));
    let updated = open
        .iter()
        .map(|(v, _)| last_change(v))
        .max()
        .unwrap_or(now);
    let entries = open
        .iter()
        .take(50)
        .map(|(v, c)| {
            let mut summary = format!("{} · {} · {}", c.name, v.seniority_label(), v.place());
            if let Some(salary) = v.salary_text() {
                summary.push_str(&format!(" · {salary}"));
            }
            summary.push_str(&format!(". {}", v.summary));
            FeedEntry {
                title: v.title.clone(),
                url: site.absolute(&format!("/vacancies/{}", v.slug)),
                published: timefmt::iso(v.published_at.unwrap_or(v.created_at)),
                updated: timefmt::iso(last_change(v)),
                category_term: c.slug.clone(),
                category_label: c.name.clone(),
                summary,
            }
        })
        .collect();
    let feed = Feed {
        org_name: site.org_name.clone(),
        list_url: site.absolute("/vacancies"),
        self_url: site.absolute("/feed.xml"),
        updated: timefmt::iso(updated),
        entries,
    };
    xml_response("application/atom+xml; charset=utf-8", &feed)
}
