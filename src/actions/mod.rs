//! Every write the site makes. One function per state change takes the connection, the actor
//! and already-parsed input, and owns its transaction, its audit entry and its counted limits.
//! It reports what changed in one typed value (`Changed`), the single spot on which cache
//! invalidation and alerts hang. Handlers never open a transaction or write the audit trail.

pub mod alerts;
pub mod applications;
pub mod articles;
pub mod comments;
pub mod demo;
pub mod generate;
pub mod limits;
pub mod outbox;
pub mod paths;
pub mod reindex;
pub mod sessions;
pub mod translations;
pub mod users;
pub mod vacancies;

use diesel::prelude::*;

use crate::db::{self, DbConn};
use crate::models::FieldChange;

/// Who makes a change: a signed-in user, or an anonymous visitor (a candidate, a commenter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    User(i32),
    Visitor,
    /// Someone at the server's command line (`careers create-admin`); no account to name.
    Operator,
}

impl Actor {
    pub fn user_id(self) -> Option<i32> {
        match self {
            Actor::User(id) => Some(id),
            Actor::Visitor | Actor::Operator => None,
        }
    }
}

/// What a write changed. `Public` changes alter what anonymous visitors see (lists, pages,
/// feeds); `Private` ones only recruiters' or one person's view. `CommentQueue`: comments
/// waiting for moderation, which readers do not see until staff approve them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Nothing,
    Vacancy {
        id: i32,
    },
    Article {
        id: i32,
    },
    Path {
        id: i32,
    },
    Comments {
        ids: Vec<i32>,
    },
    CommentQueue {
        ids: Vec<i32>,
    },
    Application {
        id: i32,
    },
    Applications {
        ids: Vec<i32>,
    },
    User {
        id: i32,
    },
    /// A sign-in; the session keeps the account's session generation.
    SignIn {
        user_id: i32,
        generation: i32,
    },
    /// Vacancies of these translation groups lapsed (`valid_through` passed) and left the
    /// board (the expiry sweep).
    Lapsed {
        groups: Vec<i32>,
    },
}

impl Changed {
    /// True when pages anonymous visitors see may look different after this change.
    pub fn is_public(&self) -> bool {
        matches!(
            self,
            Changed::Vacancy { .. }
                | Changed::Lapsed { .. }
                | Changed::Article { .. }
                | Changed::Path { .. }
                | Changed::Comments { .. }
        )
    }
}

/// A record written anew: its id, for the redirect to it, and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub id: i32,
    pub changed: Changed,
}

/// A one-step move up or down an ordered list (paths, the articles of a path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    Done(Changed),
    /// Already first (moving up) or last (moving down): nothing was written.
    AtEnd,
}

/// An audit entry as an action describes it: ids and field names, never a candidate's data.
pub struct Audit<'a> {
    pub entity: &'a str,
    pub entity_id: i32,
    pub action: &'a str,
    pub changes: Vec<FieldChange>,
}

impl<'a> Audit<'a> {
    pub fn new(entity: &'a str, entity_id: i32, action: &'a str) -> Audit<'a> {
        Audit {
            entity,
            entity_id,
            action,
            changes: Vec::new(),
        }
    }

    pub fn with_changes(mut self, changes: Vec<FieldChange>) -> Audit<'a> {
        self.changes = changes;
        self
    }

    /// One field that went from `from` to `to`.
    pub fn field(mut self, field: &str, from: &str, to: &str) -> Audit<'a> {
        self.changes.push(FieldChange {
            field: field.to_string(),
            from: from.to_string(),
            to: to.to_string(),
        });
        self
    }
}

/// Ends every write, inside its transaction: the audit entries, then the report of what
/// changed. Whatever must follow every write (invalidation, alerts) goes here, once.
pub fn finish(
    conn: &mut DbConn,
    actor: Actor,
    audits: Vec<Audit<'_>>,
    changed: Changed,
) -> QueryResult<Changed> {
    if let Changed::Vacancy { id } = &changed {
        // The board, its counts and its keyword index follow every vacancy write, for the
        // vacancy's whole translation group (a translation changes what its original lists).
        db::listing::sync_vacancy(conn, *id, crate::clock::now())?;
    }
    if changed.is_public() {
        // In the same transaction as the change: no instance can see the change and an old
        // generation together.
        db::site_state::bump_generation(conn)?;
    }
    for audit in audits {
        db::audit::record(
            conn,
            actor.user_id(),
            audit.entity,
            audit.entity_id,
            audit.action,
            &audit.changes,
        )?;
    }
    Ok(changed)
}
