//! Writes to accounts: creating one, deactivating and reactivating, resetting and changing a
//! password (with the count of wrong current passwords), choosing the admin area's language.
//! Passwords arrive hashed: hashing takes tens of milliseconds, too long to hold a pooled
//! connection for.
//!
//! A password an administrator sets (on creating or resetting an account) is temporary: the
//! account is marked `must_change_password` until its user chooses their own.

use super::{finish, limits, Actor, Audit, Changed};
use crate::db::{self, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::Role;

const ENTITY: &str = "user";

/// A new account as the form or the command line gave it.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: String,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
    /// Set by an administrator for someone else (shown once): to be changed at first sign-in.
    /// An administrator created from the command line chose their own.
    pub temporary: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateOutcome {
    Created {
        id: i32,
        changed: Changed,
    },
    /// An account with this email exists already; nothing stored.
    EmailTaken,
}

pub fn create_user(
    conn: &mut DbConn,
    actor: Actor,
    account: NewAccount,
) -> AppResult<CreateOutcome> {
    conn.transaction::<_, AppError, _>(|conn| {
        if db::users::by_email(conn, &account.email)?.is_some() {
            return Ok(CreateOutcome::EmailTaken);
        }
        let id = db::users::insert(
            conn,
            &account.email,
            &account.name,
            &account.password_hash,
            account.role,
        )?;
        if account.temporary {
            db::users::set_must_change_password(conn, id, true)?;
        }
        let audit = Audit::new(ENTITY, id, "create")
            .field("email", "", &account.email)
            .field("role", "", account.role.as_str());
        let changed = finish(conn, actor, vec![audit], Changed::User { id })?;
        Ok(CreateOutcome::Created { id, changed })
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActiveOutcome {
    Done(Changed),
    /// Users cannot deactivate their own account: nobody could undo it if they are the last
    /// administrator.
    OwnAccount,
}

/// Deactivates or reactivates an account. Either way the account's sessions end (its session
/// generation is bumped): a session from before a deactivation does not come back with a
/// reactivation.
pub fn set_active(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    active: bool,
) -> AppResult<ActiveOutcome> {
    if actor == Actor::User(id) && !active {
        return Ok(ActiveOutcome::OwnAccount);
    }
    conn.transaction::<_, AppError, _>(|conn| {
        let user = db::users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        db::users::set_active(conn, id, active)?;
        db::users::bump_session_generation(conn, id)?;
        let action = if active { "reactivate" } else { "deactivate" };
        let audit = Audit::new(ENTITY, id, action).field(
            "active",
            &user.active.to_string(),
            &active.to_string(),
        );
        let changed = finish(conn, actor, vec![audit], Changed::User { id })?;
        Ok(ActiveOutcome::Done(changed))
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordReset {
    /// The account's email, to tell the administrator whose password it is.
    pub email: String,
    pub changed: Changed,
}

/// An administrator gives an account a new temporary password, to be changed at its next
/// sign-in; its sessions end.
pub fn reset_password(
    conn: &mut DbConn,
    actor: Actor,
    id: i32,
    password_hash: &str,
) -> AppResult<PasswordReset> {
    conn.transaction::<_, AppError, _>(|conn| {
        let user = db::users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        db::users::set_password(conn, id, password_hash)?;
        db::users::set_must_change_password(conn, id, true)?;
        db::users::bump_session_generation(conn, id)?;
        let audit = Audit::new(ENTITY, id, "reset_password");
        let changed = finish(conn, actor, vec![audit], Changed::User { id })?;
        Ok(PasswordReset {
            email: user.email,
            changed,
        })
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordChanged {
    pub changed: Changed,
    /// The account's new session generation: every other session has ended, the caller keeps
    /// its own by storing this one.
    pub generation: i32,
}

/// Signed-in users change their own password; the caller has checked the current one
/// (`open_password_check`, `close_password_check`). The password is their own now, no longer
/// temporary. Every session of the account ends, except the caller's if it stores the new
/// generation.
pub fn change_password(
    conn: &mut DbConn,
    actor: Actor,
    password_hash: &str,
) -> AppResult<PasswordChanged> {
    let id = actor.user_id().ok_or(AppError::Forbidden)?;
    conn.transaction::<_, AppError, _>(|conn| {
        db::users::set_password(conn, id, password_hash)?;
        db::users::set_must_change_password(conn, id, false)?;
        let generation = db::users::bump_session_generation(conn, id)?;
        let audit = Audit::new(ENTITY, id, "change_password");
        let changed = finish(conn, actor, vec![audit], Changed::User { id })?;
        Ok(PasswordChanged {
            changed,
            generation,
        })
    })
}

/// Signed-in users choose the language of their admin area; `lang` is a code the caller checked
/// against the site's languages. Choosing the language already set changes nothing.
pub fn change_language(conn: &mut DbConn, actor: Actor, lang: &str) -> AppResult<Changed> {
    let id = actor.user_id().ok_or(AppError::Forbidden)?;
    conn.transaction::<_, AppError, _>(|conn| {
        let user = db::users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
        if user.lang == lang {
            return Ok(Changed::Nothing);
        }
        db::users::set_language(conn, id, lang)?;
        let audit = Audit::new(ENTITY, id, "change_language").field("lang", &user.lang, lang);
        Ok(finish(conn, actor, vec![audit], Changed::User { id })?)
    })
}

/// The gate before the current password is verified on the change-password form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordCheck {
    /// Too many wrong current passwords lately: no password is verified.
    Locked,
    /// Verify it; the check is already counted as a failure (`close_password_check` forgets it
    /// when the password was right).
    Open(PendingCheck),
}

/// The failure row recorded for a current-password check before it is verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingCheck(i32);

/// Before the current password is verified: the check is recorded as a failure first
/// (committed at once, so parallel checks count each other, as for sign-in), then the
/// account's recent wrong current passwords are counted. Whoever holds a session (a copied
/// cookie, an unlocked computer) cannot try passwords on this form faster than on the
/// sign-in form.
pub fn open_password_check(conn: &mut DbConn, actor: Actor) -> AppResult<PasswordCheck> {
    let id = actor.user_id().ok_or(AppError::Forbidden)?;
    let subject = limits::current_password_subject(id);
    let pending = db::users::insert_failure(conn, &subject)?;
    conn.transaction::<_, AppError, _>(|conn| {
        if limits::current_password_locked(conn, &subject, crate::clock::now())? {
            limits::forget_pending_sign_in(conn, &[pending])?;
            return Ok(PasswordCheck::Locked);
        }
        Ok(PasswordCheck::Open(PendingCheck(pending)))
    })
}

/// After the current password was verified: a right one forgets the account's wrong ones (its
/// own pending row with them, like a sign-in), a wrong one keeps its row (it counts towards
/// the lock).
pub fn close_password_check(
    conn: &mut DbConn,
    actor: Actor,
    pending: &PendingCheck,
    right: bool,
) -> AppResult<Changed> {
    let id = actor.user_id().ok_or(AppError::Forbidden)?;
    conn.transaction::<_, AppError, _>(|conn| {
        if right {
            limits::forget_pending_sign_in(conn, &[pending.0])?;
            limits::clear_sign_in_failures(conn, &limits::current_password_subject(id))?;
        }
        Ok(finish(conn, actor, Vec::new(), Changed::Nothing)?)
    })
}
