//! Pages for machines and the fallback: health check, robots.txt, the 404 page.

use actix_web::http::{header, Method};
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use super::AppState;
use crate::db;
use crate::error::{AppError, AppResult};

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

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in ["/", "/vacancies", "/learn"] {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&state.site.absolute(path))
        ));
    }
    for (v, _) in &open {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml_escape(&state.site.absolute(&format!("/vacancies/{}", v.slug))),
            crate::domain::timefmt::date(v.updated_at)
        ));
    }
    for p in paths
        .iter()
        .filter(|p| articles.iter().any(|a| a.path_id == Some(p.id)))
    {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&state.site.absolute(&format!("/learn/{}", p.slug)))
        ));
    }
    for a in &articles {
        xml.push_str(&format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            xml_escape(&state.site.absolute(&format!("/articles/{}", a.slug))),
            crate::domain::timefmt::date(a.updated_at)
        ));
    }
    xml.push_str("</urlset>\n");
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .body(xml))
}

/// Atom feed of the open vacancies, newest first, for job aggregators and feed readers.
pub async fn feed(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let open = state
        .run(move |conn| Ok(db::vacancies::open(conn, now)?))
        .await?;
    let site = &state.site;
    let updated = open
        .iter()
        .map(|(v, _)| v.updated_at.max(v.published_at.unwrap_or(v.updated_at)))
        .max()
        .unwrap_or(now);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
         \x20 <title>{} careers: open vacancies</title>\n\
         \x20 <id>{}</id>\n\
         \x20 <link rel=\"self\" href=\"{}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         \x20 <updated>{}</updated>\n\
         \x20 <author><name>{}</name></author>\n",
        xml_escape(&site.org_name),
        xml_escape(&site.absolute("/vacancies")),
        xml_escape(&site.absolute("/feed.xml")),
        xml_escape(&site.absolute("/vacancies")),
        crate::domain::timefmt::iso(updated),
        xml_escape(&site.org_name),
    );
    for (v, c) in open.iter().take(50) {
        let url = site.absolute(&format!("/vacancies/{}", v.slug));
        let mut summary = format!("{} · {} · {}", c.name, v.seniority_label(), v.place());
        if let Some(salary) = v.salary_text() {
            summary.push_str(&format!(" · {salary}"));
        }
        summary.push_str(&format!(". {}", v.summary));
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <published>{}</published>\n    <updated>{}</updated>\n    <category term=\"{}\" label=\"{}\"/>\n    <summary>{}</summary>\n  </entry>\n",
            xml_escape(&v.title),
            xml_escape(&url),
            xml_escape(&url),
            crate::domain::timefmt::iso(v.published_at.unwrap_or(v.created_at)),
            crate::domain::timefmt::iso(v.updated_at.max(v.published_at.unwrap_or(v.updated_at))),
            xml_escape(&c.slug),
            xml_escape(&c.name),
            xml_escape(&summary),
        ));
    }
    xml.push_str("</feed>\n");
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .body(xml))
}
