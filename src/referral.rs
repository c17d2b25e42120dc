//! Remembers where a visitor came from (`domain::referral`) in a short-lived first-party
//! cookie, for the application they may send later. It wraps the page cache from outside, so
//! cached pages carry the cookie too and the cache never sees a `Set-Cookie` it would refuse
//! to keep; the cookie is not a personal one, so it does not make later pages bypass the cache.

use actix_web::body::MessageBody;
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web;

use crate::domain::referral;
use crate::site::Site;

/// Paths nobody lands on from another site: the admin area, files, the health check.
fn is_landing_page(path: &str) -> bool {
    !(path == "/admin"
        || path.starts_with("/admin/")
        || path.starts_with("/static/")
        || path == "/healthz")
}

/// The source of this request when it is a page visit from another site or a tagged link.
fn source_of(req: &ServiceRequest, site: &Site) -> Option<String> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) || !is_landing_page(req.path()) {
        return None;
    }
    let referer = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok());
    let query = req.query_string();
    // Most visits have neither: no work for them.
    if referer.is_none() && !query.contains("utm_source") {
        return None;
    }
    let own = [
        site.base_url
            .split_once("://")
            .map_or(site.base_url.as_str(), |(_, rest)| rest)
            .to_string(),
        req.connection_info().host().to_string(),
    ];
    referral::of_visit(&crate::handlers::query_pairs(query), referer, &own)
}

/// The middleware (`actix_web::middleware::from_fn`).
pub async fn layer(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(site) = req.app_data::<web::Data<Site>>().cloned() else {
        return next.call(req).await;
    };
    let source = source_of(&req, &site);
    let mut res = next.call(req).await?;
    let Some(source) = source else {
        return Ok(res);
    };
    let status = res.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let cookie = Cookie::build(referral::COOKIE, source)
            .path("/")
            .max_age(Duration::seconds(referral::COOKIE_SECONDS))
            .http_only(true)
            .secure(site.base_url.starts_with("https://"))
            .same_site(SameSite::Lax)
            .finish();
        if let Ok(value) = header::HeaderValue::from_str(&cookie.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    Ok(res)
}
