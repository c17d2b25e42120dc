//! The editors' queries: the admin article list, path slugs, and keeping the order of paths and
//! of the articles in a path as 1..n.

use diesel::prelude::*;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

use super::schema::{articles, comments, learning_paths};
use super::{learning, DbConn};
use crate::models::{Article, ArticleStatus};

/// Which path the admin list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathFilter {
    Any,
    NoPath,
    Path(i32),
}

/// Articles for the admin list with their path's title, most recently changed first.
pub fn articles_for_admin(
    conn: &mut DbConn,
    status: Option<ArticleStatus>,
    path: PathFilter,
    title: &str,
) -> QueryResult<Vec<(Article, Option<String>)>> {
    let mut query = articles::table
        .left_join(learning_paths::table)
        .select((Article::as_select(), learning_paths::title.nullable()))
        .order((articles::updated_at.desc(), articles::id.desc()))
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(articles::status.eq(status.as_str()));
    }
    match path {
        PathFilter::Any => {}
        PathFilter::NoPath => query = query.filter(articles::path_id.is_null()),
        PathFilter::Path(id) => query = query.filter(articles::path_id.eq(id)),
    }
    let title = title.trim();
    if !title.is_empty() {
        // Lower case on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
        let pattern = format!(
            "%{}%",
            title
                .to_lowercase()
                .replace(['\\', '%'], "")
                .replace('_', " ")
        );
        query = query.filter(lower(articles::title).like(pattern));
    }
    query.load(conn)
}

/// A slug made from the title, with a number added when another path has it.
pub fn unique_path_slug(conn: &mut DbConn, title: &str) -> QueryResult<String> {
    crate::models::slug::unique(title, "path", |slug| learning::path_slug_taken(conn, slug))
}

/// Comments of every status on an article, for the delete warning.
pub fn comment_count(conn: &mut DbConn, article_id: i32) -> QueryResult<i64> {
    comments::table
        .filter(comments::article_id.eq(article_id))
        .count()
        .get_result(conn)
}

/// The place after the last path.
pub fn next_path_position(conn: &mut DbConn) -> QueryResult<i32> {
    let max: Option<i32> = learning_paths::table
        .select(diesel::dsl::max(learning_paths::position))
        .first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

/// `ids` with `id` swapped with its neighbour; `None` when it is already at that end.
pub fn moved(ids: &[i32], id: i32, up: bool) -> Option<Vec<i32>> {
    let at = ids.iter().position(|x| *x == id)?;
    let other = if up { at.checked_sub(1)? } else { at + 1 };
    if other >= ids.len() {
        return None;
    }
    let mut out = ids.to_vec();
    out.swap(at, other);
    Some(out)
}

/// `ids` with `id` put at `position` (1 = first, clamped to the ends); with no position it
/// keeps its place, or goes last when it is new.
pub fn placed(ids: &[i32], id: i32, position: Option<i32>) -> Vec<i32> {
    let mut out: Vec<i32> = ids.to_vec();
    let current = out.iter().position(|x| *x == id);
    match (position, current) {
        (None, Some(_)) => out,
        (None, None) => {
            out.push(id);
            out
        }
        (Some(p), _) => {
            out.retain(|x| *x != id);
            let at = usize::try_from(p.max(1) - 1).unwrap_or(0).min(out.len());
            out.insert(at, id);
            out
        }
    }
}

/// Writes positions 1..n for the articles of a path in this order (only rows that change).
fn write_article_order(conn: &mut DbConn, order: &[i32], current: &[Article]) -> QueryResult<()> {
    for (i, id) in order.iter().enumerate() {
        let position = i as i32 + 1;
        if current
            .iter()
            .find(|a| a.id == *id)
            .is_none_or(|a| a.position != position)
        {
            learning::set_article_position(conn, *id, position)?;
        }
    }
    Ok(())
}

/// Puts an article of `path_id` at `position` and renumbers the path 1..n.
pub fn place_article(
    conn: &mut DbConn,
    path_id: i32,
    article_id: i32,
    position: Option<i32>,
) -> QueryResult<()> {
    let current = learning::articles_in_path(conn, path_id, false)?;
    let ids: Vec<i32> = current.iter().map(|a| a.id).collect();
    let order = placed(&ids, article_id, position);
    write_article_order(conn, &order, &current)
}

/// Renumbers a path's articles 1..n in their present order (after one left it).
pub fn renumber_path(conn: &mut DbConn, path_id: i32) -> QueryResult<()> {
    let current = learning::articles_in_path(conn, path_id, false)?;
    let ids: Vec<i32> = current.iter().map(|a| a.id).collect();
    write_article_order(conn, &ids, &current)
}

/// Moves an article one step up or down its path; gives its old and new position, or `None`
/// when it has no path or is already at that end.
pub fn move_article(
    conn: &mut DbConn,
    article: &Article,
    up: bool,
) -> QueryResult<Option<(i32, i32)>> {
    let Some(path_id) = article.path_id else {
        return Ok(None);
    };
    let current = learning::articles_in_path(conn, path_id, false)?;
    let ids: Vec<i32> = current.iter().map(|a| a.id).collect();
    let Some(order) = moved(&ids, article.id, up) else {
        return Ok(None);
    };
    write_article_order(conn, &order, &current)?;
    let new = order.iter().position(|x| *x == article.id).unwrap_or(0) as i32 + 1;
    Ok(Some((article.position, new)))
}

/// Moves a path one step up or down the list of paths, renumbering them 1..n; gives its old and
/// new position, or `None` when it is already at that end.
pub fn move_path(conn: &mut DbConn, path_id: i32, up: bool) -> QueryResult<Option<(i32, i32)>> {
    let current = learning::paths(conn)?;
    let ids: Vec<i32> = current.iter().map(|p| p.id).collect();
    let Some(order) = moved(&ids, path_id, up) else {
        return Ok(None);
    };
    let old = current
        .iter()
        .find(|p| p.id == path_id)
        .map(|p| p.position)
        .unwrap_or(0);
    for (i, id) in order.iter().enumerate() {
        let position = i as i32 + 1;
        if current
            .iter()
            .find(|p| p.id == *id)
            .is_none_or(|p| p.position != position)
        {
            diesel::update(learning_paths::table.find(*id))
                .set(learning_paths::position.eq(position))
                .execute(conn)?;
        }
    }
    let new = order.iter().position(|x| *x == path_id).unwrap_or(0) as i32 + 1;
    Ok(Some((old, new)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
        assert_eq!(moved(&[1, 2, 3], 2, true), Some(vec![2, 1, 3]));
        assert_eq!(moved(&[1, 2, 3], 2, false), Some(vec![1, 3, 2]));
        assert_eq!(moved(&[1, 2, 3], 1, true), None);
        assert_eq!(moved(&[1, 2, 3], 3, false), None);
        assert_eq!(moved(&[1, 2, 3], 9, false), None);
    }

    #[test]
    fn placing_inserts_clamps_and_keeps() {
        assert_eq!(placed(&[1, 2, 3], 3, Some(1)), vec![3, 1, 2]);
        assert_eq!(placed(&[1, 2, 3], 1, Some(99)), vec![2, 3, 1]);
        assert_eq!(placed(&[1, 2, 3], 2, None), vec![1, 2, 3]);
        assert_eq!(placed(&[1, 2], 7, None), vec![1, 2, 7]);
        assert_eq!(placed(&[1, 2], 7, Some(2)), vec![1, 7, 2]);
        assert_eq!(placed(&[], 7, Some(5)), vec![7]);
    }
}
