//! The comment moderation queue: pending first, then the rest newest first; approve, mark as
//! spam or delete, one comment or many at once.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{lang_of, CurrentUser};
use crate::actions::comments::Moderation;
use crate::actions::{self, Actor};
use crate::db::comments;
use crate::error::{AppError, AppResult};
use crate::forms::CheckedForm;
use crate::handlers::{query_pairs, AppState};
use crate::i18n::Lang;
use crate::messages;
use crate::models::{Comment, CommentStatus};
use crate::views::{self, flash, Area, PageCtx};

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
    fn status_key<'a>(&self, c: &'a Comment) -> &'a str {
        CommentStatus::key_of(&c.status)
    }
    /// The checkbox's accessible name: whose comment, on which article.
    fn select_label(&self, c: &Comment, title: &str) -> String {
        self.ctx.lang.t_args(
            "admin-comments-select-one",
            &[
                ("author", c.author_name.as_str().into()),
                ("title", title.into()),
            ],
        )
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
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminComments),
        rows,
        status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        pending,
    })
}

/// The flash message after a moderation changed `n` comments.
fn done(lang: Lang, moderation: Moderation, n: usize) -> String {
    let key = match moderation {
        Moderation::Set(CommentStatus::Approved) => "admin-comments-approved",
        Moderation::Set(CommentStatus::Spam) => "admin-comments-spammed",
        Moderation::Set(CommentStatus::Pending) => "admin-comments-requeued",
        Moderation::Delete => "admin-comments-deleted",
    };
    lang.t_count(key, i64::try_from(n).unwrap_or(i64::MAX))
}

/// One form for both: a row's own button sends `row=ACTION:ID`; otherwise the ticked `ids`
/// get the chosen `action`.
fn read_moderation(form: &CheckedForm) -> (Option<Moderation>, Vec<i32>) {
    match form.get("row").split_once(':') {
        Some((action, id)) => (
            Moderation::parse(action),
            id.trim().parse::<i32>().ok().into_iter().collect(),
        ),
        None => (
            Moderation::parse(form.get("action")),
            form.all("ids")
                .into_iter()
                .filter_map(|id| id.trim().parse::<i32>().ok())
                .collect(),
        ),
    }
}

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
    let lang = lang_of(&state, &user);
    let (moderation, ids) = read_moderation(&form);
    let Some(moderation) = moderation else {
        flash(&session, "error", lang.t("admin-comments-choose-action"));
        return Ok(views::redirect(&back));
    };
    if ids.is_empty() {
        flash(&session, "error", lang.t("admin-comments-tick-first"));
        return Ok(views::redirect(&back));
    }
    if ids.len() > MAX_IDS {
        return Err(AppError::BadRequest(messages::TOO_MANY_COMMENTS.into()));
    }
    let actor = Actor::User(user.id);
    let moderated = state
        .run(move |conn| actions::comments::moderate(conn, actor, moderation, &ids))
        .await?;
    if moderated.count == 0 {
        flash(&session, "error", lang.t("admin-comments-unchanged"));
    } else {
        flash(&session, "success", done(lang, moderation, moderated.count));
    }
    Ok(views::redirect(&back))
}
