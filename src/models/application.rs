//! Application rows (without the CV bytes, which are loaded only for a download), the insert,
//! and recruiters' notes.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::{CvKind, PublicStatus, Stage};
use crate::schema::{application_notes, applications};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = applications)]
pub struct Application {
    pub id: i32,
    pub vacancy_id: i32,
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub linkedin_url: String,
    pub github_url: String,
    pub portfolio_url: String,
    pub cover_letter: String,
    pub cv_name: String,
    pub cv_type: String,
    pub cv_size: i32,
    #[diesel(deserialize_as = super::checked::Known<super::Stage>)]
    pub status: String,
    pub client_address: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    /// The referring site or `utm_source` the candidate came from (`domain::referral`).
    pub source: Option<String>,
}

impl Application {
    /// The stored value was checked when the row was read (`checked::Known`).
    pub fn stage(&self) -> Stage {
        Stage::parse(&self.status).unwrap_or(Stage::New)
    }

    pub fn public_status(&self) -> PublicStatus {
        self.stage().public()
    }

    pub fn cv_kind(&self) -> Option<CvKind> {
        CvKind::from_mime(&self.cv_type)
    }

    pub fn links(&self) -> Vec<(&'static str, &str)> {
        [
            ("LinkedIn", self.linkedin_url.as_str()),
            ("GitHub", self.github_url.as_str()),
            ("Portfolio", self.portfolio_url.as_str()),
        ]
        .into_iter()
        .filter(|(_, url)| !url.is_empty())
        .collect()
    }
}

/// What the candidate sent, checked: the form's fields and the CV.
#[derive(Debug, Clone)]
pub struct Submission {
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub linkedin_url: String,
    pub github_url: String,
    pub portfolio_url: String,
    pub cover_letter: String,
    pub cv_name: String,
    pub cv_kind: CvKind,
    pub cv_data: Vec<u8>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = applications)]
pub struct NewApplication {
    pub vacancy_id: i32,
    pub token_hash: String,
    pub full_name: String,
    pub email: String,
    pub phone: String,
    pub linkedin_url: String,
    pub github_url: String,
    pub portfolio_url: String,
    pub cover_letter: String,
    pub cv_name: String,
    pub cv_type: String,
    pub cv_size: i32,
    pub cv_data: Vec<u8>,
    pub status: String,
    pub client_address: String,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = application_notes)]
pub struct ApplicationNote {
    pub id: i32,
    pub application_id: i32,
    pub author_id: Option<i32>,
    pub body: String,
    pub created_at: PrimitiveDateTime,
}
