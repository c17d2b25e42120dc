//! What is counted in the database so that every instance sees the same count: sign-in
//! failures, applications and comments per client address. Actions ask here before they write.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use crate::db::{self, DbConn};

/// Failures within the window that lock an account or an address.
pub const SIGN_IN_FAILURES: i64 = 5;
pub const SIGN_IN_WINDOW: Duration = Duration::minutes(15);
/// Comments one address may send in `COMMENT_WINDOW`.
pub const COMMENTS_PER_WINDOW: i64 = 5;
pub const COMMENT_WINDOW: Duration = Duration::hours(1);
/// Applications are counted per hour against `APPLY_PER_HOUR`.
pub const APPLY_WINDOW: Duration = Duration::hours(1);
/// Receipt mails one address may be sent in `RECEIPT_WINDOW`. The address is typed by whoever
/// applies and never verified, so without a bound the apply form would mail anyone, often.
pub const RECEIPTS_PER_WINDOW: i64 = 3;
pub const RECEIPT_WINDOW: Duration = Duration::days(1);

/// The subjects sign-in failures are counted against: the account and the client address.
pub fn sign_in_subjects(email: &str, address: &str) -> [String; 2] {
    [format!("email:{email}"), format!("ip:{address}")]
}

/// True when any subject has had too many failures lately. Old failures are forgotten here, so
/// the table stays small.
pub fn sign_in_locked(
    conn: &mut DbConn,
    subjects: &[String],
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let since = now - SIGN_IN_WINDOW;
    db::users::prune_failures(conn, since)?;
    for subject in subjects {
        if db::users::failures_since(conn, subject, since)? >= SIGN_IN_FAILURES {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn record_sign_in_failure(conn: &mut DbConn, subjects: &[String]) -> QueryResult<()> {
    for subject in subjects {
        db::users::record_failure(conn, subject)?;
    }
    Ok(())
}

pub fn clear_sign_in_failures(conn: &mut DbConn, subject: &str) -> QueryResult<()> {
    db::users::clear_failures(conn, subject)
}

/// True when `address` has already stored `per_hour` applications within the last hour.
pub fn applications_exhausted(
    conn: &mut DbConn,
    address: &str,
    per_hour: i64,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    Ok(db::applications::count_from_address_since(conn, address, now - APPLY_WINDOW)? >= per_hour)
}

/// True when `email` may still get a receipt: counted over the applications stored for it in
/// the window, the one just stored included (so call it after the insert).
pub fn receipt_allowed(
    conn: &mut DbConn,
    email: &str,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    Ok(
        db::applications::count_from_email_since(conn, email, now - RECEIPT_WINDOW)?
            <= RECEIPTS_PER_WINDOW,
    )
}

/// True when `address` has already sent its comments for the window.
pub fn comments_exhausted(
    conn: &mut DbConn,
    address: &str,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    Ok(
        db::comments::count_from_address_since(conn, address, now - COMMENT_WINDOW)?
            >= COMMENTS_PER_WINDOW,
    )
}
