//! Who runs this site and where it lives: what every page and structured-data block needs.

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
        }
    }
}

impl Site {
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }
}
