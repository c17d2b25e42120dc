//! Job alerts (issue #15): double opt-in from the vacancy list, the confirm page's button,
//! digests found with the list's own search, one-click unsubscribe, the mail outbox, the job
//! leases, and two `careers serve` processes on PostgreSQL mailing one digest per period
//! through a real SMTP listener.

use crate::common::{self, en, TestApp};
use careers::db;
use careers::db::schema::{
    alert_deliveries, alert_subscriptions, job_leases, mail_outbox, vacancies,
};
use careers::jobs::{Job, Jobs};
use careers::models::{AlertSubscription, OutboxMail};
use diesel::prelude::*;

/// The first value of a hidden field `name` in a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).expect("page has the field") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

/// Sends the alert form of the list page `/{lang}/vacancies?{query}`.
async fn subscribe(
    app: &TestApp,
    lang: &str,
    query: &str,
    email: &str,
    frequency: &str,
) -> reqwest::Response {
    let list = match query {
        "" => format!("/{lang}/vacancies"),
        q => format!("/{lang}/vacancies?{q}"),
    };
    let (status, page) = app.get_html(&list).await;
    assert_eq!(status, 200);
    let saved = hidden(&page, "query")
        .replace("&amp;", "&")
        .replace("&#38;", "&");
    let stamp = hidden(&page, "form_stamp");
    app.post_form(
        &format!("/{lang}/alerts"),
        &[
            ("query", saved.as_str()),
            ("email", email),
            ("frequency", frequency),
            ("form_stamp", stamp.as_str()),
        ],
    )
    .await
}

fn outbox(app: &TestApp) -> Vec<OutboxMail> {
    mail_outbox::table
        .order(mail_outbox::id)
        .select(OutboxMail::as_select())
        .load(&mut *app.conn())
        .unwrap()
}

fn subscriptions(app: &TestApp) -> Vec<AlertSubscription> {
    alert_subscriptions::table
        .order(alert_subscriptions::id)
        .select(AlertSubscription::as_select())
        .load(&mut *app.conn())
        .unwrap()
}

/// The path of the first link in `body` that starts with `prefix` (after the site's address).
fn link(body: &str, prefix: &str) -> String {
    let start = body
        .find(&format!("http://careers.test{prefix}"))
        .unwrap_or_else(|| panic!("no {prefix} link in {body}"))
        + "http://careers.test".len();
    body[start..]
        .split(|c: char| c.is_whitespace() || c == '>')
        .next()
        .unwrap()
        .to_string()
}

pub(crate) fn jobs_for(app: &TestApp) -> Jobs {
    let mut config = common::config(app._dir.path(), false);
    config.database_url = app.database_url.clone();
    let site = careers::startup::site(&config).unwrap();
    Jobs::new(&config, app.pool.clone(), site).unwrap()
}

pub(crate) fn never_stopping() -> (careers::shutdown::Trigger, careers::shutdown::Signal) {
    let trigger = careers::shutdown::Trigger::new();
    let signal = trigger.signal();
    (trigger, signal)
}

/// Subscribes `email` to the search and confirms through the page's button.
pub(crate) async fn confirmed_subscriber(
    app: &TestApp,
    query: &str,
    email: &str,
) -> AlertSubscription {
    let r = subscribe(app, "en", query, email, "daily").await;
    assert_eq!(r.status().as_u16(), 200);
    let mail = outbox(app).into_iter().last().unwrap();
    let confirm = link(&mail.body, "/en/alerts/confirm/");
    let r = app.post_form(&confirm, &[]).await;
    assert_eq!(r.status().as_u16(), 200);
    subscriptions(app)
        .into_iter()
        .find(|s| s.email == email)
        .unwrap()
}

/// Makes every vacancy count as new for the subscriber (published after the last digest).
pub(crate) fn rewind(app: &TestApp, id: i32) {
    let long_ago = careers::clock::now() - time::Duration::days(3650);
    diesel::update(alert_subscriptions::table.find(id))
        .set(alert_subscriptions::last_digest_at.eq(long_ago))
        .execute(&mut *app.conn())
        .unwrap();
}

pub(crate) fn digests(app: &TestApp) -> Vec<OutboxMail> {
    outbox(app)
        .into_iter()
        .filter(|m| m.kind == "alert-digest")
        .collect()
}

/// The vacancy links of a digest, in order.
pub(crate) fn digest_slugs(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("http://careers.test/en/vacancies/"))
        .map(str::to_string)
        .collect()
}

backend_test!(subscribing_asks_for_confirmation_and_the_confirm_link_shows_a_button);
async fn subscribing_asks_for_confirmation_and_the_confirm_link_shows_a_button() {
    let app = common::spawn_app().await;
    let r = subscribe(&app, "en", "category=backend", "jane@example.com", "weekly").await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let answer = r.text().await.unwrap();
    assert!(answer.contains(&en("alert-check-title")));
    assert!(!answer.contains("jane@example.com"));
    let subs = subscriptions(&app);
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].query, "category=backend");
    assert_eq!(subs[0].frequency, "weekly");
    assert!(subs[0].confirmed_at.is_none());
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.recipient, "jane@example.com");
    assert_eq!(mail.kind, "alert-confirm");
    assert!(mail
        .headers
        .contains("List-Unsubscribe: <http://careers.test/en/alerts/unsubscribe/"));
    assert!(mail
        .headers
        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let confirm = link(&mail.body, "/en/alerts/confirm/");
    assert!(
        !subs[0]
            .confirm_token_hash
            .contains(confirm.rsplit('/').next().unwrap()),
        "only the token's hash is stored"
    );

    // Opening the link (as a mail scanner does) confirms nothing: it shows a button.
    let r = app.get(&confirm).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let page = r.text().await.unwrap();
    assert!(page.contains(&en("alert-confirm-button")));
    assert!(page.contains(&format!("method=\"post\" action=\"{confirm}\"")));
    assert!(subscriptions(&app)[0].confirmed_at.is_none());

    let r = app.post_form(&confirm, &[]).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains(&en("alert-confirmed-title")));
    assert!(subscriptions(&app)[0].confirmed_at.is_some());

    // A confirm POST from another site is refused.
    let stranger = app
        .client
        .post(app.url(&confirm))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status().as_u16(), 403);
}

backend_test!(subscribing_again_says_the_same_and_reveals_nothing);
async fn subscribing_again_says_the_same_and_reveals_nothing() {
    let app = common::spawn_app().await;
    let first = subscribe(&app, "en", "q=rust", "known@example.com", "daily").await;
    let first = first.text().await.unwrap();
    let confirm = link(&outbox(&app)[0].body, "/en/alerts/confirm/");
    app.post_form(&confirm, &[]).await;
    let again = subscribe(&app, "en", "q=rust", "known@example.com", "weekly").await;
    assert_eq!(again.status().as_u16(), 200);
    let new = subscribe(&app, "en", "q=rust", "new@example.com", "daily").await;
    let strip = |page: String| {
        page.replace("known@example.com", "")
            .replace("new@example.com", "")
    };
    let (again, new) = (again.text().await.unwrap(), new.text().await.unwrap());
    assert_eq!(
        strip(again.clone()),
        strip(new),
        "known and new addresses get the same page"
    );
    assert_eq!(strip(first), strip(again));
    let subs = subscriptions(&app);
    assert_eq!(subs.len(), 2);
    let known = subs
        .iter()
        .find(|s| s.email == "known@example.com")
        .unwrap();
    assert_eq!(
        known.frequency, "daily",
        "a stranger cannot change a confirmed alert"
    );
    assert!(known.confirmed_at.is_some());
    let kinds: Vec<String> = outbox(&app)
        .into_iter()
        .filter(|m| m.recipient == "known@example.com")
        .map(|m| m.kind)
        .collect();
    assert_eq!(kinds, ["alert-confirm", "alert-known"]);
    // However often someone types the address, it gets at most three such mails a day.
    for _ in 0..4 {
        subscribe(&app, "en", "q=rust", "known@example.com", "daily").await;
    }
    let to_known = outbox(&app)
        .into_iter()
        .filter(|m| m.recipient == "known@example.com")
        .count();
    assert_eq!(to_known, 3);
}

backend_test!(the_form_keeps_what_was_typed_and_says_what_is_wrong);
async fn the_form_keeps_what_was_typed_and_says_what_is_wrong() {
    let app = common::spawn_app().await;
    let (_, page) = app.get_html("/en/vacancies?q=rust").await;
    assert!(page.contains(&en("alert-form-heading")));
    let stamp = hidden(&page, "form_stamp");
    let r = app
        .post_form(
            "/en/alerts",
            &[
                ("query", "q=rust"),
                ("email", "not an address"),
                ("frequency", "hourly"),
                ("form_stamp", stamp.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("value=\"not an address\""));
    assert!(page.contains(&en("email-invalid")));
    assert!(page.contains(&en("alert-frequency-invalid")));
    let r = app
        .post_form(
            "/en/alerts",
            &[
                ("query", ""),
                ("email", "a@example.com"),
                ("frequency", "daily"),
                ("form_stamp", "forged"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains(&en("alert-expired")));
    assert!(subscriptions(&app).is_empty());
    assert!(outbox(&app).is_empty());
}

backend_test!(a_spanish_alert_is_written_in_spanish);
async fn a_spanish_alert_is_written_in_spanish() {
    let app = common::spawn_app().await;
    let r = subscribe(&app, "es", "", "ana@example.com", "daily").await;
    assert!(r.text().await.unwrap().contains("Revisa tu correo"));
    let mail = &outbox(&app)[0];
    assert_eq!(mail.lang, "es");
    assert!(
        mail.subject.starts_with("Confirma tu alerta"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("http://careers.test/es/alerts/confirm/"));
}

backend_test!(unconfirmed_subscriptions_are_deleted_after_seven_days);
async fn unconfirmed_subscriptions_are_deleted_after_seven_days() {
    let app = common::spawn_app().await;
    subscribe(&app, "en", "", "old@example.com", "daily").await;
    subscribe(&app, "en", "", "fresh@example.com", "daily").await;
    confirmed_subscriber(&app, "q=go", "kept@example.com").await;
    let eight_days_ago = careers::clock::now() - time::Duration::days(8);
    diesel::update(alert_subscriptions::table)
        .filter(alert_subscriptions::email.ne("fresh@example.com"))
        .set(alert_subscriptions::created_at.eq(eight_days_ago))
        .execute(&mut *app.conn())
        .unwrap();
    let jobs = jobs_for(&app);
    let (_stop, signal) = never_stopping();
    assert!(jobs
        .run_if_due(Job::StaleSubscriptions, &signal)
        .await
        .unwrap());
    let left: Vec<String> = subscriptions(&app).into_iter().map(|s| s.email).collect();
    assert_eq!(left, ["fresh@example.com", "kept@example.com"]);
}

backend_test!(a_digest_lists_what_the_list_shows_newest_first_at_most_twenty);
async fn a_digest_lists_what_the_list_shows_newest_first_at_most_twenty() {
    let app = common::spawn_app().await;
    let subscriber = confirmed_subscriber(&app, "", "reader@example.com").await;
    rewind(&app, subscriber.id);
    let jobs = jobs_for(&app);
    let (_stop, signal) = never_stopping();
    assert_eq!(jobs.queue_digests(false, &signal).await.unwrap(), 1);
    let digest = digests(&app).pop().expect("a digest");
    assert!(digest
        .headers
        .contains("List-Unsubscribe: <http://careers.test/en/alerts/unsubscribe/"));
    assert!(digest
        .headers
        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let listed = digest_slugs(&digest.body);
    assert_eq!(listed.len(), 20, "{}", digest.body);
    // The list page, sorted newest first, shows the same vacancies in the same order.
    let (_, page) = app.get_html("/en/vacancies").await;
    let on_page: Vec<String> = page
        .match_indices("href=\"/en/vacancies/")
        .map(|(at, m)| page[at + m.len()..].split('"').next().unwrap().to_string())
        .filter(|slug| !slug.contains('?'))
        .fold(Vec::new(), |mut v, s| {
            if !v.contains(&s) {
                v.push(s)
            }
            v
        });
    assert_eq!(listed, on_page[..20].to_vec());
    let total = db::board::newest_open(&mut app.conn(), "en", 1000)
        .unwrap()
        .len();
    assert!(total > 20);
    assert!(
        digest.body.contains(&format!("And {} more:", total - 20)),
        "{}",
        digest.body
    );
    assert!(
        digest.body.contains("http://careers.test/en/vacancies\r\n")
            || digest.body.contains("http://careers.test/en/vacancies\n")
    );
    assert!(digest
        .body
        .contains("http://careers.test/en/alerts/manage/"));
    let recorded: i64 = alert_deliveries::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(recorded, 20);

    // Nothing new: no second mail, however often the job runs.
    rewind(&app, subscriber.id);
    assert_eq!(
        jobs.queue_digests(true, &signal).await.unwrap(),
        1,
        "the rest were new too"
    );
    let second = digests(&app).pop().unwrap();
    assert_eq!(
        digest_slugs(&second.body).len(),
        total - 20,
        "never a vacancy twice"
    );
    assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 0);
}

backend_test!(a_new_matching_vacancy_comes_in_the_next_digest_and_never_again);
async fn a_new_matching_vacancy_comes_in_the_next_digest_and_never_again() {
    let app = common::spawn_app().await;
    let subscriber = confirmed_subscriber(&app, "", "reader@example.com").await;
    let jobs = jobs_for(&app);
    let (_stop, signal) = never_stopping();
    // Nothing was published since the confirmation: no mail.
    assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 0);
    let (draft_id, draft_slug): (i32, String) = vacancies::table
        .filter(vacancies::status.eq("draft"))
        .select((vacancies::id, vacancies::slug))
        .first(&mut *app.conn())
        .unwrap();
    db::vacancies::set_status(
        &mut app.conn(),
        draft_id,
        careers::models::VacancyStatus::Published,
        Some(careers::clock::now()),
    )
    .unwrap();
    db::vacancies::set_valid_through(&mut app.conn(), draft_id, None).unwrap();
    db::listing::sync_vacancy(&mut app.conn(), draft_id, careers::clock::now()).unwrap();
    assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 1);
    let digest = digests(&app).pop().unwrap();
    assert_eq!(digest_slugs(&digest.body), [draft_slug]);
    assert!(
        digest.subject.starts_with("1 new vacancy"),
        "{}",
        digest.subject
    );
    // Published again (a later date): still never a second time.
    rewind(&app, subscriber.id);
    assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 1);
    let next = digests(&app).pop().unwrap();
    assert!(!digest_slugs(&next.body).contains(&digest_slugs(&digest.body)[0]));
}

backend_test!(one_click_unsubscribe_works_from_anywhere_and_stops_the_next_digest);
async fn one_click_unsubscribe_works_from_anywhere_and_stops_the_next_digest() {
    let app = common::spawn_app().await;
    let subscriber = confirmed_subscriber(&app, "", "leaver@example.com").await;
    rewind(&app, subscriber.id);
    let jobs = jobs_for(&app);
    let (_stop, signal) = never_stopping();
    assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 1);
    let digest = digests(&app).pop().unwrap();
    let header = digest
        .header_pairs()
        .into_iter()
        .find(|(n, _)| n == "List-Unsubscribe")
        .unwrap()
        .1;
    let url = header.trim_matches(['<', '>']).to_string();
    let path = url.strip_prefix("http://careers.test").unwrap().to_string();
    // A mail provider's POST: its own origin, no stamp, RFC 8058's body.
    let r = reqwest::Client::new()
        .post(app.url(&path))
        .header("origin", "https://mail.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(subscriptions(&app).is_empty());
    let left: i64 = alert_deliveries::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(left, 0, "the deliveries go with the subscription");
    // Again, or without any header: the same answer.
    let r = reqwest::Client::new()
        .post(app.url(&path))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    rewind(&app, subscriber.id);
    assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 0);
    // Only this address is let through: other public POSTs still need an origin.
    let r = reqwest::Client::new()
        .post(app.url("/en/alerts"))
        .form(&[("email", "x@example.com")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
}

backend_test!(the_manage_page_changes_the_frequency_and_unsubscribes);
async fn the_manage_page_changes_the_frequency_and_unsubscribes() {
    let app = common::spawn_app().await;
    confirmed_subscriber(&app, "q=data", "me@example.com").await;
    let mail = outbox(&app).pop().unwrap();
    let manage = link(&mail.body, "/en/alerts/manage/");
    let (status, page) = app.get_html(&manage).await;
    assert_eq!(status, 200);
    assert!(page.contains(&en("alert-unsubscribe-button")));
    assert!(!page.contains("me@example.com"));
    let r = app
        .post_form(&manage, &[("action", "save"), ("frequency", "weekly")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(subscriptions(&app)[0].frequency, "weekly");
    let r = app.post_form(&manage, &[("action", "unsubscribe")]).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains(&en("alert-unsubscribed-title")));
    assert!(subscriptions(&app).is_empty());
    assert_eq!(app.get(&manage).await.status().as_u16(), 404);
    assert_eq!(
        app.get("/en/alerts/manage/nothex").await.status().as_u16(),
        404
    );
}

backend_test!(the_lease_lets_one_of_two_runners_win);
async fn the_lease_lets_one_of_two_runners_win() {
    let app = common::spawn_app().await;
    let a = jobs_for(&app).with_holder("runner-a");
    let b = jobs_for(&app).with_holder("runner-b");
    let (won_a, won_b) = tokio::join!(
        a.take_lease(Job::AlertDigests),
        b.take_lease(Job::AlertDigests)
    );
    assert!(
        won_a.unwrap() ^ won_b.unwrap(),
        "exactly one runner takes the lease"
    );
    let (winner, loser) = if won_a_holder(&app) == "runner-a" {
        (&a, &b)
    } else {
        (&b, &a)
    };
    assert!(!loser.take_lease(Job::AlertDigests).await.unwrap());
    winner.release(Job::AlertDigests, true).await.unwrap();
    // Just run: not due again until its interval has passed, for either.
    assert!(!loser.take_lease(Job::AlertDigests).await.unwrap());
    assert!(!winner.take_lease(Job::AlertDigests).await.unwrap());
    // Another job's lease is its own.
    assert!(loser.take_lease(Job::MailOutbox).await.unwrap());
    let last: Option<time::PrimitiveDateTime> = job_leases::table
        .find("alert-digests")
        .select(job_leases::last_success_at)
        .first(&mut *app.conn())
        .unwrap();
    assert!(last.is_some());
}

fn won_a_holder(app: &TestApp) -> String {
    job_leases::table
        .find("alert-digests")
        .select(job_leases::holder)
        .first(&mut *app.conn())
        .unwrap()
}

backend_test!(the_outbox_sends_through_smtp_with_both_unsubscribe_headers);
async fn the_outbox_sends_through_smtp_with_both_unsubscribe_headers() {
    let (port, mut inbox) = crate::applications::smtp_listener().await;
    let app = common::spawn_app().await;
    subscribe(&app, "en", "", "smtp@example.com", "daily").await;
    let mut jobs_config = common::config(app._dir.path(), false);
    jobs_config.database_url = app.database_url.clone();
    jobs_config.applications.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    let site = careers::startup::site(&jobs_config).unwrap();
    let jobs = Jobs::new(&jobs_config, app.pool.clone(), site).unwrap();
    let (_stop, signal) = never_stopping();
    assert_eq!(jobs.send_outbox(&signal).await.unwrap(), 1);
    let message = tokio::time::timeout(std::time::Duration::from_secs(20), inbox.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(message.contains("To: smtp@example.com"));
    assert!(
        message.contains("List-Unsubscribe: <http://careers.test/en/alerts/unsubscribe/"),
        "{message}"
    );
    assert!(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let mail = outbox(&app).pop().unwrap();
    assert!(mail.sent_at.is_some());
    assert_eq!(mail.attempts, 1);
    // Sent once: the next run sends nothing.
    assert_eq!(jobs.send_outbox(&signal).await.unwrap(), 0);
}

backend_test!(a_failing_mail_is_retried_with_backoff_and_a_failing_subscriber_dropped);
async fn a_failing_mail_is_retried_with_backoff_and_a_failing_subscriber_dropped() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = common::spawn_app().await;
    let subscriber = confirmed_subscriber(&app, "", "bounce@example.com").await;
    rewind(&app, subscriber.id);
    let mut config = common::config(app._dir.path(), false);
    config.database_url = app.database_url.clone();
    config.applications.smtp_url = Some(format!("smtp://127.0.0.1:{closed}"));
    let jobs = Jobs::new(
        &config,
        app.pool.clone(),
        careers::startup::site(&config).unwrap(),
    )
    .unwrap();
    let (_stop, signal) = never_stopping();
    jobs.queue_digests(true, &signal).await.unwrap();
    // Only the digest is due now; the confirmation mail was left unsent on purpose.
    diesel::update(mail_outbox::table.filter(mail_outbox::kind.ne("alert-digest")))
        .set(mail_outbox::sent_at.eq(careers::clock::now()))
        .execute(&mut *app.conn())
        .unwrap();
    assert_eq!(jobs.send_outbox(&signal).await.unwrap(), 0);
    let digest = digests(&app).pop().unwrap();
    assert_eq!(digest.attempts, 1);
    assert!(digest.sent_at.is_none() && digest.failed_at.is_none());
    assert!(digest.last_error.is_some());
    assert!(
        digest.next_attempt_at > careers::clock::now(),
        "tried again later"
    );
    // Not due yet: nothing is attempted.
    assert_eq!(jobs.send_outbox(&signal).await.unwrap(), 0);
    assert_eq!(digests(&app).pop().unwrap().attempts, 1);
    // Its last attempt fails: given up, and after three such digests the subscriber is dropped.
    for round in 1..=3 {
        diesel::update(
            mail_outbox::table
                .filter(mail_outbox::kind.eq("alert-digest"))
                .filter(mail_outbox::failed_at.is_null()),
        )
        .set((
            mail_outbox::attempts.eq(careers::actions::outbox::MAX_MAIL_ATTEMPTS - 1),
            mail_outbox::next_attempt_at.eq(careers::clock::now()),
        ))
        .execute(&mut *app.conn())
        .unwrap();
        jobs.send_outbox(&signal).await.unwrap();
        let s = subscriptions(&app).pop().unwrap();
        assert_eq!(s.failures, round.min(3));
        if round < 3 {
            assert!(s.dropped_at.is_none());
            // Another digest to fail.
            diesel::delete(alert_deliveries::table)
                .execute(&mut *app.conn())
                .unwrap();
            rewind(&app, subscriber.id);
            assert_eq!(jobs.queue_digests(true, &signal).await.unwrap(), 1);
        } else {
            assert!(s.dropped_at.is_some(), "dropped after three failed digests");
        }
    }
    rewind(&app, subscriber.id);
    diesel::delete(alert_deliveries::table)
        .execute(&mut *app.conn())
        .unwrap();
    assert_eq!(
        jobs.queue_digests(true, &signal).await.unwrap(),
        0,
        "a dropped subscriber gets nothing"
    );
}

/// The next message the SMTP listener receives within `secs`, soft line breaks undone.
async fn next_mail(
    inbox: &mut tokio::sync::mpsc::UnboundedReceiver<String>,
    secs: u64,
) -> Option<String> {
    tokio::time::timeout(std::time::Duration::from_secs(secs), inbox.recv())
        .await
        .ok()
        .flatten()
        .map(|m| m.replace("=\r\n", "").replace("=3D", "="))
}

/// Publishes a draft of the demo content now (as a recruiter's "publish" does); its slug.
fn publish_a_draft(database_url: &str) -> String {
    let mut conn = db::DbConn::Pg(diesel::PgConnection::establish(database_url).unwrap());
    let (id, slug): (i32, String) = vacancies::table
        .filter(vacancies::status.eq("draft"))
        .order(vacancies::id)
        .select((vacancies::id, vacancies::slug))
        .first(&mut conn)
        .unwrap();
    diesel::update(vacancies::table.find(id))
        .set((
            vacancies::status.eq("published"),
            vacancies::published_at.eq(careers::clock::now()),
            vacancies::valid_through.eq(None::<time::PrimitiveDateTime>),
        ))
        .execute(&mut conn)
        .unwrap();
    // Written around the actions: list it as publishing does.
    db::listing::sync_vacancy(&mut conn, id, careers::clock::now()).unwrap();
    slug
}

/// The test: two `careers serve` processes on one PostgreSQL database, both running the
/// jobs every second with a three-second alert "day", and a real SMTP listener. One confirmed
/// subscriber gets exactly one digest per new vacancy (never one from each instance), a new
/// vacancy appears in the next digest and never again, and one-click unsubscribe stops the next.
#[tokio::test]
async fn two_instances_mail_one_digest_per_period_through_smtp() {
    let Some(db) = common::PgTestDb::create() else {
        return;
    };
    let (port, mut inbox) = crate::applications::smtp_listener().await;
    let smtp = format!("smtp://127.0.0.1:{port}");
    let settings = |demo: &'static str| {
        vec![
            ("SMTP_URL", smtp.clone()),
            ("DEMO", demo.to_string()),
            ("MIN_FILL_SECONDS", "0".to_string()),
            ("JOBS_TICK_SECONDS", "1".to_string()),
            ("ALERTS_INTERVAL_SECONDS", "1".to_string()),
            ("OUTBOX_INTERVAL_SECONDS", "1".to_string()),
            ("ALERTS_DAY_SECONDS", "3".to_string()),
        ]
    };
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let start = |dir: &std::path::Path, demo: &'static str| {
        let owned = settings(demo);
        let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
        crate::instances::start_with(&db.url, dir, &pairs)
    };
    // The first loads the demo content; then the second starts beside it.
    let one = start(dirs[0].path(), "true");
    let two = start(dirs[1].path(), "false");
    let client = common::new_client();

    let page = client
        .get(one.url("/en/vacancies"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let r = client
        .post(one.url("/en/alerts"))
        .form(&[
            ("query", ""),
            ("email", "both@example.com"),
            ("frequency", "daily"),
            ("form_stamp", hidden(&page, "form_stamp").as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let confirmation = next_mail(&mut inbox, 30)
        .await
        .expect("the confirmation mail");
    assert!(confirmation.contains("To: both@example.com"));
    let confirm = link(&confirmation, "/en/alerts/confirm/");
    let r = client.post(two.url(&confirm)).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 200);

    // A new vacancy: exactly one digest, from one of the two instances.
    let first = publish_a_draft(&db.url);
    let digest = next_mail(&mut inbox, 30).await.expect("a digest");
    assert_eq!(digest_slugs(&digest), [first], "{digest}");
    assert!(digest.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    // Three more periods: nothing new, so no mail, and no second copy from the other instance.
    assert_eq!(
        next_mail(&mut inbox, 10).await,
        None,
        "one digest, not one per instance"
    );

    // The next vacancy comes in the next digest, the first never again.
    let second = publish_a_draft(&db.url);
    let digest = next_mail(&mut inbox, 30).await.expect("the next digest");
    assert_eq!(digest_slugs(&digest), [second], "{digest}");
    assert_eq!(next_mail(&mut inbox, 8).await, None);

    // One-click unsubscribe (a mail provider's POST, to the other instance) stops the next.
    let unsubscribe = link(&digest, "/en/alerts/unsubscribe/");
    let r = reqwest::Client::new()
        .post(one.url(&unsubscribe))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let mut conn = db::DbConn::Pg(diesel::PgConnection::establish(&db.url).unwrap());
    diesel::update(vacancies::table.filter(vacancies::status.eq("published")))
        .set(vacancies::published_at.eq(careers::clock::now()))
        .execute(&mut conn)
        .unwrap();
    db::listing::rebuild(&mut conn, careers::clock::now()).unwrap();
    assert_eq!(
        next_mail(&mut inbox, 8).await,
        None,
        "no digest after unsubscribing"
    );
    let last_run: Option<time::PrimitiveDateTime> = job_leases::table
        .find("alert-digests")
        .select(job_leases::last_success_at)
        .first(&mut conn)
        .unwrap();
    assert!(last_run.is_some());
    drop((one, two));
}

backend_test!(recruiters_see_confirmed_subscribers_and_the_last_alert_run);
async fn recruiters_see_confirmed_subscribers_and_the_last_alert_run() {
    let app = common::spawn_app().await;
    confirmed_subscriber(&app, "", "one@example.com").await;
    confirmed_subscriber(&app, "q=rust", "two@example.com").await;
    subscribe(&app, "en", "", "unconfirmed@example.com", "daily").await;
    let admin = app.with_new_client();
    admin.admin().await;
    let (_, page) = admin.get_html("/admin").await;
    let figures = common::texts(&page, "#alert-figures li");
    assert_eq!(figures[0], "2 confirmed subscribers", "{figures:?}");
    assert!(
        figures[1].ends_with(&en("admin-alerts-never")),
        "{figures:?}"
    );
    assert!(!page.contains("one@example.com"));
    let jobs = jobs_for(&app);
    let (_stop, signal) = never_stopping();
    assert!(jobs.run_if_due(Job::AlertDigests, &signal).await.unwrap());
    let (_, page) = admin.get_html("/admin").await;
    let figures = common::texts(&page, "#alert-figures li");
    assert!(
        !figures[1].ends_with(&en("admin-alerts-never")),
        "{figures:?}"
    );
}

/// A real `careers serve` whose jobs run every second and whose mail server refuses: the
/// confirmation mail stays in the outbox, retried later, and `/metrics` reports the outbox
/// depth, the failed attempt and the time of the last alert run (real values, read from the
/// database by the jobs loop), in a format promtool accepts.
#[tokio::test]
async fn metrics_report_the_outbox_and_the_last_alert_run() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("careers.db").display());
    let server = crate::instances::start_with(
        &url,
        dir.path(),
        &[
            ("DEMO", "true"),
            ("MIN_FILL_SECONDS", "0"),
            ("JOBS_TICK_SECONDS", "1"),
            ("OUTBOX_INTERVAL_SECONDS", "1"),
            ("METRICS_TOKEN", "alerts-metrics"),
            // Nothing listens on port 1: every attempt fails.
            ("SMTP_URL", "smtp://127.0.0.1:1"),
        ],
    );
    let started = careers::clock::unix_now();
    let client = common::new_client();
    let page = client
        .get(server.url("/en/vacancies"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let r = client
        .post(server.url("/en/alerts"))
        .form(&[
            ("query", ""),
            ("email", "metrics@example.com"),
            ("frequency", "weekly"),
            ("form_stamp", hidden(&page, "form_stamp").as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let read = || async {
        client
            .get(server.url("/metrics"))
            .bearer_auth("alerts-metrics")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let sample = crate::ops::sample;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let metrics = loop {
        let metrics = read().await;
        let failed = sample(&metrics, "careers_mail_outbox_failures_total") >= 1.0;
        let pending = sample(&metrics, "careers_mail_outbox_pending") == 1.0;
        if failed && pending {
            break metrics;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the metrics did not move:\n{metrics}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    let last_run = sample(&metrics, "careers_alerts_last_success_time_seconds");
    assert!(last_run >= (started - 60) as f64, "{last_run}");
    if let Some(out) = crate::ops::promtool_check(&metrics) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

backend_test!(alerts_send_now_mails_every_confirmed_subscriber_and_exits);
async fn alerts_send_now_mails_every_confirmed_subscriber_and_exits() {
    let app = common::spawn_app().await;
    let weekly = confirmed_subscriber(&app, "", "weekly@example.com").await;
    diesel::update(alert_subscriptions::table.find(weekly.id))
        .set(alert_subscriptions::frequency.eq("weekly"))
        .execute(&mut *app.conn())
        .unwrap();
    // Its week has not passed, but send-now sends whatever is new for it.
    let five_minutes_ago = careers::clock::now() - time::Duration::minutes(5);
    diesel::update(alert_subscriptions::table.find(weekly.id))
        .set(alert_subscriptions::last_digest_at.eq(five_minutes_ago))
        .execute(&mut *app.conn())
        .unwrap();
    diesel::update(vacancies::table.filter(vacancies::slug.eq("backend-developer-rust")))
        .set(vacancies::published_at.eq(careers::clock::now()))
        .execute(&mut *app.conn())
        .unwrap();
    db::listing::rebuild(&mut app.conn(), careers::clock::now()).unwrap();
    subscribe(&app, "en", "", "pending@example.com", "daily").await;
    let out = app.run_command(&["alerts", "send-now"]);
    assert!(out.contains("queued 1 alert digests"), "{out}");
    let digest = digests(&app).pop().unwrap();
    assert_eq!(digest.recipient, "weekly@example.com");
    assert!(digest.sent_at.is_some(), "sent before the command exits");
    assert!(
        digest.body.is_empty(),
        "a sent message keeps no private link"
    );
    let last: Option<time::PrimitiveDateTime> = job_leases::table
        .find("alert-digests")
        .select(job_leases::last_success_at)
        .first(&mut *app.conn())
        .unwrap();
    assert!(last.is_some());
}

backend_test!(a_digest_follows_the_saved_filters_and_keywords);
async fn a_digest_follows_the_saved_filters_and_keywords() {
    let app = common::spawn_app().await;
    let jobs = jobs_for(&app);
    let (_stop, signal) = never_stopping();
    for (query, email) in [
        ("category=backend", "backend@example.com"),
        ("q=python", "keyword@example.com"),
    ] {
        let subscriber = confirmed_subscriber(&app, query, email).await;
        rewind(&app, subscriber.id);
        assert_eq!(
            jobs.queue_digests(true, &signal).await.unwrap(),
            1,
            "{query}"
        );
        let digest = digests(&app).pop().unwrap();
        assert_eq!(digest.recipient, email);
        let listed = digest_slugs(&digest.body);
        // The list shows the same vacancies (ranked for keywords; the digest is newest first).
        let (_, page) = app.get_html(&format!("/en/vacancies?{query}")).await;
        let mut on_page: Vec<String> = page
            .match_indices("<h3 class=\"card-title\"><a href=\"/en/vacancies/")
            .map(|(at, m)| page[at + m.len()..].split('"').next().unwrap().to_string())
            .collect();
        assert!(on_page.len() > 1 && on_page.len() < 20, "{query}: one page");
        let published = |slug: &String| {
            vacancies::table
                .filter(vacancies::slug.eq(slug))
                .select(vacancies::published_at)
                .first::<Option<time::PrimitiveDateTime>>(&mut *app.conn())
                .unwrap()
        };
        let dates: Vec<_> = listed.iter().map(published).collect();
        assert!(
            dates.windows(2).all(|w| w[0] >= w[1]),
            "{query}: newest first"
        );
        let mut listed = listed;
        listed.sort();
        on_page.sort();
        assert_eq!(listed, on_page, "{query}");
    }
}
