//! schema.org JobPosting for a vacancy, and the "ready for Google" checklist read from the very
//! same JSON, so the checklist can never disagree with what the page carries.

use serde_json::{json, Map, Value};
use time::PrimitiveDateTime;

use super::timefmt;
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::models::{countries, places, Employment, SalaryPeriod, VacancyDetail};
use crate::site::Site;

/// The description as HTML: the summary and each section under its heading, from the HTML
/// stored when the vacancy was saved.
pub fn description_html(d: &VacancyDetail) -> String {
    // Headings in the vacancy's own language, like its text.
    let lang = Lang::parse(&d.vacancy.lang).unwrap_or_else(Lang::fallback);
    let mut html = d.html.summary_html.clone();
    for (heading, section) in html_sections(d) {
        if !section.trim().is_empty() {
            html.push_str(&format!(
                "\n<h2>{}</h2>\n{section}",
                escape(&lang.t(heading))
            ));
        }
    }
    if !d.skills.is_empty() {
        let names: Vec<String> = d
            .skills
            .iter()
            .map(|s| escape(&skill_name(s, lang)))
            .collect();
        html.push_str(&format!(
            "\n<h2>{}</h2>\n<p>{}</p>\n",
            escape(&lang.t("vacancy-skills")),
            names.join(", ")
        ));
    }
    html
}

/// A skill's name in `lang` (its stored name when there is no text for it).
fn skill_name(skill: &crate::models::Skill, lang: Lang) -> String {
    let key = format!("skill-{}", skill.slug);
    if lang.has(&key) {
        lang.t(&key)
    } else {
        skill.name.clone()
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sections after the summary, as stored HTML under their headings.
/// The page's sections: a heading's text key and its HTML.
pub fn html_sections(d: &VacancyDetail) -> [(&'static str, &str); 4] {
    let h = &d.html;
    [
        ("vacancy-responsibilities", h.responsibilities_html.as_str()),
        ("vacancy-requirements", h.requirements_html.as_str()),
        ("vacancy-nice-to-have", h.nice_to_have_html.as_str()),
        ("vacancy-benefits", h.benefits_html.as_str()),
    ]
}

pub fn sections(d: &VacancyDetail) -> [(&'static str, &str); 4] {
    let v = &d.vacancy;
    [
        ("Responsibilities", v.responsibilities.as_str()),
        ("Requirements", v.requirements.as_str()),
        ("Nice to have", v.nice_to_have.as_str()),
        ("Benefits", v.benefits.as_str()),
    ]
}

/// The JobPosting object, in the vacancy's own language (a translation's page carries its own
/// texts, category and skill names). `date_posted` is the publication date (or, in a preview,
/// today).
pub fn job_posting(d: &VacancyDetail, site: &Site, date_posted: PrimitiveDateTime) -> Value {
    let v = &d.vacancy;
    let lang = Lang::parse(&v.lang).unwrap_or_else(Lang::fallback);
    let url = site.absolute(&format!("/{}/vacancies/{}", v.lang, v.slug));
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org/"));
    o.insert("@type".into(), json!("JobPosting"));
    o.insert("title".into(), json!(v.title));
    o.insert("description".into(), json!(description_html(d)));
    o.insert("datePosted".into(), json!(timefmt::iso(date_posted)));
    if let Some(valid) = v.valid_through {
        o.insert("validThrough".into(), json!(timefmt::iso(valid)));
    }
    o.insert(
        "hiringOrganization".into(),
        json!({"@type": "Organization", "name": site.org_name, "sameAs": site.org_url, "url": site.org_url}),
    );
    if v.is_remote() {
        o.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        let countries: Vec<Value> = v
            .remote_country_codes()
            .into_iter()
            .map(|c| json!({"@type": "Country", "name": c}))
            .collect();
        if !countries.is_empty() {
            o.insert(
                "applicantLocationRequirements".into(),
                Value::Array(countries),
            );
        }
    } else {
        let mut places: Vec<Value> = v.places().iter().map(place).collect();
        let location = match places.len() {
            // No place yet: an empty address, which the checklist reports.
            0 => place(&Default::default()),
            1 => places.remove(0),
            _ => Value::Array(places),
        };
        o.insert("jobLocation".into(), location);
    }
    if let Some(e) = Employment::parse(&v.employment) {
        o.insert("employmentType".into(), json!(e.schema_org()));
    }
    if let (Some(currency), Some(period)) = (
        v.salary_currency.as_deref(),
        v.salary_period.as_deref().and_then(SalaryPeriod::parse),
    ) {
        let mut value = Map::new();
        value.insert("@type".into(), json!("QuantitativeValue"));
        match (v.salary_min, v.salary_max) {
            (Some(lo), Some(hi)) if lo == hi => {
                value.insert("value".into(), json!(lo));
            }
            (lo, hi) => {
                if let Some(lo) = lo {
                    value.insert("minValue".into(), json!(lo));
                }
                if let Some(hi) = hi {
                    value.insert("maxValue".into(), json!(hi));
                }
            }
        }
        value.insert("unitText".into(), json!(period.schema_org()));
        if value.len() > 2 {
            o.insert(
                "baseSalary".into(),
                json!({"@type": "MonetaryAmount", "currency": currency, "value": Value::Object(value)}),
            );
        }
    }
    o.insert(
        "identifier".into(),
        json!({"@type": "PropertyValue", "name": site.org_name, "value": v.id.to_string()}),
    );
    // Candidates apply on the page itself.
    o.insert("directApply".into(), json!(true));
    o.insert("url".into(), json!(url));
    if !d.skills.is_empty() {
        let names: Vec<String> = d.skills.iter().map(|s| skill_name(s, lang)).collect();
        o.insert("skills".into(), json!(names.join(", ")));
    }
    o.insert("industry".into(), json!("Information Technology"));
    o.insert(
        "occupationalCategory".into(),
        json!(super::board::category_name(&d.category, lang)),
    );
    Value::Object(o)
}

/// A schema.org Place with the city and country it has.
fn place(p: &crate::models::Place) -> Value {
    let mut address = Map::new();
    address.insert("@type".into(), json!("PostalAddress"));
    if !p.city.is_empty() {
        address.insert("addressLocality".into(), json!(p.city));
    }
    if !p.country.is_empty() {
        address.insert("addressCountry".into(), json!(p.country));
    }
    json!({"@type": "Place", "address": Value::Object(address)})
}

/// The addresses of a posting's `jobLocation`, one Place or a list of them.
fn addresses(posting: &Value) -> Vec<&Value> {
    match &posting["jobLocation"] {
        Value::Null => Vec::new(),
        Value::Array(places) => places.iter().map(|p| &p["address"]).collect(),
        one => vec![&one["address"]],
    }
}

/// Every country a posting names: its places' and the remote applicants'.
fn posting_countries(posting: &Value) -> Vec<&str> {
    let places = addresses(posting)
        .into_iter()
        .map(|a| text_of(a, "addressCountry"));
    let remote = posting["applicantLocationRequirements"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| text_of(c, "name"));
    places.chain(remote).filter(|c| !c.is_empty()).collect()
}

/// JSON-LD text safe inside a `<script>` element: `<`, `>` and `&` are escaped so no text can
/// close the element.
pub fn to_script_json(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into());
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Level {
    /// Google would reject the posting or it breaks Google's content policy: publishing waits.
    Blocking,
    /// Google would show it, but the posting may break a law where the job is.
    Warning,
    /// Google would show it, but less well.
    Advice,
}

#[derive(Debug, Clone)]
pub struct Check {
    pub level: Level,
    /// A key of `locales/*/admin.ftl`, shown in the recruiter's language.
    pub message: Msg,
}

impl Check {
    pub fn is_blocking(&self) -> bool {
        self.level == Level::Blocking
    }

    pub fn is_warning(&self) -> bool {
        self.level == Level::Warning
    }
}

fn text_of<'a>(o: &'a Value, key: &str) -> &'a str {
    o.get(key).and_then(Value::as_str).unwrap_or("")
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Does the text look like it carries a salary ("€60k", "60,000 EUR", "$30/hour")?
fn mentions_salary(title: &str) -> bool {
    let lower = title.to_lowercase();
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    let money = ['€', '$', '£', '¥'].iter().any(|c| lower.contains(*c))
        || [
            "eur", "usd", "gbp", "pln", "salary", "/h", "per hour", "per year", "k/",
        ]
        .iter()
        .any(|w| lower.contains(w))
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.len() > 1 && w.ends_with('k') && w[..w.len() - 1].chars().all(|c| c.is_ascii_digit())
        });
    has_digit && money
}

fn mentions_place(title: &str, location: &str, country: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let place_words = ["remote", "hybrid", "onsite", "on-site"];
    place_words.iter().any(|w| lower.contains(w))
        || (!location.is_empty() && lower.contains(&location.to_lowercase()))
        || countries::name(country).is_some_and(|n| lower.contains(&n.to_lowercase()))
        || (!country.is_empty() && words.contains(&country.to_lowercase().as_str()))
}

/// What Google needs that this posting lacks or gets wrong, read from its JobPosting JSON.
pub fn checklist(posting: &Value, now: PrimitiveDateTime) -> Vec<Check> {
    let mut checks = Vec::new();
    let mut blocking = |m: Msg| {
        checks.push(Check {
            level: Level::Blocking,
            message: m,
        })
    };
    let title = text_of(posting, "title");
    if title.trim().is_empty() {
        blocking(Msg::new("check-title-empty"));
    }
    if mentions_salary(title) {
        blocking(Msg::new("check-title-salary"));
    }
    let description = strip_tags(text_of(posting, "description"));
    let words = description.split_whitespace().count();
    if words == 0 {
        blocking(Msg::new("check-description-empty"));
    }
    if text_of(&posting["hiringOrganization"], "name").is_empty() {
        blocking(Msg::new("check-organisation-unnamed"));
    }
    let remote = text_of(posting, "jobLocationType") == "TELECOMMUTE";
    if remote {
        if posting.get("applicantLocationRequirements").is_none() {
            blocking(Msg::new("check-remote-countries"));
        }
    } else if addresses(posting).is_empty()
        || addresses(posting)
            .iter()
            .any(|a| text_of(a, "addressCountry").is_empty())
    {
        blocking(Msg::new("check-no-country"));
    }
    let valid_through = text_of(posting, "validThrough");
    if !valid_through.is_empty() && valid_through <= super::timefmt::iso(now).as_str() {
        blocking(Msg::new("check-expired"));
    }

    if posting.get("baseSalary").is_none()
        && posting_countries(posting)
            .iter()
            .any(|c| places::is_eu_eea(c))
    {
        checks.push(Check {
            level: Level::Warning,
            message: Msg::new("check-eu-pay-transparency"),
        });
    }

    let mut advice = |m: Msg| {
        checks.push(Check {
            level: Level::Advice,
            message: m,
        })
    };
    let addresses = addresses(posting);
    if addresses.iter().any(|a| {
        mentions_place(
            title,
            text_of(a, "addressLocality"),
            text_of(a, "addressCountry"),
        )
    }) || mentions_place(title, "", "")
    {
        advice(Msg::new("check-title-place"));
    }
    if words > 0 && words < 100 {
        advice(Msg::new("check-description-short").count("words", words as i64));
    }
    if !remote
        && addresses
            .iter()
            .any(|a| text_of(a, "addressLocality").is_empty())
    {
        advice(Msg::new("check-no-city"));
    }
    if posting.get("baseSalary").is_none() {
        advice(Msg::new("check-no-salary"));
    }
    if valid_through.is_empty() {
        advice(Msg::new("check-no-valid-through"));
    }
    if posting.get("employmentType").is_none() {
        advice(Msg::new("check-no-employment-type"));
    }
    if title.chars().filter(|c| c.is_alphabetic()).count() > 3
        && title
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        advice(Msg::new("check-title-capitals"));
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salary_in_title_is_spotted() {
        assert!(mentions_salary("Rust Developer €60k"));
        assert!(mentions_salary("Java Developer 60,000 EUR"));
        assert!(mentions_salary("QA Tester $30/h"));
        assert!(mentions_salary("Go Engineer 90k"));
        assert!(!mentions_salary("Backend Developer (Python 3)"));
        assert!(!mentions_salary("Senior Data Engineer"));
    }

    #[test]
    fn place_in_title_is_spotted() {
        assert!(mentions_place("Remote Go Developer", "", ""));
        assert!(mentions_place("Go Developer Berlin", "Berlin", "DE"));
        assert!(mentions_place("Go Developer Germany", "Munich", "DE"));
        assert!(!mentions_place("Go Developer", "Berlin", "DE"));
    }

    fn keys(posting: &Value) -> Vec<(Level, String)> {
        checklist(posting, crate::clock::now())
            .into_iter()
            .map(|c| (c.level, c.message.key.to_string()))
            .collect()
    }

    #[test]
    fn every_place_needs_a_country_and_eu_places_a_salary() {
        let place = |city: &str, country: &str| json!({"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": city, "addressCountry": country}});
        let mut posting = json!({
            "title": "Go Developer",
            "description": "Build things.",
            "hiringOrganization": {"name": "Acme"},
            "jobLocation": [place("London", "GB"), place("Dublin", "")],
        });
        let found = keys(&posting);
        assert!(found.contains(&(Level::Blocking, "check-no-country".into())));
        assert!(!found.iter().any(|(_, k)| k == "check-eu-pay-transparency"));

        posting["jobLocation"] = json!([place("London", "GB"), place("Dublin", "IE")]);
        let found = keys(&posting);
        assert!(!found.iter().any(|(_, k)| k == "check-no-country"));
        assert!(found.contains(&(Level::Warning, "check-eu-pay-transparency".into())));

        posting["baseSalary"] = json!({"@type": "MonetaryAmount"});
        assert!(!keys(&posting)
            .iter()
            .any(|(_, k)| k == "check-eu-pay-transparency"));
    }

    #[test]
    fn script_json_cannot_close_the_element() {
        let text = to_script_json(&json!({"t": "</script><script>alert(1)</script>"}));
        assert!(!text.contains("</script"));
        assert!(text.contains("\\u003c/script\\u003e"));
    }
}
