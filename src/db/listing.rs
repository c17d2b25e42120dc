//! The board's derived tables, kept in step with vacancies: `board` (one narrow row per listing
//! language and listed open vacancy), `board_counts` (rows per language and facet combination)
//! and the board's keyword index. Every write to a vacancy re-syncs its whole translation group
//! in the writer's transaction (`actions::finish`); the expiry sweep re-syncs the groups of
//! lapsed vacancies; start-up rebuilds everything when the board is out of step.
//!
//! Which vacancies a language lists: those written in it, plus those of another language whose
//! translation group has no open vacancy in it and that may be shown in other languages.

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};
use time::PrimitiveDateTime;

use super::schema::{board, board_countries, board_country_counts, board_counts, vacancies};
use super::{search, taxonomy, DbConn};
use crate::models::{combo_of, SortKey, Vacancy, VacancyStatus, ANY_COMBO, LISTING_LANGS};

/// The translation group of a vacancy: its original's id.
fn group_of(v: &Vacancy) -> i32 {
    v.translation_of.unwrap_or(v.id)
}

/// The (language, vacancy) pairs a group lists, from its members.
fn listed(members: &[Vacancy], now: PrimitiveDateTime) -> Vec<(&'static str, &Vacancy)> {
    let open: Vec<&Vacancy> = members
        .iter()
        .filter(|v| v.is_open(now) && v.published_at.is_some())
        .collect();
    let mut rows = Vec::new();
    for lang in LISTING_LANGS {
        let has_own = open.iter().any(|v| v.lang == *lang);
        for v in &open {
            if v.lang == *lang || (!has_own && v.other_languages) {
                rows.push((*lang, *v));
            }
        }
    }
    rows
}

fn add_count(conn: &mut DbConn, lang: &str, combo: i32, delta: i64) -> QueryResult<()> {
    // The same statement on both backends but for the placeholders.
    let sql = "INSERT INTO board_counts (lang, combo, count) VALUES (?, ?, ?) \
               ON CONFLICT (lang, combo) DO UPDATE SET count = board_counts.count + excluded.count";
    match conn {
        DbConn::Sqlite(c) => diesel::sql_query(sql)
            .bind::<Text, _>(lang)
            .bind::<Integer, _>(combo)
            .bind::<BigInt, _>(delta)
            .execute(c)?,
        DbConn::Pg(c) => diesel::sql_query(super::pg_placeholders(sql))
            .bind::<Text, _>(lang)
            .bind::<Integer, _>(combo)
            .bind::<BigInt, _>(delta)
            .execute(c)?,
    };
    Ok(())
}

fn add_country_count(
    conn: &mut DbConn,
    lang: &str,
    country: &str,
    combo: i32,
    delta: i64,
) -> QueryResult<()> {
    let sql = "INSERT INTO board_country_counts (lang, country, combo, count) VALUES (?, ?, ?, ?) \
               ON CONFLICT (lang, country, combo) \
               DO UPDATE SET count = board_country_counts.count + excluded.count";
    match conn {
        DbConn::Sqlite(c) => diesel::sql_query(sql)
            .bind::<Text, _>(lang)
            .bind::<Text, _>(country)
            .bind::<Integer, _>(combo)
            .bind::<BigInt, _>(delta)
            .execute(c)?,
        DbConn::Pg(c) => diesel::sql_query(super::pg_placeholders(sql))
            .bind::<Text, _>(lang)
            .bind::<Text, _>(country)
            .bind::<Integer, _>(combo)
            .bind::<BigInt, _>(delta)
            .execute(c)?,
    };
    Ok(())
}

/// Takes one row off the board, its index entry, its countries and its counts.
fn remove_row(conn: &mut DbConn, sort_key: i64, lang: &str, combo: i32) -> QueryResult<()> {
    diesel::delete(board::table.find(sort_key)).execute(conn)?;
    search::unindex_board_row(conn, sort_key)?;
    let countries: Vec<String> =
        diesel::delete(board_countries::table.filter(board_countries::sort_key.eq(sort_key)))
            .returning(board_countries::country)
            .get_results(conn)?;
    for country in countries {
        add_country_count(conn, lang, &country, combo, -1)?;
        add_country_count(conn, lang, &country, ANY_COMBO, -1)?;
    }
    add_count(conn, lang, combo, -1)
}

/// Puts one vacancy on one language's board.
fn add_row(
    conn: &mut DbConn,
    lang: &str,
    v: &Vacancy,
    group_id: i32,
    skills: &[String],
) -> QueryResult<()> {
    let Some(published_at) = v.published_at else {
        return Ok(());
    };
    let combo = combo_of(v.category_id, &v.seniority, &v.employment, &v.work_mode);
    let Some(mut key) = SortKey::new(lang, published_at, v.id, combo) else {
        return Ok(());
    };
    // Two ids sharing their low bits in one second: the later one takes a free lower rank.
    while board::table.find(key.0).count().get_result::<i64>(conn)? > 0 {
        key = key.lower_tie();
    }
    diesel::insert_into(board::table)
        .values((
            board::sort_key.eq(key.0),
            board::lang.eq(lang),
            board::vacancy_id.eq(v.id),
            board::group_id.eq(group_id),
            board::combo.eq(combo),
            board::salary_year_top.eq(v.yearly_salary_top()),
            board::place_text.eq(v.place_text()),
            board::valid_through.eq(v.valid_through),
            board::own_lang.eq(v.lang == lang),
            board::slug.eq(&v.slug),
            board::updated_at.eq(v.updated_at),
        ))
        .execute(conn)?;
    search::index_board_row(conn, key.0, v, skills)?;
    for country in v.country_codes() {
        diesel::insert_into(board_countries::table)
            .values((
                board_countries::sort_key.eq(key.0),
                board_countries::country.eq(&country),
            ))
            .execute(conn)?;
        add_country_count(conn, lang, &country, combo, 1)?;
        add_country_count(conn, lang, &country, ANY_COMBO, 1)?;
    }
    add_count(conn, lang, combo, 1)
}

/// Re-derives one translation group's board rows; returns the vacancies that had rows under
/// this group but belong to another one now (their groups need a sync too).
fn sync_group(conn: &mut DbConn, group: i32, now: PrimitiveDateTime) -> QueryResult<Vec<i32>> {
    let mut members: Vec<Vacancy> = vacancies::table
        .filter(
            vacancies::id
                .eq(group)
                .or(vacancies::translation_of.eq(group)),
        )
        .select(Vacancy::as_select())
        .load(conn)?;
    // An original that is itself a translation belongs to its own original's group.
    members.retain(|v| group_of(v) == group);
    let member_ids: Vec<i32> = members.iter().map(|v| v.id).collect();
    let existing: Vec<(i64, String, i32, i32)> = board::table
        .filter(
            board::group_id
                .eq(group)
                .or(board::vacancy_id.eq_any(&member_ids)),
        )
        .select((
            board::sort_key,
            board::lang,
            board::combo,
            board::vacancy_id,
        ))
        .load(conn)?;
    let mut moved = Vec::new();
    for (key, lang, combo, vacancy_id) in existing {
        remove_row(conn, key, &lang, combo)?;
        if !member_ids.contains(&vacancy_id) {
            moved.push(vacancy_id);
        }
    }
    let rows = listed(&members, now);
    let mut skills_of: Vec<(i32, Vec<String>)> = Vec::new();
    for (lang, v) in rows {
        if !skills_of.iter().any(|(id, _)| *id == v.id) {
            let names = taxonomy::skills_of(conn, v.id)?
                .into_iter()
                .map(|s| s.name)
                .collect();
            skills_of.push((v.id, names));
        }
        let skills = skills_of
            .iter()
            .find(|(id, _)| *id == v.id)
            .map(|(_, s)| s.as_slice())
            .unwrap_or(&[]);
        add_row(conn, lang, v, group, skills)?;
    }
    Ok(moved)
}

/// Syncs these groups and whichever groups their departed members joined.
pub fn sync_groups(conn: &mut DbConn, groups: &[i32], now: PrimitiveDateTime) -> QueryResult<()> {
    let mut done = BTreeSet::new();
    let mut todo: Vec<i32> = groups.to_vec();
    while let Some(group) = todo.pop() {
        if !done.insert(group) {
            continue;
        }
        for id in sync_group(conn, group, now)? {
            let row: Option<Vacancy> = vacancies::table
                .find(id)
                .select(Vacancy::as_select())
                .first(conn)
                .optional()?;
            if let Some(v) = row {
                todo.push(group_of(&v));
            }
        }
    }
    Ok(())
}

/// Brings the board in step with one vacancy after a write to it (or its deletion): its
/// translation group, and the group it left if it moved.
pub fn sync_vacancy(conn: &mut DbConn, id: i32, now: PrimitiveDateTime) -> QueryResult<()> {
    let mut groups: Vec<i32> = board::table
        .filter(board::vacancy_id.eq(id))
        .select(board::group_id)
        .distinct()
        .load(conn)?;
    let row: Option<Vacancy> = vacancies::table
        .find(id)
        .select(Vacancy::as_select())
        .first(conn)
        .optional()?;
    if let Some(v) = row {
        groups.push(group_of(&v));
    }
    sync_groups(conn, &groups, now)
}

/// Translation groups with a board row whose vacancy lapsed (`valid_through` passed).
pub fn lapsed_groups(conn: &mut DbConn, now: PrimitiveDateTime) -> QueryResult<Vec<i32>> {
    board::table
        .filter(board::valid_through.le(now))
        .select(board::group_id)
        .distinct()
        .load(conn)
}

/// True when the board does not list exactly the open vacancies (a new database, rows
/// written around the write path). Lapsed vacancies count too: take them off first with
/// `lapsed_groups` + `sync_groups`, as the sweep does, which is far cheaper than a rebuild.
pub fn is_stale(conn: &mut DbConn, now: PrimitiveDateTime) -> QueryResult<bool> {
    let open: i64 = vacancies::table
        .filter(vacancies::status.eq(VacancyStatus::Published.as_str()))
        .filter(vacancies::published_at.is_not_null())
        .filter(vacancies::lang.eq_any(LISTING_LANGS))
        .filter(
            vacancies::valid_through
                .is_null()
                .or(vacancies::valid_through.gt(now)),
        )
        .count()
        .get_result(conn)?;
    let own: i64 = board::table
        .filter(board::own_lang.eq(true))
        .count()
        .get_result(conn)?;
    Ok(open != own || !lapsed_groups(conn, now)?.is_empty())
}

/// Derives the whole board afresh; returns how many rows it holds.
pub fn rebuild(conn: &mut DbConn, now: PrimitiveDateTime) -> QueryResult<i64> {
    diesel::delete(board::table).execute(conn)?;
    diesel::delete(board_counts::table).execute(conn)?;
    diesel::delete(board_countries::table).execute(conn)?;
    diesel::delete(board_country_counts::table).execute(conn)?;
    search::clear_board_index(conn)?;
    let groups: Vec<i32> = vacancies::table
        .filter(vacancies::status.eq(VacancyStatus::Published.as_str()))
        .select(diesel::dsl::sql::<Integer>("COALESCE(translation_of, id)"))
        .distinct()
        .load(conn)?;
    for group in groups {
        sync_group(conn, group, now)?;
    }
    board::table.count().get_result(conn)
}
