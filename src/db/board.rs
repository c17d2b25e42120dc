//! The job board's queries, built for 100,000 vacancies. They read the narrow `board` table
//! (one row per listing language and listed open vacancy, kept by `db::listing`), never the
//! wide `vacancies` rows: newest first is `sort_key DESC`, each language's rows are one key
//! range, facet counts of unfiltered lists come from `board_counts`, and the keyword index is
//! keyed by the same sort keys. No statement binds more values than a search has filters (or a
//! page has rows), and no request loads every vacancy.
//!
//! Keyword relevance is decided by the index in tiers that both backends compute alike: every
//! keyword in the title first, then every keyword in the title or skills, then the rest; within
//! a tier, newest first. A page reads the tiers in turn, newest first with a LIMIT, so a common
//! word stops after a page instead of sorting every match. (FTS5's bm25 and PostgreSQL's
//! ts_rank disagree on scores, and the same order on both backends matters more than a finer
//! score on one.)

use diesel::connection::DefaultLoadingMode;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text};
use time::PrimitiveDateTime;

use super::schema::{
    board, board_countries, board_country_counts, board_counts, categories, vacancies,
};
use super::{search, DbConn};
use crate::models::{
    combo_values, lang_range, Category, CountryCombo, Employment, FacetCombo, Filters, Seniority,
    Sort, Vacancy, VacancyDerived, WorkMode, ANY_COMBO, COMBO_MASK, PAGE_SIZE,
};

type Db = <DbConn as Connection>::Backend;

/// A search as the queries need it: the filters, the categories resolved to ids, the words
/// for the index (already reduced to plain words), the time that decides what is open (the
/// board holds open vacancies only; kept for callers) and the listing language.
pub struct Search<'a> {
    pub filters: &'a Filters,
    pub category_ids: Vec<i32>,
    pub keywords: &'a [String],
    pub now: PrimitiveDateTime,
    pub lang: &'a str,
}

/// Which board rows of a keyword search: all that match, or one relevance tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    Any,
    /// Every keyword in the title.
    Title,
    /// Every keyword in the title or skills, not all in the title.
    Head,
    /// The rest.
    Body,
}

/// A keyword search's text for the index: an FTS5 expression per tier on SQLite, one
/// tsquery text on PostgreSQL (the tier picks the vector).
struct Keywords {
    is_pg: bool,
    any: String,
    title: String,
    head: String,
}

impl Keywords {
    fn new(conn: &mut DbConn, keywords: &[String]) -> QueryResult<Option<Keywords>> {
        let is_pg = matches!(conn, DbConn::Pg(_));
        if keywords.is_empty() {
            return Ok(None);
        }
        let queries = if is_pg {
            search::index_query(true, keywords, search::Fields::Any)
                .map(|any| (any.clone(), any.clone(), any))
        } else {
            let phrases = search::board_phrases(conn, keywords)?;
            let query = |fields| search::fts5_query(&phrases, fields);
            query(search::Fields::Any)
                .zip(query(search::Fields::Title))
                .zip(query(search::Fields::TitleOrSkills))
                .map(|((any, title), head)| (any, title, head))
        };
        let Some((any, title, head)) = queries else {
            return Ok(None);
        };
        Ok(Some(Keywords {
            is_pg,
            any,
            title,
            head,
        }))
    }

    /// The text bound for one tier.
    fn query(&self, tier: Tier) -> String {
        if self.is_pg {
            return self.any.clone();
        }
        match tier {
            Tier::Any => self.any.clone(),
            Tier::Title => self.title.clone(),
            Tier::Head => format!("({}) NOT ({})", self.head, self.title),
            Tier::Body => format!("({}) NOT ({})", self.any, self.head),
        }
    }

    /// `FROM ... WHERE ...` of the index rows of a tier, with one placeholder for `query`,
    /// naming the key `k`.
    fn index_sql(&self, tier: Tier) -> &'static str {
        if !self.is_pg {
            return " board_search WHERE board_search MATCH ? ";
        }
        match tier {
            Tier::Any => " board_search s, to_tsquery('simple', ?) q WHERE s.document @@ q ",
            Tier::Title => " board_search s, to_tsquery('simple', ?) q WHERE s.title_doc @@ q ",
            Tier::Head => {
                " board_search s, to_tsquery('simple', ?) q \
                 WHERE s.head_doc @@ q AND NOT s.title_doc @@ q "
            }
            Tier::Body => {
                " board_search s, to_tsquery('simple', ?) q \
                 WHERE s.document @@ q AND NOT s.head_doc @@ q "
            }
        }
    }

    fn key(&self) -> &'static str {
        if self.is_pg {
            "s.sort_key"
        } else {
            "rowid"
        }
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

fn has_location(f: &Filters) -> bool {
    !f.location.trim().is_empty()
}

/// True when the search filters on what the keys do not carry (location, country, salary).
fn has_text_filters(f: &Filters) -> bool {
    !f.location.trim().is_empty() || !f.country.is_empty() || f.salary_min.is_some()
}

/// `AND (key & mask) IN (...)` for the allowed facet combinations (our own integers).
fn combos_sql(key: &str, allowed: Option<&[i32]>) -> String {
    match allowed {
        None => String::new(),
        Some([]) => " AND 1 = 0".into(),
        Some(list) => {
            let list: Vec<String> = list.iter().map(i32::to_string).collect();
            format!(" AND ({key} & {COMBO_MASK}) IN ({})", list.join(","))
        }
    }
}

/// Board rows of one language passing the text filters: `$query` is a boxed query over
/// `board` (grouped or not).
macro_rules! text_filtered {
    ($query:expr, $search:expr, $range:expr) => {{
        let s: &Search = $search;
        let (low, high): (i64, i64) = $range;
        let f = s.filters;
        let mut q = $query.filter(board::sort_key.between(low, high));
        if !f.location.trim().is_empty() {
            q = q.filter(
                board::place_text
                    .like(contains_pattern(&f.location))
                    .escape('\\'),
            );
        }
        if !f.country.is_empty() {
            // An alias, so a query that joins `board_countries` itself may use this filter.
            let in_country = diesel::alias!(board_countries as in_country);
            // EXISTS: a key lookup per row, rather than the country's whole key list first.
            q = q.filter(diesel::dsl::exists(
                in_country
                    .filter(
                        in_country
                            .field(board_countries::sort_key)
                            .eq(board::sort_key),
                    )
                    .filter(
                        in_country
                            .field(board_countries::country)
                            .eq(f.country.clone()),
                    ),
            ));
        }
        if let Some(min) = f.salary_min {
            // Not stated passes. Written as one expression no index answers: SQLite took the
            // OR through the salary index twice and deduplicated 60,000 keys (180 ms at
            // 100,000) where a walk of the language's key range takes a few.
            q = q.filter(
                diesel::dsl::sql::<Bool>("COALESCE(board.salary_year_top, ")
                    .bind::<BigInt, _>(min)
                    .sql(") >= ")
                    .bind::<BigInt, _>(min),
            );
        }
        q
    }};
}

fn board_rows<'a>(s: &Search<'a>, range: (i64, i64)) -> board::BoxedQuery<'a, Db> {
    text_filtered!(board::table.into_boxed(), s, range)
}

type Condition<QS = board::table> = Box<dyn BoxableExpression<QS, Db, SqlType = Bool>>;

/// `board.sort_key IN (keys of the tier)`, binding the tier's query where the index's SQL
/// has its placeholder.
fn in_tier<QS>(k: &Keywords, tier: Tier) -> Condition<QS> {
    let (before, after) = k.index_sql(tier).split_once('?').unwrap_or(("", ""));
    Box::new(
        sql::<Bool>(&format!(
            "board.sort_key IN (SELECT {} FROM{before}",
            k.key()
        ))
        .bind::<Text, _>(k.query(tier))
        .sql(&format!("{after})")),
    )
}

/// `CASE` giving a keyword search's tier (2, 1 or 0) of a board row, for the salary order.
fn tier_rank(
    k: &Keywords,
) -> diesel::expression::SqlLiteral<
    Integer,
    impl diesel::query_builder::QueryFragment<Db> + diesel::query_builder::QueryId + Send + 'static,
> {
    let (title_before, title_after) = k.index_sql(Tier::Title).split_once('?').unwrap_or(("", ""));
    let (head_before, head_after) = k.index_sql(Tier::Head).split_once('?').unwrap_or(("", ""));
    sql::<Integer>(&format!(
        "CASE WHEN board.sort_key IN (SELECT {} FROM{title_before}",
        k.key()
    ))
    .bind::<Text, _>(k.query(Tier::Title))
    .sql(&format!(
        "{title_after}) THEN 2 WHEN board.sort_key IN (SELECT {} FROM{head_before}",
        k.key()
    ))
    .bind::<Text, _>(k.query(Tier::Head))
    .sql(&format!("{head_after}) THEN 1 ELSE 0 END"))
}

#[derive(QueryableByName)]
struct ComboCount {
    #[diesel(sql_type = Integer)]
    combo: i32,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

#[derive(QueryableByName)]
struct Key {
    #[diesel(sql_type = BigInt)]
    k: i64,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Runs `sql` (SQLite placeholders) with the tier query and the key range bound, plus a limit
/// and offset when given.
fn index_query<
    T: diesel::deserialize::QueryableByName<diesel::sqlite::Sqlite>
        + diesel::deserialize::QueryableByName<diesel::pg::Pg>
        + 'static,
>(
    conn: &mut DbConn,
    sql: &str,
    query: String,
    (low, high): (i64, i64),
    limit: Option<(i64, i64)>,
) -> QueryResult<Vec<T>> {
    let (limit, offset) = limit.unwrap_or((-1, 0));
    match conn {
        DbConn::Sqlite(c) => {
            let q = diesel::sql_query(sql)
                .bind::<Text, _>(query)
                .bind::<BigInt, _>(low)
                .bind::<BigInt, _>(high);
            if sql.contains("LIMIT") {
                q.bind::<BigInt, _>(limit).bind::<BigInt, _>(offset).load(c)
            } else {
                q.load(c)
            }
        }
        DbConn::Pg(c) => {
            let numbered = super::pg_placeholders(sql);
            // PostgreSQL wants NULL, not -1, for no limit.
            let numbered = numbered.replace("LIMIT $4", "LIMIT NULLIF($4, -1)");
            let q = diesel::sql_query(numbered)
                .bind::<Text, _>(query)
                .bind::<BigInt, _>(low)
                .bind::<BigInt, _>(high);
            if sql.contains("LIMIT") {
                q.bind::<BigInt, _>(limit).bind::<BigInt, _>(offset).load(c)
            } else {
                q.load(c)
            }
        }
    }
}

/// How many open vacancies passing the text filters share each combination of category,
/// seniority, employment and work mode: kept counts for a plain list, else one `GROUP BY` over
/// the keys (of the keyword index when there are keywords).
pub fn facet_combos(conn: &mut DbConn, s: &Search) -> QueryResult<Vec<FacetCombo>> {
    let keywords = Keywords::new(conn, s.keywords)?;
    combos_of(conn, s, keywords.as_ref(), &mut None)
}

/// `facet_combos` with the keywords already resolved for the index (resolving a common
/// word's prefix into its terms reads the index's vocabulary, about 7 ms at 100,000).
fn combos_of(
    conn: &mut DbConn,
    s: &Search,
    keywords: Option<&Keywords>,
    country_pairs: &mut Option<Vec<(Option<String>, i64)>>,
) -> QueryResult<Vec<FacetCombo>> {
    let Some(range) = lang_range(s.lang) else {
        return Ok(Vec::new());
    };
    if !s.keywords.is_empty() && keywords.is_none() {
        return Ok(Vec::new());
    }
    let is_pg = matches!(conn, DbConn::Pg(_));
    let counts: Vec<(i32, i64)> = match (keywords, has_text_filters(s.filters)) {
        (None, false) => board_counts::table
            .filter(board_counts::lang.eq(s.lang))
            .filter(board_counts::count.gt(0))
            .select((board_counts::combo, board_counts::count))
            .load(conn)?,
        (None, true) if s.filters.location.trim().is_empty() && s.filters.salary_min.is_none() => {
            // The country alone: its keys from the country's index, not a walk of the board.
            let keys = board_countries::table
                .filter(board_countries::country.eq(&s.filters.country))
                .filter(board_countries::sort_key.between(range.0, range.1))
                .select(board_countries::sort_key);
            combo_counts(keys.load_iter::<i64, DefaultLoadingMode>(conn)?)?
        }
        (None, true) if !is_pg && s.filters.country.is_empty() && has_location(s.filters) => {
            // A location (usually a few per cent of the board): one walk of the board gives
            // the keys and their countries, for the country facet too. (Not for a salary
            // alone: 60,000 keys and 100,000 countries cost four times the keys.)
            let pairs: Vec<(Option<String>, i64)> = text_filtered!(
                board::table
                    .left_join(
                        board_countries::table.on(board_countries::sort_key.eq(board::sort_key)),
                    )
                    .select((board_countries::country.nullable(), board::sort_key))
                    .into_boxed::<Db>(),
                s,
                range
            )
            .load(conn)?;
            let counts = combo_counts(distinct_keys(&pairs).map(Ok))?;
            *country_pairs = Some(pairs);
            counts
        }
        (None, true) if !is_pg => {
            let keys = board_rows(s, range).select(board::sort_key);
            combo_counts(keys.load_iter::<i64, DefaultLoadingMode>(conn)?)?
        }
        (None, true) => text_filtered!(
            board::table
                .group_by(board::combo)
                .select((board::combo, diesel::dsl::count_star()))
                .into_boxed::<Db>(),
            s,
            range
        )
        .load(conn)?,
        (Some(k), false) => {
            let key = k.key();
            // PostgreSQL: `+ 0` keeps the key range off the primary key, so the matches come
            // from the GIN index alone; a sequential scan (its choice for a common word) reads
            // every row's tsvector: 0.4-1.3 s instead of a bitmap scan's 50-180 ms at 100,000.
            let range_key = if k.is_pg { "s.sort_key + 0" } else { key };
            // PostgreSQL: the language's own GIN index (its predicate, written out: our own
            // integers), so only that language's matches are fetched from the heap: half of
            // them at 100,000 (`engineer`: ~28,000 instead of ~56,000).
            let language = if k.is_pg {
                language_test(key, range)
            } else {
                String::new()
            };
            let sql = format!(
                "SELECT CAST({key} & {COMBO_MASK} AS INTEGER) AS combo, COUNT(*) AS count \
                 FROM{} AND {range_key} BETWEEN ? AND ?{language} GROUP BY 1",
                k.index_sql(Tier::Any)
            );
            let query = k.query(Tier::Any);
            match conn {
                DbConn::Pg(_) => conn
                    .transaction(|conn| {
                        if let DbConn::Pg(c) = conn {
                            diesel::sql_query("SET LOCAL enable_seqscan = off").execute(c)?;
                        }
                        index_query::<ComboCount>(conn, &sql, query, range, None)
                    })?
                    .into_iter()
                    .map(|c| (c.combo, c.count))
                    .collect(),
                DbConn::Sqlite(c) => sqlite_key_combos(c, k, range)?,
            }
        }
        (Some(k), true) => match conn {
            DbConn::Sqlite(c) if s.filters.country.is_empty() && has_location(s.filters) => {
                // One walk of the index gives the keys and their countries.
                let pairs = sqlite_match_countries(c, s, k)?;
                let counts = combo_counts(distinct_keys(&pairs).map(Ok))?;
                *country_pairs = Some(pairs);
                counts
            }
            DbConn::Sqlite(c)
                if s.filters.location.trim().is_empty() && s.filters.salary_min.is_none() =>
            {
                // Keywords and a country: the country's keys from its index, the keyword's from
                // the search index, met here. A key lookup per match for the country instead
                // took 60 ms for `engineer` in Germany at 100,000.
                let mut in_country: Vec<i64> = board_countries::table
                    .filter(board_countries::country.eq(&s.filters.country))
                    .filter(board_countries::sort_key.between(range.0, range.1))
                    .select(board_countries::sort_key)
                    .load(c)?;
                in_country.sort_unstable();
                let matches = sqlite_index_keys(c, k, range)?;
                combo_counts(matches.filter(|key| {
                    key.as_ref()
                        .map_or(true, |key| in_country.binary_search(key).is_ok())
                }))?
            }
            DbConn::Sqlite(c) => {
                let keys = sqlite_filtered_tier(c, s, k, Tier::Any, None, Wanted::Keys)?;
                combo_counts(keys.into_iter().map(Ok))?
            }
            DbConn::Pg(_) => text_filtered!(
                board::table
                    .group_by(board::combo)
                    .select((board::combo, diesel::dsl::count_star()))
                    .into_boxed::<Db>(),
                s,
                range
            )
            .filter(in_tier(k, Tier::Any))
            .load(conn)?,
        },
    };
    Ok(counts
        .into_iter()
        .map(|(combo, count)| {
            let (category_id, seniority, employment, work_mode) = combo_values(combo);
            FacetCombo {
                category_id,
                seniority: seniority.into(),
                employment: employment.into(),
                work_mode: work_mode.into(),
                count,
            }
        })
        .collect())
}

/// SQLite: a keyword's matches counted per facet combination in Rust from the keys the index
/// returns. SQLite has no hash aggregate: its `GROUP BY` sorts every match first, which made a
/// common word (56,000 matches at 100,000) cost four times the index walk itself.
fn sqlite_key_combos(
    conn: &mut diesel::SqliteConnection,
    k: &Keywords,
    range: (i64, i64),
) -> QueryResult<Vec<(i32, i64)>> {
    combo_counts(sqlite_index_keys(conn, k, range)?)
}

/// SQLite: every key the index matches for the keywords in one language, streamed.
fn sqlite_index_keys<'c>(
    conn: &'c mut diesel::SqliteConnection,
    k: &Keywords,
    (low, high): (i64, i64),
) -> QueryResult<impl Iterator<Item = QueryResult<i64>> + 'c> {
    let keys = diesel::sql_query(format!(
        "SELECT rowid AS k FROM{} AND rowid BETWEEN ? AND ?",
        k.index_sql(Tier::Any)
    ))
    .bind::<Text, _>(k.query(Tier::Any))
    .bind::<BigInt, _>(low)
    .bind::<BigInt, _>(high)
    .load_iter::<Key, DefaultLoadingMode>(conn)?;
    Ok(keys.map(|key| key.map(|key| key.k)))
}

/// The keys of (country, key) pairs, each once: a key's pairs are read together.
fn distinct_keys(pairs: &[(Option<String>, i64)]) -> impl Iterator<Item = i64> + '_ {
    let mut last = None;
    pairs.iter().filter_map(move |(_, key)| {
        let new = last != Some(*key);
        last = Some(*key);
        new.then_some(*key)
    })
}

/// Board keys counted per facet combination (the key's low bits): on SQLite, cheaper than a
/// `GROUP BY`, which sorts every row first.
fn combo_counts(keys: impl Iterator<Item = QueryResult<i64>>) -> QueryResult<Vec<(i32, i64)>> {
    let mut counts = vec![0i64; COMBO_MASK as usize + 1];
    for key in keys {
        counts[(key? & COMBO_MASK) as usize] += 1;
    }
    Ok(counts
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(combo, n)| (combo as i32, n))
        .collect())
}

/// What `sqlite_filtered_tier` reads.
#[derive(Clone, Copy)]
enum Wanted {
    /// A page of keys, newest first.
    Page { limit: i64, offset: i64 },
    /// Every key.
    Keys,
    /// How many rows.
    Count,
}

/// SQLite: the rows of a keyword tier that pass the text filters (location, salary), the
/// index driving: it walks the tier's matches newest first and looks up each one's board row,
/// so a page stops once it has its rows. (`board.sort_key IN (matches)` made SQLite build the
/// whole match list first: 60 ms for a common word at 100,000, twice the walk.)
fn sqlite_filtered_tier(
    conn: &mut diesel::SqliteConnection,
    s: &Search,
    k: &Keywords,
    tier: Tier,
    allowed: Option<&[i32]>,
    wanted: Wanted,
) -> QueryResult<Vec<i64>> {
    let (low, high) = lang_range(s.lang).unwrap_or((0, -1));
    let f = s.filters;
    let mut filters = String::new();
    if !f.location.trim().is_empty() {
        filters.push_str(" AND board.place_text LIKE ? ESCAPE '\\'");
    }
    if !f.country.is_empty() {
        filters.push_str(
            " AND EXISTS (SELECT 1 FROM board_countries \
             WHERE board_countries.sort_key = board.sort_key AND board_countries.country = ?)",
        );
    }
    if f.salary_min.is_some() {
        filters.push_str(" AND COALESCE(board.salary_year_top, ?) >= ?");
    }
    let select = match wanted {
        Wanted::Count => "COUNT(*)",
        _ => "board_search.rowid",
    };
    let tail = match wanted {
        Wanted::Page { .. } => " ORDER BY board_search.rowid DESC LIMIT ? OFFSET ?",
        _ => "",
    };
    let mut q = diesel::sql_query(format!(
        "SELECT {select} AS k FROM board_search JOIN board ON board.sort_key = board_search.rowid \
         WHERE board_search MATCH ? AND board_search.rowid BETWEEN ? AND ?{filters}{}{tail}",
        combos_sql("board_search.rowid", allowed)
    ))
    .into_boxed::<diesel::sqlite::Sqlite>()
    .bind::<Text, _>(k.query(tier))
    .bind::<BigInt, _>(low)
    .bind::<BigInt, _>(high);
    if !f.location.trim().is_empty() {
        q = q.bind::<Text, _>(contains_pattern(&f.location));
    }
    if !f.country.is_empty() {
        q = q.bind::<Text, _>(f.country.clone());
    }
    if let Some(min) = f.salary_min {
        q = q.bind::<BigInt, _>(min).bind::<BigInt, _>(min);
    }
    if let Wanted::Page { limit, offset } = wanted {
        q = q.bind::<BigInt, _>(limit).bind::<BigInt, _>(offset);
    }
    q.load_iter::<Key, DefaultLoadingMode>(conn)?
        .map(|key| key.map(|key| key.k))
        .collect()
}

#[derive(QueryableByName)]
struct CountryKey {
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    country: Option<String>,
    #[diesel(sql_type = BigInt)]
    k: i64,
}

/// SQLite: the (country, key) pairs of a keyword search's matches that pass its location and
/// salary filters (not its country filter), the index driving (see `sqlite_filtered_tier`);
/// a match without a country gives one pair with none.
fn sqlite_match_countries(
    conn: &mut diesel::SqliteConnection,
    s: &Search,
    k: &Keywords,
) -> QueryResult<Vec<(Option<String>, i64)>> {
    let (low, high) = lang_range(s.lang).unwrap_or((0, -1));
    let f = s.filters;
    let mut filters = String::new();
    if !f.location.trim().is_empty() {
        filters.push_str(" AND board.place_text LIKE ? ESCAPE '\\'");
    }
    if f.salary_min.is_some() {
        filters.push_str(" AND COALESCE(board.salary_year_top, ?) >= ?");
    }
    let join_board = if filters.is_empty() {
        ""
    } else {
        " JOIN board ON board.sort_key = board_search.rowid"
    };
    let mut q = diesel::sql_query(format!(
        "SELECT board_countries.country AS country, board_search.rowid AS k FROM board_search\
         {join_board} LEFT JOIN board_countries ON board_countries.sort_key = board_search.rowid \
         WHERE board_search MATCH ? AND board_search.rowid BETWEEN ? AND ?{filters}"
    ))
    .into_boxed::<diesel::sqlite::Sqlite>()
    .bind::<Text, _>(k.query(Tier::Any))
    .bind::<BigInt, _>(low)
    .bind::<BigInt, _>(high);
    if !f.location.trim().is_empty() {
        q = q.bind::<Text, _>(contains_pattern(&f.location));
    }
    if let Some(min) = f.salary_min {
        q = q.bind::<BigInt, _>(min).bind::<BigInt, _>(min);
    }
    q.load_iter::<CountryKey, DefaultLoadingMode>(conn)?
        .map(|row| row.map(|row| (row.country, row.k)))
        .collect()
}

/// The keys of one tier's rows, newest first, `limit` of them after `offset`.
fn tier_keys(
    conn: &mut DbConn,
    s: &Search,
    k: &Keywords,
    tier: Tier,
    allowed: Option<&[i32]>,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<i64>> {
    let range = lang_range(s.lang).unwrap_or((0, -1));
    if let (true, DbConn::Sqlite(c)) = (has_text_filters(s.filters), &mut *conn) {
        return sqlite_filtered_tier(c, s, k, tier, allowed, Wanted::Page { limit, offset });
    }
    if has_text_filters(s.filters) {
        let mut q = board_rows(s, range).filter(in_tier(k, tier));
        if let Some(allowed) = allowed {
            q = q.filter(board::combo.eq_any(allowed.to_vec()));
        }
        return q
            .order(board::sort_key.desc())
            .select(board::sort_key)
            .limit(limit)
            .offset(offset)
            .load(conn);
    }
    let key = k.key();
    let sql = format!(
        "SELECT {key} AS k FROM{} AND {key} BETWEEN ? AND ?{} ORDER BY {key} DESC LIMIT ? OFFSET ?",
        k.index_sql(tier),
        combos_sql(key, allowed)
    );
    Ok(
        index_query::<Key>(conn, &sql, k.query(tier), range, Some((limit, offset)))?
            .into_iter()
            .map(|r| r.k)
            .collect(),
    )
}

/// How many rows one tier has.
fn tier_count(
    conn: &mut DbConn,
    s: &Search,
    k: &Keywords,
    tier: Tier,
    allowed: Option<&[i32]>,
) -> QueryResult<i64> {
    let range = lang_range(s.lang).unwrap_or((0, -1));
    if let (true, DbConn::Sqlite(c)) = (has_text_filters(s.filters), &mut *conn) {
        let count = sqlite_filtered_tier(c, s, k, tier, allowed, Wanted::Count)?;
        return Ok(count.first().copied().unwrap_or(0));
    }
    if has_text_filters(s.filters) {
        let mut q = board_rows(s, range).filter(in_tier(k, tier));
        if let Some(allowed) = allowed {
            q = q.filter(board::combo.eq_any(allowed.to_vec()));
        }
        return q.count().get_result(conn);
    }
    let key = k.key();
    let sql = format!(
        "SELECT COUNT(*) AS n FROM{} AND {key} BETWEEN ? AND ?{}",
        k.index_sql(tier),
        combos_sql(key, allowed)
    );
    Ok(
        index_query::<Count>(conn, &sql, k.query(tier), range, None)?
            .first()
            .map_or(0, |c| c.n),
    )
}

/// The keys of one page of a keyword search newest first: the tiers in turn, each read with
/// a LIMIT, a tier counted only when the page starts past it.
fn keyword_page_keys(
    conn: &mut DbConn,
    s: &Search,
    k: &Keywords,
    allowed: Option<&[i32]>,
    offset: i64,
) -> QueryResult<Vec<i64>> {
    let mut keys = Vec::new();
    let mut skip = offset;
    for tier in [Tier::Title, Tier::Head, Tier::Body] {
        let want = PAGE_SIZE as i64 - keys.len() as i64;
        if want == 0 {
            break;
        }
        let found = tier_keys(conn, s, k, tier, allowed, want, skip)?;
        if found.is_empty() && skip > 0 {
            skip = (skip - tier_count(conn, s, k, tier, allowed)?).max(0);
        } else {
            skip = 0;
        }
        keys.extend(found);
    }
    Ok(keys)
}

/// The keys of one page (1-based, already clamped by the caller) of the rows matching every
/// filter, in the board's order; `allowed` limits the facet combinations.
fn page_keys(
    conn: &mut DbConn,
    s: &Search,
    keywords: Option<&Keywords>,
    allowed: Option<&[i32]>,
    page: usize,
    total: usize,
) -> QueryResult<Vec<i64>> {
    let Some(range) = lang_range(s.lang) else {
        return Ok(Vec::new());
    };
    if !s.keywords.is_empty() && keywords.is_none() {
        return Ok(Vec::new());
    }
    let offset = i64::try_from((page.max(1) - 1) * PAGE_SIZE).unwrap_or(i64::MAX);
    if let (Some(k), Sort::Newest) = (keywords, s.filters.sort) {
        return keyword_page_keys(conn, s, k, allowed, offset);
    }
    let mut q = board_rows(s, range);
    if let Some(allowed) = allowed {
        q = q.filter(board::combo.eq_any(allowed.to_vec()));
    }
    let (offset, total) = (offset as usize, total.max(offset as usize));
    if keywords.is_none() && s.filters.sort == Sort::Newest && offset > total / 2 {
        // A page in the back half is read from the oldest end: the last page of 100,000 skips
        // a few rows instead of 99,980.
        let end = (offset + PAGE_SIZE).min(total);
        let mut keys: Vec<i64> = q
            .order(board::sort_key.asc())
            .select(board::sort_key)
            .limit((end - offset) as i64)
            .offset((total - end) as i64)
            .load(conn)?;
        keys.reverse();
        return Ok(keys);
    }
    let offset = offset as i64;
    if let Some(k) = keywords {
        q = q.filter(in_tier(k, Tier::Any));
    }
    if s.filters.sort == Sort::Salary {
        // Highest yearly top first, not stated last.
        q = q
            .then_order_by(board::salary_year_top.is_null().asc())
            .then_order_by(board::salary_year_top.desc());
        if let Some(k) = keywords {
            q = q.then_order_by(tier_rank(k).desc());
        }
    }
    q.then_order_by(board::sort_key.desc())
        .select(board::sort_key)
        .limit(PAGE_SIZE as i64)
        .offset(offset)
        .load(conn)
}

/// Most matches a keyword, location or salary search may have for its country facet to be
/// counted when the countries need a read of their own (a key lookup per match), which a
/// common word at 100,000 (28,000 matches) would make the slowest part of the page. Past it the
/// facet lists the language's countries without counts. Lists without keywords, location or
/// salary are always counted (kept counts), and so are SQLite's location searches, whose walk
/// reads the countries with the keys.
pub const COUNTRY_COUNT_LIMIT: usize = 10_000;

/// The country facet's data: per (country, combination) counts of the search without its own
/// country filter, or, when `counted` is false, the language's countries with their
/// language-wide counts (shown without numbers).
pub struct Countries {
    pub combos: Vec<CountryCombo>,
    pub counted: bool,
}

/// What a search found: one page of rows, the combination counts for the facets, the total,
/// the page shown (the one asked for, clamped to the last page) and the country facet's data.
pub struct Found {
    pub rows: Vec<(Vacancy, Category)>,
    pub combos: Vec<FacetCombo>,
    pub total: usize,
    pub page: usize,
    pub countries: Countries,
}

/// `AND (key >> shift) = slot`: the language's rows named by the key's top bits (our own
/// integers), as PostgreSQL's per-language GIN indexes are defined.
fn language_test(key: &str, (low, high): (i64, i64)) -> String {
    let shift = (high - low).count_ones();
    format!(" AND ({key} >> {shift}) = {}", low >> shift)
}

/// The language's kept total per country (its `ANY_COMBO` rows): a few dozen rows.
fn kept_country_totals_all(conn: &mut DbConn, lang: &str) -> QueryResult<Vec<CountryCombo>> {
    Ok(board_country_counts::table
        .filter(board_country_counts::lang.eq(lang))
        .filter(board_country_counts::count.gt(0))
        .filter(board_country_counts::combo.eq(ANY_COMBO))
        .select((
            board_country_counts::country,
            board_country_counts::combo,
            board_country_counts::count,
        ))
        .load::<(String, i32, i64)>(conn)?
        .into_iter()
        .map(|(country, combo, count)| CountryCombo {
            country,
            combo,
            count,
        })
        .collect())
}

/// The kept counts per country of the combinations a search's facet filters let through,
/// summed by the database (as `ANY_COMBO` rows): the filters become tests on the combination's
/// bits, with our own integers.
fn kept_country_totals(conn: &mut DbConn, s: &Search) -> QueryResult<Vec<CountryCombo>> {
    let f = s.filters;
    let mut tests = String::new();
    let mut test = |shift: u32, mask: i32, values: Vec<i32>| {
        if !values.is_empty() {
            let list: Vec<String> = values.iter().map(i32::to_string).collect();
            tests.push_str(&format!(
                " AND ((combo >> {shift}) & {mask}) IN ({})",
                list.join(",")
            ));
        }
    };
    let position = |all: &[&str], value: &str| all.iter().position(|v| *v == value);
    let seniorities: Vec<&str> = Seniority::ALL.iter().map(|v| v.as_str()).collect();
    let employments: Vec<&str> = Employment::ALL.iter().map(|v| v.as_str()).collect();
    let work_modes: Vec<&str> = WorkMode::ALL.iter().map(|v| v.as_str()).collect();
    if !f.categories.is_empty() {
        // Categories that do not exist match nothing.
        test(8, 63, s.category_ids.iter().copied().chain([-1]).collect());
    }
    let positions = |all: &[&str], chosen: Vec<&str>| -> Vec<i32> {
        chosen
            .into_iter()
            .filter_map(|v| position(all, v))
            .map(|i| i as i32)
            .collect()
    };
    test(
        5,
        7,
        positions(
            &seniorities,
            f.seniorities.iter().map(|v| v.as_str()).collect(),
        ),
    );
    test(
        2,
        7,
        positions(
            &employments,
            f.employments.iter().map(|v| v.as_str()).collect(),
        ),
    );
    test(
        0,
        3,
        positions(
            &work_modes,
            f.work_modes.iter().map(|v| v.as_str()).collect(),
        ),
    );
    if tests.is_empty() {
        return kept_country_totals_all(conn, s.lang);
    }
    #[derive(QueryableByName)]
    struct CountryTotal {
        #[diesel(sql_type = Text)]
        country: String,
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    let sql = format!(
        "SELECT country, CAST(SUM(count) AS BIGINT) AS count FROM board_country_counts \
         WHERE lang = ? AND combo >= 0{tests} GROUP BY country"
    );
    let rows: Vec<CountryTotal> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(sql).bind::<Text, _>(s.lang).load(c)?,
        DbConn::Pg(c) => diesel::sql_query(super::pg_placeholders(&sql))
            .bind::<Text, _>(s.lang)
            .load(c)?,
    };
    Ok(rows
        .into_iter()
        .map(|r| CountryCombo {
            country: r.country,
            combo: ANY_COMBO,
            count: r.count,
        })
        .collect())
}

/// The country facet's data for a search that found `total` (see `COUNTRY_COUNT_LIMIT`).
fn country_combos(
    conn: &mut DbConn,
    s: &Search,
    keywords: Option<&Keywords>,
    total: usize,
    read_with_combos: Option<Vec<(Option<String>, i64)>>,
) -> QueryResult<Countries> {
    let f = s.filters;
    let plain = keywords.is_none() && f.location.trim().is_empty() && f.salary_min.is_none();
    if plain {
        return Ok(Countries {
            combos: kept_country_totals(conn, s)?,
            counted: true,
        });
    }
    let Some(range) = lang_range(s.lang) else {
        return Ok(Countries {
            combos: Vec::new(),
            counted: true,
        });
    };
    // With its own filter on, the facet would count a search the page did not run (and whose
    // size the total does not tell).
    if !f.country.is_empty() || (total > COUNTRY_COUNT_LIMIT && read_with_combos.is_none()) {
        return Ok(Countries {
            combos: kept_country_totals_all(conn, s.lang)?,
            counted: false,
        });
    }
    let rows: Vec<(String, i64)> = match (read_with_combos, keywords, &mut *conn) {
        (None, Some(k), DbConn::Pg(_)) if !has_text_filters(f) => {
            // As the facet counts: the matches from the language's GIN index alone (`+ 0`
            // keeps the key range off the primary key), then each one's countries.
            let sql = format!(
                "SELECT c.country AS country, s.sort_key AS k FROM{} AND s.sort_key + 0 \
                 BETWEEN ? AND ?{} AND c.sort_key = s.sort_key",
                k.index_sql(Tier::Any).replacen(
                    " board_search s,",
                    " board_search s, board_countries c,",
                    1
                ),
                language_test("s.sort_key", range)
            );
            let query = k.query(Tier::Any);
            conn.transaction(|conn| {
                if let DbConn::Pg(c) = conn {
                    diesel::sql_query("SET LOCAL enable_seqscan = off").execute(c)?;
                }
                index_query::<CountryKey>(conn, &sql, query, range, None)
            })?
            .into_iter()
            .filter_map(|row| Some((row.country?, row.k)))
            .collect()
        }
        (Some(pairs), _, _) => pairs
            .into_iter()
            .filter_map(|(country, key)| Some((country?, key)))
            .collect(),
        (None, Some(k), DbConn::Sqlite(c)) => sqlite_match_countries(c, s, k)?
            .into_iter()
            .filter_map(|(country, key)| Some((country?, key)))
            .collect(),
        _ => {
            let mut query = text_filtered!(
                board::table
                    .inner_join(
                        board_countries::table.on(board_countries::sort_key.eq(board::sort_key)),
                    )
                    .select((board_countries::country, board::sort_key))
                    .into_boxed::<Db>(),
                s,
                range
            );
            if let Some(k) = keywords {
                query = query.filter(in_tier(k, Tier::Any));
            }
            query.load(conn)?
        }
    };
    let mut counts: std::collections::BTreeMap<(String, i32), i64> = Default::default();
    for (country, key) in rows {
        *counts
            .entry((country, (key & COMBO_MASK) as i32))
            .or_default() += 1;
    }
    Ok(Countries {
        combos: counts
            .into_iter()
            .map(|((country, combo), count)| CountryCombo {
                country,
                combo,
                count,
            })
            .collect(),
        counted: true,
    })
}

/// Runs a search: the combination counts first (they give the total, so a page past the end
/// is clamped without a second count), then the page's keys, then its rows.
pub fn search(conn: &mut DbConn, s: &Search, categories: &[Category]) -> QueryResult<Found> {
    let keywords = Keywords::new(conn, s.keywords)?;
    let mut country_pairs = None;
    let combos = combos_of(conn, s, keywords.as_ref(), &mut country_pairs)?;
    let slug = |id: i32| {
        categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.slug.as_str())
            .unwrap_or("")
    };
    let passes = |c: &FacetCombo| {
        s.filters.passes_dims(
            slug(c.category_id),
            &c.seniority,
            &c.employment,
            &c.work_mode,
            None,
        )
    };
    let total: usize = combos
        .iter()
        .filter(|c| passes(c))
        .map(|c| usize::try_from(c.count).unwrap_or(0))
        .sum();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page_number = s.filters.page.clamp(1, pages);
    let f = s.filters;
    let by_dims = !(f.categories.is_empty()
        && f.seniorities.is_empty()
        && f.employments.is_empty()
        && f.work_modes.is_empty());
    // Facet filters become the list of combinations they let through: a few hundred at most,
    // fixed by the taxonomy, not by the data.
    let allowed: Option<Vec<i32>> = by_dims.then(|| {
        combos
            .iter()
            .filter(|c| passes(c))
            .map(|c| {
                crate::models::combo_of(c.category_id, &c.seniority, &c.employment, &c.work_mode)
            })
            .collect()
    });
    let countries = country_combos(conn, s, keywords.as_ref(), total, country_pairs)?;
    let rows = if total == 0 {
        Vec::new()
    } else {
        let keys = page_keys(
            conn,
            s,
            keywords.as_ref(),
            allowed.as_deref(),
            page_number,
            total,
        )?;
        rows_for_keys(conn, &keys)?
    };
    Ok(Found {
        rows,
        combos,
        total,
        page: page_number,
        countries,
    })
}

/// The vacancies of these board keys, in the keys' order.
fn rows_for_keys(conn: &mut DbConn, keys: &[i64]) -> QueryResult<Vec<(Vacancy, Category)>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows: Vec<(i64, Vacancy, Category)> = board::table
        .inner_join(vacancies::table.inner_join(categories::table))
        .filter(board::sort_key.eq_any(keys))
        .select((board::sort_key, Vacancy::as_select(), Category::as_select()))
        .load(conn)?;
    rows.sort_by_key(|(key, _, _)| keys.iter().position(|k| k == key));
    Ok(rows.into_iter().map(|(_, v, c)| (v, c)).collect())
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

/// The newest vacancies a language lists (home page, feed).
pub fn newest_open(
    conn: &mut DbConn,
    lang: &str,
    limit: i64,
) -> QueryResult<Vec<(Vacancy, Category)>> {
    let Some((low, high)) = lang_range(lang) else {
        return Ok(Vec::new());
    };
    let keys: Vec<i64> = board::table
        .filter(board::sort_key.between(low, high))
        .order(board::sort_key.desc())
        .select(board::sort_key)
        .limit(limit)
        .load(conn)?;
    rows_for_keys(conn, &keys)
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

/// How many open vacancies there are (each once, in its own language).
pub fn count_open(conn: &mut DbConn) -> QueryResult<i64> {
    board::table
        .filter(board::own_lang.eq(true))
        .count()
        .get_result(conn)
}

/// A slice of the open vacancies' languages, addresses and last changes, oldest first, for
/// the sitemap: one statement over the board's narrow rows.
pub fn open_slugs(
    conn: &mut DbConn,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(String, String, PrimitiveDateTime)>> {
    board::table
        .filter(board::own_lang.eq(true))
        .order(board::sort_key.asc())
        .select((board::lang, board::slug, board::updated_at))
        .offset(offset)
        .limit(limit)
        .load(conn)
}

#[derive(QueryableByName)]
struct VersionRow {
    #[diesel(sql_type = Integer)]
    group_id: i32,
    #[diesel(sql_type = Text)]
    lang: String,
    #[diesel(sql_type = Text)]
    slug: String,
}

/// Every open vacancy whose translation group has another open version, as (group, language,
/// slug), the original first, for the sitemap's `hreflang` alternates. Translations are written by hand, so these
/// are few; the partial index `board_translated` finds the groups without a scan.
pub fn translated_versions(conn: &mut DbConn) -> QueryResult<Vec<(i32, String, String)>> {
    let rows: Vec<VersionRow> = diesel::sql_query(
        "SELECT group_id, lang, slug FROM board WHERE own_lang AND group_id IN \
         (SELECT group_id FROM board WHERE own_lang AND group_id <> vacancy_id) \
         ORDER BY group_id, vacancy_id <> group_id, sort_key",
    )
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| (r.group_id, r.lang, r.slug))
        .collect())
}

/// How many of a skill's newest listed vacancies a "sharing skills" search looks at: the best
/// matches are found among recent vacancies, so the work stays bounded at any size.
const CANDIDATES_PER_SKILL: i64 = 200;

/// Most skills a "sharing skills" search reads (a vacancy lists a handful).
const MAX_SHARED_SKILLS: usize = 16;

#[derive(QueryableByName)]
struct Scored {
    #[diesel(sql_type = Integer)]
    vacancy_id: i32,
}

/// Vacancies listed in `lang` sharing the most of `skill_ids`, with `category` (when given)
/// worth two shared skills, newest first among equals; `exclude` is left out. Related
/// vacancies on a vacancy page, and the vacancies an article teaches for. One statement: each
/// skill's newest listed vacancies (an index walk with a LIMIT) and the category's, scored and
/// ranked together; then their rows.
pub fn sharing_skills(
    conn: &mut DbConn,
    skill_ids: &[i32],
    category: Option<i32>,
    exclude: Option<i32>,
    lang: &str,
    limit: usize,
) -> QueryResult<Vec<(Vacancy, Category)>> {
    let Some((low, high)) = lang_range(lang) else {
        return Ok(Vec::new());
    };
    // Every value below is one of our own integers, written into the statement: it binds
    // nothing, so it reads the same on both backends.
    let mut parts: Vec<String> = skill_ids
        .iter()
        .take(MAX_SHARED_SKILLS)
        .map(|skill| {
            format!(
                "SELECT * FROM (SELECT vs.vacancy_id AS vacancy_id, 1 AS points, \
                 b.sort_key AS sort_key FROM vacancy_skills vs \
                 JOIN board b ON b.vacancy_id = vs.vacancy_id \
                 WHERE vs.skill_id = {skill} AND b.sort_key BETWEEN {low} AND {high} \
                 ORDER BY vs.vacancy_id DESC LIMIT {CANDIDATES_PER_SKILL}) s{skill}"
            )
        })
        .collect();
    if let Some(category) = category {
        // The category is the top bits of the key's facet combination.
        parts.push(format!(
            "SELECT * FROM (SELECT vacancy_id, 2 AS points, sort_key FROM board \
             WHERE sort_key BETWEEN {low} AND {high} AND (combo >> 8) = {} \
             ORDER BY sort_key DESC LIMIT {CANDIDATES_PER_SKILL}) c",
            category.clamp(0, 63)
        ));
    }
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT vacancy_id FROM ({}) candidates WHERE vacancy_id <> {} \
         GROUP BY vacancy_id ORDER BY SUM(points) DESC, MAX(sort_key) DESC LIMIT {}",
        parts.join(" UNION ALL "),
        exclude.unwrap_or(0),
        limit
    );
    let best: Vec<Scored> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(sql).load(c)?,
        DbConn::Pg(c) => diesel::sql_query(sql).load(c)?,
    };
    let ids: Vec<i32> = best.into_iter().map(|r| r.vacancy_id).collect();
    rows_in_order(conn, &ids)
}
