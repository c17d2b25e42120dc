//! Application queries: the candidate's insert and receipt, the recruiters' list, filters,
//! notes and pipeline, and erasing (which takes the CV bytes with the row).

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{application_notes, applications, users, vacancies};
use super::DbConn;
use crate::models::Stage;
use crate::models::{Application, ApplicationNote, NewApplication, VacancyStatus};

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

pub fn insert(conn: &mut DbConn, new: &NewApplication) -> QueryResult<i32> {
    diesel::insert_into(applications::table)
        .values(new)
        .returning(applications::id)
        .get_result(conn)
}

/// The application behind a receipt token's hash, with its vacancy's title and slug.
pub fn by_token_hash(
    conn: &mut DbConn,
    hash: &str,
) -> QueryResult<Option<(Application, String, String)>> {
    applications::table
        .inner_join(vacancies::table)
        .filter(applications::token_hash.eq(hash))
        .select((Application::as_select(), vacancies::title, vacancies::slug))
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<(Application, String)>> {
    applications::table
        .inner_join(vacancies::table)
        .filter(applications::id.eq(id))
        .select((Application::as_select(), vacancies::title))
        .first(conn)
        .optional()
}

/// The stored CV: file name, content type and bytes.
pub fn cv(conn: &mut DbConn, id: i32) -> QueryResult<Option<(String, String, Vec<u8>)>> {
    applications::table
        .find(id)
        .select((
            applications::cv_name,
            applications::cv_type,
            applications::cv_data,
        ))
        .first(conn)
        .optional()
}

pub fn count_from_address_since(
    conn: &mut DbConn,
    address: &str,
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    applications::table
        .filter(applications::client_address.eq(address))
        .filter(applications::created_at.gt(since))
        .count()
        .get_result(conn)
}

/// Holds the vacancy's row until the transaction ends, so two applications to it are checked
/// for duplicates one after the other (PostgreSQL: a row lock; SQLite has no row locks, and a
/// first statement that writes takes the database's write lock instead).
pub fn lock_vacancy(conn: &mut DbConn, vacancy_id: i32) -> QueryResult<()> {
    use diesel::sql_types::Integer;
    match conn {
        DbConn::Pg(c) => diesel::sql_query("SELECT id FROM vacancies WHERE id = $1 FOR UPDATE")
            .bind::<Integer, _>(vacancy_id)
            .execute(c)?,
        DbConn::Sqlite(c) => diesel::sql_query("UPDATE vacancies SET id = id WHERE id = ?")
            .bind::<Integer, _>(vacancy_id)
            .execute(c)?,
    };
    Ok(())
}

/// When this email last applied to this vacancy, if after `since`.
pub fn recent_from(
    conn: &mut DbConn,
    vacancy_id: i32,
    email: &str,
    since: PrimitiveDateTime,
) -> QueryResult<Option<PrimitiveDateTime>> {
    applications::table
        .filter(applications::vacancy_id.eq(vacancy_id))
        .filter(applications::email.eq(email))
        .filter(applications::created_at.gt(since))
        .order(applications::created_at.desc())
        .select(applications::created_at)
        .first(conn)
        .optional()
}

/// Applications stored from `email` (any vacancy) after `since`.
pub fn count_from_email_since(
    conn: &mut DbConn,
    email: &str,
    since: PrimitiveDateTime,
) -> QueryResult<i64> {
    applications::table
        .filter(applications::email.eq(email))
        .filter(applications::created_at.gt(since))
        .count()
        .get_result(conn)
}

pub fn set_status(conn: &mut DbConn, id: i32, stage: Stage) -> QueryResult<()> {
    diesel::update(applications::table.find(id))
        .set((
            applications::status.eq(stage.as_str()),
            applications::updated_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Deletes the application, its CV and its notes. The audit trail keeps only ids and statuses.
pub fn erase(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::delete(application_notes::table.filter(application_notes::application_id.eq(id)))
            .execute(conn)?;
        diesel::delete(applications::table.find(id)).execute(conn)?;
        Ok(())
    })
}

/// What the recruiters' list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub vacancy_id: Option<i32>,
    pub stage: Option<Stage>,
    /// Part of a name or an email address.
    pub q: String,
}

fn like_pattern(q: &str) -> String {
    let q: String = q
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect();
    format!("%{q}%")
}

/// Applications matching the filter, newest first, with their vacancy's title.
pub fn list(conn: &mut DbConn, filter: &Filter) -> QueryResult<Vec<(Application, String)>> {
    let mut query = applications::table
        .inner_join(vacancies::table)
        .select((Application::as_select(), vacancies::title))
        .order((applications::created_at.desc(), applications::id.desc()))
        .into_boxed();
    if let Some(id) = filter.vacancy_id {
        query = query.filter(applications::vacancy_id.eq(id));
    }
    if let Some(stage) = filter.stage {
        query = query.filter(applications::status.eq(stage.as_str()));
    }
    if !filter.q.trim().is_empty() {
        let pattern = like_pattern(&filter.q);
        query = query.filter(
            lower(applications::full_name)
                .like(pattern.clone())
                .or(lower(applications::email).like(pattern)),
        );
    }
    query.load(conn)
}

/// How many applications each status holds under the filter's vacancy and search (the status
/// filter itself left out, so every count stays visible).
pub fn counts(conn: &mut DbConn, filter: &Filter) -> QueryResult<Vec<(Stage, usize)>> {
    let mut query = applications::table
        .select(applications::status)
        .into_boxed();
    if let Some(id) = filter.vacancy_id {
        query = query.filter(applications::vacancy_id.eq(id));
    }
    if !filter.q.trim().is_empty() {
        let pattern = like_pattern(&filter.q);
        query = query.filter(
            lower(applications::full_name)
                .like(pattern.clone())
                .or(lower(applications::email).like(pattern)),
        );
    }
    let statuses: Vec<String> = query.load(conn)?;
    Ok(Stage::ALL
        .iter()
        .map(|s| (*s, statuses.iter().filter(|t| *t == s.as_str()).count()))
        .collect())
}

pub fn count_new(conn: &mut DbConn) -> QueryResult<i64> {
    applications::table
        .filter(applications::status.eq(Stage::New.as_str()))
        .count()
        .get_result(conn)
}

/// Vacancies that have applications, for the filter's choices: id and title.
pub fn vacancies_with_applications(conn: &mut DbConn) -> QueryResult<Vec<(i32, String)>> {
    vacancies::table
        .filter(
            vacancies::id.eq_any(
                applications::table
                    .select(applications::vacancy_id)
                    .distinct(),
            ),
        )
        .order(vacancies::title)
        .select((vacancies::id, vacancies::title))
        .load(conn)
}

pub type NoteRow = (ApplicationNote, Option<String>);

/// Notes with their author's name, oldest first.
pub fn notes(conn: &mut DbConn, application_id: i32) -> QueryResult<Vec<NoteRow>> {
    application_notes::table
        .left_join(users::table)
        .filter(application_notes::application_id.eq(application_id))
        .order((application_notes::created_at, application_notes::id))
        .select((ApplicationNote::as_select(), users::name.nullable()))
        .load(conn)
}

pub fn add_note(
    conn: &mut DbConn,
    application_id: i32,
    author_id: Option<i32>,
    body: &str,
) -> QueryResult<i32> {
    diesel::insert_into(application_notes::table)
        .values((
            application_notes::application_id.eq(application_id),
            application_notes::author_id.eq(author_id),
            application_notes::body.eq(body),
            application_notes::created_at.eq(crate::clock::now()),
        ))
        .returning(application_notes::id)
        .get_result(conn)
}

/// Ids of applications older than `before` whose vacancy is closed or past its date.
pub fn purgeable(
    conn: &mut DbConn,
    before: PrimitiveDateTime,
    now: PrimitiveDateTime,
) -> QueryResult<Vec<i32>> {
    applications::table
        .inner_join(vacancies::table)
        .filter(applications::created_at.lt(before))
        .filter(
            vacancies::status
                .eq(VacancyStatus::Closed.as_str())
                .or(vacancies::valid_through
                    .is_not_null()
                    .and(vacancies::valid_through.le(now))),
        )
        .select(applications::id)
        .load(conn)
}

/// Erases the applications (and CVs) of closed or expired vacancies received before `before`;
/// returns how many. Each erasure is recorded in the audit trail by id only.
///
/// The command goes through `actions::applications::purge`; this copy stays only because
/// tests/applications.rs still calls it, and goes once that test calls the action.
pub fn purge(
    conn: &mut DbConn,
    before: PrimitiveDateTime,
    now: PrimitiveDateTime,
) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let ids = purgeable(conn, before, now)?;
        for id in &ids {
            erase(conn, *id)?;
            super::audit::record(conn, None, "application", *id, "purge", &[])?;
        }
        Ok(ids.len())
    })
}
