//! The public JSON API's types (what `vacancies.json` and `vacancies/{slug}.json` answer, and
//! their errors), built from the board's results; their OpenAPI schemas are derived from these
//! types. Also the API's CORS layer. Nothing personal belongs here: no applications, no
//! email addresses, no authors.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use crate::domain::board::{BoardPage, Sort};
use crate::domain::timefmt;
use crate::i18n::Lang;
use crate::models::{Category, Vacancy, VacancyDetail, VacancyStatus};
use crate::site::Site;

/// One page of a search, as the list page shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct VacancyList {
    /// How many open vacancies match, on all pages.
    pub total: usize,
    /// The page given (1-based; a page past the end gives the last one).
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
    /// This page as JSON (absolute URL).
    #[schema(format = "uri")]
    pub url: String,
    /// The same search as a web page and as an Atom feed.
    #[schema(format = "uri")]
    pub html_url: String,
    #[schema(format = "uri")]
    pub atom_url: String,
    /// The next and previous pages, when there are such pages.
    #[schema(format = "uri")]
    pub next: Option<String>,
    #[schema(format = "uri")]
    pub prev: Option<String>,
    pub filters: AppliedFilters,
    /// The counts beside each filter value: how many results turning it on would give.
    pub facets: Vec<Facet>,
    /// The values of the `country` filter: countries with open vacancies for this search.
    pub countries: Vec<CountryValue>,
    pub vacancies: Vec<VacancyItem>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountryValue {
    /// ISO 3166-1 alpha-2 code, the `country` parameter's value.
    pub code: String,
    pub name: String,
    /// How many results choosing it would give; `null` when the search matches more than
    /// 10,000 vacancies by keyword, location or salary (the countries are not counted then).
    pub count: Option<usize>,
    pub selected: bool,
}

/// The filters the search ran with, after unknown values were dropped.
#[derive(Debug, Serialize, ToSchema)]
pub struct AppliedFilters {
    pub q: String,
    pub category: Vec<String>,
    pub seniority: Vec<String>,
    pub employment: Vec<String>,
    pub work_mode: Vec<String>,
    pub location: String,
    /// A country code, or empty.
    pub country: String,
    pub salary_min: Option<i64>,
    pub sort: SortOrder,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Newest first (keyword searches: best matches first, then newest).
    Newest,
    /// Highest yearly salary first, not stated last.
    Salary,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Facet {
    /// The query parameter it sets (`category`, `seniority`, `employment`, `work_mode`).
    pub name: String,
    pub values: Vec<FacetValue>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

/// A vacancy as a list shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct VacancyItem {
    pub slug: String,
    /// The language the vacancy is written in.
    pub language: String,
    pub title: String,
    pub urls: VacancyUrls,
    pub category: CategoryRef,
    pub seniority: String,
    pub employment: String,
    pub work_mode: String,
    pub location: Location,
    /// `null` when the salary is not stated.
    pub salary: Option<Salary>,
    #[schema(format = DateTime)]
    pub published_at: Option<String>,
    #[schema(format = DateTime)]
    pub valid_through: Option<String>,
    pub skills: Vec<String>,
    pub summary: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VacancyUrls {
    #[schema(format = "uri")]
    pub html: String,
    #[schema(format = "uri")]
    pub json: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryRef {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Location {
    /// As pages show it: "Berlin, Germany", "Remote (Germany, Poland)".
    pub place: String,
    /// The places it is done from (city may be empty; country is an ISO 3166 code).
    pub places: Vec<Place>,
    /// For remote work: the countries (ISO codes) it is open to; empty means anywhere.
    pub remote_countries: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Place {
    pub city: String,
    pub country: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Salary {
    pub min: Option<i32>,
    pub max: Option<i32>,
    pub currency: Option<String>,
    /// `year`, `month`, `day` or `hour`.
    pub period: Option<String>,
}

/// One vacancy, open or closed (a closed one takes no applications).
#[derive(Debug, Serialize, ToSchema)]
pub struct VacancyDocument {
    #[serde(flatten)]
    pub vacancy: VacancyItem,
    pub status: VacancyState,
    pub sections: Sections,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum VacancyState {
    Open,
    /// Closed by a recruiter or past its closing date.
    Closed,
}

/// The vacancy's sections as HTML, sanitised when the vacancy was saved.
#[derive(Debug, Serialize, ToSchema)]
pub struct Sections {
    pub summary_html: String,
    pub responsibilities_html: String,
    pub requirements_html: String,
    pub nice_to_have_html: String,
    pub benefits_html: String,
}

/// Every error of the JSON API.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    pub status: u16,
    pub message: String,
}

/// The list's query parameters, for the document (the handlers read them with
/// `Filters::from_pairs`, which ignores unknown values and clamps numbers).
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct SearchParams {
    /// Keywords, matched in titles, skills and texts.
    q: Option<String>,
    /// A category slug; repeat for several.
    category: Option<Vec<String>>,
    /// `intern`, `junior`, `middle`, `middle_plus`, `senior`, `lead`; repeat for several.
    seniority: Option<Vec<String>>,
    /// `full_time`, `part_time`, `contract`, `internship`, `temporary`; repeat for several.
    employment: Option<Vec<String>>,
    /// `onsite`, `hybrid`, `remote`; repeat for several.
    work_mode: Option<Vec<String>>,
    /// Part of a city or country name, or a country code.
    location: Option<String>,
    /// A country code (ISO 3166-1 alpha-2): vacancies with a place there or hiring remotely
    /// from there.
    country: Option<String>,
    /// Lowest yearly salary wanted (vacancies without a stated salary pass).
    salary_min: Option<i64>,
    /// `newest` (default) or `salary`.
    sort: Option<String>,
    /// Page number, from 1.
    page: Option<usize>,
}

/// Builds the API's values for one request: absolute URLs in the request's language.
pub struct Builder<'a> {
    pub site: &'a Site,
    pub lang: Lang,
}

impl Builder<'_> {
    fn absolute(&self, path: &str) -> String {
        self.site.absolute(&format!("/{}{path}", self.lang))
    }

    /// A page of search results; `skills` are (vacancy id, skill name) pairs.
    pub fn list(&self, board: &BoardPage, skills: &[(i32, String)]) -> VacancyList {
        let f = &board.filters;
        let json = |page: usize| self.absolute(&super::board::url_as(&f.with_page(page), "json"));
        VacancyList {
            total: board.total,
            page: board.page,
            pages: board.pages,
            per_page: crate::domain::board::PAGE_SIZE,
            url: json(board.page),
            html_url: self.absolute(&f.url()),
            atom_url: self.absolute(&super::board::url_as(f, "atom")),
            next: (board.page < board.pages).then(|| json(board.page + 1)),
            prev: (board.page > 1).then(|| json(board.page - 1)),
            filters: AppliedFilters {
                q: f.q.clone(),
                category: f.categories.clone(),
                seniority: f.seniorities.iter().map(|s| s.as_str().into()).collect(),
                employment: f.employments.iter().map(|s| s.as_str().into()).collect(),
                work_mode: f.work_modes.iter().map(|s| s.as_str().into()).collect(),
                location: f.location.clone(),
                country: f.country.clone(),
                salary_min: f.salary_min,
                sort: match f.sort {
                    Sort::Newest => SortOrder::Newest,
                    Sort::Salary => SortOrder::Salary,
                },
            },
            facets: board
                .facets
                .iter()
                .map(|facet| Facet {
                    name: facet.name.to_string(),
                    values: facet
                        .values
                        .iter()
                        .map(|v| FacetValue {
                            value: v.value.clone(),
                            label: v.label.clone(),
                            count: v.count,
                            selected: v.selected,
                        })
                        .collect(),
                })
                .collect(),
            countries: board
                .countries
                .iter()
                .map(|c| CountryValue {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    count: c.count,
                    selected: c.selected,
                })
                .collect(),
            vacancies: board
                .rows
                .iter()
                .map(|(v, c)| {
                    let names = skills.iter().filter(|(id, _)| *id == v.id);
                    self.item(v, c, names.map(|(_, name)| name.clone()).collect())
                })
                .collect(),
        }
    }

    pub fn item(&self, v: &Vacancy, category: &Category, skills: Vec<String>) -> VacancyItem {
        let remote_countries: Vec<String> = v
            .remote_country_codes()
            .into_iter()
            .map(String::from)
            .collect();
        let stated = v.salary_min.is_some() || v.salary_max.is_some();
        VacancyItem {
            slug: v.slug.clone(),
            language: v.lang.clone(),
            title: v.title.clone(),
            urls: VacancyUrls {
                html: self.absolute(&format!("/vacancies/{}", v.slug)),
                json: self.absolute(&format!("/vacancies/{}.json", v.slug)),
            },
            category: CategoryRef {
                slug: category.slug.clone(),
                name: crate::domain::board::category_name(category, self.lang),
            },
            seniority: v.seniority.clone(),
            employment: v.employment.clone(),
            work_mode: v.work_mode.clone(),
            location: Location {
                place: v.place(),
                places: v
                    .places()
                    .into_iter()
                    .map(|p| Place {
                        city: p.city,
                        country: p.country,
                    })
                    .collect(),
                remote_countries,
            },
            salary: stated.then(|| Salary {
                min: v.salary_min,
                max: v.salary_max,
                currency: v.salary_currency.clone(),
                period: v.salary_period.clone(),
            }),
            published_at: v.published_at.map(timefmt::iso),
            valid_through: v.valid_through.map(timefmt::iso),
            skills,
            summary: v.summary.clone(),
        }
    }

    /// One vacancy; `None` for a draft, which does not exist for the public.
    pub fn document(
        &self,
        detail: VacancyDetail,
        now: time::PrimitiveDateTime,
    ) -> Option<VacancyDocument> {
        let status = match detail.vacancy.effective_status(now) {
            VacancyStatus::Draft => return None,
            VacancyStatus::Published => VacancyState::Open,
            VacancyStatus::Closed => VacancyState::Closed,
        };
        let skills = detail.skills.iter().map(|s| s.name.clone()).collect();
        let html = detail.html;
        Some(VacancyDocument {
            vacancy: self.item(&detail.vacancy, &detail.category, skills),
            status,
            sections: Sections {
                summary_html: html.summary_html,
                responsibilities_html: html.responsibilities_html,
                requirements_html: html.requirements_html,
                nice_to_have_html: html.nice_to_have_html,
                benefits_html: html.benefits_html,
            },
        })
    }
}

/// A JSON response of the API.
pub fn json<T: Serialize>(value: &T) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(serde_json::to_string(value).unwrap_or_default())
}

/// The body of an error answered on an API path.
pub fn error_body(status: u16, message: String) -> String {
    let error = ApiError {
        error: ErrorDetail { status, message },
    };
    serde_json::to_string(&error).unwrap_or_default()
}

/// The API's paths: the JSON, the feeds of searches and the document describing them.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/")
        || path.contains("/vacancies") && (path.ends_with(".json") || path.ends_with(".atom"))
}

/// CORS for the API: any site may read it with GET (it holds nothing personal and takes no
/// cookie), a browser's preflight is answered here. Outside the page cache, so its 304s get
/// the header too.
pub async fn cors(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if !is_api_path(req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        let response = HttpResponse::NoContent()
            .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match"))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, "86400"))
            .finish();
        return Ok(req.into_response(response).map_into_right_body());
    }
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("ETag"),
    );
    Ok(res.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::is_api_path;

    #[test]
    fn api_paths_are_the_json_the_feeds_of_searches_and_the_document() {
        assert!(is_api_path("/en/vacancies.json"));
        assert!(is_api_path("/es/vacancies.atom"));
        assert!(is_api_path("/en/vacancies/rust-developer.json"));
        assert!(is_api_path("/api/openapi.json"));
        assert!(!is_api_path("/en/vacancies"));
        assert!(!is_api_path("/en/feed.xml"));
        assert!(!is_api_path("/static/site.json"));
    }
}
