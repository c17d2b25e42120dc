//! Spam signals for public forms, without third-party services: a honeypot field, a cap on
//! links and blocked words (the signed form stamp and its fill time are in `crate::stamp`).

/// The hidden field only robots fill in.
pub const HONEYPOT_FIELD: &str = "homepage";

#[derive(Debug, Clone)]
pub struct Rules {
    pub blocked_words: Vec<String>,
    pub min_fill_seconds: i64,
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
            min_fill_seconds: i64::try_from(min_fill_seconds).unwrap_or(i64::MAX),
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
