//! Random secrets: CSRF tokens, receipt tokens, unsubscribe links. One generator, and the one
//! hash under which tokens that act as keys are stored.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// 32 random bytes from the operating system's generator, as 64 lowercase hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What is stored for a token that opens something: a copy of the database opens nothing.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A token that could have been issued by `random_token`.
pub fn looks_like_token(token: &str) -> bool {
    token.len() == 64
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_only_their_hash_is_kept() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert!(looks_like_token(&a));
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert!(!looks_like_token("abc"));
        assert!(!looks_like_token(&a.to_uppercase()));
    }
}
