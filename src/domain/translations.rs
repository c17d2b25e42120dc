//! Which version of translated content a reader of a language sees: the version in their
//! language, else the original (or any version) when there is none in it. A translation group
//! is an original and the items whose `translation_of` points at it.

use crate::i18n::Lang;
use crate::models::{Article, LearningPath, Version};

/// Content that can have translations.
pub trait Translated {
    fn id(&self) -> i32;
    fn lang(&self) -> &str;
    fn translation_of(&self) -> Option<i32>;

    /// The id the group is known by: the original's.
    fn group(&self) -> i32 {
        self.translation_of().unwrap_or_else(|| self.id())
    }
}

impl Translated for Article {
    fn id(&self) -> i32 {
        self.id
    }
    fn lang(&self) -> &str {
        &self.lang
    }
    fn translation_of(&self) -> Option<i32> {
        self.translation_of
    }
}

impl Translated for LearningPath {
    fn id(&self) -> i32 {
        self.id
    }
    fn lang(&self) -> &str {
        &self.lang
    }
    fn translation_of(&self) -> Option<i32> {
        self.translation_of
    }
}

/// One item per translation group, in the order given: the one in `lang` when the group has
/// it, else the first one listed.
pub fn for_reader<T: Translated>(items: Vec<T>, lang: Lang) -> Vec<T> {
    let in_lang: std::collections::HashSet<i32> = items
        .iter()
        .filter(|i| i.lang() == lang.code())
        .map(Translated::group)
        .collect();
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|i| {
            let group = i.group();
            let wanted = i.lang() == lang.code() || !in_lang.contains(&group);
            wanted && seen.insert(group)
        })
        .collect()
}

/// Whether a group already has its version in `lang`: a group holds one version per language.
pub fn language_taken(versions: &[Version], lang: &str) -> bool {
    versions.iter().any(|v| v.lang == lang)
}

/// The offered languages a group has no version in yet, in the site's order.
pub fn missing_languages(versions: &[Version], offered: &[Lang]) -> Vec<Lang> {
    offered
        .iter()
        .copied()
        .filter(|l| !language_taken(versions, l.code()))
        .collect()
}

/// The `hreflang` alternates of each address: `versions` holds (group, language, address) of
/// every listed version; an address whose group has other versions gets all of its group's
/// (itself included, as search engines ask) and `x-default`, the original's (the group's first
/// listed version). Addresses without a translation get nothing.
pub fn alternates(
    versions: &[(i32, String, String)],
) -> std::collections::HashMap<String, Vec<(String, String)>> {
    let mut groups: std::collections::BTreeMap<i32, Vec<(String, String)>> = Default::default();
    for (group, lang, address) in versions {
        groups
            .entry(*group)
            .or_default()
            .push((lang.clone(), address.clone()));
    }
    let mut by_address = std::collections::HashMap::new();
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let mut links = members.clone();
        links.push(("x-default".to_string(), members[0].1.clone()));
        for (_, address) in &members {
            by_address.insert(address.clone(), links.clone());
        }
    }
    by_address
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Item(i32, &'static str, Option<i32>);
    impl Translated for Item {
        fn id(&self) -> i32 {
            self.0
        }
        fn lang(&self) -> &str {
            self.1
        }
        fn translation_of(&self) -> Option<i32> {
            self.2
        }
    }

    #[test]
    fn a_reader_sees_their_language_or_else_the_original() {
        let items = vec![
            Item(1, "en", None),
            Item(2, "en", None),
            Item(3, "es", Some(1)),
            Item(4, "es", None),
        ];
        let es = Lang::parse("es").unwrap();
        let ids: Vec<i32> = for_reader(items, es).iter().map(|i| i.0).collect();
        assert_eq!(ids, [2, 3, 4]);
        let items = vec![
            Item(1, "en", None),
            Item(3, "es", Some(1)),
            Item(4, "es", None),
        ];
        let en = Lang::parse("en").unwrap();
        let ids: Vec<i32> = for_reader(items, en).iter().map(|i| i.0).collect();
        assert_eq!(ids, [1, 4]);
    }

    #[test]
    fn a_group_lacks_the_languages_it_has_no_version_in() {
        let version = |id, lang: &str| Version {
            id,
            lang: lang.into(),
            title: String::new(),
            slug: String::new(),
            status: String::new(),
            translation_of: None,
        };
        let (en, es) = (Lang::parse("en").unwrap(), Lang::parse("es").unwrap());
        let english_only = [version(1, "en")];
        assert!(language_taken(&english_only, "en"));
        assert!(!language_taken(&english_only, "es"));
        assert_eq!(missing_languages(&english_only, &[en, es]), [es]);
        assert!(missing_languages(&[version(1, "en"), version(2, "es")], &[en, es]).is_empty());
    }

    #[test]
    fn alternates_link_a_group_and_leave_single_versions_alone() {
        let v = |g: i32, l: &str, a: &str| (g, l.to_string(), a.to_string());
        let found = alternates(&[
            v(1, "en", "/en/a"),
            v(2, "en", "/en/b"),
            v(1, "es", "/es/a"),
        ]);
        assert!(!found.contains_key("/en/b"));
        let links = &found["/es/a"];
        assert_eq!(links, &found["/en/a"]);
        let pair = |l: &str, a: &str| (l.to_string(), a.to_string());
        assert_eq!(
            links,
            &vec![
                pair("en", "/en/a"),
                pair("es", "/es/a"),
                pair("x-default", "/en/a")
            ]
        );
    }
}
