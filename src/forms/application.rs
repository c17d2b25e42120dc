//! The public apply form: what was typed (kept for the page when something is wrong) and the
//! checks that turn it and the CV into a `Submission`.

use super::{text, FieldErrors};
use crate::domain::applications::{human_size, CvKind};
use crate::messages::Msg;
use crate::models::Submission;

pub const COVER_LETTER_MAX: usize = 5000;

/// The apply form as typed. The CV is not kept: a browser cannot be given a file back.
#[derive(Debug, Clone, Default)]
pub struct ApplyForm {
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub linkedin_url: String,
    pub github_url: String,
    pub portfolio_url: String,
    pub cover_letter: String,
    pub consent: bool,
}

/// The uploaded file as it arrived.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl ApplyForm {
    /// Sets a text field from a multipart part; unknown names are ignored.
    pub fn set(&mut self, name: &str, value: String) {
        match name {
            "full_name" => self.full_name = value,
            "email" => self.email = value,
            "phone" => self.phone = value,
            "linkedin_url" => self.linkedin_url = value,
            "github_url" => self.github_url = value,
            "portfolio_url" => self.portfolio_url = value,
            "cover_letter" => self.cover_letter = value,
            "consent" => self.consent = !value.is_empty(),
            _ => {}
        }
    }

    pub fn parse(
        &self,
        cv: Option<&Upload>,
        max_cv_bytes: usize,
    ) -> Result<Submission, FieldErrors> {
        let mut errors = FieldErrors::default();
        let full_name = text(&mut errors, "full_name", &self.full_name, true, 200);
        let email = text(&mut errors, "email", &self.email, true, 254).to_lowercase();
        if !email.is_empty() && !crate::domain::auth::looks_like_email(&email) {
            errors.add("email", "email-invalid");
        }
        let phone = text(&mut errors, "phone", &self.phone, false, 40);
        if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        {
            errors.add("phone", "phone-invalid");
        }
        let linkedin_url = link(&mut errors, "linkedin_url", &self.linkedin_url);
        let github_url = link(&mut errors, "github_url", &self.github_url);
        let portfolio_url = link(&mut errors, "portfolio_url", &self.portfolio_url);
        let cover_letter = text(
            &mut errors,
            "cover_letter",
            &self.cover_letter,
            false,
            COVER_LETTER_MAX,
        );
        if !self.consent {
            errors.add("consent", "consent-missing");
        }
        let mut cv_kind = None;
        match cv {
            None => errors.add("cv", "cv-missing"),
            Some(u) if u.bytes.is_empty() => errors.add("cv", "cv-empty"),
            Some(u) if u.bytes.len() > max_cv_bytes => errors.add(
                "cv",
                Msg::new("cv-too-large").text("size", human_size(max_cv_bytes as u64)),
            ),
            Some(u) => match CvKind::sniff(&u.bytes) {
                Some(kind) => cv_kind = Some(kind),
                None => errors.add("cv", "cv-unknown-kind"),
            },
        }
        match (cv_kind, cv) {
            (Some(cv_kind), Some(upload)) if errors.is_empty() => Ok(Submission {
                full_name,
                email,
                phone,
                linkedin_url,
                github_url,
                portfolio_url,
                cover_letter,
                cv_name: upload.file_name.chars().take(200).collect(),
                cv_kind,
                cv_data: upload.bytes.clone(),
            }),
            _ => Err(errors),
        }
    }
}

/// An optional http(s) link.
fn link(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let value = text(errors, field, value, false, 500);
    if value.is_empty() {
        return value;
    }
    let lower = value.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match host {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !value.contains(char::is_whitespace) =>
        {
            value
        }
        _ => {
            errors.add(field, "url-invalid");
            value
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ApplyForm {
        ApplyForm {
            full_name: "Ada Lovelace".into(),
            email: "Ada@Example.com".into(),
            phone: "+44 20 7946 0000".into(),
            linkedin_url: "https://www.linkedin.com/in/ada".into(),
            consent: true,
            ..ApplyForm::default()
        }
    }

    fn pdf() -> Upload {
        Upload {
            file_name: "cv.pdf".into(),
            bytes: b"%PDF-1.4 test".to_vec(),
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let s = valid().parse(Some(&pdf()), 1000).unwrap();
        assert_eq!(s.email, "ada@example.com");
        assert_eq!(s.cv_kind, CvKind::Pdf);
    }

    #[test]
    fn each_problem_is_named_by_field() {
        let mut f = valid();
        f.email = "not-an-email".into();
        f.phone = "call me".into();
        f.github_url = "javascript:alert(1)".into();
        f.consent = false;
        f.cover_letter = "x".repeat(COVER_LETTER_MAX + 1);
        let e = f.parse(None, 1000).unwrap_err();
        assert_eq!(
            e.fields(),
            vec![
                "consent",
                "cover_letter",
                "cv",
                "email",
                "github_url",
                "phone"
            ]
        );
        let big = Upload {
            file_name: "cv.pdf".into(),
            bytes: vec![b'%'; 2000],
        };
        assert!(valid().parse(Some(&big), 1000).unwrap_err().has("cv"));
        let png = Upload {
            file_name: "cv.pdf".into(),
            bytes: b"\x89PNG\r\n\x1a\n".to_vec(),
        };
        assert!(valid().parse(Some(&png), 1000).unwrap_err().has("cv"));
    }
}
