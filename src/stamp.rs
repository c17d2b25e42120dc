//! Signed stamps for public forms, which have no session to hold a CSRF token: the time the
//! form was shown, signed for one purpose (a form, and for the apply form its vacancy). A valid
//! stamp proves the form came from this site for this purpose; its age is the fill time that
//! tells robots from people. One rule for every form: at most `MAX_AGE_SECS` old, and not from
//! the future beyond the clock skew instances may have.

use crate::signing::Signer;

/// The hidden field that carries the stamp.
pub const FIELD: &str = "form_stamp";
/// A form older than this was probably scraped and replayed: it is shown again, stamped anew.
pub const MAX_AGE_SECS: i64 = 24 * 3600;
/// Instances' clocks may differ a little; further ahead is a forgery.
const FUTURE_SKEW_SECS: i64 = 60;

/// Which form a stamp was issued for; a stamp for one never passes for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Comment,
    Apply {
        vacancy_id: i32,
    },
    /// "Email me new vacancies like these" on the vacancy list.
    Alert,
}

impl Purpose {
    fn key(self) -> String {
        match self {
            Purpose::Comment => "form-shown-at".to_string(),
            Purpose::Apply { vacancy_id } => format!("apply-form:{vacancy_id}"),
            Purpose::Alert => "alert-form".to_string(),
        }
    }
}

/// Put in a response's extensions by a page that carries a stamp: the page cache keeps the page
/// without it and issues a fresh one for each visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub issued: String,
    pub purpose: Purpose,
}

/// A stamp for a form of `purpose` shown at `now` (Unix seconds). A random nonce makes every
/// stamp unique, so one that was used (a comment's, recorded by its hash) is not mistaken for
/// another visitor's shown in the same second.
pub fn issue(signer: &Signer, purpose: Purpose, now: i64) -> String {
    let nonce: u64 = rand::random();
    signer.sign(&purpose.key(), &format!("{now}:{nonce:016x}"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Fine,
    /// Sent sooner than `min_fill_secs` after it was shown.
    TooFast,
    /// Signed by us but older than `MAX_AGE_SECS`.
    Expired,
    /// Missing, forged, for another purpose, or from the future.
    Invalid,
}

pub fn check(
    signer: &Signer,
    purpose: Purpose,
    submitted: &str,
    now: i64,
    min_fill_secs: i64,
) -> Check {
    let Some(shown) = signer
        .verify(&purpose.key(), submitted.trim())
        .and_then(|v| v.split(':').next())
        .and_then(|v| v.parse::<i64>().ok())
    else {
        return Check::Invalid;
    };
    let age = now - shown;
    if age < -FUTURE_SKEW_SECS {
        Check::Invalid
    } else if age > MAX_AGE_SECS {
        Check::Expired
    } else if age < min_fill_secs {
        Check::TooFast
    } else {
        Check::Fine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> Signer {
        Signer::new(b"0123456789abcdef0123456789abcdef")
    }

    #[test]
    fn one_rule_for_age_and_the_future() {
        let s = signer();
        let p = Purpose::Comment;
        let stamp = issue(&s, p, 1_000_000);
        assert_eq!(check(&s, p, &stamp, 1_000_010, 3), Check::Fine);
        assert_eq!(check(&s, p, &stamp, 1_000_001, 3), Check::TooFast);
        assert_eq!(
            check(&s, p, &stamp, 1_000_000 + MAX_AGE_SECS + 1, 3),
            Check::Expired
        );
        assert_eq!(check(&s, p, &stamp, 1_000_000 - 3600, 3), Check::Invalid);
        assert_eq!(check(&s, p, "", 1_000_010, 3), Check::Invalid);
    }

    #[test]
    fn stamps_of_the_same_second_differ() {
        let s = signer();
        let a = issue(&s, Purpose::Comment, 1_000_000);
        let b = issue(&s, Purpose::Comment, 1_000_000);
        assert_ne!(a, b);
        assert_eq!(check(&s, Purpose::Comment, &b, 1_000_010, 3), Check::Fine);
    }

    #[test]
    fn a_stamp_serves_one_purpose() {
        let s = signer();
        let stamp = issue(&s, Purpose::Apply { vacancy_id: 7 }, 1_000_000);
        let later = 1_000_100;
        assert_eq!(
            check(&s, Purpose::Apply { vacancy_id: 7 }, &stamp, later, 3),
            Check::Fine
        );
        assert_eq!(
            check(&s, Purpose::Apply { vacancy_id: 8 }, &stamp, later, 3),
            Check::Invalid
        );
        assert_eq!(
            check(&s, Purpose::Comment, &stamp, later, 3),
            Check::Invalid
        );
    }
}
