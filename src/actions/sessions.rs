//! Signing in, as the database sees it: the attempt is recorded as a (pending) failure and the
//! lockout checked before the password is verified; success forgets the pending failure after. The password itself is verified between the two, by the caller,
//! without a pooled connection held (argon2 takes tens of milliseconds).

use super::{finish, limits, Actor, Changed};
use crate::db::{self, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::User;

/// Who is trying to sign in, from where.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// Trimmed and lowercased.
    pub email: String,
    pub client_address: String,
}

impl Attempt {
    fn subjects(&self) -> limits::SignInSubjects {
        limits::sign_in_subjects(&self.email, &self.client_address)
    }
}

#[derive(Debug)]
pub enum Gate {
    /// Too many failures lately from this address, for this account or any: no password is
    /// checked.
    Locked,
    /// Go ahead after `wait` (the account has had many failures from elsewhere); the account
    /// with that email, if there is one.
    Open {
        user: Option<User>,
        wait: std::time::Duration,
        pending: Pending,
    },
}

/// The failure rows recorded for an attempt before its password is checked; they stay when the
/// password is wrong, and go when it is right.
#[derive(Debug, Clone)]
pub struct Pending(Vec<i32>);

/// Before the password is verified: records the attempt as a failure first (committed, so
/// parallel attempts see it), then forgets old failures, checks the lockout and loads the
/// account. A refused attempt's rows are forgotten: nothing was checked.
pub fn open_sign_in(conn: &mut DbConn, _actor: Actor, attempt: &Attempt) -> AppResult<Gate> {
    let now = crate::clock::now();
    let subjects = attempt.subjects();
    let pending = limits::record_pending_sign_in(conn, &subjects)?;
    let gate = conn.transaction::<_, AppError, _>(|conn| {
        let wait = match limits::sign_in_limit(conn, &subjects, &pending, now)? {
            limits::SignInLimit::Locked => {
                limits::forget_pending_sign_in(conn, &pending)?;
                return Ok(Gate::Locked);
            }
            limits::SignInLimit::Wait(wait) => wait,
        };
        let user = db::users::by_email(conn, &attempt.email)?;
        Ok(Gate::Open {
            user,
            wait,
            pending: Pending(pending),
        })
    })?;
    if let Gate::Locked = gate {
        crate::metrics::sign_in_lockout();
    }
    Ok(gate)
}

/// After the password was verified: `signed_in` is the active account whose password matched,
/// or `None` for any failure (wrong password, no such account, deactivated). Success forgets
/// the attempt's pending rows and the failures of the account from this address (the address
/// and the account as a whole keep their counts); a failure keeps the pending rows, which
/// count against all three.
pub fn close_sign_in(
    conn: &mut DbConn,
    actor: Actor,
    attempt: &Attempt,
    pending: &Pending,
    signed_in: Option<i32>,
) -> AppResult<Changed> {
    let subjects = attempt.subjects();
    let changed = conn.transaction::<_, AppError, _>(|conn| {
        let changed = match signed_in {
            Some(user_id) => {
                limits::forget_pending_sign_in(conn, &pending.0)?;
                limits::clear_sign_in_failures(conn, &subjects.pair)?;
                // Read in this transaction: a reset or deactivation since the password was
                // loaded has bumped it, and the session must not outlive that.
                let user = db::users::by_id(conn, user_id)?.ok_or(AppError::NotFound)?;
                Changed::SignIn {
                    user_id,
                    generation: user.session_generation,
                }
            }
            None => Changed::Nothing,
        };
        Ok(finish(conn, actor, Vec::new(), changed)?)
    })?;
    if signed_in.is_none() {
        crate::metrics::sign_in_failure();
    }
    Ok(changed)
}

/// Signing out ends every session of the account, on every device and instance (a copy of the
/// cookie taken before is worth nothing after it): the account's session generation is bumped.
pub fn sign_out(conn: &mut DbConn, actor: Actor) -> AppResult<Changed> {
    let id = actor.user_id().ok_or(AppError::Forbidden)?;
    conn.transaction::<_, AppError, _>(|conn| {
        db::users::bump_session_generation(conn, id)?;
        Ok(finish(conn, actor, Vec::new(), Changed::User { id })?)
    })
}
