//! The recruiters' start page: vacancy counts and the latest changes.

use actix_session::Session;
use actix_web::{web, HttpResponse};
use askama::Template;
use time::Duration;

use super::CurrentUser;
use crate::db::{self, audit::AuditRow};
use crate::error::AppResult;
use crate::handlers::AppState;
use crate::models::VacancyStatus;
use crate::views::{self, Area, PageCtx};

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    drafts: i64,
    open: i64,
    closed: i64,
    expiring: i64,
    new_applications: i64,
    pending_comments: i64,
    latest: Vec<AuditRow>,
    alerts: AlertFigures,
}

/// Job alerts at a glance: confirmed subscribers, the last successful digest run, mail waiting.
struct AlertFigures {
    subscribers: i64,
    last_run: Option<time::PrimitiveDateTime>,
    outbox_pending: i64,
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (all, latest, new_applications, pending_comments, alerts) = state
        .run(|conn| {
            let alerts = AlertFigures {
                subscribers: db::alerts::count_confirmed(conn)?,
                last_run: db::jobs::last_success(conn, "alert-digests")?,
                outbox_pending: db::outbox::count_pending(conn)?,
            };
            Ok((
                db::vacancies::all(conn)?,
                db::audit::recent(conn, 10, 0)?,
                db::applications::count_new(conn)?,
                db::comments::count_pending(conn)?,
                alerts,
            ))
        })
        .await?;
    let now = crate::clock::now();
    let soon = now + Duration::days(7);
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let page = DashboardPage {
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminDashboard),
        drafts: count(
            all.iter()
                .filter(|v| v.status() == VacancyStatus::Draft)
                .count(),
        ),
        open: count(all.iter().filter(|v| v.is_open(now)).count()),
        closed: count(
            all.iter()
                .filter(|v| v.effective_status(now) == VacancyStatus::Closed)
                .count(),
        ),
        expiring: count(
            all.iter()
                .filter(|v| v.is_open(now) && v.valid_through.is_some_and(|t| t <= soon))
                .count(),
        ),
        new_applications,
        pending_comments,
        latest,
        alerts,
    };
    views::ok(&page)
}
