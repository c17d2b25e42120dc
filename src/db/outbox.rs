//! The mail outbox: messages queued in the transaction of the change that caused them, claimed
//! by the sender before it talks to the mail server, then marked sent or failed.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::mail_outbox;
use super::DbConn;
use crate::models::{NewOutboxMail, OutboxMail};

pub fn insert(conn: &mut DbConn, mail: &NewOutboxMail) -> QueryResult<i32> {
    diesel::insert_into(mail_outbox::table)
        .values(mail)
        .returning(mail_outbox::id)
        .get_result(conn)
}

/// Messages neither sent nor given up.
fn pending() -> mail_outbox::BoxedQuery<'static, <DbConn as Connection>::Backend> {
    mail_outbox::table
        .filter(mail_outbox::sent_at.is_null())
        .filter(mail_outbox::failed_at.is_null())
        .into_boxed()
}

/// Ids of messages due for an attempt at `now` and claimed by nobody, oldest first.
pub fn due_ids(conn: &mut DbConn, now: PrimitiveDateTime, limit: i64) -> QueryResult<Vec<i32>> {
    pending()
        .filter(mail_outbox::next_attempt_at.le(now))
        .filter(
            mail_outbox::claimed_until
                .is_null()
                .or(mail_outbox::claimed_until.lt(now)),
        )
        .order(mail_outbox::id)
        .limit(limit)
        .select(mail_outbox::id)
        .load(conn)
}

/// Claims one message for a send attempt until `until`, counting the attempt; `None` when
/// another sender claimed it first (or it was sent meanwhile). `due_only`: only when its next
/// attempt is due (the outbox job); without, also before (the request that queued it).
pub fn claim(
    conn: &mut DbConn,
    id: i32,
    now: PrimitiveDateTime,
    until: PrimitiveDateTime,
    due_only: bool,
) -> QueryResult<Option<OutboxMail>> {
    // The request that queued a message may send it before its attempt is due.
    let due_by = match due_only {
        true => now,
        false => now + time::Duration::days(36500),
    };
    let claimed = diesel::update(
        mail_outbox::table
            .find(id)
            .filter(mail_outbox::sent_at.is_null())
            .filter(mail_outbox::failed_at.is_null())
            .filter(mail_outbox::next_attempt_at.le(due_by))
            .filter(
                mail_outbox::claimed_until
                    .is_null()
                    .or(mail_outbox::claimed_until.lt(now)),
            ),
    )
    .set((
        mail_outbox::claimed_until.eq(until),
        mail_outbox::attempts.eq(mail_outbox::attempts + 1),
    ))
    .execute(conn)?;
    if claimed != 1 {
        return Ok(None);
    }
    mail_outbox::table
        .find(id)
        .select(OutboxMail::as_select())
        .first(conn)
        .optional()
}

/// Marks a message sent, forgetting its body and headers: they hold private links (confirm,
/// manage, unsubscribe) that a copy of the database should not open.
pub fn mark_sent(conn: &mut DbConn, id: i32, now: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::body.eq(""),
            mail_outbox::headers.eq(""),
            mail_outbox::sent_at.eq(now),
            mail_outbox::claimed_until.eq(None::<PrimitiveDateTime>),
            mail_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
}

/// A failed attempt: tried again at `retry_at`, or given up (`failed_at`) when `None`.
pub fn mark_failed(
    conn: &mut DbConn,
    id: i32,
    error: &str,
    retry_at: Option<PrimitiveDateTime>,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    let target = mail_outbox::table.find(id);
    let error = mail_outbox::last_error.eq(Some(error.to_string()));
    let unclaim = mail_outbox::claimed_until.eq(None::<PrimitiveDateTime>);
    match retry_at {
        Some(at) => diesel::update(target)
            .set((error, unclaim, mail_outbox::next_attempt_at.eq(at)))
            .execute(conn),
        // Given up: the body goes like a sent one's.
        None => diesel::update(target)
            .set((
                error,
                unclaim,
                mail_outbox::failed_at.eq(now),
                mail_outbox::body.eq(""),
                mail_outbox::headers.eq(""),
            ))
            .execute(conn),
    }
}

/// Messages waiting to be sent (the outbox depth).
pub fn count_pending(conn: &mut DbConn) -> QueryResult<i64> {
    pending().count().get_result(conn)
}

/// Messages of `kinds` queued for `recipient` since `since` (the per-address limit).
pub fn count_to_since(
    conn: &mut DbConn,
    recipient: &str,
    kinds: &[&str],
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    mail_outbox::table
        .filter(mail_outbox::recipient.eq(recipient))
        .filter(mail_outbox::kind.eq_any(kinds))
        .filter(mail_outbox::created_at.gt(since))
        .count()
        .get_result(conn)
}

/// Forgets messages sent or given up before `before`: they hold addresses and links.
pub fn prune_done_before(conn: &mut DbConn, before: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        mail_outbox::table.filter(
            mail_outbox::sent_at
                .lt(before)
                .or(mail_outbox::failed_at.lt(before)),
        ),
    )
    .execute(conn)
}
