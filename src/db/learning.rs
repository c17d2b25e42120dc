//! Learning paths and articles: reading them in order, and the editors' writes.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use super::schema::{article_skills, articles, faqs, learning_paths, skills};
use super::{taxonomy, DbConn};
use crate::models::{Article, ArticleFields, ArticleStatus, Faq, LearningPath, Skill, Version};

pub fn paths(conn: &mut DbConn) -> QueryResult<Vec<LearningPath>> {
    learning_paths::table
        .order((learning_paths::position, learning_paths::id))
        .select(LearningPath::as_select())
        .load(conn)
}

pub fn path_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<LearningPath>> {
    learning_paths::table
        .filter(learning_paths::slug.eq(slug))
        .select(LearningPath::as_select())
        .first(conn)
        .optional()
}

pub fn path_by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<LearningPath>> {
    learning_paths::table
        .find(id)
        .select(LearningPath::as_select())
        .first(conn)
        .optional()
}

/// Marks a path as written in `lang`, translating `translation_of` when given.
pub fn set_path_language(
    conn: &mut DbConn,
    id: i32,
    lang: &str,
    translation_of: Option<i32>,
) -> QueryResult<()> {
    diesel::update(learning_paths::table.find(id))
        .set((
            learning_paths::lang.eq(lang),
            learning_paths::translation_of.eq(translation_of),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Marks an article as written in `lang`, translating `translation_of` when given.
pub fn set_article_language(
    conn: &mut DbConn,
    id: i32,
    lang: &str,
    translation_of: Option<i32>,
) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set((
            articles::lang.eq(lang),
            articles::translation_of.eq(translation_of),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The articles of the translation group of `article` (its original and every translation).
pub fn article_translations(conn: &mut DbConn, article: &Article) -> QueryResult<Vec<Article>> {
    let group = article.translation_of.unwrap_or(article.id);
    articles::table
        .filter(
            articles::id
                .eq(group)
                .or(articles::translation_of.eq(group)),
        )
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .select(Article::as_select())
        .load(conn)
}

/// The paths of the translation group of `path`.
pub fn path_translations(conn: &mut DbConn, path: &LearningPath) -> QueryResult<Vec<LearningPath>> {
    let group = path.translation_of.unwrap_or(path.id);
    learning_paths::table
        .filter(
            learning_paths::id
                .eq(group)
                .or(learning_paths::translation_of.eq(group)),
        )
        .select(LearningPath::as_select())
        .load(conn)
}

/// The translation group of article `id`: its original's id (its own when it is the original).
pub fn article_group_of(conn: &mut DbConn, id: i32) -> QueryResult<Option<i32>> {
    let found: Option<Option<i32>> = articles::table
        .find(id)
        .select(articles::translation_of)
        .first(conn)
        .optional()?;
    Ok(found.map(|original| original.unwrap_or(id)))
}

/// Every version of article group `group`, drafts too, the original first.
pub fn article_versions(conn: &mut DbConn, group: i32) -> QueryResult<Vec<Version>> {
    let rows: Vec<(i32, String, String, String, String, Option<i32>)> = articles::table
        .filter(
            articles::id
                .eq(group)
                .or(articles::translation_of.eq(group)),
        )
        .select((
            articles::id,
            articles::lang,
            articles::title,
            articles::slug,
            articles::status,
            articles::translation_of,
        ))
        .order((articles::translation_of.is_not_null(), articles::id))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, lang, title, slug, status, translation_of)| Version {
            id,
            lang,
            title,
            slug,
            status,
            translation_of,
        })
        .collect())
}

/// The translation group of path `id`.
pub fn path_group_of(conn: &mut DbConn, id: i32) -> QueryResult<Option<i32>> {
    let found: Option<Option<i32>> = learning_paths::table
        .find(id)
        .select(learning_paths::translation_of)
        .first(conn)
        .optional()?;
    Ok(found.map(|original| original.unwrap_or(id)))
}

/// Every version of path group `group`, the original first (paths have no status).
pub fn path_versions(conn: &mut DbConn, group: i32) -> QueryResult<Vec<Version>> {
    let rows: Vec<(i32, String, String, String, Option<i32>)> = learning_paths::table
        .filter(
            learning_paths::id
                .eq(group)
                .or(learning_paths::translation_of.eq(group)),
        )
        .select((
            learning_paths::id,
            learning_paths::lang,
            learning_paths::title,
            learning_paths::slug,
            learning_paths::translation_of,
        ))
        .order((
            learning_paths::translation_of.is_not_null(),
            learning_paths::id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, lang, title, slug, translation_of)| Version {
            id,
            lang,
            title,
            slug,
            status: String::new(),
            translation_of,
        })
        .collect())
}

pub fn path_slug_taken(conn: &mut DbConn, slug: &str) -> QueryResult<bool> {
    Ok(learning_paths::table
        .filter(learning_paths::slug.eq(slug))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

pub fn insert_path(
    conn: &mut DbConn,
    slug: &str,
    title: &str,
    summary: &str,
    position: i32,
) -> QueryResult<i32> {
    let now = crate::clock::now();
    diesel::insert_into(learning_paths::table)
        .values((
            learning_paths::slug.eq(slug),
            learning_paths::title.eq(title),
            learning_paths::summary.eq(summary),
            learning_paths::position.eq(position),
            learning_paths::created_at.eq(now),
            learning_paths::updated_at.eq(now),
        ))
        .returning(learning_paths::id)
        .get_result(conn)
}

pub fn update_path(
    conn: &mut DbConn,
    id: i32,
    title: &str,
    summary: &str,
    position: i32,
) -> QueryResult<()> {
    diesel::update(learning_paths::table.find(id))
        .set((
            learning_paths::title.eq(title),
            learning_paths::summary.eq(summary),
            learning_paths::position.eq(position),
            learning_paths::updated_at.eq(crate::clock::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every article of a path in reading order; `published_only` for readers.
pub fn articles_in_path(
    conn: &mut DbConn,
    path_id: i32,
    published_only: bool,
) -> QueryResult<Vec<Article>> {
    let mut query = articles::table
        .filter(articles::path_id.eq(path_id))
        .order((articles::position, articles::id))
        .select(Article::as_select())
        .into_boxed();
    if published_only {
        query = query.filter(articles::status.eq(ArticleStatus::Published.as_str()));
    }
    query.load(conn)
}

/// Paths that have at least one published article, in order; without loading article bodies.
pub fn paths_with_published_articles(conn: &mut DbConn) -> QueryResult<Vec<LearningPath>> {
    let path_ids: Vec<Option<i32>> = articles::table
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .select(articles::path_id)
        .distinct()
        .load(conn)?;
    let path_ids: Vec<i32> = path_ids.into_iter().flatten().collect();
    learning_paths::table
        .filter(learning_paths::id.eq_any(path_ids))
        .order((learning_paths::position, learning_paths::id))
        .select(LearningPath::as_select())
        .load(conn)
}

/// The most recently published articles, newest first.
pub fn latest_articles(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Article>> {
    articles::table
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .order((articles::published_at.desc(), articles::id.desc()))
        .limit(limit)
        .select(Article::as_select())
        .load(conn)
}

pub fn published_articles(conn: &mut DbConn) -> QueryResult<Vec<Article>> {
    articles::table
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .order((articles::path_id, articles::position, articles::id))
        .select(Article::as_select())
        .load(conn)
}

pub fn all_articles(conn: &mut DbConn) -> QueryResult<Vec<Article>> {
    articles::table
        .order((articles::path_id, articles::position, articles::id))
        .select(Article::as_select())
        .load(conn)
}

pub fn article_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Article>> {
    articles::table
        .filter(articles::slug.eq(slug))
        .select(Article::as_select())
        .first(conn)
        .optional()
}

pub fn article_by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<Article>> {
    articles::table
        .find(id)
        .select(Article::as_select())
        .first(conn)
        .optional()
}

pub fn count_articles(conn: &mut DbConn) -> QueryResult<i64> {
    articles::table.count().get_result(conn)
}

fn article_slug_taken(conn: &mut DbConn, slug: &str, except: Option<i32>) -> QueryResult<bool> {
    let mut query = articles::table.filter(articles::slug.eq(slug)).into_boxed();
    if let Some(id) = except {
        query = query.filter(articles::id.ne(id));
    }
    Ok(query.count().get_result::<i64>(conn)? > 0)
}

/// A slug made from the title, with a number added when another article has it.
pub fn unique_article_slug(
    conn: &mut DbConn,
    title: &str,
    except: Option<i32>,
) -> QueryResult<String> {
    crate::models::slug::unique(title, "article", |slug| {
        article_slug_taken(conn, slug, except)
    })
}

pub fn insert_article(
    conn: &mut DbConn,
    slug: &str,
    fields: &ArticleFields,
    author_id: Option<i32>,
) -> QueryResult<i32> {
    let now = crate::clock::now();
    diesel::insert_into(articles::table)
        .values((
            fields,
            articles::slug.eq(slug),
            articles::status.eq(ArticleStatus::Draft.as_str()),
            articles::created_at.eq(now),
            articles::updated_at.eq(now),
            articles::author_id.eq(author_id),
        ))
        .returning(articles::id)
        .get_result(conn)
}

pub fn update_article(conn: &mut DbConn, id: i32, fields: &ArticleFields) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set((fields, articles::updated_at.eq(crate::clock::now())))
        .execute(conn)?;
    Ok(())
}

/// Renames the URL of an article; progress cookies keep working because they hold ids.
pub fn set_article_slug(conn: &mut DbConn, id: i32, slug: &str) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set(articles::slug.eq(slug))
        .execute(conn)?;
    Ok(())
}

pub fn set_article_status(
    conn: &mut DbConn,
    id: i32,
    status: ArticleStatus,
    published_at: Option<PrimitiveDateTime>,
) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set((
            articles::status.eq(status.as_str()),
            articles::published_at.eq(published_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// For imported content whose last edit predates today.
pub fn set_article_updated_at(
    conn: &mut DbConn,
    id: i32,
    updated_at: PrimitiveDateTime,
) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set(articles::updated_at.eq(updated_at))
        .execute(conn)?;
    Ok(())
}

pub fn set_article_position(conn: &mut DbConn, id: i32, position: i32) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set(articles::position.eq(position))
        .execute(conn)?;
    Ok(())
}

/// Deletes a path; its articles stay, in no path (readers' progress is kept by article).
/// Returns how many articles were let go.
pub fn delete_path(conn: &mut DbConn, id: i32) -> QueryResult<usize> {
    let released = diesel::update(articles::table.filter(articles::path_id.eq(id)))
        .set((articles::path_id.eq(None::<i32>), articles::position.eq(0)))
        .execute(conn)?;
    diesel::delete(learning_paths::table.find(id)).execute(conn)?;
    Ok(released)
}

pub fn delete_article(conn: &mut DbConn, id: i32) -> QueryResult<()> {
    diesel::delete(articles::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn faqs_of(conn: &mut DbConn, article_id: i32) -> QueryResult<Vec<Faq>> {
    faqs::table
        .filter(faqs::article_id.eq(article_id))
        .order(faqs::position)
        .select(Faq::as_select())
        .load(conn)
}

pub fn set_faqs(conn: &mut DbConn, article_id: i32, pairs: &[(String, String)]) -> QueryResult<()> {
    diesel::delete(faqs::table.filter(faqs::article_id.eq(article_id))).execute(conn)?;
    for (i, (question, answer)) in pairs.iter().enumerate() {
        diesel::insert_into(faqs::table)
            .values((
                faqs::article_id.eq(article_id),
                faqs::question.eq(question),
                faqs::answer.eq(answer),
                faqs::position.eq(i as i32 + 1),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn skills_of_article(conn: &mut DbConn, article_id: i32) -> QueryResult<Vec<Skill>> {
    article_skills::table
        .inner_join(skills::table)
        .filter(article_skills::article_id.eq(article_id))
        .order(skills::name)
        .select(Skill::as_select())
        .load(conn)
}

pub fn set_article_skills(conn: &mut DbConn, article_id: i32, names: &[String]) -> QueryResult<()> {
    diesel::delete(article_skills::table.filter(article_skills::article_id.eq(article_id)))
        .execute(conn)?;
    let mut seen = Vec::new();
    for name in names {
        let skill = taxonomy::skill_for_name(conn, name)?;
        if !seen.contains(&skill.id) {
            seen.push(skill.id);
            diesel::insert_into(article_skills::table)
                .values((
                    article_skills::article_id.eq(article_id),
                    article_skills::skill_id.eq(skill.id),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Published articles that teach any of these skills, most shared skills first.
pub fn articles_teaching(
    conn: &mut DbConn,
    skill_ids: &[i32],
    limit: usize,
) -> QueryResult<Vec<Article>> {
    if skill_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<i32> = article_skills::table
        .filter(article_skills::skill_id.eq_any(skill_ids))
        .select(article_skills::article_id)
        .load(conn)?;
    let mut found: Vec<(usize, Article)> = articles::table
        .filter(articles::id.eq_any(&rows))
        .filter(articles::status.eq(ArticleStatus::Published.as_str()))
        .order((articles::path_id, articles::position))
        .select(Article::as_select())
        .load::<Article>(conn)?
        .into_iter()
        .map(|a| (rows.iter().filter(|id| **id == a.id).count(), a))
        .collect();
    found.sort_by_key(|(shared, _)| std::cmp::Reverse(*shared));
    Ok(found.into_iter().take(limit).map(|(_, a)| a).collect())
}

/// Stores an article's body as rendered HTML (`careers reindex` after rendering rules change).
pub fn set_article_html(conn: &mut DbConn, id: i32, body_html: &str) -> QueryResult<()> {
    diesel::update(articles::table.find(id))
        .set(articles::body_html.eq(body_html))
        .execute(conn)?;
    Ok(())
}
