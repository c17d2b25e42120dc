//! Spam signals for public forms, without third-party services: a honeypot field, a signed
//! stamp of when the form was shown (minimum fill time), a cap on links and blocked words.

use crate::signing::Signer;

/// The hidden field only robots fill in.
pub const HONEYPOT_FIELD: &str = "homepage";
pub const STAMP_FIELD: &str = "form_stamp";
const STAMP_PURPOSE: &str = "form-shown-at";
/// A form older than this was probably scraped and replayed.
const STAMP_MAX_AGE_SECS: u64 = 2 * 24 * 3600;

#[derive(Debug, Clone)]
pub struct Rules {
    pub blocked_words: Vec<String>,
    pub min_fill_seconds: u64,
    pub max_links: usize,
}

impl Rules {
    pub fn new(blocked_words: &str, min_fill_seconds: u64) -> Rules {
        Rules {
            blocked_words: blocked_words
                .split(',')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect(),
            min_fill_seconds,
            max_links: 2,
        }
    }

    /// The first blocked word found in any of the texts.
    pub fn blocked_word(&self, texts: &[&str]) -> Option<&str> {
        let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
        self.blocked_words
            .iter()
            .find(|w| lowered.iter().any(|t| t.contains(w.as_str())))
            .map(String::as_str)
    }
}

/// Stamp for a form shown at `now_secs` (Unix time).
pub fn stamp(signer: &Signer, now_secs: u64) -> String {
    signer.sign(STAMP_PURPOSE, &now_secs.to_string())
}

#[derive(Debug, PartialEq)]
pub enum StampCheck {
    Fine,
    TooFast,
    /// Missing, forged or too old: show a fresh form.
    Invalid,
}

pub fn check_stamp(signer: &Signer, submitted: &str, now_secs: u64, rules: &Rules) -> StampCheck {
    let Some(shown) = signer
        .verify(STAMP_PURPOSE, submitted)
        .and_then(|v| v.parse::<u64>().ok())
    else {
        return StampCheck::Invalid;
    };
    if shown > now_secs || now_secs - shown > STAMP_MAX_AGE_SECS {
        StampCheck::Invalid
    } else if now_secs - shown < rules.min_fill_seconds {
        StampCheck::TooFast
    } else {
        StampCheck::Fine
    }
}

/// Links a text carries, written out or bare.
pub fn count_links(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count() + lower.matches("https://").count() + {
        // "www.example.com" without a scheme, not counted twice with one.
        lower
            .match_indices("www.")
            .filter(|(i, _)| !lower[..*i].ends_with("://"))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_counted_once_each() {
        assert_eq!(count_links("see https://a.example and www.b.example"), 2);
        assert_eq!(count_links("https://www.a.example"), 1);
        assert_eq!(count_links("HTTP://X.EXAMPLE http://y"), 2);
        assert_eq!(count_links("no links here"), 0);
    }

    #[test]
    fn stamps_measure_the_fill_time() {
        let signer = Signer::new(b"test key of some length, 32 bytes");
        let rules = Rules::new("", 3);
        let s = stamp(&signer, 1000);
        assert_eq!(check_stamp(&signer, &s, 1001, &rules), StampCheck::TooFast);
        assert_eq!(check_stamp(&signer, &s, 1003, &rules), StampCheck::Fine);
        assert_eq!(check_stamp(&signer, &s, 999, &rules), StampCheck::Invalid);
        assert_eq!(
            check_stamp(&signer, &s, 1000 + 3 * 24 * 3600, &rules),
            StampCheck::Invalid
        );
        assert_eq!(
            check_stamp(&signer, "1000.00", 1003, &rules),
            StampCheck::Invalid
        );
        assert_eq!(check_stamp(&signer, "", 1003, &rules), StampCheck::Invalid);
    }

    #[test]
    fn blocked_words_match_in_any_case() {
        let rules = Rules::new(" Casino , crypto giveaway,,", 0);
        assert_eq!(rules.blocked_word(&["Best CASINO bonus"]), Some("casino"));
        assert_eq!(
            rules.blocked_word(&["name", "a crypto Giveaway!"]),
            Some("crypto giveaway")
        );
        assert_eq!(rules.blocked_word(&["crypto is fine alone"]), None);
    }
}
