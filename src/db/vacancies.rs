//! Vacancy queries: loading for the board and pages, and the writes recruiters make.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{categories, vacancies};
use super::{search, taxonomy, DbConn};
use crate::models::{
    Category, Vacancy, VacancyDetail, VacancyFields, VacancyHtml, VacancyStatus, Version,
};

fn detail(
    conn: &mut DbConn,
    row: Option<(Vacancy, Category, VacancyHtml)>,
) -> QueryResult<Option<VacancyDetail>> {
    match row {
        None => Ok(None),
        Some((vacancy, category, html)) => {
            let skills = taxonomy::skills_of(conn, vacancy.id)?;
            Ok(Some(VacancyDetail {
                vacancy,
                category,
                skills,
                html,
            }))
        }
    }
}

pub fn by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<VacancyDetail>> {
    let row = vacancies::table
        .inner_join(categories::table)
        .filter(vacancies::slug.eq(slug))
        .select((
            Vacancy::as_select(),
            Category::as_select(),
            VacancyHtml::as_select(),
        ))
        .first(conn)
        .optional()?;
    detail(conn, row)
}

pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<VacancyDetail>> {
    let row = vacancies::table
        .inner_join(categories::table)
        .filter(vacancies::id.eq(id))
        .select((
            Vacancy::as_select(),
            Category::as_select(),
            VacancyHtml::as_select(),
        ))
        .first(conn)
        .optional()?;
    detail(conn, row)
}

diesel::define_sql_function! {
    /// SQL `lower()`, on both backends.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Vacancies for the admin list: optional status and title filter, newest change first.
pub fn for_admin(
    conn: &mut DbConn,
    status: Option<VacancyStatus>,
    title: &str,
) -> QueryResult<Vec<(Vacancy, Category)>> {
    let mut query = vacancies::table
        .inner_join(categories::table)
        .select((Vacancy::as_select(), Category::as_select()))
        .order((vacancies::updated_at.desc(), vacancies::id.desc()))
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(vacancies::status.eq(status.as_str()));
    }
    let title = title.trim();
    if !title.is_empty() {
        let pattern = format!("%{}%", title.replace(['\\', '%'], "").replace('_', " "));
        // LIKE ignores case on SQLite but not on PostgreSQL: compare lower-cased on both.
        query = query.filter(lower(vacancies::title).like(pattern.to_lowercase()));
    }
    query.load(conn)
}

pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Vacancy>> {
    vacancies::table.select(Vacancy::as_select()).load(conn)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    vacancies::table.count().get_result(conn)
}

fn slug_taken(conn: &mut DbConn, slug: &str, except: Option<i32>) -> QueryResult<bool> {
    let mut query = vacancies::table
        .filter(vacancies::slug.eq(slug))
        .into_boxed();
    if let Some(id) = except {
        query = query.filter(vacancies::id.ne(id));
    }
    Ok(query.count().get_result::<i64>(conn)? > 0)
}

/// A slug made from the title, with a number added when another vacancy has it.
pub fn unique_slug(conn: &mut DbConn, title: &str, except: Option<i32>) -> QueryResult<String> {
    crate::models::slug::unique(title, "vacancy", |slug| slug_taken(conn, slug, except))
}

/// Inserts a draft and its skills; returns the new id. What is derived from the row (keyword
/// index, board columns, HTML) is the caller's (`actions::reindex`).
pub fn insert(
    conn: &mut DbConn,
    fields: &VacancyFields,
    skills: &[String],
    author_id: Option<i32>,
) -> QueryResult<i32> {
    conn.transaction(|conn| {
        let slug = unique_slug(conn, &fields.title, None)?;
        let now = crate::clock::now();
        let id: i32 = diesel::insert_into(vacancies::table)
            .values((
                fields,
                vacancies::slug.eq(&slug),
                vacancies::status.eq(VacancyStatus::Draft.as_str()),
                vacancies::created_at.eq(now),
                vacancies::updated_at.eq(now),
                vacancies::author_id.eq(author_id),
            ))
            .returning(vacancies::id)
            .get_result(conn)?;
        taxonomy::set_skills(conn, id, skills)?;
        Ok(id)
    })
}

/// Saves edited fields and skills; the slug is the caller's rule (`set_slug`).
pub fn update(
    conn: &mut DbConn,
    id: i32,
    fields: &VacancyFields,
    skills: &[String],
) -> QueryResult<()> {
    conn.transaction(|conn| {
        diesel::update(vacancies::table.find(id))
            .set((fields, vacancies::updated_at.eq(crate::clock::now())))
            .execute(conn)?;
        taxonomy::set_skills(conn, id, skills)
    })
}

/// The translation group of vacancy `id`: its original's id (its own when it is the original).
pub fn group_of(conn: &mut DbConn, id: i32) -> QueryResult<Option<i32>> {
    let found: Option<Option<i32>> = vacancies::table
        .find(id)
        .select(vacancies::translation_of)
        .first(conn)
        .optional()?;
    Ok(found.map(|original| original.unwrap_or(id)))
}

/// The versions of translation group `group` (its original's id), the original first.
pub fn versions(conn: &mut DbConn, group: i32) -> QueryResult<Vec<Version>> {
    let rows: Vec<(i32, String, String, String, String, Option<i32>)> = vacancies::table
        .filter(
            vacancies::id
                .eq(group)
                .or(vacancies::translation_of.eq(group)),
        )
        .select((
            vacancies::id,
            vacancies::lang,
            vacancies::title,
            vacancies::slug,
            vacancies::status,
            vacancies::translation_of,
        ))
        .order((vacancies::translation_of.is_not_null(), vacancies::id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, lang, title, slug, status, translation_of)| Version {
            id,
            lang,
            title,
            slug,
            status,
            translation_of,
        })
        .collect())
}

/// Sets the language a vacancy is written in and the original it translates.
pub fn set_language(
    conn: &mut DbConn,
    id: i32,
    lang: &str,
    translation_of: Option<i32>,
) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set((
            vacancies::lang.eq(lang),
            vacancies::translation_of.eq(translation_of),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Whether the vacancy is listed in the other languages while it has no translation there.
pub fn set_other_languages(conn: &mut DbConn, id: i32, listed: bool) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set(vacancies::other_languages.eq(listed))
        .execute(conn)
        .map(|_| ())
}

pub fn set_slug(conn: &mut DbConn, id: i32, slug: &str) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set(vacancies::slug.eq(slug))
        .execute(conn)?;
    Ok(())
}

pub fn set_status(
    conn: &mut DbConn,
    id: i32,
    status: VacancyStatus,
    published_at: Option<PrimitiveDateTime>,
) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set((
            vacancies::status.eq(status.as_str()),
            vacancies::published_at.eq(published_at),
            vacancies::updated_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_valid_through(
    conn: &mut DbConn,
    id: i32,
    valid_through: Option<PrimitiveDateTime>,
) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set(vacancies::valid_through.eq(valid_through))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    conn.transaction(|conn| {
        search::remove(conn, id)?;
        diesel::delete(vacancies::table.find(id)).execute(conn)?;
        Ok(())
    })
}

/// Sets the publication date directly; demo content uses it to spread dates over past weeks.
pub fn set_dates(
    conn: &mut DbConn,
    id: i32,
    published_at: Option<PrimitiveDateTime>,
    created_at: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set((
            vacancies::published_at.eq(published_at),
            vacancies::created_at.eq(created_at),
            vacancies::updated_at.eq(created_at),
        ))
        .execute(conn)?;
    Ok(())
}
