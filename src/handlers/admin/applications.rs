//! Recruiters' applications: the filtered list with counts, CSV export, the application page
//! with its CV download, pipeline status, notes and history. Recruiters and administrators alike.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{lang_of, CurrentUser};
use crate::actions::applications::{self as act, StatusOutcome, ENTITY};
use crate::actions::Actor;
use crate::db::{self, applications::Filter, applications::NoteRow, audit::AuditRow};
use crate::domain::applications::{csv_row, human_size, safe_file_name, CvKind, Stage};
use crate::domain::timefmt;
use crate::error::{AppError, AppResult};
use crate::forms::CheckedForm;
use crate::handlers::{query_pairs, AppState};
use crate::messages::{self, Msg};
use crate::models::Application;
use crate::views::{self, flash, url_encode, Area, PageCtx};

const NOTE_MAX: usize = 5000;

fn filter_from(req: &HttpRequest) -> Filter {
    let pairs = query_pairs(req.query_string());
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    Filter {
        vacancy_id: get("vacancy").parse().ok(),
        stage: Stage::parse(&get("status")),
        q: get("q").chars().take(200).collect(),
    }
}

/// The filter as a query string (without `?`), for links and the CSV export.
fn filter_query(filter: &Filter) -> String {
    let mut parts = Vec::new();
    if let Some(id) = filter.vacancy_id {
        parts.push(format!("vacancy={id}"));
    }
    if let Some(stage) = filter.stage {
        parts.push(format!("status={}", stage.as_str()));
    }
    if !filter.q.is_empty() {
        parts.push(format!("q={}", url_encode(&filter.q)));
    }
    parts.join("&")
}

#[derive(Template)]
#[template(path = "admin/applications/index.html")]
struct IndexPage {
    ctx: PageCtx,
    rows: Vec<(Application, String)>,
    counts: Vec<(Stage, usize)>,
    vacancies: Vec<(i32, String)>,
    filter: Filter,
}

impl IndexPage {
    fn stages(&self) -> &'static [Stage] {
        Stage::ALL
    }
    fn status_value(&self) -> &str {
        self.filter.stage.map(|s| s.as_str()).unwrap_or("")
    }
    fn is_vacancy(&self, id: &i32) -> bool {
        self.filter.vacancy_id == Some(*id)
    }
    fn status_url(&self, stage: &Stage) -> String {
        let f = Filter {
            stage: Some(*stage),
            ..self.filter.clone()
        };
        format!("/admin/applications?{}", filter_query(&f))
    }
    fn csv_url(&self) -> String {
        match filter_query(&self.filter).as_str() {
            "" => "/admin/applications.csv".to_string(),
            q => format!("/admin/applications.csv?{q}"),
        }
    }
    fn total(&self) -> usize {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

pub async fn index(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let filter = filter_from(&req);
    let f = filter.clone();
    let (rows, counts, vacancies) = state
        .run(move |conn| {
            Ok((
                db::applications::list(conn, &f)?,
                db::applications::counts(conn, &f)?,
                db::applications::vacancies_with_applications(conn)?,
            ))
        })
        .await?;
    let page = IndexPage {
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminApplications),
        rows,
        counts,
        vacancies,
        filter,
    };
    views::ok(&page)
}

const CSV_HEADER: [&str; 14] = [
    "id",
    "submitted_utc",
    "vacancy",
    "status",
    "full_name",
    "email",
    "phone",
    "linkedin",
    "github",
    "portfolio",
    "cover_letter",
    "cv_file",
    "cv_url",
    "application_url",
];

fn csv_body(site: &crate::site::Site, rows: &[(Application, String)]) -> String {
    let mut body = csv_row(&CSV_HEADER);
    for (a, vacancy) in rows {
        let cv_url = site.absolute(&format!("/admin/applications/{}/cv", a.id));
        let page_url = site.absolute(&format!("/admin/applications/{}", a.id));
        body.push_str(&csv_row(&[
            &a.id.to_string(),
            &timefmt::iso(a.created_at),
            vacancy,
            a.stage().as_str(),
            &a.full_name,
            &a.email,
            &a.phone,
            &a.linkedin_url,
            &a.github_url,
            &a.portfolio_url,
            &a.cover_letter,
            &a.cv_name,
            &cv_url,
            &page_url,
        ]));
    }
    body
}

/// The filtered list as CSV: no CV bytes, a link to each CV instead. Every cell is quoted and
/// guarded against spreadsheet formulas; the export is recorded in the audit trail.
pub async fn export(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let filter = filter_from(&req);
    let actor = Actor::User(user.id);
    let exported = state
        .run(move |conn| act::export(conn, actor, &filter))
        .await?;
    let body = csv_body(&state.site, &exported.rows);
    let name = format!("applications-{}.csv", timefmt::date(crate::clock::now()));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body))
}

#[derive(Template)]
#[template(path = "admin/applications/show.html")]
struct ShowPage {
    ctx: PageCtx,
    application: Application,
    vacancy_title: String,
    notes: Vec<NoteRow>,
    history: Vec<AuditRow>,
}

impl ShowPage {
    fn size(&self) -> String {
        human_size(self.application.cv_size.max(0) as u64)
    }
    fn moves(&self) -> Vec<Stage> {
        self.application.stage().moves()
    }
    fn changes_of(&self, json: &str) -> Vec<db::audit::FieldChange> {
        db::audit::parse_changes(json)
    }
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (application, vacancy_title, notes, history) = state
        .run(move |conn| {
            let (application, title) =
                db::applications::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let notes = db::applications::notes(conn, id)?;
            let history = db::audit::for_entity(conn, ENTITY, id)?;
            Ok((application, title, notes, history))
        })
        .await?;
    let page = ShowPage {
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminApplications),
        application,
        vacancy_title,
        notes,
        history,
    };
    views::ok(&page)
}

/// The CV as an attachment, with the type we recognised when it arrived and a safe name.
pub async fn cv(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = Actor::User(user.id);
    let cv = state
        .run(move |conn| act::download_cv(conn, actor, id))
        .await?;
    let kind = CvKind::from_mime(&cv.content_type);
    let file_name = safe_file_name(&cv.file_name, kind, id);
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_TYPE,
            kind.map(|k| k.mime()).unwrap_or("application/octet-stream"),
        ))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ))
        .body(cv.bytes))
}

pub async fn change_status(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let to = Stage::parse(form.get("status"))
        .ok_or_else(|| AppError::BadRequest(messages::UNKNOWN_STATUS.into()))?;
    let actor = Actor::User(user.id);
    let moved = state
        .run(move |conn| act::change_status(conn, actor, id, to))
        .await?;
    let lang = lang_of(&state, &user);
    let label = |s: Stage| lang.t(s.key()).to_lowercase();
    let (kind, message) = match moved {
        StatusOutcome::Moved { .. } => (
            "success",
            Msg::new("admin-application-moved").text("to", label(to)),
        ),
        StatusOutcome::Refused { from } => (
            "error",
            Msg::new("admin-application-refused")
                .text("from", label(from))
                .text("to", label(to)),
        ),
    };
    flash(&session, kind, message.show(lang));
    Ok(views::redirect(&format!("/admin/applications/{id}")))
}

/// Erasure on the candidate's request by email or phone: the application, its CV and notes
/// go; the audit trail keeps only that this id was erased, and by whom.
pub async fn erase(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    if form.get("confirm") != "yes" {
        flash(
            &session,
            "error",
            lang_of(&state, &user).t("admin-nothing-erased"),
        );
        return Ok(views::redirect(&format!("/admin/applications/{id}#erase")));
    }
    let actor = Actor::User(user.id);
    state
        .run(move |conn| act::erase_by_recruiter(conn, actor, id))
        .await?;
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-application-erased"),
    );
    Ok(views::redirect("/admin/applications"))
}

pub async fn add_note(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let body = form.get("body").trim().to_string();
    if body.is_empty() || body.chars().count() > NOTE_MAX {
        let message = if body.is_empty() {
            Msg::new(messages::NOTE_EMPTY)
        } else {
            Msg::new("admin-note-too-long").number("max", NOTE_MAX as i64)
        };
        flash(&session, "error", message.show(lang_of(&state, &user)));
        return Ok(views::redirect(&format!("/admin/applications/{id}#notes")));
    }
    let actor = Actor::User(user.id);
    state
        .run(move |conn| act::add_note(conn, actor, id, &body))
        .await?;
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-note-saved"),
    );
    Ok(views::redirect(&format!("/admin/applications/{id}#notes")))
}
