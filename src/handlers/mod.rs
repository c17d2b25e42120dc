//! HTTP handlers: parse input, call the domain and the database, pick a template.

pub mod admin;
pub mod applications;
pub mod home;
pub mod meta;
pub mod vacancies;

use crate::db::DbPool;
use crate::site::Site;

/// What every handler can reach: the pool and the site's identity.
pub struct AppState {
    pub pool: DbPool,
    pub site: Site,
}

/// Decoded query pairs; invalid percent-encodings become U+FFFD rather than an error.
pub fn query_pairs(query_string: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query_string).unwrap_or_default()
}
