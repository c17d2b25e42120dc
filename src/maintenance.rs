//! The operator's commands on the database — `careers backup`, `careers restore` and `careers
//! check` — and the serve lock that keeps a restore from replacing a SQLite file a server is
//! using.
//!
//! The serve lock is an advisory `flock` on `<database>.lock` beside the SQLite file: a running
//! server holds it shared for its whole life, a restore takes it exclusively (without waiting)
//! or refuses. The kernel drops it when the process ends, however it ends, so a crashed server
//! leaves no stale lock behind (a pid file would).

use std::path::{Path, PathBuf};

use crate::db::{self, maintenance as q, Backend, DbConn};

/// Held while a server uses a SQLite database (shared) or a restore replaces it (exclusive).
pub struct ServeLock {
    _file: std::fs::File,
}

fn lock_path(database: &Path) -> PathBuf {
    with_suffix(database, ".lock")
}

/// `path` with `suffix` added to its file name (`careers.db` → `careers.db.lock`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

impl ServeLock {
    /// For `serve`: refused only while a restore is replacing the database.
    pub fn serving(database: &Path) -> Result<ServeLock, String> {
        ServeLock::take(database, false).map_err(|held| match held {
            Some(path) => format!(
                "{} is being restored (a `careers restore` holds {}): start the server when it is done",
                database.display(),
                path.display()
            ),
            None => format!("cannot lock {}", lock_path(database).display()),
        })
    }

    /// For `restore`: refused while any server (or another restore) uses the database.
    fn replacing(database: &Path) -> Result<ServeLock, String> {
        ServeLock::take(database, true).map_err(|held| match held {
            Some(path) => format!(
                "a server is using {} (it holds {}): stop it first, then restore",
                database.display(),
                path.display()
            ),
            None => format!("cannot lock {}", lock_path(database).display()),
        })
    }

    /// `Err(Some(path))` when someone else holds the lock; `Err(None)` when it cannot be made.
    fn take(database: &Path, exclusive: bool) -> Result<ServeLock, Option<PathBuf>> {
        let path = lock_path(database);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|_| None)?;
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| {
                log::error!("cannot open {}: {e}", path.display());
                None
            })?;
        #[cfg(unix)]
        {
            use rustix::fs::{flock, FlockOperation};
            let operation = match exclusive {
                true => FlockOperation::NonBlockingLockExclusive,
                false => FlockOperation::NonBlockingLockShared,
            };
            flock(&file, operation).map_err(|e| match e {
                rustix::io::Errno::WOULDBLOCK => Some(path.clone()),
                other => {
                    log::error!("cannot lock {}: {other}", path.display());
                    None
                }
            })?;
        }
        #[cfg(not(unix))]
        let _ = exclusive;
        Ok(ServeLock { _file: file })
    }
}

/// The SQLite file a `DATABASE_URL` names, which must exist (a command must not create an
/// empty database where the operator expected theirs).
fn existing_sqlite(path: &Path) -> Result<(), String> {
    if path.is_file() {
        Ok(())
    } else {
        Err(format!("no SQLite database at {}", path.display()))
    }
}

fn open(database_url: &str) -> Result<(db::PooledConn, Backend), String> {
    let backend = Backend::from_url(database_url)?;
    if let Backend::Sqlite(path) = &backend {
        existing_sqlite(path)?;
    }
    let (pool, backend) = db::connect(database_url, 1)?;
    let conn = pool
        .get()
        .map_err(|e| format!("cannot open the database: {e}"))?;
    Ok((conn, backend))
}

fn counts_text(conn: &mut DbConn) -> Result<String, String> {
    let counts = q::row_counts(conn).map_err(|e| format!("cannot count rows: {e}"))?;
    Ok(counts
        .iter()
        .map(|(table, n)| format!("{n} {table}"))
        .collect::<Vec<_>>()
        .join(", "))
}

/// `careers backup --to FILE`. SQLite: `VACUUM INTO` a new file (a consistent copy, while the
/// site serves), checked and counted. PostgreSQL: `pg_dump --format=custom` when it is on
/// `PATH`. Never overwrites a file. Returns the report.
pub fn backup(database_url: &str, to: &Path) -> Result<String, String> {
    if to.exists() {
        return Err(format!(
            "{} exists already: a backup never overwrites a file",
            to.display()
        ));
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let (mut conn, backend) = open(database_url)?;
    match backend {
        Backend::Sqlite(path) => {
            // Written under another name first: a file called FILE is always a whole backup.
            let partial = with_suffix(to, ".partial");
            let _ = std::fs::remove_file(&partial);
            q::vacuum_into(&mut conn, &partial.to_string_lossy())
                .map_err(|e| format!("backup failed: {e}"))?;
            drop(conn);
            let counts = check_copy(&partial)
                .and_then(|mut copy| counts_text(&mut copy))
                .inspect_err(|_| {
                    let _ = std::fs::remove_file(&partial);
                })?;
            std::fs::rename(&partial, to)
                .map_err(|e| format!("cannot name the backup {}: {e}", to.display()))?;
            Ok(format!(
                "backed up {} to {} ({} bytes): {counts}",
                path.display(),
                to.display(),
                file_size(to)
            ))
        }
        Backend::Postgres(url) => {
            let schema = q::current_schema(&mut conn)
                .map_err(|e| format!("cannot read the schema: {e}"))?
                .filter(|s| s != "public");
            drop(conn);
            pg_dump(&url, schema.as_deref(), to)
        }
    }
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Opens a SQLite copy (a backup just written, a file about to be restored), which must pass
/// `PRAGMA integrity_check`.
fn check_copy(path: &Path) -> Result<DbConn, String> {
    let mut conn = open_file(path)?;
    let problems = q::integrity_problems(&mut conn)
        .map_err(|e| format!("{} fails its integrity check: {e}", path.display()))?;
    if !problems.is_empty() {
        return Err(format!(
            "{} fails its integrity check: {}",
            path.display(),
            problems.join("; ")
        ));
    }
    Ok(conn)
}

fn open_file(path: &Path) -> Result<DbConn, String> {
    use diesel::Connection;
    diesel::SqliteConnection::establish(&path.to_string_lossy())
        .map(DbConn::Sqlite)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

/// The command `backup` runs on PostgreSQL, or how to run it by hand when `pg_dump` is missing.
fn pg_dump(url: &str, schema: Option<&str>, to: &Path) -> Result<String, String> {
    let Some(program) = on_path("pg_dump") else {
        return Err(format!(
            "pg_dump is not on PATH. Install PostgreSQL's client tools (the server's major \
             version or newer; Debian: apt install postgresql-client) and run this command \
             again, or run it yourself:\n  pg_dump --format=custom --file={} \"$DATABASE_URL\"",
            to.display()
        ));
    };
    // The password goes to pg_dump in its environment, not on its command line (`ps` shows
    // that to every user).
    let (url, password) = without_password(url);
    let partial = with_suffix(to, ".partial");
    let _ = std::fs::remove_file(&partial);
    let mut command = std::process::Command::new(program);
    command
        .arg("--format=custom")
        .arg(format!("--file={}", partial.display()))
        .arg("--no-password");
    if let Some(schema) = schema {
        command.arg(format!("--schema={schema}"));
    }
    command.arg(format!("--dbname={url}"));
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run pg_dump: {e}"))?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&partial);
        return Err(format!(
            "pg_dump failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    std::fs::rename(&partial, to)
        .map_err(|e| format!("cannot name the backup {}: {e}", to.display()))?;
    Ok(format!(
        "backed up the PostgreSQL database{} to {} ({} bytes, pg_dump custom format; restore \
         it with pg_restore into an empty database)",
        schema.map(|s| format!(" (schema {s})")).unwrap_or_default(),
        to.display(),
        file_size(to)
    ))
}

/// The first executable called `name` in `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A `postgres://user:password@host/...` URL without its password, and the password
/// (percent-decoded).
fn without_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), None);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return (url.to_string(), None);
    };
    let Some((user, password)) = userinfo.split_once(':') else {
        return (url.to_string(), None);
    };
    let decoded = serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("p={password}"))
        .ok()
        .and_then(|v| v.into_iter().next())
        .map(|(_, v)| v)
        .unwrap_or_else(|| password.to_string());
    (format!("{scheme}://{user}@{host}{tail}"), Some(decoded))
}

/// `careers restore --from FILE` (SQLite only): refuses while a server uses the database;
/// checks a copy of FILE (integrity, and migrations this binary knows) before it replaces the
/// database, and keeps the old database beside it. Returns the report.
pub fn restore(database_url: &str, from: &Path) -> Result<String, String> {
    let path = match Backend::from_url(database_url)? {
        Backend::Sqlite(path) => path,
        Backend::Postgres(_) => {
            return Err(
                "restore replaces a SQLite file. On PostgreSQL, restore a `careers \
                        backup` (pg_dump) file with pg_restore into an empty database: \
                        pg_restore --no-owner --dbname=\"$DATABASE_URL\" FILE"
                    .into(),
            )
        }
    };
    if !from.is_file() {
        return Err(format!("no file at {}", from.display()));
    }
    if path.exists() && same_file(from, &path) {
        return Err(format!("{} is the database itself", from.display()));
    }
    let lock = ServeLock::replacing(&path)?;
    let incoming = with_suffix(&path, ".restoring");
    let _ = std::fs::remove_file(&incoming);
    std::fs::copy(from, &incoming).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    let checked = private(&incoming).and_then(|_| judge(&incoming, from));
    let notes = match checked {
        Ok(notes) => notes,
        Err(e) => {
            let _ = std::fs::remove_file(&incoming);
            return Err(e);
        }
    };
    let kept = keep_old(&path)?;
    std::fs::rename(&incoming, &path)
        .map_err(|e| format!("cannot move the restored file into place: {e}"))?;
    drop(lock);
    let mut report = format!(
        "restored {} into {}: {notes}",
        from.display(),
        path.display()
    );
    match kept {
        Some(old) => report.push_str(&format!(
            "\nthe previous database is kept as {}",
            old.display()
        )),
        None => report.push_str("\nthere was no previous database"),
    }
    Ok(report)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Owner-only, like the database (a copy takes the source file's mode).
fn private(path: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| format!("cannot secure {}: {e}", path.display()))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Whether the copy at `incoming` may replace the database: it passes the integrity check and
/// holds no migration this binary lacks. Gives its row counts and any note.
fn judge(incoming: &Path, shown_as: &Path) -> Result<String, String> {
    let shown = |e: String| e.replace(&*incoming.to_string_lossy(), &shown_as.to_string_lossy());
    let mut conn = check_copy(incoming).map_err(shown)?;
    let applied = q::applied_migrations(&mut conn)
        .map_err(|e| format!("cannot read the migrations of {}: {e}", shown_as.display()))?
        .ok_or_else(|| {
            format!(
                "{} is not a careers database (it has no migration table)",
                shown_as.display()
            )
        })?;
    let known = q::embedded_migrations(false)?;
    let unknown: Vec<&String> = applied
        .iter()
        .filter(|v| !known.iter().any(|(k, _)| k == *v))
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "{} comes from a newer release: it has migrations this binary does not know ({}); \
             restore it with that release",
            shown_as.display(),
            unknown
                .iter()
                .map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let pending: Vec<&str> = known
        .iter()
        .filter(|(v, _)| !applied.contains(v))
        .map(|(_, name)| name.as_str())
        .collect();
    let counts = counts_text(&mut conn).map_err(shown)?;
    // Checkpointed into the file itself: what is moved into place is the whole database.
    if let DbConn::Sqlite(c) = &mut conn {
        use diesel::connection::SimpleConnection;
        c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(|e| format!("cannot settle {}: {e}", shown_as.display()))?;
    }
    drop(conn);
    Ok(match pending.len() {
        0 => format!("{counts}; migrations up to date"),
        n => format!(
            "{counts}; {n} newer migration(s) ({}) will be applied when the server starts \
             (then run `careers reindex`)",
            pending.join(", ")
        ),
    })
}

/// Moves the database (and its `-wal` and `-shm`, which belong to it) aside as
/// `<database>.before-restore-<UTC time>`; `None` when there was none.
fn keep_old(path: &Path) -> Result<Option<PathBuf>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let stamp = time::OffsetDateTime::now_utc()
        .format(time::macros::format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_else(|_| "old".into());
    let kept = with_suffix(path, &format!(".before-restore-{stamp}"));
    for suffix in ["-wal", "-shm"] {
        let side = with_suffix(path, suffix);
        if side.exists() {
            std::fs::rename(&side, with_suffix(&kept, suffix))
                .map_err(|e| format!("cannot move {} aside: {e}", side.display()))?;
        }
    }
    std::fs::rename(path, &kept)
        .map_err(|e| format!("cannot move {} aside: {e}", path.display()))?;
    Ok(Some(kept))
}

/// What `careers check` found: one line per check, and whether all passed.
pub struct Report {
    pub lines: Vec<String>,
    pub ok: bool,
}

impl Report {
    fn add(&mut self, passed: bool, what: &str, text: String) {
        self.ok &= passed;
        let mark = if passed { "ok  " } else { "FAIL" };
        self.lines.push(format!("{mark}  {what}: {text}"));
    }
}

/// `careers check`: the database is reachable, every migration of this binary is applied (and
/// none it does not know), the database's own integrity check passes, and the keyword index
/// is in step with the vacancies. Safe while the site serves; changes nothing.
pub fn check(database_url: &str) -> Report {
    let mut report = Report {
        lines: Vec::new(),
        ok: true,
    };
    let (mut conn, backend) = match open(database_url) {
        Ok(opened) => opened,
        Err(e) => {
            report.add(false, "reachable", e);
            return report;
        }
    };
    let what = match &backend {
        Backend::Sqlite(path) => format!("{}", path.display()),
        Backend::Postgres(url) => without_password(url).0,
    };
    match q::server_version(&mut conn) {
        Ok(version) => report.add(true, "reachable", format!("{version} at {what}")),
        Err(e) => {
            report.add(false, "reachable", format!("{what}: {e}"));
            return report;
        }
    }
    check_migrations(&mut conn, backend.is_postgres(), &mut report);
    match q::integrity_problems(&mut conn) {
        Ok(problems) if problems.is_empty() => report.add(
            true,
            "integrity",
            match backend {
                Backend::Sqlite(_) => {
                    "PRAGMA integrity_check and foreign_key_check found nothing wrong".into()
                }
                Backend::Postgres(_) => "no invalid index, every table readable".into(),
            },
        ),
        Ok(problems) => report.add(false, "integrity", problems.join("; ")),
        Err(e) => report.add(false, "integrity", format!("the check failed: {e}")),
    }
    match q::keyword_index(&mut conn, crate::clock::now()) {
        Ok(index) => {
            let passed = index.in_step();
            report.add(passed, "keyword index", index_text(&index));
        }
        Err(e) => report.add(false, "keyword index", format!("cannot be read: {e}")),
    }
    report
}

fn check_migrations(conn: &mut DbConn, postgres: bool, report: &mut Report) {
    let known = match q::embedded_migrations(postgres) {
        Ok(known) => known,
        Err(e) => return report.add(false, "migrations", e),
    };
    let applied = match q::applied_migrations(conn) {
        Ok(Some(applied)) => applied,
        Ok(None) => {
            return report.add(
                false,
                "migrations",
                "none applied (an empty database?): run `careers migrate`".into(),
            )
        }
        Err(e) => return report.add(false, "migrations", format!("cannot be read: {e}")),
    };
    let pending: Vec<&str> = known
        .iter()
        .filter(|(v, _)| !applied.contains(v))
        .map(|(_, name)| name.as_str())
        .collect();
    let unknown: Vec<&str> = applied
        .iter()
        .filter(|v| !known.iter().any(|(k, _)| k == *v))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        report.add(
            false,
            "migrations",
            format!(
                "the database has migrations this binary does not know ({}): it belongs to a newer release",
                unknown.join(", ")
            ),
        );
    } else if !pending.is_empty() {
        report.add(
            false,
            "migrations",
            format!(
                "{} of {} pending ({}): run `careers migrate`",
                pending.len(),
                known.len(),
                pending.join(", ")
            ),
        );
    } else {
        report.add(true, "migrations", format!("all {} applied", known.len()));
    }
}

fn index_text(index: &q::IndexState) -> String {
    let ids = |ids: &[i32], total: i64| {
        let mut text = ids
            .iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        if total > ids.len() as i64 {
            text.push_str(", …");
        }
        text
    };
    let mut text = format!(
        "{} entries for {} vacancies ({} open)",
        index.entries, index.vacancies, index.open
    );
    if index.missing > 0 {
        text.push_str(&format!(
            "; {} vacancies have no entry ({} of them open, so search cannot find them): ids {}",
            index.missing,
            index.missing_open,
            ids(&index.missing_ids, index.missing)
        ));
    }
    if index.orphans > 0 {
        text.push_str(&format!(
            "; {} entries belong to no vacancy: ids {}",
            index.orphans,
            ids(&index.orphan_ids, index.orphans)
        ));
    }
    if index.empty_published > 0 {
        text.push_str(&format!(
            "; {} published vacancies have an empty entry",
            index.empty_published
        ));
    }
    if let Some(problem) = &index.structure {
        text.push_str(&format!("; the index structure is damaged: {problem}"));
    }
    if !index.in_step() {
        text.push_str(": run `careers reindex`");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url() {
        assert_eq!(
            without_password("postgres://careers:p%40ss@db:5432/careers?sslmode=disable"),
            (
                "postgres://careers@db:5432/careers?sslmode=disable".to_string(),
                Some("p@ss".to_string())
            )
        );
        assert_eq!(
            without_password("postgres://careers@db/careers"),
            ("postgres://careers@db/careers".to_string(), None)
        );
        assert_eq!(
            without_password("postgresql://u:pw@h"),
            ("postgresql://u@h".to_string(), Some("pw".to_string()))
        );
    }

    #[test]
    fn a_held_serve_lock_refuses_a_restore() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("careers.db");
        let serving = ServeLock::serving(&db).unwrap();
        let second = ServeLock::serving(&db).unwrap();
        let refused = ServeLock::replacing(&db).err().unwrap();
        assert!(refused.contains("stop it first"), "{refused}");
        drop((serving, second));
        let restoring = ServeLock::replacing(&db).unwrap();
        assert!(ServeLock::serving(&db)
            .err()
            .unwrap()
            .contains("being restored"));
        drop(restoring);
        assert!(ServeLock::serving(&db).is_ok());
    }
}
