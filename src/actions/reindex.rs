//! Keeps what is derived from a vacancy in step with it: its keyword index entry, the place
//! and yearly salary the board filters and sorts on, and its Markdown sections as HTML (so
//! pages never render Markdown per request). Every action that saves a vacancy calls
//! `vacancy` in its transaction; start-up fills rows saved before a derived column existed.

use diesel::prelude::*;

use crate::db::{self, DbConn};
use crate::domain::markdown;
use crate::models::{Vacancy, VacancyDerived};
use crate::schema::vacancies;

pub fn derive(v: &Vacancy) -> VacancyDerived {
    VacancyDerived {
        place_text: Some(v.place_text()),
        salary_year_top: v.yearly_salary_top(),
        summary_html: markdown::to_html(&v.summary),
        responsibilities_html: markdown::to_html(&v.responsibilities),
        requirements_html: markdown::to_html(&v.requirements),
        nice_to_have_html: markdown::to_html(&v.nice_to_have),
        benefits_html: markdown::to_html(&v.benefits),
    }
}

/// Re-derives one vacancy from its stored row and skills.
pub fn vacancy(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    let row: Vacancy = vacancies::table
        .find(id)
        .select(Vacancy::as_select())
        .first(conn)?;
    db::board::set_derived(conn, id, &derive(&row))?;
    db::search::reindex(conn, id)
}

/// Fills the vacancies never derived (after an upgrade); returns how many.
pub fn missing(conn: &mut DbConn) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let ids = db::board::underived_ids(conn)?;
        for id in &ids {
            vacancy(conn, *id)?;
        }
        Ok(ids.len())
    })
}

/// Re-derives every vacancy (`careers reindex`); returns how many.
pub fn all(conn: &mut DbConn) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let ids: Vec<i32> = vacancies::table.select(vacancies::id).load(conn)?;
        for id in &ids {
            vacancy(conn, *id)?;
        }
        Ok(ids.len())
    })
}
