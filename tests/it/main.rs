//! The black-box tests, linked into one binary (`cargo test --test it`): each file is a module
//! of its own, sharing the harness in `common` (the `backend_test!` macro and `spawn_app*`).
//! The browser tests stay apart in `tests/browser.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test fails

// First, so `backend_test!` is in scope in every module below.
#[macro_use]
mod common;

mod admin;
mod alerts;
mod api;
mod applications;
mod architecture;
mod board;
mod board_languages;
mod board_property;
mod durability;
mod generate;
mod i18n_admin;
mod i18n_public;
mod instances;
mod learning;
mod learning_admin;
mod ops;
mod page_cache;
mod places;
mod postgres;
mod reports;
mod security_auth;
mod security_data;
mod shortlist;
mod smoke;
mod translations;
