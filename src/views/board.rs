//! One search, every output: the list page, its Atom feed and its JSON all read their query
//! string and ask the database through `search` here, so they cannot disagree on what a query
//! finds or in which order.

use crate::db::{self, DbConn};
use crate::domain::board::{self, BoardPage, Filters};
use crate::error::AppResult;
use crate::i18n::Lang;
use crate::models::Category;

/// The board's filters from a raw query string (`q=rust&seniority=senior&page=2`); values we
/// do not know are ignored and numbers clamped, never an error.
pub fn filters(query_string: &str, categories: &[Category]) -> Filters {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query_string).unwrap_or_default();
    let slugs: Vec<&str> = categories.iter().map(|c| c.slug.as_str()).collect();
    Filters::from_pairs(&pairs, &slugs)
}

/// Runs a search: the matching open vacancies of the page asked for (clamped to the last
/// page), the total and the facet counts, as the list page shows them.
pub fn search(
    conn: &mut DbConn,
    filters: &Filters,
    categories: &[Category],
    lang: Lang,
) -> AppResult<BoardPage> {
    let keywords = board::keywords(&filters.q);
    let query = db::board::Search {
        category_ids: board::category_ids(filters, categories),
        filters,
        keywords: &keywords,
        now: crate::clock::now(),
        lang: lang.code(),
    };
    let found = db::board::search(conn, &query, categories)?;
    let countries = board::country_options(
        filters,
        categories,
        &found.countries.combos,
        found.countries.counted,
    );
    Ok(board::BoardPage {
        countries,
        ..board::page(
            filters,
            categories,
            found.rows,
            &found.combos,
            found.total,
            found.page,
            lang,
        )
    })
}

/// `/vacancies.atom?…` or `/vacancies.json?…` (`format`) for these filters, without the
/// language prefix, like `Filters::url`.
pub fn url_as(filters: &Filters, format: &str) -> String {
    match filters.query_string().as_str() {
        "" => format!("/vacancies.{format}"),
        query => format!("/vacancies.{format}?{query}"),
    }
}
