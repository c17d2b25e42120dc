//! A job seeker's shortlist without an account: the ids of the vacancies they saved, and of the
//! ones they applied to from this browser, each kept in a signed cookie. Ids, not slugs, so a
//! renamed vacancy stays saved.
//!
//! Two cookies on purpose: the saved list changes every page with "Save" buttons (the page
//! cache lets its holders bypass it), the applied list only the saved page (it never does).

use crate::signing::Signer;

/// The saved vacancies (makes public pages personal: see `page_cache`).
pub const SAVED_COOKIE: &str = "careers_saved";
/// The vacancies applied to from this browser.
pub const APPLIED_COOKIE: &str = "careers_applied";
/// At most this many ids per list: about 1 KB of cookie, far from the 4 KB browsers keep.
pub const MAX_IDS: usize = 100;

/// Which list a cookie holds; the signature's purpose, so one cannot pass for the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Saved,
    Applied,
}

impl Kind {
    fn purpose(self) -> &'static str {
        match self {
            Kind::Saved => "shortlist-saved",
            Kind::Applied => "shortlist-applied",
        }
    }

    pub fn cookie(self) -> &'static str {
        match self {
            Kind::Saved => SAVED_COOKIE,
            Kind::Applied => APPLIED_COOKIE,
        }
    }
}

/// Vacancy ids, oldest first, each at most once, at most [`MAX_IDS`].
#[derive(Debug, Clone, PartialEq)]
pub struct IdList {
    kind: Kind,
    ids: Vec<i32>,
}

impl IdList {
    pub fn empty(kind: Kind) -> IdList {
        IdList {
            kind,
            ids: Vec::new(),
        }
    }

    /// An unsigned, forged or garbled cookie counts as an empty list.
    pub fn from_cookie(kind: Kind, signer: &Signer, value: Option<&str>) -> IdList {
        let mut list = IdList::empty(kind);
        let Some(text) = value.and_then(|v| signer.verify(kind.purpose(), v)) else {
            return list;
        };
        for id in text.split('-').filter_map(|id| id.parse::<i32>().ok()) {
            if id > 0 {
                list.set(id, true);
            }
        }
        list
    }

    /// The signed value; an empty list is better sent as a deleted cookie (`is_empty`).
    pub fn to_cookie(&self, signer: &Signer) -> String {
        let ids: Vec<String> = self.ids.iter().map(i32::to_string).collect();
        signer.sign(self.kind.purpose(), &ids.join("-"))
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn contains(&self, id: i32) -> bool {
        self.ids.contains(&id)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether one more id would push the oldest out.
    pub fn is_full(&self) -> bool {
        self.ids.len() >= MAX_IDS
    }

    /// Adds `id` as the newest (moving it there when it is already in) or takes it out. A full
    /// list forgets its oldest id: a cookie must stay small, and the newest matter most.
    pub fn set(&mut self, id: i32, on: bool) {
        self.ids.retain(|known| *known != id);
        if on {
            self.ids.push(id);
            if self.ids.len() > MAX_IDS {
                self.ids.remove(0);
            }
        }
    }

    /// Newest first: the order the saved page lists them in.
    pub fn newest_first(&self) -> Vec<i32> {
        self.ids.iter().rev().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> Signer {
        Signer::new(b"a key for shortlist tests........")
    }

    #[test]
    fn round_trips_newest_first_and_ignores_forgeries() {
        let signer = signer();
        let mut saved = IdList::empty(Kind::Saved);
        saved.set(7, true);
        saved.set(3, true);
        saved.set(9, true);
        saved.set(7, true);
        assert_eq!(saved.newest_first(), vec![7, 9, 3]);
        let cookie = saved.to_cookie(&signer);
        let back = IdList::from_cookie(Kind::Saved, &signer, Some(&cookie));
        assert_eq!(back, saved);
        saved.set(9, false);
        assert_eq!(saved.newest_first(), vec![7, 3]);

        let forged = cookie.replacen('3', "5", 1);
        assert!(IdList::from_cookie(Kind::Saved, &signer, Some(&forged)).is_empty());
        assert!(IdList::from_cookie(Kind::Saved, &signer, Some("3-7")).is_empty());
        assert!(IdList::from_cookie(Kind::Saved, &signer, None).is_empty());
        // A saved list does not pass for an applied one.
        assert!(IdList::from_cookie(Kind::Applied, &signer, Some(&cookie)).is_empty());
    }

    #[test]
    fn keeps_the_newest_hundred() {
        let mut list = IdList::empty(Kind::Saved);
        for id in 1..=(MAX_IDS as i32) {
            list.set(id, true);
        }
        assert!(list.is_full());
        list.set(1000, true);
        assert_eq!(list.len(), MAX_IDS);
        assert!(!list.contains(1), "the oldest goes");
        assert!(list.contains(2) && list.contains(1000));
        assert_eq!(list.newest_first()[0], 1000);
        // Re-saving one already in moves it, and pushes nothing out.
        list.set(2, true);
        assert_eq!(list.len(), MAX_IDS);
        assert_eq!(list.newest_first()[0], 2);
    }

    #[test]
    fn a_signed_value_with_junk_keeps_the_good_ids_once() {
        let signer = signer();
        let signed = signer.sign("shortlist-saved", "4-x-4--0--3-5");
        let list = IdList::from_cookie(Kind::Saved, &signer, Some(&signed));
        assert_eq!(list.newest_first(), vec![5, 3, 4]);
    }
}
