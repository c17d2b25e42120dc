//! Languages and their texts. Every user-facing string lives in Fluent files,
//! `locales/<code>/*.ftl`, compiled into the binary; a language is usable when its folder exists
//! and `LANGUAGES` names it. Formats that differ per language (dates, digit grouping) are Fluent
//! messages too, so a new language is a folder of files and one setting.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use time::PrimitiveDateTime;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks would end up inside attributes and plain-text mails.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

struct Known {
    code: String,
    id: LanguageIdentifier,
}

fn known() -> &'static [Known] {
    static KNOWN: OnceLock<Vec<Known>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let mut list: Vec<Known> = LOCALES
            .locales()
            .map(|id| Known {
                code: id.to_string(),
                id: id.clone(),
            })
            .collect();
        list.sort_by(|a, b| a.code.cmp(&b.code));
        list
    })
}

static FALLBACK: std::sync::LazyLock<Known> = std::sync::LazyLock::new(|| Known {
    code: "en".into(),
    id: LanguageIdentifier::default(),
});

/// One of the languages the binary has texts for. Cheap to copy; compared by code.
#[derive(Clone, Copy)]
pub struct Lang(&'static Known);

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.0.code == other.0.code
    }
}
impl Eq for Lang {}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.0.code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.code)
    }
}

/// Month and plural arguments are plain numbers; everything shown is formatted by us.
pub type Args<'a> = &'a [(&'a str, FluentValue<'a>)];

impl Lang {
    /// The language with this code (`en`, `es`), if the binary has texts for it.
    pub fn parse(code: &str) -> Option<Lang> {
        known().iter().find(|k| k.code == code).map(Lang)
    }

    /// English: the language every text exists in first.
    pub fn fallback() -> Lang {
        Lang::parse("en")
            .or_else(|| Lang::available().next())
            .unwrap_or(Lang(&FALLBACK))
    }

    /// Every language the binary has texts for.
    pub fn available() -> impl Iterator<Item = Lang> {
        known().iter().map(Lang)
    }

    pub fn code(self) -> &'static str {
        &self.0.code
    }

    /// The language's own name, for the language switch ("English", "Español").
    pub fn name(self) -> String {
        self.t("language-name")
    }

    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.0.id, key)
    }

    pub fn t_args(self, key: &str, args: Args<'_>) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.to_string()), value.clone()))
            .collect();
        LOCALES.lookup_complete(&self.0.id, key, Some(&map))
    }

    /// `text` translated when it is a message key, else as it is (texts built at run time, such
    /// as a parser's complaint, have no key).
    pub fn text(self, text: &str) -> String {
        if self.has(text) {
            self.t(text)
        } else {
            text.to_string()
        }
    }

    /// A message with a count: `$count` picks the plural form, `$n` is the count as shown.
    pub fn t_count(self, key: &str, count: i64) -> String {
        self.t_args(
            key,
            &[
                ("count", FluentValue::from(count)),
                ("n", FluentValue::from(self.number(count))),
            ],
        )
    }

    /// Whether the binary has this message in this language (no fallback).
    pub fn has(self, key: &str) -> bool {
        // Formatting without its arguments fails for a message that exists; only a missing
        // message (or language) is "no". The crate does not export its error type.
        match LOCALES.lookup_single_language::<&str>(&self.0.id, key, None) {
            Ok(_) => true,
            Err(e) => e.to_string().starts_with("Fluent errors"),
        }
    }

    /// `78,000` / `78.000`.
    pub fn number(self, n: i64) -> String {
        group_digits(n, &self.t("format-digit-group"))
    }

    /// `30 Nov 2026` / `30 nov 2026`.
    pub fn date(self, t: PrimitiveDateTime) -> String {
        self.t_args(
            "format-date",
            &[
                ("day", FluentValue::from(t.day().to_string())),
                ("month", FluentValue::from(self.month(t))),
                ("year", FluentValue::from(t.year().to_string())),
            ],
        )
    }

    /// `30 Nov 2026, 09:30 UTC`.
    pub fn date_time(self, t: PrimitiveDateTime) -> String {
        self.t_args(
            "format-date-time",
            &[
                ("date", FluentValue::from(self.date(t))),
                (
                    "time",
                    FluentValue::from(format!("{:02}:{:02}", t.hour(), t.minute())),
                ),
            ],
        )
    }

    fn month(self, t: PrimitiveDateTime) -> String {
        self.t(&format!("month-short-{}", u8::from(t.month())))
    }
}

fn group_digits(n: i64, separator: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(ch);
    }
    out
}

/// A path or route pattern with its language prefix as `{lang}` (`/es/vacancies/{slug}` →
/// `/{lang}/vacancies/{slug}`, `/en` → `/{lang}`): one name for a page in every language, for
/// the route table and the metrics.
pub fn without_language(path: &str) -> String {
    let rest = path.strip_prefix('/').unwrap_or(path);
    let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
    if first.is_empty() || Lang::parse(first).is_none() {
        path.to_string()
    } else if tail.is_empty() {
        "/{lang}".to_string()
    } else {
        format!("/{{lang}}/{tail}")
    }
}

/// The best of `offered` for an `Accept-Language` header (quality values respected), if any.
pub fn negotiate(accept_language: &str, offered: &[Lang]) -> Option<Lang> {
    let mut wanted: Vec<(f32, usize, &str)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(position, part)| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (quality > 0.0 && !tag.is_empty()).then_some((quality, position, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted.iter().find_map(|(_, _, tag)| {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        offered
            .iter()
            .copied()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }
    fn es() -> Lang {
        Lang::parse("es").unwrap()
    }

    #[test]
    fn formats_per_language() {
        let t = datetime!(2026-11-30 09:05);
        assert_eq!(en().date(t), "30 Nov 2026");
        assert_eq!(es().date(t), "30 nov 2026");
        assert_eq!(en().date_time(t), "30 Nov 2026, 09:05 UTC");
        assert_eq!(en().number(78000), "78,000");
        assert_eq!(es().number(78000), "78.000");
        assert_eq!(es().number(-1234567), "-1.234.567");
        assert_eq!(en().number(999), "999");
    }

    #[test]
    fn plural_rules() {
        assert_eq!(en().t_count("vacancy-count", 1), "1 vacancy");
        assert_eq!(en().t_count("vacancy-count", 32), "32 vacancies");
        assert_eq!(es().t_count("vacancy-count", 1), "1 vacante");
        assert_eq!(es().t_count("vacancy-count", 1200), "1.200 vacantes");
    }

    #[test]
    fn negotiation() {
        let offered = [en(), es()];
        assert_eq!(negotiate("es-ES,es;q=0.9,en;q=0.8", &offered), Some(es()));
        assert_eq!(negotiate("de-DE, en;q=0.5, es;q=0.7", &offered), Some(es()));
        assert_eq!(negotiate("fr", &offered), None);
        assert_eq!(negotiate("es;q=0, en", &offered), Some(en()));
        assert_eq!(negotiate("", &offered), None);
        assert_eq!(negotiate("ES", &offered), Some(es()));
    }

    #[test]
    fn messages_with_arguments_exist_too() {
        assert!(en().has("vacancy-count"));
        assert!(es().has("widen-keywords"));
        assert!(!en().has("no-such-message"));
        assert_eq!(en().text("no such key"), "no such key");
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert!(Lang::parse("xx").is_none());
        assert!(Lang::parse("").is_none());
    }
}
