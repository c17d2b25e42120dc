//! A user's own account: changing the password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::{argon2_work, hash_password, keep_signed_in, CurrentUser};
use crate::actions::{users, Actor};
use crate::domain::auth;
use crate::error::AppResult;
use crate::forms::users::PasswordForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::views::{self, flash, Area, PageCtx};

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    ctx: PageCtx,
    email: String,
    errors: FieldErrors,
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let page = AccountPage {
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminAccount),
        email: user.email.clone(),
        errors: FieldErrors::default(),
    };
    views::ok(&page)
}

pub async fn change_password(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let typed = PasswordForm::from_form(&form);
    let mut errors = typed.check_new();
    let hash = user.password_hash.clone();
    let current = typed.current.clone();
    let current_ok = argon2_work(move || auth::verify_password(&current, &hash)).await?;
    if !current_ok && !errors.has("current_password") {
        errors.add("current_password", "This is not your current password.");
    }
    if !errors.is_empty() {
        let page = AccountPage {
            ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminAccount),
            email: user.email.clone(),
            errors,
        };
        return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let new_hash = hash_password(typed.new.clone()).await?;
    let actor = Actor::User(user.id);
    let done = state
        .run(move |conn| users::change_password(conn, actor, &new_hash))
        .await?;
    keep_signed_in(&session, done.generation);
    flash(&session, "success", "Your password was changed.");
    Ok(views::redirect("/admin/account"))
}
