//! SQLite and PostgreSQL agree: the same migration names, the same tables and columns after
//! migrating, and the same search results for the same demo data.

use crate::common::{self, PgTestDb, TestApp, TestBackend};
use careers::db::{self, DbConn};
use diesel::sql_types::{Integer, Text};
use diesel::{QueryableByName, RunQueryDsl};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Migration folder names of one tree, each checked to hold `up.sql` and `down.sql`.
fn migration_names(tree: &str) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(tree);
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        assert!(entry.path().is_dir(), "{tree}/{name} is not a folder");
        for file in ["up.sql", "down.sql"] {
            assert!(
                entry.path().join(file).is_file(),
                "{tree}/{name} has no {file}"
            );
        }
        names.insert(name);
    }
    names
}

#[test]
fn migration_trees_have_the_same_names() {
    let sqlite = migration_names("sqlite");
    let postgres = migration_names("postgres");
    assert!(!sqlite.is_empty());
    assert_eq!(
        sqlite.difference(&postgres).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in migrations/sqlite only"
    );
    assert_eq!(
        postgres.difference(&sqlite).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "in migrations/postgres only"
    );
}

/// A column as both backends can describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    kind: &'static str,
    nullable: bool,
}

type Schema = BTreeMap<String, BTreeMap<String, Column>>;

/// The Diesel type family of a declared column type.
fn kind(declared: &str) -> &'static str {
    let t = declared.to_ascii_lowercase();
    match t.as_str() {
        "integer" | "int" | "int4" => "integer",
        "bigint" | "int8" => "bigint",
        "text" | "character varying" | "varchar" => "text",
        "blob" | "bytea" => "binary",
        "boolean" | "bool" => "bool",
        "timestamp" | "timestamp without time zone" => "timestamp",
        "double" | "double precision" | "real" | "float8" => "double",
        _ if t.starts_with("varchar") => "text",
        _ => panic!("column type `{declared}` has no counterpart on the other backend"),
    }
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    #[diesel(column_name = type_)]
    type_: String,
    #[diesel(sql_type = Integer)]
    notnull: i32,
    #[diesel(sql_type = Integer)]
    pk: i32,
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

/// Tables and columns, leaving out Diesel's bookkeeping and the keyword index, which is an
/// FTS5 virtual table (with shadow tables) on SQLite and a tsvector table on PostgreSQL.
fn schema_of(conn: &mut DbConn) -> Schema {
    let mut schema = Schema::new();
    match conn {
        DbConn::Sqlite(c) => {
            let virtual_tables: Vec<Name> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'",
            )
            .load(c)
            .unwrap();
            let tables: Vec<Name> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '__diesel_schema_migrations'",
            )
            .load(c)
            .unwrap();
            for table in tables {
                let by_search = virtual_tables.iter().any(|v| {
                    table.name == v.name || table.name.starts_with(&format!("{}_", v.name))
                });
                if by_search {
                    continue;
                }
                let columns: Vec<SqliteColumn> = diesel::sql_query(
                    "SELECT name, type AS type_, \"notnull\", pk FROM pragma_table_info(?)",
                )
                .bind::<Text, _>(&table.name)
                .load(c)
                .unwrap();
                let columns = columns
                    .into_iter()
                    .map(|col| {
                        // INTEGER PRIMARY KEY is the rowid: never NULL, NOT NULL or not.
                        let rowid = col.pk > 0 && col.type_.eq_ignore_ascii_case("integer");
                        let nullable = col.notnull == 0 && !rowid;
                        (
                            col.name,
                            Column {
                                kind: kind(&col.type_),
                                nullable,
                            },
                        )
                    })
                    .collect();
                schema.insert(table.name, columns);
            }
        }
        DbConn::Pg(c) => {
            let tables: Vec<Name> = diesel::sql_query(
                "SELECT table_name::text AS name FROM information_schema.tables t \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
                 AND table_name <> '__diesel_schema_migrations' \
                 AND NOT EXISTS (SELECT 1 FROM information_schema.columns c \
                     WHERE c.table_schema = current_schema() AND c.table_name = t.table_name \
                     AND c.data_type = 'tsvector')",
            )
            .load(c)
            .unwrap();
            for table in tables {
                let columns: Vec<PgColumn> = diesel::sql_query(
                    "SELECT column_name::text AS name, data_type::text AS data_type, \
                     is_nullable::text AS is_nullable FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1",
                )
                .bind::<Text, _>(&table.name)
                .load(c)
                .unwrap();
                let columns = columns
                    .into_iter()
                    .map(|col| {
                        (
                            col.name,
                            Column {
                                kind: kind(&col.data_type),
                                nullable: col.is_nullable == "YES",
                            },
                        )
                    })
                    .collect();
                schema.insert(table.name, columns);
            }
        }
    }
    schema
}

#[test]
fn both_backends_have_the_same_schema_after_migrating() {
    let Some(pg) = PgTestDb::create() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite://{}", dir.path().join("schema.db").display());
    let mut schemas = Vec::new();
    for url in [sqlite_url.as_str(), pg.url.as_str()] {
        let (pool, _) = db::connect(url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        db::migrate(&mut conn).unwrap();
        schemas.push(schema_of(&mut conn));
    }
    let (sqlite, postgres) = (&schemas[0], &schemas[1]);
    assert!(sqlite.contains_key("vacancies") && sqlite.contains_key("users"));
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (table, columns) in sqlite {
        assert_eq!(
            columns, &postgres[table],
            "columns of `{table}` (left SQLite, right PostgreSQL)"
        );
    }
}

/// The slugs of every result of a search on the English list, in order, following the pages.
async fn results(app: &TestApp, q: &str) -> Vec<String> {
    results_in(app, "en", q).await
}

/// The slugs of every result of a search on `lang`'s list, in order, following the pages.
async fn results_in(app: &TestApp, lang: &str, q: &str) -> Vec<String> {
    let mut slugs = Vec::new();
    let q: String = url_encode(q);
    for n in 1.. {
        let (status, html) = app
            .get_html(&format!("/{lang}/vacancies?q={q}&page={n}"))
            .await;
        assert_eq!(status, 200, "q={q} on {:?}", app.backend);
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse(".results .card-title a").unwrap();
        slugs.extend(
            doc.select(&sel)
                .filter_map(|a| a.value().attr("href"))
                .map(|h| h.rsplit('/').next().unwrap_or(h).to_string()),
        );
        if !html.contains("rel=\"next\"") {
            break;
        }
    }
    slugs
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn search_gives_the_same_results_on_both_backends() {
    let Some(postgres) = common::spawn_app_on(TestBackend::Postgres, true).await else {
        return;
    };
    let sqlite = common::spawn_app_on(TestBackend::Sqlite, true)
        .await
        .unwrap();
    let junk = "x".repeat(700) + &"ö€😀 ".repeat(150);
    let queries = [
        "dev",
        "developer",
        "Developer",
        "rust",
        "data engineer",
        "python senior",
        "python",
        "remote",
        "kubernetes",
        "go",
        "engineer",
        "lead",
        "sql",
        "test",
        "qa",
        "node.js",
        "ci/cd",
        "vue",
        "front",
        "security",
        "ingénieur",
        "DÉVELOPER",
        "\"data engineer\"",
        "data OR engineer",
        "-python",
        "python*",
        "NEAR(data engineer)",
        "title:rust",
        "a",
        "😀",
        "😀 rust",
        "\u{93e}",
        "'; DROP TABLE vacancies; --",
        "%_",
        junk.as_str(),
    ];
    let mut non_empty = 0;
    for q in queries {
        let on_sqlite = results(&sqlite, q).await;
        let on_postgres = results(&postgres, q).await;
        let short: String = q.chars().take(40).collect();
        assert_eq!(
            on_sqlite.iter().collect::<BTreeSet<_>>(),
            on_postgres.iter().collect::<BTreeSet<_>>(),
            "the same results for {short:?} (left SQLite, right PostgreSQL)"
        );
        // Relevance is computed in Rust from the same rows, so the whole order agrees.
        assert_eq!(
            on_sqlite, on_postgres,
            "the same order for {short:?} (left SQLite, right PostgreSQL)"
        );
        if !on_sqlite.is_empty() {
            non_empty += 1;
        }
    }
    // The comparison means something only when most queries find vacancies.
    assert!(non_empty >= 20, "only {non_empty} queries found anything");
    // Spanish words on the Spanish list (the demo's Spanish vacancies): accents folded alike,
    // with or without them.
    let spanish = [
        "ingeniería",
        "ingenieria",
        "INGENIERÍA",
        "desarrollador",
        "desarrollador/a backend",
        "prácticas",
        "practicas",
        "análisis de datos",
        "automatización",
        "\"base de código\"",
        "ingeniero OR ingeniera",
        "-python desarrollador",
        "españa",
        "señor",
    ];
    let mut found_in_spanish = 0;
    for q in spanish {
        let on_sqlite = results_in(&sqlite, "es", q).await;
        let on_postgres = results_in(&postgres, "es", q).await;
        assert_eq!(
            on_sqlite, on_postgres,
            "the same Spanish results for {q:?} (left SQLite, right PostgreSQL)"
        );
        if !on_sqlite.is_empty() {
            found_in_spanish += 1;
        }
    }
    assert!(
        found_in_spanish >= 8,
        "only {found_in_spanish} Spanish queries found anything"
    );
    assert_eq!(
        results_in(&sqlite, "es", "ingeniería").await,
        results_in(&sqlite, "es", "ingenieria").await,
        "an accent changes nothing"
    );
    // Title matches first: every "developer" in a title outranks one in the text.
    let developer = results(&postgres, "developer").await;
    let in_title = developer
        .iter()
        .take_while(|slug| slug.contains("developer"))
        .count();
    assert!(
        in_title >= 8
            && developer[in_title..]
                .iter()
                .all(|s| !s.contains("developer"))
    );
}
