//! Form input: the checked, decoded body of a state-changing request, and per-form parsers that
//! turn raw strings into model values or errors keyed by field.

pub mod application;
pub mod article;
pub mod users;
pub mod vacancy;

use actix_session::SessionExt;
use actix_web::error::PayloadError;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::messages::{self, Msg};

/// The pairs of a urlencoded body, read up to the app's body limit (a larger body is a 413
/// page, not a bare error). Invalid UTF-8 becomes U+FFFD instead of an error.
#[derive(Debug, Default)]
pub struct FormBody {
    pub pairs: Vec<(String, String)>,
}

impl FormBody {
    pub fn get(&self, name: &str) -> &str {
        first_value(&self.pairs, name)
    }
}

/// The first value sent for `name`, or "" when there is none.
fn first_value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

impl FromRequest for FormBody {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let body = body.await.map_err(|e| match e.as_error::<PayloadError>() {
                Some(p) => AppError::from_payload(p, messages::FORM_UNREADABLE),
                None => AppError::BadRequest(messages::FORM_UNREADABLE.into()),
            })?;
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&body).unwrap_or_default();
            if pairs
                .iter()
                .any(|(k, v)| has_refused_control(k) || has_refused_control(v))
            {
                return Err(AppError::BadRequest(messages::CONTROL_CHARACTER.into()));
            }
            Ok(FormBody { pairs })
        })
    }
}

/// True for a character no field may hold: NUL and the other C0 controls and DEL, except tab,
/// carriage return and line feed, which text areas send. (PostgreSQL cannot store NUL at all.)
pub fn is_refused_control(c: char) -> bool {
    (c.is_ascii_control()) && !matches!(c, '\t' | '\r' | '\n')
}

pub fn has_refused_control(text: &str) -> bool {
    text.chars().any(is_refused_control)
}

/// True when percent-decoding `encoded` (a path or a query string) gives a control character:
/// any C0 control or DEL, or with `line_breaks_ok` any but tab, CR and LF.
pub fn encoded_has_control(encoded: &str, line_breaks_ok: bool) -> bool {
    let bytes = encoded.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut i = 0;
    while i < bytes.len() {
        let mut byte = bytes[i];
        if byte == b'%' {
            if let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            ) {
                byte = (h * 16 + l) as u8;
                i += 2;
            }
        }
        let control = byte < 0x20 || byte == 0x7f;
        if control && !(line_breaks_ok && matches!(byte, b'\t' | b'\r' | b'\n')) {
            return true;
        }
        i += 1;
    }
    false
}

/// A urlencoded form whose CSRF token matched the session's. Extracting it is the check:
/// a handler that takes `CheckedForm` cannot act on a forged request.
#[derive(Debug, Default)]
pub struct CheckedForm {
    pairs: Vec<(String, String)>,
}

impl CheckedForm {
    pub fn get(&self, name: &str) -> &str {
        first_value(&self.pairs, name)
    }

    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == name)
    }
}

impl FromRequest for CheckedForm {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = FormBody::from_request(&req, payload);
        Box::pin(async move {
            let form = CheckedForm {
                pairs: body.await?.pairs,
            };
            let session = req.get_session();
            crate::csrf::verify(
                &session,
                form.pairs
                    .iter()
                    .find(|(k, _)| k == crate::csrf::FIELD)
                    .map(|(_, v)| v.as_str()),
            )?;
            Ok(form)
        })
    }
}

/// Messages keyed by the field they belong to, kept as Fluent keys with their arguments and
/// translated where the form is drawn: `errors.show("title", ctx.lang)`.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(HashMap<&'static str, Msg>);

impl FieldErrors {
    /// Notes the field's first problem: a key of `locales/*/forms.ftl` or a `Msg` with
    /// arguments (a text that is no key is shown as it is).
    pub fn add(&mut self, field: &'static str, message: impl Into<Msg>) {
        self.0.entry(field).or_insert_with(|| message.into());
    }

    /// Adds `other`'s problems; a field keeps its first.
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, message) in other.0 {
            self.add(field, message);
        }
    }

    /// The field's message in `lang`, or "" when the field is fine.
    pub fn show(&self, field: &str, lang: impl std::borrow::Borrow<Lang>) -> String {
        self.0
            .get(field)
            .map(|m| m.show(*lang.borrow()))
            .unwrap_or_default()
    }

    /// The field's message in English (tests, and pages not translated yet), or "".
    pub fn get(&self, field: &str) -> String {
        self.show(field, Lang::fallback())
    }

    /// The field's message key, or "".
    pub fn key(&self, field: &str) -> &str {
        self.0.get(field).map(|m| m.key.as_ref()).unwrap_or("")
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.contains_key(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many fields have a problem, for a message with a plural.
    pub fn count(&self) -> i64 {
        i64::try_from(self.0.len()).unwrap_or(i64::MAX)
    }

    pub fn fields(&self) -> Vec<&'static str> {
        let mut f: Vec<&'static str> = self.0.keys().copied().collect();
        f.sort_unstable();
        f
    }
}

/// Checks a required text field and its length; returns the trimmed value.
pub fn text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    required: bool,
    max: usize,
) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.add(field, messages::REQUIRED);
    } else if value.chars().count() > max {
        errors.add(field, too_long(max, value.chars().count()));
    }
    value.to_string()
}

fn too_long(max: usize, now: usize) -> Msg {
    let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
    Msg::new("form-too-long")
        .number("max", n(max))
        .number("now", n(now))
}

/// A comma-separated list of skill names, trimmed, each name once (case aside).
pub fn skill_names(raw: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            names.push(name.to_string());
        }
    }
    names
}

/// The rules of a skill list, the same on vacancies and articles: each skill becomes a slug in
/// a shared table, so it needs a letter or digit and a bounded length.
pub fn check_skills(errors: &mut FieldErrors, skills: &[String], max: usize) {
    if skills.len() > max {
        errors.add(
            "skills",
            Msg::new("skills-too-many").number("max", i64::try_from(max).unwrap_or(0)),
        );
    } else if let Some(long) = skills.iter().find(|s| s.chars().count() > 40) {
        errors.add(
            "skills",
            Msg::new("skill-too-long").text("skill", long.as_str()),
        );
    } else if skills
        .iter()
        .any(|s| crate::models::slug::slugify(s).is_empty())
    {
        errors.add("skills", "skill-needs-letter");
    }
}

/// The language of new content (`lang`, one of `offered`) and the item it translates
/// (`translation_of`: an id, or empty for content of its own). Problems go beside `lang`.
pub fn content_lang(
    errors: &mut FieldErrors,
    lang: &str,
    translation_of: &str,
    offered: &[crate::i18n::Lang],
) -> crate::models::ContentLang {
    let lang = lang.trim();
    if !offered.iter().any(|l| l.code() == lang) {
        errors.add("lang", "language-choose");
    }
    let translation_of = match translation_of.trim() {
        "" => None,
        raw => match raw.parse::<i32>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add("lang", "language-choose");
                None
            }
        },
    };
    crate::models::ContentLang {
        lang: lang.to_string(),
        translation_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_encoded_and_decoded() {
        assert!(encoded_has_control("/vacancies/a%00b", false));
        assert!(encoded_has_control("q=%00", true));
        assert!(encoded_has_control("q=%1b", true));
        assert!(encoded_has_control("q=%7F", true));
        assert!(!encoded_has_control("q=a%0Ab%09c", true));
        assert!(encoded_has_control("/a%0Ab", false));
        assert!(!encoded_has_control(
            "/vacancies/rust-dev?q=caf%C3%A9+50%25",
            false
        ));
        assert!(!encoded_has_control("q=100%", true));
        assert!(has_refused_control("a\0b"));
        assert!(!has_refused_control("line one\r\nline two\tend"));
    }

    #[test]
    fn a_new_items_language_is_offered_and_its_original_an_id() {
        let offered = [Lang::parse("en").unwrap(), Lang::parse("es").unwrap()];
        let mut e = FieldErrors::default();
        let version = content_lang(&mut e, " es ", "12", &offered);
        assert!(e.is_empty());
        assert_eq!(
            (version.lang.as_str(), version.translation_of),
            ("es", Some(12))
        );
        assert_eq!(
            content_lang(&mut e, "en", "", &offered).translation_of,
            None
        );
        assert!(e.is_empty());
        content_lang(&mut e, "fr", "", &offered);
        assert_eq!(e.key("lang"), "language-choose");
        let mut e = FieldErrors::default();
        content_lang(&mut e, "es", "twelve", &offered);
        assert!(e.has("lang"));
    }
}
