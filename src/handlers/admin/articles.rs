//! Editors' article management: list, form with a server-side Markdown preview, the admin page
//! with history, publish and unpublish, moving within a path, delete with confirmation.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{lang_of, CurrentUser};
use crate::actions::articles::StatusOutcome;
use crate::actions::translations::LanguageTaken;
use crate::actions::{self, Actor, Changed, Moved};
use crate::db::editorial::{self, PathFilter};
use crate::db::{self, audit::AuditRow, learning};
use crate::error::{AppError, AppResult};
use crate::forms::article::ArticleForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::{query_pairs, AppState};
use crate::messages;
use crate::models::{Article, ArticleStatus, Faq, LearningPath, Skill, User};
use crate::views::versions::{LanguageChoice, VersionsBox};
use crate::views::{self, flash, Area, PageCtx};

const ENTITY: &str = "article";
const AREA: Area = Area::AdminArticles;

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
    fn status_key<'a>(&self, a: &'a Article) -> &'a str {
        ArticleStatus::key_of(&a.status)
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
    /// A new article's language (and the one it translates); `None` when editing.
    choice: Option<LanguageChoice>,
    /// The translation group of the article being edited.
    versions: Option<VersionsBox>,
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
    let lang = lang_of(state, user);
    let (heading, action) = match existing {
        Some(a) => (
            lang.t_args("admin-edit-title", &[("title", a.title.as_str().into())]),
            format!("/admin/articles/{}", a.id),
        ),
        None => (lang.t("admin-article-new"), "/admin/articles".to_string()),
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
        choice: existing
            .is_none()
            .then(|| LanguageChoice::new(lang, &state.site.languages, None)),
        versions: None,
    }
}

/// The "Languages" box of article `id`'s form.
fn versions_box(
    state: &AppState,
    user: &User,
    id: i32,
    versions: Vec<crate::models::Version>,
) -> VersionsBox {
    VersionsBox::new(
        lang_of(state, user),
        "/admin/articles",
        id,
        versions,
        &state.site.languages,
        |status| ArticleStatus::key_of(status).to_string(),
    )
}

/// What the form of a new version of an article starts from: the group's original with its
/// FAQ and skills, and its path's version in the new language.
type Original = (Article, Vec<Faq>, Vec<Skill>, Option<i32>);

fn original_for_translation(
    conn: &mut crate::db::DbConn,
    id: i32,
    lang: crate::i18n::Lang,
) -> AppResult<Original> {
    let group = learning::article_group_of(conn, id)?.ok_or(AppError::NotFound)?;
    let original = learning::article_by_id(conn, group)?.ok_or(AppError::NotFound)?;
    let path = match original.path_id {
        Some(pid) => {
            let path_group = learning::path_group_of(conn, pid)?.unwrap_or(pid);
            let versions = learning::path_versions(conn, path_group)?;
            versions
                .iter()
                .find(|v| v.lang == lang.code())
                .map(|v| v.id)
                .or(Some(pid))
        }
        None => None,
    };
    Ok((
        original,
        learning::faqs_of(conn, group)?,
        learning::skills_of_article(conn, group)?,
        path,
    ))
}

/// The form of a new article; `?translate={id}&lang={code}` fills it from the original of that
/// article's translation group, as its version in that language.
pub async fn new(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let translate = super::translate_query(&req, &state.site)?;
    let (paths, original) = state
        .run(move |conn| {
            let original = match translate {
                Some((id, lang)) => Some(original_for_translation(conn, id, lang)?),
                None => None,
            };
            Ok((learning::paths(conn)?, original))
        })
        .await?;
    let (form, notice) = match (&original, translate) {
        (Some((article, faqs, skills, path)), Some((_, lang))) => (
            ArticleForm::translating(article, faqs, skills, lang.code(), *path),
            Some((article.title.as_str(), lang.code())),
        ),
        _ => {
            let mut form = ArticleForm::blank();
            form.lang = state.site.default_lang.code().to_string();
            // "Add an article" from a path's row preselects that path.
            if let Some((_, id)) = query_pairs(req.query_string())
                .into_iter()
                .find(|(k, _)| k == "path")
            {
                if paths.iter().any(|p| p.id.to_string() == id) {
                    form.path = id;
                }
            }
            (form, None)
        }
    };
    let mut page = form_page(&state, &session, &user, None, form, paths);
    page.choice = Some(LanguageChoice::new(
        lang_of(&state, &user),
        &state.site.languages,
        notice,
    ));
    views::ok(&page)
}

/// The form with the body as readers will see it. A preview of a half-written article is still
/// useful, so it shows no field errors.
fn render_preview(mut page: FormPage) -> AppResult<HttpResponse> {
    page.preview_html = crate::domain::markdown::to_html(&page.form.body);
    page.preview_faqs = page
        .form
        .faqs
        .iter()
        .filter(|(q, a)| !q.trim().is_empty() && !a.trim().is_empty())
        .cloned()
        .collect();
    views::ok(&page)
}

/// Saves or previews the form; `existing` is the article being edited, with its group.
async fn submit(
    user: User,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
    existing: Option<(Article, Vec<crate::models::Version>)>,
    paths: Vec<LearningPath>,
) -> AppResult<HttpResponse> {
    let typed = ArticleForm::from_form(&form);
    let parsed = super::with_language(
        typed.parse(&paths),
        &typed.lang,
        &typed.translation_of,
        &state.site,
        existing.is_none(),
    );
    let (existing, versions) = existing.unzip();
    let mut page = form_page(&state, &session, &user, existing.as_ref(), typed, paths);
    if let (Some(a), Some(versions)) = (&existing, versions) {
        page.versions = Some(versions_box(&state, &user, a.id, versions));
    }
    if form.get("intent") == "preview" {
        return render_preview(page);
    }
    let (input, version) = match parsed {
        Ok(parsed) => parsed,
        Err(errors) => return invalid(page, errors),
    };
    let actor = Actor::User(user.id);
    let (id, changed) = match existing.map(|a| a.id) {
        None => {
            let created = state
                .run(move |conn| actions::articles::create(conn, actor, &input, &version))
                .await?;
            match created {
                Ok(created) => (created.id, created.changed),
                Err(LanguageTaken) => return invalid(page, super::language_taken()),
            }
        }
        Some(id) => {
            let changed = state
                .run(move |conn| actions::articles::update(conn, actor, id, &input))
                .await?;
            (id, changed)
        }
    };
    let done = match changed {
        Changed::Nothing => "admin-nothing-changed",
        _ => "admin-article-saved",
    };
    flash(&session, "success", lang_of(&state, &user).t(done));
    Ok(views::redirect(&format!("/admin/articles/{id}")))
}

/// The form again with its problems beside the fields.
fn invalid(mut page: FormPage, errors: FieldErrors) -> AppResult<HttpResponse> {
    page.errors = errors;
    views::render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn create(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let paths = state.run(|conn| Ok(learning::paths(conn)?)).await?;
    submit(user, form, state, session, None, paths).await
}

/// Article `id` and the versions of its translation group.
fn article_with_group(
    conn: &mut crate::db::DbConn,
    id: i32,
) -> AppResult<(Article, Vec<crate::models::Version>)> {
    let article = learning::article_by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let versions = learning::article_versions(conn, article.translation_of.unwrap_or(id))?;
    Ok((article, versions))
}

pub async fn edit(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let ((article, versions), faqs, skills, paths) = state
        .run(move |conn| {
            Ok((
                article_with_group(conn, id)?,
                learning::faqs_of(conn, id)?,
                learning::skills_of_article(conn, id)?,
                learning::paths(conn)?,
            ))
        })
        .await?;
    let form = ArticleForm::from_article(&article, &faqs, &skills);
    let mut page = form_page(&state, &session, &user, Some(&article), form, paths);
    page.versions = Some(versions_box(&state, &user, id, versions));
    views::ok(&page)
}

pub async fn update(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (existing, paths) = state
        .run(move |conn| Ok((article_with_group(conn, id)?, learning::paths(conn)?)))
        .await?;
    submit(user, form, state, session, Some(existing), paths).await
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
    let to = match form.get("action") {
        "publish" => ArticleStatus::Published,
        "unpublish" => ArticleStatus::Draft,
        _ => return Err(AppError::BadRequest(messages::UNKNOWN_STATUS_CHANGE.into())),
    };
    let actor = Actor::User(user.id);
    let outcome = state
        .run(move |conn| actions::articles::change_status(conn, actor, id, to))
        .await?;
    let (kind, key) = match (outcome, to) {
        (StatusOutcome::Already, ArticleStatus::Published) => {
            ("error", "admin-article-already-published")
        }
        (StatusOutcome::Already, ArticleStatus::Draft) => ("error", "admin-article-already-draft"),
        (StatusOutcome::Done(_), ArticleStatus::Published) => {
            ("success", "admin-article-published")
        }
        (StatusOutcome::Done(_), ArticleStatus::Draft) => ("success", "admin-article-unpublished"),
    };
    flash(&session, kind, lang_of(&state, &user).t(key));
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
        _ => return Err(AppError::BadRequest(messages::MOVE_UP_OR_DOWN.into())),
    };
    let actor = Actor::User(user.id);
    let outcome = state
        .run(move |conn| actions::articles::move_in_path(conn, actor, id, up))
        .await?;
    if outcome.moved == Moved::AtEnd {
        flash(
            &session,
            "error",
            lang_of(&state, &user).t("admin-article-at-end"),
        );
    }
    Ok(views::redirect(&match outcome.path_id {
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
    let id = path.into_inner();
    let actor = Actor::User(user.id);
    state
        .run(move |conn| actions::articles::delete(conn, actor, id))
        .await?;
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-article-deleted"),
    );
    Ok(views::redirect("/admin/articles"))
}
