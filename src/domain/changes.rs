//! Which fields an edit changed, from what to what, for the audit trail.

use crate::models::{Category, FieldChange, VacancyFields};

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub fn vacancy_changes(
    old: &VacancyFields,
    old_skills: &[String],
    new: &VacancyFields,
    new_skills: &[String],
    categories: &[Category],
) -> Vec<FieldChange> {
    let category = |id: i32| {
        categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let date =
        |d: &Option<time::PrimitiveDateTime>| d.map(super::timefmt::date).unwrap_or_default();
    let pairs: Vec<(&str, String, String)> = vec![
        ("title", old.title.clone(), new.title.clone()),
        (
            "category",
            category(old.category_id),
            category(new.category_id),
        ),
        ("seniority", old.seniority.clone(), new.seniority.clone()),
        ("employment", old.employment.clone(), new.employment.clone()),
        ("work_mode", old.work_mode.clone(), new.work_mode.clone()),
        ("location", old.location.clone(), new.location.clone()),
        ("country", old.country.clone(), new.country.clone()),
        (
            "other_places",
            old.other_places.replace('\n', "; "),
            new.other_places.replace('\n', "; "),
        ),
        (
            "remote_countries",
            old.remote_countries.clone(),
            new.remote_countries.clone(),
        ),
        ("salary_min", opt(&old.salary_min), opt(&new.salary_min)),
        ("salary_max", opt(&old.salary_max), opt(&new.salary_max)),
        (
            "salary_currency",
            opt(&old.salary_currency),
            opt(&new.salary_currency),
        ),
        (
            "salary_period",
            opt(&old.salary_period),
            opt(&new.salary_period),
        ),
        (
            "valid_through",
            date(&old.valid_through),
            date(&new.valid_through),
        ),
        ("summary", old.summary.clone(), new.summary.clone()),
        (
            "responsibilities",
            old.responsibilities.clone(),
            new.responsibilities.clone(),
        ),
        (
            "requirements",
            old.requirements.clone(),
            new.requirements.clone(),
        ),
        (
            "nice_to_have",
            old.nice_to_have.clone(),
            new.nice_to_have.clone(),
        ),
        ("benefits", old.benefits.clone(), new.benefits.clone()),
        ("skills", old_skills.join(", "), new_skills.join(", ")),
    ];
    pairs
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| FieldChange {
            field: field.to_string(),
            from,
            to,
        })
        .collect()
}

/// Every field of a new record, as changes from nothing.
pub fn created(
    new: &VacancyFields,
    skills: &[String],
    categories: &[Category],
) -> Vec<FieldChange> {
    // No real category has id -1, so the category always shows as set.
    let empty = VacancyFields {
        category_id: -1,
        ..VacancyFields::default()
    };
    let mut changes = vacancy_changes(&empty, &[], new, skills, categories);
    for c in &mut changes {
        if c.field == "category" {
            c.from = String::new();
        }
    }
    changes
}

/// An article as the audit trail compares it: its own fields and what hangs off it, as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleSnapshot {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body: String,
    pub path: String,
    pub position: String,
    pub status: String,
    pub skills: Vec<String>,
    pub faqs: Vec<(String, String)>,
}

impl ArticleSnapshot {
    fn faq_text(&self) -> String {
        self.faqs
            .iter()
            .map(|(q, a)| format!("Q: {q} A: {a}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub fn article_changes(old: &ArticleSnapshot, new: &ArticleSnapshot) -> Vec<FieldChange> {
    let pairs: Vec<(&str, String, String)> = vec![
        ("title", old.title.clone(), new.title.clone()),
        ("slug", old.slug.clone(), new.slug.clone()),
        ("summary", old.summary.clone(), new.summary.clone()),
        ("body", old.body.clone(), new.body.clone()),
        ("path", old.path.clone(), new.path.clone()),
        ("position", old.position.clone(), new.position.clone()),
        ("status", old.status.clone(), new.status.clone()),
        ("skills", old.skills.join(", "), new.skills.join(", ")),
        ("faqs", old.faq_text(), new.faq_text()),
    ];
    pairs
        .into_iter()
        .filter(|(_, from, to)| from != to)
        .map(|(field, from, to)| FieldChange {
            field: field.to_string(),
            from,
            to,
        })
        .collect()
}
