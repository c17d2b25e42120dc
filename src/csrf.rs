//! Synchronizer CSRF tokens: random bytes kept in the session, echoed by every form. Pages carry
//! the secret masked with a fresh random pad (`hex(pad || pad XOR secret)`), so no two responses
//! hold the same token string: admin pages are compressed and echo what was typed, and a
//! constant secret in them could be read out through the compressed length (BREACH).

use actix_session::Session;
use subtle::ConstantTimeEq;

use crate::error::{AppError, AppResult};

const KEY: &str = "csrf";
pub const FIELD: &str = "csrf_token";

/// The session's secret (hex), created on first use.
fn secret(session: &Session) -> String {
    if let Ok(Some(secret)) = session.get::<String>(KEY) {
        return secret;
    }
    let secret = crate::tokens::random_token();
    let _ = session.insert(KEY, &secret);
    secret
}

/// A token for one page: the session's secret under a fresh mask.
pub fn token(session: &Session) -> String {
    use rand::RngCore;
    let secret = hex::decode(secret(session)).unwrap_or_default();
    let mut pad = vec![0u8; secret.len()];
    rand::rng().fill_bytes(&mut pad);
    let masked: Vec<u8> = pad.iter().zip(&secret).map(|(p, s)| p ^ s).collect();
    let mut token = hex::encode(&pad);
    token.push_str(&hex::encode(masked));
    token
}

/// The secret inside a masked token, if it is one.
fn unmask(token: &str) -> Option<Vec<u8>> {
    let bytes = hex::decode(token).ok()?;
    if bytes.is_empty() || bytes.len() % 2 != 0 {
        return None;
    }
    let (pad, masked) = bytes.split_at(bytes.len() / 2);
    Some(pad.iter().zip(masked).map(|(p, m)| p ^ m).collect())
}

/// Forgets the session's token; the next form gets a new one. Called at sign-in, so that a
/// token seen before it (a cached page, a shared computer) authorizes nothing after it.
pub fn rotate(session: &Session) {
    session.remove(KEY);
}

/// Unmasks the submitted token and compares it with the session's secret in constant time; a
/// session without a secret matches nothing.
pub fn verify(session: &Session, submitted: Option<&str>) -> AppResult<()> {
    let expected = session
        .get::<String>(KEY)
        .ok()
        .flatten()
        .and_then(|s| hex::decode(s).ok())
        .ok_or(AppError::Csrf)?;
    let submitted = submitted.and_then(unmask).ok_or(AppError::Csrf)?;
    if expected.len() == submitted.len() && bool::from(expected.as_slice().ct_eq(&submitted)) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}
