//! Synchronizer CSRF tokens: random bytes kept in the session, echoed by every form.

use actix_session::Session;
use subtle::ConstantTimeEq;

use crate::error::{AppError, AppResult};

const KEY: &str = "csrf";
pub const FIELD: &str = "csrf_token";

/// The session's token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(KEY) {
        return token;
    }
    let token = crate::tokens::random_token();
    let _ = session.insert(KEY, &token);
    token
}

/// Forgets the session's token; the next form gets a new one. Called at sign-in, so that a
/// token seen before it (a cached page, a shared computer) authorizes nothing after it.
pub fn rotate(session: &Session) {
    session.remove(KEY);
}

/// Compares in constant time; a session without a token matches nothing.
pub fn verify(session: &Session, submitted: Option<&str>) -> AppResult<()> {
    let expected = session
        .get::<String>(KEY)
        .ok()
        .flatten()
        .ok_or(AppError::Csrf)?;
    let submitted = submitted.ok_or(AppError::Csrf)?;
    if expected.len() == submitted.len()
        && bool::from(expected.as_bytes().ct_eq(submitted.as_bytes()))
    {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}
