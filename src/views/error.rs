//! The one place error pages are drawn: a middleware that turns every `AppError` response into
//! the site's error page, with the site's identity from the app data (no global state).

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, StatusCode};
use actix_web::middleware::{ErrorHandlerResponse, ErrorHandlers};
use actix_web::{web, HttpResponse};
use askama::Template;

use super::PageCtx;
use crate::error::AppError;
use crate::site::Site;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ctx: PageCtx,
    pub status: u16,
    pub title: &'a str,
    pub message: &'a str,
}

impl<'a> ErrorPage<'a> {
    /// Renders the page in its language (`title` and `message` are message keys, or texts
    /// without one), falling back to a minimal document if the template fails.
    pub fn html(&self) -> String {
        let lang = self.ctx.lang;
        let (title, message) = (lang.text(self.title), lang.text(self.message));
        let page = ErrorPage {
            ctx: self.ctx.clone(),
            status: self.status,
            title: &title,
            message: &message,
        };
        page.render().unwrap_or_else(|_| {
            format!(
                "<!doctype html><title>{}</title><h1>{}</h1>",
                self.status, title
            )
        })
    }
}

/// Wraps the application: responses that carry an `AppError` get the error page.
pub fn layer<B: MessageBody + 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(draw)
}

fn draw<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let Some(error) = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>())
    else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    if matches!(
        error,
        AppError::LoginRequired { .. } | AppError::PasswordChangeRequired
    ) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (title, message) = error.page_text();
    let ctx = match res.request().app_data::<web::Data<Site>>() {
        Some(site) => {
            let lang = site
                .language_of_path(res.request().path())
                .unwrap_or(site.default_lang);
            PageCtx::for_error(site, lang)
        }
        None => PageCtx::for_error(&Site::default(), crate::i18n::Lang::fallback()),
    };
    // The API answers its errors in JSON, in the language of its path.
    let (content_type, body) = if super::api::is_api_path(res.request().path()) {
        let text = ctx.lang.text(message);
        let body = super::api::error_body(status.as_u16(), text);
        ("application/json", body)
    } else {
        let page = ErrorPage {
            ctx,
            status: status.as_u16(),
            title,
            message,
        };
        ("text/html; charset=utf-8", page.html())
    };
    let (req, old) = res.into_parts();
    let mut page = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            page.append_header((name.clone(), value.clone()));
        }
    }
    let page = page
        .content_type(content_type)
        .body(body)
        .map_into_boxed_body();
    let res: ServiceResponse<EitherBody<B, BoxBody>> =
        ServiceResponse::new(req, page).map_into_right_body();
    Ok(ErrorHandlerResponse::Response(res))
}

/// For pages a handler draws with the error template itself (a duplicate application, a
/// closed vacancy): the same page, any status.
pub fn notice(ctx: PageCtx, status: StatusCode, title: &str, message: &str) -> HttpResponse {
    let body = ErrorPage {
        ctx,
        status: status.as_u16(),
        title,
        message,
    }
    .html();
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}
