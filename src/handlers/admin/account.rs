//! A user's own account: the admin area's language and the password. While the password is a
//! temporary one, this form is the only admin page the user can reach (see `CurrentUser`).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::{argon2_work, hash_password, keep_signed_in, lang_of, CurrentUser};
use crate::actions::users::{self, PasswordCheck};
use crate::actions::Actor;
use crate::domain::auth;
use crate::error::AppResult;
use crate::forms::users::PasswordForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::messages;
use crate::models::User;
use crate::views::{self, flash, Area, PageCtx};

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    ctx: PageCtx,
    email: String,
    /// The site's languages as (code, own name), for the language select.
    languages: Vec<(String, String)>,
    /// The password is temporary: say why the user is here.
    must_change: bool,
    errors: FieldErrors,
}

fn page(state: &AppState, session: &Session, user: &User, errors: FieldErrors) -> AccountPage {
    AccountPage {
        ctx: PageCtx::admin(&state.site, session, user, Area::AdminAccount),
        email: user.email.clone(),
        languages: state
            .site
            .languages
            .iter()
            .map(|l| (l.code().to_string(), l.name()))
            .collect(),
        must_change: user.must_change_password,
        errors,
    }
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    views::ok(&page(&state, &session, &user, FieldErrors::default()))
}

/// Sets the language of the user's admin area: one the site offers.
pub async fn change_language(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let Some(lang) = state.site.language(form.get("lang").trim()) else {
        let mut errors = FieldErrors::default();
        errors.add("lang", "language-choose");
        let page = page(&state, &session, &user, errors);
        return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let actor = Actor::User(user.id);
    state
        .run(move |conn| users::change_language(conn, actor, lang.code()))
        .await?;
    flash(&session, "success", lang.t("admin-language-saved"));
    Ok(views::redirect("/admin/account"))
}

pub async fn change_password(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let typed = PasswordForm::from_form(&form);
    let mut errors = typed.check_new();
    let actor = Actor::User(user.id);
    if !typed.current.is_empty() {
        match check_current(&state, &user, typed.current.clone()).await? {
            Current::Right => {}
            Current::Wrong => errors.add("current_password", messages::WRONG_CURRENT_PASSWORD),
            Current::Locked => {
                let mut errors = FieldErrors::default();
                errors.add("current_password", messages::CURRENT_PASSWORD_LOCKED);
                let page = page(&state, &session, &user, errors);
                return views::render(StatusCode::TOO_MANY_REQUESTS, &page);
            }
        }
    }
    if !errors.is_empty() {
        let page = page(&state, &session, &user, errors);
        return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let new_hash = hash_password(typed.new.clone()).await?;
    let done = state
        .run(move |conn| users::change_password(conn, actor, &new_hash))
        .await?;
    keep_signed_in(&session, done.generation);
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-password-changed"),
    );
    Ok(views::redirect("/admin/account"))
}

enum Current {
    Right,
    Wrong,
    /// Too many wrong ones lately: not checked.
    Locked,
}

/// Verifies the current password, counted: every check is a failure until it proves right, and
/// too many wrong ones in a while lock the check (`actions::users::open_password_check`).
async fn check_current(state: &AppState, user: &User, current: String) -> AppResult<Current> {
    let actor = Actor::User(user.id);
    let gate = state
        .run(move |conn| users::open_password_check(conn, actor))
        .await?;
    let PasswordCheck::Open(pending) = gate else {
        return Ok(Current::Locked);
    };
    let hash = user.password_hash.clone();
    let right = argon2_work(move || auth::verify_password(&current, &hash)).await?;
    state
        .run(move |conn| users::close_password_check(conn, actor, &pending, right))
        .await?;
    Ok(if right {
        Current::Right
    } else {
        Current::Wrong
    })
}
