//! Learning paths for editors: the paths in order with their articles in order, create, edit and
//! delete a path, move a path up or down. Moving an article within its path is in `articles`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;
use diesel::Connection;

use super::CurrentUser;
use crate::db::audit::FieldChange;
use crate::db::{self, editorial, learning};
use crate::error::{AppError, AppResult};
use crate::forms::article::PathForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::models::{Article, ArticleStatus, LearningPath, User};
use crate::views::{self, flash, PageCtx};

const ENTITY: &str = "path";
const AREA: &str = "admin-paths";

#[derive(Template)]
#[template(path = "admin/paths/index.html")]
struct IndexPage {
    ctx: PageCtx,
    paths: Vec<(LearningPath, Vec<Article>)>,
    /// Articles in no path, so editors see what is left to place.
    loose: Vec<Article>,
}

impl IndexPage {
    fn status_label<'a>(&self, a: &'a Article) -> &'a str {
        ArticleStatus::label_of(&a.status)
    }
}

pub async fn index(
    CurrentUser(user): CurrentUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (paths, loose) = state
        .run(|conn| {
            let mut out = Vec::new();
            for path in learning::paths(conn)? {
                let articles = learning::articles_in_path(conn, path.id, false)?;
                out.push((path, articles));
            }
            let loose = learning::all_articles(conn)?
                .into_iter()
                .filter(|a| a.path_id.is_none())
                .collect();
            Ok((out, loose))
        })
        .await?;
    views::ok(&IndexPage {
        ctx: PageCtx::admin(&state.site, &session, &user, AREA),
        paths,
        loose,
    })
}

#[derive(Template)]
#[template(path = "admin/paths/form.html")]
struct FormPage {
    ctx: PageCtx,
    heading: String,
    action: String,
    slug: Option<String>,
    form: PathForm,
    errors: FieldErrors,
}

fn form_page(
    state: &AppState,
    session: &Session,
    user: &User,
    existing: Option<&LearningPath>,
    form: PathForm,
) -> FormPage {
    FormPage {
        ctx: PageCtx::admin(&state.site, session, user, AREA),
        heading: match existing {
            Some(p) => format!("Edit path “{}”", p.title),
            None => "New learning path".into(),
        },
        action: match existing {
            Some(p) => format!("/admin/paths/{}", p.id),
            None => "/admin/paths".into(),
        },
        slug: existing.map(|p| p.slug.clone()),
        form,
        errors: FieldErrors::default(),
    }
}

pub async fn new(
    CurrentUser(user): CurrentUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    views::ok(&form_page(
        &state,
        &session,
        &user,
        None,
        PathForm::default(),
    ))
}

pub async fn create(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let typed = PathForm::from_form(&form);
    let (title, summary) = match typed.parse() {
        Ok(values) => values,
        Err(errors) => {
            let mut page = form_page(&state, &session, &user, None, typed);
            page.errors = errors;
            return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let user_id = user.id;
    let id = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let slug = editorial::unique_path_slug(conn, &title)?;
                let position = editorial::next_path_position(conn)?;
                let id = learning::insert_path(conn, &slug, &title, &summary, position)?;
                let changes: Vec<FieldChange> =
                    [("title", title), ("slug", slug), ("summary", summary)]
                        .into_iter()
                        .map(|(field, to)| FieldChange {
                            field: field.into(),
                            from: String::new(),
                            to,
                        })
                        .collect();
                db::audit::record(conn, Some(user_id), ENTITY, id, "create", &changes)?;
                Ok(id)
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    flash(
        &session,
        "success",
        "The path was created. Add articles to it from their form.",
    );
    Ok(views::redirect(&format!("/admin/paths#path-{id}")))
}

async fn load(state: &web::Data<AppState>, id: i32) -> AppResult<LearningPath> {
    state
        .run(move |conn| learning::path_by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

pub async fn edit(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let existing = load(&state, path.into_inner()).await?;
    let form = PathForm::from_path(&existing);
    views::ok(&form_page(&state, &session, &user, Some(&existing), form))
}

/// Saves title and summary; the slug stays, so the public address of the path does not break.
pub async fn update(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let existing = load(&state, path.into_inner()).await?;
    let typed = PathForm::from_form(&form);
    let (title, summary) = match typed.parse() {
        Ok(values) => values,
        Err(errors) => {
            let mut page = form_page(&state, &session, &user, Some(&existing), typed);
            page.errors = errors;
            return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let id = existing.id;
    let changes: Vec<FieldChange> = [
        ("title", existing.title.clone(), title.clone()),
        ("summary", existing.summary.clone(), summary.clone()),
    ]
    .into_iter()
    .filter(|(_, from, to)| from != to)
    .map(|(field, from, to)| FieldChange {
        field: field.into(),
        from,
        to,
    })
    .collect();
    if changes.is_empty() {
        flash(
            &session,
            "success",
            "Nothing had changed, so nothing was saved.",
        );
        return Ok(views::redirect(&format!("/admin/paths#path-{id}")));
    }
    let user_id = user.id;
    let position = existing.position;
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                learning::update_path(conn, id, &title, &summary, position)?;
                db::audit::record(conn, Some(user_id), ENTITY, id, "update", &changes)
            })
            .map_err(AppError::from)
        })
        .await?;
    flash(&session, "success", "The path was saved.");
    Ok(views::redirect(&format!("/admin/paths#path-{id}")))
}

/// Deletes a path once the box is ticked; its articles stay, listed under "Articles in no path".
pub async fn delete(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let existing = load(&state, path.into_inner()).await?;
    let id = existing.id;
    if form.get("confirm") != "yes" {
        flash(
            &session,
            "error",
            "Nothing was deleted: tick the box to confirm first.",
        );
        return Ok(views::redirect(&format!("/admin/paths/{id}/edit#delete")));
    }
    let user_id = user.id;
    let title = existing.title.clone();
    let released = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let released = learning::delete_path(conn, id)?;
                let change = FieldChange {
                    field: "title".into(),
                    from: title,
                    to: String::new(),
                };
                db::audit::record(conn, Some(user_id), ENTITY, id, "delete", &[change])?;
                Ok(released)
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    let articles = match released {
        0 => "It had no articles.".to_string(),
        1 => "Its article is now in no path.".to_string(),
        n => format!("Its {n} articles are now in no path."),
    };
    flash(
        &session,
        "success",
        format!("The path “{}” was deleted. {articles}", existing.title),
    );
    Ok(views::redirect("/admin/paths"))
}

/// One step up or down the list of paths.
pub async fn move_path(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let up = match form.get("direction") {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest("Move up or down.".into())),
    };
    let id = load(&state, path.into_inner()).await?.id;
    let user_id = user.id;
    let moved = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let moved = editorial::move_path(conn, id, up)?;
                if let Some((from, to)) = moved {
                    let change = FieldChange {
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
            "The path is already at that end of the list.",
        );
    }
    Ok(views::redirect(&format!("/admin/paths#path-{id}")))
}
