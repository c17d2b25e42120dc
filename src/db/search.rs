//! The keyword index: SQLite FTS5 or PostgreSQL tsvector, kept in step with each vacancy, and
//! the index queries of a search (`index_query`), which find the same vacancies on both
//! backends. Queries reach the index only as sanitised keywords (see
//! `domain::board::keywords`), so nothing a person types is read as index syntax.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};

use super::schema::vacancies;
use super::{taxonomy, DbConn};
use crate::models::Vacancy;

/// The indexed fields of a vacancy: title, skills, and the rest of its text.
fn fields(vacancy: &Vacancy, skills: &[String]) -> [String; 3] {
    let body = [
        vacancy.summary.as_str(),
        &vacancy.responsibilities,
        &vacancy.requirements,
        &vacancy.nice_to_have,
        &vacancy.benefits,
    ]
    .join("\n");
    [vacancy.title.clone(), skills.join(" "), body]
}

/// Rewrites the index entry of one vacancy from its current row and skills.
pub fn reindex(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    let vacancy: Vacancy = vacancies::table
        .find(id)
        .select(Vacancy::as_select())
        .first(conn)?;
    let skills: Vec<String> = taxonomy::skills_of(conn, id)?
        .into_iter()
        .map(|s| s.name)
        .collect();
    let [title, skills, body] = fields(&vacancy, &skills);
    match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query("DELETE FROM vacancy_search WHERE rowid = ?")
                .bind::<Integer, _>(id)
                .execute(c)?;
            diesel::sql_query(
                "INSERT INTO vacancy_search (rowid, title, skills, body) VALUES (?, ?, ?, ?)",
            )
            .bind::<Integer, _>(id)
            .bind::<Text, _>(&title)
            .bind::<Text, _>(&skills)
            .bind::<Text, _>(&body)
            .execute(c)?;
        }
        DbConn::Pg(c) => {
            diesel::sql_query(
                "INSERT INTO vacancy_search (vacancy_id, document) VALUES ($1, \
                 setweight(to_tsvector('simple', $2), 'A') || \
                 setweight(to_tsvector('simple', $3), 'B') || \
                 setweight(to_tsvector('simple', $4), 'C')) \
                 ON CONFLICT (vacancy_id) DO UPDATE SET document = EXCLUDED.document",
            )
            .bind::<Integer, _>(id)
            .bind::<Text, _>(pg_document(&title))
            .bind::<Text, _>(pg_document(&skills))
            .bind::<Text, _>(pg_document(&body))
            .execute(c)?;
        }
    }
    Ok(())
}

/// Indexes one board row (`db::listing`): the row's key is the index's key, so a search walks
/// the index newest first and counts facets from the keys alone.
pub fn index_board_row(
    conn: &mut DbConn,
    sort_key: i64,
    vacancy: &Vacancy,
    skills: &[String],
) -> QueryResult<()> {
    let [title, skills, body] = fields(vacancy, skills);
    match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query(
                "INSERT INTO board_search (rowid, title, skills, body) VALUES (?, ?, ?, ?)",
            )
            .bind::<BigInt, _>(sort_key)
            .bind::<Text, _>(&title)
            .bind::<Text, _>(&skills)
            .bind::<Text, _>(&body)
            .execute(c)?;
        }
        DbConn::Pg(c) => {
            let (title, skills, body) = (
                pg_document(&title),
                pg_document(&skills),
                pg_document(&body),
            );
            let head = format!("{title} {skills}");
            let document = format!("{head} {body}");
            diesel::sql_query(
                "INSERT INTO board_search (sort_key, title_doc, head_doc, document) VALUES \
                 ($1, to_tsvector('simple', $2), to_tsvector('simple', $3), \
                 to_tsvector('simple', $4))",
            )
            .bind::<BigInt, _>(sort_key)
            .bind::<Text, _>(&title)
            .bind::<Text, _>(&head)
            .bind::<Text, _>(&document)
            .execute(c)?;
        }
    }
    Ok(())
}

/// Removes one board row from the index.
pub fn unindex_board_row(conn: &mut DbConn, sort_key: i64) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => diesel::sql_query("DELETE FROM board_search WHERE rowid = ?")
            .bind::<BigInt, _>(sort_key)
            .execute(c)?,
        DbConn::Pg(c) => diesel::sql_query("DELETE FROM board_search WHERE sort_key = $1")
            .bind::<BigInt, _>(sort_key)
            .execute(c)?,
    };
    Ok(())
}

/// Empties the board's index (before `db::listing::rebuild`).
pub fn clear_board_index(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query("INSERT INTO board_search (board_search) VALUES ('delete-all')")
                .execute(c)?
        }
        DbConn::Pg(c) => diesel::sql_query("DELETE FROM board_search").execute(c)?,
    };
    Ok(())
}

pub fn remove(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => diesel::sql_query("DELETE FROM vacancy_search WHERE rowid = ?")
            .bind::<Integer, _>(id)
            .execute(c)?,
        DbConn::Pg(c) => diesel::sql_query("DELETE FROM vacancy_search WHERE vacancy_id = $1")
            .bind::<Integer, _>(id)
            .execute(c)?,
    };
    Ok(())
}

/// The words of `text` as FTS5's `unicode61 remove_diacritics 2` tokenizer sees them: letters
/// and digits lower-cased and without accents; everything else separates words, as do marks
/// that compose with no letter (FTS5 drops non-spacing ones within a word: a rare difference
/// in some scripts). PostgreSQL's own parser would keep `node.js` or `ci/cd` whole and `é`
/// distinct from `e`, so the backends would find different things.
fn fts_words(text: &str) -> Vec<String> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    // ASCII is its own NFC and NFD: skip normalisation for it (most text, and it is hot).
    if text.is_ascii() {
        return text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
    }
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.nfc() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() && !is_combining_mark(c) {
            let base = std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d));
            word.extend(base.flat_map(char::to_lowercase));
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// A document for `to_tsvector('simple', ...)`.
fn pg_document(text: &str) -> String {
    fts_words(text).join(" ")
}

/// One keyword as a tsquery term: like FTS5's `"keyword"*`, a phrase of its words with the
/// last one as a prefix; `weight` limits it to a field. `None` when nothing of it is a word.
fn pg_term(keyword: &str, weight: &str) -> Option<String> {
    let words = fts_words(keyword);
    let last = words.len().checked_sub(1)?;
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let star = if i == last { "*" } else { "" };
            format!("{w}:{star}{weight}")
        })
        .collect();
    Some(format!("({})", parts.join(" <-> ")))
}

/// Most index terms a one-word keyword is spelled out into before it stays a prefix query.
const MAX_PREFIX_TERMS: usize = 24;

#[derive(QueryableByName)]
struct Term {
    #[diesel(sql_type = Text)]
    term: String,
}

/// The FTS5 phrases of `keywords` for the board's index (SQLite): a one-word keyword becomes
/// the OR of the index's terms that start with it (from the `board_search_terms` vocabulary),
/// because FTS5 streams an OR of terms while a prefix query first merges the lists of every
/// matching term (at 100,000 vacancies, counting `engineer*` took 26 ms, the same terms spelled
/// out 3–8 ms). Keywords of several words, or prefixes of more terms than that, stay prefix
/// phrases. Keywords without a word are left out.
pub fn board_phrases(conn: &mut DbConn, keywords: &[String]) -> QueryResult<Vec<String>> {
    let mut phrases = Vec::new();
    for keyword in keywords {
        let words = fts_words(keyword);
        let [word] = words.as_slice() else {
            if !words.is_empty() {
                phrases.push(format!("\"{keyword}\"*"));
            }
            continue;
        };
        let terms = match conn {
            DbConn::Sqlite(c) => prefix_terms(c, word)?,
            DbConn::Pg(_) => Vec::new(),
        };
        phrases.push(if terms.is_empty() {
            format!("\"{word}\"")
        } else if terms.len() > MAX_PREFIX_TERMS {
            format!("\"{word}\"*")
        } else {
            let terms: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
            format!("({})", terms.join(" OR "))
        });
    }
    Ok(phrases)
}

#[derive(QueryableByName)]
struct Remembered {
    #[diesel(sql_type = Text)]
    terms: String,
}

/// The index terms starting with `word` (at most `MAX_PREFIX_TERMS` + 1), remembered per
/// connection in a temporary table. The vocabulary counts every term's documents as it lists
/// them (7 ms for `engineer` at 100,000), so an answer is kept for as long as the index's
/// structure record is unchanged: FTS5 rewrites it, with a write counter, on every insert and
/// delete. The record is read before the vocabulary, so a write in between leaves an entry
/// that never matches again rather than a stale one.
fn prefix_terms(conn: &mut diesel::SqliteConnection, word: &str) -> QueryResult<Vec<String>> {
    use diesel::connection::SimpleConnection;
    conn.batch_execute(
        "CREATE TEMP TABLE IF NOT EXISTS prefix_terms \
         (word TEXT PRIMARY KEY NOT NULL, terms TEXT NOT NULL, structure BLOB)",
    )?;
    let structure: Option<Vec<u8>> = diesel::sql_query(
        "SELECT (SELECT block FROM board_search_data WHERE id = 10) AS structure",
    )
    .get_result::<Structure>(conn)?
    .structure;
    let remembered: Option<Remembered> =
        diesel::sql_query("SELECT terms FROM temp.prefix_terms WHERE word = ? AND structure IS ?")
            .bind::<Text, _>(word)
            .bind::<diesel::sql_types::Nullable<diesel::sql_types::Binary>, _>(&structure)
            .get_result(conn)
            .optional()?;
    if let Some(r) = remembered {
        return Ok(r
            .terms
            .split('\n')
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect());
    }
    let terms: Vec<String> = diesel::sql_query(
        "SELECT term FROM board_search_terms WHERE term >= ? AND term < ? LIMIT ?",
    )
    .bind::<Text, _>(word)
    .bind::<Text, _>(format!("{word}\u{10FFFF}"))
    .bind::<BigInt, _>(MAX_PREFIX_TERMS as i64 + 1)
    .load::<Term>(conn)?
    .into_iter()
    .map(|t| t.term)
    .collect();
    diesel::sql_query(
        "INSERT OR REPLACE INTO temp.prefix_terms (word, terms, structure) VALUES (?, ?, ?)",
    )
    .bind::<Text, _>(word)
    .bind::<Text, _>(terms.join("\n"))
    .bind::<diesel::sql_types::Nullable<diesel::sql_types::Binary>, _>(&structure)
    .execute(conn)?;
    Ok(terms)
}

#[derive(QueryableByName)]
struct Structure {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Binary>)]
    structure: Option<Vec<u8>>,
}

/// An FTS5 expression: every phrase, in `fields`.
pub fn fts5_query(phrases: &[String], fields: Fields) -> Option<String> {
    if phrases.is_empty() {
        return None;
    }
    let all = phrases.join(" AND ");
    Some(match fields {
        Fields::Any => all,
        Fields::Title => format!("{{title}} : ({all})"),
        Fields::TitleOrSkills => format!("{{title skills}} : ({all})"),
    })
}

/// Which fields of a vacancy every keyword must be found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fields {
    Any,
    Title,
    TitleOrSkills,
}

/// The index's query text for vacancies holding every keyword (each as a prefix) in `fields`:
/// an FTS5 MATCH expression, or a `to_tsquery('simple', ...)` argument on PostgreSQL.
/// `None` when no keyword has a word in it (such a search finds nothing).
pub fn index_query(is_pg: bool, keywords: &[String], fields: Fields) -> Option<String> {
    // Keywords without a word in them are left out, as FTS5 leaves out empty phrases.
    let keywords: Vec<&String> = keywords
        .iter()
        .filter(|k| !fts_words(k).is_empty())
        .collect();
    if keywords.is_empty() {
        return None;
    }
    if is_pg {
        let weight = match fields {
            Fields::Any => "",
            Fields::Title => "A",
            Fields::TitleOrSkills => "AB",
        };
        let terms: Vec<String> = keywords.iter().filter_map(|k| pg_term(k, weight)).collect();
        return Some(terms.join(" & "));
    }
    let phrases: Vec<String> = keywords.iter().map(|k| format!("\"{k}\"*")).collect();
    fts5_query(&phrases, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_and_fold_like_fts5() {
        assert_eq!(
            pg_document("Ingénieur QUALITÉ, Node.js CI/CD e-commerce"),
            "ingenieur qualite node js ci cd e commerce"
        );
        assert_eq!(pg_document("  ...  \u{93e} "), "");
        // A decomposed accent composes first, then goes.
        assert_eq!(fts_words("e\u{301}x"), vec!["ex"]);
        // The ASCII shortcut splits exactly as the general path (forced by one separator "·").
        for text in [
            "Node.js CI/CD e-commerce, 2024!",
            "  Senior_Go  dev\t(B2B)\n",
            "",
        ] {
            assert_eq!(
                fts_words(text),
                fts_words(&format!("{text}\u{b7}")),
                "{text:?}"
            );
        }
    }

    #[test]
    fn terms_are_prefix_phrases() {
        assert_eq!(pg_term("Rust", "").as_deref(), Some("(rust:*)"));
        assert_eq!(pg_term("हिंदी", "A").as_deref(), Some("(ह:A <-> द:*A)"));
        assert_eq!(pg_term("\u{93e}", ""), None);
    }

    #[test]
    fn index_queries_name_their_fields() {
        let k = vec!["rust".to_string(), "dev".to_string()];
        assert_eq!(
            index_query(false, &k, Fields::Title).as_deref(),
            Some("{title} : (\"rust\"* AND \"dev\"*)")
        );
        assert_eq!(
            index_query(true, &k, Fields::TitleOrSkills).as_deref(),
            Some("(rust:*AB) & (dev:*AB)")
        );
        assert_eq!(
            index_query(true, &["\u{93e}".to_string()], Fields::Any),
            None
        );
    }
}
