//! Learning paths for editors: the paths in order with their articles in order, create, edit and
//! delete a path, move a path up or down. Moving an article within its path is in `articles`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{lang_of, CurrentUser};
use crate::actions::translations::LanguageTaken;
use crate::actions::{self, Actor, Changed, Moved};
use crate::db::learning;
use crate::error::{AppError, AppResult};
use crate::forms::article::PathForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::messages::{self, Msg};
use crate::models::{Article, ArticleStatus, LearningPath, User};
use crate::views::versions::{LanguageChoice, VersionsBox};
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
    /// A new path's language (and the one it translates); `None` when editing.
    choice: Option<LanguageChoice>,
    /// The translation group of the path being edited.
    versions: Option<VersionsBox>,
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
        choice: existing
            .is_none()
            .then(|| LanguageChoice::new(lang, &state.site.languages, None)),
        versions: None,
    }
}

/// The "Languages" box of path `id`'s form.
fn versions_box(
    state: &AppState,
    user: &User,
    id: i32,
    versions: Vec<crate::models::Version>,
) -> VersionsBox {
    VersionsBox::new(
        lang_of(state, user),
        "/admin/paths",
        id,
        versions,
        &state.site.languages,
        |_| String::new(),
    )
}

/// The form of a new path; `?translate={id}&lang={code}` fills it from the original of that
/// path's translation group, as its version in that language.
pub async fn new(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let translate = super::translate_query(&req, &state.site)?;
    let original = match translate {
        Some((id, _)) => Some(
            state
                .run(move |conn| {
                    let group = learning::path_group_of(conn, id)?.ok_or(AppError::NotFound)?;
                    learning::path_by_id(conn, group)?.ok_or(AppError::NotFound)
                })
                .await?,
        ),
        None => None,
    };
    let (form, notice) = match (&original, translate) {
        (Some(p), Some((_, lang))) => (
            PathForm::translating(p, lang.code()),
            Some((p.title.as_str(), lang.code())),
        ),
        _ => (
            PathForm {
                lang: state.site.default_lang.code().to_string(),
                ..PathForm::default()
            },
            None,
        ),
    };
    let mut page = form_page(&state, &session, &user, None, form);
    page.choice = Some(LanguageChoice::new(
        lang_of(&state, &user),
        &state.site.languages,
        notice,
    ));
    views::ok(&page)
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
        Some(id) => Some(load_with_group(state, id).await?),
        None => None,
    };
    let (existing, versions) = existing.unzip();
    let mut page = form_page(state, session, user, existing.as_ref(), form);
    if let (Some(p), Some(versions)) = (&existing, versions) {
        page.versions = Some(versions_box(state, user, p.id, versions));
    }
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
    let parsed = super::with_language(
        typed.parse(),
        &typed.lang,
        &typed.translation_of,
        &state.site,
        true,
    );
    let ((title, summary), version) = match parsed {
        Ok(values) => values,
        Err(errors) => return render_invalid(&state, &session, &user, None, typed, errors).await,
    };
    let actor = Actor::User(user.id);
    let created = state
        .run(move |conn| actions::paths::create(conn, actor, &title, &summary, &version))
        .await?;
    let created = match created {
        Ok(created) => created,
        Err(LanguageTaken) => {
            let errors = super::language_taken();
            return render_invalid(&state, &session, &user, None, typed, errors).await;
        }
    };
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

/// Path `id` and the versions of its translation group.
async fn load_with_group(
    state: &web::Data<AppState>,
    id: i32,
) -> AppResult<(LearningPath, Vec<crate::models::Version>)> {
    state
        .run(move |conn| {
            let path = learning::path_by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let versions = learning::path_versions(conn, path.translation_of.unwrap_or(id))?;
            Ok((path, versions))
        })
        .await
}

pub async fn edit(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (existing, versions) = load_with_group(&state, path.into_inner()).await?;
    let form = PathForm::from_path(&existing);
    let mut page = form_page(&state, &session, &user, Some(&existing), form);
    page.versions = Some(versions_box(&state, &user, existing.id, versions));
    views::ok(&page)
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
