//! careers: a server-rendered careers website. `main.rs` is the command line; everything else
//! is here so tests can build and run the real application.

pub mod actions;
pub mod clock;
pub mod config;
pub mod csrf;
pub mod db;
pub mod domain;
pub mod error;
pub mod forms;
pub mod handlers;
pub mod i18n;
pub mod jobs;
pub mod logging;
pub mod mail;
pub mod maintenance;
pub mod messages;
pub mod metrics;
pub mod models;
pub mod observe;
pub mod page_cache;
pub mod referral;
pub mod routes;
pub mod schema;
pub mod shutdown;
pub mod signing;
pub mod site;
pub mod stamp;
pub mod startup;
pub mod tokens;
pub mod views;
