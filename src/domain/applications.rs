//! Rules for applications that know nothing of HTTP: which CV files we take (judged by their
//! bytes), the recruiters' pipeline, what a candidate is shown, the signed form stamp, receipt
//! tokens, safe download names and CSV cells.

use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::signing::Signer;

/// The CV formats we accept, recognised from the file's first bytes, never from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvKind {
    Pdf,
    Doc,
    Docx,
    Odt,
    Rtf,
}

impl CvKind {
    pub const ALL: &'static [CvKind] = &[
        CvKind::Pdf,
        CvKind::Doc,
        CvKind::Docx,
        CvKind::Odt,
        CvKind::Rtf,
    ];

    pub fn mime(self) -> &'static str {
        match self {
            CvKind::Pdf => "application/pdf",
            CvKind::Doc => "application/msword",
            CvKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            CvKind::Odt => "application/vnd.oasis.opendocument.text",
            CvKind::Rtf => "application/rtf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            CvKind::Pdf => "pdf",
            CvKind::Doc => "doc",
            CvKind::Docx => "docx",
            CvKind::Odt => "odt",
            CvKind::Rtf => "rtf",
        }
    }

    pub fn from_mime(mime: &str) -> Option<CvKind> {
        CvKind::ALL.iter().copied().find(|k| k.mime() == mime)
    }

    /// What the bytes are. ZIP files are looked into: an ODT names its type in the first entry,
    /// a DOCX has `word/` parts; any other ZIP (or an executable renamed .pdf) is refused.
    pub fn sniff(bytes: &[u8]) -> Option<CvKind> {
        const ODT: &[u8] = b"application/vnd.oasis.opendocument.text";
        if bytes.starts_with(b"%PDF-") {
            Some(CvKind::Pdf)
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            Some(CvKind::Doc)
        } else if bytes.starts_with(b"{\\rtf") {
            Some(CvKind::Rtf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            // Local file header: the name starts at 30, its content follows (stored, not deflated).
            if bytes.get(30..38) == Some(b"mimetype") && bytes[38..].starts_with(ODT) {
                Some(CvKind::Odt)
            } else if contains(bytes, b"word/") {
                Some(CvKind::Docx)
            } else {
                None
            }
        } else {
            None
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Where an application is in the recruiters' pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    New,
    Reviewing,
    Interview,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

impl Stage {
    pub const ALL: &'static [Stage] = &[
        Stage::New,
        Stage::Reviewing,
        Stage::Interview,
        Stage::Offer,
        Stage::Hired,
        Stage::Rejected,
        Stage::Withdrawn,
    ];

    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL.iter().copied().find(|s| s.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::New => "new",
            Stage::Reviewing => "reviewing",
            Stage::Interview => "interview",
            Stage::Offer => "offer",
            Stage::Hired => "hired",
            Stage::Rejected => "rejected",
            Stage::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::New => "New",
            Stage::Reviewing => "Reviewing",
            Stage::Interview => "Interview",
            Stage::Offer => "Offer",
            Stage::Hired => "Hired",
            Stage::Rejected => "Rejected",
            Stage::Withdrawn => "Withdrawn",
        }
    }

    /// Still moving: the candidate can withdraw, recruiters can move it on.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            Stage::New | Stage::Reviewing | Stage::Interview | Stage::Offer
        )
    }

    fn next(self) -> Option<Stage> {
        match self {
            Stage::New => Some(Stage::Reviewing),
            Stage::Reviewing => Some(Stage::Interview),
            Stage::Interview => Some(Stage::Offer),
            Stage::Offer => Some(Stage::Hired),
            _ => None,
        }
    }

    /// Where recruiters may move an application from here: one step on, rejected or withdrawn
    /// (on the candidate's word); a rejection can be reconsidered; hired and withdrawn are final.
    pub fn moves(self) -> Vec<Stage> {
        let mut out = Vec::new();
        if let Some(next) = self.next() {
            out.push(next);
        }
        if self.is_active() {
            out.push(Stage::Rejected);
            out.push(Stage::Withdrawn);
        }
        if self == Stage::Rejected {
            out.push(Stage::Reviewing);
        }
        out
    }

    pub fn can_move_to(self, to: Stage) -> bool {
        self.moves().contains(&to)
    }

    /// What the candidate sees: received, in review, or closed.
    pub fn public(self) -> PublicStatus {
        match self {
            Stage::New => PublicStatus::Received,
            Stage::Reviewing | Stage::Interview | Stage::Offer => PublicStatus::InReview,
            Stage::Hired | Stage::Rejected | Stage::Withdrawn => PublicStatus::Closed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicStatus {
    Received,
    InReview,
    Closed,
}

impl PublicStatus {
    pub fn label(self) -> &'static str {
        match self {
            PublicStatus::Received => "Received",
            PublicStatus::InReview => "In review",
            PublicStatus::Closed => "Closed",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            PublicStatus::Received => "received",
            PublicStatus::InReview => "in-review",
            PublicStatus::Closed => "closed",
        }
    }
}

/// A new receipt token (32 random bytes as hex) and the hash that is stored. Only the candidate
/// holds the token; a copy of the database does not give access to anyone's receipt page.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A token that could have been issued: 64 lowercase hex digits.
pub fn token_looks_valid(token: &str) -> bool {
    token.len() == 64
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The public apply form has no session, so it carries a signed stamp instead of a CSRF token:
/// the time it was shown, signed for this vacancy only. A valid stamp proves the form came from
/// this site for this vacancy, and its age is the fill time used against bots.
pub fn stamp(signer: &Signer, vacancy_id: i32, issued: i64) -> String {
    signer.sign(&stamp_purpose(vacancy_id), &issued.to_string())
}

fn stamp_purpose(vacancy_id: i32) -> String {
    format!("apply-form:{vacancy_id}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampCheck {
    /// Signed by us; seconds since the form was shown.
    Age(i64),
    Invalid,
}

pub fn check_stamp(signer: &Signer, vacancy_id: i32, stamp: &str, now: i64) -> StampCheck {
    match signer
        .verify(&stamp_purpose(vacancy_id), stamp.trim())
        .and_then(|v| v.parse::<i64>().ok())
    {
        Some(issued) => StampCheck::Age(now - issued),
        None => StampCheck::Invalid,
    }
}

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
    fn cv_types_come_from_the_bytes() {
        assert_eq!(CvKind::sniff(b"%PDF-1.4\n..."), Some(CvKind::Pdf));
        assert_eq!(
            CvKind::sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
            Some(CvKind::Doc)
        );
        assert_eq!(CvKind::sniff(b"{\\rtf1\\ansi hello}"), Some(CvKind::Rtf));
        let mut odt = b"PK\x03\x04".to_vec();
        odt.resize(30, 0);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(CvKind::sniff(&odt), Some(CvKind::Odt));
        let mut docx = b"PK\x03\x04".to_vec();
        docx.resize(30, 0);
        docx.extend_from_slice(b"[Content_Types].xml....word/document.xml");
        assert_eq!(CvKind::sniff(&docx), Some(CvKind::Docx));
        let mut zip = b"PK\x03\x04".to_vec();
        zip.resize(30, 0);
        zip.extend_from_slice(b"payload.exe");
        assert_eq!(CvKind::sniff(&zip), None);
        assert_eq!(CvKind::sniff(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(CvKind::sniff(b"<html><script>"), None);
        assert_eq!(CvKind::sniff(b""), None);
        assert_eq!(CvKind::sniff(b"PK\x03\x04"), None);
    }

    #[test]
    fn the_pipeline_moves_one_step_or_ends() {
        use Stage::*;
        assert!(New.can_move_to(Reviewing));
        assert!(!New.can_move_to(Offer));
        assert!(Interview.can_move_to(Offer));
        assert!(Offer.can_move_to(Hired));
        assert!(Reviewing.can_move_to(Rejected));
        assert!(Rejected.can_move_to(Reviewing));
        assert!(Hired.moves().is_empty());
        assert!(Withdrawn.moves().is_empty());
        assert_eq!(New.public(), PublicStatus::Received);
        assert_eq!(Interview.public(), PublicStatus::InReview);
        assert_eq!(Rejected.public(), PublicStatus::Closed);
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.as_str()), Some(*s));
        }
    }

    #[test]
    fn stamps_are_signed_and_dated() {
        let key = Signer::new(b"0123456789abcdef0123456789abcdef");
        let s = stamp(&key, 7, 1000);
        assert_eq!(check_stamp(&key, 7, &s, 1010), StampCheck::Age(10));
        assert_eq!(check_stamp(&key, 8, &s, 1010), StampCheck::Invalid);
        let other = Signer::new(b"another key, just as long as the first");
        assert_eq!(check_stamp(&other, 7, &s, 1010), StampCheck::Invalid);
        let forged = s.replacen("1000", "900", 1);
        assert_eq!(check_stamp(&key, 7, &forged, 1010), StampCheck::Invalid);
        assert_eq!(check_stamp(&key, 7, "", 1010), StampCheck::Invalid);
        assert_eq!(check_stamp(&key, 7, "x.y", 1010), StampCheck::Invalid);
    }

    #[test]
    fn tokens_are_long_and_only_their_hash_is_kept() {
        let (token, hash) = new_token();
        assert!(token_looks_valid(&token));
        assert_ne!(token, hash);
        assert_eq!(token_hash(&token), hash);
        assert!(!token_looks_valid("abc"));
        assert!(!token_looks_valid(&"G".repeat(64)));
    }

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
