//! The one clock of the site: every "now" comes from here, in UTC.

use time::{OffsetDateTime, PrimitiveDateTime};

/// The current time in UTC, to the second (stored times compare as text on SQLite).
pub fn now() -> PrimitiveDateTime {
    let now = OffsetDateTime::now_utc();
    let now = now.replace_nanosecond(0).unwrap_or(now);
    PrimitiveDateTime::new(now.date(), now.time())
}

/// Seconds since the Unix epoch, for signed stamps.
pub fn unix_now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}
