//! Every write to applications: a candidate applying, withdrawing or erasing through the receipt
//! token; recruiters moving the status, adding notes, erasing, exporting and reading CVs; and
//! the retention purge. Reading candidates' data in bulk (export, CV) is recorded like a write.

use time::{Duration, PrimitiveDateTime};

use super::{finish, limits, Actor, Audit, Changed};
use crate::db::applications::Filter;
use crate::db::{self, DbConn};
use crate::error::{AppError, AppResult};
use crate::metrics::ApplicationOutcome;
use crate::models::{Application, NewApplication, NewOutboxMail, Stage, Submission};
use crate::tokens;

/// The audit trail's name for an application.
pub const ENTITY: &str = "application";
/// A second application from the same email to the same vacancy within this window is taken
/// for a double submit (a reload, a second click), not a new application.
pub const DUPLICATE_WINDOW: Duration = Duration::hours(24);

/// A checked application on its way in.
pub struct Candidacy {
    pub vacancy_id: i32,
    pub submission: Submission,
    /// Where it came from, counted against the per-hour limit.
    pub client_address: String,
    /// The referring site or campaign tag of the visit (`domain::referral`), for the reports.
    pub source: Option<String>,
}

pub enum ApplyOutcome {
    /// Stored; `token` is the receipt token, shown once and kept only as its hash.
    /// `send_receipt` is false when the email has had its receipts for the day
    /// (`limits::RECEIPTS_PER_WINDOW`): the application is kept, only the mail is skipped.
    Stored {
        id: i32,
        token: String,
        send_receipt: bool,
        changed: Changed,
        /// The messages queued in the outbox with it (the receipt, the recruiters' notice).
        mail_ids: Vec<i32>,
    },
    Duplicate,
    RateLimited,
}

/// The messages an application sends, made from its id, its receipt token and whether the
/// receipt may go out (`limits::receipt_allowed`).
pub type ComposeMails<'a> = &'a dyn Fn(i32, &str, bool) -> AppResult<Vec<NewOutboxMail>>;

/// Stores an application unless its address has used up `per_hour` or the same email applied
/// to the same vacancy lately; no mail.
pub fn apply(
    conn: &mut DbConn,
    actor: Actor,
    candidacy: Candidacy,
    per_hour: i64,
    now: PrimitiveDateTime,
) -> AppResult<ApplyOutcome> {
    apply_and_mail(conn, actor, candidacy, per_hour, now, &|_, _, _| {
        Ok(Vec::new())
    })
}

/// `apply`, with the messages `compose` makes written to the mail outbox in the same
/// transaction: stored and mailed, or neither.
pub fn apply_and_mail(
    conn: &mut DbConn,
    actor: Actor,
    candidacy: Candidacy,
    per_hour: i64,
    now: PrimitiveDateTime,
    compose: ComposeMails<'_>,
) -> AppResult<ApplyOutcome> {
    let token = tokens::random_token();
    let new = new_application(candidacy, tokens::token_hash(&token), now);
    let outcome = conn.transaction::<_, AppError, _>(|conn| {
        // Two submits of the same form must see each other for the duplicate check.
        db::applications::lock_vacancy(conn, new.vacancy_id)?;
        if limits::applications_exhausted(conn, &new.client_address, per_hour, now)? {
            return Ok(ApplyOutcome::RateLimited);
        }
        let since = now - DUPLICATE_WINDOW;
        if db::applications::recent_from(conn, new.vacancy_id, &new.email, since)?.is_some() {
            return Ok(ApplyOutcome::Duplicate);
        }
        let id = db::applications::insert(conn, &new)?;
        let send_receipt = limits::receipt_allowed(conn, &new.email, now)?;
        let mut mail_ids = Vec::new();
        for mail in compose(id, &token, send_receipt)? {
            mail_ids.push(db::outbox::insert(conn, &mail)?);
        }
        let audit = Audit::new(ENTITY, id, "apply").field("status", "", Stage::New.as_str());
        let changed = finish(conn, actor, vec![audit], Changed::Application { id })?;
        Ok(ApplyOutcome::Stored {
            id,
            token,
            send_receipt,
            changed,
            mail_ids,
        })
    })?;
    // Counted once committed.
    crate::metrics::application(match &outcome {
        ApplyOutcome::Stored { .. } => ApplicationOutcome::Stored,
        ApplyOutcome::Duplicate => ApplicationOutcome::Duplicate,
        ApplyOutcome::RateLimited => ApplicationOutcome::RateLimited,
    });
    Ok(outcome)
}

fn new_application(
    candidacy: Candidacy,
    token_hash: String,
    now: PrimitiveDateTime,
) -> NewApplication {
    let s = candidacy.submission;
    NewApplication {
        vacancy_id: candidacy.vacancy_id,
        token_hash,
        full_name: s.full_name,
        email: s.email,
        phone: s.phone,
        linkedin_url: s.linkedin_url,
        github_url: s.github_url,
        portfolio_url: s.portfolio_url,
        cover_letter: s.cover_letter,
        cv_name: s.cv_name,
        cv_type: s.cv_kind.mime().to_string(),
        cv_size: s.cv_data.len() as i32,
        cv_data: s.cv_data,
        status: Stage::New.as_str().to_string(),
        client_address: candidacy.client_address,
        source: candidacy.source,
        created_at: now,
        updated_at: now,
    }
}

/// The application behind a receipt token's hash, or `NotFound`.
fn by_token_hash(conn: &mut DbConn, token_hash: &str) -> AppResult<Application> {
    let (application, _, _) =
        db::applications::by_token_hash(conn, token_hash)?.ok_or(AppError::NotFound)?;
    Ok(application)
}

/// The candidate withdraws; an application that is no longer active stays as it is.
pub fn withdraw(conn: &mut DbConn, actor: Actor, token_hash: &str) -> AppResult<Changed> {
    conn.transaction::<_, AppError, _>(|conn| {
        let application = by_token_hash(conn, token_hash)?;
        let from = application.stage();
        if !from.is_active() {
            return Ok(Changed::Nothing);
        }
        let id = application.id;
        db::applications::set_status(conn, id, Stage::Withdrawn)?;
        let audit = Audit::new(ENTITY, id, "withdraw").field(
            "status",
            from.as_str(),
            Stage::Withdrawn.as_str(),
        );
        Ok(finish(
            conn,
            actor,
            vec![audit],
            Changed::Application { id },
        )?)
    })
}

/// The candidate erases their application through the receipt token.
pub fn erase(conn: &mut DbConn, actor: Actor, token_hash: &str) -> AppResult<Changed> {
    let changed = conn.transaction::<_, AppError, _>(|conn| {
        let id = by_token_hash(conn, token_hash)?.id;
        erase_recorded(conn, actor, id, "erase")
    })?;
    db::flush_erased(conn);
    Ok(changed)
}

/// A recruiter erases an application on the candidate's request by email or phone.
pub fn erase_by_recruiter(conn: &mut DbConn, actor: Actor, id: i32) -> AppResult<Changed> {
    let changed = conn.transaction::<_, AppError, _>(|conn| {
        db::applications::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        erase_recorded(conn, actor, id, "erase")
    })?;
    db::flush_erased(conn);
    Ok(changed)
}

/// Only the id stays in the trail, so the history shows that something was erased, not what.
fn erase_recorded(conn: &mut DbConn, actor: Actor, id: i32, action: &str) -> AppResult<Changed> {
    db::applications::erase(conn, id)?;
    let audit = Audit::new(ENTITY, id, action);
    Ok(finish(
        conn,
        actor,
        vec![audit],
        Changed::Application { id },
    )?)
}

pub enum StatusOutcome {
    Moved {
        changed: Changed,
    },
    /// The pipeline does not allow the move from `from`; nothing changed.
    Refused {
        from: Stage,
    },
}

pub fn change_status(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    to: Stage,
) -> AppResult<StatusOutcome> {
    conn.transaction::<_, AppError, _>(|conn| {
        let (application, _) = db::applications::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        let from = application.stage();
        if !from.can_move_to(to) {
            return Ok(StatusOutcome::Refused { from });
        }
        db::applications::set_status(conn, id, to)?;
        let audit = Audit::new(ENTITY, id, "status").field("status", from.as_str(), to.as_str());
        let changed = finish(conn, actor, vec![audit], Changed::Application { id })?;
        Ok(StatusOutcome::Moved { changed })
    })
}

/// Adds a recruiter's note; the trail names the note by id, never its text.
pub fn add_note(conn: &mut DbConn, actor: Actor, id: i32, body: &str) -> AppResult<Changed> {
    conn.transaction::<_, AppError, _>(|conn| {
        db::applications::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        let note_id = db::applications::add_note(conn, id, actor.user_id(), body)?;
        let audit = Audit::new(ENTITY, id, "note").field("note", "", &format!("#{note_id}"));
        Ok(finish(
            conn,
            actor,
            vec![audit],
            Changed::Application { id },
        )?)
    })
}

pub struct Exported {
    pub rows: Vec<(Application, String)>,
    pub changed: Changed,
}

/// The applications matching `filter`, for a CSV export. Taking candidates' data out in bulk
/// is recorded under id 0 with the number of rows, never the filter: its search text may be a
/// candidate's name or email, which would outlive an erasure in the trail.
pub fn export(conn: &mut DbConn, actor: Actor, filter: &Filter) -> AppResult<Exported> {
    conn.transaction::<_, AppError, _>(|conn| {
        let rows = db::applications::list(conn, filter)?;
        let count = rows.len().to_string();
        let audit = Audit::new(ENTITY, 0, "export").field("rows", "", &count);
        let changed = finish(conn, actor, vec![audit], Changed::Nothing)?;
        Ok(Exported { rows, changed })
    })
}

pub struct CvDownload {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub changed: Changed,
}

/// A stored CV for download. Who read a candidate's CV is part of the record.
pub fn download_cv(conn: &mut DbConn, actor: Actor, id: i32) -> AppResult<CvDownload> {
    conn.transaction::<_, AppError, _>(|conn| {
        let (file_name, content_type, bytes) =
            db::applications::cv(conn, id)?.ok_or(AppError::NotFound)?;
        let audit = Audit::new(ENTITY, id, "download_cv");
        let changed = finish(conn, actor, vec![audit], Changed::Nothing)?;
        Ok(CvDownload {
            file_name,
            content_type,
            bytes,
            changed,
        })
    })
}

pub struct Purged {
    pub count: usize,
    pub changed: Changed,
}

/// Erases the applications (and CVs) of closed or expired vacancies received before `before`,
/// each recorded in the trail by id only.
pub fn purge(
    conn: &mut DbConn,
    actor: Actor,
    before: PrimitiveDateTime,
    now: PrimitiveDateTime,
) -> AppResult<Purged> {
    conn.transaction::<_, AppError, _>(|conn| {
        let ids = db::applications::purgeable(conn, before, now)?;
        for id in &ids {
            db::applications::erase(conn, *id)?;
        }
        let audits = ids
            .iter()
            .map(|id| Audit::new(ENTITY, *id, "purge"))
            .collect();
        let count = ids.len();
        let changed = if ids.is_empty() {
            Changed::Nothing
        } else {
            Changed::Applications { ids }
        };
        let changed = finish(conn, actor, audits, changed)?;
        Ok(Purged { count, changed })
    })
    .inspect(|purged| {
        if purged.count > 0 {
            db::flush_erased(conn);
        }
    })
}
