//! Passwords (argon2id) and the sign-in limits.

use crate::messages::Msg;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use time::Duration;

pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 1024;
pub const SESSION_IDLE: Duration = Duration::hours(12);

pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash password: {e}"))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash of a password nobody has, verified when the account does not exist so that a wrong
/// email takes as long as a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password that never matches").unwrap_or_default())
}

/// The 10,000 most common breached passwords of at least `MIN_PASSWORD_CHARS` characters,
/// lowercased, one a line (shorter ones fail the length rule anyway). Where the list comes from
/// and its licence: `common_passwords.md` beside it.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// True for a password on the common list, in any case and with any surrounding spaces: the
/// first ones an attacker tries.
pub fn is_common_password(password: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| COMMON_PASSWORDS.lines().collect());
    set.contains(password.trim().to_lowercase().as_str())
}

/// Why a new password is not acceptable, if it is not.
pub fn password_problem(password: &str) -> Option<Msg> {
    let chars = password.chars().count();
    let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    if chars < MIN_PASSWORD_CHARS {
        Some(Msg::new("password-too-short").number("min", n(MIN_PASSWORD_CHARS)))
    } else if chars > MAX_PASSWORD_CHARS {
        Some(Msg::new("password-too-long").number("max", n(MAX_PASSWORD_CHARS)))
    } else if is_common_password(password) {
        Some(Msg::new(crate::messages::PASSWORD_TOO_COMMON))
    } else {
        None
    }
}

/// A readable temporary password for new and reset accounts (one that passes
/// `password_problem`, like any other).
pub fn temporary_password() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    loop {
        let password: String = (0..16)
            .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
            .collect();
        if password_problem(&password).is_none() {
            return password;
        }
    }
}

pub fn looks_like_email(email: &str) -> bool {
    let email = email.trim();
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
                && email.len() <= 254
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("wrong", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn password_rules() {
        assert!(password_problem("short").is_some());
        assert!(password_problem("twelve chars").is_none());
        assert_eq!(temporary_password().len(), 16);
        assert!(password_problem(&temporary_password()).is_none());
    }

    #[test]
    fn common_passwords_are_refused_in_any_case() {
        for common in [
            "qwertyqwerty",
            "QwertyQwerty",
            " 1qaz2wsx3edc ",
            "MOTHERFUCKER",
        ] {
            assert_eq!(
                password_problem(common)
                    .map(|m| m.key.to_string())
                    .as_deref(),
                Some(crate::messages::PASSWORD_TOO_COMMON),
                "{common}"
            );
        }
        assert!(!is_common_password("correct horse battery staple"));
    }

    #[test]
    fn the_common_list_is_ten_thousand_long_lowercase_passwords() {
        let lines: Vec<&str> = COMMON_PASSWORDS.lines().collect();
        assert_eq!(lines.len(), 10_000);
        let distinct: std::collections::HashSet<&str> = lines.iter().copied().collect();
        assert_eq!(distinct.len(), lines.len());
        for line in lines {
            assert!(line.chars().count() >= MIN_PASSWORD_CHARS, "{line}");
            assert_eq!(line, line.to_lowercase());
            assert_eq!(line, line.trim());
        }
    }

    #[test]
    fn emails() {
        assert!(looks_like_email("a@b.co"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("@b.co"));
        assert!(!looks_like_email("a b@c.de"));
    }
}
