//! Recruiters' writes to vacancies: create, update, status changes (publish, close, reopen),
//! duplicate and delete. Each owns its transaction and its audit entry and says what changed.

use super::translations::{self, Groups, LanguageTaken};
use super::{finish, reindex, Actor, Audit, Changed, Created};
use crate::db::{self, DbConn};
use crate::domain::changes;
use crate::domain::jobposting::{self, Check};
use crate::domain::lifecycle::Transition;
use crate::error::{AppError, AppResult};
use crate::messages::Msg;
use crate::models::{ContentLang, VacancyDetail, VacancyFields, VacancyStatus};
use crate::site::Site;

const ENTITY: &str = "vacancy";

const GROUPS: Groups = Groups {
    group_of: db::vacancies::group_of,
    versions: db::vacancies::versions,
};

/// How a status change ended. Refusals are outcomes, not errors: the page says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOutcome {
    Done(Changed),
    /// The change is not allowed from the vacancy's present status.
    NotAllowed {
        from: VacancyStatus,
    },
    /// Publishing or reopening would put a posting Google rejects in front of it.
    NotReady {
        /// Message keys of `locales/*/admin.ftl`.
        problems: Vec<Msg>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteOutcome {
    Deleted(Changed),
    /// Only drafts go: a published vacancy is closed instead, so its page keeps working.
    NotDraft,
}

fn load(conn: &mut DbConn, id: i32) -> AppResult<VacancyDetail> {
    db::vacancies::by_id(conn, id)?.ok_or(AppError::NotFound)
}

fn skill_names(detail: &VacancyDetail) -> Vec<String> {
    detail.skills.iter().map(|s| s.name.clone()).collect()
}

/// Inserts a draft in `version.lang`, a translation when `version.translation_of` names an item
/// of a group; refused when the group already has that language. The audit entry lists every
/// field as set from nothing.
pub fn create(
    conn: &mut DbConn,
    actor: Actor,
    fields: &VacancyFields,
    skills: &[String],
    other_languages: bool,
    version: &ContentLang,
) -> AppResult<Result<Created, LanguageTaken>> {
    translations::create_version(conn, |conn| {
        let original = translations::original_for(conn, version, &GROUPS)?;
        let categories = db::taxonomy::categories(conn)?;
        let id = db::vacancies::insert(conn, fields, skills, actor.user_id())?;
        db::vacancies::set_language(conn, id, &version.lang, original)?;
        db::vacancies::set_other_languages(conn, id, other_languages)?;
        reindex::vacancy(conn, id)?;
        let audit = Audit::new(ENTITY, id, "create").with_changes(changes::created(
            fields,
            skills,
            &categories,
        ));
        let audit = translations::audited(audit, &version.lang, original).field(
            "other_languages",
            "",
            yes_no(other_languages),
        );
        let changed = finish(conn, actor, vec![audit], Changed::Vacancy { id })?;
        Ok(Created { id, changed })
    })
}

fn yes_no(flag: bool) -> &'static str {
    if flag {
        "yes"
    } else {
        "no"
    }
}

/// Saves an edit (and whether it is listed in other languages). An edit that changes nothing writes nothing, so `updated_at` and the
/// history stay as they were. A vacancy that was never published follows its title with its
/// slug; once published the slug stays, so shared links keep working.
pub fn update(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    fields: &VacancyFields,
    skills: &[String],
    other_languages: bool,
) -> AppResult<Changed> {
    conn.transaction::<_, AppError, _>(|conn| {
        let old = load(conn, id)?;
        let categories = db::taxonomy::categories(conn)?;
        let mut diff = changes::vacancy_changes(
            &old.vacancy.fields(),
            &skill_names(&old),
            fields,
            skills,
            &categories,
        );
        if old.vacancy.other_languages != other_languages {
            diff.push(crate::models::FieldChange {
                field: "other_languages".into(),
                from: yes_no(old.vacancy.other_languages).into(),
                to: yes_no(other_languages).into(),
            });
        }
        if diff.is_empty() {
            return Ok(Changed::Nothing);
        }
        db::vacancies::update(conn, id, fields, skills)?;
        db::vacancies::set_other_languages(conn, id, other_languages)?;
        if old.vacancy.published_at.is_none() && old.vacancy.title != fields.title {
            let slug = db::vacancies::unique_slug(conn, &fields.title, Some(id))?;
            db::vacancies::set_slug(conn, id, &slug)?;
        }
        reindex::vacancy(conn, id)?;
        let audit = Audit::new(ENTITY, id, "update").with_changes(diff);
        Ok(finish(conn, actor, vec![audit], Changed::Vacancy { id })?)
    })
}

/// What Google would reject in this vacancy's posting, as messages.
fn blocking_problems(detail: &VacancyDetail, site: &Site) -> Vec<Msg> {
    let now = crate::clock::now();
    let posting = jobposting::job_posting(detail, site, detail.vacancy.published_at.unwrap_or(now));
    jobposting::checklist(&posting, now)
        .into_iter()
        .filter(Check::is_blocking)
        .map(|c| c.message)
        .collect()
}

/// Publishes, closes or reopens. `site` builds the posting that publishing must pass.
pub fn change_status(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    transition: Transition,
    site: &Site,
) -> AppResult<StatusOutcome> {
    if transition == Transition::Delete {
        return Err(AppError::BadRequest(
            crate::messages::UNKNOWN_STATUS_CHANGE.into(),
        ));
    }
    conn.transaction::<_, AppError, _>(|conn| {
        let detail = load(conn, id)?;
        let from = detail.vacancy.status();
        let Some(to) = transition.apply(from) else {
            return Ok(StatusOutcome::NotAllowed { from });
        };
        if transition.needs_ready_posting() {
            let problems = blocking_problems(&detail, site);
            if !problems.is_empty() {
                return Ok(StatusOutcome::NotReady { problems });
            }
        }
        let published_at = match transition {
            // A reopened vacancy is news again: it goes back to the top of the list.
            Transition::Publish | Transition::Reopen => Some(crate::clock::now()),
            _ => detail.vacancy.published_at,
        };
        db::vacancies::set_status(conn, id, to, published_at)?;
        let audit =
            Audit::new(ENTITY, id, transition.as_str()).field("status", from.as_str(), to.as_str());
        let changed = finish(conn, actor, vec![audit], Changed::Vacancy { id })?;
        Ok(StatusOutcome::Done(changed))
    })
}

/// Copies a vacancy into a new draft with the same fields and skills.
pub fn duplicate(conn: &mut DbConn, actor: Actor, source_id: i32) -> AppResult<Created> {
    conn.transaction::<_, AppError, _>(|conn| {
        let source = load(conn, source_id)?;
        let mut fields = source.vacancy.fields();
        // An expiry in the past would make the copy unpublishable; the recruiter sets a new one.
        if source.vacancy.is_expired(crate::clock::now()) {
            fields.valid_through = None;
        }
        let id = db::vacancies::insert(conn, &fields, &skill_names(&source), actor.user_id())?;
        // The copy is in the source's language but a vacancy of its own, not a translation.
        db::vacancies::set_language(conn, id, &source.vacancy.lang, None)?;
        db::vacancies::set_other_languages(conn, id, source.vacancy.other_languages)?;
        reindex::vacancy(conn, id)?;
        let audit =
            Audit::new(ENTITY, id, "duplicate").field("copied_from", "", &source_id.to_string());
        let changed = finish(conn, actor, vec![audit], Changed::Vacancy { id })?;
        Ok(Created { id, changed })
    })
}

/// Deletes a draft; the audit entry keeps its title.
pub fn delete(conn: &mut DbConn, actor: Actor, id: i32) -> AppResult<DeleteOutcome> {
    conn.transaction::<_, AppError, _>(|conn| {
        let detail = load(conn, id)?;
        if Transition::Delete.apply(detail.vacancy.status()).is_none() {
            return Ok(DeleteOutcome::NotDraft);
        }
        db::vacancies::delete(conn, id)?;
        let audit = Audit::new(ENTITY, id, "delete").field("title", &detail.vacancy.title, "");
        let changed = finish(conn, actor, vec![audit], Changed::Vacancy { id })?;
        Ok(DeleteOutcome::Deleted(changed))
    })
}

/// Takes vacancies whose `valid_through` passed off the board, with their translation groups
/// re-listed (an expired translation gives its language back to the original). Run by the
/// expiry sweep `serve` starts; returns how many groups changed.
pub fn expire_lapsed(conn: &mut DbConn) -> AppResult<usize> {
    conn.transaction::<_, AppError, _>(|conn| {
        let now = crate::clock::now();
        let groups = db::listing::lapsed_groups(conn, now)?;
        if groups.is_empty() {
            return Ok(0);
        }
        db::listing::sync_groups(conn, &groups, now)?;
        let count = groups.len();
        finish(
            conn,
            Actor::Operator,
            Vec::new(),
            Changed::Lapsed { groups },
        )?;
        Ok(count)
    })
}
