//! The keyword index: SQLite FTS5 or PostgreSQL tsvector. The index only finds which
//! vacancies match; relevance is computed here, from the same rows on both backends, so
//! SQLite and PostgreSQL rank alike. Queries reach the index only as sanitised keywords (see
//! `domain::board::keywords`), so nothing a person types is read as index syntax.

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

use super::schema::{skills, vacancies, vacancy_skills};
use super::{taxonomy, DbConn};
use crate::models::{Hit, Vacancy};

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = Integer)]
    id: i32,
}

/// Field weights: a keyword in the title counts most, then skills, then the text.
const WEIGHTS: [f64; 3] = [10.0, 4.0, 1.0];

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

/// Rewrites the index entry of every vacancy, in one transaction; returns how many.
pub fn reindex_all(conn: &mut DbConn) -> QueryResult<usize> {
    conn.transaction(|conn| {
        let ids: Vec<i32> = vacancies::table.select(vacancies::id).load(conn)?;
        for id in &ids {
            reindex(conn, *id)?;
        }
        Ok(ids.len())
    })
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

/// Vacancies matching every keyword (each as a prefix), with title matches marked and a
/// relevance score; the caller orders them (title matches first, then by score).
pub fn matching_ids(conn: &mut DbConn, keywords: &[String]) -> QueryResult<Vec<Hit>> {
    // Keywords without a word in them are left out, as FTS5 leaves out empty phrases.
    let terms: Vec<Vec<String>> = keywords
        .iter()
        .map(|k| fts_words(k))
        .filter(|words| !words.is_empty())
        .collect();
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<IdRow> = match conn {
        DbConn::Sqlite(c) => {
            let query = keywords
                .iter()
                .map(|k| format!("\"{k}\"*"))
                .collect::<Vec<_>>()
                .join(" ");
            diesel::sql_query("SELECT rowid AS id FROM vacancy_search WHERE vacancy_search MATCH ?")
                .bind::<Text, _>(query)
                .load(c)?
        }
        DbConn::Pg(c) => {
            let query = keywords
                .iter()
                .filter_map(|k| pg_term(k, ""))
                .collect::<Vec<_>>()
                .join(" & ");
            diesel::sql_query(
                "SELECT vacancy_id AS id FROM vacancy_search \
                 WHERE document @@ to_tsquery('simple', $1)",
            )
            .bind::<Text, _>(query)
            .load(c)?
        }
    };
    let ids: Vec<i32> = rows.into_iter().map(|r| r.id).collect();
    let docs = documents(conn, &ids)?;
    Ok(rank(&docs, &terms))
}

/// The indexed fields of the given vacancies, as words.
fn documents(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<(i32, [Vec<String>; 3])>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Vacancy> = vacancies::table
        .filter(vacancies::id.eq_any(ids))
        .order(vacancies::id)
        .select(Vacancy::as_select())
        .load(conn)?;
    let skill_rows: Vec<(i32, String)> = vacancy_skills::table
        .inner_join(skills::table)
        .filter(vacancy_skills::vacancy_id.eq_any(ids))
        .order((vacancy_skills::vacancy_id, vacancy_skills::position))
        .select((vacancy_skills::vacancy_id, skills::name))
        .load(conn)?;
    Ok(rows
        .iter()
        .map(|v| {
            let skills: Vec<String> = skill_rows
                .iter()
                .filter(|(id, _)| *id == v.id)
                .map(|(_, name)| name.clone())
                .collect();
            (v.id, fields(v, &skills).map(|f| fts_words(&f)))
        })
        .collect())
}

/// How often a term (a phrase of words, the last one a prefix) occurs in a field.
fn occurrences(field: &[String], term: &[String]) -> usize {
    let Some((last, exact)) = term.split_last() else {
        return 0;
    };
    if field.len() < term.len() {
        return 0;
    }
    (0..=field.len() - term.len())
        .filter(|&i| {
            field[i..i + exact.len()] == *exact && field[i + exact.len()].starts_with(last.as_str())
        })
        .count()
}

/// Title matches and BM25-style scores (term frequency saturating, long fields weighing
/// less, per-field weights), computed from the matching documents only; no inverse document
/// frequency, as every match holds every keyword.
fn rank(docs: &[(i32, [Vec<String>; 3])], terms: &[Vec<String>]) -> Vec<Hit> {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let n = docs.len().max(1) as f64;
    let average: Vec<f64> = (0..3)
        .map(|f| (docs.iter().map(|(_, d)| d[f].len()).sum::<usize>() as f64 / n).max(1.0))
        .collect();
    docs.iter()
        .map(|(id, fields)| {
            let mut score = 0.0;
            for (f, field) in fields.iter().enumerate() {
                let norm = K1 * (1.0 - B + B * field.len() as f64 / average[f]);
                for term in terms {
                    let tf = occurrences(field, term) as f64;
                    score += WEIGHTS[f] * tf * (K1 + 1.0) / (tf + norm);
                }
            }
            Hit {
                id: *id,
                in_title: terms.iter().all(|t| occurrences(&fields[0], t) > 0),
                score,
            }
        })
        .collect()
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

    fn words(text: &str) -> Vec<String> {
        fts_words(text)
    }

    #[test]
    fn occurrences_count_prefix_phrases() {
        let field = words("Rust developer, rusty tools; data engineer and data engineering");
        assert_eq!(occurrences(&field, &words("rust")), 2);
        assert_eq!(occurrences(&field, &words("data eng")), 2);
        assert_eq!(occurrences(&field, &words("data engineering")), 1);
        assert_eq!(occurrences(&field, &words("engineer data")), 0);
        assert_eq!(occurrences(&words("go"), &words("go lang")), 0);
    }

    #[test]
    fn ranking_prefers_titles_then_frequency_then_short_fields() {
        let doc = |id, title: &str, skills: &str, body: &str| {
            (id, [words(title), words(skills), words(body)])
        };
        let docs = vec![
            doc(1, "Data Engineer", "SQL", "We move data."),
            doc(
                2,
                "Analyst",
                "Python",
                "Data data data, and more data every day.",
            ),
            doc(3, "Analyst", "Python", "Some data."),
        ];
        let hits = rank(&docs, &[words("data")]);
        assert!(hits[0].in_title && !hits[1].in_title && !hits[2].in_title);
        assert!(hits[0].score > hits[1].score && hits[1].score > hits[2].score);
    }
}
