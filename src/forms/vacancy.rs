//! The vacancy form: what the recruiter typed, kept as typed, and its parse into fields.

use time::PrimitiveDateTime;

use super::{check_skills, text, CheckedForm, FieldErrors};
use crate::domain::timefmt;
use crate::messages::Msg;
use crate::models::{
    countries, places, Category, Employment, Place, SalaryPeriod, Seniority, VacancyDetail,
    VacancyFields, WorkMode, CURRENCIES, MAX_PLACES,
};

pub const MAX_TITLE: usize = 120;
pub const MAX_SECTION: usize = 10_000;
pub const MAX_SKILLS: usize = 20;
/// Empty place rows the form offers below the filled ones, and adds on "More places".
pub const SPARE_PLACE_ROWS: usize = 2;
/// Place rows read from a posted form at most; more is no form we drew.
const MAX_PLACE_ROWS: usize = 100;

/// The city and country fields of each place row. The first row keeps the names the form had
/// before vacancies had several places (`location`, `country`); errors need static names.
const CITY_FIELDS: [&str; MAX_PLACES] = [
    "location",
    "location_2",
    "location_3",
    "location_4",
    "location_5",
    "location_6",
    "location_7",
    "location_8",
    "location_9",
    "location_10",
    "location_11",
    "location_12",
    "location_13",
    "location_14",
    "location_15",
    "location_16",
    "location_17",
    "location_18",
    "location_19",
    "location_20",
];
const COUNTRY_FIELDS: [&str; MAX_PLACES] = [
    "country",
    "country_2",
    "country_3",
    "country_4",
    "country_5",
    "country_6",
    "country_7",
    "country_8",
    "country_9",
    "country_10",
    "country_11",
    "country_12",
    "country_13",
    "country_14",
    "country_15",
    "country_16",
    "country_17",
    "country_18",
    "country_19",
    "country_20",
];

/// The name of row `i`'s city or country field (`base` is "location" or "country").
pub fn place_field(base: &str, i: usize) -> String {
    if i == 0 {
        base.to_string()
    } else {
        format!("{base}_{}", i + 1)
    }
}

/// One place row as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceRow {
    pub city: String,
    pub country: String,
}

impl PlaceRow {
    pub fn is_empty(&self) -> bool {
        self.city.trim().is_empty() && self.country.trim().is_empty()
    }
}

#[derive(Debug, Clone, Default)]
pub struct VacancyForm {
    pub title: String,
    pub category: String,
    pub seniority: String,
    pub employment: String,
    pub work_mode: String,
    /// The place rows as typed, empty ones included, so errors stay beside their row.
    pub places: Vec<PlaceRow>,
    /// Empty rows to draw after the typed ones.
    pub spare_rows: usize,
    pub remote_countries: String,
    pub salary_min: String,
    pub salary_max: String,
    pub salary_currency: String,
    pub salary_period: String,
    pub valid_through: String,
    pub summary: String,
    pub responsibilities: String,
    pub requirements: String,
    pub nice_to_have: String,
    pub benefits: String,
    pub skills: String,
    /// Listed in other languages while it has no translation there (a checkbox).
    pub other_languages: bool,
    /// A new vacancy's language and the vacancy it translates (an id, or empty).
    pub lang: String,
    pub translation_of: String,
}

impl VacancyForm {
    /// The submitted form; "More places" (`intent=more_places`) gives it more empty rows.
    pub fn from_form(f: &CheckedForm) -> VacancyForm {
        let form = VacancyForm {
            title: f.get("title").into(),
            category: f.get("category").into(),
            seniority: f.get("seniority").into(),
            employment: f.get("employment").into(),
            work_mode: f.get("work_mode").into(),
            places: place_rows(f),
            spare_rows: SPARE_PLACE_ROWS,
            remote_countries: f.get("remote_countries").into(),
            salary_min: f.get("salary_min").into(),
            salary_max: f.get("salary_max").into(),
            salary_currency: f.get("salary_currency").into(),
            salary_period: f.get("salary_period").into(),
            valid_through: f.get("valid_through").into(),
            summary: f.get("summary").into(),
            responsibilities: f.get("responsibilities").into(),
            requirements: f.get("requirements").into(),
            nice_to_have: f.get("nice_to_have").into(),
            benefits: f.get("benefits").into(),
            skills: f.get("skills").into(),
            // The form sends a hidden "no" before the checkbox; a client that sends neither
            // keeps the default, on.
            other_languages: !f.has("other_languages") || f.all("other_languages").contains(&"yes"),
            lang: f.get("lang").into(),
            translation_of: f.get("translation_of").into(),
        };
        if f.get("intent") == "more_places" {
            form.with_more_rows()
        } else {
            form
        }
    }

    /// A new vacancy starts as a full-time, hybrid, yearly-salaried role.
    pub fn blank() -> VacancyForm {
        VacancyForm {
            employment: Employment::FullTime.as_str().into(),
            work_mode: WorkMode::Hybrid.as_str().into(),
            salary_period: SalaryPeriod::Year.as_str().into(),
            salary_currency: "EUR".into(),
            spare_rows: SPARE_PLACE_ROWS,
            other_languages: true,
            ..VacancyForm::default()
        }
    }

    pub fn from_detail(d: &VacancyDetail) -> VacancyForm {
        let v = &d.vacancy;
        VacancyForm {
            title: v.title.clone(),
            category: d.category.slug.clone(),
            seniority: v.seniority.clone(),
            employment: v.employment.clone(),
            work_mode: v.work_mode.clone(),
            places: v
                .places()
                .into_iter()
                .map(|p| PlaceRow {
                    city: p.city,
                    country: p.country,
                })
                .collect(),
            spare_rows: SPARE_PLACE_ROWS,
            remote_countries: v.remote_country_codes().join(", "),
            salary_min: v.salary_min.map(|n| n.to_string()).unwrap_or_default(),
            salary_max: v.salary_max.map(|n| n.to_string()).unwrap_or_default(),
            salary_currency: v.salary_currency.clone().unwrap_or_default(),
            salary_period: v.salary_period.clone().unwrap_or_default(),
            valid_through: v.valid_through.map(timefmt::date).unwrap_or_default(),
            summary: v.summary.clone(),
            responsibilities: v.responsibilities.clone(),
            requirements: v.requirements.clone(),
            nice_to_have: v.nice_to_have.clone(),
            benefits: v.benefits.clone(),
            skills: d
                .skills
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            other_languages: v.other_languages,
            lang: v.lang.clone(),
            translation_of: String::new(),
        }
    }

    /// The rows to draw: the typed ones up to the last filled one (at least the first row),
    /// then the spare rows, within the most places a vacancy may have (unless more were typed).
    pub fn place_rows(&self) -> Vec<PlaceRow> {
        let filled = self
            .places
            .iter()
            .rposition(|r| !r.is_empty())
            .map_or(0, |i| i + 1);
        let total = (filled.max(1) + self.spare_rows).min(MAX_PLACES.max(filled));
        let mut rows: Vec<PlaceRow> = self.places.iter().take(filled).cloned().collect();
        rows.resize(total, PlaceRow::default());
        rows
    }

    /// "More places": the same form with more empty rows.
    fn with_more_rows(mut self) -> VacancyForm {
        let filled = self.places.iter().filter(|r| !r.is_empty()).count();
        let empty_shown = self.places.len().saturating_sub(filled);
        self.spare_rows = empty_shown.max(self.spare_rows) + SPARE_PLACE_ROWS;
        self
    }

    /// The form of a new `lang` version of `original`, filled with its fields for the
    /// recruiter to translate. An expiry already past is left for them to set again.
    pub fn translating(original: &VacancyDetail, lang: &str, group: i32) -> VacancyForm {
        let mut form = VacancyForm::from_detail(original);
        if original.vacancy.is_expired(crate::clock::now()) {
            form.valid_through = String::new();
        }
        form.lang = lang.to_string();
        form.translation_of = group.to_string();
        form
    }

    pub fn skill_names(&self) -> Vec<String> {
        super::skill_names(&self.skills)
    }

    /// Checks every rule and gives the model values, or every problem at once.
    pub fn parse(
        &self,
        categories: &[Category],
        now: PrimitiveDateTime,
    ) -> Result<(VacancyFields, Vec<String>), FieldErrors> {
        let mut e = FieldErrors::default();
        let title = text(&mut e, "title", &self.title, true, MAX_TITLE);
        let category_id = self.check_choices(&mut e, categories);
        let place = self.parse_place(&mut e);
        let salary = self.parse_salary(&mut e);
        let valid_through = self.parse_valid_through(&mut e, now);
        let summary = text(&mut e, "summary", &self.summary, true, 2_000);
        let section = |e: &mut FieldErrors, field, value: &str, required| {
            text(e, field, value, required, MAX_SECTION)
        };
        let responsibilities = section(&mut e, "responsibilities", &self.responsibilities, true);
        let requirements = section(&mut e, "requirements", &self.requirements, true);
        let nice_to_have = section(&mut e, "nice_to_have", &self.nice_to_have, false);
        let benefits = section(&mut e, "benefits", &self.benefits, false);
        let skills = self.skill_names();
        check_skills(&mut e, &skills, MAX_SKILLS);
        if !e.is_empty() {
            return Err(e);
        }
        let fields = VacancyFields {
            title,
            category_id,
            seniority: self.seniority.clone(),
            employment: self.employment.clone(),
            work_mode: self.work_mode.clone(),
            location: place.location,
            country: place.country,
            other_places: place.other_places,
            remote_countries: place.remote_countries,
            salary_min: salary.min,
            salary_max: salary.max,
            salary_currency: salary.currency,
            salary_period: salary.period,
            summary,
            responsibilities,
            requirements,
            nice_to_have,
            benefits,
            valid_through,
        };
        Ok((fields, skills))
    }

    /// The category, seniority and employment must be one of those offered; gives the
    /// category's id (0 when it is not, with an error noted).
    fn check_choices(&self, e: &mut FieldErrors, categories: &[Category]) -> i32 {
        let category = categories.iter().find(|c| c.slug == self.category);
        if category.is_none() {
            e.add("category", "category-choose");
        }
        if Seniority::parse(&self.seniority).is_none() {
            e.add("seniority", "seniority-choose");
        }
        if Employment::parse(&self.employment).is_none() {
            e.add("employment", "employment-choose");
        }
        category.map(|c| c.id).unwrap_or_default()
    }

    /// Where the work happens. An office or hybrid role needs at least one place, each a city
    /// and a known country (empty rows are skipped, so emptying a row removes its place); a
    /// remote one needs the countries applicants may live in, and keeps no places.
    fn parse_place(&self, e: &mut FieldErrors) -> ParsedPlace {
        let work_mode = WorkMode::parse(&self.work_mode);
        if work_mode.is_none() {
            e.add("work_mode", "work-mode-choose");
        }
        let remote = work_mode == Some(WorkMode::Remote);
        let mut places: Vec<Place> = Vec::new();
        if !remote {
            for (i, row) in self.places.iter().enumerate() {
                if row.is_empty() || i >= MAX_PLACES {
                    continue;
                }
                let city = text(e, CITY_FIELDS[i], &row.city, true, 100);
                let country = row.country.trim().to_ascii_uppercase();
                if i == 0 && !countries::is_known(&country) {
                    e.add(COUNTRY_FIELDS[i], "country-choose");
                } else if country.is_empty() {
                    e.add(COUNTRY_FIELDS[i], "place-country-missing");
                } else if !countries::is_known(&country) {
                    e.add(COUNTRY_FIELDS[i], "place-country-unknown");
                }
                let place = Place::new(&city, &country);
                if !places.contains(&place) {
                    places.push(place);
                }
            }
            let filled = self.places.iter().filter(|r| !r.is_empty()).count();
            // A row past the last one drawn counts too, even with fewer places in all.
            let beyond = self.places.iter().skip(MAX_PLACES).any(|r| !r.is_empty());
            if filled > MAX_PLACES || beyond {
                e.add(
                    "places",
                    Msg::new("places-too-many").number("max", MAX_PLACES as i64),
                );
            } else if filled == 0 {
                e.add("location", crate::messages::REQUIRED);
            }
        }
        let (remote_codes, unknown) = countries::parse_list(&self.remote_countries);
        if !unknown.is_empty() {
            e.add(
                "remote_countries",
                Msg::new("remote-countries-unknown").text("codes", unknown.join(", ")),
            );
        } else if remote && remote_codes.is_empty() {
            e.add("remote_countries", "remote-countries-missing");
        }
        let first = if places.is_empty() {
            Place::default()
        } else {
            places.remove(0)
        };
        ParsedPlace {
            location: first.city,
            country: first.country,
            other_places: places::encode(&places),
            remote_countries: remote_codes.join(","),
        }
    }

    /// The salary range is optional; once either end is stated, currency and period are needed.
    fn parse_salary(&self, e: &mut FieldErrors) -> Salary {
        let min = amount(e, "salary_min", &self.salary_min);
        let max = amount(e, "salary_max", &self.salary_max);
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                e.add("salary_max", "salary-max-below-min");
            }
        }
        let stated = min.is_some() || max.is_some();
        let currency = self.salary_currency.trim().to_ascii_uppercase();
        let period = SalaryPeriod::parse(self.salary_period.trim());
        if stated && !CURRENCIES.contains(&currency.as_str()) {
            e.add("salary_currency", "salary-currency-choose");
        }
        if stated && period.is_none() {
            e.add("salary_period", "salary-period-choose");
        }
        Salary {
            min,
            max,
            currency: stated.then_some(currency),
            period: period.filter(|_| stated).map(|p| p.as_str().to_string()),
        }
    }

    /// An optional last day, which must still be ahead.
    fn parse_valid_through(
        &self,
        e: &mut FieldErrors,
        now: PrimitiveDateTime,
    ) -> Option<PrimitiveDateTime> {
        if self.valid_through.trim().is_empty() {
            return None;
        }
        match timefmt::parse_end_of_day(&self.valid_through) {
            None => {
                e.add("valid_through", "valid-through-invalid");
                None
            }
            Some(date) if date <= now => {
                e.add("valid_through", "valid-through-past");
                None
            }
            Some(date) => Some(date),
        }
    }
}

/// The parsed place fields of a vacancy.
struct ParsedPlace {
    location: String,
    country: String,
    other_places: String,
    remote_countries: String,
}

/// The place rows of a posted form, in order, up to the last one sent.
fn place_rows(f: &CheckedForm) -> Vec<PlaceRow> {
    let mut rows: Vec<PlaceRow> = (0..MAX_PLACE_ROWS)
        .map(|i| PlaceRow {
            city: f.get(&place_field("location", i)).into(),
            country: f.get(&place_field("country", i)).into(),
        })
        .collect();
    let sent = (0..MAX_PLACE_ROWS)
        .rposition(|i| f.has(&place_field("location", i)) || f.has(&place_field("country", i)))
        .map_or(1, |i| i + 1);
    rows.truncate(sent);
    rows
}

/// The parsed salary fields of a vacancy; currency and period only when an amount is stated.
struct Salary {
    min: Option<i32>,
    max: Option<i32>,
    currency: Option<String>,
    period: Option<String>,
}

/// A whole amount; separators people type ("65,000", "65 000") are allowed.
fn amount(e: &mut FieldErrors, field: &'static str, raw: &str) -> Option<i32> {
    let cleaned = raw.trim().replace([',', ' ', '_'], "");
    if cleaned.is_empty() {
        return None;
    }
    match cleaned.parse::<i32>() {
        Ok(n) if (0..=100_000_000).contains(&n) => Some(n),
        _ => {
            e.add(field, "amount-invalid");
            None
        }
    }
}
