//! Stored values in words of a language: countries, where a vacancy is, its salary. The keys
//! live in `locales/*/labels.ftl`; public and admin pages share them.

use crate::i18n::Lang;
use crate::models::{countries, SalaryPeriod, Vacancy};

/// "Germany" / "Alemania"; an unknown code as it is.
pub fn country(lang: Lang, code: &str) -> String {
    if countries::is_known(code) {
        lang.t(&format!("country-{code}"))
    } else {
        code.to_string()
    }
}

/// How many places a short place line names before "and 2 more".
const PLACES_SHOWN: usize = 2;

/// "Berlin, Germany", "Madrid, Spain · Berlin, Germany and 2 more", "Remote (Germany,
/// Poland)" and the like, in `lang`: short enough for a card.
pub fn place(lang: Lang, v: &Vacancy) -> String {
    let mut places = places(lang, v);
    if places.len() <= PLACES_SHOWN + 1 {
        return places.join(" · ");
    }
    let more = places.len() - PLACES_SHOWN;
    places.truncate(PLACES_SHOWN);
    lang.t_args(
        "places-and-more",
        &[
            ("places", places.join(" · ").into()),
            ("count", i64::try_from(more).unwrap_or(i64::MAX).into()),
        ],
    )
}

/// Every place of a vacancy in words of `lang` ("Berlin, Germany"), or its remote line.
pub fn places(lang: Lang, v: &Vacancy) -> Vec<String> {
    if v.is_remote() {
        let names: Vec<String> = v
            .remote_country_codes()
            .into_iter()
            .map(|c| country(lang, c))
            .collect();
        let line = if names.is_empty() {
            lang.t("place-remote")
        } else {
            lang.t_args("place-remote-in", &[("countries", names.join(", ").into())])
        };
        return vec![line];
    }
    v.places()
        .iter()
        .map(|p| {
            let country = if p.country.is_empty() {
                String::new()
            } else {
                country(lang, &p.country)
            };
            match (p.city.is_empty(), country.is_empty()) {
                (false, false) => format!("{}, {}", p.city, country),
                (false, true) => p.city.clone(),
                _ => country,
            }
        })
        .collect()
}

/// "60,000–80,000 EUR per year" / "60.000–80.000 EUR al año", or `None` when not stated.
pub fn salary(lang: Lang, v: &Vacancy) -> Option<String> {
    let currency = v.salary_currency.clone().unwrap_or_default();
    let period = v
        .salary_period
        .as_deref()
        .and_then(SalaryPeriod::parse)
        .map(|p| lang.t(p.key()))
        .unwrap_or_default();
    let n = |amount: i32| lang.number(i64::from(amount));
    let (key, amounts): (&str, Vec<(&str, String)>) = match (v.salary_min, v.salary_max) {
        (Some(lo), Some(hi)) if lo == hi => ("salary-exact", vec![("amount", n(lo))]),
        (Some(lo), Some(hi)) => ("salary-range", vec![("min", n(lo)), ("max", n(hi))]),
        (Some(lo), None) => ("salary-from", vec![("amount", n(lo))]),
        (None, Some(hi)) => ("salary-up-to", vec![("amount", n(hi))]),
        (None, None) => return None,
    };
    let mut args: Vec<(&str, _)> = amounts
        .into_iter()
        .map(|(name, value)| (name, value.into()))
        .collect();
    args.push(("currency", currency.into()));
    args.push(("period", period.into()));
    let text = lang.t_args(key, &args);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::VacancyFields;

    fn vacancy(min: Option<i32>, max: Option<i32>, mode: &str) -> Vacancy {
        let fields = VacancyFields {
            title: "Backend Developer".into(),
            category_id: 1,
            seniority: "senior".into(),
            employment: "full_time".into(),
            work_mode: mode.into(),
            location: "Madrid".into(),
            country: "ES".into(),
            remote_countries: "DE,PL".into(),
            other_places: String::new(),
            salary_min: min,
            salary_max: max,
            salary_currency: Some("EUR".into()),
            salary_period: Some("year".into()),
            summary: String::new(),
            responsibilities: String::new(),
            requirements: String::new(),
            nice_to_have: String::new(),
            benefits: String::new(),
            valid_through: None,
        };
        Vacancy::unsaved(fields, None, crate::clock::now())
    }

    #[test]
    fn salaries_and_places_per_language() {
        let en = Lang::parse("en").unwrap();
        let es = Lang::parse("es").unwrap();
        let v = vacancy(Some(60_000), Some(80_000), "onsite");
        assert_eq!(salary(en, &v).unwrap(), "60,000–80,000 EUR per year");
        assert_eq!(salary(es, &v).unwrap(), "60.000–80.000 EUR al año");
        assert_eq!(
            salary(es, &vacancy(Some(50_000), None, "onsite")).unwrap(),
            "desde 50.000 EUR al año"
        );
        assert_eq!(salary(en, &vacancy(None, None, "onsite")), None);
        assert_eq!(place(en, &v), "Madrid, Spain");
        assert_eq!(place(es, &v), "Madrid, España");
        let remote = vacancy(None, None, "remote");
        assert_eq!(place(es, &remote), "En remoto (Alemania, Polonia)");
        assert_eq!(country(es, "XX"), "XX");
        let mut many = v.clone();
        many.other_places = "DE Berlin\nFR Paris\nPT Lisbon".into();
        assert_eq!(
            place(en, &many),
            "Madrid, Spain · Berlin, Germany and 2 more"
        );
        assert_eq!(places(es, &many)[3], "Lisbon, Portugal");
        many.other_places = "DE Berlin\nFR Paris".into();
        assert_eq!(
            place(es, &many),
            "Madrid, España · Berlin, Alemania · Paris, Francia"
        );
    }
}
