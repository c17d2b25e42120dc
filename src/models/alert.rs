//! Job alerts and the mail outbox: subscriptions, queued messages and their value types.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use crate::schema::{alert_subscriptions, mail_outbox};

/// How often a subscriber gets a digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Daily,
    Weekly,
}

impl Frequency {
    pub fn parse(text: &str) -> Option<Frequency> {
        match text.trim() {
            "daily" => Some(Frequency::Daily),
            "weekly" => Some(Frequency::Weekly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    /// The time between digests, given the length of a day (`ALERTS_DAY_SECONDS`: shortened
    /// only by tests).
    pub fn period(self, day: Duration) -> Duration {
        match self {
            Frequency::Daily => day,
            Frequency::Weekly => day * 7,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = alert_subscriptions)]
pub struct AlertSubscription {
    pub id: i32,
    pub email: String,
    pub lang: String,
    pub frequency: String,
    /// The list's canonical query string (`Filters::query_string`), without `page` or `sort`.
    pub query: String,
    pub confirm_token_hash: String,
    pub client_address: String,
    pub created_at: PrimitiveDateTime,
    pub confirmed_at: Option<PrimitiveDateTime>,
    pub last_digest_at: Option<PrimitiveDateTime>,
    pub failures: i32,
    pub dropped_at: Option<PrimitiveDateTime>,
}

impl AlertSubscription {
    pub fn frequency(&self) -> Frequency {
        Frequency::parse(&self.frequency).unwrap_or(Frequency::Weekly)
    }

    pub fn is_confirmed(&self) -> bool {
        self.confirmed_at.is_some()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = alert_subscriptions)]
pub struct NewAlertSubscription {
    pub email: String,
    pub lang: String,
    pub frequency: String,
    pub query: String,
    pub confirm_token_hash: String,
    pub client_address: String,
    pub created_at: PrimitiveDateTime,
}

/// What kind of message an outbox row is (for limits, the dashboard and the log).
pub mod mail_kind {
    pub const ALERT_CONFIRM: &str = "alert-confirm";
    pub const ALERT_KNOWN: &str = "alert-known";
    pub const ALERT_DIGEST: &str = "alert-digest";
    pub const APPLICATION_RECEIPT: &str = "application-receipt";
    pub const APPLICATION_NOTICE: &str = "application-notice";
}

/// A message waiting in (or gone through) the outbox.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = mail_outbox)]
pub struct OutboxMail {
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub headers: String,
    pub lang: String,
    pub kind: String,
    pub subscription_id: Option<i32>,
    pub created_at: PrimitiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: PrimitiveDateTime,
    pub claimed_until: Option<PrimitiveDateTime>,
    pub sent_at: Option<PrimitiveDateTime>,
    pub failed_at: Option<PrimitiveDateTime>,
    pub last_error: Option<String>,
}

impl OutboxMail {
    /// The extra headers as (name, value) pairs.
    pub fn header_pairs(&self) -> Vec<(String, String)> {
        self.headers
            .lines()
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_string(), value.trim().to_string()))
            .collect()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mail_outbox)]
pub struct NewOutboxMail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub headers: String,
    pub lang: String,
    pub kind: String,
    pub subscription_id: Option<i32>,
    pub created_at: PrimitiveDateTime,
    pub next_attempt_at: PrimitiveDateTime,
}
