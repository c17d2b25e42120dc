//! The editors' forms: an article (Markdown body, FAQ pairs, skills, path, position, status)
//! and a learning path. Kept as typed, parsed into model values or errors keyed by field.

use super::{check_skills, text, CheckedForm, FieldErrors};
use crate::messages::Msg;
use crate::models::{Article, ArticleFields, ArticleStatus, Faq, LearningPath, Skill};

pub const MAX_TITLE: usize = 120;
pub const MAX_SUMMARY: usize = 400;
pub const MAX_BODY: usize = 60_000;
pub const MAX_FAQS: usize = 30;
pub const MAX_SKILLS: usize = 20;
/// Empty FAQ rows offered below the filled ones, so pairs can be added without JavaScript.
pub const BLANK_FAQ_ROWS: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct ArticleForm {
    pub title: String,
    pub summary: String,
    pub body: String,
    /// Question and answer pairs as typed, blank rows included.
    pub faqs: Vec<(String, String)>,
    pub skills: String,
    /// A path id, or "" for none.
    pub path: String,
    pub position: String,
    pub status: String,
    /// A new article's language and the article it translates (an id, or empty).
    pub lang: String,
    pub translation_of: String,
}

/// What a valid form gives: the row's fields, and what lives beside it.
#[derive(Debug, Clone)]
pub struct ArticleInput {
    pub fields: ArticleFields,
    pub status: ArticleStatus,
    pub faqs: Vec<(String, String)>,
    pub skills: Vec<String>,
    /// The wanted place in the path (1 = first); `None` keeps it, or puts a newcomer last.
    pub position: Option<i32>,
}

impl ArticleForm {
    pub fn from_form(f: &CheckedForm) -> ArticleForm {
        let questions = f.all("faq_question");
        let answers = f.all("faq_answer");
        let rows = questions.len().max(answers.len());
        let faqs = (0..rows)
            .map(|i| {
                (
                    questions.get(i).copied().unwrap_or("").to_string(),
                    answers.get(i).copied().unwrap_or("").to_string(),
                )
            })
            .collect();
        ArticleForm {
            title: f.get("title").into(),
            summary: f.get("summary").into(),
            body: f.get("body").into(),
            faqs,
            skills: f.get("skills").into(),
            path: f.get("path").into(),
            position: f.get("position").into(),
            status: f.get("status").into(),
            lang: f.get("lang").into(),
            translation_of: f.get("translation_of").into(),
        }
    }

    pub fn blank() -> ArticleForm {
        ArticleForm {
            status: ArticleStatus::Draft.as_str().into(),
            ..ArticleForm::default()
        }
    }

    pub fn from_article(a: &Article, faqs: &[Faq], skills: &[Skill]) -> ArticleForm {
        ArticleForm {
            title: a.title.clone(),
            summary: a.summary.clone(),
            body: a.body.clone(),
            faqs: faqs
                .iter()
                .map(|f| (f.question.clone(), f.answer.clone()))
                .collect(),
            skills: skills
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            path: a.path_id.map(|id| id.to_string()).unwrap_or_default(),
            position: if a.path_id.is_some() {
                a.position.to_string()
            } else {
                String::new()
            },
            status: a.status.clone(),
            lang: a.lang.clone(),
            translation_of: String::new(),
        }
    }

    /// The form of a new `lang` version of `original`, filled for the editor to translate: a
    /// draft, last in `path` (the original's path in that language, when there is one).
    pub fn translating(
        original: &Article,
        faqs: &[Faq],
        skills: &[Skill],
        lang: &str,
        path: Option<i32>,
    ) -> ArticleForm {
        ArticleForm {
            path: path.map(|id| id.to_string()).unwrap_or_default(),
            position: String::new(),
            status: ArticleStatus::Draft.as_str().into(),
            lang: lang.to_string(),
            translation_of: original.id.to_string(),
            ..ArticleForm::from_article(original, faqs, skills)
        }
    }

    /// The rows the form shows: the filled ones, then a few blank ones.
    pub fn faq_rows(&self) -> Vec<(String, String)> {
        let mut rows: Vec<(String, String)> = self
            .faqs
            .iter()
            .filter(|(q, a)| !q.trim().is_empty() || !a.trim().is_empty())
            .cloned()
            .collect();
        rows.extend((0..BLANK_FAQ_ROWS).map(|_| (String::new(), String::new())));
        rows
    }

    /// The filled FAQ pairs, trimmed; blank rows are dropped.
    fn filled_faqs(&self) -> Vec<(String, String)> {
        self.faqs
            .iter()
            .map(|(q, a)| (q.trim().to_string(), a.trim().to_string()))
            .filter(|(q, a)| !q.is_empty() || !a.is_empty())
            .collect()
    }

    pub fn skill_names(&self) -> Vec<String> {
        super::skill_names(&self.skills)
    }

    /// Checks every rule and gives the values, or every problem at once.
    pub fn parse(&self, paths: &[LearningPath]) -> Result<ArticleInput, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = text(&mut e, "title", &self.title, true, MAX_TITLE);
        check_slug_source(&mut e, &title);
        let summary = text(&mut e, "summary", &self.summary, true, MAX_SUMMARY);
        let body = text(&mut e, "body", &self.body, true, MAX_BODY);
        let faqs = self.filled_faqs();
        check_faqs(&mut e, &faqs);
        let skills = self.skill_names();
        check_skills(&mut e, &skills, MAX_SKILLS);
        let (path_id, position) = self.parse_place(&mut e, paths);
        let status = ArticleStatus::parse(self.status.trim());
        if status.is_none() {
            e.add("status", "article-status-choose");
        }
        match status {
            Some(status) if e.is_empty() => Ok(ArticleInput {
                fields: ArticleFields {
                    title,
                    summary,
                    body_html: crate::domain::markdown::to_html(&body),
                    body,
                    path_id,
                    position: position.unwrap_or(0),
                },
                status,
                faqs,
                skills,
                position,
            }),
            _ => Err(e),
        }
    }

    /// The path (one of `paths`, or none) and the wanted place in it.
    fn parse_place(
        &self,
        e: &mut FieldErrors,
        paths: &[LearningPath],
    ) -> (Option<i32>, Option<i32>) {
        let path_id = match self.path.trim() {
            "" => None,
            raw => match raw
                .parse::<i32>()
                .ok()
                .filter(|id| paths.iter().any(|p| p.id == *id))
            {
                Some(id) => Some(id),
                None => {
                    e.add("path", "path-choose");
                    None
                }
            },
        };
        let position = match self.position.trim() {
            "" => None,
            raw => match raw.parse::<i32>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => {
                    e.add("position", "position-invalid");
                    None
                }
            },
        };
        if position.is_some() && path_id.is_none() && !e.has("path") {
            e.add("position", "position-without-path");
        }
        (path_id, position)
    }
}

/// The title makes the address, so it needs a letter or digit (paths and articles alike).
fn check_slug_source(e: &mut FieldErrors, title: &str) {
    if !e.has("title") && crate::models::slug::slugify(title).is_empty() {
        e.add("title", "title-needs-letter");
    }
}

/// FAQ pairs come whole: both parts filled, within their lengths, and not too many.
fn check_faqs(e: &mut FieldErrors, faqs: &[(String, String)]) {
    if faqs.len() > MAX_FAQS {
        e.add(
            "faqs",
            Msg::new("faqs-too-many").number("max", MAX_FAQS as i64),
        );
    } else if let Some(n) = faqs.iter().position(|(q, a)| q.is_empty() || a.is_empty()) {
        let (q, _) = &faqs[n];
        let key = if q.is_empty() {
            "faq-no-question"
        } else {
            "faq-no-answer"
        };
        e.add("faqs", Msg::new(key).number("n", n as i64 + 1));
    } else if faqs
        .iter()
        .any(|(q, a)| q.chars().count() > 300 || a.chars().count() > 3_000)
    {
        e.add("faqs", "faqs-too-long");
    }
}

#[derive(Debug, Clone, Default)]
pub struct PathForm {
    pub title: String,
    pub summary: String,
    /// A new path's language and the path it translates (an id, or empty).
    pub lang: String,
    pub translation_of: String,
}

impl PathForm {
    pub fn from_form(f: &CheckedForm) -> PathForm {
        PathForm {
            title: f.get("title").into(),
            summary: f.get("summary").into(),
            lang: f.get("lang").into(),
            translation_of: f.get("translation_of").into(),
        }
    }

    pub fn from_path(p: &LearningPath) -> PathForm {
        PathForm {
            title: p.title.clone(),
            summary: p.summary.clone(),
            lang: p.lang.clone(),
            translation_of: String::new(),
        }
    }

    /// The form of a new `lang` version of `original`, filled for the editor to translate.
    pub fn translating(original: &LearningPath, lang: &str) -> PathForm {
        PathForm {
            lang: lang.to_string(),
            translation_of: original.id.to_string(),
            ..PathForm::from_path(original)
        }
    }

    /// The trimmed title and summary, or the problems.
    pub fn parse(&self) -> Result<(String, String), FieldErrors> {
        let mut e = FieldErrors::default();
        let title = text(&mut e, "title", &self.title, true, 80);
        check_slug_source(&mut e, &title);
        let summary = text(&mut e, "summary", &self.summary, true, 600);
        if e.is_empty() {
            Ok((title, summary))
        } else {
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ArticleForm {
        ArticleForm {
            title: "What a backend developer does".into(),
            summary: "The job in one page.".into(),
            body: "## Servers\n\nThey write them.".into(),
            faqs: vec![
                ("Is it hard?".into(), "Sometimes.".into()),
                (" ".into(), "".into()),
            ],
            skills: "Rust, SQL, rust".into(),
            path: String::new(),
            position: String::new(),
            status: "draft".into(),
            lang: "en".into(),
            translation_of: String::new(),
        }
    }

    #[test]
    fn a_valid_form_parses_and_drops_blank_faq_rows() {
        let input = form().parse(&[]).expect("valid");
        assert_eq!(input.faqs.len(), 1);
        assert_eq!(input.skills, vec!["Rust".to_string(), "SQL".to_string()]);
        assert!(input.fields.body_html.contains("<h2"));
        assert_eq!(input.fields.path_id, None);
        assert_eq!(input.position, None);
    }

    #[test]
    fn half_filled_faq_rows_and_unknown_paths_are_errors() {
        let mut f = form();
        f.faqs.push(("Where do I start?".into(), "".into()));
        f.path = "99".into();
        f.position = "0".into();
        f.status = "archived".into();
        let e = f.parse(&[]).unwrap_err();
        assert!(e.get("faqs").contains("Question 2 has no answer"));
        assert!(e.has("path"));
        assert!(e.has("position"));
        assert!(e.has("status"));
    }

    #[test]
    fn required_fields_are_named() {
        let e = ArticleForm::blank().parse(&[]).unwrap_err();
        for field in ["title", "summary", "body"] {
            assert!(e.has(field), "{field}");
        }
        assert!(!e.has("status"));
    }
}
