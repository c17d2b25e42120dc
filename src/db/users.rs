//! Accounts and the failed sign-in counter.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{login_failures, users};
use super::DbConn;
use crate::models::{Role, User};

pub fn by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<User>> {
    users::table
        .order(users::email)
        .select(User::as_select())
        .load(conn)
}

pub fn insert(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password_hash: &str,
    role: Role,
) -> QueryResult<i32> {
    let now = crate::clock::now();
    diesel::insert_into(users::table)
        .values((
            users::email.eq(email.trim().to_lowercase()),
            users::name.eq(name.trim()),
            users::password_hash.eq(password_hash),
            users::role.eq(role.as_str()),
            users::active.eq(true),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::id)
        .get_result(conn)
}

pub fn set_active(conn: &mut DbConn, id: i32, active: bool) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::active.eq(active),
            users::updated_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_password(conn: &mut DbConn, id: i32, password_hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::updated_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The admin area's language for the account (`""`: the site's default).
pub fn set_language(conn: &mut DbConn, id: i32, lang: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::lang.eq(lang),
            users::updated_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks the password as temporary (set by an administrator) or as the user's own.
pub fn set_must_change_password(conn: &mut DbConn, id: i32, must: bool) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::must_change_password.eq(must))
        .execute(conn)?;
    Ok(())
}

/// Ends every session of the account: the new generation, which a session must carry.
pub fn bump_session_generation(conn: &mut DbConn, id: i32) -> QueryResult<i32> {
    diesel::update(users::table.find(id))
        .set(users::session_generation.eq(users::session_generation + 1))
        .returning(users::session_generation)
        .get_result(conn)
}

/// Records a failure now and gives its id (a pending one, deleted again if the attempt it
/// stands for succeeds).
pub fn insert_failure(conn: &mut DbConn, subject: &str) -> QueryResult<i32> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::subject.eq(subject),
            login_failures::created_at.eq(crate::clock::now()),
        ))
        .returning(login_failures::id)
        .get_result(conn)
}

pub fn delete_failures(conn: &mut DbConn, ids: &[i32]) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::id.eq_any(ids))).execute(conn)?;
    Ok(())
}

pub fn failures_since(
    conn: &mut DbConn,
    subject: &str,
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    login_failures::table
        .filter(
            login_failures::subject
                .eq(subject)
                .and(login_failures::created_at.gt(since)),
        )
        .count()
        .get_result(conn)
}

/// Failures of `subject` since `since` recorded up to the row `up_to` (row ids grow with time).
pub fn failures_up_to(
    conn: &mut DbConn,
    subject: &str,
    since: PrimitiveDateTime,
    up_to: i32,
) -> QueryResult<i64> {
    login_failures::table
        .filter(
            login_failures::subject
                .eq(subject)
                .and(login_failures::created_at.gt(since))
                .and(login_failures::id.le(up_to)),
        )
        .count()
        .get_result(conn)
}

/// Forgets failures older than the window, so the table stays small.
pub fn prune_failures(conn: &mut DbConn, before: PrimitiveDateTime) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::created_at.le(before)))
        .execute(conn)?;
    Ok(())
}

pub fn clear_failures(conn: &mut DbConn, subject: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::subject.eq(subject)))
        .execute(conn)?;
    Ok(())
}
