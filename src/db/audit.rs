//! The audit trail: who changed what, when, from what to what.

use diesel::prelude::*;

use super::schema::{audit_log, users};
use super::DbConn;
use crate::models::AuditEntry;
pub use crate::models::FieldChange;

pub fn record(
    conn: &mut DbConn,
    user_id: Option<i32>,
    entity: &str,
    entity_id: i32,
    action: &str,
    changes: &[FieldChange],
) -> QueryResult<()> {
    let changes = serde_json::to_string(changes).unwrap_or_else(|_| "[]".into());
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::user_id.eq(user_id),
            audit_log::entity.eq(entity),
            audit_log::entity_id.eq(entity_id),
            audit_log::action.eq(action),
            audit_log::changes.eq(changes),
            audit_log::created_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// An entry with the name of who made it.
pub type AuditRow = (AuditEntry, Option<String>);

pub fn for_entity(conn: &mut DbConn, entity: &str, entity_id: i32) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .left_join(users::table)
        .filter(
            audit_log::entity
                .eq(entity)
                .and(audit_log::entity_id.eq(entity_id)),
        )
        .order(audit_log::id.desc())
        .select((AuditEntry::as_select(), users::name.nullable()))
        .load(conn)
}

pub fn recent(conn: &mut DbConn, limit: i64, offset: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .left_join(users::table)
        .order(audit_log::id.desc())
        .limit(limit)
        .offset(offset)
        .select((AuditEntry::as_select(), users::name.nullable()))
        .load(conn)
}

pub fn parse_changes(json: &str) -> Vec<FieldChange> {
    serde_json::from_str(json).unwrap_or_default()
}
