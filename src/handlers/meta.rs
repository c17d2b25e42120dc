//! Pages for machines and the fallback: health check, robots.txt, the sitemap, the Atom feed,
//! the 404 page.

use actix_web::http::{header, Method};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::prelude::*;

use super::AppState;
use crate::db;
use crate::domain::{timefmt, translations};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::models::{Category, Vacancy};
use crate::site::Site;

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
    match without_trailing_slash(&req).or_else(|| in_default_language(&req)) {
        Some(location) => Ok(HttpResponse::PermanentRedirect()
            .insert_header((header::LOCATION, location))
            .finish()),
        None => Err(AppError::NotFound),
    }
}

/// Public pages had no language prefix before the site was bilingual; old links and bookmarks
/// (and forms posted from old pages: 308 keeps the method) go to the default language.
fn in_default_language(req: &HttpRequest) -> Option<String> {
    const MOVED: [&str; 5] = [
        "/vacancies",
        "/learn",
        "/articles/",
        "/applications/",
        "/feed.xml",
    ];
    let path = req.path();
    let moved = MOVED.iter().any(|old| {
        path == old.trim_end_matches('/')
            || path.starts_with(old) && (old.ends_with('/') || path[old.len()..].starts_with('/'))
    });
    if !moved || path.contains("//") || path.contains('\\') {
        return None;
    }
    let lang = crate::handlers::request_language(req);
    Some(match req.query_string() {
        "" => format!("/{lang}{path}"),
        query => format!("/{lang}{path}?{query}"),
    })
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
    /// `hreflang` alternates as (language or `x-default`, absolute address).
    alternates: Vec<(String, String)>,
}

/// Site paths → their `hreflang` alternates, made absolute.
type Alternates = std::collections::HashMap<String, Vec<(String, String)>>;

fn absolute_links(site: &Site, links: Option<&Vec<(String, String)>>) -> Vec<(String, String)> {
    links
        .into_iter()
        .flatten()
        .map(|(lang, path)| (lang.clone(), site.absolute(path)))
        .collect()
}

/// The translated vacancies' alternates, keyed by their site paths.
fn vacancy_alternates(versions: Vec<(i32, String, String)>) -> Alternates {
    let paths: Vec<(i32, String, String)> = versions
        .into_iter()
        .map(|(group, lang, slug)| {
            let path = format!("/{lang}/vacancies/{slug}");
            (group, lang, path)
        })
        .collect();
    translations::alternates(&paths)
}

/// `/feed.xml`, an Atom feed (`templates/meta/feed.xml`).
#[derive(Template)]
#[template(path = "meta/feed.xml")]
struct Feed {
    org_name: String,
    title: String,
    lang: &'static str,
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

/// The same, with `Last-Modified` for crawlers and feed readers that send `If-Modified-Since`.
fn xml_response_modified(
    content_type: &str,
    template: &impl Template,
    modified: time::PrimitiveDateTime,
) -> AppResult<HttpResponse> {
    let mut response = xml_response(content_type, template)?;
    let seconds = modified.assume_utc().unix_timestamp();
    let when =
        std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::try_from(seconds).unwrap_or(0));
    let value = actix_web::http::header::HttpDate::from(when).to_string();
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&value) {
        response
            .headers_mut()
            .insert(actix_web::http::header::LAST_MODIFIED, value);
    }
    Ok(response)
}

/// The protocol's limit of addresses per sitemap file.
const SITEMAP_LIMIT: i64 = 50_000;

/// `/sitemap.xml` (`templates/meta/sitemap_index.xml`) once the site has more addresses than
/// one sitemap may hold: the pages file and one file per 50,000 vacancies.
#[derive(Template)]
#[template(path = "meta/sitemap_index.xml")]
struct SitemapIndex {
    maps: Vec<SitemapUrl>,
}

/// The pages that are not vacancies: home, the list, the learning paths and their articles.
async fn page_urls(state: &AppState) -> AppResult<Vec<SitemapUrl>> {
    let (paths, articles) = state
        .run(move |conn| {
            Ok((
                db::learning::paths(conn)?,
                db::learning::published_articles(conn)?,
            ))
        })
        .await?;
    let site = &state.site;
    let alternates = content_alternates(site, &paths, &articles);
    let url = |path: &str, lastmod: Option<String>| SitemapUrl {
        loc: site.absolute(path),
        lastmod,
        alternates: absolute_links(site, alternates.get(path)),
    };
    // Lists exist in every language; a path, an article or a vacancy is listed once, at the
    // address of the language it is written in (its canonical one).
    let mut urls: Vec<SitemapUrl> = site
        .languages
        .iter()
        .flat_map(|lang| ["", "/vacancies", "/learn"].map(|page| format!("/{lang}{page}")))
        .map(|path| url(&path, None))
        .collect();
    urls.extend(
        paths
            .iter()
            .filter(|p| articles.iter().any(|a| a.path_id == Some(p.id)))
            .map(|p| url(&format!("/{}/learn/{}", p.lang, p.slug), None)),
    );
    urls.extend(articles.iter().map(|a| {
        url(
            &format!("/{}/articles/{}", a.lang, a.slug),
            Some(timefmt::date(a.updated_at)),
        )
    }));
    Ok(urls)
}

/// The alternates of the pages every language has (home, lists; `x-default` is the default
/// language's) and of translated paths and articles.
fn content_alternates(
    site: &Site,
    paths: &[crate::models::LearningPath],
    articles: &[crate::models::Article],
) -> Alternates {
    use translations::Translated;
    let mut versions: Vec<(i32, String, String)> = Vec::new();
    for (n, page) in ["", "/vacancies", "/learn"].into_iter().enumerate() {
        // Negative groups: the fixed pages never meet a content id.
        let group = -1 - n as i32;
        let mut langs = site.languages.clone();
        langs.sort_by_key(|l| *l != site.default_lang);
        versions.extend(
            langs
                .iter()
                .map(|lang| (group, lang.code().to_string(), format!("/{lang}{page}"))),
        );
    }
    let mut content = translations::alternates(
        &paths
            .iter()
            .map(|p| {
                (
                    p.group(),
                    p.lang.clone(),
                    format!("/{}/learn/{}", p.lang, p.slug),
                )
            })
            .collect::<Vec<_>>(),
    );
    content.extend(translations::alternates(
        &articles
            .iter()
            .map(|a| {
                (
                    a.group(),
                    a.lang.clone(),
                    format!("/{}/articles/{}", a.lang, a.slug),
                )
            })
            .collect::<Vec<_>>(),
    ));
    content.extend(translations::alternates(&versions));
    content
}

/// Open vacancies `part` (from 1) of the sitemap, at most `SITEMAP_LIMIT` of them, and the
/// newest change among them.
async fn vacancy_urls(
    state: &AppState,
    part: i64,
) -> AppResult<(Vec<SitemapUrl>, Option<time::PrimitiveDateTime>)> {
    let offset = (part - 1).max(0) * SITEMAP_LIMIT;
    let (rows, versions) = state
        .run(move |conn| {
            Ok((
                db::board::open_slugs(conn, offset, SITEMAP_LIMIT)?,
                db::board::translated_versions(conn)?,
            ))
        })
        .await?;
    let alternates = vacancy_alternates(versions);
    let newest = rows.iter().map(|(_, _, updated)| *updated).max();
    let urls = rows
        .into_iter()
        .map(|(lang, slug, updated)| {
            let path = format!("/{lang}/vacancies/{slug}");
            SitemapUrl {
                loc: state.site.absolute(&path),
                lastmod: Some(timefmt::date(updated)),
                alternates: absolute_links(&state.site, alternates.get(&path)),
            }
        })
        .collect();
    Ok((urls, newest))
}

/// Every public page worth indexing, in one sitemap while it fits the protocol's limit, else
/// a sitemap index of the pages file and the vacancy files.
pub async fn sitemap(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let now = crate::clock::now();
    let open = state
        .run(move |conn| Ok(db::board::count_open(conn)?))
        .await?;
    let mut urls = page_urls(&state).await?;
    if open + urls.len() as i64 <= SITEMAP_LIMIT {
        let (mut vacancies, newest) = vacancy_urls(&state, 1).await?;
        urls.append(&mut vacancies);
        let sitemap = Sitemap { urls };
        let xml = "application/xml; charset=utf-8";
        return match newest {
            Some(newest) => xml_response_modified(xml, &sitemap, newest),
            None => xml_response(xml, &sitemap),
        };
    }
    let today = Some(timefmt::date(now));
    let mut maps = vec![SitemapUrl {
        loc: state.site.absolute("/sitemaps/pages.xml"),
        lastmod: today.clone(),
        alternates: Vec::new(),
    }];
    let parts = (open + SITEMAP_LIMIT - 1) / SITEMAP_LIMIT;
    maps.extend((1..=parts).map(|n| SitemapUrl {
        loc: state.site.absolute(&format!("/sitemaps/vacancies-{n}.xml")),
        lastmod: today.clone(),
        alternates: Vec::new(),
    }));
    xml_response("application/xml; charset=utf-8", &SitemapIndex { maps })
}

/// `/sitemaps/{name}.xml`: the files a sitemap index names.
pub async fn sitemap_part(
    name: web::Path<String>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let name = name.into_inner();
    let urls = if name == "pages.xml" {
        page_urls(&state).await?
    } else {
        let part = name
            .strip_prefix("vacancies-")
            .and_then(|n| n.strip_suffix(".xml"))
            .and_then(|n| n.parse::<i64>().ok())
            .filter(|n| *n >= 1 && *n <= 10_000)
            .ok_or(AppError::NotFound)?;
        let offset = (part - 1) * SITEMAP_LIMIT;
        let (rows, versions) = state
            .run(move |conn| {
                Ok((
                    db::board::open_slugs(conn, offset, SITEMAP_LIMIT)?,
                    db::board::translated_versions(conn)?,
                ))
            })
            .await?;
        if rows.is_empty() {
            return Err(AppError::NotFound);
        }
        let alternates = vacancy_alternates(versions);
        let xml = crate::views::sitemap::vacancy_file(&state.site.base_url, &rows, &alternates);
        return Ok(HttpResponse::Ok()
            .content_type("application/xml; charset=utf-8")
            .body(xml));
    };
    xml_response("application/xml; charset=utf-8", &Sitemap { urls })
}

/// A feed carries the newest vacancies; aggregators poll it often.
const FEED_ENTRIES: i64 = 50;

/// Atom feed of the open vacancies, newest first, for job aggregators and feed readers.
pub async fn feed(lang: Lang, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let open = state
        .run(move |conn| Ok(db::board::newest_open(conn, lang.code(), FEED_ENTRIES)?))
        .await?;
    let of = FeedOf {
        title: lang.t("feed-title"),
        list_path: format!("/{lang}/vacancies"),
        self_path: format!("/{lang}/feed.xml"),
    };
    atom(lang, &state.site, &open, of)
}

/// What a feed is of: its title, the page it mirrors and its own address (site paths).
pub struct FeedOf {
    pub title: String,
    pub list_path: String,
    pub self_path: String,
}

/// An Atom feed of these vacancies in this order (`templates/meta/feed.xml`): the site's feed
/// and the feed of a search (`vacancies.atom`) share it.
pub fn atom(
    lang: Lang,
    site: &Site,
    rows: &[(Vacancy, Category)],
    of: FeedOf,
) -> AppResult<HttpResponse> {
    let last_change = |v: &Vacancy| v.updated_at.max(v.published_at.unwrap_or(v.updated_at));
    let updated = rows
        .iter()
        .map(|(v, _)| last_change(v))
        .max()
        .unwrap_or_else(crate::clock::now);
    let entries = rows
        .iter()
        .map(|(v, c)| {
            let category = crate::domain::board::category_name(c, lang);
            let seniority = lang.t(&format!("seniority-{}", v.seniority));
            let mut summary = format!("{category} · {seniority} · {}", v.place());
            if let Some(salary) = v.salary_text() {
                summary.push_str(&format!(" · {salary}"));
            }
            summary.push_str(&format!(". {}", v.summary));
            FeedEntry {
                title: v.title.clone(),
                url: site.absolute(&format!("/{lang}/vacancies/{}", v.slug)),
                published: timefmt::iso(v.published_at.unwrap_or(v.created_at)),
                updated: timefmt::iso(last_change(v)),
                category_term: c.slug.clone(),
                category_label: category,
                summary,
            }
        })
        .collect();
    let feed = Feed {
        org_name: site.org_name.clone(),
        title: of.title,
        lang: lang.code(),
        list_url: site.absolute(&of.list_path),
        self_url: site.absolute(&of.self_path),
        updated: timefmt::iso(updated),
        entries,
    };
    xml_response_modified("application/atom+xml; charset=utf-8", &feed, updated)
}
