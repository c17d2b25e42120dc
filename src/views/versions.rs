//! The "Languages" box of an admin edit page: the versions of the item's translation group
//! with their edit links, the original a translation belongs to, and "Add the <language>
//! version" for each offered language the group lacks.

use crate::domain::translations;
use crate::i18n::Lang;
use crate::models::Version;

/// One version as the box lists it.
pub struct VersionRow {
    pub version: Version,
    /// The language's name and the status, in the admin's language.
    pub language: String,
    pub status: String,
}

pub struct VersionsBox {
    /// `/admin/vacancies`: versions are edited at `{base}/{id}/edit`, added at `{base}/new`.
    pub base: &'static str,
    /// The item whose page this is.
    pub current: i32,
    pub rows: Vec<VersionRow>,
    /// Offered languages with no version yet: (code, name in the admin's language).
    pub missing: Vec<(Lang, String)>,
}

impl VersionsBox {
    /// `status_key` gives a stored status's message key (`VacancyStatus::key_of`).
    pub fn new(
        admin: Lang,
        base: &'static str,
        current: i32,
        versions: Vec<Version>,
        offered: &[Lang],
        status_key: impl Fn(&str) -> String,
    ) -> VersionsBox {
        let missing = translations::missing_languages(&versions, offered)
            .into_iter()
            .map(|l| (l, language_name(admin, l.code())))
            .collect();
        let rows = versions
            .into_iter()
            .map(|v| VersionRow {
                language: language_name(admin, &v.lang),
                status: if v.status.is_empty() {
                    String::new()
                } else {
                    admin.text(&status_key(&v.status))
                },
                version: v,
            })
            .collect();
        VersionsBox {
            base,
            current,
            rows,
            missing,
        }
    }

    /// The group's original, when this page is one of its translations.
    pub fn original(&self) -> Option<&VersionRow> {
        let current = self.rows.iter().find(|r| r.version.id == self.current)?;
        let group = current.version.translation_of?;
        self.rows.iter().find(|r| r.version.id == group)
    }

    /// The id a new version points at: the group's original.
    pub fn group(&self) -> i32 {
        self.rows
            .iter()
            .find(|r| r.version.translation_of.is_none())
            .map(|r| r.version.id)
            .unwrap_or(self.current)
    }

    /// The current item's language name, for the "This is the … version of" line.
    pub fn current_language(&self) -> String {
        self.rows
            .iter()
            .find(|r| r.version.id == self.current)
            .map(|r| r.language.clone())
            .unwrap_or_default()
    }
}

/// "Spanish" / "español": a language's name as the admin's language says it.
pub fn language_name(admin: Lang, code: &str) -> String {
    admin.text(&format!("language-{code}"))
}

/// What the form of a new item shows of its language: the offered languages and, when it
/// translates another item, the sentence saying which.
pub struct LanguageChoice {
    pub languages: Vec<(Lang, String)>,
    pub translating: Option<String>,
}

impl LanguageChoice {
    /// `original`: the title of the item being translated, and the language of the new version.
    pub fn new(admin: Lang, offered: &[Lang], original: Option<(&str, &str)>) -> LanguageChoice {
        LanguageChoice {
            languages: offered
                .iter()
                .map(|l| (*l, language_name(admin, l.code())))
                .collect(),
            translating: original.map(|(title, lang)| {
                admin.t_args(
                    "admin-version-translating",
                    &[
                        ("language", language_name(admin, lang).into()),
                        ("title", title.into()),
                    ],
                )
            }),
        }
    }
}
