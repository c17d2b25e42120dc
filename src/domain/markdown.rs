//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything unsafe. Section
//! headings get stable ids and a self-link, and are listed for a table of contents.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A heading worth listing in a table of contents (levels 2 and 3).
#[derive(Debug, Clone, PartialEq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Clone)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
}

pub fn to_html(markdown: &str) -> String {
    render(markdown).html
}

/// Around every table: a table wider than a phone scrolls inside this box, which keyboard users
/// can focus (and so scroll) and screen readers announce as a region.
const TABLE_WRAPPER: &str =
    "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n";

/// Every generated heading id starts with this, so it never equals an id of the page around
/// the text (`comment-form`, `main`, …); ids written in raw HTML are removed.
pub const HEADING_ID_PREFIX: &str = "h-";

/// Renders once, when a text is saved: pages show the stored HTML (`body_html`, the vacancy's
/// `*_html` columns), so nothing here is on a request's path.
pub fn render(markdown: &str) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut toc = Vec::new();
    let mut used: Vec<String> = Vec::new();
    // Generated ids carry this random mark until sanitising, which keeps only marked ids (and
    // removes the mark): raw HTML cannot guess it, so no id written by hand survives.
    let mark = format!("x{:016x}-", rand::random::<u64>());
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) = &events[i]
        {
            let end = events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                .map(|p| i + p)
                .unwrap_or(events.len() - 1);
            let text: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let id = unique_id(&text, &mut used);
            let depth = *level as u8;
            if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
                toc.push(TocEntry {
                    level: depth,
                    id: id.clone(),
                    text: text.trim().to_string(),
                });
            }
            out.push(Event::Start(Tag::Heading {
                level: *level,
                id: Some(CowStr::from(format!("{mark}{id}"))),
                classes: classes.clone(),
                attrs: attrs.clone(),
            }));
            out.extend(events[i + 1..end].iter().cloned());
            out.push(Event::InlineHtml(CowStr::from(format!(
                " <a href=\"#{id}\" aria-label=\"Link to this section\">#</a>"
            ))));
            out.push(events[end].clone());
            i = end + 1;
            continue;
        }
        match &events[i] {
            Event::Start(Tag::Table(_)) => out.push(Event::Html(CowStr::from(TABLE_WRAPPER))),
            Event::End(TagEnd::Table) => {
                out.push(events[i].clone());
                out.push(Event::Html(CowStr::from("</div>\n")));
                i += 1;
                continue;
            }
            _ => {}
        }
        out.push(events[i].clone());
        i += 1;
    }
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, out.into_iter());
    // Only the ids generated above survive: an `id` written in raw HTML could take one of the
    // page's own (`<h2 id="comment-form">`) and break its links and forms.
    let html = ammonia::Builder::default()
        .attribute_filter(move |element, attribute, value| {
            match (element, attribute) {
                (_, "id") => value
                    .strip_prefix(mark.as_str())
                    .map(|id| id.to_string().into()),
                // Only the table wrapper's own values: no other div becomes focusable.
                ("div", "class") => (value == "table-scroll").then(|| value.into()),
                ("div", "tabindex") => (value == "0").then(|| value.into()),
                ("div", "role") => (value == "region").then(|| value.into()),
                ("div", "aria-label") => (value == "Table").then(|| value.into()),
                _ => Some(value.into()),
            }
        })
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_tag_attributes("h2", &["id"])
        .add_tag_attributes("h3", &["id"])
        .add_tag_attributes("h4", &["id"])
        .add_tag_attributes("a", &["aria-label"])
        .add_tag_attributes("div", &["class", "tabindex", "role", "aria-label"])
        // A code block wider than a phone scrolls; keyboard users must be able to reach it.
        .set_tag_attribute_value("pre", "tabindex", "0")
        .clean(&unsafe_html)
        .to_string();
    Rendered { html, toc }
}

/// The table of contents of HTML this module rendered: its level 2 and 3 headings with their
/// ids, read back from the stored HTML so a page needs no Markdown parse.
pub fn toc_of_html(html: &str) -> Vec<TocEntry> {
    let mut toc = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<h") {
        rest = &rest[start + 2..];
        let level = match rest.as_bytes().first() {
            Some(b'2') => 2,
            Some(b'3') => 3,
            _ => continue,
        };
        let Some(after_id) = rest[1..].strip_prefix(" id=\"") else {
            continue;
        };
        let Some(id_end) = after_id.find('"') else {
            break;
        };
        let id = &after_id[..id_end];
        let Some(open_end) = after_id.find('>') else {
            break;
        };
        let inner = &after_id[open_end + 1..];
        let close = format!("</h{level}>");
        let end = inner.find(&close).unwrap_or(inner.len());
        let inner = &inner[..end];
        // The self-link added after the text is not part of the heading's name.
        let inner = inner.find(" <a href=\"#").map_or(inner, |i| &inner[..i]);
        toc.push(TocEntry {
            level,
            id: unescape(id),
            text: unescape(&strip_tags(inner)).trim().to_string(),
        });
        rest = &after_id[open_end..];
    }
    toc
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Undoes the escapes ammonia writes, so the template can escape the text once.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A vacancy's Markdown sections as HTML, rendered when it is saved (or for a preview).
pub fn vacancy_html(v: &crate::models::Vacancy) -> crate::models::VacancyHtml {
    crate::models::VacancyHtml {
        summary_html: to_html(&v.summary),
        responsibilities_html: to_html(&v.responsibilities),
        requirements_html: to_html(&v.requirements),
        nice_to_have_html: to_html(&v.nice_to_have),
        benefits_html: to_html(&v.benefits),
    }
}

/// `h-` and a slug of the heading text, made unique within the document; never empty.
fn unique_id(text: &str, used: &mut Vec<String>) -> String {
    let mut slug = crate::models::slug::slugify(text);
    if slug.is_empty() {
        slug = "section".into();
    }
    let base = format!("{HEADING_ID_PREFIX}{slug}");
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.push(id.clone());
    id
}

/// The words in a piece of Markdown, for description length checks and reading time.
pub use crate::models::word_count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toc_reads_back_from_stored_html() {
        let md = "Intro\n\n## Tools & *tricks*\n\ntext\n\n### Git <basics>\n\n#### Deep\n\n## Tools & tricks";
        let rendered = render(md);
        assert_eq!(toc_of_html(&rendered.html), rendered.toc);
        assert_eq!(rendered.toc.len(), 3);
    }

    #[test]
    fn renders_lists_and_strips_scripts() {
        let html = to_html(
            "- one\n- two\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<li>one</li>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
    }

    #[test]
    fn headings_get_unique_ids_anchors_and_a_toc() {
        let r = render(
            "# Title\n\n## What you do\n\ntext\n\n### Tools `git`\n\n## What you do\n\n## <b>x</b>",
        );
        assert!(r
            .html
            .contains("<h2 id=\"h-what-you-do\">What you do <a href=\"#h-what-you-do\""));
        assert!(r.html.contains("<h2 id=\"h-what-you-do-2\">"));
        assert_eq!(
            r.toc
                .iter()
                .map(|t| (t.level, t.id.as_str(), t.text.as_str()))
                .collect::<Vec<_>>(),
            vec![
                (2, "h-what-you-do", "What you do"),
                (3, "h-tools-git", "Tools git"),
                (2, "h-what-you-do-2", "What you do"),
                (2, "h-x", "x"),
            ]
        );
    }

    #[test]
    fn raw_ids_never_reach_the_page() {
        let html = to_html(
            "<h2 id=\"comment-form\">Raw</h2>\n\n<p id=\"main\">p</p>\n\n<h3 id=\"h-comment-form\">x</h3>\n\n## Comment form\n",
        );
        assert!(!html.contains("id=\"comment-form\""), "{html}");
        assert!(!html.contains("id=\"main\""), "{html}");
        // The generated id is prefixed, so it cannot take the page's `comment-form` either;
        // a raw copy of it is removed, so it appears once.
        assert_eq!(html.matches("id=\"h-comment-form\"").count(), 1, "{html}");
    }

    #[test]
    fn tables_sit_in_a_focusable_labelled_scroll_box() {
        let html = to_html("text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter\n");
        assert!(
            html.contains(
                "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table\">\n<table>"
            ),
            "{html}"
        );
        assert!(html.contains("</table>\n</div>"), "{html}");
        // Staff HTML cannot make other divs focusable or pose as the wrapper's role.
        let raw = to_html(
            "<div class=\"evil\" tabindex=\"5\" role=\"button\" aria-label=\"Pay\">x</div>",
        );
        assert!(!raw.contains("tabindex") && !raw.contains("evil"), "{raw}");
        assert!(!raw.contains("role") && !raw.contains("Pay"), "{raw}");
    }

    #[test]
    fn tables_and_code_blocks_survive_sanitising() {
        let html = to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n```sql\nSELECT 1;\n```\n");
        assert!(html.contains("<table>") && html.contains("<td>1</td>"));
        assert!(html.contains("<pre tabindex=\"0\"><code") && html.contains("SELECT 1;"));
    }
}
