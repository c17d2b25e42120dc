//! Enumerations of an application: the CV formats we take (judged by their bytes), the
//! recruiters' pipeline and what a candidate is shown of it.

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
    /// a DOCX lists both `[Content_Types].xml` and `word/document.xml` in its central directory;
    /// any other ZIP (one that merely mentions `word/`, or an executable renamed .pdf) is refused.
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
            } else if zip_has_entries(bytes, &[b"[Content_Types].xml", b"word/document.xml"]) {
                Some(CvKind::Docx)
            } else {
                None
            }
        } else {
            None
        }
    }
}

/// True when the ZIP's central directory (found through its end record) names every one of
/// `wanted`. A file without a readable directory is not a ZIP we accept.
fn zip_has_entries(bytes: &[u8], wanted: &[&[u8]]) -> bool {
    let Some(names) = zip_entry_names(bytes) else {
        return false;
    };
    wanted.iter().all(|w| names.contains(w))
}

fn le16(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]) as usize)
}

fn le32(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
}

/// The entry names of a ZIP's central directory, or `None` when it cannot be read.
fn zip_entry_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    const END: &[u8] = b"PK\x05\x06";
    const ENTRY: &[u8] = b"PK\x01\x02";
    // The end record is 22 bytes plus a comment of at most 65,535.
    let earliest = bytes.len().saturating_sub(22 + 0xFFFF);
    let end = (earliest..=bytes.len().checked_sub(22)?)
        .rev()
        .find(|&i| bytes[i..].starts_with(END))?;
    let count = le16(bytes, end + 10)?;
    let mut at = le32(bytes, end + 16)?;
    let mut names = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        if bytes.get(at..at + 4)? != ENTRY {
            return None;
        }
        let name_len = le16(bytes, at + 28)?;
        let extra_len = le16(bytes, at + 30)?;
        let comment_len = le16(bytes, at + 32)?;
        names.push(bytes.get(at + 46..at + 46 + name_len)?);
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(names)
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

    /// The Fluent key of the label (`locales/*/labels.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            Stage::New => "stage-new",
            Stage::Reviewing => "stage-reviewing",
            Stage::Interview => "stage-interview",
            Stage::Offer => "stage-offer",
            Stage::Hired => "stage-hired",
            Stage::Rejected => "stage-rejected",
            Stage::Withdrawn => "stage-withdrawn",
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

    /// The Fluent key of the label (`locales/*/labels.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            PublicStatus::Received => "public-status-received",
            PublicStatus::InReview => "public-status-in-review",
            PublicStatus::Closed => "public-status-closed",
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
        let docx = zip(&["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
        assert_eq!(CvKind::sniff(&docx), Some(CvKind::Docx));
        assert_eq!(CvKind::sniff(&zip(&["payload.exe"])), None);
        assert_eq!(CvKind::sniff(b"\x89PNG\r\n\x1a\n"), None);
        assert_eq!(CvKind::sniff(b"<html><script>"), None);
        assert_eq!(CvKind::sniff(b""), None);
        assert_eq!(CvKind::sniff(b"PK\x03\x04"), None);
    }

    /// A ZIP of empty, stored entries: local headers, central directory and end record.
    fn zip(names: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut directory = Vec::new();
        for name in names {
            let offset = out.len() as u32;
            out.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0");
            out.extend_from_slice(&[0; 16]);
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0, 0]);
            out.extend_from_slice(name.as_bytes());
            directory.extend_from_slice(b"PK\x01\x02\x14\0\x14\0\0\0\0\0");
            directory.extend_from_slice(&[0; 16]);
            directory.extend_from_slice(&(name.len() as u16).to_le_bytes());
            directory.extend_from_slice(&[0; 12]);
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let start = out.len() as u32;
        out.extend_from_slice(&directory);
        out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
        out.extend_from_slice(&(names.len() as u16).to_le_bytes());
        out.extend_from_slice(&(names.len() as u16).to_le_bytes());
        out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        out.extend_from_slice(&start.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out
    }

    #[test]
    fn a_zip_is_a_docx_only_with_its_content_types_and_main_document() {
        // Any `word/` entry used to be enough.
        assert_eq!(CvKind::sniff(&zip(&["word/evil.exe"])), None);
        assert_eq!(
            CvKind::sniff(&zip(&["word/document.xml", "payload.exe"])),
            None
        );
        assert_eq!(CvKind::sniff(&zip(&["[Content_Types].xml", "word/"])), None);
        // The names only mentioned inside an entry's data, not listed as entries.
        let mut fake = b"PK\x03\x04".to_vec();
        fake.resize(30, 0);
        fake.extend_from_slice(b"[Content_Types].xml....word/document.xml");
        assert_eq!(CvKind::sniff(&fake), None);
        // A truncated or garbled directory is refused, without panicking.
        let good = zip(&["[Content_Types].xml", "word/document.xml"]);
        for cut in 0..good.len() {
            let _ = CvKind::sniff(&good[..cut]);
        }
        let mut garbled = good.clone();
        let n = garbled.len();
        garbled[n - 6..n - 2].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(CvKind::sniff(&garbled), None);
        assert_eq!(CvKind::sniff(&good), Some(CvKind::Docx));
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
}
