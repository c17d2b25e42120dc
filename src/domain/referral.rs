//! Where candidates come from: the referring site's host, or the `utm_source` of the visit that
//! reached the site. Anyone can forge either, so a source is only ever counted (recruiters'
//! reports), never trusted: it is cut down to a short name of safe characters or dropped.
//!
//! Public pages are cached whole for anonymous visitors, so the source cannot be written into
//! the page. It travels in a first-party cookie instead (`COOKIE`), set on the landing page by
//! `crate::referral` outside the page cache and read by the apply handler.

/// The cookie that carries the source from the landing page to the apply form. Not one of the
/// page cache's personal cookies: visitors who carry it still get cached pages.
pub const COOKIE: &str = "careers_source";
/// How long a visit is credited to its source (seconds): a day, enough to read and apply.
pub const COOKIE_SECONDS: i64 = 24 * 3600;
/// Longest source kept; a host name or campaign tag is shorter.
pub const MAX_LEN: usize = 64;

/// A source as stored: lower-case letters, digits, `.`, `-` and `_`, starting with a letter or
/// digit, at most `MAX_LEN` characters. Spaces and `+` (a form-encoded space) become `-`;
/// anything else makes the value unusable, and it is dropped rather than repaired.
pub fn clean(raw: &str) -> Option<String> {
    let text: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '+' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let first_ok = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let all_ok = text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    (first_ok && all_ok && text.len() <= MAX_LEN).then_some(text)
}

/// The host of an `http(s)` URL, lower-cased, without user, port or a leading `www.`; `None`
/// for other schemes, IPv6 literals and anything `clean` refuses.
pub fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    if host_port.starts_with('[') {
        return None;
    }
    let host = host_port
        .split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    // A host name has no spaces to tidy up, unlike a campaign tag.
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
    {
        return None;
    }
    let host = clean(host)?;
    Some(
        host.strip_prefix("www.")
            .map(str::to_string)
            .unwrap_or(host),
    )
}

/// The source of a page request: its `utm_source` when usable, else the `Referer`'s host when
/// that is another site (not one of `own_hosts`: the configured address and the `Host` the
/// request came to). `None`: a visit from our own pages, a direct one, or nothing usable.
pub fn of_visit(
    query_pairs: &[(String, String)],
    referer: Option<&str>,
    own_hosts: &[String],
) -> Option<String> {
    if let Some(tag) = query_pairs
        .iter()
        .find(|(k, _)| k == "utm_source")
        .and_then(|(_, v)| clean(v))
    {
        return Some(tag);
    }
    let host = host_of(referer?)?;
    let ours = own_hosts
        .iter()
        .filter_map(|h| host_of(&format!("http://{h}")))
        .any(|own| own == host);
    (!ours).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn sources_are_short_safe_names_or_nothing() {
        assert_eq!(clean("LinkedIn"), Some("linkedin".into()));
        assert_eq!(
            clean(" spring newsletter "),
            Some("spring-newsletter".into())
        );
        assert_eq!(clean("jobs.example.org"), Some("jobs.example.org".into()));
        assert_eq!(clean("=HYPERLINK(1)"), None);
        assert_eq!(clean("-lead"), None);
        assert_eq!(clean("a<b>"), None);
        assert_eq!(clean("naïve"), None);
        assert_eq!(clean(""), None);
        assert_eq!(clean(&"a".repeat(MAX_LEN)), Some("a".repeat(MAX_LEN)));
        assert_eq!(clean(&"a".repeat(MAX_LEN + 1)), None);
    }

    #[test]
    fn hosts_come_from_http_urls_only() {
        assert_eq!(
            host_of("https://www.Google.com/search?q=x"),
            Some("google.com".into())
        );
        assert_eq!(
            host_of("http://user:pw@jobs.example.org:8080/a"),
            Some("jobs.example.org".into())
        );
        assert_eq!(host_of("HTTPS://t.co"), Some("t.co".into()));
        assert_eq!(host_of("android-app://com.slack"), None);
        assert_eq!(host_of("http://[::1]/"), None);
        assert_eq!(host_of("javascript:alert(1)"), None);
        assert_eq!(host_of("https://"), None);
        assert_eq!(host_of("https://exa mple.com"), None);
    }

    #[test]
    fn a_visit_is_credited_to_its_tag_or_a_foreign_referer() {
        let own = vec!["careers.test".to_string(), "127.0.0.1:8080".to_string()];
        let none: Vec<(String, String)> = Vec::new();
        assert_eq!(
            of_visit(&none, Some("https://www.linkedin.com/feed/"), &own),
            Some("linkedin.com".into())
        );
        // Our own pages, under any port or with www.
        assert_eq!(of_visit(&none, Some("http://careers.test/en"), &own), None);
        assert_eq!(
            of_visit(&none, Some("http://www.careers.test/"), &own),
            None
        );
        assert_eq!(of_visit(&none, Some("http://127.0.0.1:8080/x"), &own), None);
        assert_eq!(of_visit(&none, None, &own), None);
        // A tag wins over the referer; an unusable tag falls back to it.
        let tagged = pairs(&[("utm_source", "Newsletter"), ("utm_medium", "email")]);
        assert_eq!(
            of_visit(&tagged, Some("https://mail.example.com/"), &own),
            Some("newsletter".into())
        );
        let bad = pairs(&[("utm_source", "<script>")]);
        assert_eq!(
            of_visit(&bad, Some("https://mail.example.com/"), &own),
            Some("mail.example.com".into())
        );
        assert_eq!(of_visit(&bad, None, &own), None);
    }
}
