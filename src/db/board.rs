//! The job board's queries, built for 100,000 vacancies: the database filters, ranks, sorts
//! and pages, and counts facets in one `GROUP BY` over the four facet dimensions. No statement
//! binds more values than a search has filters, and no request loads every vacancy.
//!
//! Keyword relevance is decided by the index in tiers that both backends compute alike: every
//! keyword in the title first, then every keyword in the title or skills, then the rest; within
//! a tier, newest first. (FTS5's bm25 and PostgreSQL's ts_rank disagree on scores, and the same
//! order on both backends matters more than a finer score on one.)

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Integer, Text};
use time::PrimitiveDateTime;

use super::schema::{categories, vacancies};
use super::{search, DbConn};
use crate::models::{
    Category, FacetCombo, Filters, Sort, Vacancy, VacancyDerived, VacancyStatus, PAGE_SIZE,
};

type Db = <DbConn as Connection>::Backend;

/// A search as the queries need it: the filters, the categories resolved to ids, the words
/// for the index (already reduced to plain words) and the time that decides what is open.
pub struct Search<'a> {
    pub filters: &'a Filters,
    pub category_ids: Vec<i32>,
    pub keywords: &'a [String],
    pub now: PrimitiveDateTime,
}

/// The SQL conditions of a keyword search on this backend: all keywords anywhere, all in the
/// title, all in the title or skills. `None` when no keyword has a word in it.
struct KeywordSql {
    any_field: String,
    title: String,
    title_or_skills: String,
    in_index: &'static str,
}

fn keyword_sql(conn: &DbConn, keywords: &[String]) -> Option<KeywordSql> {
    let is_pg = matches!(conn, DbConn::Pg(_));
    let any_field = search::index_query(is_pg, keywords, search::Fields::Any)?;
    let title = search::index_query(is_pg, keywords, search::Fields::Title)?;
    let title_or_skills = search::index_query(is_pg, keywords, search::Fields::TitleOrSkills)?;
    let in_index = if is_pg {
        "vacancies.id IN (SELECT vacancy_id FROM vacancy_search \
         WHERE document @@ to_tsquery('simple', "
    } else {
        "vacancies.id IN (SELECT rowid FROM vacancy_search WHERE vacancy_search MATCH "
    };
    Some(KeywordSql {
        any_field,
        title,
        title_or_skills,
        in_index,
    })
}

fn close(is_pg: bool) -> &'static str {
    if is_pg {
        "))"
    } else {
        ")"
    }
}

/// A LIKE pattern finding `needle` anywhere, with LIKE's own characters taken literally.
fn contains_pattern(needle: &str) -> String {
    let escaped = needle
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The conditions every board query shares: open, and the text filters (keywords, location,
/// salary). `dims` adds the four facet dimensions; the facet counts leave them out.
macro_rules! filtered {
    ($query:expr, $search:expr, $keywords:expr, $is_pg:expr, $dims:expr) => {{
        let s: &Search = $search;
        let f = s.filters;
        let mut q = $query
            .filter(vacancies::status.eq(VacancyStatus::Published.as_str()))
            .filter(
                vacancies::valid_through
                    .is_null()
                    .or(vacancies::valid_through.gt(s.now)),
            );
        if let Some(k) = $keywords {
            let k: &KeywordSql = k;
            q = q.filter(
                sql::<Bool>(k.in_index)
                    .bind::<Text, _>(k.any_field.clone())
                    .sql(close($is_pg)),
            );
        }
        if !f.location.trim().is_empty() {
            q = q.filter(
                vacancies::place_text
                    .like(contains_pattern(&f.location))
                    .escape('\\'),
            );
        }
        if let Some(min) = f.salary_min {
            q = q.filter(
                vacancies::salary_year_top
                    .is_null()
                    .or(vacancies::salary_year_top.ge(min)),
            );
        }
        if $dims {
            if !f.categories.is_empty() {
                q = q.filter(vacancies::category_id.eq_any(s.category_ids.clone()));
            }
            if !f.seniorities.is_empty() {
                let values: Vec<&str> = f.seniorities.iter().map(|v| v.as_str()).collect();
                q = q.filter(vacancies::seniority.eq_any(values));
            }
            if !f.employments.is_empty() {
                let values: Vec<&str> = f.employments.iter().map(|v| v.as_str()).collect();
                q = q.filter(vacancies::employment.eq_any(values));
            }
            if !f.work_modes.is_empty() {
                let values: Vec<&str> = f.work_modes.iter().map(|v| v.as_str()).collect();
                q = q.filter(vacancies::work_mode.eq_any(values));
            }
        }
        q
    }};
}

/// How many open vacancies passing the text filters share each combination of category,
/// seniority, employment and work mode: at most a few hundred rows, from one index scan.
pub fn facet_combos(conn: &mut DbConn, s: &Search) -> QueryResult<Vec<FacetCombo>> {
    let is_pg = matches!(conn, DbConn::Pg(_));
    let keywords = keyword_sql(conn, s.keywords);
    if !s.keywords.is_empty() && keywords.is_none() {
        return Ok(Vec::new());
    }
    let grouped = vacancies::table
        .group_by((
            vacancies::category_id,
            vacancies::seniority,
            vacancies::employment,
            vacancies::work_mode,
        ))
        .select((
            vacancies::category_id,
            vacancies::seniority,
            vacancies::employment,
            vacancies::work_mode,
            diesel::dsl::count_star(),
        ))
        .into_boxed::<Db>();
    let rows: Vec<(i32, String, String, String, i64)> =
        filtered!(grouped, s, keywords.as_ref(), is_pg, false).load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(category_id, seniority, employment, work_mode, count)| FacetCombo {
                category_id,
                seniority,
                employment,
                work_mode,
                count,
            },
        )
        .collect())
}

/// One page (1-based, already clamped by the caller) of the vacancies matching every filter,
/// in the board's order.
pub fn page(conn: &mut DbConn, s: &Search, page: usize) -> QueryResult<Vec<(Vacancy, Category)>> {
    let is_pg = matches!(conn, DbConn::Pg(_));
    let keywords = keyword_sql(conn, s.keywords);
    if !s.keywords.is_empty() && keywords.is_none() {
        return Ok(Vec::new());
    }
    let mut q = filtered!(
        vacancies::table
            .inner_join(categories::table)
            .select((Vacancy::as_select(), Category::as_select()))
            .into_boxed::<Db>(),
        s,
        keywords.as_ref(),
        is_pg,
        true
    );
    if s.filters.sort == Sort::Salary {
        // Highest yearly top first, not stated last.
        q = q.then_order_by(vacancies::salary_year_top.is_null().asc());
        q = q.then_order_by(vacancies::salary_year_top.desc());
    }
    if let Some(k) = &keywords {
        let tier = sql::<Integer>("CASE WHEN ")
            .sql(k.in_index)
            .bind::<Text, _>(k.title.clone())
            .sql(close(is_pg))
            .sql(" THEN 2 WHEN ")
            .sql(k.in_index)
            .bind::<Text, _>(k.title_or_skills.clone())
            .sql(close(is_pg))
            .sql(" THEN 1 ELSE 0 END");
        q = q.then_order_by(tier.desc());
    }
    let offset = (page.max(1) - 1) * PAGE_SIZE;
    q.then_order_by(vacancies::published_at.desc())
        .then_order_by(vacancies::id.desc())
        .limit(PAGE_SIZE as i64)
        .offset(i64::try_from(offset).unwrap_or(i64::MAX))
        .load(conn)
}

/// What a search found: one page of rows, the combination counts for the facets, the total
/// and the page shown (the one asked for, clamped to the last page).
pub struct Found {
    pub rows: Vec<(Vacancy, Category)>,
    pub combos: Vec<FacetCombo>,
    pub total: usize,
    pub page: usize,
}

/// Runs a search: the combination counts first (they give the total, so a page past the end
/// is clamped without a second count), then the page.
pub fn search(conn: &mut DbConn, s: &Search, categories: &[Category]) -> QueryResult<Found> {
    let combos = facet_combos(conn, s)?;
    let slug = |id: i32| {
        categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.slug.as_str())
            .unwrap_or("")
    };
    let total: usize = combos
        .iter()
        .filter(|c| {
            s.filters.passes_dims(
                slug(c.category_id),
                &c.seniority,
                &c.employment,
                &c.work_mode,
                None,
            )
        })
        .map(|c| usize::try_from(c.count).unwrap_or(0))
        .sum();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page_number = s.filters.page.clamp(1, pages);
    let rows = if total == 0 {
        Vec::new()
    } else {
        page(conn, s, page_number)?
    };
    Ok(Found {
        rows,
        combos,
        total,
        page: page_number,
    })
}

/// Stores what was derived from a vacancy (`actions::reindex`).
pub fn set_derived(conn: &mut DbConn, id: i32, derived: &VacancyDerived) -> QueryResult<()> {
    diesel::update(vacancies::table.find(id))
        .set(derived)
        .execute(conn)?;
    Ok(())
}

/// Vacancies whose derived columns were never filled (rows from before they existed).
pub fn underived_ids(conn: &mut DbConn) -> QueryResult<Vec<i32>> {
    vacancies::table
        .filter(vacancies::place_text.is_null())
        .select(vacancies::id)
        .load(conn)
}

/// The open condition as a boxed filter over `vacancies`, for the smaller queries below.
fn open_vacancies(now: PrimitiveDateTime) -> vacancies::BoxedQuery<'static, Db> {
    vacancies::table
        .filter(vacancies::status.eq(VacancyStatus::Published.as_str()))
        .filter(
            vacancies::valid_through
                .is_null()
                .or(vacancies::valid_through.gt(now)),
        )
        .into_boxed()
}

/// The newest open vacancies (home page, feed).
pub fn newest_open(
    conn: &mut DbConn,
    now: PrimitiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(Vacancy, Category)>> {
    let ids: Vec<i32> = open_vacancies(now)
        .order((vacancies::published_at.desc(), vacancies::id.desc()))
        .select(vacancies::id)
        .limit(limit)
        .load(conn)?;
    rows_in_order(conn, &ids)
}

/// The vacancies with these ids (a visitor's shortlist) with their categories, in the given
/// order, whatever their status; ids with no vacancy are left out.
pub fn by_ids(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<(Vacancy, Category)>> {
    rows_in_order(conn, ids)
}

/// Full rows for these ids, in the given order.
fn rows_in_order(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<(Vacancy, Category)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: Vec<(Vacancy, Category)> = vacancies::table
        .inner_join(categories::table)
        .filter(vacancies::id.eq_any(ids))
        .select((Vacancy::as_select(), Category::as_select()))
        .load(conn)?;
    rows.sort_by_key(|(v, _)| ids.iter().position(|id| *id == v.id));
    Ok(rows)
}

/// How many open vacancies there are.
pub fn count_open(conn: &mut DbConn, now: PrimitiveDateTime) -> QueryResult<i64> {
    open_vacancies(now).count().get_result(conn)
}

/// A slice of the open vacancies' addresses and last changes, oldest first, for the sitemap.
pub fn open_slugs(
    conn: &mut DbConn,
    now: PrimitiveDateTime,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(String, String, PrimitiveDateTime)>> {
    open_vacancies(now)
        .order(vacancies::id.asc())
        .select((vacancies::lang, vacancies::slug, vacancies::updated_at))
        .offset(offset)
        .limit(limit)
        .load(conn)
}

/// How many of a skill's newest open vacancies a "sharing skills" search looks at: the best
/// matches are found among recent vacancies, so the work stays bounded at any size.
const CANDIDATES_PER_SKILL: i64 = 200;

/// Open vacancies sharing the most of `skill_ids`, with `category` (when given) worth two
/// shared skills, newest first among equals; `exclude` is left out. Related vacancies on a
/// vacancy page, and the vacancies an article teaches for.
pub fn sharing_skills(
    conn: &mut DbConn,
    skill_ids: &[i32],
    category: Option<i32>,
    exclude: Option<i32>,
    now: PrimitiveDateTime,
    limit: usize,
) -> QueryResult<Vec<(Vacancy, Category)>> {
    use super::schema::vacancy_skills;
    let mut scores: Vec<(i32, usize)> = Vec::new();
    let mut add = |id: i32, points: usize| match scores.iter_mut().find(|(v, _)| *v == id) {
        Some((_, score)) => *score += points,
        None => scores.push((id, points)),
    };
    for skill in skill_ids {
        let ids: Vec<i32> = vacancy_skills::table
            .inner_join(vacancies::table)
            .filter(vacancy_skills::skill_id.eq(skill))
            .filter(vacancies::status.eq(VacancyStatus::Published.as_str()))
            .filter(
                vacancies::valid_through
                    .is_null()
                    .or(vacancies::valid_through.gt(now)),
            )
            .order(vacancy_skills::vacancy_id.desc())
            .select(vacancy_skills::vacancy_id)
            .limit(CANDIDATES_PER_SKILL)
            .load(conn)?;
        ids.into_iter().for_each(|id| add(id, 1));
    }
    if let Some(category) = category {
        let ids: Vec<i32> = open_vacancies(now)
            .filter(vacancies::category_id.eq(category))
            .order(vacancies::id.desc())
            .select(vacancies::id)
            .limit(CANDIDATES_PER_SKILL)
            .load(conn)?;
        ids.into_iter().for_each(|id| add(id, 2));
    }
    scores.retain(|(id, _)| Some(*id) != exclude);
    if scores.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = scores.iter().map(|(id, _)| *id).collect();
    let mut dated: Vec<(i32, Option<PrimitiveDateTime>)> = vacancies::table
        .filter(vacancies::id.eq_any(&ids))
        .select((vacancies::id, vacancies::published_at))
        .load(conn)?;
    let score = |id: i32| scores.iter().find(|(v, _)| *v == id).map_or(0, |(_, s)| *s);
    dated.sort_by(|(a, a_at), (b, b_at)| {
        score(*b)
            .cmp(&score(*a))
            .then(b_at.cmp(a_at))
            .then(b.cmp(a))
    });
    let best: Vec<i32> = dated.into_iter().take(limit).map(|(id, _)| id).collect();
    rows_in_order(conn, &best)
}
