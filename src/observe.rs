//! What the operator sees of each request, in the outermost middleware (`layer`): its id
//! (`X-Request-Id`, on the response and on every log line written while it is served), one
//! access-log line, the request metrics; and `/metrics` itself, served only with
//! `METRICS_TOKEN` (bearer) or on the `METRICS_BIND` listener.

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::HttpResponse;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use crate::site::Site;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Sets a gauge from a live object (the pool, the page cache) when `/metrics` is read.
pub type Sampler = Box<dyn Fn() + Send + Sync>;

/// Where and for whom `/metrics` is served.
pub struct MetricsEndpoint {
    /// SHA-256 of `METRICS_TOKEN`: compared in constant time, whatever its length.
    token: Option<[u8; 32]>,
    /// The `METRICS_BIND` listener's address: it serves `/metrics` and nothing else, and the
    /// site's listeners then serve no `/metrics`.
    own_listener: Option<SocketAddr>,
    samplers: Vec<Sampler>,
}

impl MetricsEndpoint {
    pub fn new(
        token: Option<&str>,
        own_listener: Option<SocketAddr>,
        samplers: Vec<Sampler>,
    ) -> MetricsEndpoint {
        MetricsEndpoint {
            token: token
                .filter(|t| !t.is_empty())
                .map(|t| Sha256::digest(t.as_bytes()).into()),
            own_listener,
            samplers,
        }
    }

    /// Whether `/metrics` exists on the listener `local`, and whether this is that listener.
    fn serves(&self, local: SocketAddr) -> (bool, bool) {
        match self.own_listener {
            Some(own) => (own == local, own == local),
            None => (self.token.is_some(), false),
        }
    }

    fn authorized(&self, req: &ServiceRequest) -> bool {
        use subtle::ConstantTimeEq;
        let Some(expected) = &self.token else {
            return true;
        };
        let given = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        let given: [u8; 32] = Sha256::digest(given.trim().as_bytes()).into();
        bool::from(given.ct_eq(expected))
    }

    fn respond(&self, req: &ServiceRequest) -> HttpResponse {
        if req.path() != "/metrics" {
            return HttpResponse::NotFound()
                .content_type("text/plain; charset=utf-8")
                .body("only /metrics here\n");
        }
        if !matches!(*req.method(), Method::GET | Method::HEAD) {
            return HttpResponse::MethodNotAllowed()
                .insert_header((header::ALLOW, "GET, HEAD"))
                .finish();
        }
        if !self.authorized(req) {
            return HttpResponse::Unauthorized()
                .insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\""))
                .content_type("text/plain; charset=utf-8")
                .body("a bearer token is required\n");
        }
        for sample in &self.samplers {
            sample();
        }
        HttpResponse::Ok()
            .content_type(crate::metrics::CONTENT_TYPE)
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(crate::metrics::render())
    }
}

/// The request's id: the one a trusted proxy sent (`TRUST_PROXY`) when it looks like an id —
/// 1 to 64 letters, digits, `-`, `_` or `.` — else a new random one.
pub fn request_id(req: &ServiceRequest, trust_proxy: bool) -> Arc<str> {
    let given = trust_proxy
        .then(|| req.headers().get(REQUEST_ID_HEADER))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| looks_like_id(v));
    match given {
        Some(id) => Arc::from(id),
        None => Arc::from(format!("{:032x}", rand::random::<u128>()).as_str()),
    }
}

fn looks_like_id(text: &str) -> bool {
    (1..=64).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The request as its access-log line and metrics describe it.
struct Seen {
    id: Arc<str>,
    method: Method,
    line: String,
    target: String,
    client: String,
    started: Instant,
}

/// The middleware (`actix_web::middleware::from_fn`), outermost: everything inside runs with
/// the request id set, error pages included.
pub async fn layer(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let started = Instant::now();
    let site = req.app_data::<web::Data<Site>>().cloned();
    let trust_proxy = site.as_ref().is_some_and(|s| s.trust_proxy);
    let id = request_id(&req, trust_proxy);
    let seen = Seen {
        id: id.clone(),
        method: req.method().clone(),
        line: request_line(req.method().as_str(), req.uri(), req.version()),
        target: redacted_target(req.path(), req.uri().query()),
        client: match &site {
            Some(site) => crate::handlers::client_address(req.request(), site),
            None => "unknown".into(),
        },
        started,
    };
    let endpoint = req.app_data::<web::Data<MetricsEndpoint>>().cloned();
    let (has_metrics, metrics_only) = endpoint
        .as_ref()
        .map(|e| e.serves(req.app_config().local_addr()))
        .unwrap_or((false, false));
    let mut answered_here = None;
    let mut res = match endpoint {
        Some(endpoint) if metrics_only || (has_metrics && req.path() == "/metrics") => {
            answered_here = Some(match req.path() {
                "/metrics" => "/metrics",
                _ => crate::metrics::UNMATCHED,
            });
            let response = endpoint.respond(&req);
            req.into_response(response)
        }
        // (The request cannot be cloned before routing, which needs it alone.)
        _ => match crate::logging::scope(id.clone(), next.call(req)).await {
            Ok(res) => res.map_into_boxed_body(),
            Err(e) => {
                // Handlers' errors arrive as responses; only a middleware fails like this. It
                // is still counted and logged; actix draws the response.
                let status = e.as_response_error().status_code();
                drop(LoggedBody {
                    body: BoxBody::new(()),
                    bytes: 0,
                    status,
                    route: crate::metrics::UNMATCHED.to_string(),
                    seen,
                });
                return Err(e);
            }
        },
    };
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    let status = res.status();
    let route = match answered_here {
        Some(route) => route.to_string(),
        None => res
            .request()
            .match_pattern()
            .map(|p| crate::i18n::without_language(&p))
            .unwrap_or_else(|| crate::metrics::UNMATCHED.to_string()),
    };
    Ok(res.map_body(move |_, body| {
        BoxBody::new(LoggedBody {
            body,
            bytes: 0,
            status,
            route,
            seen,
        })
    }))
}

/// A response body that writes the access-log line and the request metrics once it has been
/// sent (or dropped: the client went away), like actix's own logger.
struct LoggedBody {
    body: BoxBody,
    bytes: u64,
    status: StatusCode,
    route: String,
    seen: Seen,
}

impl MessageBody for LoggedBody {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        let polled = Pin::new(&mut self.body).poll_next(cx);
        if let Poll::Ready(Some(Ok(chunk))) = &polled {
            self.bytes += chunk.len() as u64;
        }
        polled
    }
}

impl Drop for LoggedBody {
    fn drop(&mut self) {
        let elapsed = self.seen.started.elapsed();
        let status = self.status.as_u16();
        crate::metrics::request(&self.route, self.seen.method.as_str(), status, elapsed);
        let ms = (elapsed.as_secs_f64() * 1e6).round() / 1e3;
        let seen = &self.seen;
        log::info!(
            target: "careers::access",
            request_id = &*seen.id,
            method = seen.method.as_str(),
            route = self.route.as_str(),
            path = seen.target.as_str(),
            status = status,
            bytes = self.bytes,
            duration_ms = ms,
            client = seen.client.as_str();
            "{} \"{}\" {status} {} {ms:.3}ms",
            seen.client,
            seen.line,
            self.bytes
        );
    }
}

/// The access log's request line without secrets: the receipt token in `/applications/<token>…`
/// (and any other token segment, like an alert link's) is replaced by `…`, and the query string of private paths (`/admin…`, `/applications…`,
/// which may hold a candidate's email as a search) is dropped. Public queries stay.
pub fn request_line(
    method: &str,
    uri: &actix_web::http::Uri,
    version: actix_web::http::Version,
) -> String {
    format!(
        "{method} {} {version:?}",
        redacted_target(uri.path(), uri.query())
    )
}

/// The path and query of a request as the access log shows them (see `request_line`).
pub fn redacted_target(path: &str, query: Option<&str>) -> String {
    // Receipts live under a language prefix (`/es/applications/<token>`), and old unprefixed
    // links still arrive: any short first segment may be one.
    let (prefix, rest) = match path.strip_prefix('/').and_then(|p| p.split_once('/')) {
        Some((first, rest)) if first.len() <= 8 && rest.starts_with("applications") => {
            (format!("/{first}"), format!("/{rest}"))
        }
        _ => (String::new(), path.to_string()),
    };
    let path = rest.as_str();
    let mut shown = match path.strip_prefix("/applications/") {
        Some(rest) => match rest.split_once('/') {
            Some((_, tail)) => format!("{prefix}/applications/…/{tail}"),
            None => format!("{prefix}/applications/…"),
        },
        None => format!("{prefix}{path}"),
    };
    // Any other segment that is a token: the job alert links (confirm, manage, unsubscribe).
    if shown.split('/').any(crate::tokens::looks_like_token) {
        shown = shown
            .split('/')
            .map(|segment| match crate::tokens::looks_like_token(segment) {
                true => "…",
                false => segment,
            })
            .collect::<Vec<_>>()
            .join("/");
    }
    let private = ["/admin", "/applications"].iter().any(|p| {
        path == *p
            || path.starts_with(&format!("{p}/"))
            || path.starts_with(&format!("{p}."))
            || path.starts_with(&format!("{p}?"))
    });
    match query {
        Some(q) if !q.is_empty() && !private => {
            shown.push('?');
            shown.push_str(q);
        }
        Some(q) if !q.is_empty() => shown.push_str("?…"),
        _ => {}
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipt_tokens_and_private_queries_stay_out_of_the_access_log() {
        let token = "ab".repeat(32);
        assert_eq!(
            redacted_target(&format!("/applications/{token}"), None),
            "/applications/…"
        );
        assert_eq!(
            redacted_target(&format!("/applications/{token}/erase"), Some("x=1")),
            "/applications/…/erase?…"
        );
        assert_eq!(
            redacted_target("/admin/applications", Some("q=jane%40example.com")),
            "/admin/applications?…"
        );
        assert_eq!(
            redacted_target("/admin/applications.csv", Some("q=jane")),
            "/admin/applications.csv?…"
        );
        assert_eq!(redacted_target("/admin", Some("q=jane")), "/admin?…");
        assert_eq!(
            redacted_target(&format!("/es/alerts/unsubscribe/{token}"), None),
            "/es/alerts/unsubscribe/…"
        );
        assert_eq!(
            redacted_target("/vacancies", Some("q=rust")),
            "/vacancies?q=rust"
        );
        assert_eq!(
            redacted_target("/administrator", Some("a=b")),
            "/administrator?a=b"
        );
        let uri: actix_web::http::Uri = format!("/applications/{token}?q=1").parse().unwrap();
        let line = request_line("GET", &uri, actix_web::http::Version::HTTP_11);
        assert_eq!(line, "GET /applications/…?… HTTP/1.1");
        assert!(!line.contains(&token));
    }

    #[test]
    fn only_short_plain_ids_are_taken_from_a_proxy() {
        assert!(looks_like_id("abc-123_x.y"));
        assert!(looks_like_id(&"a".repeat(64)));
        assert!(!looks_like_id(""));
        assert!(!looks_like_id(&"a".repeat(65)));
        assert!(!looks_like_id("a b"));
        assert!(!looks_like_id("a\"b"));
        assert!(!looks_like_id("ünï"));
    }
}
