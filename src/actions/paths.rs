//! Editors' writes to learning paths: create, rename (title and summary), a step up or down the
//! list, delete. Each owns its transaction and its audit entry and says what changed.

use super::translations::{self, Groups, LanguageTaken};
use super::{finish, Actor, Audit, Changed, Created, Moved};
use crate::db::{editorial, learning, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::{ContentLang, LearningPath};

const ENTITY: &str = "path";

const GROUPS: Groups = Groups {
    group_of: learning::path_group_of,
    versions: learning::path_versions,
};

/// A deleted path: its title and how many articles it let go, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub title: String,
    pub released: usize,
    pub changed: Changed,
}

fn load(conn: &mut DbConn, id: i32) -> AppResult<LearningPath> {
    learning::path_by_id(conn, id)?.ok_or(AppError::NotFound)
}

/// Adds a path in `version.lang` at the end of the list, with a slug made from its title; a
/// translation when `version.translation_of` is set, refused when its group has the language.
pub fn create(
    conn: &mut DbConn,
    actor: Actor,
    title: &str,
    summary: &str,
    version: &ContentLang,
) -> AppResult<Result<Created, LanguageTaken>> {
    translations::create_version(conn, |conn| {
        let original = translations::original_for(conn, version, &GROUPS)?;
        let slug = editorial::unique_path_slug(conn, title)?;
        let position = editorial::next_path_position(conn)?;
        let id = learning::insert_path(conn, &slug, title, summary, position)?;
        learning::set_path_language(conn, id, &version.lang, original)?;
        let audit = Audit::new(ENTITY, id, "create")
            .field("title", "", title)
            .field("slug", "", &slug)
            .field("summary", "", summary);
        let audit = translations::audited(audit, &version.lang, original);
        let changed = finish(conn, actor, vec![audit], Changed::Path { id })?;
        Ok(Created { id, changed })
    })
}

/// Saves title and summary; `Changed::Nothing` when both are as stored. The slug stays, so the
/// public address of the path does not break.
pub fn update(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    title: &str,
    summary: &str,
) -> AppResult<Changed> {
    conn.transaction::<_, AppError, _>(|conn| {
        let old = load(conn, id)?;
        let mut audit = Audit::new(ENTITY, id, "update");
        if old.title != title {
            audit = audit.field("title", &old.title, title);
        }
        if old.summary != summary {
            audit = audit.field("summary", &old.summary, summary);
        }
        if audit.changes.is_empty() {
            return Ok(Changed::Nothing);
        }
        learning::update_path(conn, id, title, summary, old.position)?;
        Ok(finish(conn, actor, vec![audit], Changed::Path { id })?)
    })
}

/// Deletes a path; its articles stay, in no path.
pub fn delete(conn: &mut DbConn, actor: Actor, id: i32) -> AppResult<Deleted> {
    conn.transaction::<_, AppError, _>(|conn| {
        let old = load(conn, id)?;
        let released = learning::delete_path(conn, id)?;
        let audit = Audit::new(ENTITY, id, "delete").field("title", &old.title, "");
        let changed = finish(conn, actor, vec![audit], Changed::Path { id })?;
        Ok(Deleted {
            title: old.title,
            released,
            changed,
        })
    })
}

/// One step up or down the list of paths.
pub fn move_path(conn: &mut DbConn, actor: Actor, id: i32, up: bool) -> AppResult<Moved> {
    conn.transaction::<_, AppError, _>(|conn| {
        load(conn, id)?;
        let Some((from, to)) = editorial::move_path(conn, id, up)? else {
            return Ok(Moved::AtEnd);
        };
        let audit =
            Audit::new(ENTITY, id, "move").field("position", &from.to_string(), &to.to_string());
        Ok(Moved::Done(finish(
            conn,
            actor,
            vec![audit],
            Changed::Path { id },
        )?))
    })
}
