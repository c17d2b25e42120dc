//! The job board's vocabulary, shared by the queries that run it (`db::board`) and the rules
//! that read and present it (`domain::board`): the filters of a search, one row of facet
//! counts, and what is derived from a vacancy for the board when it is saved.

use diesel::prelude::*;

use super::{countries, Employment, Seniority, Vacancy, WorkMode};
use crate::schema::vacancies;

pub const PAGE_SIZE: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Salary,
}

/// The filters of `GET /vacancies`, parsed leniently (see `domain::board`): unknown values are
/// dropped, bad numbers ignored, so every URL gives a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub q: String,
    pub categories: Vec<String>,
    pub seniorities: Vec<Seniority>,
    pub employments: Vec<Employment>,
    pub work_modes: Vec<WorkMode>,
    pub location: String,
    pub salary_min: Option<i64>,
    pub sort: Sort,
    pub page: usize,
}

/// One filter dimension, used to compute facets without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Category,
    Seniority,
    Employment,
    WorkMode,
}

impl Filters {
    /// The four facet dimensions alone, as the facet counts apply them.
    pub fn passes_dims(
        &self,
        category: &str,
        seniority: &str,
        employment: &str,
        work_mode: &str,
        skip: Option<Dim>,
    ) -> bool {
        let pass = |dim: Dim, ok: bool| skip == Some(dim) || ok;
        pass(
            Dim::Category,
            self.categories.is_empty() || self.categories.iter().any(|c| c == category),
        ) && pass(
            Dim::Seniority,
            self.seniorities.is_empty() || self.seniorities.iter().any(|s| s.as_str() == seniority),
        ) && pass(
            Dim::Employment,
            self.employments.is_empty()
                || self.employments.iter().any(|e| e.as_str() == employment),
        ) && pass(
            Dim::WorkMode,
            self.work_modes.is_empty() || self.work_modes.iter().any(|w| w.as_str() == work_mode),
        )
    }
}

/// How many open vacancies that pass the text filters (keywords, location, salary) share one
/// combination of the four facet dimensions. Every facet count and the total come from these.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct FacetCombo {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub category_id: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub seniority: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub employment: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub work_mode: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub count: i64,
}

/// What is derived from a vacancy when it is saved: the text the location filter searches, the
/// yearly top of its salary range for the salary filter and sort, and its Markdown as HTML.
#[derive(Debug, Clone, PartialEq, AsChangeset)]
#[diesel(table_name = vacancies, treat_none_as_null = true)]
pub struct VacancyDerived {
    pub place_text: Option<String>,
    pub salary_year_top: Option<i64>,
    pub summary_html: String,
    pub responsibilities_html: String,
    pub requirements_html: String,
    pub nice_to_have_html: String,
    pub benefits_html: String,
}

/// The stored HTML of a vacancy's sections, for its page.
#[derive(Debug, Clone, Default, PartialEq, Queryable, Selectable)]
#[diesel(table_name = vacancies)]
pub struct VacancyHtml {
    pub summary_html: String,
    pub responsibilities_html: String,
    pub requirements_html: String,
    pub nice_to_have_html: String,
    pub benefits_html: String,
}

impl Vacancy {
    /// Everything a location search may name, lower-cased: each place's city, country code
    /// and name, the places as shown, and "remote anywhere" for remote work. The location
    /// filter is a substring of this, so it finds a vacancy by any of its places.
    pub fn place_text(&self) -> String {
        let mut text = self.place();
        if self.is_remote() {
            text.push_str(" remote anywhere");
        }
        for place in self.places() {
            text.push_str(&format!(" {} {}", place.city, place.country));
            if let Some(name) = countries::name(&place.country) {
                text.push(' ');
                text.push_str(name);
            }
        }
        text.to_lowercase()
    }
}
