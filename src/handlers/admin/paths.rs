//! Learning paths for editors: the paths in order with their articles in order, create, edit and
//! delete a path, move a path up or down. Moving an article within its path is in `articles`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::{lang_of, CurrentUser};
use crate::actions::{self, Actor, Changed, Moved};
use crate::db::learning;
use crate::error::{AppError, AppResult};
use crate::forms::article::PathForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::messages::{self, Msg};
use crate::models::{Article, ArticleStatus, LearningPath, User};
use crate::views::{self, flash, Area, PageCtx};

const AREA: Area = Area::AdminPaths;

#[derive(Template)]
#[template(path = "admin/paths/index.html")]
struct IndexPage {
    ctx: PageCtx,
    paths: Vec<(LearningPath, Vec<Article>)>,
    /// Articles in no path, so editors see what is left to place.
    loose: Vec<Article>,
}

impl IndexPage {
    fn status_key<'a>(&self, a: &'a Article) -> &'a str {
        ArticleStatus::key_of(&a.status)
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
    let lang = lang_of(state, user);
    FormPage {
        ctx: PageCtx::admin(&state.site, session, user, AREA),
        heading: match existing {
            Some(p) => lang.t_args("admin-path-edit", &[("title", p.title.as_str().into())]),
            None => lang.t("admin-path-new"),
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

/// The form again with its problems, for a new path or for path `id`.
async fn render_invalid(
    state: &web::Data<AppState>,
    session: &Session,
    user: &User,
    id: Option<i32>,
    form: PathForm,
    errors: FieldErrors,
) -> AppResult<HttpResponse> {
    let existing = match id {
        Some(id) => Some(load(state, id).await?),
        None => None,
    };
    let mut page = form_page(state, session, user, existing.as_ref(), form);
    page.errors = errors;
    views::render(StatusCode::UNPROCESSABLE_ENTITY, &page)
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
        Err(errors) => return render_invalid(&state, &session, &user, None, typed, errors).await,
    };
    let actor = Actor::User(user.id);
    let created = state
        .run(move |conn| actions::paths::create(conn, actor, &title, &summary))
        .await?;
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-path-created"),
    );
    Ok(views::redirect(&format!(
        "/admin/paths#path-{}",
        created.id
    )))
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
    let id = path.into_inner();
    let typed = PathForm::from_form(&form);
    let (title, summary) = match typed.parse() {
        Ok(values) => values,
        Err(errors) => {
            return render_invalid(&state, &session, &user, Some(id), typed, errors).await
        }
    };
    let actor = Actor::User(user.id);
    let changed = state
        .run(move |conn| actions::paths::update(conn, actor, id, &title, &summary))
        .await?;
    let done = match changed {
        Changed::Nothing => "admin-nothing-changed",
        _ => "admin-path-saved",
    };
    flash(&session, "success", lang_of(&state, &user).t(done));
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
    let id = path.into_inner();
    if form.get("confirm") != "yes" {
        // An unknown path is still a 404, ticked box or not.
        load(&state, id).await?;
        flash(
            &session,
            "error",
            lang_of(&state, &user).t("admin-nothing-deleted"),
        );
        return Ok(views::redirect(&format!("/admin/paths/{id}/edit#delete")));
    }
    let actor = Actor::User(user.id);
    let deleted = state
        .run(move |conn| actions::paths::delete(conn, actor, id))
        .await?;
    let released = i64::try_from(deleted.released).unwrap_or(i64::MAX);
    let done = Msg::new("admin-path-deleted")
        .text("title", deleted.title)
        .count("n", released);
    flash(&session, "success", done.show(lang_of(&state, &user)));
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
        _ => return Err(AppError::BadRequest(messages::MOVE_UP_OR_DOWN.into())),
    };
    let id = path.into_inner();
    let actor = Actor::User(user.id);
    let moved = state
        .run(move |conn| actions::paths::move_path(conn, actor, id, up))
        .await?;
    if moved == Moved::AtEnd {
        flash(
            &session,
            "error",
            lang_of(&state, &user).t("admin-path-at-end"),
        );
    }
    Ok(views::redirect(&format!("/admin/paths#path-{id}")))
}
