//! Recruiters' applications: the filtered list with counts, CSV export, the application page
//! with its CV download, pipeline status, notes and history. Recruiters and administrators alike.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::Connection;

use super::CurrentUser;
use crate::db::{self, applications::Filter, applications::NoteRow, audit::AuditRow};
use crate::domain::applications::{csv_row, human_size, safe_file_name, Stage};
use crate::domain::timefmt;
use crate::error::{AppError, AppResult};
use crate::forms::CheckedForm;
use crate::handlers::applications::ENTITY;
use crate::handlers::{query_pairs, AppState};
use crate::models::Application;
use crate::views::{self, flash, url_encode, PageCtx};

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
    fn when(&self, t: &time::PrimitiveDateTime) -> String {
        timefmt::human_time(*t)
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
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-applications"),
        rows,
        counts,
        vacancies,
        filter,
    };
    views::ok(&page)
}

/// The filtered list as CSV: no CV bytes, a link to each CV instead. Every cell is quoted and
/// guarded against spreadsheet formulas; the export is recorded in the audit trail.
pub async fn export(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let filter = filter_from(&req);
    let f = filter.clone();
    let user_id = user.id;
    let query = filter_query(&filter);
    let rows = state
        .run(move |conn| {
            let rows = db::applications::list(conn, &f)?;
            let change = db::audit::FieldChange {
                field: "filter".into(),
                from: String::new(),
                to: query,
            };
            db::audit::record(conn, Some(user_id), ENTITY, 0, "export", &[change])?;
            Ok(rows)
        })
        .await?;
    let mut body = csv_row(&[
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
    ]);
    for (a, vacancy) in &rows {
        let cv_url = state
            .site
            .absolute(&format!("/admin/applications/{}/cv", a.id));
        let page_url = state
            .site
            .absolute(&format!("/admin/applications/{}", a.id));
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
    fn when(&self, t: &time::PrimitiveDateTime) -> String {
        timefmt::human_time(*t)
    }
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
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-applications"),
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
    let user_id = user.id;
    let (name, content_type, bytes) = state
        .run(move |conn| {
            let cv = db::applications::cv(conn, id)?.ok_or(AppError::NotFound)?;
            // Who read a candidate's CV is part of the record.
            db::audit::record(conn, Some(user_id), ENTITY, id, "download_cv", &[])?;
            Ok(cv)
        })
        .await?;
    let kind = crate::domain::applications::CvKind::from_mime(&content_type);
    let file_name = safe_file_name(&name, kind, id);
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
        .body(bytes))
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
        .ok_or_else(|| AppError::BadRequest("Unknown status.".into()))?;
    let user_id = user.id;
    let moved = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let (application, _) =
                    db::applications::by_id(conn, id)?.ok_or(diesel::result::Error::NotFound)?;
                let from = application.stage();
                if !from.can_move_to(to) {
                    return Ok(Err(from));
                }
                db::applications::set_status(conn, id, to)?;
                let change = db::audit::FieldChange {
                    field: "status".into(),
                    from: from.as_str().into(),
                    to: to.as_str().into(),
                };
                db::audit::record(conn, Some(user_id), ENTITY, id, "status", &[change])?;
                Ok(Ok(()))
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    match moved {
        Ok(()) => flash(
            &session,
            "success",
            format!("Status changed to {}.", to.label().to_lowercase()),
        ),
        Err(from) => flash(
            &session,
            "error",
            format!(
                "An application that is {} cannot move to {}.",
                from.label().to_lowercase(),
                to.label().to_lowercase()
            ),
        ),
    }
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
            "Nothing was erased: tick the box to confirm first.",
        );
        return Ok(views::redirect(&format!("/admin/applications/{id}#erase")));
    }
    let user_id = user.id;
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                db::applications::by_id(conn, id)?.ok_or(diesel::result::Error::NotFound)?;
                db::applications::erase(conn, id)?;
                db::audit::record(conn, Some(user_id), ENTITY, id, "erase", &[])
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    flash(
        &session,
        "success",
        "The application, its CV and its notes are erased for good.",
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
            crate::messages::NOTE_EMPTY.to_string()
        } else {
            format!("Keep a note under {NOTE_MAX} characters.")
        };
        flash(&session, "error", message);
        return Ok(views::redirect(&format!("/admin/applications/{id}#notes")));
    }
    let user_id = user.id;
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                db::applications::by_id(conn, id)?.ok_or(diesel::result::Error::NotFound)?;
                let note_id = db::applications::add_note(conn, id, user_id, &body)?;
                let change = db::audit::FieldChange {
                    field: "note".into(),
                    from: String::new(),
                    to: format!("#{note_id}"),
                };
                db::audit::record(conn, Some(user_id), ENTITY, id, "note", &[change])
            })
            .map_err(AppError::from)
        })
        .await?;
    flash(&session, "success", "Note saved.");
    Ok(views::redirect(&format!("/admin/applications/{id}#notes")))
}
