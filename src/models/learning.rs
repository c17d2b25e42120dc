//! Learning paths, articles, their FAQ pairs and reader comments.

use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::schema::{articles, comments, faqs, learning_paths};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = learning_paths)]
pub struct LearningPath {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub position: i32,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub lang: String,
    /// The original this path translates.
    pub translation_of: Option<i32>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = articles)]
pub struct Article {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_html: String,
    pub path_id: Option<i32>,
    pub position: i32,
    #[diesel(deserialize_as = super::checked::Known<super::ArticleStatus>)]
    pub status: String,
    pub published_at: Option<PrimitiveDateTime>,
    pub created_at: PrimitiveDateTime,
    pub updated_at: PrimitiveDateTime,
    pub author_id: Option<i32>,
    pub lang: String,
    /// The original this article translates.
    pub translation_of: Option<i32>,
}

impl Article {
    pub fn is_published(&self) -> bool {
        self.status == super::ArticleStatus::Published.as_str()
    }

    /// Minutes to read at 200 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        word_count(&self.body).div_ceil(200).max(1)
    }
}

/// What an editor writes: used for insert and update.
#[derive(Debug, Clone, PartialEq, Insertable, AsChangeset)]
#[diesel(table_name = articles, treat_none_as_null = true)]
pub struct ArticleFields {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_html: String,
    pub path_id: Option<i32>,
    pub position: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = faqs)]
pub struct Faq {
    pub id: i32,
    pub article_id: i32,
    pub question: String,
    pub answer: String,
    pub position: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = comments)]
pub struct Comment {
    pub id: i32,
    pub article_id: i32,
    pub parent_id: Option<i32>,
    pub author_name: String,
    pub email: String,
    pub website: String,
    pub body: String,
    #[diesel(deserialize_as = super::checked::Known<super::CommentStatus>)]
    pub status: String,
    pub client_address: String,
    pub created_at: PrimitiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = comments)]
pub struct NewComment {
    pub article_id: i32,
    pub parent_id: Option<i32>,
    pub author_name: String,
    pub email: String,
    pub website: String,
    pub body: String,
    pub status: String,
    pub client_address: String,
    pub created_at: PrimitiveDateTime,
}

/// Words of a Markdown text, for reading times and JobPosting/Article data.
pub fn word_count(markdown: &str) -> usize {
    markdown
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
