//! Connections, the pool and migrations for both backends; the query modules live beside it.

pub mod alerts;
pub mod applications;
pub mod audit;
pub mod board;
pub mod bulk;
pub mod comments;
pub mod editorial;
pub mod jobs;
pub mod learning;
pub mod listing;
pub mod maintenance;
pub mod outbox;
pub mod places;
pub mod reports;
pub use crate::schema;
pub mod search;
pub mod site_state;
pub mod taxonomy;
pub mod users;
pub mod vacancies;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::path::PathBuf;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// One connection type for every query function; the variant is the backend.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

impl DbConn {
    /// Runs `f` in a transaction, like `Connection::transaction` (which this inherent method
    /// shadows for every `conn.transaction(...)` on a `&mut DbConn`). On SQLite the outermost
    /// transaction begins `IMMEDIATE`, taking the write lock first (waiting up to
    /// `busy_timeout` for it). A plain `BEGIN` reads under a snapshot, and when another
    /// connection commits before this one's first write, SQLite refuses that write with
    /// "database is locked" at once, without waiting: concurrent saves and applications got a
    /// 500. Nested transactions are savepoints, as before; PostgreSQL is unchanged.
    pub fn transaction<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        use diesel::connection::{AnsiTransactionManager, TransactionManager};
        let DbConn::Sqlite(sqlite) = self else {
            return <DbConn as Connection>::transaction(self, f);
        };
        let outermost = AnsiTransactionManager::transaction_manager_status_mut(sqlite)
            .transaction_depth()?
            .is_none();
        if !outermost {
            return <DbConn as Connection>::transaction(self, f);
        }
        AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
        // The rest as `TransactionManager::transaction` does it.
        match f(self) {
            Ok(value) => {
                <DbConn as TransactionManager<DbConn>>::commit_transaction(self)?;
                Ok(value)
            }
            Err(error) => {
                match <DbConn as TransactionManager<DbConn>>::rollback_transaction(self) {
                    Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(error),
                    Err(rollback) => Err(rollback.into()),
                }
            }
        }
    }
}

pub type DbPool = Pool<ConnectionManager>;
pub type PooledConn = PooledConnection<ConnectionManager>;

/// Which backend a `DATABASE_URL` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Backend {
    /// `sqlite://path`, `sqlite:path` and a bare path mean SQLite; `postgres://` and
    /// `postgresql://` mean PostgreSQL; any other scheme is refused.
    pub fn from_url(url: &str) -> Result<Backend, String> {
        let url = url.trim();
        if url.is_empty() {
            return Err("DATABASE_URL is empty".into());
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Backend::Postgres(url.to_string()));
        }
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if rest.is_empty() {
                return Err("DATABASE_URL names no SQLite file".into());
            }
            return Ok(Backend::Sqlite(PathBuf::from(rest)));
        }
        if let Some((scheme, _)) = url.split_once("://") {
            return Err(format!(
                "DATABASE_URL scheme `{scheme}` is not supported: use sqlite://path or postgres://..."
            ));
        }
        Ok(Backend::Sqlite(PathBuf::from(url)))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Backend::Postgres(_))
    }
}

/// Opens connections of the backend chosen from the URL; `DbConn::establish` would try each
/// backend in turn, and SQLite accepts any string.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    backend: Backend,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.backend {
            Backend::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConn::Pg)
                .map_err(r2d2::Error::ConnectionError),
            Backend::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(r2d2::Error::ConnectionError)?;
                // busy_timeout first: switching to WAL may itself wait for a lock.
                // secure_delete: an erased application's CV is overwritten, not left in free pages.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA secure_delete = ON;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        use diesel::r2d2::R2D2Connection;
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        use diesel::r2d2::R2D2Connection;
        conn.is_broken()
    }
}

/// Builds the pool, creating the SQLite file's folder when needed.
pub fn connect(database_url: &str, size: u32) -> Result<(DbPool, Backend), String> {
    let backend = Backend::from_url(database_url)?;
    if let Backend::Sqlite(path) = &backend {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create folder {}: {e}", dir.display()))?;
        }
        make_private(path, true)?;
    }
    let manager = ConnectionManager {
        backend: backend.clone(),
    };
    // One connection first: a wrong URL or password fails at once with the driver's own
    // message instead of the pool's timeout.
    manager
        .connect()
        .map_err(|e| format!("cannot open the database: {e}"))?;
    if let Backend::Sqlite(path) = &backend {
        // SQLite gives -wal and -shm the database's mode; files from before are tightened.
        for suffix in ["-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            make_private(std::path::Path::new(&side), false)?;
        }
    }
    let pool = Pool::builder()
        .max_size(size.max(1))
        .connection_timeout(std::time::Duration::from_secs(10))
        .build(manager)
        .map_err(|e| format!("cannot open the database: {e}"))?;
    Ok((pool, backend))
}

/// The SQLite database holds CVs and password hashes: owner-only (0600) whatever the umask.
/// With `create` a missing file is created that way before SQLite opens it (SQLite gives its
/// -wal and -shm files the database's mode); an existing file readable by others is tightened.
fn make_private(path: &std::path::Path, create: bool) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let cannot = |e: std::io::Error| format!("cannot secure {}: {e}", path.display());
        if create && !path.exists() {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
            {
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(cannot(e)),
            }
        }
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                    .map_err(cannot)?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, create);
    Ok(())
}

/// SQL written with SQLite's `?` placeholders, numbered `$1`, `$2`, ... for PostgreSQL, so one
/// statement text serves both backends. (Only for our own SQL: a `?` in a literal would count.)
pub fn pg_placeholders(sql: &str) -> String {
    let mut parts = sql.split('?');
    let mut numbered = parts.next().unwrap_or_default().to_string();
    for (n, part) in parts.enumerate() {
        numbered.push_str(&format!("${}{part}", n + 1));
    }
    numbered
}

/// Refreshes the query planner's statistics after bulk changes (or at start-up on SQLite,
/// where `PRAGMA optimize` only analyses what needs it): without them SQLite picked a sort of
/// every vacancy over an index scan for the sitemap at 100,000 vacancies.
pub fn refresh_statistics(conn: &mut DbConn, full: bool) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) if full => c.batch_execute("ANALYZE"),
        DbConn::Sqlite(c) => c.batch_execute("PRAGMA optimize"),
        // VACUUM too: after a bulk write (`generate`, a board rebuild) the GIN indexes keep
        // their new entries in a pending list that every keyword query scans, and only VACUUM
        // or autovacuum (not a plain ANALYZE) merges it; it also marks the pages all-visible.
        DbConn::Pg(c) if full => c.batch_execute(
            "VACUUM (ANALYZE) vacancies, vacancy_search, vacancy_skills, board, board_counts, \
             board_search, board_countries, board_country_counts",
        ),
        DbConn::Pg(_) => Ok(()),
    }
}

/// Applies pending migrations. On PostgreSQL an advisory lock keeps concurrent starts from
/// migrating twice.
pub fn migrate(conn: &mut DbConn) -> Result<(), String> {
    let result = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        DbConn::Pg(c) => {
            const LOCK: i64 = 0x6361_7265_6572; // "career"
            diesel::sql_query(format!("SELECT pg_advisory_lock({LOCK})"))
                .execute(c)
                .map_err(|e| format!("cannot take the migration lock: {e}"))?;
            let result = c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ());
            let _ = diesel::sql_query(format!("SELECT pg_advisory_unlock({LOCK})")).execute(c);
            result
        }
    };
    result.map_err(|e| format!("migrations failed: {e}"))
}

/// After erasing personal data (applications, CVs): on SQLite the deleted rows' old pages still
/// sit in the `-wal` file until a checkpoint copies the new pages over the database (where
/// `secure_delete` zeroes the freed space); `wal_checkpoint(TRUNCATE)` does that now and empties
/// the WAL. Called after the transaction committed. A checkpoint blocked by a reader only
/// delays this until the next automatic one, so a failure is logged, not returned. On
/// PostgreSQL dead rows stay in the table files until VACUUM (see the README).
pub fn flush_erased(conn: &mut DbConn) {
    if let DbConn::Sqlite(c) = conn {
        if let Err(e) = c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);") {
            log::warn!("WAL checkpoint after an erasure failed: {e}");
        }
    }
}

/// A pooled connection, the wait for it measured (`careers_db_pool_wait_seconds`).
pub fn checkout(pool: &DbPool) -> Result<PooledConn, r2d2::PoolError> {
    let started = std::time::Instant::now();
    let conn = pool.get();
    crate::metrics::pool_wait(started.elapsed(), conn.is_ok());
    conn
}

/// Why `blocking` could not even start the work: no connection came free in time, or the blocking
/// pool failed. The web layer turns the first into 503 and the second into 500.
#[derive(Debug)]
pub enum RunError {
    Unavailable,
    Blocking(String),
}

/// Runs blocking Diesel work on the blocking pool, never on the async workers. The work takes
/// the pooled connection inside the closure and returns its own error type.
pub async fn blocking<F, T, E>(pool: &DbPool, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    T: Send + 'static,
    E: From<RunError> + Send + 'static,
{
    let pool = pool.clone();
    // The blocking thread logs as part of the request that sent the work.
    let request = crate::logging::request_id();
    actix_web::web::block(move || {
        crate::logging::sync_scope(request, || {
            let mut conn = checkout(&pool).map_err(|_| E::from(RunError::Unavailable))?;
            work(&mut conn)
        })
    })
    .await
    .map_err(|e| E::from(RunError::Blocking(e.to_string())))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        assert_eq!(
            Backend::from_url("sqlite://data/x.db"),
            Ok(Backend::Sqlite("data/x.db".into()))
        );
        assert_eq!(
            Backend::from_url("sqlite:x.db"),
            Ok(Backend::Sqlite("x.db".into()))
        );
        assert_eq!(
            Backend::from_url("sqlite:///tmp/x.db"),
            Ok(Backend::Sqlite("/tmp/x.db".into()))
        );
        assert_eq!(
            Backend::from_url("x.db"),
            Ok(Backend::Sqlite("x.db".into()))
        );
        assert!(Backend::from_url("postgres://u@h/db")
            .unwrap()
            .is_postgres());
        assert!(Backend::from_url("postgresql://u@h/db")
            .unwrap()
            .is_postgres());
        assert!(Backend::from_url("mysql://u@h/db")
            .unwrap_err()
            .contains("mysql"));
        assert!(Backend::from_url("").is_err());
    }
}
