//! Where a new version of translated content goes, shared by the vacancy, article and path
//! actions: a translation joins its group's original, one version per language.

use super::Audit;
use crate::db::DbConn;
use crate::domain::translations;
use crate::error::{AppError, AppResult};
use crate::models::{ContentLang, Version};

/// The group already has a version in the language asked for: nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageTaken;

/// How a table reaches its translation groups (`db::vacancies::group_of`, `versions`, …).
pub struct Groups {
    pub group_of: fn(&mut DbConn, i32) -> diesel::QueryResult<Option<i32>>,
    pub versions: fn(&mut DbConn, i32) -> diesel::QueryResult<Vec<Version>>,
}

/// The original a new version in `wanted.lang` points at: the original of the group of the
/// item it translates (a translation of a translation joins the same group), or none for
/// content of its own. An unknown item is a 404.
pub fn original_for(
    conn: &mut DbConn,
    wanted: &ContentLang,
    groups: &Groups,
) -> AppResult<Result<Option<i32>, LanguageTaken>> {
    let Some(asked) = wanted.translation_of else {
        return Ok(Ok(None));
    };
    let group = (groups.group_of)(conn, asked)?.ok_or(AppError::NotFound)?;
    if translations::language_taken(&(groups.versions)(conn, group)?, &wanted.lang) {
        return Ok(Err(LanguageTaken));
    }
    Ok(Ok(Some(group)))
}

/// The audit fields of a new item's language and original.
pub fn audited<'a>(audit: Audit<'a>, lang: &str, original: Option<i32>) -> Audit<'a> {
    let audit = audit.field("lang", "", lang);
    match original {
        Some(id) => audit.field("translation_of", "", &id.to_string()),
        None => audit,
    }
}
