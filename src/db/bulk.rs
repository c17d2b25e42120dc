//! Writes for loading many vacancies at once (`careers generate`): whole rows with their
//! dates and status in one insert, skills by id, and the few look-ups a loader needs up front.
//! The caller owns the transactions, so it can batch many rows into each.

use std::collections::HashSet;

use diesel::dsl::max;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{vacancies, vacancy_skills};
use super::DbConn;
use crate::models::{VacancyFields, VacancyStatus};

/// A complete vacancy row: what a recruiter would have typed, plus what the site would have
/// set over the vacancy's life (slug, status, dates).
pub struct VacancyRow<'a> {
    pub fields: &'a VacancyFields,
    pub slug: &'a str,
    pub status: VacancyStatus,
    pub published_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
}

/// Inserts one row as given; returns its id. The slug must be free: nothing checks it here.
pub fn insert_vacancy(conn: &mut DbConn, row: &VacancyRow<'_>) -> QueryResult<i32> {
    diesel::insert_into(vacancies::table)
        .values((
            row.fields,
            vacancies::slug.eq(row.slug),
            vacancies::status.eq(row.status.as_str()),
            vacancies::published_at.eq(row.published_at),
            vacancies::created_at.eq(row.created_at),
            vacancies::updated_at.eq(row.updated_at),
        ))
        .returning(vacancies::id)
        .get_result(conn)
}

/// Links skills (already created, distinct) to a new vacancy, in the given order; positions
/// start at 1 like `taxonomy::set_skills` numbers them.
pub fn add_skills(conn: &mut DbConn, vacancy_id: i32, skill_ids: &[i32]) -> QueryResult<()> {
    for (i, skill_id) in skill_ids.iter().enumerate() {
        diesel::insert_into(vacancy_skills::table)
            .values((
                vacancy_skills::vacancy_id.eq(vacancy_id),
                vacancy_skills::skill_id.eq(skill_id),
                vacancy_skills::position.eq(i as i32 + 1),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The highest vacancy id, 0 when there is none: numbers above it were never used in a slug
/// by an earlier load.
pub fn max_vacancy_id(conn: &mut DbConn) -> QueryResult<i32> {
    Ok(vacancies::table
        .select(max(vacancies::id))
        .first::<Option<i32>>(conn)?
        .unwrap_or(0))
}

/// Every slug in use, read once so a loader can avoid them without a query per row.
pub fn vacancy_slugs(conn: &mut DbConn) -> QueryResult<HashSet<String>> {
    Ok(vacancies::table
        .select(vacancies::slug)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}
