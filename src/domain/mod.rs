//! Rules of the site that know nothing of HTTP: what an open vacancy is, how search and facets
//! work, what Google needs, how passwords and sign-in limits work.

pub mod address;
pub mod applications;
pub mod auth;
pub mod board;
pub mod changes;
pub mod jobposting;
pub mod labels;
pub mod lifecycle;
pub mod markdown;
pub mod progress;
pub mod referral;
pub mod reports;
pub mod shortlist;
pub mod spam;
pub mod timefmt;
pub mod translations;
