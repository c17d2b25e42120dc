//! Writes to reader comments: a reader posting one, and staff moderating them (approve, spam,
//! back to the queue, delete).

use super::{finish, limits, Actor, Audit, Changed};
use crate::db::{self, DbConn};
use crate::error::{AppError, AppResult};
use crate::models::{CommentStatus, NewComment};

const ENTITY: &str = "comment";

/// A comment as the form parsed it; the action decides its status and time.
#[derive(Debug, Clone)]
pub struct CommentPost {
    pub article_id: i32,
    pub parent_id: Option<i32>,
    pub author_name: String,
    pub email: String,
    pub website: String,
    pub body: String,
    /// The address the per-address limit counts against.
    pub client_address: String,
    /// The form stamp the comment came with (already checked): each stamp posts once.
    pub stamp: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentOutcome {
    /// Stored, waiting in the moderation queue.
    Held { id: i32, changed: Changed },
    /// The address has sent its comments for the window; nothing stored.
    RateLimited,
    /// The form stamp was used for a comment before (a replayed post); nothing stored.
    Replayed,
}

/// Stores a reader's comment in the moderation queue. Every comment waits for staff: the
/// email address is never verified, so it cannot earn trust. The form stamp is recorded as
/// used in the same transaction, so a captured form cannot be replayed. Readers' comments are
/// not audited: the audit trail records staff's work.
pub fn post_comment(
    conn: &mut DbConn,
    actor: Actor,
    post: CommentPost,
) -> AppResult<CommentOutcome> {
    let now = crate::clock::now();
    let stamp_hash = crate::tokens::token_hash(post.stamp.trim());
    conn.transaction::<_, AppError, _>(|conn| {
        if limits::comments_exhausted(conn, &post.client_address, now)? {
            return Ok(CommentOutcome::RateLimited);
        }
        db::comments::prune_used_stamps(
            conn,
            now - time::Duration::seconds(crate::stamp::MAX_AGE_SECS + 3600),
        )?;
        if !db::comments::use_stamp(conn, &stamp_hash, now)? {
            return Ok(CommentOutcome::Replayed);
        }
        let id = db::comments::insert(
            conn,
            &NewComment {
                article_id: post.article_id,
                parent_id: post.parent_id,
                author_name: post.author_name,
                email: post.email,
                website: post.website,
                body: post.body,
                status: CommentStatus::Pending.as_str().into(),
                client_address: post.client_address,
                created_at: now,
            },
        )?;
        let changed = finish(
            conn,
            actor,
            Vec::new(),
            Changed::CommentQueue { ids: vec![id] },
        )?;
        Ok(CommentOutcome::Held { id, changed })
    })
}

/// What staff do to comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moderation {
    Set(CommentStatus),
    Delete,
}

impl Moderation {
    pub fn parse(text: &str) -> Option<Moderation> {
        match text {
            "approve" => Some(Moderation::Set(CommentStatus::Approved)),
            "spam" => Some(Moderation::Set(CommentStatus::Spam)),
            "pending" => Some(Moderation::Set(CommentStatus::Pending)),
            "delete" => Some(Moderation::Delete),
            _ => None,
        }
    }

    /// The action's name in the form and in the audit trail.
    pub fn name(self) -> &'static str {
        match self {
            Moderation::Set(CommentStatus::Approved) => "approve",
            Moderation::Set(CommentStatus::Spam) => "spam",
            Moderation::Set(CommentStatus::Pending) => "pending",
            Moderation::Delete => "delete",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moderated {
    /// Comments that changed; those already in the status, or gone, are not counted.
    pub count: usize,
    pub changed: Changed,
}

/// Applies one moderation to many comments, all or none. Ids that are gone (deleted in another
/// tab) are skipped, not an error. A deletion is recorded by id and status only: the author and
/// text are personal data, and deleting must not leave a copy of them in the audit trail.
pub fn moderate(
    conn: &mut DbConn,
    actor: Actor,
    moderation: Moderation,
    ids: &[i32],
) -> AppResult<Moderated> {
    conn.transaction::<_, AppError, _>(|conn| {
        let mut audits = Vec::new();
        let mut done = Vec::new();
        for &id in ids {
            let Some(comment) = db::comments::by_id(conn, id)? else {
                continue;
            };
            let audit = Audit::new(ENTITY, id, moderation.name());
            let audit = match moderation {
                Moderation::Set(status) if comment.status == status.as_str() => continue,
                Moderation::Set(status) => {
                    db::comments::set_status(conn, &[id], status)?;
                    audit.field("status", &comment.status, status.as_str())
                }
                Moderation::Delete => {
                    db::comments::delete(conn, &[id])?;
                    audit.field("status", &comment.status, "deleted")
                }
            };
            audits.push(audit);
            done.push(id);
        }
        let count = done.len();
        let changed = if done.is_empty() {
            Changed::Nothing
        } else {
            Changed::Comments { ids: done }
        };
        let changed = finish(conn, actor, audits, changed)?;
        Ok(Moderated { count, changed })
    })
}
