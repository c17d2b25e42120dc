//! Editors' writes to articles: create, update, publish and unpublish, a step up or down the
//! path, delete. Each owns its transaction and its audit entry and says what changed.

use super::translations::{self, Groups, LanguageTaken};
use super::{finish, Actor, Audit, Changed, Created, Moved};
use crate::db::{editorial, learning, DbConn};
use crate::domain::changes::{self, ArticleSnapshot};
use crate::error::{AppError, AppResult};
use crate::forms::article::ArticleInput;
use crate::models::{Article, ArticleStatus, ContentLang};

const ENTITY: &str = "article";

const GROUPS: Groups = Groups {
    group_of: learning::article_group_of,
    versions: learning::article_versions,
};

/// How a publish or unpublish ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    Done(Changed),
    /// The article already has that status: nothing was written.
    Already,
}

/// A move within a path, and the path it happened in (for the redirect).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathMove {
    pub path_id: Option<i32>,
    pub moved: Moved,
}

fn load(conn: &mut DbConn, id: i32) -> AppResult<Article> {
    learning::article_by_id(conn, id)?.ok_or(AppError::NotFound)
}

/// An article and everything the audit trail compares, read inside the transaction.
fn snapshot(conn: &mut DbConn, id: i32) -> AppResult<(Article, ArticleSnapshot)> {
    let article = load(conn, id)?;
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
    Ok((article, snap))
}

/// Inserts a new article in `version.lang` with its FAQ, skills and place in its path; a
/// translation when `version.translation_of` is set, refused when its group has the language.
pub fn create(
    conn: &mut DbConn,
    actor: Actor,
    input: &ArticleInput,
    version: &ContentLang,
) -> AppResult<Result<Created, LanguageTaken>> {
    translations::create_version(conn, |conn| {
        let original = translations::original_for(conn, version, &GROUPS)?;
        let slug = learning::unique_article_slug(conn, &input.fields.title, None)?;
        let id = learning::insert_article(conn, &slug, &input.fields, actor.user_id())?;
        learning::set_article_language(conn, id, &version.lang, original)?;
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
        let (_, after) = snapshot(conn, id)?;
        let audit = Audit::new(ENTITY, id, "create").with_changes(changes::article_changes(
            &ArticleSnapshot::default(),
            &after,
        ));
        let audit = translations::audited(audit, &version.lang, original);
        let changed = finish(conn, actor, vec![audit], Changed::Article { id })?;
        Ok(Created { id, changed })
    })
}

/// Why an update's transaction ended without committing.
enum Abort {
    /// The form equals what is stored: roll back so `updated_at` does not move.
    Unchanged,
    Failed(AppError),
}

impl From<AppError> for Abort {
    fn from(e: AppError) -> Self {
        Abort::Failed(e)
    }
}

impl From<diesel::result::Error> for Abort {
    fn from(e: diesel::result::Error) -> Self {
        Abort::Failed(e.into())
    }
}

/// Saves an edit; `Changed::Nothing` when the form equals what is stored (nothing is written).
pub fn update(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    input: &ArticleInput,
) -> AppResult<Changed> {
    match conn.transaction::<_, Abort, _>(|conn| save_edit(conn, actor, id, input)) {
        Ok(changed) => Ok(changed),
        Err(Abort::Unchanged) => Ok(Changed::Nothing),
        Err(Abort::Failed(e)) => Err(e),
    }
}

/// The slug follows the title only while the article has never been published: after that its
/// public address must not break.
fn save_edit(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    input: &ArticleInput,
) -> Result<Changed, Abort> {
    let (old, before) = snapshot(conn, id)?;
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
    let status_changed = old.status != input.status.as_str();
    if status_changed {
        learning::set_article_status(conn, id, input.status, published_at(&old, input.status))?;
    }
    let (_, after) = snapshot(conn, id)?;
    let diff = changes::article_changes(&before, &after);
    if diff.is_empty() {
        return Err(Abort::Unchanged);
    }
    let action = if status_changed {
        status_action(input.status)
    } else {
        "update"
    };
    let audit = Audit::new(ENTITY, id, action).with_changes(diff);
    Ok(finish(conn, actor, vec![audit], Changed::Article { id })?)
}

/// The first publication date stays: unpublishing and publishing again is not news.
fn published_at(old: &Article, to: ArticleStatus) -> Option<time::PrimitiveDateTime> {
    match to {
        ArticleStatus::Published => old.published_at.or(Some(crate::clock::now())),
        ArticleStatus::Draft => old.published_at,
    }
}

fn status_action(to: ArticleStatus) -> &'static str {
    match to {
        ArticleStatus::Published => "publish",
        ArticleStatus::Draft => "unpublish",
    }
}

/// Publishes or unpublishes from the article's page.
pub fn change_status(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    to: ArticleStatus,
) -> AppResult<StatusOutcome> {
    conn.transaction::<_, AppError, _>(|conn| {
        let article = load(conn, id)?;
        if article.status == to.as_str() {
            return Ok(StatusOutcome::Already);
        }
        learning::set_article_status(conn, id, to, published_at(&article, to))?;
        let audit =
            Audit::new(ENTITY, id, status_action(to)).field("status", &article.status, to.as_str());
        let changed = finish(conn, actor, vec![audit], Changed::Article { id })?;
        Ok(StatusOutcome::Done(changed))
    })
}

/// One step up or down its path.
pub fn move_in_path(conn: &mut DbConn, actor: Actor, id: i32, up: bool) -> AppResult<PathMove> {
    conn.transaction::<_, AppError, _>(|conn| {
        let article = load(conn, id)?;
        let moved = match editorial::move_article(conn, &article, up)? {
            None => Moved::AtEnd,
            Some((from, to)) => {
                let audit = Audit::new(ENTITY, id, "move").field(
                    "position",
                    &from.to_string(),
                    &to.to_string(),
                );
                Moved::Done(finish(conn, actor, vec![audit], Changed::Article { id })?)
            }
        };
        Ok(PathMove {
            path_id: article.path_id,
            moved,
        })
    })
}

/// Deletes an article (its comments go with it) and closes the gap in its path.
pub fn delete(conn: &mut DbConn, actor: Actor, id: i32) -> AppResult<Changed> {
    conn.transaction::<_, AppError, _>(|conn| {
        let article = load(conn, id)?;
        learning::delete_article(conn, id)?;
        if let Some(path_id) = article.path_id {
            editorial::renumber_path(conn, path_id)?;
        }
        let audit = Audit::new(ENTITY, id, "delete")
            .field("title", &article.title, "")
            .field("slug", &article.slug, "");
        Ok(finish(conn, actor, vec![audit], Changed::Article { id })?)
    })
}
