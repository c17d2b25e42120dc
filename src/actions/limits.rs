//! What is counted in the database so that every instance sees the same count: sign-in
//! failures, applications, comments and alert subscriptions per client address, alert mails
//! per address. Actions ask here before they write.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use crate::db::{self, DbConn};

/// Failures within the window that lock an address out of one account, or out of every
/// account. Failures for an account from all addresses only slow it down (`sign_in_delay`), so
/// nobody can lock the owner out by failing on purpose from addresses of their own.
pub const SIGN_IN_FAILURES: i64 = 5;
/// The longest wait before an account's password is checked.
pub const MAX_SIGN_IN_DELAY_SECS: u64 = 8;
pub const SIGN_IN_WINDOW: Duration = Duration::minutes(15);
/// Wrong current passwords on the change-password form, per account within `SIGN_IN_WINDOW`,
/// after which the form refuses to check another until the window has passed.
pub const CURRENT_PASSWORD_FAILURES: i64 = 5;
/// Comments one address may send in `COMMENT_WINDOW`.
pub const COMMENTS_PER_WINDOW: i64 = 5;
pub const COMMENT_WINDOW: Duration = Duration::hours(1);
/// Applications are counted per hour against `APPLY_PER_HOUR`.
pub const APPLY_WINDOW: Duration = Duration::hours(1);
/// Receipt mails one address may be sent in `RECEIPT_WINDOW`. The address is typed by whoever
/// applies and never verified, so without a bound the apply form would mail anyone, often.
pub const RECEIPTS_PER_WINDOW: i64 = 3;
pub const RECEIPT_WINDOW: Duration = Duration::days(1);
/// New job alert subscriptions one client address may make per hour.
pub const ALERT_SUBSCRIPTIONS_PER_HOUR: i64 = 10;
/// Alert confirmation and "already subscribed" mails one address gets per day, however often
/// someone types it into the form.
pub const ALERT_OPT_IN_MAILS_PER_DAY: i64 = 3;

/// The subjects sign-in failures are counted against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInSubjects {
    /// The account from this address: locks after `SIGN_IN_FAILURES`.
    pub pair: String,
    /// The address, whatever the account: locks after `SIGN_IN_FAILURES`.
    pub address: String,
    /// The account from anywhere: only slows down (`sign_in_delay`).
    pub account: String,
}

impl SignInSubjects {
    pub fn all(&self) -> [String; 3] {
        [
            self.pair.clone(),
            self.address.clone(),
            self.account.clone(),
        ]
    }
}

pub fn sign_in_subjects(email: &str, address: &str) -> SignInSubjects {
    SignInSubjects {
        pair: format!("pair:{email}|{address}"),
        address: format!("ip:{address}"),
        account: format!("email:{email}"),
    }
}

/// What the failure counts say about an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInLimit {
    /// Too many failures from this address (for this account or for any): refused.
    Locked,
    /// Go ahead after waiting this long (failures for the account from many addresses).
    Wait(std::time::Duration),
}

/// The wait before the password of an account with `failures` recent failures (from every
/// address) is checked: none below `SIGN_IN_FAILURES`, then 1, 2, 4, 8, 8… seconds. Never a
/// refusal: the owner's right password from a new address always gets through.
pub fn sign_in_delay(failures: i64) -> std::time::Duration {
    let over = failures - SIGN_IN_FAILURES;
    if over < 0 {
        return std::time::Duration::ZERO;
    }
    let secs = 1u64
        .checked_shl(over.min(16) as u32)
        .unwrap_or(u64::MAX)
        .min(MAX_SIGN_IN_DELAY_SECS);
    std::time::Duration::from_secs(secs)
}

/// Records an attempt as a failure before its password is checked, each subject in a statement
/// of its own (committed at once, outside any transaction), and gives the rows' ids. Counting
/// after that is what bounds parallel attempts: of N attempts racing, the k-th to commit sees
/// at least k rows, so at most `SIGN_IN_FAILURES` see few enough to go on.
pub fn record_pending_sign_in(
    conn: &mut DbConn,
    subjects: &SignInSubjects,
) -> QueryResult<Vec<i32>> {
    subjects
        .all()
        .iter()
        .map(|subject| db::users::insert_failure(conn, subject))
        .collect()
}

/// The limit for an attempt already recorded by `record_pending_sign_in` (`pending`, in the
/// order of `SignInSubjects::all`). Only rows recorded up to the attempt's own count: of many
/// parallel attempts the first five are checked and the others refused, and the refused ones
/// (which forget their rows) cannot unlock what the checked ones locked. Old failures are
/// forgotten here, so the table stays small.
pub fn sign_in_limit(
    conn: &mut DbConn,
    subjects: &SignInSubjects,
    pending: &[i32],
    now: PrimitiveDateTime,
) -> QueryResult<SignInLimit> {
    let since = now - SIGN_IN_WINDOW;
    db::users::prune_failures(conn, since)?;
    let own = |i: usize| pending.get(i).copied().unwrap_or(i32::MAX);
    for (subject, up_to) in [(&subjects.pair, own(0)), (&subjects.address, own(1))] {
        if db::users::failures_up_to(conn, subject, since, up_to)? > SIGN_IN_FAILURES {
            return Ok(SignInLimit::Locked);
        }
    }
    let account = db::users::failures_up_to(conn, &subjects.account, since, own(2))? - 1;
    Ok(SignInLimit::Wait(sign_in_delay(account)))
}

/// The subject the change-password form's wrong current passwords are counted against.
pub fn current_password_subject(user_id: i32) -> String {
    format!("current:{user_id}")
}

/// True when the account has had more than `CURRENT_PASSWORD_FAILURES` wrong current passwords
/// in the window, the check just recorded (by `open_password_check`) included.
pub fn current_password_locked(
    conn: &mut DbConn,
    subject: &str,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let since = now - SIGN_IN_WINDOW;
    db::users::prune_failures(conn, since)?;
    Ok(db::users::failures_since(conn, subject, since)? > CURRENT_PASSWORD_FAILURES)
}

/// Forgets an attempt's pending rows: it was refused unchecked, or it succeeded.
pub fn forget_pending_sign_in(conn: &mut DbConn, ids: &[i32]) -> QueryResult<()> {
    db::users::delete_failures(conn, ids)
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

/// True when `address` has made its alert subscriptions for the hour.
pub fn alert_subscriptions_exhausted(
    conn: &mut DbConn,
    address: &str,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let since = now - Duration::hours(1);
    Ok(db::alerts::count_from_address_since(conn, address, since)? >= ALERT_SUBSCRIPTIONS_PER_HOUR)
}

/// True when `email` has had its alert opt-in mails (confirm, "already subscribed") today.
pub fn alert_mails_exhausted(
    conn: &mut DbConn,
    email: &str,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    use crate::models::mail_kind::{ALERT_CONFIRM, ALERT_KNOWN};
    let since = now - Duration::days(1);
    let sent = db::outbox::count_to_since(conn, email, &[ALERT_CONFIRM, ALERT_KNOWN], since)?;
    Ok(sent >= ALERT_OPT_IN_MAILS_PER_DAY)
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

#[cfg(test)]
mod tests {
    use super::sign_in_delay;
    use std::time::Duration;

    #[test]
    fn the_delay_grows_and_stops_at_eight_seconds() {
        assert_eq!(sign_in_delay(4), Duration::ZERO);
        assert_eq!(sign_in_delay(5), Duration::from_secs(1));
        assert_eq!(sign_in_delay(6), Duration::from_secs(2));
        assert_eq!(sign_in_delay(8), Duration::from_secs(8));
        assert_eq!(sign_in_delay(500), Duration::from_secs(8));
    }
}
