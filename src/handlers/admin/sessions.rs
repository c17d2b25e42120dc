//! Sign-in and sign-out, with the lockout after repeated failures.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{argon2_work, safe_next, sign_in, sign_out, CurrentUser};
use crate::actions::sessions::{self, Attempt, Gate};
use crate::actions::{Actor, Changed};
use crate::domain::auth;
use crate::error::AppResult;
use crate::forms::CheckedForm;
use crate::handlers::{client_address, query_pairs, AppState};
use crate::i18n::Lang;
use crate::messages;
use crate::models::User;
use crate::views::{self, Area, PageCtx};

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
    lang: Lang,
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
        lang.t(messages::SIGNED_OUT)
    } else {
        String::new()
    };
    let page = LoginPage {
        ctx: PageCtx::public(&state.site, &session, Area::AdminLogin, lang).with_csrf(&session),
        email: String::new(),
        next,
        error: String::new(),
        notice,
    };
    views::ok(&page)
}

pub async fn create(
    lang: Lang,
    req: HttpRequest,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let attempt = Attempt {
        email: form.get("email").trim().to_lowercase(),
        client_address: client_address(&req, &state.site),
    };
    let password = form.get("password").to_string();
    let next = safe_next(form.get("next"));
    let gate = {
        let attempt = attempt.clone();
        state
            .run(move |conn| sessions::open_sign_in(conn, Actor::Visitor, &attempt))
            .await?
    };
    let (status, error) = match gate {
        Gate::Locked => (StatusCode::TOO_MANY_REQUESTS, messages::LOGIN_LOCKED),
        Gate::Open {
            user,
            wait,
            pending,
        } => {
            if !wait.is_zero() {
                actix_web::rt::time::sleep(wait).await;
            }
            let signed_in = verify(user, password).await?;
            let changed = {
                let attempt = attempt.clone();
                state
                    .run(move |conn| {
                        sessions::close_sign_in(conn, Actor::Visitor, &attempt, &pending, signed_in)
                    })
                    .await?
            };
            if let Changed::SignIn {
                user_id,
                generation,
            } = changed
            {
                sign_in(&session, user_id, generation);
                return Ok(views::redirect(&next));
            }
            (StatusCode::UNAUTHORIZED, messages::LOGIN_FAILED)
        }
    };
    let page = LoginPage {
        ctx: PageCtx::public(&state.site, &session, Area::AdminLogin, lang).with_csrf(&session),
        email: attempt.email,
        next,
        error: lang.t(error),
        notice: String::new(),
    };
    views::render(status, &page)
}

/// The id of the account when the password is its own and the account is active. Without an
/// account a decoy hash is verified, so a wrong email takes as long as a wrong password.
async fn verify(user: Option<User>, password: String) -> AppResult<Option<i32>> {
    argon2_work(move || {
        let matches = match &user {
            Some(u) => auth::verify_password(&password, &u.password_hash),
            None => auth::verify_password(&password, auth::decoy_hash()),
        };
        user.filter(|u| matches && u.active).map(|u| u.id)
    })
    .await
}

/// Signs out here and everywhere else: the account's other sessions end too.
pub async fn destroy(
    CurrentUser(user): CurrentUser,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let actor = Actor::User(user.id);
    state
        .run(move |conn| sessions::sign_out(conn, actor))
        .await?;
    sign_out(&session);
    Ok(views::redirect("/admin/login?signed_out=1"))
}
