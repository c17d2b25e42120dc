//! How times are written on pages and in structured data.

use std::borrow::Borrow;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, PrimitiveDateTime, Time};

/// `2026-11-25T09:30:00Z`, for JSON-LD and feeds.
pub fn iso(t: impl Borrow<PrimitiveDateTime>) -> String {
    let t = *t.borrow();
    t.assume_utc().format(&Rfc3339).unwrap_or_default()
}

/// `2026-11-25`, for `<time datetime>` and date inputs.
pub fn date(t: impl Borrow<PrimitiveDateTime>) -> String {
    let t = *t.borrow();
    t.date()
        .format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// `25 Nov 2026`, for people.
pub fn human(t: impl Borrow<PrimitiveDateTime>) -> String {
    let t = *t.borrow();
    t.date()
        .format(format_description!(
            "[day padding:none] [month repr:short] [year]"
        ))
        .unwrap_or_default()
}

/// `25 Nov 2026, 09:30 UTC`.
pub fn human_time(t: impl Borrow<PrimitiveDateTime>) -> String {
    let t = *t.borrow();
    t.format(format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
    ))
    .unwrap_or_default()
}

/// Parses a `YYYY-MM-DD` date input as the end of that day in UTC.
pub fn parse_end_of_day(text: &str) -> Option<PrimitiveDateTime> {
    let date = Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).ok()?;
    Some(PrimitiveDateTime::new(
        date,
        Time::from_hms(23, 59, 59).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let t = parse_end_of_day("2026-03-05").unwrap();
        assert_eq!(iso(t), "2026-03-05T23:59:59Z");
        assert_eq!(date(t), "2026-03-05");
        assert_eq!(human(t), "5 Mar 2026");
        assert!(parse_end_of_day("2026-13-01").is_none());
        assert!(parse_end_of_day("yesterday").is_none());
    }
}
