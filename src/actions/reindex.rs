//! Keeps what is derived from a vacancy (and an article's HTML) in step with it: its keyword index entry, the place
//! and yearly salary the board filters and sorts on, its `vacancy_places` rows, and its
//! Markdown sections as HTML (so pages never render Markdown per request). Every action that
//! saves a vacancy calls `vacancy` in its transaction; start-up fills rows saved before a
//! derived column existed.

use diesel::prelude::*;

use crate::db::{self, DbConn};
use crate::domain::markdown;
use crate::models::{Vacancy, VacancyDerived};
use crate::schema::vacancies;

pub fn derive(v: &Vacancy) -> VacancyDerived {
    let html = markdown::vacancy_html(v);
    VacancyDerived {
        place_text: Some(v.place_text()),
        salary_year_top: v.yearly_salary_top(),
        summary_html: html.summary_html,
        responsibilities_html: html.responsibilities_html,
        requirements_html: html.requirements_html,
        nice_to_have_html: html.nice_to_have_html,
        benefits_html: html.benefits_html,
    }
}

/// Re-derives one vacancy from its stored row and skills.
pub fn vacancy(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    let row: Vacancy = vacancies::table
        .find(id)
        .select(Vacancy::as_select())
        .first(conn)?;
    db::board::set_derived(conn, id, &derive(&row))?;
    db::places::set(conn, id, &row.place_rows())?;
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

/// Re-derives every vacancy and re-renders every article (`careers reindex`, after an upgrade
/// that changes how text is indexed or rendered); returns how many vacancies.
pub fn all(conn: &mut DbConn) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let ids: Vec<i32> = vacancies::table.select(vacancies::id).load(conn)?;
        for id in &ids {
            vacancy(conn, *id)?;
        }
        db::listing::rebuild(conn, crate::clock::now())?;
        db::site_state::bump_generation(conn)?;
        for article in db::learning::all_articles(conn)? {
            db::learning::set_article_html(conn, article.id, &markdown::to_html(&article.body))?;
        }
        Ok(ids.len())
    })
}

/// Rebuilds the board when it does not list exactly the open vacancies (a new or upgraded
/// database, vacancies written around the actions); returns the board rows written, or `None`
/// when it was in step. Vacancies that lapsed while no server ran only leave the board, as the
/// expiry sweep takes them off: a database made by `careers generate` has some lapse within
/// minutes, and rebuilding 100,000 rows for them held start-up for minutes.
pub fn board_if_stale(conn: &mut DbConn) -> QueryResult<Option<i64>> {
    conn.transaction(|conn| {
        let now = crate::clock::now();
        let lapsed = db::listing::lapsed_groups(conn, now)?;
        if !lapsed.is_empty() {
            db::listing::sync_groups(conn, &lapsed, now)?;
            db::site_state::bump_generation(conn)?;
        }
        if !db::listing::is_stale(conn, now)? {
            return Ok(None);
        }
        let rows = db::listing::rebuild(conn, now)?;
        db::site_state::bump_generation(conn)?;
        Ok(Some(rows))
    })
}
