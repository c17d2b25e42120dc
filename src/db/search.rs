//! The keyword index: SQLite FTS5 or PostgreSQL tsvector, the same ranking rules on both.
//! Queries reach the index only as sanitised keywords (see `domain::board::keywords`), so
//! nothing a person types is read as index syntax.

use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Text};

use super::schema::vacancies;
use super::{taxonomy, DbConn};
use crate::models::Vacancy;

#[derive(QueryableByName)]
struct ScoredRow {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Double)]
    score: f64,
}

/// One keyword match: title matches outrank the rest; `score` (higher is better) orders
/// within each group, and equal scores are left for the caller to break (newest first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub id: i32,
    pub in_title: bool,
    pub score: f64,
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
    let skills = skills.join(" ");
    let body = [
        vacancy.summary.as_str(),
        &vacancy.responsibilities,
        &vacancy.requirements,
        &vacancy.nice_to_have,
        &vacancy.benefits,
    ]
    .join("\n");
    match conn {
        DbConn::Sqlite(c) => {
            diesel::sql_query("DELETE FROM vacancy_search WHERE rowid = ?")
                .bind::<Integer, _>(id)
                .execute(c)?;
            diesel::sql_query(
                "INSERT INTO vacancy_search (rowid, title, skills, body) VALUES (?, ?, ?, ?)",
            )
            .bind::<Integer, _>(id)
            .bind::<Text, _>(&vacancy.title)
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
            .bind::<Text, _>(pg_document(&vacancy.title))
            .bind::<Text, _>(pg_document(&skills))
            .bind::<Text, _>(pg_document(&body))
            .execute(c)?;
        }
    }
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
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.nfc() {
        if c.is_alphanumeric() && !is_combining_mark(c) {
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

/// Ids of vacancies matching every keyword (each as a prefix): those whose title holds all
/// keywords first, then the rest, each group by relevance.
pub fn matching_ids(conn: &mut DbConn, keywords: &[String]) -> QueryResult<Vec<Hit>> {
    if keywords.is_empty() {
        return Ok(Vec::new());
    }
    let (in_title, anywhere): (Vec<ScoredRow>, Vec<ScoredRow>) = match conn {
        DbConn::Sqlite(c) => {
            let terms: Vec<String> = keywords.iter().map(|k| format!("\"{k}\"*")).collect();
            let all = terms.join(" ");
            let sql = "SELECT rowid AS id, -bm25(vacancy_search, 10.0, 4.0, 1.0) AS score \
                       FROM vacancy_search WHERE vacancy_search MATCH ? ORDER BY score DESC";
            let in_title = diesel::sql_query(sql)
                .bind::<Text, _>(format!("title : ({all})"))
                .load(c)?;
            let anywhere = diesel::sql_query(sql).bind::<Text, _>(&all).load(c)?;
            (in_title, anywhere)
        }
        DbConn::Pg(c) => {
            // Keywords without a word in them are left out, as FTS5 leaves out empty phrases.
            let terms = |weight: &str| {
                keywords
                    .iter()
                    .filter_map(|k| pg_term(k, weight))
                    .collect::<Vec<_>>()
                    .join(" & ")
            };
            let (all, title_only) = (terms(""), terms("A"));
            if all.is_empty() {
                return Ok(Vec::new());
            }
            let sql = "SELECT vacancy_id AS id, \
                       ts_rank(document, to_tsquery('simple', $1), 1)::float8 AS score \
                       FROM vacancy_search WHERE document @@ to_tsquery('simple', $1) \
                       ORDER BY score DESC";
            let in_title = diesel::sql_query(sql).bind::<Text, _>(title_only).load(c)?;
            let anywhere = diesel::sql_query(sql).bind::<Text, _>(all).load(c)?;
            (in_title, anywhere)
        }
    };
    let mut hits: Vec<Hit> = in_title
        .into_iter()
        .map(|r| Hit {
            id: r.id,
            in_title: true,
            score: r.score,
        })
        .collect();
    for row in anywhere {
        if !hits.iter().any(|h| h.id == row.id) {
            hits.push(Hit {
                id: row.id,
                in_title: false,
                score: row.score,
            });
        }
    }
    Ok(hits)
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
    }

    #[test]
    fn terms_are_prefix_phrases() {
        assert_eq!(pg_term("Rust", "").as_deref(), Some("(rust:*)"));
        assert_eq!(pg_term("हिंदी", "A").as_deref(), Some("(ह:A <-> द:*A)"));
        assert_eq!(pg_term("\u{93e}", ""), None);
    }
}
