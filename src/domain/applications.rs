//! Rules for applications that know nothing of HTTP: which CV files we take (judged by their
//! bytes), the recruiters' pipeline, what a candidate is shown, the signed form stamp, receipt
//! tokens, safe download names and CSV cells.

pub use crate::models::{CvKind, PublicStatus, Stage};

/// A download name that is safe in a header and on any file system: ASCII letters, digits,
/// dots, dashes and underscores, ending in the extension of the real type.
pub fn safe_file_name(uploaded: &str, kind: Option<CvKind>, id: i32) -> String {
    let base = uploaded.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    let mut clean = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '-'
        };
        if !(c == '-' && clean.ends_with('-')) {
            clean.push(c);
        }
        if clean.len() >= 60 {
            break;
        }
    }
    let clean = clean.trim_matches('-');
    let stem = if clean.is_empty() {
        format!("cv-{id}")
    } else {
        clean.to_string()
    };
    match kind {
        Some(k) => format!("{stem}.{}", k.extension()),
        None => stem,
    }
}

/// One CSV cell, always quoted. A cell a spreadsheet would run as a formula (`=`, `+`, `-`,
/// `@`, tab, carriage return) gets a leading apostrophe.
pub fn csv_cell(value: &str) -> String {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = if risky {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", value.replace('"', "\"\""))
}

pub fn csv_row(cells: &[&str]) -> String {
    let mut line = cells
        .iter()
        .map(|c| csv_cell(c))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// `1.5 MB`, `320 KB`: sizes for people.
pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let mb = bytes as f64 / (1024.0 * 1024.0);
        if (mb - mb.round()).abs() < 0.05 {
            format!("{} MB", mb.round() as u64)
        } else {
            format!("{mb:.1} MB")
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_safe() {
        assert_eq!(
            safe_file_name("Jane Doe CV.pdf", Some(CvKind::Pdf), 3),
            "Jane-Doe-CV.pdf"
        );
        assert_eq!(
            safe_file_name("../../etc/passwd", Some(CvKind::Pdf), 3),
            "passwd.pdf"
        );
        assert_eq!(
            safe_file_name("\"evil\r\nX: y\".docx", Some(CvKind::Docx), 3),
            "evil-X-y.docx"
        );
        assert_eq!(
            safe_file_name("Résumé.odt", Some(CvKind::Odt), 9),
            "R-sum.odt"
        );
        assert_eq!(safe_file_name("", Some(CvKind::Rtf), 9), "cv-9.rtf");
        assert_eq!(safe_file_name("cv.exe", Some(CvKind::Pdf), 1), "cv.pdf");
    }

    #[test]
    fn csv_cells_cannot_become_formulas() {
        assert_eq!(csv_cell("plain"), "\"plain\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1 555"), "\"'+1 555\"");
        assert_eq!(csv_cell("-2"), "\"'-2\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_row(&["a", "b"]), "\"a\",\"b\"\r\n");
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(5 * 1024 * 1024), "5 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
        assert_eq!(human_size(2000), "2 KB");
    }
}
