//! The process's Prometheus metrics: one registry, and one function per event for the layer
//! that sees it (the request middleware, the pool, the page cache, mail, applications,
//! sign-in). It depends on nothing of the site, so every layer may call it. `/metrics`
//! (see `observe`) writes them out in the text format.
//!
//! Counters are per process (one instance); Prometheus adds instances up. Gauges that describe
//! a pool or a cache are set when `/metrics` is read, from the object itself.

use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};
use std::sync::LazyLock;
use std::time::Duration;

/// The label of requests no route matched (404s, probes): never the raw path, which anyone
/// could fill with new values.
pub const UNMATCHED: &str = "unmatched";

/// Response times, 1 ms to 30 s.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
/// Waits for a pooled connection, 0.1 ms up to the pool's 10-second timeout.
const POOL_WAIT_BUCKETS: &[f64] = &[
    0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0,
];

struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool_connections: IntGauge,
    pool_in_use: IntGauge,
    pool_max: IntGauge,
    pool_wait: Histogram,
    pool_timeouts: IntCounter,
    cache_hits: IntCounter,
    cache_misses: IntCounter,
    cache_bytes: IntGauge,
    cache_entries: IntGauge,
    mail_sent: IntCounter,
    mail_failures: IntCounter,
    mail_sending: IntGauge,
    outbox_pending: IntGauge,
    outbox_failures: IntCounter,
    alerts_last_success: IntGauge,
    applications: IntCounterVec,
    sign_in_failures: IntCounter,
    sign_in_lockouts: IntCounter,
}

/// Built once; `None` only if a definition below were invalid (the unit test builds them), so
/// recording never panics: without metrics the site still serves.
static METRICS: LazyLock<Option<Metrics>> = LazyLock::new(|| match build() {
    Ok(m) => Some(m),
    Err(e) => {
        log::error!("metrics unavailable: {e}");
        None
    }
});

fn build() -> prometheus::Result<Metrics> {
    let registry = Registry::new();
    let reg = |c: Box<dyn prometheus::core::Collector>| registry.register(c);
    let counter = |name: &str, help: &str| -> prometheus::Result<IntCounter> {
        let c = IntCounter::new(name, help)?;
        reg(Box::new(c.clone()))?;
        Ok(c)
    };
    let gauge = |name: &str, help: &str| -> prometheus::Result<IntGauge> {
        let g = IntGauge::new(name, help)?;
        reg(Box::new(g.clone()))?;
        Ok(g)
    };
    let requests = IntCounterVec::new(
        Opts::new(
            "careers_http_requests_total",
            "HTTP requests answered, by route pattern, method and status class.",
        ),
        &["route", "method", "status"],
    )?;
    reg(Box::new(requests.clone()))?;
    let latency = HistogramVec::new(
        HistogramOpts::new(
            "careers_http_request_duration_seconds",
            "Time from a request's arrival to the end of its response body, by route pattern.",
        )
        .buckets(LATENCY_BUCKETS.to_vec()),
        &["route"],
    )?;
    reg(Box::new(latency.clone()))?;
    let pool_wait = Histogram::with_opts(
        HistogramOpts::new(
            "careers_db_pool_wait_seconds",
            "Time spent waiting for a pooled database connection.",
        )
        .buckets(POOL_WAIT_BUCKETS.to_vec()),
    )?;
    reg(Box::new(pool_wait.clone()))?;
    let applications = IntCounterVec::new(
        Opts::new(
            "careers_applications_total",
            "Applications sent through the apply form, by outcome (stored, duplicate, rate_limited).",
        ),
        &["outcome"],
    )?;
    reg(Box::new(applications.clone()))?;
    // Every outcome from zero, so a rate over them works from the start.
    for outcome in ["stored", "duplicate", "rate_limited"] {
        applications.with_label_values(&[outcome]);
    }
    let build_info = IntGaugeVec::new(
        Opts::new("careers_build_info", "The running release; always 1."),
        &["version"],
    )?;
    reg(Box::new(build_info.clone()))?;
    build_info
        .with_label_values(&[env!("CARGO_PKG_VERSION")])
        .set(1);
    let started = gauge(
        "careers_start_time_seconds",
        "When this process started, in seconds since 1970.",
    )?;
    started.set(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
            .unwrap_or(0),
    );
    Ok(Metrics {
        requests,
        latency,
        pool_connections: gauge(
            "careers_db_pool_connections",
            "Database connections open in the pool (idle and in use).",
        )?,
        pool_in_use: gauge(
            "careers_db_pool_connections_in_use",
            "Database connections lent out of the pool right now.",
        )?,
        pool_max: gauge(
            "careers_db_pool_max_connections",
            "The pool's size limit (DB_POOL_SIZE).",
        )?,
        pool_wait,
        pool_timeouts: counter(
            "careers_db_pool_timeouts_total",
            "Requests that got no database connection in time (answered 503).",
        )?,
        cache_hits: counter(
            "careers_page_cache_hits_total",
            "Public pages served from the page cache (a 304 included).",
        )?,
        cache_misses: counter(
            "careers_page_cache_misses_total",
            "Cacheable public pages that had to be drawn (not cached, or from an older generation).",
        )?,
        cache_bytes: gauge(
            "careers_page_cache_bytes",
            "Bytes of pages held by the page cache (PAGE_CACHE_MB bounds it).",
        )?,
        cache_entries: gauge(
            "careers_page_cache_entries",
            "Pages held by the page cache.",
        )?,
        mail_sent: counter(
            "careers_mail_sent_total",
            "Messages the mail server accepted.",
        )?,
        mail_failures: counter(
            "careers_mail_failures_total",
            "Messages that could not be built or sent (each is logged).",
        )?,
        mail_sending: gauge(
            "careers_mail_sending",
            "Messages handed to the background sender and not yet sent or failed.",
        )?,
        outbox_pending: gauge(
            "careers_mail_outbox_pending",
            "Messages in the mail outbox waiting to be sent or retried (all instances).",
        )?,
        outbox_failures: counter(
            "careers_mail_outbox_failures_total",
            "Outbox send attempts that failed (each retried with backoff, or given up).",
        )?,
        alerts_last_success: gauge(
            "careers_alerts_last_success_time_seconds",
            "When the alert digest job last finished without error, in seconds since 1970 (0: never).",
        )?,
        applications,
        sign_in_failures: counter(
            "careers_sign_in_failures_total",
            "Sign-in attempts refused for a wrong email or password or an inactive account.",
        )?,
        sign_in_lockouts: counter(
            "careers_sign_in_lockouts_total",
            "Sign-in attempts refused unchecked because the address is locked out.",
        )?,
        registry,
    })
}

fn with(record: impl FnOnce(&Metrics)) {
    if let Some(m) = METRICS.as_ref() {
        record(m);
    }
}

/// `2xx`, `4xx`...: the label of a status code.
fn status_class(status: u16) -> &'static str {
    match status {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

/// The method as a label: the common ones by name, anything else (any token is a valid
/// method) as `OTHER`.
fn method_label(method: &str) -> &'static str {
    match method {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "OPTIONS" => "OPTIONS",
        "PATCH" => "PATCH",
        _ => "OTHER",
    }
}

/// One answered request. `route` is the matched route pattern (`/vacancies/{slug}`) or
/// [`UNMATCHED`].
pub fn request(route: &str, method: &str, status: u16, elapsed: Duration) {
    with(|m| {
        m.requests
            .with_label_values(&[route, method_label(method), status_class(status)])
            .inc();
        m.latency
            .with_label_values(&[route])
            .observe(elapsed.as_secs_f64());
    });
}

/// A wait for a pooled connection, and whether one came.
pub fn pool_wait(elapsed: Duration, got_one: bool) {
    with(|m| {
        m.pool_wait.observe(elapsed.as_secs_f64());
        if !got_one {
            m.pool_timeouts.inc();
        }
    });
}

/// The pool as it is now (`r2d2::State`), set when the metrics are read.
pub fn pool_state(connections: u32, idle: u32, max: u32) {
    with(|m| {
        m.pool_connections.set(i64::from(connections));
        m.pool_in_use
            .set(i64::from(connections.saturating_sub(idle)));
        m.pool_max.set(i64::from(max));
    });
}

pub fn page_cache_hit() {
    with(|m| m.cache_hits.inc());
}

pub fn page_cache_miss() {
    with(|m| m.cache_misses.inc());
}

/// The page cache as it is now, set when the metrics are read.
pub fn page_cache_size(bytes: u64, entries: u64) {
    with(|m| {
        m.cache_bytes.set(i64::try_from(bytes).unwrap_or(i64::MAX));
        m.cache_entries
            .set(i64::try_from(entries).unwrap_or(i64::MAX));
    });
}

/// A message on its way to the mail server: counted in `careers_mail_sending` until
/// [`MailSending::done`] (or until dropped, when its task was cancelled).
pub struct MailSending(());

pub fn mail_sending() -> MailSending {
    with(|m| m.mail_sending.inc());
    MailSending(())
}

impl MailSending {
    /// The server took the message (`true`), or it failed.
    pub fn done(self, sent: bool) {
        with(|m| match sent {
            true => m.mail_sent.inc(),
            false => m.mail_failures.inc(),
        });
    }
}

impl Drop for MailSending {
    fn drop(&mut self) {
        with(|m| m.mail_sending.dec());
    }
}

/// A message that failed before it could be sent (its template).
pub fn mail_failure() {
    with(|m| m.mail_failures.inc());
}

/// The outbox's depth, read from the database by the jobs loop.
pub fn outbox_pending(count: i64) {
    with(|m| m.outbox_pending.set(count));
}

/// An outbox send attempt failed.
pub fn outbox_failure() {
    with(|m| m.outbox_failures.inc());
}

/// When the alert digests last ran without error (Unix seconds).
pub fn alerts_last_success(unix_seconds: i64) {
    with(|m| m.alerts_last_success.set(unix_seconds));
}

/// What became of an application sent through the form.
#[derive(Debug, Clone, Copy)]
pub enum ApplicationOutcome {
    Stored,
    Duplicate,
    RateLimited,
}

pub fn application(outcome: ApplicationOutcome) {
    let label = match outcome {
        ApplicationOutcome::Stored => "stored",
        ApplicationOutcome::Duplicate => "duplicate",
        ApplicationOutcome::RateLimited => "rate_limited",
    };
    with(|m| m.applications.with_label_values(&[label]).inc());
}

pub fn sign_in_failure() {
    with(|m| m.sign_in_failures.inc());
}

pub fn sign_in_lockout() {
    with(|m| m.sign_in_lockouts.inc());
}

/// Every metric in the Prometheus text format (version 0.0.4).
pub fn render() -> String {
    let Some(m) = METRICS.as_ref() else {
        return String::new();
    };
    TextEncoder::new()
        .encode_to_string(&m.registry.gather())
        .unwrap_or_else(|e| {
            log::error!("metrics not encoded: {e}");
            String::new()
        })
}

/// The content type of [`render`]'s text.
pub const CONTENT_TYPE: &str = prometheus::TEXT_FORMAT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_is_defined_and_recorded() {
        assert!(build().is_ok(), "{:?}", build().err());
        request("/vacancies/{slug}", "GET", 200, Duration::from_millis(3));
        request(UNMATCHED, "BREW", 404, Duration::from_millis(1));
        application(ApplicationOutcome::Stored);
        let text = render();
        assert!(text.contains(
            "careers_http_requests_total{method=\"GET\",route=\"/vacancies/{slug}\",status=\"2xx\"}"
        ));
        assert!(text.contains(
            "careers_http_requests_total{method=\"OTHER\",route=\"unmatched\",status=\"4xx\"}"
        ));
        assert!(text.contains("careers_applications_total{outcome=\"stored\"}"));
        assert!(text.contains("careers_http_request_duration_seconds_bucket"));
        assert!(text.contains("careers_build_info{version="));
    }

    #[test]
    fn statuses_fall_into_classes() {
        assert_eq!(status_class(200), "2xx");
        assert_eq!(status_class(304), "3xx");
        assert_eq!(status_class(404), "4xx");
        assert_eq!(status_class(503), "5xx");
    }
}
