//! Reader comments: storing, showing the approved ones, and the moderation queue.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{articles, comments, used_stamps};
use super::DbConn;
use crate::models::{Comment, CommentStatus, NewComment};

pub fn insert(conn: &mut DbConn, comment: &NewComment) -> QueryResult<i32> {
    diesel::insert_into(comments::table)
        .values(comment)
        .returning(comments::id)
        .get_result(conn)
}

pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<Comment>> {
    comments::table
        .find(id)
        .select(Comment::as_select())
        .first(conn)
        .optional()
}

/// Approved comments of an article, oldest first.
pub fn approved_for(conn: &mut DbConn, article_id: i32) -> QueryResult<Vec<Comment>> {
    comments::table
        .filter(
            comments::article_id
                .eq(article_id)
                .and(comments::status.eq(CommentStatus::Approved.as_str())),
        )
        .order((comments::created_at, comments::id))
        .select(Comment::as_select())
        .load(conn)
}

/// Records a comment form stamp (its hash) as used; false when it was used before (a replay).
/// `ON CONFLICT DO NOTHING`, so a replay leaves the transaction usable on PostgreSQL too.
pub fn use_stamp(conn: &mut DbConn, stamp_hash: &str, now: PrimitiveDateTime) -> QueryResult<bool> {
    let row = (
        used_stamps::stamp_hash.eq(stamp_hash),
        used_stamps::used_at.eq(now),
    );
    let inserted = match conn {
        DbConn::Pg(c) => diesel::insert_into(used_stamps::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
        DbConn::Sqlite(c) => diesel::insert_into(used_stamps::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c)?,
    };
    Ok(inserted == 1)
}

/// Forgets used stamps from before `before`: older stamps are refused as expired anyway.
pub fn prune_used_stamps(conn: &mut DbConn, before: PrimitiveDateTime) -> QueryResult<usize> {
    diesel::delete(used_stamps::table.filter(used_stamps::used_at.lt(before))).execute(conn)
}

pub fn count_from_address_since(
    conn: &mut DbConn,
    address: &str,
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    comments::table
        .filter(
            comments::client_address
                .eq(address)
                .and(comments::created_at.gt(since)),
        )
        .count()
        .get_result(conn)
}

/// The moderation queue: pending first, then the rest, newest first within each; with the
/// article's title and slug.
pub fn queue(
    conn: &mut DbConn,
    status: Option<CommentStatus>,
) -> QueryResult<Vec<(Comment, String, String)>> {
    let mut query = comments::table
        .inner_join(articles::table)
        .select((Comment::as_select(), articles::title, articles::slug))
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(comments::status.eq(status.as_str()));
    }
    let mut rows: Vec<(Comment, String, String)> =
        query.order(comments::id.desc()).limit(500).load(conn)?;
    rows.sort_by_key(|(c, _, _)| c.status != CommentStatus::Pending.as_str());
    Ok(rows)
}

pub fn count_pending(conn: &mut DbConn) -> QueryResult<i64> {
    comments::table
        .filter(comments::status.eq(CommentStatus::Pending.as_str()))
        .count()
        .get_result(conn)
}

pub fn set_status(conn: &mut DbConn, ids: &[i32], status: CommentStatus) -> QueryResult<usize> {
    diesel::update(comments::table.filter(comments::id.eq_any(ids)))
        .set(comments::status.eq(status.as_str()))
        .execute(conn)
}

pub fn delete(conn: &mut DbConn, ids: &[i32]) -> QueryResult<usize> {
    diesel::delete(comments::table.filter(comments::id.eq_any(ids))).execute(conn)
}
