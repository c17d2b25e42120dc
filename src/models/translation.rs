//! The language new content is written in, and one version of a translation group as the admin
//! pages list it.

/// The language of a new vacancy, article or path and the item it translates (any member of
/// the group: the action attaches it to the group's original).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLang {
    pub lang: String,
    pub translation_of: Option<i32>,
}

/// One version of a translation group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub id: i32,
    pub lang: String,
    pub title: String,
    pub slug: String,
    /// Its status value (`draft`, `published`, …); empty for paths, which have none.
    pub status: String,
    /// The original of the group has none.
    pub translation_of: Option<i32>,
}
