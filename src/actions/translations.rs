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

/// Why a new version's transaction ended without committing.
pub enum Abort {
    Taken,
    Failed(AppError),
}

impl From<AppError> for Abort {
    fn from(e: AppError) -> Self {
        Abort::Failed(e)
    }
}

impl From<diesel::result::Error> for Abort {
    /// The one-version-per-language index (`*_translation`) refusing a row means another
    /// version in that language was saved at the same moment.
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match &e {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info)
                if info
                    .constraint_name()
                    .is_some_and(|name| name.ends_with("_translation"))
                    || info.message().contains(".translation_of") =>
            {
                Abort::Taken
            }
            _ => Abort::Failed(e.into()),
        }
    }
}

/// Creates a new version in one transaction; `LanguageTaken` (from `original_for`, or from the
/// unique index when two are saved at once) rolls it back.
pub fn create_version<T>(
    conn: &mut DbConn,
    write: impl FnOnce(&mut DbConn) -> Result<T, Abort>,
) -> AppResult<Result<T, LanguageTaken>> {
    match conn.transaction::<_, Abort, _>(write) {
        Ok(created) => Ok(Ok(created)),
        Err(Abort::Taken) => Ok(Err(LanguageTaken)),
        Err(Abort::Failed(e)) => Err(e),
    }
}

/// The original a new version in `wanted.lang` points at: the original of the group of the
/// item it translates (a translation of a translation joins the same group), or none for
/// content of its own. An unknown item is a 404; a language the group has is `Taken`.
pub fn original_for(
    conn: &mut DbConn,
    wanted: &ContentLang,
    groups: &Groups,
) -> Result<Option<i32>, Abort> {
    let Some(asked) = wanted.translation_of else {
        return Ok(None);
    };
    let group = (groups.group_of)(conn, asked)?.ok_or(AppError::NotFound)?;
    if translations::language_taken(&(groups.versions)(conn, group)?, &wanted.lang) {
        return Err(Abort::Taken);
    }
    Ok(Some(group))
}

/// The audit fields of a new item's language and original.
pub fn audited<'a>(audit: Audit<'a>, lang: &str, original: Option<i32>) -> Audit<'a> {
    let audit = audit.field("lang", "", lang);
    match original {
        Some(id) => audit.field("translation_of", "", &id.to_string()),
        None => audit,
    }
}
