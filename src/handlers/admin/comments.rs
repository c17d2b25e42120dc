//! The comment moderation queue: pending first, then the rest newest first; approve, mark as
//! spam or delete, one comment or many at once.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::Connection;

use super::CurrentUser;
use crate::db::audit::FieldChange;
use crate::db::{self, comments};
use crate::domain::timefmt;
use crate::error::{AppError, AppResult};
use crate::forms::CheckedForm;
use crate::handlers::{query_pairs, AppState};
use crate::models::{Comment, CommentStatus};
use crate::views::{self, flash, PageCtx};

const ENTITY: &str = "comment";
/// More ids than the queue ever shows is not a real request.
const MAX_IDS: usize = 500;

#[derive(Template)]
#[template(path = "admin/comments/index.html")]
struct IndexPage {
    ctx: PageCtx,
    /// Each comment with its article's title and slug.
    rows: Vec<(Comment, String, String)>,
    status: String,
    pending: i64,
}

impl IndexPage {
    fn statuses(&self) -> &'static [CommentStatus] {
        CommentStatus::ALL
    }
    fn status_label<'a>(&self, c: &'a Comment) -> &'a str {
        CommentStatus::label_of(&c.status)
    }
    fn when(&self, t: &time::PrimitiveDateTime) -> String {
        timefmt::human_time(*t)
    }
    /// Only plain web addresses become links; anything else is shown as text.
    fn website_href(&self, c: &Comment) -> Option<String> {
        let w = c.website.trim();
        (w.starts_with("https://") || w.starts_with("http://")).then(|| w.to_string())
    }
}

pub async fn index(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let status = query_pairs(req.query_string())
        .into_iter()
        .find(|(k, _)| k == "status")
        .and_then(|(_, v)| CommentStatus::parse(v.trim()));
    let (rows, pending) = state
        .run(move |conn| {
            Ok((
                comments::queue(conn, status)?,
                comments::count_pending(conn)?,
            ))
        })
        .await?;
    views::ok(&IndexPage {
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-comments"),
        rows,
        status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        pending,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Set(CommentStatus),
    Delete,
}

impl Action {
    fn parse(text: &str) -> Option<Action> {
        match text {
            "approve" => Some(Action::Set(CommentStatus::Approved)),
            "spam" => Some(Action::Set(CommentStatus::Spam)),
            "pending" => Some(Action::Set(CommentStatus::Pending)),
            "delete" => Some(Action::Delete),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Action::Set(CommentStatus::Approved) => "approve",
            Action::Set(CommentStatus::Spam) => "spam",
            Action::Set(CommentStatus::Pending) => "pending",
            Action::Delete => "delete",
        }
    }

    fn done(self, n: usize) -> String {
        let what = if n == 1 {
            "1 comment".to_string()
        } else {
            format!("{n} comments")
        };
        match self {
            Action::Set(CommentStatus::Approved) => format!("{what} approved."),
            Action::Set(CommentStatus::Spam) => format!("{what} marked as spam."),
            Action::Set(CommentStatus::Pending) => format!("{what} back in the queue."),
            Action::Delete => format!("{what} deleted."),
        }
    }
}

/// One form for both: a row's own button sends `row=ACTION:ID`; otherwise the ticked `ids`
/// get the chosen `action`.
pub async fn moderate(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let back = match CommentStatus::parse(form.get("status")) {
        Some(s) => format!("/admin/comments?status={}", s.as_str()),
        None => "/admin/comments".to_string(),
    };
    let (action, ids) = match form.get("row").split_once(':') {
        Some((action, id)) => (
            Action::parse(action),
            id.trim()
                .parse::<i32>()
                .ok()
                .into_iter()
                .collect::<Vec<_>>(),
        ),
        None => (
            Action::parse(form.get("action")),
            form.all("ids")
                .into_iter()
                .filter_map(|id| id.trim().parse::<i32>().ok())
                .collect(),
        ),
    };
    let Some(action) = action else {
        flash(
            &session,
            "error",
            "Choose what to do with the comments: approve, spam or delete.",
        );
        return Ok(views::redirect(&back));
    };
    if ids.is_empty() {
        flash(&session, "error", "Tick at least one comment first.");
        return Ok(views::redirect(&back));
    }
    if ids.len() > MAX_IDS {
        return Err(AppError::BadRequest("Too many comments at once.".into()));
    }
    let user_id = user.id;
    let done = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let mut done = 0;
                for id in ids {
                    // Ids that are gone (deleted in another tab) are skipped, not an error.
                    let Some(comment) = comments::by_id(conn, id)? else {
                        continue;
                    };
                    let to = match action {
                        Action::Set(status) if comment.status == status.as_str() => continue,
                        Action::Set(status) => {
                            comments::set_status(conn, &[id], status)?;
                            status.as_str().to_string()
                        }
                        Action::Delete => {
                            comments::delete(conn, &[id])?;
                            String::new()
                        }
                    };
                    let mut changes = vec![FieldChange {
                        field: "status".into(),
                        from: comment.status.clone(),
                        to,
                    }];
                    if action == Action::Delete {
                        changes.push(FieldChange {
                            field: "author".into(),
                            from: comment.author_name,
                            to: String::new(),
                        });
                        changes.push(FieldChange {
                            field: "body".into(),
                            from: comment.body,
                            to: String::new(),
                        });
                    }
                    db::audit::record(conn, Some(user_id), ENTITY, id, action.name(), &changes)?;
                    done += 1;
                }
                Ok(done)
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    if done == 0 {
        flash(
            &session,
            "error",
            "Nothing changed: those comments already had that status.",
        );
    } else {
        flash(&session, "success", action.done(done));
    }
    Ok(views::redirect(&back))
}
