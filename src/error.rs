//! One error type for the whole site, and how each kind is answered.
//!
//! - `NotFound`: a record or page that does not exist → the 404 page.
//! - `MethodNotAllowed`: a path that exists, asked with a method it does not have → 405, with
//!   `Allow` listing the methods it has (given by `routes`).
//! - `BadRequest`: input we cannot use at all (forms with field errors render themselves with 422).
//! - `Csrf`: a state-changing request without the session's token → the 403 page, nothing changed.
//! - `Forbidden`: signed in, but the role does not allow it.
//! - `LoginRequired`: no session → 303 to the sign-in page, coming back to `next`.
//! - `PasswordChangeRequired`: signed in with a temporary password → 303 to the account page,
//!   whose form is the one thing such a user can do (besides signing out).
//! - `TooManyRequests`: rate limits.
//! - `PayloadTooLarge`: an upload over its limit, refused before it is read in full → 413.
//! - `Unavailable`: the pool has no connection → 503, so a load balancer can retry elsewhere.
//! - `Internal`: anything else → logged with its cause, a 500 page that reveals nothing.
//!
//! The pages themselves are drawn by `views::error`, which wraps the whole application.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

pub type AppResult<T> = Result<T, AppError>;

/// Where a user with a temporary password is sent: the change-password form.
pub const ACCOUNT_PAGE: &str = "/admin/account";

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("method not allowed (allowed: {0})")]
    MethodNotAllowed(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("the form was out of date (CSRF token missing or wrong)")]
    Csrf,
    #[error("forbidden")]
    Forbidden,
    #[error("sign-in required")]
    LoginRequired { next: String },
    #[error("the temporary password must be changed first")]
    PasswordChangeRequired,
    #[error("too many requests")]
    TooManyRequests(String),
    #[error("request body too large")]
    PayloadTooLarge(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("request body not received in time")]
    RequestTimeout,
    #[error("database busy")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        AppError::Internal(cause.to_string())
    }
}

impl AppError {
    /// A request body that could not be read: 408 when it came too slowly (the deadline set in
    /// `startup`), 413 when too large, else 400 with `what`.
    pub fn from_payload(e: &actix_web::error::PayloadError, what: &str) -> AppError {
        use actix_web::error::PayloadError;
        match e {
            PayloadError::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                AppError::RequestTimeout
            }
            PayloadError::Overflow => {
                AppError::PayloadTooLarge(crate::messages::FORM_TOO_LARGE.into())
            }
            // `what` is a message key (or a text) the error page translates; the cause is
            // for the log only.
            other => {
                log::info!("unreadable request body: {other}");
                AppError::BadRequest(what.to_string())
            }
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => AppError::NotFound,
            // The database went away mid-request (PostgreSQL restarted, the network dropped):
            // like a pool that cannot connect, a 503 to retry, not a 500.
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => {
                log::warn!("database connection lost: {}", info.message());
                AppError::Unavailable
            }
            Error::BrokenTransactionManager => AppError::Unavailable,
            other => {
                // The causes name what failed (e.g. the column holding an unknown value).
                let mut text = format!("database: {other}");
                let mut cause = std::error::Error::source(&other);
                while let Some(c) = cause {
                    text.push_str(&format!(": {c}"));
                    cause = c.source();
                }
                AppError::Internal(text)
            }
        }
    }
}

impl From<crate::db::RunError> for AppError {
    fn from(e: crate::db::RunError) -> Self {
        match e {
            crate::db::RunError::Unavailable => AppError::Unavailable,
            crate::db::RunError::Blocking(cause) => {
                AppError::Internal(format!("blocking task failed: {cause}"))
            }
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Csrf | AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::LoginRequired { .. } | AppError::PasswordChangeRequired => {
                StatusCode::SEE_OTHER
            }
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A bare response with the status; the error-rendering layer (`views::error`) draws the
    /// page, so this type knows nothing of templates.
    fn error_response(&self) -> HttpResponse {
        if let AppError::LoginRequired { next } = self {
            let next = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/admin/login?{next}")))
                .finish();
        }
        if let AppError::PasswordChangeRequired = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, ACCOUNT_PAGE))
                .finish();
        }
        if let AppError::Internal(cause) = self {
            log::error!("internal error: {cause}");
        }
        let (title, message) = self.page_text();
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("text/plain; charset=utf-8");
        if matches!(self, AppError::Unavailable) {
            response.insert_header((header::RETRY_AFTER, "5"));
        }
        if let AppError::MethodNotAllowed(allow) = self {
            response.insert_header((header::ALLOW, allow.as_str()));
        }
        // Only where the error layer does not reach: no page, so no page language either.
        let lang = crate::i18n::Lang::fallback();
        response.body(format!("{}\n\n{}\n", lang.text(title), lang.text(message)))
    }
}

impl AppError {
    /// The heading and the sentence a visitor is shown; nothing of an internal cause.
    pub fn page_text(&self) -> (&str, &str) {
        use crate::messages as m;
        match self {
            AppError::NotFound => (m::NOT_FOUND_TITLE, m::NOT_FOUND_TEXT),
            AppError::MethodNotAllowed(_) => {
                (m::METHOD_NOT_ALLOWED_TITLE, m::METHOD_NOT_ALLOWED_TEXT)
            }
            AppError::BadRequest(msg) => (m::BAD_REQUEST_TITLE, msg.as_str()),
            AppError::Csrf => (m::CSRF_TITLE, m::CSRF_TEXT),
            AppError::Forbidden
            | AppError::LoginRequired { .. }
            | AppError::PasswordChangeRequired => (m::FORBIDDEN_TITLE, m::FORBIDDEN_TEXT),
            AppError::TooManyRequests(msg) => (m::TOO_MANY_TITLE, msg.as_str()),
            AppError::PayloadTooLarge(msg) => (m::TOO_LARGE_TITLE, msg.as_str()),
            AppError::UnsupportedMediaType => (m::BAD_REQUEST_TITLE, m::NOT_A_FORM),
            AppError::RequestTimeout => (m::BAD_REQUEST_TITLE, m::BODY_TOO_SLOW),
            AppError::Unavailable => (m::UNAVAILABLE_TITLE, m::UNAVAILABLE_TEXT),
            AppError::Internal(_) => (m::INTERNAL_TITLE, m::INTERNAL_TEXT),
        }
    }
}
