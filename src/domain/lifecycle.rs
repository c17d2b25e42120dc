//! Which status changes a vacancy allows: draft → published → closed, and reopen.

use crate::models::VacancyStatus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Publish,
    Close,
    Reopen,
    Delete,
}

impl Transition {
    pub fn parse(action: &str) -> Option<Transition> {
        match action {
            "publish" => Some(Transition::Publish),
            "close" => Some(Transition::Close),
            "reopen" => Some(Transition::Reopen),
            "delete" => Some(Transition::Delete),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Transition::Publish => "publish",
            Transition::Close => "close",
            Transition::Reopen => "reopen",
            Transition::Delete => "delete",
        }
    }

    /// Publishing and reopening put the vacancy in front of Google, so they need a clean checklist.
    pub fn needs_ready_posting(self) -> bool {
        matches!(self, Transition::Publish | Transition::Reopen)
    }

    /// The stored status after the change, if the change is allowed from `from`. Only drafts
    /// can be deleted: a published vacancy is closed instead, so its page stays.
    pub fn apply(self, from: VacancyStatus) -> Option<VacancyStatus> {
        use VacancyStatus::*;
        match (self, from) {
            (Transition::Publish, Draft) => Some(Published),
            (Transition::Close, Published) => Some(Closed),
            (Transition::Reopen, Closed) => Some(Published),
            (Transition::Delete, Draft) => Some(Draft),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use VacancyStatus::*;

    #[test]
    fn only_the_documented_changes_are_allowed() {
        assert_eq!(Transition::Publish.apply(Draft), Some(Published));
        assert_eq!(Transition::Publish.apply(Closed), None);
        assert_eq!(Transition::Close.apply(Published), Some(Closed));
        assert_eq!(Transition::Close.apply(Draft), None);
        assert_eq!(Transition::Reopen.apply(Closed), Some(Published));
        assert_eq!(Transition::Reopen.apply(Published), None);
        assert!(Transition::Delete.apply(Draft).is_some());
        assert!(Transition::Delete.apply(Published).is_none());
        assert!(Transition::Delete.apply(Closed).is_none());
    }
}
