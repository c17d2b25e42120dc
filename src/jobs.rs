//! The periodic work `serve` runs itself, without cron, on any number of instances: alert
//! digests, the mail outbox (sending and retrying), and cleanup (unconfirmed alerts, old outbox
//! rows). Each job has a lease row (`db::jobs`): an instance runs a due job only after taking
//! its lease with one `UPDATE … WHERE lease_until < now`, so exactly one instance runs it.
//! The loop ends its current step and returns when the process stops (`shutdown::Signal`).

use std::sync::Arc;
use std::time::Duration as StdDuration;
use time::Duration;

use crate::actions::alerts::{self as alert_actions, DigestOutcome};
use crate::actions::outbox::{self as outbox_actions, SendResult};
use crate::config::Config;
use crate::db::{self, DbPool};
use crate::error::AppError;
use crate::mail::Mailer;
use crate::models::{Category, Frequency};
use crate::shutdown::Signal;
use crate::site::Site;

/// The periodic jobs, each with its lease row (inserted by the migration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    AlertDigests,
    StaleSubscriptions,
    MailOutbox,
}

impl Job {
    pub const ALL: [Job; 3] = [Job::MailOutbox, Job::AlertDigests, Job::StaleSubscriptions];

    pub fn name(self) -> &'static str {
        match self {
            Job::AlertDigests => "alert-digests",
            Job::StaleSubscriptions => "stale-subscriptions",
            Job::MailOutbox => "mail-outbox",
        }
    }
}

/// Intervals of the jobs (see `OpsConfig`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub tick: StdDuration,
    pub alerts_interval: Duration,
    pub alerts_day: Duration,
    pub outbox_interval: Duration,
    pub cleanup_interval: Duration,
    pub lease: Duration,
}

fn seconds(n: u64) -> Duration {
    Duration::seconds(i64::try_from(n.max(1)).unwrap_or(i64::MAX))
}

impl Settings {
    pub fn from_config(config: &Config) -> Settings {
        let ops = &config.ops;
        Settings {
            tick: StdDuration::from_secs(ops.jobs_tick_seconds.max(1)),
            alerts_interval: seconds(ops.alerts_interval_seconds),
            alerts_day: seconds(ops.alerts_day_seconds),
            outbox_interval: seconds(ops.outbox_interval_seconds),
            cleanup_interval: seconds(ops.cleanup_interval_seconds),
            lease: seconds(ops.job_lease_seconds),
        }
    }

    fn interval(&self, job: Job) -> Duration {
        match job {
            Job::AlertDigests => self.alerts_interval,
            Job::StaleSubscriptions => self.cleanup_interval,
            Job::MailOutbox => self.outbox_interval,
        }
    }
}

/// What the jobs need: the pool, the mailer, the site (for absolute links) and the categories
/// (for the saved searches).
pub struct Jobs {
    pool: DbPool,
    mailer: Arc<Mailer>,
    site: Site,
    categories: Vec<Category>,
    pub settings: Settings,
    /// Names this process in the lease rows.
    holder: String,
}

async fn run_db<F, T>(pool: &DbPool, work: F) -> Result<T, String>
where
    F: FnOnce(&mut db::DbConn) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    db::blocking(pool, work).await.map_err(|e| e.to_string())
}

impl Jobs {
    pub fn new(config: &Config, pool: DbPool, site: Site) -> Result<Jobs, String> {
        let mailer = Mailer::from_config(&config.applications)?;
        let categories = {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            db::taxonomy::categories(&mut conn).map_err(|e| e.to_string())?
        };
        Ok(Jobs {
            pool,
            mailer: Arc::new(mailer),
            site,
            categories,
            settings: Settings::from_config(config),
            holder: format!("{}-{:08x}", std::process::id(), rand::random::<u32>()),
        })
    }

    /// The same jobs under another holder name (a second runner, for tests of the lease).
    pub fn with_holder(mut self, holder: &str) -> Jobs {
        self.holder = holder.to_string();
        self
    }

    /// Runs every due job whose lease this instance gets, then waits a tick, until `signal`.
    pub async fn run(self, mut signal: Signal) {
        log::info!(
            "background jobs running (every {} s)",
            self.settings.tick.as_secs()
        );
        while !signal.is_stopping() {
            for job in Job::ALL {
                if signal.is_stopping() {
                    break;
                }
                if let Err(e) = self.run_if_due(job, &signal).await {
                    log::error!("job {}: {e}", job.name());
                }
            }
            self.refresh_gauges().await;
            let tick = actix_web::rt::time::sleep(self.settings.tick);
            futures_util::pin_mut!(tick);
            let stopping = signal.stopping();
            futures_util::pin_mut!(stopping);
            futures_util::future::select(tick, stopping).await;
        }
        log::info!("background jobs stopped");
    }

    /// Takes the lease of `job` when it is due and free: true when this runner holds it now.
    pub async fn take_lease(&self, job: Job) -> Result<bool, String> {
        let (name, holder) = (job.name(), self.holder.clone());
        let (lease, interval) = (self.settings.lease, self.settings.interval(job));
        run_db(&self.pool, move |conn| {
            let now = crate::clock::now();
            Ok(db::jobs::take_lease(
                conn,
                name,
                &holder,
                now,
                now + lease,
                now - interval,
            )?)
        })
        .await
    }

    /// Ends this runner's lease of `job`, as a success (the job counts as run) or not.
    pub async fn release(&self, job: Job, success: bool) -> Result<(), String> {
        let (name, holder) = (job.name(), self.holder.clone());
        run_db(&self.pool, move |conn| {
            let now = crate::clock::now();
            db::jobs::release(conn, name, &holder, now, success.then_some(now))?;
            Ok(())
        })
        .await
    }

    /// Runs `job` if it is due and this runner gets its lease; true when it ran.
    pub async fn run_if_due(&self, job: Job, signal: &Signal) -> Result<bool, String> {
        if !self.take_lease(job).await? {
            return Ok(false);
        }
        let result = match job {
            Job::AlertDigests => self.queue_digests(false, signal).await.map(|_| ()),
            Job::StaleSubscriptions => self.delete_stale().await.map(|_| ()),
            Job::MailOutbox => self.send_outbox(signal).await.map(|_| ()),
        };
        // Stopped half-way: not a success, so the next instance does the rest at once.
        let success = result.is_ok() && !signal.is_stopping();
        self.release(job, success).await?;
        result.map(|_| true)
    }

    /// Queues the digest of every subscriber whose day or week has passed (`all`: every
    /// confirmed subscriber, whatever their frequency). Gives the number of digests queued.
    pub async fn queue_digests(&self, all: bool, signal: &Signal) -> Result<usize, String> {
        let now = crate::clock::now();
        let day = self.settings.alerts_day;
        let mut queued = 0;
        let groups: Vec<Option<Frequency>> = if all {
            vec![None]
        } else {
            vec![Some(Frequency::Daily), Some(Frequency::Weekly)]
        };
        for frequency in groups {
            let mut after = 0;
            loop {
                let page = run_db(&self.pool, move |conn| {
                    Ok(match frequency {
                        Some(f) => {
                            db::alerts::due(conn, f.as_str(), now - f.period(day), after, 100)?
                        }
                        None => db::alerts::confirmed(conn, after, 100)?,
                    })
                })
                .await?;
                let Some(last) = page.last() else { break };
                after = last.id;
                for subscription in page {
                    if signal.is_stopping() {
                        return Ok(queued);
                    }
                    let (site, categories) = (self.site.clone(), self.categories.clone());
                    let outcome = run_db(&self.pool, move |conn| {
                        alert_actions::queue_digest(conn, &site, &categories, subscription.id, now)
                    })
                    .await?;
                    if let DigestOutcome::Queued(_) = outcome {
                        queued += 1;
                    }
                }
            }
        }
        if queued > 0 {
            log::info!("queued {queued} alert digests");
        }
        Ok(queued)
    }

    /// Sends the outbox's due messages, one claimed at a time. Gives the number sent.
    pub async fn send_outbox(&self, signal: &Signal) -> Result<usize, String> {
        let now = crate::clock::now();
        let ids = run_db(&self.pool, move |conn| {
            Ok(db::outbox::due_ids(conn, now, 200)?)
        })
        .await?;
        let mut sent = 0;
        for id in ids {
            if signal.is_stopping() {
                break;
            }
            if send_one(&self.pool, &self.mailer, id, true).await? == Some(SendResult::Sent) {
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// Deletes unconfirmed subscriptions older than a week (and old outbox rows).
    pub async fn delete_stale(&self) -> Result<usize, String> {
        let deleted = run_db(&self.pool, |conn| {
            alert_actions::delete_stale(conn, crate::clock::now())
        })
        .await?;
        if deleted > 0 {
            log::info!("deleted {deleted} unconfirmed alert subscriptions");
        }
        Ok(deleted)
    }

    /// Records an alert run made outside the lease (`careers alerts send-now`) as the last
    /// successful one.
    pub async fn record_alert_run(&self) -> Result<(), String> {
        run_db(&self.pool, |conn| {
            Ok(db::jobs::mark_success(
                conn,
                Job::AlertDigests.name(),
                crate::clock::now(),
            )?)
        })
        .await
        .map(|_| ())
    }

    /// Sets the outbox depth and last-alert-run gauges from the database (shared by every
    /// instance, so each reports the same real values).
    pub async fn refresh_gauges(&self) {
        let read = run_db(&self.pool, |conn| {
            let pending = db::outbox::count_pending(conn)?;
            let last = db::jobs::last_success(conn, Job::AlertDigests.name())?;
            Ok((pending, last))
        })
        .await;
        match read {
            Ok((pending, last)) => {
                crate::metrics::outbox_pending(pending);
                if let Some(at) = last {
                    crate::metrics::alerts_last_success(at.assume_utc().unix_timestamp());
                }
            }
            Err(e) => log::warn!("job gauges not refreshed: {e}"),
        }
    }
}

/// Claims, sends and records one outbox message; `None` when another sender had claimed it.
async fn send_one(
    pool: &DbPool,
    mailer: &Mailer,
    id: i32,
    due_only: bool,
) -> Result<Option<SendResult>, String> {
    let claimed = run_db(pool, move |conn| {
        outbox_actions::claim_mail(conn, id, crate::clock::now(), due_only)
    })
    .await?;
    let Some(mail) = claimed else {
        return Ok(None);
    };
    // At least once: a crash after the server accepted the message and before the row is
    // marked sent sends it again when the claim runs out.
    let result = mailer.send_outbox(&mail).await;
    let outcome = run_db(pool, move |conn| {
        outbox_actions::record_send(conn, &mail, result, crate::clock::now())
    })
    .await?;
    if outcome != SendResult::Sent {
        crate::metrics::outbox_failure();
    }
    Ok(Some(outcome))
}

/// Sends messages a request has just queued (an application's receipt and notice) at once,
/// without waiting for the outbox job, which sends them later if this fails or never runs.
pub async fn send_now(pool: DbPool, mailer: Arc<Mailer>, ids: Vec<i32>) {
    for id in ids {
        if let Err(e) = send_one(&pool, &mailer, id, false).await {
            log::error!("outbox message {id} not sent now (the outbox job retries): {e}");
        }
    }
}
