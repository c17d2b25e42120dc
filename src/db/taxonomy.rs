//! Categories and skills.

use diesel::prelude::*;

use super::schema::{categories, skills, vacancy_skills};
use super::DbConn;
use crate::models::{Category, Skill};

pub fn categories(conn: &mut DbConn) -> QueryResult<Vec<Category>> {
    categories::table
        .order((categories::position, categories::name))
        .select(Category::as_select())
        .load(conn)
}

pub fn category_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Category>> {
    categories::table
        .filter(categories::slug.eq(slug))
        .select(Category::as_select())
        .first(conn)
        .optional()
}

/// Finds a skill by its slug, creating it under the given name when it is new.
pub fn skill_for_name(conn: &mut DbConn, name: &str) -> QueryResult<Skill> {
    let slug = crate::models::slug::slugify(name);
    if let Some(skill) = skills::table
        .filter(skills::slug.eq(&slug))
        .select(Skill::as_select())
        .first(conn)
        .optional()?
    {
        return Ok(skill);
    }
    let id = diesel::insert_into(skills::table)
        .values((skills::slug.eq(&slug), skills::name.eq(name.trim())))
        .returning(skills::id)
        .get_result(conn)?;
    Ok(Skill {
        id,
        slug,
        name: name.trim().to_string(),
    })
}

pub fn skills_of(conn: &mut DbConn, vacancy_id: i32) -> QueryResult<Vec<Skill>> {
    vacancy_skills::table
        .inner_join(skills::table)
        .filter(vacancy_skills::vacancy_id.eq(vacancy_id))
        .order(vacancy_skills::position)
        .select(Skill::as_select())
        .load(conn)
}

/// The skill names of several vacancies (one page of a list) in one query: (vacancy id, name)
/// pairs, each vacancy's skills in their order.
pub fn skill_names_of(conn: &mut DbConn, vacancy_ids: &[i32]) -> QueryResult<Vec<(i32, String)>> {
    if vacancy_ids.is_empty() {
        return Ok(Vec::new());
    }
    vacancy_skills::table
        .inner_join(skills::table)
        .filter(vacancy_skills::vacancy_id.eq_any(vacancy_ids))
        .order((vacancy_skills::vacancy_id, vacancy_skills::position))
        .select((vacancy_skills::vacancy_id, skills::name))
        .load(conn)
}

/// Replaces a vacancy's skills with the named ones, in the given order.
pub fn set_skills(conn: &mut DbConn, vacancy_id: i32, names: &[String]) -> QueryResult<()> {
    diesel::delete(vacancy_skills::table.filter(vacancy_skills::vacancy_id.eq(vacancy_id)))
        .execute(conn)?;
    let mut seen = Vec::new();
    for name in names {
        let skill = skill_for_name(conn, name)?;
        if seen.contains(&skill.id) {
            continue;
        }
        seen.push(skill.id);
        diesel::insert_into(vacancy_skills::table)
            .values((
                vacancy_skills::vacancy_id.eq(vacancy_id),
                vacancy_skills::skill_id.eq(skill.id),
                vacancy_skills::position.eq(seen.len() as i32),
            ))
            .execute(conn)?;
    }
    Ok(())
}
