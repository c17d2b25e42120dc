//! HTTP handlers: parse input, call the domain and the database, pick a template.

pub mod admin;
pub mod alerts;
pub mod api;
pub mod applications;
pub mod articles;
pub mod home;
pub mod learn;
pub mod meta;
pub mod saved;
pub mod vacancies;

use actix_web::HttpRequest;

use crate::db::{DbConn, DbPool};
use crate::domain::{address, spam};
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::signing::Signer;
use crate::site::Site;

/// What every handler can reach: the pool, the site's identity, the key for values the
/// browser keeps (progress, form stamps) and the spam rules of public forms.
pub struct AppState {
    pub pool: DbPool,
    pub site: Site,
    pub signer: Signer,
    pub spam: spam::Rules,
    /// Fixed by the migrations, so read once at start-up instead of on every request.
    pub categories: Vec<crate::models::Category>,
    /// `SESSION_MAX_HOURS`: a sign-in ends this long after it was made.
    pub session_max_hours: u32,
}

impl AppState {
    /// Runs one query or one action on a pooled connection, on the blocking pool.
    pub async fn run<F, T>(&self, work: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConn) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        crate::db::blocking(&self.pool, work).await
    }
}

/// The language of a public page: the first segment of its path (the routes only exist under
/// the configured languages), else the site's default.
impl actix_web::FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Lang, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        std::future::ready(Ok(request_language(req)))
    }
}

pub fn request_language(req: &HttpRequest) -> Lang {
    match req.app_data::<actix_web::web::Data<AppState>>() {
        Some(state) => state
            .site
            .language_of_path(req.path())
            .unwrap_or(state.site.default_lang),
        None => Lang::fallback(),
    }
}

/// The address per-address limits count against (and the access log shows): the TCP peer, or
/// behind a trusted proxy (`TRUST_PROXY`) the `X-Forwarded-For` entry it added, counted
/// `TRUSTED_PROXY_HOPS` from the right; `Forwarded` is ignored. IPv6 clients count per /64.
/// (Not actix's `realip_remote_addr`: it takes the leftmost entry, the client's own claim, and
/// lets `Forwarded` override it.)
pub fn client_address(req: &HttpRequest, site: &Site) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    let forwarded = if site.trust_proxy {
        let lines = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok());
        address::forwarded_client(lines, site.trusted_proxy_hops)
    } else {
        None
    };
    match forwarded.or(peer) {
        Some(ip) => address::limit_key(ip),
        None => "unknown".to_string(),
    }
}

/// True unless the browser says the request came from another site. Public forms have no
/// session to bind a CSRF token to, so they rely on this plus a signed form stamp. `Origin`
/// is compared with the configured site (`BASE_URL`) only: the request's own host comes from
/// `Host` / `X-Forwarded-Host`, which whoever sends the request chooses.
pub fn same_origin(req: &HttpRequest, site: &Site) -> bool {
    let headers = req.headers();
    if let Some(fetch_site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(fetch_site, "same-origin" | "none");
    }
    match headers.get("origin").and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => origin.trim_end_matches('/') == site.base_url,
    }
}

/// Decoded query pairs; invalid percent-encodings become U+FFFD rather than an error.
pub fn query_pairs(query_string: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query_string).unwrap_or_default()
}

/// Whether a `next` address sent with a request (the language switch, a "Save" button) may be
/// redirected to: `/es` or `/es/…` made only of characters a page address of ours uses (no
/// `//`, `\`, or controls, so never another site).
pub fn is_page_of(next: &str, home: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "/-_.?=&%+,".contains(c);
    (next == home || next.starts_with(&format!("{home}/")) || next.starts_with(&format!("{home}?")))
        && !next.contains("//")
        && next.chars().all(allowed)
}

#[cfg(test)]
mod tests {
    use super::is_page_of;

    #[test]
    fn switch_targets_stay_on_the_language() {
        assert!(is_page_of("/es", "/es"));
        assert!(is_page_of("/es/vacancies?q=rust&page=2", "/es"));
        assert!(!is_page_of("/en/vacancies", "/es"));
        assert!(!is_page_of("/es//evil.example", "/es"));
        assert!(!is_page_of("/es\\evil", "/es"));
        assert!(!is_page_of("/esx", "/es"));
        assert!(!is_page_of("/es/\tx", "/es"));
        assert!(!is_page_of("https://evil.example/es", "/es"));
        assert!(
            !is_page_of("/es/vacancies#top", "/es"),
            "a fragment is ours to add"
        );
    }
}
