//! Who runs this site and where it lives: what every page and structured-data block needs.

use crate::i18n::Lang;

#[derive(Debug, Clone)]
pub struct Site {
    pub org_name: String,
    pub org_url: String,
    /// Without a trailing slash.
    pub base_url: String,
    /// The stylesheet's URL, with a content hash so it can be cached for a year.
    pub css_href: String,
    pub js_href: String,
    /// Client addresses come from the proxy's forwarding headers (`TRUST_PROXY`).
    pub trust_proxy: bool,
    /// With `trust_proxy`: the client is this many entries from the right of
    /// `X-Forwarded-For` (`TRUSTED_PROXY_HOPS`).
    pub trusted_proxy_hops: usize,
    /// `LANGUAGES`, in the configured order; never empty.
    pub languages: Vec<Lang>,
    /// `DEFAULT_LANG`, one of `languages`.
    pub default_lang: Lang,
}

impl Default for Site {
    /// Only for an error page drawn where the configured site is out of reach.
    fn default() -> Site {
        Site {
            org_name: "Careers".into(),
            org_url: String::new(),
            base_url: String::new(),
            css_href: "/static/css/site.css".into(),
            js_href: String::new(),
            trust_proxy: false,
            trusted_proxy_hops: 1,
            languages: Lang::available().collect(),
            default_lang: Lang::fallback(),
        }
    }
}

impl Site {
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// The configured language with this code, if the site offers it.
    pub fn language(&self, code: &str) -> Option<Lang> {
        self.languages.iter().copied().find(|l| l.code() == code)
    }

    /// The language a public path is in (`/es/vacancies` → es), if it has a prefix.
    pub fn language_of_path(&self, path: &str) -> Option<Lang> {
        let first = path.strip_prefix('/')?.split('/').next()?;
        self.language(first)
    }
}
