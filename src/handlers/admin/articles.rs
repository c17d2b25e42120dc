//! Editors' article management: list, form with a server-side Markdown preview, the admin page
//! with history, publish and unpublish, moving within a path, delete with confirmation.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::Connection;

use super::CurrentUser;
use crate::db::editorial::{self, PathFilter};
use crate::db::{self, audit::AuditRow, learning, DbConn};
use crate::domain::changes::{self, ArticleSnapshot};
use crate::domain::timefmt;
use crate::error::{AppError, AppResult};
use crate::forms::article::{ArticleForm, ArticleInput};
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::{query_pairs, AppState};
use crate::models::{Article, ArticleStatus, Faq, LearningPath, Skill, User};
use crate::views::{self, flash, PageCtx};

const ENTITY: &str = "article";
const AREA: &str = "admin-articles";

#[derive(Template)]
#[template(path = "admin/articles/index.html")]
struct IndexPage {
    ctx: PageCtx,
    rows: Vec<(Article, Option<String>)>,
    paths: Vec<LearningPath>,
    status: String,
    path: String,
    title: String,
}

impl IndexPage {
    fn status_label<'a>(&self, a: &'a Article) -> &'a str {
        ArticleStatus::label_of(&a.status)
    }
    fn statuses(&self) -> &'static [ArticleStatus] {
        ArticleStatus::ALL
    }
}

pub async fn index(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let pairs = query_pairs(req.query_string());
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let status = ArticleStatus::parse(&get("status"));
    let title: String = get("title").chars().take(200).collect();
    let path_text = get("path");
    let path = match path_text.as_str() {
        "none" => PathFilter::NoPath,
        raw => raw
            .parse::<i32>()
            .map(PathFilter::Path)
            .unwrap_or(PathFilter::Any),
    };
    let title_q = title.clone();
    let (rows, paths) = state
        .run(move |conn| {
            Ok((
                editorial::articles_for_admin(conn, status, path, &title_q)?,
                learning::paths(conn)?,
            ))
        })
        .await?;
    let page = IndexPage {
        ctx: PageCtx::admin(&state.site, &session, &user, AREA),
        rows,
        paths,
        status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        path: match path {
            PathFilter::Any => String::new(),
            PathFilter::NoPath => "none".into(),
            PathFilter::Path(id) => id.to_string(),
        },
        title,
    };
    views::ok(&page)
}

/// The form page, for new and existing articles.
#[derive(Template)]
#[template(path = "admin/articles/form.html")]
struct FormPage {
    ctx: PageCtx,
    heading: String,
    action: String,
    article_id: Option<i32>,
    /// The public address, for an existing article (it does not change once published).
    slug: Option<String>,
    form: ArticleForm,
    errors: FieldErrors,
    paths: Vec<LearningPath>,
    /// Filled after "Preview": the body as readers will see it, and the FAQ pairs.
    preview_html: String,
    preview_faqs: Vec<(String, String)>,
}

impl FormPage {
    fn statuses(&self) -> &'static [ArticleStatus] {
        ArticleStatus::ALL
    }
    fn path_selected(&self, p: &LearningPath) -> bool {
        self.form.path.trim() == p.id.to_string()
    }
}

fn form_page(
    state: &AppState,
    session: &Session,
    user: &User,
    existing: Option<&Article>,
    form: ArticleForm,
    paths: Vec<LearningPath>,
) -> FormPage {
    let (heading, action) = match existing {
        Some(a) => (
            format!("Edit “{}”", a.title),
            format!("/admin/articles/{}", a.id),
        ),
        None => ("New article".to_string(), "/admin/articles".to_string()),
    };
    FormPage {
        ctx: PageCtx::admin(&state.site, session, user, AREA),
        heading,
        action,
        article_id: existing.map(|a| a.id),
        slug: existing.map(|a| a.slug.clone()),
        form,
        errors: FieldErrors::default(),
        paths,
        preview_html: String::new(),
        preview_faqs: Vec::new(),
    }
}

pub async fn new(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let paths = state.run(|conn| Ok(learning::paths(conn)?)).await?;
    let mut form = ArticleForm::blank();
    // "Add an article" from a path's row preselects that path.
    if let Some((_, id)) = query_pairs(req.query_string())
        .into_iter()
        .find(|(k, _)| k == "path")
    {
        if paths.iter().any(|p| p.id.to_string() == id) {
            form.path = id;
        }
    }
    views::ok(&form_page(&state, &session, &user, None, form, paths))
}

/// An article and everything the audit trail compares, read inside the transaction.
fn snapshot(conn: &mut DbConn, id: i32) -> diesel::QueryResult<Option<(Article, ArticleSnapshot)>> {
    let Some(article) = learning::article_by_id(conn, id)? else {
        return Ok(None);
    };
    let path = match article.path_id {
        Some(pid) => learning::path_by_id(conn, pid)?
            .map(|p| p.title)
            .unwrap_or_default(),
        None => String::new(),
    };
    let snap = ArticleSnapshot {
        title: article.title.clone(),
        slug: article.slug.clone(),
        summary: article.summary.clone(),
        body: article.body.clone(),
        path,
        position: if article.path_id.is_some() {
            article.position.to_string()
        } else {
            String::new()
        },
        status: article.status.clone(),
        skills: learning::skills_of_article(conn, id)?
            .into_iter()
            .map(|s| s.name)
            .collect(),
        faqs: learning::faqs_of(conn, id)?
            .into_iter()
            .map(|f| (f.question, f.answer))
            .collect(),
    };
    Ok(Some((article, snap)))
}

/// Why a save transaction ended without committing.
enum TxError {
    Db(diesel::result::Error),
    NotFound,
    /// The form equals what is stored: roll back so `updated_at` does not move.
    Unchanged,
}

impl From<diesel::result::Error> for TxError {
    fn from(e: diesel::result::Error) -> Self {
        TxError::Db(e)
    }
}

/// Inserts a new article with its FAQ, skills and place; gives its id.
fn create_article(conn: &mut DbConn, input: &ArticleInput, user_id: i32) -> Result<i32, TxError> {
    let slug = learning::unique_article_slug(conn, &input.fields.title, None)?;
    let id = learning::insert_article(conn, &slug, &input.fields, Some(user_id))?;
    learning::set_faqs(conn, id, &input.faqs)?;
    learning::set_article_skills(conn, id, &input.skills)?;
    if let Some(path_id) = input.fields.path_id {
        // Already in the path with position 0: "no position" must still mean "last".
        editorial::place_article(conn, path_id, id, input.position.or(Some(i32::MAX)))?;
    }
    if input.status == ArticleStatus::Published {
        learning::set_article_status(
            conn,
            id,
            ArticleStatus::Published,
            Some(crate::clock::now()),
        )?;
    }
    let (_, after) = snapshot(conn, id)?.ok_or(TxError::NotFound)?;
    let diff = changes::article_changes(&ArticleSnapshot::default(), &after);
    db::audit::record(conn, Some(user_id), ENTITY, id, "create", &diff)?;
    Ok(id)
}

/// Saves an edit. The slug follows the title only while the article has never been published:
/// after that its public address must not break.
fn update_article(
    conn: &mut DbConn,
    id: i32,
    input: &ArticleInput,
    user_id: i32,
) -> Result<(), TxError> {
    let (old, before) = snapshot(conn, id)?.ok_or(TxError::NotFound)?;
    let same_path = old.path_id == input.fields.path_id;
    // The form shows the current position; leaving it as it was means "keep my place".
    // A newcomer to a path without a position goes last.
    let wanted = match input.position {
        Some(p) if same_path && p == old.position => None,
        None if !same_path => Some(i32::MAX),
        other => other,
    };
    let mut fields = input.fields.clone();
    fields.position = if fields.path_id.is_some() {
        old.position
    } else {
        0
    };
    learning::update_article(conn, id, &fields)?;
    if old.published_at.is_none() && old.title != fields.title {
        let slug = learning::unique_article_slug(conn, &fields.title, Some(id))?;
        learning::set_article_slug(conn, id, &slug)?;
    }
    learning::set_faqs(conn, id, &input.faqs)?;
    learning::set_article_skills(conn, id, &input.skills)?;
    if let Some(path_id) = fields.path_id {
        editorial::place_article(conn, path_id, id, wanted)?;
    }
    if let Some(old_path) = old.path_id.filter(|_| !same_path) {
        editorial::renumber_path(conn, old_path)?;
    }
    if old.status != input.status.as_str() {
        let published_at = match input.status {
            // The first publication date stays: unpublishing and publishing again is not news.
            ArticleStatus::Published => old.published_at.or(Some(crate::clock::now())),
            ArticleStatus::Draft => old.published_at,
        };
        learning::set_article_status(conn, id, input.status, published_at)?;
    }
    let (_, after) = snapshot(conn, id)?.ok_or(TxError::NotFound)?;
    let diff = changes::article_changes(&before, &after);
    if diff.is_empty() {
        return Err(TxError::Unchanged);
    }
    let action = match (old.status == input.status.as_str(), input.status) {
        (true, _) => "update",
        (false, ArticleStatus::Published) => "publish",
        (false, ArticleStatus::Draft) => "unpublish",
    };
    db::audit::record(conn, Some(user_id), ENTITY, id, action, &diff)?;
    Ok(())
}

/// Saves or previews the form; `existing` is the article being edited.
async fn submit(
    user: User,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
    existing: Option<Article>,
) -> AppResult<HttpResponse> {
    let typed = ArticleForm::from_form(&form);
    let wants_preview = form.get("intent") == "preview";
    let paths = state.run(|conn| Ok(learning::paths(conn)?)).await?;
    let parsed = typed.parse(&paths);
    let mut page = form_page(&state, &session, &user, existing.as_ref(), typed, paths);
    if wants_preview {
        // A preview of a half-written article is still useful: no field errors here.
        page.preview_html = crate::domain::markdown::to_html(&page.form.body);
        page.preview_faqs = page
            .form
            .faqs
            .iter()
            .filter(|(q, a)| !q.trim().is_empty() && !a.trim().is_empty())
            .cloned()
            .collect();
        return views::ok(&page);
    }
    let input = match parsed {
        Err(errors) => {
            page.errors = errors;
            return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Ok(input) => input,
    };
    let user_id = user.id;
    let existing_id = existing.as_ref().map(|a| a.id);
    let outcome = state
        .run(move |conn| {
            let result = conn.transaction(|conn| match existing_id {
                None => create_article(conn, &input, user_id),
                Some(id) => update_article(conn, id, &input, user_id).map(|_| id),
            });
            match result {
                Ok(id) => Ok(Some(id)),
                Err(TxError::Unchanged) => Ok(None),
                Err(TxError::NotFound) => Err(AppError::NotFound),
                Err(TxError::Db(e)) => Err(AppError::from(e)),
            }
        })
        .await?;
    let id = match (outcome, existing_id) {
        (Some(id), _) => {
            flash(&session, "success", "The article was saved.");
            id
        }
        (None, Some(id)) => {
            flash(
                &session,
                "success",
                "Nothing had changed, so nothing was saved.",
            );
            id
        }
        (None, None) => return Err(AppError::internal("new article without an id")),
    };
    Ok(views::redirect(&format!("/admin/articles/{id}")))
}

pub async fn create(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    submit(user, form, state, session, None).await
}

async fn load(state: &web::Data<AppState>, id: i32) -> AppResult<Article> {
    state
        .run(move |conn| learning::article_by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

pub async fn edit(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (article, faqs, skills, paths) = state
        .run(move |conn| {
            let article = learning::article_by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((
                article,
                learning::faqs_of(conn, id)?,
                learning::skills_of_article(conn, id)?,
                learning::paths(conn)?,
            ))
        })
        .await?;
    let form = ArticleForm::from_article(&article, &faqs, &skills);
    views::ok(&form_page(
        &state,
        &session,
        &user,
        Some(&article),
        form,
        paths,
    ))
}

pub async fn update(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let article = load(&state, path.into_inner()).await?;
    submit(user, form, state, session, Some(article)).await
}

#[derive(Template)]
#[template(path = "admin/articles/show.html")]
struct ShowPage {
    ctx: PageCtx,
    article: Article,
    path: Option<LearningPath>,
    faqs: Vec<Faq>,
    skills: Vec<Skill>,
    comments: i64,
    history: Vec<AuditRow>,
}

impl ShowPage {
    fn status(&self) -> ArticleStatus {
        ArticleStatus::parse(&self.article.status).unwrap_or(ArticleStatus::Draft)
    }
    fn when(&self, t: &time::PrimitiveDateTime) -> String {
        timefmt::human_time(*t)
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
    let page = state
        .run(move |conn| {
            let article = learning::article_by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let path = match article.path_id {
                Some(pid) => learning::path_by_id(conn, pid)?,
                None => None,
            };
            Ok((
                article,
                path,
                learning::faqs_of(conn, id)?,
                learning::skills_of_article(conn, id)?,
                editorial::comment_count(conn, id)?,
                db::audit::for_entity(conn, ENTITY, id)?,
            ))
        })
        .await?;
    let (article, path, faqs, skills, comments, history) = page;
    views::ok(&ShowPage {
        ctx: PageCtx::admin(&state.site, &session, &user, AREA),
        article,
        path,
        faqs,
        skills,
        comments,
        history,
    })
}

/// Publish or unpublish from the article's page.
pub async fn change_status(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (to, action) = match form.get("action") {
        "publish" => (ArticleStatus::Published, "publish"),
        "unpublish" => (ArticleStatus::Draft, "unpublish"),
        _ => return Err(AppError::BadRequest("Unknown status change.".into())),
    };
    let article = load(&state, id).await?;
    if article.status == to.as_str() {
        flash(
            &session,
            "error",
            format!("The article is already {}.", to.label().to_lowercase()),
        );
        return Ok(views::redirect(&format!("/admin/articles/{id}")));
    }
    let published_at = match to {
        ArticleStatus::Published => article.published_at.or(Some(crate::clock::now())),
        ArticleStatus::Draft => article.published_at,
    };
    let change = db::audit::FieldChange {
        field: "status".into(),
        from: article.status.clone(),
        to: to.as_str().into(),
    };
    let user_id = user.id;
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                learning::set_article_status(conn, id, to, published_at)?;
                db::audit::record(conn, Some(user_id), ENTITY, id, action, &[change])
            })
            .map_err(AppError::from)
        })
        .await?;
    let done = match to {
        ArticleStatus::Published => "The article is published.",
        ArticleStatus::Draft => "The article is a draft again: readers no longer see it.",
    };
    flash(&session, "success", done);
    Ok(views::redirect(&format!("/admin/articles/{id}")))
}

/// One step up or down its path, from the paths page.
pub async fn move_in_path(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let up = match form.get("direction") {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest("Move up or down.".into())),
    };
    let article = load(&state, id).await?;
    let path_id = article.path_id;
    let user_id = user.id;
    let moved = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let moved = editorial::move_article(conn, &article, up)?;
                if let Some((from, to)) = moved {
                    let change = db::audit::FieldChange {
                        field: "position".into(),
                        from: from.to_string(),
                        to: to.to_string(),
                    };
                    db::audit::record(conn, Some(user_id), ENTITY, id, "move", &[change])?;
                }
                Ok(moved)
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    if moved.is_none() {
        flash(
            &session,
            "error",
            "The article is already at that end of its path.",
        );
    }
    Ok(views::redirect(&match path_id {
        Some(pid) => format!("/admin/paths#path-{pid}"),
        None => "/admin/paths".to_string(),
    }))
}

#[derive(Template)]
#[template(path = "admin/articles/delete.html")]
struct DeletePage {
    ctx: PageCtx,
    article: Article,
    comments: i64,
}

/// Asks before deleting: the public page and the article's comments go with it.
pub async fn confirm_delete(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (article, comments) = state
        .run(move |conn| {
            let article = learning::article_by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((article, editorial::comment_count(conn, id)?))
        })
        .await?;
    views::ok(&DeletePage {
        ctx: PageCtx::admin(&state.site, &session, &user, AREA),
        article,
        comments,
    })
}

pub async fn delete(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let article = load(&state, path.into_inner()).await?;
    let id = article.id;
    let user_id = user.id;
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                learning::delete_article(conn, id)?;
                if let Some(path_id) = article.path_id {
                    editorial::renumber_path(conn, path_id)?;
                }
                let changes = [
                    db::audit::FieldChange {
                        field: "title".into(),
                        from: article.title,
                        to: String::new(),
                    },
                    db::audit::FieldChange {
                        field: "slug".into(),
                        from: article.slug,
                        to: String::new(),
                    },
                ];
                db::audit::record(conn, Some(user_id), ENTITY, id, "delete", &changes)
            })
            .map_err(AppError::from)
        })
        .await?;
    flash(&session, "success", "The article was deleted.");
    Ok(views::redirect("/admin/articles"))
}
