//! The whole-page cache for anonymous GETs of public pages, in process and bounded in bytes.
//!
//! Pages are kept per URL and per data generation: every write that changes a public page bumps
//! the generation in its own transaction (`actions::finish`). Each instance reads it at most
//! once a second, and at once after any request that could write (not GET or HEAD), so an
//! instance serves a stale page for at most a second after another instance's write, and never
//! after its own. A page with a form stamp is kept without it: each visitor gets a fresh one.
//! Visitors with a session cookie (signed in, or a flash message waiting), reading progress or
//! saved vacancies bypass the cache, and
//! private paths are never kept. Every public page gets an `ETag` and answers a matching
//! `If-None-Match` with 304, cached or not.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::HttpResponse;
use moka::sync::Cache;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::db::{self, DbPool};
use crate::signing::Signer;
use crate::stamp::{self, Slot};

/// How long an instance trusts the generation it last read.
const GENERATION_TTL: Duration = Duration::from_secs(1);
/// Marks where a stamp was: a byte sequence no page contains.
const STAMP_MARK: &str = "\u{1}form-stamp\u{1}";
/// Cookies that make a page personal: the session (a signed-in user, a waiting flash message),
/// a reader's progress (articles marked as read) and a shortlist (the "Saved" buttons and the
/// navigation's count). Not the applied list: only the saved page shows it, never cached.
const PERSONAL_COOKIES: &[&str] = &["careers_session=", "careers_progress=", "careers_saved="];

struct CachedPage {
    generation: i64,
    headers: HeaderMap,
    body: Bytes,
    etag: HeaderValue,
    stamp: Option<stamp::Purpose>,
}

pub struct PageCache {
    pages: Option<Cache<String, Arc<CachedPage>>>,
    pool: DbPool,
    signer: Signer,
    generation: AtomicI64,
    started: Instant,
    /// Milliseconds since `started` when the generation was last read.
    checked_at: AtomicU64,
    refreshing: AtomicBool,
}

impl PageCache {
    /// A cache of `megabytes` (0: no cache, but ETags and 304s still).
    pub fn new(megabytes: u64, pool: DbPool, signer: Signer) -> PageCache {
        let pages = (megabytes > 0).then(|| {
            Cache::builder()
                .max_capacity(megabytes.saturating_mul(1024 * 1024))
                .weigher(|key: &String, page: &Arc<CachedPage>| {
                    u32::try_from(key.len() + page.body.len() + 512).unwrap_or(u32::MAX)
                })
                .build()
        });
        PageCache {
            pages,
            pool,
            signer,
            generation: AtomicI64::new(i64::MIN),
            started: Instant::now(),
            checked_at: AtomicU64::new(0),
            refreshing: AtomicBool::new(false),
        }
    }

    /// Reports the cache's size to the metrics (when `/metrics` is read).
    pub fn report_size(&self) {
        match &self.pages {
            Some(pages) => {
                // moka counts lazily: settle pending inserts and evictions first.
                pages.run_pending_tasks();
                crate::metrics::page_cache_size(pages.weighted_size(), pages.entry_count());
            }
            None => crate::metrics::page_cache_size(0, 0),
        }
    }

    fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// The current generation, read from the database when the last reading is older than a
    /// second (or `force`). One request reads; the others go on with the last value.
    async fn generation(&self, force: bool) -> i64 {
        let known = self.generation.load(Ordering::Acquire);
        let age = self
            .elapsed_ms()
            .saturating_sub(self.checked_at.load(Ordering::Acquire));
        let stale = known == i64::MIN || age >= GENERATION_TTL.as_millis() as u64;
        if !(force || stale) {
            return known;
        }
        if !force && known != i64::MIN && self.refreshing.swap(true, Ordering::AcqRel) {
            return known;
        }
        let pool = self.pool.clone();
        let read = db::blocking(&pool, |conn| {
            db::site_state::generation(conn).map_err(Fail::Db)
        })
        .await;
        self.refreshing.store(false, Ordering::Release);
        match read {
            Ok(generation) => {
                self.checked_at.store(self.elapsed_ms(), Ordering::Release);
                if generation != known {
                    self.generation.store(generation, Ordering::Release);
                    if let Some(pages) = &self.pages {
                        pages.invalidate_all();
                    }
                }
                generation
            }
            Err(e) => {
                log::warn!("page cache: cannot read the data generation: {e:?}");
                // Unknown: nothing cached may be served.
                i64::MIN
            }
        }
    }
}

#[derive(Debug)]
enum Fail {
    Db(#[allow(dead_code)] diesel::result::Error),
    Run(#[allow(dead_code)] db::RunError),
}

impl From<db::RunError> for Fail {
    fn from(e: db::RunError) -> Self {
        Fail::Run(e)
    }
}

/// Paths whose pages hold someone's data or change with each visitor.
fn is_private_path(path: &str) -> bool {
    // Alert pages answer to private links (confirm, manage).
    crate::i18n::without_language(path).starts_with("/{lang}/alerts/")
        || path.starts_with("/admin")
        || path.starts_with("/applications")
        || path.starts_with("/static")
        || path == "/healthz"
        || path == "/metrics"
}

fn is_personal(req: &ServiceRequest) -> bool {
    req.headers()
        .get_all(header::COOKIE)
        .filter_map(|v| v.to_str().ok())
        .any(|v| PERSONAL_COOKIES.iter().any(|c| v.contains(c)))
}

/// A validator, not a secret: two fixed-seed foldhash passes (128 bits) cost a fraction of
/// SHA-256 on every page, and only have to tell versions of one page apart.
fn etag_of(body: &[u8]) -> HeaderValue {
    use std::hash::BuildHasher;
    let hash = |seed: u64| foldhash::quality::FixedState::with_seed(seed).hash_one(body);
    let tag = format!("\"{:016x}{:016x}\"", hash(0x6361_7265), hash(0x6572_7321));
    HeaderValue::from_str(&tag).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// True when the request's `If-None-Match` names this ETag (or `*`).
fn matches_etag(request_headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Ok(tag) = etag.to_str() else {
        return false;
    };
    request_headers
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == tag || t == "*")
}

fn not_modified(req: ServiceRequest, etag: HeaderValue) -> ServiceResponse<BoxBody> {
    let response = HttpResponse::NotModified()
        .insert_header((header::ETAG, etag))
        .finish();
    req.into_response(response)
}

/// The middleware (`actix_web::middleware::from_fn`).
pub async fn layer(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(cache) = req.app_data::<web::Data<PageCache>>().cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let method = req.method().clone();
    if method != Method::GET && method != Method::HEAD {
        let res = next.call(req).await?;
        // A write here may have changed public pages: learn the new generation now, so this
        // instance never serves a page older than its own write.
        cache.generation(true).await;
        return Ok(res.map_into_boxed_body());
    }
    if is_private_path(req.path()) || is_personal(&req) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let key = match req.query_string() {
        "" => req.path().to_string(),
        q => format!("{}?{q}", req.path()),
    };
    let generation = cache.generation(false).await;
    if let Some(page) = cache.pages.as_ref().and_then(|p| p.get(&key)) {
        if page.generation == generation && generation != i64::MIN {
            crate::metrics::page_cache_hit();
            return Ok(serve(&cache, req, &page));
        }
    }
    if cache.pages.is_some() {
        crate::metrics::page_cache_miss();
    }
    let res = next.call(req).await?;
    store(&cache, res, key, generation).await
}

/// A cached page for this visitor: 304 when their copy is current, else with a fresh stamp.
fn serve(cache: &PageCache, req: ServiceRequest, page: &CachedPage) -> ServiceResponse<BoxBody> {
    if matches_etag(req.headers(), &page.etag) {
        return not_modified(req, page.etag.clone());
    }
    let body = match page.stamp {
        Some(purpose) => {
            let fresh = stamp::issue(&cache.signer, purpose, crate::clock::unix_now());
            let text = String::from_utf8_lossy(&page.body).replace(STAMP_MARK, &fresh);
            Bytes::from(text)
        }
        None => page.body.clone(),
    };
    let mut response = HttpResponse::Ok();
    for (name, value) in &page.headers {
        response.append_header((name.clone(), value.clone()));
    }
    response.insert_header((header::ETAG, page.etag.clone()));
    response.insert_header((
        HeaderName::from_static("x-cache"),
        HeaderValue::from_static("hit"),
    ));
    req.into_response(response.body(body))
}

/// Gives the response, keeping a copy when it is a public page anyone may get.
async fn store(
    cache: &PageCache,
    res: ServiceResponse<impl MessageBody + 'static>,
    key: String,
    generation: i64,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let cacheable = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && res
            .headers()
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_none_or(|v| !v.contains("no-store") && !v.contains("private"));
    if !cacheable {
        return Ok(res.map_into_boxed_body());
    }
    let slot = res.response().extensions().get::<Slot>().cloned();
    let (req, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let body = actix_web::body::to_bytes(body)
        .await
        .map_err(|_| actix_web::error::ErrorInternalServerError("page body unreadable"))?;
    // The ETag covers the page without its stamp, so it stays the same between visitors.
    let (kept, purpose) = match &slot {
        Some(slot) if !slot.issued.is_empty() => {
            let text = String::from_utf8_lossy(&body).replace(&slot.issued, STAMP_MARK);
            (Bytes::from(text), Some(slot.purpose))
        }
        _ => (body.clone(), None),
    };
    let etag = etag_of(&kept);
    let mut headers = HeaderMap::new();
    for (name, value) in head.headers() {
        headers.append(name.clone(), value.clone());
    }
    if let Some(pages) = &cache.pages {
        if generation != i64::MIN {
            pages.insert(
                key,
                Arc::new(CachedPage {
                    generation,
                    headers,
                    body: kept,
                    etag: etag.clone(),
                    stamp: purpose,
                }),
            );
        }
    }
    let mut response = head.set_body(body).map_into_boxed_body();
    response.headers_mut().insert(header::ETAG, etag.clone());
    if matches_etag(req.headers(), &etag) {
        let response = HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .finish();
        return Ok(ServiceResponse::new(req, response));
    }
    Ok(ServiceResponse::new(req, response))
}
