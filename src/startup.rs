//! Builds the running application: database, migrations, demo content, cookie key and the
//! HTTP server on a listener the caller chose (port 0 in tests).

use actix_session::config::{CookieContentSecurity, PersistentSession, TtlExtensionPolicy};
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{from_fn, Compress, DefaultHeaders, Next};
use actix_web::{web, App, HttpServer};
use base64::Engine;
use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::db::{self, Backend, DbPool};
use crate::domain::spam;
use crate::handlers::{meta, AppState};
use crate::i18n::Lang;
use crate::signing::Signer;
use crate::site::Site;

/// Largest request body we read (forms); bigger bodies get 413 before they are read in full.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
                   frame-ancestors 'none'";

/// Opens the database, applies migrations and, when asked, loads the demo content.
pub fn prepare_database(config: &Config) -> Result<(DbPool, Backend), String> {
    let (pool, backend) = db::connect(&config.database_url, config.db_pool_size)?;
    let mut conn = pool
        .get()
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db::migrate(&mut conn)?;
    if config.demo {
        let loaded = crate::actions::demo::load_if_empty(&mut conn)?;
        if loaded > 0 {
            log::info!("loaded {loaded} demo vacancies");
        }
        let articles = crate::actions::demo::load_learning_if_empty(&mut conn)?;
        if articles > 0 {
            log::info!("loaded {articles} demo articles");
        }
    }
    db::refresh_statistics(&mut conn, false)
        .map_err(|e| format!("cannot refresh planner statistics: {e}"))?;
    let derived = crate::actions::reindex::missing(&mut conn)
        .map_err(|e| format!("cannot derive vacancy columns: {e}"))?;
    if derived > 0 {
        log::info!("derived the board columns of {derived} vacancies");
    }
    let board = crate::actions::reindex::board_if_stale(&mut conn)
        .map_err(|e| format!("cannot build the board: {e}"))?;
    if let Some(rows) = board {
        log::info!("rebuilt the board: {rows} rows");
        db::refresh_statistics(&mut conn, true)
            .map_err(|e| format!("cannot refresh planner statistics: {e}"))?;
    }
    Ok((pool, backend))
}

/// How often the expiry sweep looks for lapsed vacancies: a vacancy stays listed at most this
/// long after its `valid_through` (its own page says closed at once).
pub const EXPIRY_SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Starts the expiry sweep (`actions::vacancies::expire_lapsed`) on its own thread; it stops
/// when `stop` is raised.
pub fn spawn_expiry_sweep(
    pool: DbPool,
    stop: crate::shutdown::Signal,
    every: std::time::Duration,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("expiry-sweep".into())
        .spawn(move || {
            let tick = std::time::Duration::from_millis(250);
            let mut waited = every;
            while !stop.is_stopping() {
                if waited >= every {
                    waited = std::time::Duration::ZERO;
                    let swept = pool.get().map_err(|e| e.to_string()).and_then(|mut conn| {
                        crate::actions::vacancies::expire_lapsed(&mut conn)
                            .map_err(|e| e.to_string())
                    });
                    match swept {
                        Ok(0) => {}
                        Ok(n) => log::info!("expiry sweep: {n} translation groups re-listed"),
                        Err(e) => log::warn!("expiry sweep: {e}"),
                    }
                }
                std::thread::sleep(tick);
                waited += tick;
            }
        })
}

/// The cookie key: `SECRET_KEY` when set; otherwise (SQLite only) a key generated once and
/// kept in the data folder, so restarts do not sign everyone out.
pub fn cookie_key(config: &Config, backend: &Backend) -> Result<Key, String> {
    if let Some(text) = config
        .secret_key
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        return parse_key(text.trim());
    }
    if backend.is_postgres() {
        return Err(
            "SECRET_KEY is required with PostgreSQL: every instance must share it. \
                    Generate one with `openssl rand -hex 64`."
                .into(),
        );
    }
    let path = Path::new(&config.data_dir).join("secret_key");
    if let Ok(text) = std::fs::read_to_string(&path) {
        return parse_key(text.trim());
    }
    std::fs::create_dir_all(&config.data_dir)
        .map_err(|e| format!("cannot create {}: {e}", config.data_dir))?;
    let key = Key::generate();
    write_private(&path, &hex::encode(key.master()))?;
    log::info!("generated a cookie key in {}", path.display());
    Ok(key)
}

fn write_private(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn parse_key(text: &str) -> Result<Key, String> {
    let bytes = hex::decode(text)
        .or_else(|_| base64::engine::general_purpose::STANDARD.decode(text))
        .map_err(|_| "SECRET_KEY must be hex or base64".to_string())?;
    if bytes.len() < 64 {
        return Err(format!(
            "SECRET_KEY must be at least 64 bytes (it is {})",
            bytes.len()
        ));
    }
    Key::try_from(bytes.as_slice()).map_err(|e| format!("SECRET_KEY is not usable: {e}"))
}

/// A short content hash, so a changed file gets a new URL and old ones can be cached forever.
fn asset_version(path: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let bytes = std::fs::read(path).unwrap_or_default();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())[..10].to_string()
}

pub fn site(config: &Config) -> Result<Site, String> {
    let static_dir = Path::new(&config.static_dir);
    let (languages, default_lang) = languages(config)?;
    Ok(Site {
        org_name: config.org_name.clone(),
        org_url: config.org_url.clone(),
        base_url: config.base_url_trimmed().to_string(),
        css_href: format!(
            "/static/css/site.css?v={}",
            asset_version(&static_dir.join("css/site.css"))
        ),
        js_href: format!(
            "/static/js/site.js?v={}",
            asset_version(&static_dir.join("js/site.js"))
        ),
        trust_proxy: config.trust_proxy,
        trusted_proxy_hops: config.trusted_proxy_hops,
        languages,
        default_lang,
    })
}

/// `LANGUAGES` and `DEFAULT_LANG`, each checked against the translations compiled in.
fn languages(config: &Config) -> Result<(Vec<Lang>, Lang), String> {
    let mut languages = Vec::new();
    for code in config
        .languages
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let lang = Lang::parse(code).ok_or_else(|| {
            format!("LANGUAGES: there are no translations for {code:?} (no locales/{code} folder)")
        })?;
        if !languages.contains(&lang) {
            languages.push(lang);
        }
    }
    if languages.is_empty() {
        return Err("LANGUAGES: name at least one language, e.g. en".into());
    }
    let default_lang = languages
        .iter()
        .copied()
        .find(|l| l.code() == config.default_lang.trim())
        .ok_or_else(|| {
            format!(
                "DEFAULT_LANG {:?} is not one of LANGUAGES ({})",
                config.default_lang, config.languages
            )
        })?;
    Ok((languages, default_lang))
}

/// Starts serving on `listener`. The server runs until stopped.
pub fn run(
    listener: TcpListener,
    config: &Config,
    pool: DbPool,
    key: Key,
) -> std::io::Result<Server> {
    let categories = {
        let mut conn = pool.get().map_err(std::io::Error::other)?;
        db::taxonomy::categories(&mut conn).map_err(std::io::Error::other)?
    };
    let page_cache = web::Data::new(crate::page_cache::PageCache::new(
        config.page_cache_mb,
        pool.clone(),
        Signer::new(key.signing()),
    ));
    let site =
        site(config).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let site_data = web::Data::new(site.clone());
    let state = web::Data::new(AppState {
        pool,
        site,
        signer: Signer::new(key.signing()),
        spam: spam::Rules::new(&config.blocked_words, config.min_fill_seconds),
        categories,
        session_max_hours: config.session_max_hours,
    });
    let mailer = crate::mail::Mailer::from_config(&config.applications)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let apply = web::Data::new(crate::views::vacancy::ApplySettings::new(config, mailer));
    let static_dir = config.static_dir.clone();
    let secure = config.cookie_secure();
    let metrics_listener = match config.ops.metrics_bind.as_deref() {
        Some(bind) if !bind.trim().is_empty() => Some(
            TcpListener::bind(bind.trim())
                .map_err(|e| std::io::Error::new(e.kind(), format!("METRICS_BIND {bind}: {e}")))?,
        ),
        _ => None,
    };
    let metrics_address = match &metrics_listener {
        Some(l) => Some(l.local_addr()?),
        None => None,
    };
    if let Some(address) = metrics_address {
        log::info!("metrics on http://{address}/metrics");
    }
    let metrics = web::Data::new(crate::observe::MetricsEndpoint::new(
        config.ops.metrics_token.as_deref(),
        metrics_address,
        samplers(&state.pool, &page_cache),
    ));
    let serving = serve_lock(config)?;
    let body_timeout = web::Data::new(BodyTimeout(std::time::Duration::from_secs(
        config.applications.body_timeout_secs.max(1),
    )));
    let languages = state.site.languages.clone();
    let mut server = HttpServer::new(move || {
        // Held by every worker's app: a restore waits for the server to stop.
        let _held = &serving;
        App::new()
            .app_data(state.clone())
            .app_data(metrics.clone())
            .app_data(site_data.clone())
            .app_data(page_cache.clone())
            .app_data(apply.clone())
            .app_data(body_timeout.clone())
            .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
            .app_data(web::FormConfig::default().limit(MAX_BODY_BYTES))
            .app_data(web::QueryConfig::default())
            .configure(|cfg| crate::routes::configure(cfg, &languages))
            .service(
                web::scope("/static")
                    .wrap(
                        DefaultHeaders::new()
                            .add((header::CACHE_CONTROL, "public, max-age=31536000, immutable")),
                    )
                    .service(
                        actix_files::Files::new("/", &static_dir)
                            .use_etag(true)
                            .default_handler(web::to(meta::not_found)),
                    ),
            )
            .default_service(web::to(meta::not_found))
            .wrap(from_fn(body_deadline))
            .wrap(from_fn(public_post_checks))
            .wrap(from_fn(refuse_control_characters))
            .wrap(crate::views::error::layer())
            .wrap(session_layer(key.clone(), secure))
            .wrap(from_fn(crate::page_cache::layer))
            // Outside the page cache: its 304s get CORS too.
            .wrap(from_fn(crate::views::api::cors))
            // Outside the page cache: cached pages set the source cookie too.
            .wrap(from_fn(crate::referral::layer))
            .wrap(from_fn(cache_control))
            .wrap(security_headers(secure))
            .wrap(Compress::default())
            .wrap(from_fn(crate::observe::layer))
    })
    // The request head must arrive within 5 s (a body has `BODY_TIMEOUT_SECS`, see
    // `body_deadline`); a client that does not close after the response is dropped after 2 s.
    .client_request_timeout(std::time::Duration::from_secs(5))
    .client_disconnect_timeout(std::time::Duration::from_secs(2))
    // Stop signals are handled by `until_stopped`, which also tells background work.
    .disable_signals()
    .shutdown_timeout(config.ops.shutdown_grace_seconds)
    .listen(listener)?;
    if let Some(metrics_listener) = metrics_listener {
        server = server.listen(metrics_listener)?;
    }
    let workers = config.workers.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    // More blocking threads than pooled connections only queue on the pool: cap them to the
    // pool's share of each worker.
    let blocking = (config.db_pool_size as usize / workers.max(1)).max(1);
    server = server
        .workers(workers)
        .worker_max_blocking_threads(blocking);
    Ok(server.run())
}

/// What `/metrics` reads from live objects: the pool's connections and the page cache's size.
fn samplers(
    pool: &DbPool,
    page_cache: &web::Data<crate::page_cache::PageCache>,
) -> Vec<crate::observe::Sampler> {
    let pool = pool.clone();
    let page_cache = page_cache.clone();
    vec![
        Box::new(move || {
            let state = pool.state();
            crate::metrics::pool_state(state.connections, state.idle_connections, pool.max_size());
        }),
        Box::new(move || page_cache.report_size()),
    ]
}

/// On SQLite, the server holds the database's serve lock (shared) while it runs, so `careers
/// restore` can tell that it must not replace the file. PostgreSQL needs none.
fn serve_lock(config: &Config) -> std::io::Result<Option<Arc<crate::maintenance::ServeLock>>> {
    match Backend::from_url(&config.database_url) {
        Ok(Backend::Sqlite(path)) => crate::maintenance::ServeLock::serving(&path)
            .map(|lock| Some(Arc::new(lock)))
            .map_err(std::io::Error::other),
        _ => Ok(None),
    }
}

/// Runs `server` until SIGTERM or SIGINT (Ctrl-C): then it stops accepting connections, lets
/// requests in flight finish for up to `SHUTDOWN_GRACE_SECONDS`, and raises `trigger` so
/// background work ends its current step. A second signal stops at once. Returns when the
/// server has stopped.
pub async fn until_stopped(
    server: Server,
    trigger: crate::shutdown::Trigger,
    grace_seconds: u64,
) -> std::io::Result<()> {
    let handle = server.handle();
    let watcher = actix_web::rt::spawn(async move {
        let Some(name) = stop_signal().await else {
            return;
        };
        log::info!("{name}: stopping; requests in flight have up to {grace_seconds} s to finish");
        trigger.stop();
        let graceful = handle.stop(true);
        futures_util::pin_mut!(graceful);
        let again = stop_signal();
        futures_util::pin_mut!(again);
        if let futures_util::future::Either::Right((Some(name), _)) =
            futures_util::future::select(graceful, again).await
        {
            log::warn!("{name} again: stopping now");
            handle.stop(false).await;
        }
    });
    let result = server.await;
    watcher.abort();
    log::info!("stopped");
    result
}

/// The next SIGTERM or SIGINT, by name; `None` if they cannot be watched.
async fn stop_signal() -> Option<&'static str> {
    #[cfg(unix)]
    {
        use actix_web::rt::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            log::warn!("cannot watch SIGTERM and SIGINT");
            return None;
        };
        let term = std::pin::pin!(term.recv());
        let int = std::pin::pin!(int.recv());
        match futures_util::future::select(term, int).await {
            futures_util::future::Either::Left(_) => Some("SIGTERM"),
            futures_util::future::Either::Right(_) => Some("SIGINT"),
        }
    }
    #[cfg(not(unix))]
    {
        actix_web::rt::signal::ctrl_c().await.ok().map(|_| "Ctrl-C")
    }
}

/// Sessions in a private (encrypted and signed) cookie, 12 hours idle.
fn session_layer(key: Key, secure: bool) -> SessionMiddleware<CookieSessionStore> {
    SessionMiddleware::builder(CookieSessionStore::default(), key)
        .cookie_name("careers_session".into())
        .cookie_secure(secure)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(
            PersistentSession::default()
                .session_ttl(actix_web::cookie::time::Duration::hours(12))
                .session_ttl_extension_policy(TtlExtensionPolicy::OnEveryRequest),
        )
        .build()
}

/// The security headers of every response; HSTS only when the site is served over HTTPS.
fn security_headers(secure: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CSP))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), interest-cohort=()",
        ))
        .add(("Cross-Origin-Opener-Policy", "same-origin"));
    if secure {
        headers.add((
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// A path or query string that decodes to a control character (NUL above all, which
/// PostgreSQL cannot store or compare) is a 400 before any handler reads it, on both backends.
async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let uri = req.uri();
    if crate::forms::encoded_has_control(uri.path(), false)
        || crate::forms::encoded_has_control(uri.query().unwrap_or(""), true)
    {
        let error = crate::error::AppError::BadRequest(crate::messages::CONTROL_CHARACTER.into());
        return Ok(req.error_response(error).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// How long a client has to send a request body in full (`BODY_TIMEOUT_SECS`).
#[derive(Debug, Clone, Copy)]
pub struct BodyTimeout(pub std::time::Duration);

/// Gives every request body a deadline: actix times out a request's head but not its body, so a
/// client sending a byte a second would hold a worker's memory and an upload slot for ever.
/// Past the deadline the body stream fails with `TimedOut`, which readers turn into 408.
async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    let safe = matches!(
        *req.method(),
        actix_web::http::Method::GET | actix_web::http::Method::HEAD
    );
    let timeout = req.app_data::<web::Data<BodyTimeout>>().map(|t| t.0);
    if let (false, Some(timeout)) = (safe, timeout) {
        let inner = req.take_payload();
        type Boxed = std::pin::Pin<
            Box<
                dyn futures_util::Stream<Item = Result<web::Bytes, actix_web::error::PayloadError>>,
            >,
        >;
        let stream: Boxed = Box::pin(DeadlineStream {
            inner,
            sleep: Box::pin(actix_web::rt::time::sleep(timeout)),
            expired: false,
        });
        req.set_payload(actix_web::dev::Payload::from(stream));
    }
    next.call(req).await
}

/// A request body that fails once its deadline has passed.
struct DeadlineStream {
    inner: actix_web::dev::Payload,
    sleep: std::pin::Pin<Box<actix_web::rt::time::Sleep>>,
    expired: bool,
}

impl futures_util::Stream for DeadlineStream {
    type Item = Result<web::Bytes, actix_web::error::PayloadError>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use std::future::Future;
        use std::task::Poll;
        if self.expired {
            return Poll::Ready(None);
        }
        if self.sleep.as_mut().poll(cx).is_ready() {
            self.expired = true;
            return Poll::Ready(Some(Err(actix_web::error::PayloadError::Io(
                std::io::Error::new(std::io::ErrorKind::TimedOut, "request body too slow"),
            ))));
        }
        std::pin::Pin::new(&mut self.inner).poll_next(cx)
    }
}

/// What a public (sessionless) state-changing request must show before any handler runs:
/// where it comes from, what it is and how big. Admin forms carry a CSRF token instead.
/// - Neither `Origin` nor `Sec-Fetch-Site`: 403. Every current browser sends one of them on a
///   form POST, so a request with neither is a script replaying a form, not a visitor.
/// - A body that is not the form the page sends (urlencoded, or multipart for the apply form):
///   415. A POST without any body (withdraw) needs no content type.
/// - An announced body over the limit (`MAX_BODY_BYTES`; the apply handler checks its own): 413.
async fn public_post_checks(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    use crate::error::AppError;
    if let Some(error) = public_post_problem(&req) {
        let error: AppError = error;
        return Ok(req.error_response(error).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

fn public_post_problem(req: &ServiceRequest) -> Option<crate::error::AppError> {
    use crate::error::AppError;
    let safe = matches!(
        *req.method(),
        actix_web::http::Method::GET
            | actix_web::http::Method::HEAD
            | actix_web::http::Method::OPTIONS
    );
    let path = req.path();
    if safe || path == "/admin" || path.starts_with("/admin/") {
        return None;
    }
    // A request no handler takes (the 405 of a page, the 404 of an unknown path) changes
    // nothing: it gets that answer, whatever its headers.
    if !crate::routes::accepts(req.match_pattern().as_deref(), req.method().as_str()) {
        return None;
    }
    // RFC 8058 one-click unsubscribe: mail providers POST it from their own servers, with no
    // `Origin` and either form encoding, and the handler reads no body: the token in the path
    // is the only credential. Just this one address.
    if req
        .match_pattern()
        .map(|p| crate::routes::table_pattern(&p))
        .as_deref()
        == Some(crate::routes::ONE_CLICK_UNSUBSCRIBE)
    {
        return None;
    }
    let headers = req.headers();
    if !headers.contains_key(header::ORIGIN) && !headers.contains_key("sec-fetch-site") {
        return Some(AppError::Csrf);
    }
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let has_body = headers.contains_key(header::TRANSFER_ENCODING) || length.is_some_and(|n| n > 0);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    let multipart = path.ends_with("/apply");
    let expected = if multipart {
        "multipart/form-data"
    } else {
        "application/x-www-form-urlencoded"
    };
    match content_type.as_deref() {
        None if !has_body => {}
        Some(t) if t == expected => {}
        _ => return Some(AppError::UnsupportedMediaType),
    }
    if !multipart && length.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Some(AppError::PayloadTooLarge(
            crate::messages::FORM_TOO_LARGE.into(),
        ));
    }
    None
}

/// Admin pages and forms hold private data: never cached anywhere. Public pages are
/// revalidated unless a handler chose otherwise.
async fn cache_control(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let private = req.path().starts_with("/admin");
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    if private {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    Ok(res)
}
