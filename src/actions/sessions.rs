//! Signing in, as the database sees it: the lockout check before the password is verified and
//! the failure count after. The password itself is verified between the two, by the caller,
//! without a pooled connection held (argon2 takes tens of milliseconds).

use diesel::Connection;

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
    fn subjects(&self) -> [String; 2] {
        limits::sign_in_subjects(&self.email, &self.client_address)
    }
}

#[derive(Debug)]
pub enum Gate {
    /// Too many failures lately for the account or the address: no password is checked.
    Locked,
    /// Go ahead; the account with that email, if there is one.
    Open(Option<User>),
}

/// Before the password is verified: forgets old failures, checks the lockout and loads the
/// account.
pub fn open_sign_in(conn: &mut DbConn, _actor: Actor, attempt: &Attempt) -> AppResult<Gate> {
    let now = crate::clock::now();
    conn.transaction::<_, AppError, _>(|conn| {
        if limits::sign_in_locked(conn, &attempt.subjects(), now)? {
            return Ok(Gate::Locked);
        }
        Ok(Gate::Open(db::users::by_email(conn, &attempt.email)?))
    })
}

/// After the password was verified: `signed_in` is the active account whose password matched,
/// or `None` for any failure (wrong password, no such account, deactivated). Success clears the
/// account's failures (the address keeps its count); a failure counts against both.
pub fn close_sign_in(
    conn: &mut DbConn,
    actor: Actor,
    attempt: &Attempt,
    signed_in: Option<i32>,
) -> AppResult<Changed> {
    let [account, address] = attempt.subjects();
    conn.transaction::<_, AppError, _>(|conn| {
        let changed = match signed_in {
            Some(user_id) => {
                limits::clear_sign_in_failures(conn, &account)?;
                // Read in this transaction: a reset or deactivation since the password was
                // loaded has bumped it, and the session must not outlive that.
                let user = db::users::by_id(conn, user_id)?.ok_or(AppError::NotFound)?;
                Changed::SignIn {
                    user_id,
                    generation: user.session_generation,
                }
            }
            None => {
                limits::record_sign_in_failure(conn, &[account, address])?;
                Changed::Nothing
            }
        };
        Ok(finish(conn, actor, Vec::new(), changed)?)
    })
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
