//! Queries of the operator's commands (`careers backup`, `restore`, `check`): SQLite's online
//! copy and integrity check, PostgreSQL's catalog, the applied migrations, and the keyword
//! index against the vacancies.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};
use time::PrimitiveDateTime;

use super::DbConn;

/// Names of the shown ids at most, so a report stays readable.
const SHOWN_IDS: i64 = 20;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = Integer)]
    id: i32,
}

/// A consistent copy of the whole SQLite database into a new file, taken in one read
/// transaction, so the site keeps serving (and writing, in WAL mode) meanwhile.
pub fn vacuum_into(conn: &mut DbConn, path: &str) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => diesel::sql_query("VACUUM INTO ?")
            .bind::<Text, _>(path)
            .execute(c)
            .map(|_| ()),
        DbConn::Pg(_) => Err(diesel::result::Error::QueryBuilderError(
            "VACUUM INTO is SQLite's".into(),
        )),
    }
}

/// What the database's own check finds wrong; empty when nothing. SQLite: `PRAGMA
/// integrity_check` (every page, index and constraint) and the foreign keys. PostgreSQL has no
/// such command without extensions: its catalog lists indexes left invalid (a failed build)
/// and tables of the schema that cannot be read in full.
pub fn integrity_problems(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    match conn {
        DbConn::Sqlite(c) => {
            let mut problems: Vec<String> =
                diesel::sql_query("SELECT integrity_check AS line FROM pragma_integrity_check")
                    .load::<Line>(c)?
                    .into_iter()
                    .map(|l| l.line)
                    .filter(|l| l != "ok")
                    .collect();
            let broken = diesel::sql_query(
                "SELECT \"table\" || ' row ' || rowid || ' points to a missing ' || parent AS line \
                 FROM pragma_foreign_key_check LIMIT 100",
            )
            .load::<Line>(c)?;
            problems.extend(broken.into_iter().map(|l| l.line));
            Ok(problems)
        }
        DbConn::Pg(c) => {
            let mut problems: Vec<String> = diesel::sql_query(
                "SELECT 'index ' || ci.relname || ' on ' || ct.relname || ' is invalid' AS line \
                 FROM pg_catalog.pg_index i \
                 JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid \
                 JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid \
                 JOIN pg_catalog.pg_namespace n ON n.oid = ci.relnamespace \
                 WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready) \
                 ORDER BY 1",
            )
            .load::<Line>(c)?
            .into_iter()
            .map(|l| l.line)
            .collect();
            let tables: Vec<String> = diesel::sql_query(
                "SELECT c.relname::text AS line FROM pg_catalog.pg_class c \
                 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
                 WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1",
            )
            .load::<Line>(c)?
            .into_iter()
            .map(|l| l.line)
            .collect();
            for table in tables {
                // Names come from the catalog; quoted all the same.
                let quoted = format!("\"{}\"", table.replace('"', "\"\""));
                let read = diesel::sql_query(format!("SELECT count(*) AS n FROM {quoted}"))
                    .get_result::<Count>(c);
                if let Err(e) = read {
                    problems.push(format!("table {table} cannot be read: {e}"));
                }
            }
            Ok(problems)
        }
    }
}

/// The versions in Diesel's migration table, oldest first; `None` when the table does not
/// exist (an empty or foreign database). Read without Diesel's harness, which would create it.
pub fn applied_migrations(conn: &mut DbConn) -> QueryResult<Option<Vec<String>>> {
    let exists = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT count(*) AS n FROM sqlite_master \
             WHERE type = 'table' AND name = '__diesel_schema_migrations'",
        )
        .get_result::<Count>(c)?,
        DbConn::Pg(c) => diesel::sql_query(
            "SELECT count(*) AS n FROM pg_catalog.pg_tables \
             WHERE schemaname = current_schema() AND tablename = '__diesel_schema_migrations'",
        )
        .get_result::<Count>(c)?,
    };
    if exists.n == 0 {
        return Ok(None);
    }
    let sql = "SELECT version AS line FROM __diesel_schema_migrations ORDER BY version";
    let versions = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(sql).load::<Line>(c)?,
        DbConn::Pg(c) => diesel::sql_query(sql).load::<Line>(c)?,
    };
    Ok(Some(versions.into_iter().map(|l| l.line).collect()))
}

/// The keyword index (`vacancy_search`) against the vacancies: every vacancy, draft or not, has
/// one entry (`db::search::reindex` writes it on every save), and no entry outlives its
/// vacancy. Id lists are cut at a few ids; the counts are whole.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IndexState {
    pub vacancies: i64,
    pub open: i64,
    pub entries: i64,
    /// Vacancies without an entry, and how many of them are open (search cannot find those).
    pub missing: i64,
    pub missing_open: i64,
    pub missing_ids: Vec<i32>,
    /// Entries whose vacancy is gone.
    pub orphans: i64,
    pub orphan_ids: Vec<i32>,
    /// Published vacancies whose entry holds no word at all (PostgreSQL: an empty tsvector).
    pub empty_published: i64,
    /// SQLite: what FTS5's own `integrity-check` says is wrong with the index structure.
    pub structure: Option<String>,
}

pub fn keyword_index(conn: &mut DbConn, now: PrimitiveDateTime) -> QueryResult<IndexState> {
    // The board's "open": published and not past its valid-through date (the time is the
    // query's one parameter).
    let (sqlite_open, pg_open) = (
        "v.status = 'published' AND (v.valid_through IS NULL OR v.valid_through > ?)",
        "v.status = 'published' AND (v.valid_through IS NULL OR v.valid_through > $1)",
    );
    let (sqlite_missing, pg_missing) = (
        "NOT EXISTS (SELECT 1 FROM vacancy_search s WHERE s.rowid = v.id)",
        "NOT EXISTS (SELECT 1 FROM vacancy_search s WHERE s.vacancy_id = v.id)",
    );
    let (sqlite_orphan, pg_orphan) = (
        "NOT EXISTS (SELECT 1 FROM vacancies v WHERE v.id = s.rowid)",
        "NOT EXISTS (SELECT 1 FROM vacancies v WHERE v.id = s.vacancy_id)",
    );
    let mut state = IndexState {
        vacancies: count(conn, "SELECT count(*) AS n FROM vacancies", None)?,
        entries: count(conn, "SELECT count(*) AS n FROM vacancy_search", None)?,
        ..IndexState::default()
    };
    state.open = count_per_backend(
        conn,
        &format!("SELECT count(*) AS n FROM vacancies v WHERE {sqlite_open}"),
        &format!("SELECT count(*) AS n FROM vacancies v WHERE {pg_open}"),
        Some(now),
    )?;
    state.missing = count_per_backend(
        conn,
        &format!("SELECT count(*) AS n FROM vacancies v WHERE {sqlite_missing}"),
        &format!("SELECT count(*) AS n FROM vacancies v WHERE {pg_missing}"),
        None,
    )?;
    state.missing_open = count_per_backend(
        conn,
        &format!("SELECT count(*) AS n FROM vacancies v WHERE {sqlite_missing} AND {sqlite_open}"),
        &format!("SELECT count(*) AS n FROM vacancies v WHERE {pg_missing} AND {pg_open}"),
        Some(now),
    )?;
    state.missing_ids = ids(
        conn,
        &format!("SELECT v.id AS id FROM vacancies v WHERE {sqlite_missing} ORDER BY v.id"),
        &format!("SELECT v.id AS id FROM vacancies v WHERE {pg_missing} ORDER BY v.id"),
    )?;
    state.orphans = count_per_backend(
        conn,
        &format!("SELECT count(*) AS n FROM vacancy_search s WHERE {sqlite_orphan}"),
        &format!("SELECT count(*) AS n FROM vacancy_search s WHERE {pg_orphan}"),
        None,
    )?;
    state.orphan_ids = ids(
        conn,
        &format!("SELECT s.rowid AS id FROM vacancy_search s WHERE {sqlite_orphan} ORDER BY s.rowid"),
        &format!(
            "SELECT s.vacancy_id AS id FROM vacancy_search s WHERE {pg_orphan} ORDER BY s.vacancy_id"
        ),
    )?;
    state.empty_published = count_per_backend(
        conn,
        "SELECT count(*) AS n FROM vacancies v JOIN vacancy_search s ON s.rowid = v.id \
         WHERE v.status = 'published' \
         AND trim(coalesce(s.title, '') || coalesce(s.skills, '') || coalesce(s.body, '')) = ''",
        "SELECT count(*) AS n FROM vacancies v JOIN vacancy_search s ON s.vacancy_id = v.id \
         WHERE v.status = 'published' AND (s.document IS NULL OR s.document = ''::tsvector)",
        None,
    )?;
    if let DbConn::Sqlite(c) = conn {
        // FTS5 checks its index against its stored text; it answers through an error.
        let checked = diesel::sql_query(
            "INSERT INTO vacancy_search (vacancy_search) VALUES ('integrity-check')",
        )
        .execute(c);
        if let Err(e) = checked {
            state.structure = Some(e.to_string());
        }
    }
    Ok(state)
}

fn count(conn: &mut DbConn, sql: &str, now: Option<PrimitiveDateTime>) -> QueryResult<i64> {
    count_per_backend(conn, sql, sql, now)
}

/// A count, with the time bound as the first parameter when given.
fn count_per_backend(
    conn: &mut DbConn,
    sqlite: &str,
    pg: &str,
    now: Option<PrimitiveDateTime>,
) -> QueryResult<i64> {
    let row = match conn {
        DbConn::Sqlite(c) => {
            let mut query = diesel::sql_query(sqlite).into_boxed::<diesel::sqlite::Sqlite>();
            if let Some(now) = now {
                query = query.bind::<Timestamp, _>(now);
            }
            query.get_result::<Count>(c)?
        }
        DbConn::Pg(c) => {
            let mut query = diesel::sql_query(pg).into_boxed::<diesel::pg::Pg>();
            if let Some(now) = now {
                query = query.bind::<Timestamp, _>(now);
            }
            query.get_result::<Count>(c)?
        }
    };
    Ok(row.n)
}

/// The first few ids a query lists.
fn ids(conn: &mut DbConn, sqlite: &str, pg: &str) -> QueryResult<Vec<i32>> {
    let rows = match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query(format!("{sqlite} LIMIT {SHOWN_IDS}")).load::<Id>(c)?
        }
        DbConn::Pg(c) => diesel::sql_query(format!("{pg} LIMIT {SHOWN_IDS}")).load::<Id>(c)?,
    };
    Ok(rows.into_iter().map(|r| r.id).collect())
}

impl IndexState {
    pub fn in_step(&self) -> bool {
        self.missing == 0
            && self.orphans == 0
            && self.empty_published == 0
            && self.structure.is_none()
    }
}

/// The rows of the tables a restore is judged by, for the report.
pub fn row_counts(conn: &mut DbConn) -> QueryResult<Vec<(&'static str, i64)>> {
    let mut counts = Vec::new();
    for table in ["vacancies", "applications", "articles", "users"] {
        let sql = format!("SELECT count(*) AS n FROM {table}");
        let n = match conn {
            DbConn::Sqlite(c) => diesel::sql_query(sql).get_result::<Count>(c)?,
            DbConn::Pg(c) => diesel::sql_query(sql).get_result::<Count>(c)?,
        };
        counts.push((table, n.n));
    }
    Ok(counts)
}

/// The SQLite library's version, for the report.
pub fn server_version(conn: &mut DbConn) -> QueryResult<String> {
    Ok(match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query("SELECT 'SQLite ' || sqlite_version() AS line")
                .get_result::<Line>(c)?
                .line
        }
        DbConn::Pg(c) => {
            diesel::sql_query("SELECT 'PostgreSQL ' || current_setting('server_version') || ', schema ' || current_schema() AS line")
                .get_result::<Line>(c)?
                .line
        }
    })
}

/// The schema the connection's tables live in (PostgreSQL), for `pg_dump --schema`.
pub fn current_schema(conn: &mut DbConn) -> QueryResult<Option<String>> {
    match conn {
        DbConn::Sqlite(_) => Ok(None),
        DbConn::Pg(c) => Ok(Some(
            diesel::sql_query("SELECT current_schema()::text AS line")
                .get_result::<Line>(c)?
                .line,
        )),
    }
}

/// The migrations this binary carries for a backend, oldest first: (version, name), the
/// version as Diesel stores it in its table.
pub fn embedded_migrations(postgres: bool) -> Result<Vec<(String, String)>, String> {
    use diesel::migration::MigrationSource;
    fn list<DB: diesel::backend::Backend>(
        source: &impl MigrationSource<DB>,
    ) -> Result<Vec<(String, String)>, String> {
        let mut all: Vec<(String, String)> = source
            .migrations()
            .map_err(|e| format!("embedded migrations unreadable: {e}"))?
            .iter()
            .map(|m| (m.name().version().to_string(), m.name().to_string()))
            .collect();
        all.sort();
        Ok(all)
    }
    if postgres {
        list::<diesel::pg::Pg>(&super::POSTGRES_MIGRATIONS)
    } else {
        list::<diesel::sqlite::Sqlite>(&super::SQLITE_MIGRATIONS)
    }
}
