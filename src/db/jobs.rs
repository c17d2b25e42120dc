//! Leases of the periodic jobs: one row per job, taken by one `UPDATE` so that exactly one
//! instance runs each due job, on SQLite and PostgreSQL alike.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::job_leases;
use super::DbConn;

/// Takes the lease of job `name` for `holder` until `until`, when the lease has run out and
/// the job's last success is not after `due_before` (so a job that another instance has just
/// finished is not run again). True when taken.
pub fn take_lease(
    conn: &mut DbConn,
    name: &str,
    holder: &str,
    now: PrimitiveDateTime,
    until: PrimitiveDateTime,
    due_before: PrimitiveDateTime,
) -> QueryResult<bool> {
    let taken = diesel::update(
        job_leases::table
            .find(name)
            .filter(job_leases::lease_until.lt(now))
            .filter(
                job_leases::last_success_at
                    .is_null()
                    .or(job_leases::last_success_at.le(due_before)),
            ),
    )
    .set((
        job_leases::holder.eq(holder),
        job_leases::lease_until.eq(until),
    ))
    .execute(conn)?;
    Ok(taken == 1)
}

/// Ends `holder`'s lease; with `success_at` the job counts as run then.
pub fn release(
    conn: &mut DbConn,
    name: &str,
    holder: &str,
    now: PrimitiveDateTime,
    success_at: Option<PrimitiveDateTime>,
) -> QueryResult<usize> {
    let mine = job_leases::table
        .find(name)
        .filter(job_leases::holder.eq(holder));
    match success_at {
        Some(at) => diesel::update(mine)
            .set((
                job_leases::lease_until.eq(now),
                job_leases::last_success_at.eq(Some(at)),
            ))
            .execute(conn),
        None => diesel::update(mine)
            .set(job_leases::lease_until.eq(now))
            .execute(conn),
    }
}

/// When job `name` last finished without error.
pub fn last_success(conn: &mut DbConn, name: &str) -> QueryResult<Option<PrimitiveDateTime>> {
    Ok(job_leases::table
        .find(name)
        .select(job_leases::last_success_at)
        .first::<Option<PrimitiveDateTime>>(conn)
        .optional()?
        .flatten())
}

/// Records a successful run made without the lease (`careers alerts send-now`).
pub fn mark_success(conn: &mut DbConn, name: &str, at: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::update(job_leases::table.find(name))
        .set(job_leases::last_success_at.eq(Some(at)))
        .execute(conn)
}
