//! Row structs, inserts and value types. Nothing here knows about HTTP.

pub mod alert;
pub mod application;
pub mod board;
pub mod checked;
pub mod countries;
pub mod learning;
pub mod places;
pub mod slug;
pub mod stage;
pub mod translation;
pub mod vacancy;
pub mod values;

pub use alert::*;
pub use application::*;
pub use board::*;
pub use learning::*;
pub use places::{Place, VacancyPlace, MAX_PLACES};
pub use stage::*;
pub use translation::*;
pub use vacancy::*;
pub use values::*;

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::schema::{audit_log, categories, skills, users};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = categories)]
pub struct Category {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub position: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = skills)]
pub struct Skill {
    pub id: i32,
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    #[diesel(deserialize_as = checked::Known<Role>)]
    pub role: String,
    pub active: bool,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    /// Sessions signed in with another generation are over (see `actions::sessions`).
    pub session_generation: i32,
    /// The password is a temporary one an administrator set: the user must choose their own
    /// before any other admin page.
    pub must_change_password: bool,
    /// The admin area's language (a code such as `es`); empty: the site's default.
    pub lang: String,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin.as_str()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: i32,
    pub user_id: Option<i32>,
    pub entity: String,
    pub entity_id: i32,
    pub action: String,
    pub changes: String,
    pub created_at: PrimitiveDateTime,
}

/// One field's change, as stored in `audit_log.changes` (JSON).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub from: String,
    pub to: String,
}
