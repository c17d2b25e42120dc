//! User-facing text that is not in a template: Fluent keys (texts in `locales/*/messages.ftl`),
//! translated where they are shown, and `Msg`, a key with arguments to translate later.

use std::borrow::{Borrow, Cow};

use fluent_templates::fluent_bundle::FluentValue;

use crate::i18n::Lang;

pub const NOT_FOUND_TITLE: &str = "not-found-title";
pub const NOT_FOUND_TEXT: &str = "not-found-text";
pub const METHOD_NOT_ALLOWED_TITLE: &str = "method-not-allowed-title";
pub const METHOD_NOT_ALLOWED_TEXT: &str = "method-not-allowed-text";
pub const BAD_REQUEST_TITLE: &str = "bad-request-title";
pub const CSRF_TITLE: &str = "csrf-title";
pub const CSRF_TEXT: &str = "csrf-text";
pub const FORBIDDEN_TITLE: &str = "forbidden-title";
pub const FORBIDDEN_TEXT: &str = "forbidden-text";
pub const TOO_MANY_TITLE: &str = "too-many-title";
pub const UNAVAILABLE_TITLE: &str = "unavailable-title";
pub const UNAVAILABLE_TEXT: &str = "unavailable-text";
pub const INTERNAL_TITLE: &str = "internal-title";
pub const INTERNAL_TEXT: &str = "internal-text";

pub const LOGIN_FAILED: &str = "login-failed";
pub const LOGIN_LOCKED: &str = "login-locked";
pub const PASSWORD_TOO_COMMON: &str = "password-too-common";
pub const PASSWORD_SAME_AS_CURRENT: &str = "password-same-as-current";
pub const WRONG_CURRENT_PASSWORD: &str = "wrong-current-password";
pub const CURRENT_PASSWORD_LOCKED: &str = "current-password-locked";
pub const MUST_CHANGE_PASSWORD: &str = "must-change-password";
pub const SIGNED_OUT: &str = "signed-out";

pub const COMMENT_STAMP_USED: &str = "comment-stamp-used";
pub const CONTROL_CHARACTER: &str = "control-character";
pub const NOT_A_FORM: &str = "not-a-form";
pub const BODY_TOO_SLOW: &str = "body-too-slow";
pub const SHORTLIST_BAD_FORM: &str = "shortlist-bad-form";

pub const REQUIRED: &str = "required";
pub const SALARY_NOT_STATED: &str = "salary-not-stated";

pub const TOO_LARGE_TITLE: &str = "too-large-title";
pub const FORM_TOO_LARGE: &str = "form-too-large";

// Applications.
pub const APPLY_TOO_LARGE: &str = "apply-too-large";
pub const APPLY_TOO_FAST: &str = "apply-too-fast";
pub const APPLY_STALE: &str = "apply-stale";
pub const APPLY_REJECTED: &str = "apply-rejected";
pub const APPLY_RATE_LIMITED: &str = "apply-rate-limited";
pub const APPLY_CLOSED_TITLE: &str = "apply-closed-title";
pub const APPLY_CLOSED_TEXT: &str = "apply-closed-text";
pub const APPLY_DUPLICATE_TITLE: &str = "apply-duplicate-title";
pub const APPLY_DUPLICATE_TEXT: &str = "apply-duplicate-text";
pub const ERASE_CONFIRM: &str = "erase-confirm";
pub const NOTE_EMPTY: &str = "note-empty";

// Requests the admin pages never send (a hand-made form): a 400 page.
pub const UNKNOWN_STATUS_CHANGE: &str = "unknown-status-change";
pub const UNKNOWN_STATUS: &str = "unknown-status";
pub const MOVE_UP_OR_DOWN: &str = "move-up-or-down";
pub const TOO_MANY_COMMENTS: &str = "too-many-comments";
pub const FORM_UNREADABLE: &str = "form-unreadable";
/// A report CSV asked for without a chart it knows (`locales/*/reports.ftl`).
pub const REPORTS_UNKNOWN_CHART: &str = "reports-unknown-chart";

/// A message to show later in the reader's language: a Fluent key and its arguments. A text
/// that is no key (built at run time, or not converted yet) is shown as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is (a name, a title, a list of codes).
    Text(String),
    /// Shown with the language's digit grouping.
    Number(i64),
    /// Shown like `Number`, and passed as `$count` to pick the plural form.
    Count(i64),
}

impl Msg {
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &'static str, n: impl Into<i64>) -> Msg {
        self.args.push((name, Arg::Number(n.into())));
        self
    }

    pub fn count(mut self, name: &'static str, n: impl Into<i64>) -> Msg {
        self.args.push((name, Arg::Count(n.into())));
        self
    }

    /// The message in `lang` (English where `lang` lacks it), or the text itself if no key.
    /// Takes `&Lang` too, as templates pass fields by reference.
    pub fn show(&self, lang: impl Borrow<Lang>) -> String {
        let lang = *lang.borrow();
        // Not `Lang::has`: it formats without arguments, which fails for a message that has
        // some. Keys look like `form-too-long`; a sentence never does.
        if !looks_like_key(&self.key) {
            return self.key.to_string();
        }
        if self.args.is_empty() {
            return lang.t(&self.key);
        }
        let mut args: Vec<(&str, FluentValue<'_>)> = Vec::with_capacity(self.args.len() + 1);
        for (name, arg) in &self.args {
            match arg {
                Arg::Text(text) => args.push((name, FluentValue::from(text.as_str()))),
                Arg::Number(n) => args.push((name, FluentValue::from(lang.number(*n)))),
                Arg::Count(n) => {
                    args.push((name, FluentValue::from(lang.number(*n))));
                    args.push(("count", FluentValue::from(*n)));
                }
            }
        }
        lang.t_args(&self.key, &args)
    }
}

fn looks_like_key(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl From<&'static str> for Msg {
    fn from(key: &'static str) -> Msg {
        Msg::new(key)
    }
}

impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg {
            key: Cow::Owned(text),
            args: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_translated_with_their_arguments() {
        let en = Lang::parse("en").unwrap();
        let es = Lang::parse("es").unwrap();
        assert_eq!(Msg::new(REQUIRED).show(es), "Este campo es obligatorio.");
        assert_eq!(Msg::new(REQUIRED).show(en), "This field is required.");
        let long = Msg::new("form-too-long")
            .number("max", 10_000)
            .number("now", 12_345);
        assert_eq!(long.show(en), "Use at most 10,000 characters (now 12,345).");
        assert_eq!(
            long.show(es),
            "Usa como máximo 10.000 caracteres (ahora hay 12.345)."
        );
        assert_eq!(Msg::from("Plain text.".to_string()).show(es), "Plain text.");
        let deleted = Msg::new("admin-path-deleted")
            .text("title", "Backend")
            .count("n", 0);
        assert_eq!(
            deleted.show(es),
            "Se ha eliminado la ruta «Backend». No tenía artículos."
        );
        let deleted = Msg::new("admin-path-deleted")
            .text("title", "Backend")
            .count("n", 2);
        assert_eq!(
            deleted.show(en),
            "The path “Backend” was deleted. Its 2 articles are now in no path."
        );
    }
}
