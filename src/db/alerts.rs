//! Job alert subscriptions and what each subscriber was sent.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{alert_deliveries, alert_manage_tokens, alert_subscriptions};
use super::DbConn;
use crate::models::{AlertSubscription, NewAlertSubscription};

pub fn insert(conn: &mut DbConn, new: &NewAlertSubscription) -> QueryResult<i32> {
    diesel::insert_into(alert_subscriptions::table)
        .values(new)
        .returning(alert_subscriptions::id)
        .get_result(conn)
}

pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<AlertSubscription>> {
    alert_subscriptions::table
        .find(id)
        .select(AlertSubscription::as_select())
        .first(conn)
        .optional()
}

/// The subscription of an address to one search in one language, if any.
pub fn find(
    conn: &mut DbConn,
    email: &str,
    lang: &str,
    query: &str,
) -> QueryResult<Option<AlertSubscription>> {
    alert_subscriptions::table
        .filter(alert_subscriptions::email.eq(email))
        .filter(alert_subscriptions::lang.eq(lang))
        .filter(alert_subscriptions::query.eq(query))
        .select(AlertSubscription::as_select())
        .first(conn)
        .optional()
}

pub fn by_confirm_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<AlertSubscription>> {
    alert_subscriptions::table
        .filter(alert_subscriptions::confirm_token_hash.eq(hash))
        .select(AlertSubscription::as_select())
        .first(conn)
        .optional()
}

/// The subscription a manage (or unsubscribe) token opens.
pub fn by_manage_hash(conn: &mut DbConn, hash: &str) -> QueryResult<Option<AlertSubscription>> {
    alert_manage_tokens::table
        .inner_join(alert_subscriptions::table)
        .filter(alert_manage_tokens::token_hash.eq(hash))
        .select(AlertSubscription::as_select())
        .first(conn)
        .optional()
}

pub fn add_manage_hash(
    conn: &mut DbConn,
    subscription_id: i32,
    hash: &str,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::insert_into(alert_manage_tokens::table)
        .values((
            alert_manage_tokens::token_hash.eq(hash),
            alert_manage_tokens::subscription_id.eq(subscription_id),
            alert_manage_tokens::created_at.eq(now),
        ))
        .execute(conn)
}

/// A new confirmation token for an unconfirmed subscription (a second subscribe).
pub fn set_confirm_hash(conn: &mut DbConn, id: i32, hash: &str) -> QueryResult<usize> {
    diesel::update(alert_subscriptions::table.find(id))
        .set(alert_subscriptions::confirm_token_hash.eq(hash))
        .execute(conn)
}

/// Confirms once: the digests count from `now`.
pub fn confirm(conn: &mut DbConn, id: i32, now: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::update(
        alert_subscriptions::table
            .find(id)
            .filter(alert_subscriptions::confirmed_at.is_null()),
    )
    .set((
        alert_subscriptions::confirmed_at.eq(now),
        alert_subscriptions::last_digest_at.eq(now),
    ))
    .execute(conn)
}

pub fn set_frequency(conn: &mut DbConn, id: i32, frequency: &str) -> QueryResult<usize> {
    diesel::update(alert_subscriptions::table.find(id))
        .set(alert_subscriptions::frequency.eq(frequency))
        .execute(conn)
}

/// Deletes a subscription and (by cascade) its delivery records.
pub fn delete(conn: &mut DbConn, id: i32) -> QueryResult<usize> {
    diesel::delete(alert_subscriptions::table.find(id)).execute(conn)
}

/// Forgets manage tokens issued before `before`.
pub fn prune_manage_hashes_before(
    conn: &mut DbConn,
    before: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(alert_manage_tokens::table.filter(alert_manage_tokens::created_at.lt(before)))
        .execute(conn)
}

/// Deletes subscriptions never confirmed and created before `before`.
pub fn delete_unconfirmed_before(
    conn: &mut DbConn,
    before: PrimitiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        alert_subscriptions::table
            .filter(alert_subscriptions::confirmed_at.is_null())
            .filter(alert_subscriptions::created_at.lt(before)),
    )
    .execute(conn)
}

/// Subscriptions made from `address` since `since` (the per-client limit).
pub fn count_from_address_since(
    conn: &mut DbConn,
    address: &str,
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    alert_subscriptions::table
        .filter(alert_subscriptions::client_address.eq(address))
        .filter(alert_subscriptions::created_at.gt(since))
        .count()
        .get_result(conn)
}

/// Confirmed, not dropped subscriptions whose last digest is older than `before`, oldest
/// first, after `after_id` (pages of `limit` rows).
pub fn due(
    conn: &mut DbConn,
    frequency: &str,
    before: PrimitiveDateTime,
    after_id: i32,
    limit: i64,
) -> QueryResult<Vec<AlertSubscription>> {
    alert_subscriptions::table
        .filter(alert_subscriptions::confirmed_at.is_not_null())
        .filter(alert_subscriptions::dropped_at.is_null())
        .filter(alert_subscriptions::frequency.eq(frequency))
        .filter(alert_subscriptions::last_digest_at.le(before))
        .filter(alert_subscriptions::id.gt(after_id))
        .order(alert_subscriptions::id)
        .limit(limit)
        .select(AlertSubscription::as_select())
        .load(conn)
}

/// Every confirmed subscription still served, after `after_id` (for `alerts send-now`).
pub fn confirmed(
    conn: &mut DbConn,
    after_id: i32,
    limit: i64,
) -> QueryResult<Vec<AlertSubscription>> {
    alert_subscriptions::table
        .filter(alert_subscriptions::confirmed_at.is_not_null())
        .filter(alert_subscriptions::dropped_at.is_null())
        .filter(alert_subscriptions::id.gt(after_id))
        .order(alert_subscriptions::id)
        .limit(limit)
        .select(AlertSubscription::as_select())
        .load(conn)
}

pub fn count_confirmed(conn: &mut DbConn) -> QueryResult<i64> {
    alert_subscriptions::table
        .filter(alert_subscriptions::confirmed_at.is_not_null())
        .filter(alert_subscriptions::dropped_at.is_null())
        .count()
        .get_result(conn)
}

pub fn set_last_digest(conn: &mut DbConn, id: i32, at: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::update(alert_subscriptions::table.find(id))
        .set(alert_subscriptions::last_digest_at.eq(at))
        .execute(conn)
}

/// Counts a failed digest; drops the subscriber at `max` failures. True when dropped now.
pub fn record_failure(
    conn: &mut DbConn,
    id: i32,
    max: i32,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    diesel::update(alert_subscriptions::table.find(id))
        .set(alert_subscriptions::failures.eq(alert_subscriptions::failures + 1))
        .execute(conn)?;
    let dropped = diesel::update(
        alert_subscriptions::table
            .find(id)
            .filter(alert_subscriptions::failures.ge(max))
            .filter(alert_subscriptions::dropped_at.is_null()),
    )
    .set(alert_subscriptions::dropped_at.eq(now))
    .execute(conn)?;
    Ok(dropped == 1)
}

/// A digest arrived: the failure count starts again.
pub fn clear_failures(conn: &mut DbConn, id: i32) -> QueryResult<usize> {
    diesel::update(
        alert_subscriptions::table
            .find(id)
            .filter(alert_subscriptions::failures.gt(0)),
    )
    .set(alert_subscriptions::failures.eq(0))
    .execute(conn)
}

/// Of `vacancy_ids`, those already sent to the subscriber.
pub fn delivered(
    conn: &mut DbConn,
    subscription_id: i32,
    vacancy_ids: &[i32],
) -> QueryResult<Vec<i32>> {
    alert_deliveries::table
        .filter(alert_deliveries::subscription_id.eq(subscription_id))
        .filter(alert_deliveries::vacancy_id.eq_any(vacancy_ids))
        .select(alert_deliveries::vacancy_id)
        .load(conn)
}

/// Records one vacancy as sent; false when it had been (the key refuses a second row).
pub fn record_delivery(
    conn: &mut DbConn,
    subscription_id: i32,
    vacancy_id: i32,
    now: PrimitiveDateTime,
) -> QueryResult<bool> {
    let row = (
        alert_deliveries::subscription_id.eq(subscription_id),
        alert_deliveries::vacancy_id.eq(vacancy_id),
        alert_deliveries::sent_at.eq(now),
    );
    let inserted = match conn {
        DbConn::Pg(c) => diesel::insert_into(alert_deliveries::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        DbConn::Sqlite(c) => diesel::insert_into(alert_deliveries::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    Ok(inserted == 1)
}
