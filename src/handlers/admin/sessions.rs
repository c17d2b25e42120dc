//! Sign-in and sign-out, with the lockout after repeated failures.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{safe_next, sign_in, sign_out, CurrentUser};
use crate::db;
use crate::domain::auth::{self, LOCKOUT_WINDOW, MAX_FAILURES};
use crate::error::AppResult;
use crate::forms::CheckedForm;
use crate::handlers::{client_address, query_pairs, AppState};
use crate::messages;
use crate::views::{self, PageCtx};

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    ctx: PageCtx,
    email: String,
    next: String,
    error: String,
    notice: String,
}

pub async fn new(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let pairs = query_pairs(req.query_string());
    let next = pairs
        .iter()
        .find(|(k, _)| k == "next")
        .map(|(_, v)| safe_next(v))
        .unwrap_or_else(|| "/admin".into());
    let notice = if pairs.iter().any(|(k, _)| k == "signed_out") {
        messages::SIGNED_OUT
    } else {
        ""
    };
    let page = LoginPage {
        ctx: PageCtx::public(&state.site, &session, "admin-login").with_csrf(&session),
        email: String::new(),
        next,
        error: String::new(),
        notice: notice.to_string(),
    };
    views::ok(&page)
}

enum Outcome {
    SignedIn(i32),
    Wrong,
    Locked,
}

pub async fn create(
    req: HttpRequest,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let email = form.get("email").trim().to_lowercase();
    let password = form.get("password").to_string();
    let next = safe_next(form.get("next"));
    let subjects = [
        format!("email:{email}"),
        format!("ip:{}", client_address(&req, &state.site)),
    ];
    let email_for_db = email.clone();
    let outcome = state
        .run(move |conn| {
            let now = crate::clock::now();
            let since = now - LOCKOUT_WINDOW;
            db::users::prune_failures(conn, since)?;
            for subject in &subjects {
                if db::users::failures_since(conn, subject, since)? >= MAX_FAILURES {
                    return Ok(Outcome::Locked);
                }
            }
            let user = db::users::by_email(conn, &email_for_db)?;
            // Verify against a decoy when there is no such user: the same work either way.
            let hash = user
                .as_ref()
                .map(|u| u.password_hash.clone())
                .unwrap_or_else(|| auth::decoy_hash().to_string());
            let matches = auth::verify_password(&password, &hash);
            match user {
                Some(user) if matches && user.active => {
                    db::users::clear_failures(conn, &subjects[0])?;
                    Ok(Outcome::SignedIn(user.id))
                }
                _ => {
                    for subject in &subjects {
                        db::users::record_failure(conn, subject)?;
                    }
                    Ok(Outcome::Wrong)
                }
            }
        })
        .await?;
    match outcome {
        Outcome::SignedIn(id) => {
            sign_in(&session, id);
            Ok(views::redirect(&next))
        }
        Outcome::Wrong | Outcome::Locked => {
            let (status, error) = match outcome {
                Outcome::Locked => (StatusCode::TOO_MANY_REQUESTS, messages::LOGIN_LOCKED),
                _ => (StatusCode::UNAUTHORIZED, messages::LOGIN_FAILED),
            };
            let page = LoginPage {
                ctx: PageCtx::public(&state.site, &session, "admin-login").with_csrf(&session),
                email,
                next,
                error: error.to_string(),
                notice: String::new(),
            };
            views::render(status, &page)
        }
    }
}

pub async fn destroy(
    _user: CurrentUser,
    _form: CheckedForm,
    session: Session,
) -> AppResult<HttpResponse> {
    sign_out(&session);
    Ok(views::redirect("/admin/login?signed_out=1"))
}
