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
    /// An ISO 3166 country code: vacancies with a place there or hiring remotely from there.
    pub country: String,
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

/// The combination of a country's total row in `board_country_counts`: every combination.
pub const ANY_COMBO: i32 = -1;

/// How many open vacancies of one facet combination (or of all, `ANY_COMBO`) have a place in
/// (or hire remotely from) one country: the country facet sums these over the combinations
/// the other filters pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCombo {
    pub country: String,
    pub combo: i32,
    pub count: i64,
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

/// The languages a board is listed in, in the order of their slot in a sort key. A third
/// language is one more entry here (four fit in the key).
pub const LISTING_LANGS: &[&str] = &["en", "es"];

/// A board row's key: newest first is `sort_key DESC`. From the top bit down: the listing
/// language's slot (2 bits, so each language's rows are one key range), the publication second
/// counted from 2020 (30 bits, to 2054), a tie rank (17 bits: the vacancy id's low bits, so
/// the newer id wins a shared second as the board's rule says, exactly below 131,072 ids) and
/// the facet combination (14 bits: category id 6, seniority 3, employment 3, work mode 2), so
/// the keyword index alone counts facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey(pub i64);

/// 2020-01-01T00:00:00Z as Unix seconds.
const KEY_EPOCH: i64 = 1_577_836_800;
const SECOND_BITS: u32 = 30;
const TIE_BITS: u32 = 17;
pub const COMBO_BITS: u32 = 14;
pub const COMBO_MASK: i64 = (1 << COMBO_BITS) - 1;
const TIE_SHIFT: u32 = COMBO_BITS;
const SECOND_SHIFT: u32 = TIE_SHIFT + TIE_BITS;
const LANG_SHIFT: u32 = SECOND_SHIFT + SECOND_BITS;

fn slot<T: PartialEq>(all: &[T], value: &T) -> i64 {
    all.iter().position(|v| v == value).map_or(7, |i| i as i64)
}

/// The facet combination of four stored values, as packed into a sort key.
pub fn combo_of(category_id: i32, seniority: &str, employment: &str, work_mode: &str) -> i32 {
    let category = i64::from(category_id).clamp(0, 63);
    let seniority = Seniority::parse(seniority).map_or(7, |s| slot(Seniority::ALL, &s));
    let employment = Employment::parse(employment).map_or(7, |e| slot(Employment::ALL, &e));
    let work_mode = WorkMode::parse(work_mode).map_or(3, |w| slot(WorkMode::ALL, &w));
    (category << 8 | seniority << 5 | employment << 2 | work_mode) as i32
}

/// The stored values of a facet combination (unknown slots read as "").
pub fn combo_values(combo: i32) -> (i32, &'static str, &'static str, &'static str) {
    let at = |shift: u32, mask: i32| ((combo >> shift) & mask) as usize;
    (
        (combo >> 8) & 63,
        Seniority::ALL.get(at(5, 7)).map_or("", |s| s.as_str()),
        Employment::ALL.get(at(2, 7)).map_or("", |e| e.as_str()),
        WorkMode::ALL.get(at(0, 3)).map_or("", |w| w.as_str()),
    )
}

/// The key range `(lowest, highest)` of a language's rows; `None` for a language not listed.
pub fn lang_range(lang: &str) -> Option<(i64, i64)> {
    let slot = LISTING_LANGS.iter().position(|l| *l == lang)? as i64;
    let low = slot << LANG_SHIFT;
    Some((low, low | ((1i64 << LANG_SHIFT) - 1)))
}

impl SortKey {
    /// The key of `vacancy_id` listed in `lang`, published at `published_at`, with `combo`.
    pub fn new(
        lang: &str,
        published_at: time::PrimitiveDateTime,
        vacancy_id: i32,
        combo: i32,
    ) -> Option<SortKey> {
        let (low, _) = lang_range(lang)?;
        let second = (published_at.assume_utc().unix_timestamp() - KEY_EPOCH)
            .clamp(0, (1 << SECOND_BITS) - 1);
        let tie = i64::from(vacancy_id) & ((1 << TIE_BITS) - 1);
        Some(SortKey(
            low | second << SECOND_SHIFT | tie << TIE_SHIFT | (i64::from(combo) & COMBO_MASK),
        ))
    }

    /// The next lower tie rank in the same second (when two ids share their low bits).
    pub fn lower_tie(self) -> SortKey {
        let tie = (self.0 >> TIE_SHIFT) & ((1 << TIE_BITS) - 1);
        let tie = (tie - 1).rem_euclid(1 << TIE_BITS);
        let cleared = self.0 & !(((1i64 << TIE_BITS) - 1) << TIE_SHIFT);
        SortKey(cleared | tie << TIE_SHIFT)
    }

    pub fn combo(self) -> i32 {
        (self.0 & COMBO_MASK) as i32
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn keys_order_newest_first_and_keep_their_parts() {
        let at = |s: &str| {
            time::PrimitiveDateTime::parse(
                s,
                &time::format_description::well_known::Iso8601::DEFAULT,
            )
            .unwrap()
        };
        let combo = combo_of(5, "senior", "contract", "hybrid");
        assert_eq!(combo_values(combo), (5, "senior", "contract", "hybrid"));
        let older = SortKey::new("en", at("2026-11-30T10:00:00"), 9, combo).unwrap();
        let newer = SortKey::new("en", at("2026-11-30T10:00:01"), 2, 0).unwrap();
        let same_second = SortKey::new("en", at("2026-11-30T10:00:00"), 10, 0).unwrap();
        assert!(newer > same_second && same_second > older);
        assert_eq!(older.combo(), combo);
        let (low, high) = lang_range("en").unwrap();
        assert!(older.0 >= low && older.0 <= high);
        let spanish = SortKey::new("es", at("2020-01-01T00:00:00"), 1, 0).unwrap();
        assert!(spanish.0 > high);
        assert!(older.lower_tie() < older && older.lower_tie().combo() == combo);
        assert_eq!(lang_range("fr"), None);
    }
}
