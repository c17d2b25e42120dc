//! The global audit log, for administrators.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::AdminUser;
use crate::db::{self, audit::AuditRow};
use crate::error::AppResult;
use crate::handlers::{query_pairs, AppState};
use crate::views::{self, Area, PageCtx};

const PER_PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: PageCtx,
    rows: Vec<AuditRow>,
    page: i64,
    has_more: bool,
}

impl AuditPage {
    fn changes_of(&self, json: &str) -> Vec<db::audit::FieldChange> {
        db::audit::parse_changes(json)
    }
}

pub async fn index(
    AdminUser(user): AdminUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let page: i64 = query_pairs(req.query_string())
        .into_iter()
        .find(|(k, _)| k == "page")
        .and_then(|(_, v)| v.parse().ok())
        .filter(|p| *p >= 1 && *p < 100_000)
        .unwrap_or(1);
    let mut rows = state
        .run(move |conn| {
            Ok(db::audit::recent(
                conn,
                PER_PAGE + 1,
                (page - 1) * PER_PAGE,
            )?)
        })
        .await?;
    let has_more = rows.len() as i64 > PER_PAGE;
    rows.truncate(PER_PAGE as usize);
    let view = AuditPage {
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminAudit),
        rows,
        page,
        has_more,
    };
    views::ok(&view)
}
