//! A reader's progress without an account: the ids of the articles they marked as read, kept
//! in a signed cookie. Ids, not slugs, so renaming an article keeps everyone's progress.

use crate::signing::Signer;

pub const COOKIE: &str = "careers_progress";
const PURPOSE: &str = "reading-progress";
/// Enough for every article a site like this will have; keeps the cookie well under 4 KB.
const MAX_IDS: usize = 400;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Progress {
    read: Vec<i32>,
}

impl Progress {
    /// An unsigned, forged or garbled cookie counts as no progress.
    pub fn from_cookie(signer: &Signer, value: Option<&str>) -> Progress {
        let read = value
            .and_then(|v| signer.verify(PURPOSE, v))
            .map(|ids| {
                ids.split('-')
                    .filter_map(|id| id.parse::<i32>().ok())
                    .take(MAX_IDS)
                    .collect()
            })
            .unwrap_or_default();
        Progress { read }
    }

    pub fn to_cookie(&self, signer: &Signer) -> String {
        let ids: Vec<String> = self.read.iter().map(i32::to_string).collect();
        signer.sign(PURPOSE, &ids.join("-"))
    }

    pub fn has_read(&self, article_id: i32) -> bool {
        self.read.contains(&article_id)
    }

    pub fn mark(&mut self, article_id: i32, read: bool) {
        self.read.retain(|id| *id != article_id);
        if read {
            self.read.push(article_id);
            if self.read.len() > MAX_IDS {
                self.read.remove(0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_ignores_forgeries() {
        let signer = Signer::new(b"a key for progress tests.........");
        let mut p = Progress::default();
        p.mark(7, true);
        p.mark(3, true);
        p.mark(7, true);
        let cookie = p.to_cookie(&signer);
        let back = Progress::from_cookie(&signer, Some(&cookie));
        assert!(back.has_read(7) && back.has_read(3) && !back.has_read(5));
        assert_eq!(back, p);
        let forged = cookie.replacen('3', "5", 1);
        assert_eq!(
            Progress::from_cookie(&signer, Some(&forged)),
            Progress::default()
        );
        p.mark(7, false);
        assert!(!p.has_read(7));
    }
}
