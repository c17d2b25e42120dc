//! The public board: the vacancy list with search and filters, and the vacancy page.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{query_pairs, AppState};
use crate::db;
use crate::domain::board::{self, BoardPage, Filters};
use crate::domain::jobposting;
use crate::error::{AppError, AppResult};
use crate::models::{Article, Category, Vacancy, VacancyDetail};
use crate::views::{self, PageCtx};

#[derive(Template)]
#[template(path = "vacancies/index.html")]
struct IndexPage {
    ctx: PageCtx,
    board: BoardPage,
}

impl IndexPage {
    fn page_url(&self, page: usize) -> String {
        self.board.filters.with_page(page).url()
    }

    fn sort_newest_url(&self) -> String {
        Filters {
            sort: board::Sort::Newest,
            page: 1,
            ..self.board.filters.clone()
        }
        .url()
    }

    fn sort_salary_url(&self) -> String {
        Filters {
            sort: board::Sort::Salary,
            page: 1,
            ..self.board.filters.clone()
        }
        .url()
    }

    fn by_salary(&self) -> bool {
        self.board.filters.sort == board::Sort::Salary
    }

    fn salary_min_value(&self) -> String {
        self.board
            .filters
            .salary_min
            .map(|n| n.to_string())
            .unwrap_or_default()
    }
}

pub async fn index(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let pairs = query_pairs(req.query_string());
    let slugs: Vec<&str> = state.categories.iter().map(|c| c.slug.as_str()).collect();
    let filters = Filters::from_pairs(&pairs, &slugs);
    let keywords = board::keywords(&filters.q);
    let search = (filters.clone(), state.categories.clone());
    let found = state
        .run(move |conn| {
            let (filters, categories) = search;
            let query = db::board::Search {
                category_ids: board::category_ids(&filters, &categories),
                filters: &filters,
                keywords: &keywords,
                now: crate::clock::now(),
            };
            Ok(db::board::search(conn, &query, &categories)?)
        })
        .await?;
    let board = board::page(
        &filters,
        &state.categories,
        found.rows,
        &found.combos,
        found.total,
        found.page,
    );
    let canonical = state.site.absolute(&board.filters.url());
    let page = IndexPage {
        ctx: PageCtx::public(&state.site, &session, "vacancies").with_canonical(canonical),
        board,
    };
    views::ok(&page)
}

/// The vacancy page, shared by the public route and the admin preview.
#[derive(Template)]
#[template(path = "vacancies/show.html")]
pub struct ShowPage {
    pub ctx: PageCtx,
    pub detail: VacancyDetail,
    pub open: bool,
    pub preview: bool,
    pub description_sections: Vec<(&'static str, String)>,
    pub summary_html: String,
    /// JSON-LD text, already safe for a script element; empty when the vacancy is not open.
    pub json_ld: String,
    pub related: Vec<(Vacancy, Category)>,
    /// The apply form (values, errors, stamp); shown when the vacancy is open.
    pub apply: super::applications::ApplyView,
    /// Published articles that teach this vacancy's skills.
    pub lessons: Vec<Article>,
}

impl ShowPage {
    pub fn build(
        ctx: PageCtx,
        detail: VacancyDetail,
        site: &crate::site::Site,
        related: Vec<(Vacancy, Category)>,
        preview: bool,
    ) -> ShowPage {
        let now = crate::clock::now();
        let open = detail.vacancy.is_open(now) || preview;
        let json_ld = if open {
            let posted = detail.vacancy.published_at.unwrap_or(now);
            jobposting::to_script_json(&jobposting::job_posting(&detail, site, posted, true))
        } else {
            String::new()
        };
        let description_sections = jobposting::sections(&detail)
            .into_iter()
            .filter(|(_, body)| !body.trim().is_empty())
            .map(|(heading, body)| (heading, crate::domain::markdown::to_html(body)))
            .collect();
        let summary_html = crate::domain::markdown::to_html(&detail.vacancy.summary);
        ShowPage {
            ctx,
            detail,
            open,
            preview,
            description_sections,
            summary_html,
            json_ld,
            related,
            apply: Default::default(),
            lessons: Vec::new(),
        }
    }
}

pub async fn show(
    path: web::Path<String>,
    state: web::Data<AppState>,
    settings: web::Data<super::applications::ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner();
    let now = crate::clock::now();
    let (detail, related, lessons) = state
        .run(move |conn| {
            let detail = db::vacancies::by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            if detail.vacancy.status() == crate::models::VacancyStatus::Draft {
                return Err(AppError::NotFound);
            }
            let related = if detail.vacancy.is_open(now) {
                db::vacancies::related(conn, &detail, now, 4)?
            } else {
                db::vacancies::open(conn, now)?
                    .into_iter()
                    .filter(|(_, c)| c.id == detail.category.id)
                    .take(4)
                    .collect()
            };
            let skill_ids: Vec<i32> = detail.skills.iter().map(|s| s.id).collect();
            let lessons = db::learning::articles_teaching(conn, &skill_ids, 4)?;
            Ok((detail, related, lessons))
        })
        .await?;
    let canonical = state
        .site
        .absolute(&format!("/vacancies/{}", detail.vacancy.slug));
    let ctx = PageCtx::public(&state.site, &session, "vacancies").with_canonical(canonical);
    let vacancy_id = detail.vacancy.id;
    let mut page = ShowPage::build(ctx, detail, &state.site, related, false);
    page.lessons = lessons;
    page.apply = settings.fresh_view(&state.signer, vacancy_id);
    views::ok(&page)
}
