//! Writes of the mail outbox's claim-send-mark cycle: a sender claims a message before it talks
//! to the mail server, then records it sent, to be retried with backoff, or given up (and a
//! subscriber whose digests keep failing dropped). The messages themselves are written by the
//! actions that cause them (`alerts`, `applications`).

use time::{Duration, PrimitiveDateTime};

use super::alerts::MAX_DIGEST_FAILURES;
use super::{finish, Actor, Changed};
use crate::db::{self, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::{mail_kind, OutboxMail};

/// Send attempts of one message before it is given up.
pub const MAX_MAIL_ATTEMPTS: i32 = 6;
/// How long a sender holds a claimed message: longer than an SMTP exchange may take (lettre
/// gives up after 20 s), so a live sender never loses its claim.
pub const MAIL_CLAIM: Duration = Duration::minutes(5);

/// Claims an outbox message for one send attempt (see `db::outbox::claim`).
pub fn claim_mail(
    conn: &mut DbConn,
    id: i32,
    now: PrimitiveDateTime,
    due_only: bool,
) -> AppResult<Option<OutboxMail>> {
    Ok(db::outbox::claim(
        conn,
        id,
        now,
        now + MAIL_CLAIM,
        due_only,
    )?)
}

/// The wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most six hours.
pub fn retry_delay(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let minutes = 1i64.checked_shl(exponent).unwrap_or(i64::MAX).min(360);
    Duration::minutes(minutes)
}

/// What became of a send attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendResult {
    Sent,
    /// Failed; tried again later.
    Retrying,
    /// Failed for the last time: given up (and the subscriber dropped after repeated failed
    /// digests).
    GivenUp,
}

/// Records the result of a send attempt of a claimed message.
pub fn record_send(
    conn: &mut DbConn,
    mail: &OutboxMail,
    result: Result<(), String>,
    now: PrimitiveDateTime,
) -> AppResult<SendResult> {
    conn.transaction::<_, AppError, _>(|conn| {
        let digest = mail.kind == mail_kind::ALERT_DIGEST;
        let outcome = match result {
            Ok(()) => {
                db::outbox::mark_sent(conn, mail.id, now)?;
                if let (true, Some(id)) = (digest, mail.subscription_id) {
                    db::alerts::clear_failures(conn, id)?;
                }
                SendResult::Sent
            }
            Err(error) if mail.attempts < MAX_MAIL_ATTEMPTS => {
                let retry_at = now + retry_delay(mail.attempts);
                db::outbox::mark_failed(conn, mail.id, &error, Some(retry_at), now)?;
                SendResult::Retrying
            }
            Err(error) => {
                db::outbox::mark_failed(conn, mail.id, &error, None, now)?;
                if let (true, Some(id)) = (digest, mail.subscription_id) {
                    if db::alerts::record_failure(conn, id, MAX_DIGEST_FAILURES, now)? {
                        log::warn!("alert subscriber {id} dropped after failed digests");
                    }
                }
                SendResult::GivenUp
            }
        };
        finish(conn, Actor::Operator, Vec::new(), Changed::Nothing)?;
        Ok(outcome)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_up_to_six_hours() {
        assert_eq!(retry_delay(1), Duration::minutes(1));
        assert_eq!(retry_delay(2), Duration::minutes(2));
        assert_eq!(retry_delay(4), Duration::minutes(8));
        assert_eq!(retry_delay(30), Duration::minutes(360));
    }
}
