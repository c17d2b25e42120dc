//! The public board: the vacancy list with search and filters, and the vacancy page.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::AppState;
use crate::db::{self, DbConn};
use crate::domain::board::{self, BoardPage, Filters};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::models::{Article, Category, Vacancy, VacancyDetail, VacancyStatus};
use crate::stamp::{Purpose, Slot};
use crate::views::vacancy::ApplySettings;
use crate::views::{self, Area, PageCtx};

/// The admin preview still reaches the vacancy page through this path.
use crate::views::vacancy::ShowPage;

#[derive(Template)]
#[template(path = "vacancies/index.html")]
struct IndexPage {
    ctx: PageCtx,
    board: BoardPage,
    alert_form: super::alerts::AlertForm,
    alert_query: String,
    alert_stamp: String,
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

    /// The Atom feed and the JSON of this search (from its first page), for `<link rel="alternate">`.
    fn feed_url(&self) -> String {
        views::board::url_as(&self.board.filters.with_page(1), "atom")
    }

    fn json_url(&self) -> String {
        views::board::url_as(&self.board.filters.with_page(1), "json")
    }

    fn by_salary(&self) -> bool {
        self.board.filters.sort == board::Sort::Salary
    }

    fn title(&self) -> String {
        let lang = self.ctx.lang;
        let filters = &self.board.filters;
        let title = if filters.q.is_empty() {
            lang.t("board-title")
        } else {
            lang.t_args("board-title-query", &[("q", filters.q.as_str().into())])
        };
        if self.board.page > 1 {
            lang.t_args(
                "board-title-page",
                &[
                    ("title", title.into()),
                    ("page", lang.number(self.board.page as i64).into()),
                ],
            )
        } else {
            title
        }
    }

    fn results_for(&self) -> String {
        let lang = self.ctx.lang;
        lang.t_args(
            "board-results-for",
            &[
                (
                    "results",
                    lang.t_count("vacancy-count", self.board.total as i64)
                        .into(),
                ),
                ("q", self.board.filters.q.as_str().into()),
            ],
        )
    }

    fn page_of(&self) -> String {
        let lang = self.ctx.lang;
        lang.t_args(
            "board-page-of",
            &[
                ("page", lang.number(self.board.page as i64).into()),
                ("pages", lang.number(self.board.pages as i64).into()),
            ],
        )
    }

    fn salary_min_value(&self) -> String {
        self.board
            .filters
            .salary_min
            .map(|n| n.to_string())
            .unwrap_or_default()
    }
}

/// The search of a list request (page, Atom feed or JSON): its query string run through the
/// one shared search (`views::board`), so every output finds the same vacancies in one order.
pub async fn search(lang: Lang, req: &HttpRequest, state: &AppState) -> AppResult<BoardPage> {
    let categories = state.categories.clone();
    let filters = views::board::filters(req.query_string(), &categories);
    state
        .run(move |conn| views::board::search(conn, &filters, &categories, lang))
        .await
}

pub async fn index(
    lang: Lang,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let board = search(lang, &req, &state).await?;
    let canonical = state
        .site
        .absolute(&format!("/{lang}{}", board.filters.url()));
    let ctx = PageCtx::public(&state.site, &session, Area::Vacancies, lang)
        .with_canonical(canonical)
        .mirrored(&state.site, &board.filters.url())
        .with_shortlist(
            super::saved::saved_ids(&req, &state),
            format!("/{lang}{}", board.filters.url()),
        );
    let alert_query = crate::actions::alerts::saved_query(&board.filters);
    let alert_stamp = crate::stamp::issue(&state.signer, Purpose::Alert, crate::clock::unix_now());
    let slot = Slot {
        issued: alert_stamp.clone(),
        purpose: Purpose::Alert,
    };
    let page = IndexPage {
        ctx,
        board,
        alert_form: Default::default(),
        alert_query,
        alert_stamp,
    };
    views::ok_with_stamp(&page, slot)
}

type Related = Vec<(Vacancy, Category)>;

/// A vacancy page's parts: the vacancy, its neighbours, the articles teaching its skills, and
/// its translations as (language, address).
type VacancyParts = (VacancyDetail, Related, Vec<Article>, Vec<(String, String)>);

/// How many vacancies a vacancy page suggests.
const RELATED: usize = 4;

/// A published or closed vacancy with the vacancies shown beside it and the articles that
/// teach its skills. Drafts do not exist for the public.
fn vacancy_page(
    conn: &mut DbConn,
    slug: &str,
    now: time::PrimitiveDateTime,
    lang: Lang,
) -> AppResult<VacancyParts> {
    let detail = db::vacancies::by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    if detail.vacancy.status() == VacancyStatus::Draft {
        return Err(AppError::NotFound);
    }
    let group = detail.vacancy.translation_of.unwrap_or(detail.vacancy.id);
    let versions = db::vacancies::versions(conn, group)?;
    // Its other public versions: where the language switch and `hreflang` lead.
    let translations = versions
        .iter()
        .filter(|v| v.id != detail.vacancy.id && v.status != VacancyStatus::Draft.as_str())
        .map(|v| (v.lang.clone(), format!("/{}/vacancies/{}", v.lang, v.slug)))
        .collect();
    let skill_ids: Vec<i32> = detail.skills.iter().map(|s| s.id).collect();
    // An open vacancy's neighbours share its skills; a closed one points to open ones in its
    // category.
    let sharing: &[i32] = if detail.vacancy.is_open(now) {
        &skill_ids
    } else {
        &[]
    };
    let (category, id) = (Some(detail.category.id), Some(detail.vacancy.id));
    // Its own translations are the same job, not a related one.
    let mut related = db::board::sharing_skills(
        conn,
        sharing,
        category,
        id,
        lang.code(),
        RELATED + versions.len(),
    )?;
    related.retain(|(v, _)| !versions.iter().any(|version| version.id == v.id));
    related.truncate(RELATED);
    let mut lessons = db::learning::articles_teaching(conn, &skill_ids, 16)?;
    lessons = crate::domain::translations::for_reader(lessons, lang);
    lessons.truncate(4);
    Ok((detail, related, lessons, translations))
}

pub async fn show(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner();
    let now = crate::clock::now();
    let (detail, related, lessons, translations) = state
        .run(move |conn| vacancy_page(conn, &slug, now, lang))
        .await?;
    let canonical = state.site.absolute(&format!(
        "/{}/vacancies/{}",
        detail.vacancy.lang, detail.vacancy.slug
    ));
    let here = format!("/vacancies/{}", detail.vacancy.slug);
    let ctx = PageCtx::public(&state.site, &session, Area::Vacancies, lang)
        .with_canonical(canonical)
        .mirrored(&state.site, &here)
        .with_shortlist(
            super::saved::saved_ids(&req, &state),
            format!("/{lang}{here}"),
        );
    let ctx =
        translations
            .into_iter()
            .fold(ctx, |ctx, (code, href)| match state.site.language(&code) {
                Some(other) => ctx.with_alternate(other, href),
                None => ctx,
            });
    let vacancy_id = detail.vacancy.id;
    let mut page = ShowPage::build(ctx, detail, &state.site, related, false);
    page.lessons = lessons;
    page.apply = settings.fresh_view(&state.signer, vacancy_id);
    let slot = Slot {
        issued: page.apply.stamp.clone(),
        purpose: Purpose::Apply { vacancy_id },
    };
    views::ok_with_stamp(&page, slot)
}
