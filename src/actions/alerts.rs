//! Writes of job alerts (issue #15): subscribing (double opt-in), confirming, changing the
//! frequency, unsubscribing, queueing digests, deleting stale subscriptions. Every alert message is written to the outbox in the transaction of
//! the change that causes it; `jobs` sends it.
//!
//! Subscribers' actions are not audited, like readers' comments: the audit trail records
//! staff's work, and an address in it would outlive the unsubscription.

use time::{Duration, PrimitiveDateTime};

use super::{finish, limits, Actor, Changed};
use crate::db::{self, DbConn};
use crate::domain::board::{self, Filters, Sort};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::mail::{AlertLinks, AlertMail, AlertMailKind, DigestItem};
use crate::models::{
    mail_kind, AlertSubscription, Category, Frequency, NewAlertSubscription, NewOutboxMail,
    PAGE_SIZE,
};
use crate::site::Site;

/// Unconfirmed subscriptions are deleted this long after they were made.
pub const UNCONFIRMED_KEPT: Duration = Duration::days(7);
/// Vacancies listed in one digest; the rest are behind the link to the list.
pub const MAX_DIGEST_ITEMS: usize = 20;
/// List pages a digest reads at most (a keyword search is ranked, not sorted by date, so it
/// cannot stop at the first older vacancy).
const MAX_DIGEST_PAGES: usize = 10;
/// Digests given up in a row after which a subscriber is dropped.
pub const MAX_DIGEST_FAILURES: i32 = 3;
/// Sent and failed messages are forgotten after this long (they hold addresses and links).
pub const OUTBOX_KEPT: Duration = Duration::days(30);
/// The manage links of mails older than this stop working (a subscriber has newer mails).
pub const MANAGE_TOKENS_KEPT: Duration = Duration::days(365);

/// A subscription as the form sent it (already parsed).
#[derive(Debug, Clone)]
pub struct Subscribe {
    pub email: String,
    pub lang: Lang,
    pub frequency: Frequency,
    /// The list's canonical query string (no page, no sort).
    pub query: String,
    pub client_address: String,
    /// The form stamp (already checked): each posts once.
    pub stamp: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubscribeOutcome {
    /// Whatever happened (new, repeated, known, replayed, a mail held back by the per-address
    /// limit), the visitor is told to check their mail: the answer reveals nothing.
    CheckMail,
    /// The client address made its subscriptions for the hour; nothing stored.
    RateLimited,
}

/// The canonical query string of a search as an alert keeps it: the list's own, without the
/// page and with the default order (a digest is always newest first).
pub fn saved_query(filters: &Filters) -> String {
    Filters {
        page: 1,
        sort: Sort::Newest,
        ..filters.clone()
    }
    .query_string()
}

fn list_url(site: &Site, lang: &str, query: &str) -> String {
    match query {
        "" => site.absolute(&format!("/{lang}/vacancies")),
        q => site.absolute(&format!("/{lang}/vacancies?{q}")),
    }
}

/// A new manage token for a subscription, stored as its hash: the links of one message.
fn mint_links(
    conn: &mut DbConn,
    site: &Site,
    subscription: &AlertSubscription,
    now: PrimitiveDateTime,
) -> AppResult<AlertLinks> {
    let token = crate::tokens::random_token();
    db::alerts::add_manage_hash(
        conn,
        subscription.id,
        &crate::tokens::token_hash(&token),
        now,
    )?;
    let lang = &subscription.lang;
    Ok(AlertLinks {
        manage_url: site.absolute(&format!("/{lang}/alerts/manage/{token}")),
        unsubscribe_url: site.absolute(&format!("/{lang}/alerts/unsubscribe/{token}")),
    })
}

fn queue(
    conn: &mut DbConn,
    subscription: &AlertSubscription,
    mail: &AlertMail,
    kind: &str,
    now: PrimitiveDateTime,
) -> AppResult<i32> {
    let composed = mail.compose().map_err(AppError::Internal)?;
    Ok(db::outbox::insert(
        conn,
        &NewOutboxMail {
            recipient: subscription.email.clone(),
            subject: composed.subject,
            body: composed.body,
            headers: composed.headers,
            lang: subscription.lang.clone(),
            kind: kind.to_string(),
            subscription_id: Some(subscription.id),
            created_at: now,
            next_attempt_at: now,
        },
    )?)
}

/// Double opt-in: stores (or refreshes) the unconfirmed subscription and queues the
/// confirmation mail; for an address that already gets this alert, a short "you already get
/// it" mail with a link to manage it. Repeats change nothing a stranger could use, and at most
/// `limits::ALERT_OPT_IN_MAILS_PER_DAY` such mails go to one address.
pub fn subscribe(conn: &mut DbConn, site: &Site, s: Subscribe) -> AppResult<SubscribeOutcome> {
    let now = crate::clock::now();
    let stamp_hash = crate::tokens::token_hash(s.stamp.trim());
    conn.transaction::<_, AppError, _>(|conn| {
        if limits::alert_subscriptions_exhausted(conn, &s.client_address, now)? {
            return Ok(SubscribeOutcome::RateLimited);
        }
        if !db::comments::use_stamp(conn, &stamp_hash, now)? {
            return Ok(SubscribeOutcome::CheckMail);
        }
        // The address has had its opt-in mails for today: nothing changes (not even the
        // confirmation token of a pending alert, whose last mail must keep working).
        if limits::alert_mails_exhausted(conn, &s.email, now)? {
            log::info!(
                "alert request ignored: {} has had its opt-in mails for today",
                crate::mail::mask_email(&s.email)
            );
            return Ok(SubscribeOutcome::CheckMail);
        }
        let lang = s.lang.code();
        let confirm_token = crate::tokens::random_token();
        let confirm_hash = crate::tokens::token_hash(&confirm_token);
        let (subscription, known) = match db::alerts::find(conn, &s.email, lang, &s.query)? {
            Some(existing) if existing.is_confirmed() => (existing, true),
            Some(existing) => {
                db::alerts::set_confirm_hash(conn, existing.id, &confirm_hash)?;
                db::alerts::set_frequency(conn, existing.id, s.frequency.as_str())?;
                (existing, false)
            }
            None => {
                let id = db::alerts::insert(
                    conn,
                    &NewAlertSubscription {
                        email: s.email.clone(),
                        lang: lang.to_string(),
                        frequency: s.frequency.as_str().to_string(),
                        query: s.query.clone(),
                        confirm_token_hash: confirm_hash,
                        client_address: s.client_address.clone(),
                        created_at: now,
                    },
                )?;
                let row = db::alerts::by_id(conn, id)?.ok_or(AppError::NotFound)?;
                (row, false)
            }
        };
        let links = mint_links(conn, site, &subscription, now)?;
        let (kind, mail_kind) = if known {
            (AlertMailKind::Known, mail_kind::ALERT_KNOWN)
        } else {
            let confirm_url = site.absolute(&format!("/{lang}/alerts/confirm/{confirm_token}"));
            (
                AlertMailKind::Confirm { confirm_url },
                mail_kind::ALERT_CONFIRM,
            )
        };
        let mail = AlertMail {
            lang: s.lang,
            org_name: site.org_name.clone(),
            list_url: list_url(site, lang, &s.query),
            links,
            kind,
        };
        queue(conn, &subscription, &mail, mail_kind, now)?;
        finish(conn, Actor::Visitor, Vec::new(), Changed::Nothing)?;
        Ok(SubscribeOutcome::CheckMail)
    })
}

/// The unconfirmed or confirmed subscription a confirmation token opens.
pub fn by_confirm_token(conn: &mut DbConn, token: &str) -> AppResult<AlertSubscription> {
    if !crate::tokens::looks_like_token(token) {
        return Err(AppError::NotFound);
    }
    db::alerts::by_confirm_hash(conn, &crate::tokens::token_hash(token))?.ok_or(AppError::NotFound)
}

/// The subscription a manage (or unsubscribe) token opens.
pub fn by_manage_token(conn: &mut DbConn, token: &str) -> AppResult<AlertSubscription> {
    if !crate::tokens::looks_like_token(token) {
        return Err(AppError::NotFound);
    }
    db::alerts::by_manage_hash(conn, &crate::tokens::token_hash(token))?.ok_or(AppError::NotFound)
}

/// Confirms the subscription of a confirmation link (again: nothing changes). Digests count
/// from now: the first lists what is published after the confirmation.
pub fn confirm(conn: &mut DbConn, token: &str) -> AppResult<AlertSubscription> {
    let now = crate::clock::now();
    conn.transaction::<_, AppError, _>(|conn| {
        let subscription = by_confirm_token(conn, token)?;
        db::alerts::confirm(conn, subscription.id, now)?;
        finish(conn, Actor::Visitor, Vec::new(), Changed::Nothing)?;
        db::alerts::by_id(conn, subscription.id)?.ok_or(AppError::NotFound)
    })
}

pub fn set_frequency(
    conn: &mut DbConn,
    token: &str,
    frequency: Frequency,
) -> AppResult<AlertSubscription> {
    conn.transaction::<_, AppError, _>(|conn| {
        let subscription = by_manage_token(conn, token)?;
        db::alerts::set_frequency(conn, subscription.id, frequency.as_str())?;
        finish(conn, Actor::Visitor, Vec::new(), Changed::Nothing)?;
        db::alerts::by_id(conn, subscription.id)?.ok_or(AppError::NotFound)
    })
}

/// Ends a subscription at once: the row, its delivery records and its tokens are deleted.
/// False when the token opens nothing (unsubscribed before): the answer is the same.
pub fn unsubscribe(conn: &mut DbConn, token: &str) -> AppResult<bool> {
    conn.transaction::<_, AppError, _>(|conn| {
        let subscription = match by_manage_token(conn, token) {
            Ok(s) => s,
            Err(AppError::NotFound) => return Ok(false),
            Err(e) => return Err(e),
        };
        db::alerts::delete(conn, subscription.id)?;
        finish(conn, Actor::Visitor, Vec::new(), Changed::Nothing)?;
        Ok(true)
    })
}

/// Deletes subscriptions left unconfirmed for `UNCONFIRMED_KEPT`, outbox messages done for
/// `OUTBOX_KEPT` and manage tokens older than `MANAGE_TOKENS_KEPT` (every newer mail has its
/// own). Gives the number of subscriptions deleted.
pub fn delete_stale(conn: &mut DbConn, now: PrimitiveDateTime) -> AppResult<usize> {
    conn.transaction::<_, AppError, _>(|conn| {
        let deleted = db::alerts::delete_unconfirmed_before(conn, now - UNCONFIRMED_KEPT)?;
        db::outbox::prune_done_before(conn, now - OUTBOX_KEPT)?;
        db::alerts::prune_manage_hashes_before(conn, now - MANAGE_TOKENS_KEPT)?;
        finish(conn, Actor::Operator, Vec::new(), Changed::Nothing)?;
        Ok(deleted)
    })
}

/// The vacancies of a subscriber's search published since `since`, newest first, found with
/// the list's own search (`db::board::search`, sort newest), so the page and the alert agree.
fn published_since(
    conn: &mut DbConn,
    subscription: &AlertSubscription,
    categories: &[Category],
    since: PrimitiveDateTime,
    now: PrimitiveDateTime,
) -> AppResult<Vec<crate::models::Vacancy>> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(&subscription.query).unwrap_or_default();
    let slugs: Vec<&str> = categories.iter().map(|c| c.slug.as_str()).collect();
    let mut filters = Filters::from_pairs(&pairs, &slugs);
    filters.sort = Sort::Newest;
    let keywords = board::keywords(&filters.q);
    let mut found = Vec::new();
    for page in 1..=MAX_DIGEST_PAGES {
        filters.page = page;
        let search = db::board::Search {
            category_ids: board::category_ids(&filters, categories),
            filters: &filters,
            keywords: &keywords,
            now,
            lang: &subscription.lang,
        };
        let result = db::board::search(conn, &search, categories)?;
        if result.page != page {
            break;
        }
        let mut older = false;
        for (vacancy, _) in result.rows {
            match vacancy.published_at {
                Some(at) if at >= since => found.push(vacancy),
                _ => older = true,
            }
        }
        let last_page = result.total.div_ceil(PAGE_SIZE).max(1);
        if page >= last_page || (older && keywords.is_empty()) {
            break;
        }
    }
    // A keyword search ranks before it sorts by date.
    found.sort_by_key(|v| std::cmp::Reverse((v.published_at, v.id)));
    Ok(found)
}

/// What one subscriber's digest came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestOutcome {
    /// Nothing new: no mail (the digest time moves on all the same).
    Nothing,
    /// A digest listing this many vacancies was queued.
    Queued(usize),
}

/// Queues one subscriber's digest: the vacancies of their search published since their last
/// digest and never sent to them, newest first, at most `MAX_DIGEST_ITEMS`. The delivery
/// records, the outbox message and the new digest time are written in one transaction; a
/// vacancy another run recorded first is left out (the key refuses it), so nobody gets a
/// vacancy twice, even from two instances at once.
pub fn queue_digest(
    conn: &mut DbConn,
    site: &Site,
    categories: &[Category],
    subscription_id: i32,
    now: PrimitiveDateTime,
) -> AppResult<DigestOutcome> {
    let Some(subscription) = db::alerts::by_id(conn, subscription_id)? else {
        return Ok(DigestOutcome::Nothing);
    };
    let since = subscription
        .last_digest_at
        .or(subscription.confirmed_at)
        .unwrap_or(subscription.created_at);
    let mut fresh = published_since(conn, &subscription, categories, since, now)?;
    let ids: Vec<i32> = fresh.iter().map(|v| v.id).collect();
    let sent = db::alerts::delivered(conn, subscription.id, &ids)?;
    fresh.retain(|v| !sent.contains(&v.id));
    let more = fresh.len().saturating_sub(MAX_DIGEST_ITEMS);
    fresh.truncate(MAX_DIGEST_ITEMS);
    let lang = Lang::parse(&subscription.lang).unwrap_or_else(Lang::fallback);
    conn.transaction::<_, AppError, _>(|conn| {
        // Unsubscribed meanwhile: nothing is sent.
        if db::alerts::by_id(conn, subscription.id)?.is_none() {
            return Ok(DigestOutcome::Nothing);
        }
        let mut items = Vec::new();
        for vacancy in &fresh {
            if db::alerts::record_delivery(conn, subscription.id, vacancy.id, now)? {
                items.push(DigestItem {
                    title: vacancy.title.clone(),
                    place: vacancy.location.clone(),
                    url: site.absolute(&format!(
                        "/{}/vacancies/{}",
                        subscription.lang, vacancy.slug
                    )),
                });
            }
        }
        db::alerts::set_last_digest(conn, subscription.id, now)?;
        if items.is_empty() {
            return Ok(DigestOutcome::Nothing);
        }
        let count = items.len();
        let links = mint_links(conn, site, &subscription, now)?;
        let mail = AlertMail {
            lang,
            org_name: site.org_name.clone(),
            list_url: list_url(site, &subscription.lang, &subscription.query),
            links,
            kind: AlertMailKind::Digest {
                frequency: subscription.frequency(),
                items,
                more,
            },
        };
        queue(conn, &subscription, &mail, mail_kind::ALERT_DIGEST, now)?;
        finish(conn, Actor::Operator, Vec::new(), Changed::Nothing)?;
        Ok(DigestOutcome::Queued(count))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_search_drops_page_and_order() {
        let filters = Filters {
            q: "rust".into(),
            page: 3,
            sort: Sort::Salary,
            ..Filters::default()
        };
        assert_eq!(saved_query(&filters), "q=rust");
    }
}
