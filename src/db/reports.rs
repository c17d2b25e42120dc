//! The recruiters' reports' queries. Each one groups in SQL and returns a handful of rows (a
//! count per week, per stage, per hour bucket, per source, per vacancy), whatever the number of
//! applications; `domain::reports` turns them into figures.
//!
//! The SQL is written out because it needs what Diesel's query builder does not offer on both
//! backends (a CASE per week, grouping a grouped subquery, time differences). Every value is a
//! bound parameter; only the few backend-specific functions differ between the two texts.

use diesel::backend::Backend;
use diesel::pg::Pg;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, HasSqlType, Integer, Text, Timestamp};
use diesel::sqlite::Sqlite;
use diesel::{QueryResult, QueryableByName, RunQueryDsl};
use time::PrimitiveDateTime;

use super::DbConn;
use crate::models::{Stage, VacancyStatus};

/// Which applications a report counts. `vacancy_id` and `category_id` narrow by the vacancy;
/// `since..=until` is when the applications arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub vacancy_id: Option<i32>,
    pub category_id: Option<i32>,
    pub since: Option<PrimitiveDateTime>,
    pub until: PrimitiveDateTime,
}

/// The audit trail's name for applications (`actions::applications::ENTITY`) and the action
/// recruiters' status changes are recorded under.
const ENTITY: &str = "application";
const STATUS_ACTION: &str = "status";

enum Param {
    Int(i32),
    Text(String),
    Time(PrimitiveDateTime),
}

/// SQL text with numbered (`$1`, PostgreSQL) or positional (`?`, SQLite) parameters.
struct Sql {
    is_pg: bool,
    text: String,
    params: Vec<Param>,
}

impl Sql {
    fn new(conn: &DbConn) -> Sql {
        Sql {
            is_pg: matches!(conn, DbConn::Pg(_)),
            text: String::new(),
            params: Vec::new(),
        }
    }

    fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Text that differs between the backends.
    fn pick(&mut self, pg: &str, sqlite: &str) -> &mut Sql {
        let text = if self.is_pg { pg } else { sqlite };
        self.push(text)
    }

    fn bind(&mut self, param: Param) -> &mut Sql {
        self.params.push(param);
        if self.is_pg {
            self.text.push_str(&format!("${}", self.params.len()));
        } else {
            self.text.push('?');
        }
        self
    }

    fn load<R>(self, conn: &mut DbConn) -> QueryResult<Vec<R>>
    where
        R: QueryableByName<Pg> + QueryableByName<Sqlite> + 'static,
    {
        match conn {
            DbConn::Pg(c) => boxed::<Pg>(self.text, self.params).load(c),
            DbConn::Sqlite(c) => boxed::<Sqlite>(self.text, self.params).load(c),
        }
    }
}

fn boxed<'a, DB>(text: String, params: Vec<Param>) -> BoxedSqlQuery<'a, DB, SqlQuery>
where
    DB: Backend + HasSqlType<Integer> + HasSqlType<Text> + HasSqlType<Timestamp>,
    i32: ToSql<Integer, DB>,
    String: ToSql<Text, DB>,
    PrimitiveDateTime: ToSql<Timestamp, DB>,
{
    params
        .into_iter()
        .fold(diesel::sql_query(text).into_boxed::<DB>(), |q, p| match p {
            Param::Int(v) => q.bind::<Integer, _>(v),
            Param::Text(v) => q.bind::<Text, _>(v),
            Param::Time(v) => q.bind::<Timestamp, _>(v),
        })
}

/// The applications of the scope (`a`), up to and with the `WHERE` clause.
fn from_scope(sql: &mut Sql, scope: &Scope) {
    from_applications(sql, scope);
    where_scope(sql, scope, scope.since);
}

/// `FROM applications a`, joined to its vacancy (`v`) only when the category needs it: alone,
/// the report indexes cover every column these queries read, so SQLite never reads a row
/// (and its CV).
fn from_applications(sql: &mut Sql, scope: &Scope) {
    sql.push(" FROM applications a");
    if scope.category_id.is_some() {
        sql.push(" INNER JOIN vacancies v ON v.id = a.vacancy_id");
    }
}

/// `FROM applications a INNER JOIN vacancies v`, for the queries about open vacancies.
fn from_scope_with_vacancies(sql: &mut Sql, scope: &Scope) {
    sql.push(" FROM applications a INNER JOIN vacancies v ON v.id = a.vacancy_id");
    where_scope(sql, scope, scope.since);
}

fn where_scope(sql: &mut Sql, scope: &Scope, since: Option<PrimitiveDateTime>) {
    sql.push(" WHERE a.created_at <= ")
        .bind(Param::Time(scope.until));
    if let Some(since) = since {
        sql.push(" AND a.created_at >= ").bind(Param::Time(since));
    }
    if let Some(id) = scope.vacancy_id {
        sql.push(" AND a.vacancy_id = ").bind(Param::Int(id));
    }
    if let Some(id) = scope.category_id {
        sql.push(" AND v.category_id = ").bind(Param::Int(id));
    }
}

/// A grouped count: the group's number and how many rows it has.
#[derive(QueryableByName)]
struct Bucket {
    #[diesel(sql_type = Integer)]
    bucket: i32,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Labelled {
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn buckets(rows: Vec<Bucket>) -> Vec<(i32, i64)> {
    rows.into_iter().map(|b| (b.bucket, b.n)).collect()
}

fn labelled(rows: Vec<Labelled>) -> Vec<(String, i64)> {
    rows.into_iter().map(|l| (l.label, l.n)).collect()
}

/// Applications per week: `(index into week_starts, count)` for the weeks that have any,
/// from `week_starts[0]` to the scope's end; the scope's own start is not used.
pub fn weekly(
    conn: &mut DbConn,
    scope: &Scope,
    week_starts: &[PrimitiveDateTime],
) -> QueryResult<Vec<(i32, i64)>> {
    let Some(first) = week_starts.first() else {
        return Ok(Vec::new());
    };
    let mut sql = Sql::new(conn);
    sql.push("SELECT CASE");
    for (i, start) in week_starts.iter().enumerate().skip(1).rev() {
        sql.push(" WHEN a.created_at >= ")
            .bind(Param::Time(*start))
            .push(&format!(" THEN {i}"));
    }
    sql.push(" ELSE 0 END AS bucket, COUNT(*) AS n");
    from_applications(&mut sql, scope);
    where_scope(&mut sql, scope, Some(*first));
    sql.push(" GROUP BY 1");
    Ok(buckets(sql.load(conn)?))
}

/// How many applications have each status now.
pub fn statuses(conn: &mut DbConn, scope: &Scope) -> QueryResult<Vec<(String, i64)>> {
    let mut sql = Sql::new(conn);
    sql.push("SELECT a.status AS label, COUNT(*) AS n");
    from_scope(&mut sql, scope);
    sql.push(" GROUP BY a.status");
    Ok(labelled(sql.load(conn)?))
}

/// How many applications got at most how far along `stages` (`(index, count)`): the furthest
/// stage is the highest of the status now and every status a recruiter ever moved it to, so
/// an application rejected after its interview counts as having reached the interview.
pub fn furthest(
    conn: &mut DbConn,
    scope: &Scope,
    stages: &[Stage],
) -> QueryResult<Vec<(i32, i64)>> {
    let mut sql = Sql::new(conn);
    sql.push("SELECT t.furthest AS bucket, COUNT(*) AS n FROM (SELECT a.id, MAX(CASE");
    for (level, stage) in stages.iter().enumerate().skip(1).rev() {
        sql.push(" WHEN a.status = ")
            .bind(Param::Text(stage.as_str().to_string()))
            .push(" OR l.changes LIKE ")
            .bind(Param::Text(moved_to(*stage)))
            .push(&format!(" THEN {level}"));
    }
    sql.push(" ELSE 0 END) AS furthest");
    from_applications(&mut sql, scope);
    sql.push(" LEFT JOIN audit_log l ON l.entity = ")
        .bind(Param::Text(ENTITY.into()))
        .push(" AND l.entity_id = a.id AND l.action = ")
        .bind(Param::Text(STATUS_ACTION.into()));
    where_scope(&mut sql, scope, scope.since);
    // In the index's order (`applications_report`): SQLite then reads the index, not the rows.
    sql.push(" GROUP BY a.created_at, a.id) t GROUP BY t.furthest");
    Ok(buckets(sql.load(conn)?))
}

/// The audit entry of a move to `stage`, as `actions::applications` writes it (JSON of
/// `FieldChange`: `{"field":"status","from":"…","to":"…"}`), as a LIKE pattern.
fn moved_to(stage: Stage) -> String {
    format!("%\"to\":\"{}\"%", stage.as_str())
}

/// How long applications waited for their first status change by a recruiter, or, with `to`,
/// for the move to that stage: `(whole hours, count)`. Applications without such a change
/// are not counted.
pub fn hours_until(
    conn: &mut DbConn,
    scope: &Scope,
    to: Option<Stage>,
) -> QueryResult<Vec<(i32, i64)>> {
    let mut sql = Sql::new(conn);
    sql.push("SELECT t.hours AS bucket, COUNT(*) AS n FROM (SELECT a.id, ");
    sql.pick(
        "CAST(FLOOR(EXTRACT(EPOCH FROM (MIN(l.created_at) - a.created_at)) / 3600) AS INTEGER)",
        "CAST((unixepoch(MIN(l.created_at)) - unixepoch(a.created_at)) / 3600 AS INTEGER)",
    );
    sql.push(" AS hours");
    from_applications(&mut sql, scope);
    sql.push(" INNER JOIN audit_log l ON l.entity = ")
        .bind(Param::Text(ENTITY.into()))
        .push(" AND l.entity_id = a.id AND l.action = ")
        .bind(Param::Text(STATUS_ACTION.into()));
    if let Some(stage) = to {
        sql.push(" AND l.changes LIKE ")
            .bind(Param::Text(moved_to(stage)));
    }
    where_scope(&mut sql, scope, scope.since);
    sql.push(" GROUP BY a.created_at, a.id) t GROUP BY t.hours");
    Ok(buckets(sql.load(conn)?))
}

/// The biggest sources, biggest first (`""` for applications without one), at most `limit`.
pub fn sources(conn: &mut DbConn, scope: &Scope, limit: i64) -> QueryResult<Vec<(String, i64)>> {
    let mut sql = Sql::new(conn);
    sql.push("SELECT COALESCE(a.source, '') AS label, COUNT(*) AS n");
    from_scope(&mut sql, scope);
    sql.push(&format!(
        " GROUP BY COALESCE(a.source, '') ORDER BY n DESC, label LIMIT {}",
        limit.max(0)
    ));
    Ok(labelled(sql.load(conn)?))
}

/// Open at `now`: published and not past its valid-through date (`Vacancy::is_open`).
fn and_open(sql: &mut Sql, now: PrimitiveDateTime) {
    sql.push(" AND v.status = ")
        .bind(Param::Text(VacancyStatus::Published.as_str().into()))
        .push(" AND (v.valid_through IS NULL OR v.valid_through > ")
        .bind(Param::Time(now))
        .push(")");
}

#[derive(QueryableByName)]
struct VacancyRow {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Text)]
    title: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The open vacancies with the most applications in the scope, most first: id, title, count.
pub fn per_open_vacancy(
    conn: &mut DbConn,
    scope: &Scope,
    now: PrimitiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(i32, String, i64)>> {
    let mut sql = Sql::new(conn);
    sql.push("SELECT v.id AS id, v.title AS title, COUNT(*) AS n");
    from_scope_with_vacancies(&mut sql, scope);
    and_open(&mut sql, now);
    sql.push(&format!(
        " GROUP BY v.id, v.title ORDER BY n DESC, v.title, v.id LIMIT {}",
        limit.max(0)
    ));
    let rows: Vec<VacancyRow> = sql.load(conn)?;
    Ok(rows.into_iter().map(|r| (r.id, r.title, r.n)).collect())
}

#[derive(QueryableByName)]
struct Total {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct OpenTotals {
    #[diesel(sql_type = BigInt)]
    vacancies: i64,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Open vacancies under the scope's vacancy and category, how many of them have applications
/// in the scope, and how many applications those are.
pub fn open_totals(
    conn: &mut DbConn,
    scope: &Scope,
    now: PrimitiveDateTime,
) -> QueryResult<(i64, i64, i64)> {
    let mut open = Sql::new(conn);
    open.push("SELECT COUNT(*) AS n FROM vacancies v WHERE 1 = 1");
    if let Some(id) = scope.vacancy_id {
        open.push(" AND v.id = ").bind(Param::Int(id));
    }
    if let Some(id) = scope.category_id {
        open.push(" AND v.category_id = ").bind(Param::Int(id));
    }
    and_open(&mut open, now);
    let open: Vec<Total> = open.load(conn)?;
    let mut applied = Sql::new(conn);
    applied.push("SELECT COUNT(DISTINCT a.vacancy_id) AS vacancies, COUNT(*) AS n");
    from_scope_with_vacancies(&mut applied, scope);
    and_open(&mut applied, now);
    let applied: Vec<OpenTotals> = applied.load(conn)?;
    let open = open.first().map_or(0, |r| r.n);
    let (with_applications, applications) = applied.first().map_or((0, 0), |r| (r.vacancies, r.n));
    Ok((open, with_applications, applications))
}
