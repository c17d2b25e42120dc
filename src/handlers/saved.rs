//! The shortlist without an account: "Save" on vacancy cards and pages, and the saved
//! vacancies page. It all lives in the visitor's signed cookies (`domain::shortlist`); the
//! server stores nothing.

use actix_session::Session;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use time::PrimitiveDateTime;

use super::{same_origin, AppState};
use crate::db;
use crate::domain::shortlist::{IdList, Kind, MAX_IDS};
use crate::error::{AppError, AppResult};
use crate::forms::FormBody;
use crate::i18n::Lang;
use crate::messages as m;
use crate::models::{Category, Vacancy, VacancyStatus};
use crate::views::{self, Area, PageCtx};

/// The visitor's list of `kind`; a missing or forged cookie is an empty list.
pub fn list(req: &HttpRequest, state: &AppState, kind: Kind) -> IdList {
    let cookie = req.cookie(kind.cookie());
    IdList::from_cookie(kind, &state.signer, cookie.as_ref().map(|c| c.value()))
}

/// The visitor's saved vacancies, newest first, for a page's `with_shortlist`.
pub fn saved_ids(req: &HttpRequest, state: &AppState) -> Vec<i32> {
    list(req, state, Kind::Saved).newest_first()
}

/// The cookie that keeps `list` for a year; an empty list removes it, so the visitor's pages
/// come from the shared page cache again.
pub fn cookie(list: &IdList, state: &AppState) -> Cookie<'static> {
    let mut cookie = Cookie::build(list.kind().cookie(), list.to_cookie(&state.signer))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.site.base_url.starts_with("https://"))
        .max_age(CookieDuration::days(365))
        .finish();
    if list.is_empty() {
        cookie.make_removal();
    }
    cookie
}

/// Adds the vacancy to the list of those applied to from this browser (the confirmation).
pub fn remember_applied(
    req: &HttpRequest,
    state: &AppState,
    vacancy_id: i32,
    response: &mut HttpResponse,
) -> AppResult<()> {
    let mut applied = list(req, state, Kind::Applied);
    applied.set(vacancy_id, true);
    response
        .add_cookie(&cookie(&applied, state))
        .map_err(AppError::internal)
}

/// A saved vacancy as the saved page shows it.
pub struct SavedItem {
    pub vacancy: Vacancy,
    pub category: Category,
    /// Still takes applications.
    pub open: bool,
    /// Applied to from this browser.
    pub applied: bool,
}

#[derive(Template)]
#[template(path = "saved/index.html")]
struct SavedPage {
    ctx: PageCtx,
    items: Vec<SavedItem>,
    /// The list is at its bound: saving one more forgets the oldest.
    full: bool,
}

impl SavedPage {
    fn max_ids(&self) -> usize {
        MAX_IDS
    }
}

/// The saved vacancies the public can see, in the list's order, marked closed and applied.
fn items(
    rows: Vec<(Vacancy, Category)>,
    applied: &IdList,
    now: PrimitiveDateTime,
) -> Vec<SavedItem> {
    rows.into_iter()
        .filter(|(v, _)| v.status() != VacancyStatus::Draft)
        .map(|(vacancy, category)| SavedItem {
            open: vacancy.is_open(now),
            applied: applied.contains(vacancy.id),
            vacancy,
            category,
        })
        .collect()
}

/// `GET /{lang}/saved`: the saved vacancies, newest first; closed and applied ones marked.
pub async fn index(
    lang: Lang,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let mut saved = list(&req, &state, Kind::Saved);
    let applied = list(&req, &state, Kind::Applied);
    let ids = saved.newest_first();
    // Most visitors have saved nothing: no query for them.
    let rows = if ids.is_empty() {
        Vec::new()
    } else {
        state
            .run(move |conn| Ok(db::board::by_ids(conn, &ids)?))
            .await?
    };
    let items = items(rows, &applied, crate::clock::now());
    // A deleted or unpublished vacancy leaves the list (and the navigation's count).
    let gone: Vec<i32> = saved
        .newest_first()
        .into_iter()
        .filter(|id| !items.iter().any(|item| item.vacancy.id == *id))
        .collect();
    gone.iter().for_each(|id| saved.set(*id, false));
    let page = SavedPage {
        ctx: PageCtx::public(&state.site, &session, Area::Saved, lang)
            .mirrored(&state.site, "/saved")
            .with_shortlist(saved.newest_first(), format!("/{lang}/saved")),
        items,
        full: saved.is_full(),
    };
    let mut response = views::ok(&page)?;
    // One visitor's list: never kept by the page cache or any cache between.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    if !gone.is_empty() {
        response
            .add_cookie(&cookie(&saved, &state))
            .map_err(AppError::internal)?;
    }
    Ok(response)
}

/// `POST /{lang}/saved`: saves (`save=1`) or removes (`save=0`) vacancy `vacancy`, then goes
/// back (303) to `next` when it is a page of this language on this site, else to the list.
pub async fn toggle(
    lang: Lang,
    req: HttpRequest,
    form: FormBody,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    if !same_origin(&req, &state.site) {
        return Err(AppError::Csrf);
    }
    let bad = || AppError::BadRequest(m::SHORTLIST_BAD_FORM.into());
    let id = form
        .get("vacancy")
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(bad)?;
    let save = match form.get("save") {
        "1" => true,
        "0" => false,
        _ => return Err(bad()),
    };
    if save {
        // Only what the public can see; removing needs no check (a deleted one must go too).
        let rows = state
            .run(move |conn| Ok(db::board::by_ids(conn, &[id])?))
            .await?;
        if !rows.iter().any(|(v, _)| v.status() != VacancyStatus::Draft) {
            return Err(AppError::NotFound);
        }
    }
    let mut saved = list(&req, &state, Kind::Saved);
    saved.set(id, save);
    let next = form.get("next");
    let to = if super::is_page_of(next, &format!("/{lang}")) {
        // Back to the button's card, not the top of a long list.
        format!("{next}#vacancy-{id}")
    } else {
        format!("/{lang}/saved")
    };
    let mut response = views::redirect(&to);
    response
        .add_cookie(&cookie(&saved, &state))
        .map_err(AppError::internal)?;
    Ok(response)
}
