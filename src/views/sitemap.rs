//! A sitemap file of vacancy addresses, written straight into one buffer: up to 50,000
//! addresses (5 MB) per file, where a template's per-row strings cost more than the query.

use std::collections::HashMap;
use std::fmt::Write;

use time::PrimitiveDateTime;

/// The XML of one sitemap file: each (language, slug, last change) as
/// `{base}/{lang}/vacancies/{slug}` with its `lastmod` date, and the `hreflang` alternates of
/// those that have translations (`alternates`: site path → (language, site path)).
pub fn vacancy_file(
    base_url: &str,
    rows: &[(String, String, PrimitiveDateTime)],
    alternates: &HashMap<String, Vec<(String, String)>>,
) -> String {
    let base = escape(base_url);
    let mut out = String::with_capacity(160 + rows.len() * (base.len() + 96));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (lang, slug, updated) in rows {
        let date = updated.date();
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "  <url><loc>{base}/{}/vacancies/{}</loc><lastmod>{:04}-{:02}-{:02}</lastmod>",
            escape(lang),
            escape(slug),
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        if let Some(links) = alternates.get(&format!("/{lang}/vacancies/{slug}")) {
            for (hreflang, path) in links {
                let _ = write!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                    escape(hreflang),
                    escape(path)
                );
            }
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// XML text: slugs and language codes never need it, a configured base URL might.
fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&apos;"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_with_dates() {
        let at = PrimitiveDateTime::new(
            time::Date::from_calendar_date(2026, time::Month::March, 5).unwrap(),
            time::Time::MIDNIGHT,
        );
        let xml = vacancy_file(
            "https://jobs.example/a&b",
            &[("es".into(), "ingeniera-de-datos".into(), at)],
            &HashMap::from([(
                "/es/vacancies/ingeniera-de-datos".to_string(),
                vec![
                    ("en".to_string(), "/en/vacancies/data-engineer".to_string()),
                    (
                        "es".to_string(),
                        "/es/vacancies/ingeniera-de-datos".to_string(),
                    ),
                ],
            )]),
        );
        assert!(xml.contains(
            "<url><loc>https://jobs.example/a&amp;b/es/vacancies/ingeniera-de-datos</loc>\
             <lastmod>2026-03-05</lastmod><xhtml:link rel=\"alternate\" hreflang=\"en\" \
             href=\"https://jobs.example/a&amp;b/en/vacancies/data-engineer\"/>"
        ));
        assert!(xml.starts_with("<?xml") && xml.ends_with("</urlset>\n"));
    }
}
