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
}
