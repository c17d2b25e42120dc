//! The vacancy row, the editable fields shared by insert and update, and the loaded aggregate.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::checked::{Known, KnownOrNull};
use super::{Category, Employment, SalaryPeriod, Seniority, Skill, VacancyStatus, WorkMode};
use crate::schema::vacancies;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = vacancies)]
pub struct Vacancy {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub category_id: i32,
    #[diesel(deserialize_as = Known<Seniority>)]
    pub seniority: String,
    #[diesel(deserialize_as = Known<Employment>)]
    pub employment: String,
    #[diesel(deserialize_as = Known<WorkMode>)]
    pub work_mode: String,
    pub location: String,
    pub country: String,
    pub remote_countries: String,
    /// The places after the first, one "CC City" line each (see `models::places`).
    pub other_places: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub salary_currency: Option<String>,
    #[diesel(deserialize_as = KnownOrNull<SalaryPeriod>)]
    pub salary_period: Option<String>,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub nice_to_have: String,
    pub benefits: String,
    #[diesel(deserialize_as = Known<VacancyStatus>)]
    pub status: String,
    pub published_at: Option<PrimitiveDateTime>,
    pub valid_through: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub author_id: Option<i32>,
    /// The language it is written in (a code of `LANGUAGES`).
    pub lang: String,
    /// The original this vacancy translates.
    pub translation_of: Option<i32>,
    /// Listed in the other languages' boards while it has no translation there.
    pub other_languages: bool,
}

/// What a recruiter edits: used for insert and for update alike.
#[derive(Debug, Clone, Default, PartialEq, Insertable, AsChangeset)]
#[diesel(table_name = vacancies, treat_none_as_null = true)]
pub struct VacancyFields {
    pub title: String,
    pub category_id: i32,
    pub seniority: String,
    pub employment: String,
    pub work_mode: String,
    pub location: String,
    pub country: String,
    pub remote_countries: String,
    /// The places after the first, one "CC City" line each (see `models::places`).
    pub other_places: String,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub salary_currency: Option<String>,
    pub salary_period: Option<String>,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub nice_to_have: String,
    pub benefits: String,
    pub valid_through: Option<PrimitiveDateTime>,
}

impl Vacancy {
    pub fn fields(&self) -> VacancyFields {
        VacancyFields {
            title: self.title.clone(),
            category_id: self.category_id,
            seniority: self.seniority.clone(),
            employment: self.employment.clone(),
            work_mode: self.work_mode.clone(),
            location: self.location.clone(),
            country: self.country.clone(),
            remote_countries: self.remote_countries.clone(),
            other_places: self.other_places.clone(),
            salary_min: self.salary_min,
            salary_max: self.salary_max,
            salary_currency: self.salary_currency.clone(),
            salary_period: self.salary_period.clone(),
            summary: self.summary.clone(),
            responsibilities: self.responsibilities.clone(),
            requirements: self.requirements.clone(),
            nice_to_have: self.nice_to_have.clone(),
            benefits: self.benefits.clone(),
            valid_through: self.valid_through,
        }
    }

    /// A vacancy as it would be with `fields`: `existing` with them applied, or a new draft.
    /// Nothing is stored; the form's preview and checklist look at it.
    pub fn unsaved(
        fields: VacancyFields,
        existing: Option<&Vacancy>,
        now: PrimitiveDateTime,
    ) -> Vacancy {
        Vacancy {
            id: existing.map(|v| v.id).unwrap_or(0),
            slug: existing
                .map(|v| v.slug.clone())
                .unwrap_or_else(|| super::slug::slugify(&fields.title)),
            title: fields.title,
            category_id: fields.category_id,
            seniority: fields.seniority,
            employment: fields.employment,
            work_mode: fields.work_mode,
            location: fields.location,
            country: fields.country,
            remote_countries: fields.remote_countries,
            other_places: fields.other_places,
            salary_min: fields.salary_min,
            salary_max: fields.salary_max,
            salary_currency: fields.salary_currency,
            salary_period: fields.salary_period,
            summary: fields.summary,
            responsibilities: fields.responsibilities,
            requirements: fields.requirements,
            nice_to_have: fields.nice_to_have,
            benefits: fields.benefits,
            status: existing
                .map(|v| v.status.clone())
                .unwrap_or_else(|| VacancyStatus::Draft.as_str().into()),
            published_at: existing.and_then(|v| v.published_at),
            valid_through: fields.valid_through,
            created_at: existing.map(|v| v.created_at).unwrap_or(now),
            updated_at: now,
            author_id: existing.and_then(|v| v.author_id),
            lang: existing
                .map(|v| v.lang.clone())
                .unwrap_or_else(|| "en".into()),
            translation_of: existing.and_then(|v| v.translation_of),
            other_languages: existing.is_none_or(|v| v.other_languages),
        }
    }

    pub fn status(&self) -> VacancyStatus {
        VacancyStatus::parse(&self.status).unwrap_or(VacancyStatus::Draft)
    }

    pub fn is_expired(&self, now: PrimitiveDateTime) -> bool {
        self.valid_through.is_some_and(|v| v <= now)
    }

    /// Open means published and not past its valid-through date; no background job needed.
    pub fn is_open(&self, now: PrimitiveDateTime) -> bool {
        self.status() == VacancyStatus::Published && !self.is_expired(now)
    }

    /// The status a person should see: an expired published vacancy reads as closed.
    pub fn effective_status(&self, now: PrimitiveDateTime) -> VacancyStatus {
        match self.status() {
            VacancyStatus::Published if self.is_expired(now) => VacancyStatus::Closed,
            other => other,
        }
    }

    pub fn seniority_label(&self) -> &str {
        Seniority::label_of(&self.seniority)
    }

    pub fn employment_label(&self) -> &str {
        Employment::label_of(&self.employment)
    }

    pub fn work_mode_label(&self) -> &str {
        WorkMode::label_of(&self.work_mode)
    }

    pub fn is_remote(&self) -> bool {
        self.work_mode == WorkMode::Remote.as_str()
    }

    pub fn remote_country_codes(&self) -> Vec<&str> {
        self.remote_countries
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// "Berlin, Germany", "Berlin, Germany; Paris, France", "Remote (Germany, Poland)" and the like.
    pub fn place(&self) -> String {
        if self.is_remote() {
            let names: Vec<&str> = self
                .remote_country_codes()
                .into_iter()
                .map(|c| super::countries::name(c).unwrap_or(c))
                .collect();
            if names.is_empty() {
                "Remote".to_string()
            } else {
                format!("Remote ({})", names.join(", "))
            }
        } else {
            let names: Vec<String> = self
                .places()
                .iter()
                .map(|p| {
                    let country = super::countries::name(&p.country).unwrap_or(&p.country);
                    match (p.city.is_empty(), country.is_empty()) {
                        (false, false) => format!("{}, {}", p.city, country),
                        (false, true) => p.city.clone(),
                        _ => country.to_string(),
                    }
                })
                .collect();
            names.join("; ")
        }
    }

    /// "60,000–80,000 EUR per year", or `None` when the salary is not stated.
    pub fn salary_text(&self) -> Option<String> {
        let currency = self.salary_currency.as_deref().unwrap_or("");
        let period = self
            .salary_period
            .as_deref()
            .and_then(SalaryPeriod::parse)
            .map(SalaryPeriod::label)
            .unwrap_or("");
        let amount = match (self.salary_min, self.salary_max) {
            (Some(lo), Some(hi)) if lo == hi => group_thousands(lo),
            (Some(lo), Some(hi)) => format!("{}–{}", group_thousands(lo), group_thousands(hi)),
            (Some(lo), None) => format!("from {}", group_thousands(lo)),
            (None, Some(hi)) => format!("up to {}", group_thousands(hi)),
            (None, None) => return None,
        };
        Some(
            format!("{amount} {currency} {period}")
                .trim_end()
                .to_string(),
        )
    }

    /// The top of the range per year, for sorting by salary across periods.
    pub fn yearly_salary_top(&self) -> Option<i64> {
        let top = self.salary_max.or(self.salary_min)? as i64;
        let period = self
            .salary_period
            .as_deref()
            .and_then(SalaryPeriod::parse)?;
        Some(top * period.per_year())
    }
}

pub fn group_thousands(n: i32) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// A vacancy with what pages show beside it.
#[derive(Debug, Clone)]
pub struct VacancyDetail {
    pub vacancy: Vacancy,
    pub category: Category,
    pub skills: Vec<Skill>,
    /// Its Markdown sections as HTML, rendered when it was saved.
    pub html: super::VacancyHtml,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }
}
