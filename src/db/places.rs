//! The `vacancy_places` rows: every place of a vacancy, one row each, for queries by country.

use diesel::prelude::*;

use super::schema::vacancy_places;
use super::DbConn;
use crate::models::VacancyPlace;

/// Replaces a vacancy's places with `rows` (one insert each: no multi-row insert on both
/// backends).
pub fn set(conn: &mut DbConn, vacancy_id: i32, rows: &[VacancyPlace]) -> QueryResult<()> {
    diesel::delete(vacancy_places::table.filter(vacancy_places::vacancy_id.eq(vacancy_id)))
        .execute(conn)?;
    for row in rows {
        diesel::insert_into(vacancy_places::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// A vacancy's places in order.
pub fn of(conn: &mut DbConn, vacancy_id: i32) -> QueryResult<Vec<VacancyPlace>> {
    vacancy_places::table
        .filter(vacancy_places::vacancy_id.eq(vacancy_id))
        .order(vacancy_places::position)
        .select(VacancyPlace::as_select())
        .load(conn)
}

/// The vacancies with a place in `country` (an ISO code): what a country filter or facet joins.
pub fn vacancy_ids_in(conn: &mut DbConn, country: &str) -> QueryResult<Vec<i32>> {
    vacancy_places::table
        .filter(vacancy_places::country.eq(country))
        .select(vacancy_places::vacancy_id)
        .distinct()
        .order(vacancy_places::vacancy_id)
        .load(conn)
}
