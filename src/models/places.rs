//! Where a vacancy can be done from: its places (city + country), stored as the first place in
//! `location`/`country` and the others in `other_places`, and one row each in `vacancy_places`.

use diesel::prelude::*;

use super::Vacancy;
use crate::schema::vacancy_places;

/// The most places one vacancy may list.
pub const MAX_PLACES: usize = 20;

/// One place a vacancy can be done from: a city in a country (an ISO code of `countries`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    pub city: String,
    pub country: String,
}

impl Place {
    pub fn new(city: &str, country: &str) -> Place {
        Place {
            city: city.trim().to_string(),
            country: country.trim().to_ascii_uppercase(),
        }
    }
}

/// A row of `vacancy_places`; position 0 is the vacancy's first place.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = vacancy_places)]
pub struct VacancyPlace {
    pub vacancy_id: i32,
    pub position: i32,
    pub city: String,
    pub country: String,
}

/// `other_places` as stored: one "CC City" line per place (a code has no spaces and a city
/// typed in one line has no line breaks, so the text reads back unchanged).
pub fn encode(places: &[Place]) -> String {
    places
        .iter()
        .map(|p| format!("{} {}", p.country, p.city).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn decode(text: &str) -> Vec<Place> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| match line.split_once(' ') {
            Some((country, city)) => Place::new(city, country),
            None => Place::new("", line),
        })
        .collect()
}

/// Member states of the EU and the other EEA states (Iceland, Liechtenstein, Norway): where
/// the EU Pay Transparency Directive (2023/970) asks for pay information in vacancies.
pub const EU_EEA: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
    "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
];

pub fn is_eu_eea(code: &str) -> bool {
    EU_EEA.contains(&code)
}

impl Vacancy {
    /// Every place, the first one first; none for remote work (it has countries instead).
    pub fn places(&self) -> Vec<Place> {
        if self.is_remote() {
            return Vec::new();
        }
        let mut places = Vec::new();
        if !self.location.is_empty() || !self.country.is_empty() {
            places.push(Place::new(&self.location, &self.country));
        }
        places.extend(decode(&self.other_places));
        places
    }

    /// The distinct country codes of its places and remote countries: what a filter or facet
    /// by country matches.
    pub fn country_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        let places = self.places().into_iter().map(|p| p.country);
        let remote = self.remote_country_codes().into_iter().map(String::from);
        for code in places.chain(remote) {
            if !code.is_empty() && !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes
    }

    /// The rows of `vacancy_places` for this vacancy.
    pub fn place_rows(&self) -> Vec<VacancyPlace> {
        self.places()
            .into_iter()
            .enumerate()
            .map(|(i, p)| VacancyPlace {
                vacancy_id: self.id,
                position: i32::try_from(i).unwrap_or(i32::MAX),
                city: p.city,
                country: p.country,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_places_read_back_as_written() {
        let places = vec![
            Place::new("Berlin", "DE"),
            Place::new("Frankfurt am Main", "de"),
            Place::new("", "PT"),
        ];
        let text = encode(&places);
        assert_eq!(text, "DE Berlin\nDE Frankfurt am Main\nPT");
        assert_eq!(decode(&text), places);
        assert!(decode("").is_empty());
    }
}
