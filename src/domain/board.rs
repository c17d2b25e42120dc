//! The public job board's rules: filters read from a query string, the words a keyword search
//! may hand to the index, facet counts and links from the database's combination counts, ways
//! to widen an empty search, and the reference rule of which vacancy a filter lets through
//! (the database's queries in `db::board` must agree with it; a property test checks).

use crate::i18n::Lang;
use crate::models::{
    combo_values, countries, Category, CountryCombo, Employment, FacetCombo, Seniority, Vacancy,
    WorkMode,
};

const MAX_KEYWORDS: usize = 8;
const MAX_KEYWORD_CHARS: usize = 40;
const MAX_TEXT_CHARS: usize = 200;

pub use crate::models::{Dim, Filters, Sort, PAGE_SIZE};

fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

impl Filters {
    /// Reads filters from decoded query pairs; `category_slugs` are the categories that exist.
    pub fn from_pairs(pairs: &[(String, String)], category_slugs: &[&str]) -> Filters {
        let mut f = Filters {
            page: 1,
            ..Filters::default()
        };
        for (key, value) in pairs {
            let value = value.trim();
            match key.as_str() {
                "q" => f.q = clip(value, MAX_TEXT_CHARS),
                "category" if category_slugs.contains(&value) => {
                    push_unique(&mut f.categories, value.to_string())
                }
                "seniority" => {
                    if let Some(v) = Seniority::parse(value) {
                        push_unique(&mut f.seniorities, v)
                    }
                }
                "employment" => {
                    if let Some(v) = Employment::parse(value) {
                        push_unique(&mut f.employments, v)
                    }
                }
                "work_mode" => {
                    if let Some(v) = WorkMode::parse(value) {
                        push_unique(&mut f.work_modes, v)
                    }
                }
                "location" => f.location = clip(value, MAX_TEXT_CHARS),
                "country" => {
                    // Two ASCII letters or nothing: anything else is not a country to filter on.
                    f.country = Some(value.to_ascii_uppercase())
                        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
                        .unwrap_or_default()
                }
                "salary_min" => {
                    f.salary_min = value
                        .replace([',', ' ', '_'], "")
                        .parse::<i64>()
                        .ok()
                        .filter(|n| *n > 0 && *n < 100_000_000)
                }
                "sort" => {
                    f.sort = if value == "salary" {
                        Sort::Salary
                    } else {
                        Sort::Newest
                    }
                }
                "page" => f.page = value.parse::<usize>().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {}
            }
        }
        f
    }

    pub fn is_filtered(&self) -> bool {
        !self.q.is_empty()
            || !self.categories.is_empty()
            || !self.seniorities.is_empty()
            || !self.employments.is_empty()
            || !self.work_modes.is_empty()
            || !self.location.is_empty()
            || !self.country.is_empty()
            || self.salary_min.is_some()
    }

    /// The query string for these filters (page 1 and the default sort are left out).
    pub fn query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        for c in &self.categories {
            pairs.push(("category", c.clone()));
        }
        for s in &self.seniorities {
            pairs.push(("seniority", s.as_str().into()));
        }
        for e in &self.employments {
            pairs.push(("employment", e.as_str().into()));
        }
        for w in &self.work_modes {
            pairs.push(("work_mode", w.as_str().into()));
        }
        if !self.location.is_empty() {
            pairs.push(("location", self.location.clone()));
        }
        if !self.country.is_empty() {
            pairs.push(("country", self.country.clone()));
        }
        if let Some(min) = self.salary_min {
            pairs.push(("salary_min", min.to_string()));
        }
        if self.sort == Sort::Salary {
            pairs.push(("sort", "salary".into()));
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }

    /// `/vacancies?...` for these filters.
    pub fn url(&self) -> String {
        let qs = self.query_string();
        if qs.is_empty() {
            "/vacancies".to_string()
        } else {
            format!("/vacancies?{qs}")
        }
    }

    pub fn with_page(&self, page: usize) -> Filters {
        Filters {
            page,
            ..self.clone()
        }
    }

    fn first_page(&self) -> Filters {
        self.with_page(1)
    }
}

/// The words of a search, safe to hand to any full-text index: letters and digits only,
/// lower case, at most a few of them.
pub fn keywords(q: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in q.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let word: String = word
            .to_lowercase()
            .chars()
            .take(MAX_KEYWORD_CHARS)
            .collect();
        // "OR", "AND", "NOT" and "NEAR" are plain words to us; lower case keeps them so.
        if !words.contains(&word) {
            words.push(word);
        }
        if words.len() == MAX_KEYWORDS {
            break;
        }
    }
    words
}

pub type Row = (Vacancy, Category);

impl Filters {
    /// The reference rule: does this filter let the vacancy through, leaving out `skip`? The
    /// database's board queries must agree with it (`db::board`); keywords are the index's.
    pub fn matches(&self, row: &Row, skip: Option<Dim>) -> bool {
        let (v, c) = row;
        self.passes_dims(&c.slug, &v.seniority, &v.employment, &v.work_mode, skip)
            && (self.location.is_empty() || v.place_text().contains(&self.location.to_lowercase()))
            && (self.country.is_empty() || v.country_codes().contains(&self.country))
            && match self.salary_min {
                None => true,
                // Not stated passes (and is labelled so); stated must reach the minimum per year.
                Some(min) => v.yearly_salary_top().is_none_or(|top| top >= min),
            }
    }
}

/// A value beside a filter: its label, how many results it would give, whether it is on,
/// and the link that turns it on or off.
#[derive(Debug, Clone)]
pub struct FacetValue {
    pub name: &'static str,
    pub value: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
    pub toggle_url: String,
}

#[derive(Debug, Clone)]
pub struct Facet {
    pub name: &'static str,
    pub legend: String,
    pub values: Vec<FacetValue>,
}

/// A way to widen a search that found nothing (or little).
#[derive(Debug, Clone)]
pub struct Widening {
    pub label: String,
    pub url: String,
}

/// One country of the country filter: how many results it would give (`None` when the search
/// is too broad to count them, see `db::board::COUNTRY_COUNT_LIMIT`) and whether it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryOption {
    pub code: String,
    pub name: String,
    pub count: Option<usize>,
    pub selected: bool,
}

#[derive(Debug)]
pub struct BoardPage {
    pub filters: Filters,
    pub rows: Vec<Row>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub facets: Vec<Facet>,
    pub widenings: Vec<Widening>,
    /// The country filter's options, by name (`country_options`).
    pub countries: Vec<CountryOption>,
}

/// The country filter's options from the database's (country, combination) counts of the
/// search without its own country filter: a country's count sums the combinations the other
/// facet filters let through. Countries without results are left out, unless selected.
pub fn country_options(
    filters: &Filters,
    categories: &[Category],
    combos: &[CountryCombo],
    counted: bool,
) -> Vec<CountryOption> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in combos {
        let (category_id, seniority, employment, work_mode) = combo_values(c.combo);
        let passes = !counted
            || c.combo == crate::models::ANY_COMBO
            || filters.passes_dims(
                category_slug(categories, category_id),
                seniority,
                employment,
                work_mode,
                None,
            );
        let count = counts.entry(c.country.as_str()).or_default();
        if passes {
            *count += usize::try_from(c.count).unwrap_or(0);
        }
    }
    if !filters.country.is_empty() {
        counts.entry(filters.country.as_str()).or_default();
    }
    let mut options: Vec<CountryOption> = counts
        .into_iter()
        .filter(|(code, n)| *n > 0 || *code == filters.country)
        .map(|(code, n)| CountryOption {
            code: code.to_string(),
            name: countries::name(code).unwrap_or(code).to_string(),
            count: counted.then_some(n),
            selected: code == filters.country,
        })
        .collect();
    options.sort_by(|a, b| a.name.cmp(&b.name));
    options
}

/// Open vacancies per category and per seniority, from unfiltered combination counts.
pub struct Counts<'a> {
    combos: &'a [FacetCombo],
    pub total: usize,
}

impl<'a> Counts<'a> {
    pub fn from_combos(combos: &'a [FacetCombo]) -> Counts<'a> {
        let total = combos
            .iter()
            .map(|c| usize::try_from(c.count).unwrap_or(0))
            .sum();
        Counts { combos, total }
    }

    fn sum(&self, keep: impl Fn(&FacetCombo) -> bool) -> usize {
        self.combos
            .iter()
            .filter(|c| keep(c))
            .map(|c| usize::try_from(c.count).unwrap_or(0))
            .sum()
    }

    /// Categories with at least one open vacancy, in their order.
    pub fn categories(&self, categories: &[Category]) -> Vec<(Category, usize)> {
        categories
            .iter()
            .map(|c| (c.clone(), self.sum(|x| x.category_id == c.id)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Seniorities with at least one open vacancy.
    pub fn seniorities(&self) -> Vec<(Seniority, usize)> {
        Seniority::ALL
            .iter()
            .map(|s| (*s, self.sum(|x| x.seniority == s.as_str())))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The ids of the categories a filter names.
pub fn category_ids(filters: &Filters, categories: &[Category]) -> Vec<i32> {
    categories
        .iter()
        .filter(|c| filters.categories.contains(&c.slug))
        .map(|c| c.id)
        .collect()
}

fn category_slug(categories: &[Category], id: i32) -> &str {
    categories
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.slug.as_str())
        .unwrap_or("")
}

/// The board page from what the database found (`db::board::search`): one page of rows, the
/// combination counts, the total and the page shown.
pub fn page(
    filters: &Filters,
    categories: &[Category],
    rows: Vec<Row>,
    combos: &[FacetCombo],
    total: usize,
    page: usize,
    lang: Lang,
) -> BoardPage {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let slugs = |dim| facet_values(dim, categories, lang);
    let facets = vec![
        facet(
            combos,
            categories,
            filters,
            Dim::Category,
            "category",
            lang.t("facet-category"),
            slugs(Dim::Category),
        ),
        facet(
            combos,
            categories,
            filters,
            Dim::Seniority,
            "seniority",
            lang.t("facet-seniority"),
            slugs(Dim::Seniority),
        ),
        facet(
            combos,
            categories,
            filters,
            Dim::Employment,
            "employment",
            lang.t("facet-employment"),
            slugs(Dim::Employment),
        ),
        facet(
            combos,
            categories,
            filters,
            Dim::WorkMode,
            "work_mode",
            lang.t("facet-work-mode"),
            slugs(Dim::WorkMode),
        ),
    ];
    BoardPage {
        filters: filters.with_page(page),
        rows,
        total,
        page,
        pages,
        facets,
        widenings: widenings(filters, categories, lang),
        countries: Vec::new(),
    }
}

/// The values a facet lists, with their labels, in display order.
fn facet_values(dim: Dim, categories: &[Category], lang: Lang) -> Vec<(String, String)> {
    let labelled =
        |kind: &str, value: &str| (value.to_string(), lang.t(&format!("{kind}-{value}")));
    match dim {
        Dim::Category => categories
            .iter()
            .map(|c| (c.slug.clone(), category_name(c, lang)))
            .collect(),
        Dim::Seniority => Seniority::ALL
            .iter()
            .map(|s| labelled("seniority", s.as_str()))
            .collect(),
        Dim::Employment => Employment::ALL
            .iter()
            .map(|e| labelled("employment", e.as_str()))
            .collect(),
        Dim::WorkMode => WorkMode::ALL
            .iter()
            .map(|w| labelled("work-mode", w.as_str()))
            .collect(),
    }
}

/// A category's name in `lang`, or its stored name when there is no text for it.
pub fn category_name(category: &Category, lang: Lang) -> String {
    let key = format!("category-{}", category.slug);
    if lang.has(&key) {
        lang.t(&key)
    } else {
        category.name.clone()
    }
}

fn facet(
    combos: &[FacetCombo],
    categories: &[Category],
    filters: &Filters,
    dim: Dim,
    name: &'static str,
    legend: String,
    values: Vec<(String, String)>,
) -> Facet {
    let others: Vec<&FacetCombo> = combos
        .iter()
        .filter(|c| {
            filters.passes_dims(
                category_slug(categories, c.category_id),
                &c.seniority,
                &c.employment,
                &c.work_mode,
                Some(dim),
            )
        })
        .collect();
    let values = values
        .into_iter()
        .map(|(value, label)| {
            let count = others
                .iter()
                .filter(|c| match dim {
                    Dim::Category => category_slug(categories, c.category_id) == value,
                    Dim::Seniority => c.seniority == value,
                    Dim::Employment => c.employment == value,
                    Dim::WorkMode => c.work_mode == value,
                })
                .map(|c| usize::try_from(c.count).unwrap_or(0))
                .sum();
            let mut toggled = filters.first_page();
            let selected = toggle(&mut toggled, dim, &value);
            FacetValue {
                name,
                toggle_url: toggled.url(),
                value,
                label,
                count,
                selected,
            }
        })
        .collect();
    Facet {
        name,
        legend,
        values,
    }
}

/// Turns a value off if it is on (returns true), or on if it is off (returns false).
fn toggle(f: &mut Filters, dim: Dim, value: &str) -> bool {
    fn flip<T: PartialEq + Copy>(list: &mut Vec<T>, item: T) -> bool {
        if let Some(pos) = list.iter().position(|x| *x == item) {
            list.remove(pos);
            true
        } else {
            list.push(item);
            false
        }
    }
    match dim {
        Dim::Category => {
            if let Some(pos) = f.categories.iter().position(|c| c == value) {
                f.categories.remove(pos);
                true
            } else {
                f.categories.push(value.to_string());
                false
            }
        }
        Dim::Seniority => Seniority::parse(value).is_some_and(|v| flip(&mut f.seniorities, v)),
        Dim::Employment => Employment::parse(value).is_some_and(|v| flip(&mut f.employments, v)),
        Dim::WorkMode => WorkMode::parse(value).is_some_and(|v| flip(&mut f.work_modes, v)),
    }
}

fn widenings(filters: &Filters, categories: &[Category], lang: Lang) -> Vec<Widening> {
    let base = filters.first_page();
    let mut out = Vec::new();
    let mut add = |label: String, f: Filters| {
        out.push(Widening {
            label,
            url: f.url(),
        })
    };
    if !base.q.is_empty() {
        add(
            lang.t_args("widen-keywords", &[("q", base.q.as_str().into())]),
            Filters {
                q: String::new(),
                ..base.clone()
            },
        );
    }
    for c in &base.categories {
        let name = categories
            .iter()
            .find(|x| &x.slug == c)
            .map(|x| category_name(x, lang))
            .unwrap_or_else(|| c.clone());
        let mut f = base.clone();
        f.categories.retain(|x| x != c);
        add(
            lang.t_args("widen-category", &[("category", name.into())]),
            f,
        );
    }
    if !base.seniorities.is_empty() {
        add(
            lang.t("widen-seniority"),
            Filters {
                seniorities: vec![],
                ..base.clone()
            },
        );
    }
    if !base.employments.is_empty() {
        add(
            lang.t("widen-employment"),
            Filters {
                employments: vec![],
                ..base.clone()
            },
        );
    }
    if !base.work_modes.is_empty() {
        add(
            lang.t("widen-work-mode"),
            Filters {
                work_modes: vec![],
                ..base.clone()
            },
        );
    }
    if !base.location.is_empty() {
        add(
            lang.t_args(
                "widen-location",
                &[("location", base.location.as_str().into())],
            ),
            Filters {
                location: String::new(),
                ..base.clone()
            },
        );
    }
    if !base.country.is_empty() {
        let name = countries::name(&base.country).unwrap_or(&base.country);
        add(
            lang.t_args("widen-country", &[("country", name.into())]),
            Filters {
                country: String::new(),
                ..base.clone()
            },
        );
    }
    if base.salary_min.is_some() {
        add(
            lang.t("widen-salary"),
            Filters {
                salary_min: None,
                ..base.clone()
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(qs: &str) -> Vec<(String, String)> {
        serde_urlencoded::from_str(qs).unwrap()
    }

    #[test]
    fn filters_parse_leniently() {
        let f = Filters::from_pairs(
            &pairs("q=+rust+&category=backend&category=nope&seniority=senior&seniority=bogus&work_mode=remote&work_mode=hybrid&page=abc&salary_min=50%2C000"),
            &["backend", "qa"],
        );
        assert_eq!(f.q, "rust");
        assert_eq!(f.categories, vec!["backend".to_string()]);
        assert_eq!(f.seniorities, vec![Seniority::Senior]);
        assert_eq!(f.work_modes, vec![WorkMode::Remote, WorkMode::Hybrid]);
        assert_eq!(f.page, 1);
        assert_eq!(f.salary_min, Some(50_000));
        for bad in [
            "page=0",
            "page=-1",
            "page=abc",
            "page=99999999999999999999999",
        ] {
            assert_eq!(Filters::from_pairs(&pairs(bad), &[]).page, 1, "{bad}");
        }
    }

    #[test]
    fn query_string_round_trips() {
        let f = Filters::from_pairs(
            &pairs("q=a%26b&category=qa&work_mode=remote&sort=salary&page=2"),
            &["qa"],
        );
        let again = Filters::from_pairs(&pairs(&f.query_string()), &["qa"]);
        assert_eq!(f, again);
    }

    #[test]
    fn keywords_are_plain_words() {
        assert_eq!(
            keywords("  Rust \"dev\"* OR -go NEAR(x) "),
            vec!["rust", "dev", "or", "go", "near", "x"]
        );
        assert!(keywords("😀 *** \"\"").is_empty());
        assert_eq!(keywords(&"word ".repeat(500)).len(), 1);
        let many: Vec<String> = (0..20).map(|i| format!("w{i}")).collect();
        assert_eq!(keywords(&many.join(" ")).len(), MAX_KEYWORDS);
    }
}
