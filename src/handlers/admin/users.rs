//! Accounts, for administrators: list, create with a temporary password, deactivate,
//! reactivate, reset password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::{hash_password, lang_of, AdminUser};
use crate::actions::users::{self, ActiveOutcome, CreateOutcome, NewAccount};
use crate::actions::Actor;
use crate::db;
use crate::domain::auth;
use crate::error::AppResult;
use crate::forms::users::NewUserForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::models::{Role, User};
use crate::views::{self, flash, Area, PageCtx};

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ctx: PageCtx,
    users: Vec<User>,
    me: i32,
    form: NewUserForm,
    errors: FieldErrors,
}

impl UsersPage {
    fn roles(&self) -> &'static [Role] {
        Role::ALL
    }
}

async fn page(
    state: &web::Data<AppState>,
    session: &Session,
    me: &User,
    form: NewUserForm,
    errors: FieldErrors,
) -> AppResult<UsersPage> {
    let users = state.run(|conn| Ok(db::users::all(conn)?)).await?;
    Ok(UsersPage {
        ctx: PageCtx::admin(&state.site, session, me, Area::AdminUsers),
        users,
        me: me.id,
        form,
        errors,
    })
}

pub async fn index(
    AdminUser(me): AdminUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let form = NewUserForm {
        role: Role::Recruiter.as_str().into(),
        ..NewUserForm::default()
    };
    views::ok(&page(&state, &session, &me, form, FieldErrors::default()).await?)
}

pub async fn create(
    AdminUser(me): AdminUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let typed = NewUserForm::from_form(&form);
    let (email, name, role) = match typed.parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            return views::render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, &session, &me, typed, errors).await?,
            )
        }
    };
    let password = auth::temporary_password();
    let account = NewAccount {
        email: email.clone(),
        name,
        role,
        password_hash: hash_password(password.clone()).await?,
        temporary: true,
    };
    let actor = Actor::User(me.id);
    let outcome = state
        .run(move |conn| users::create_user(conn, actor, account))
        .await?;
    if outcome == CreateOutcome::EmailTaken {
        let mut errors = FieldErrors::default();
        errors.add("email", "email-taken");
        return views::render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, &session, &me, typed, errors).await?,
        );
    }
    let lang = lang_of(&state, &me);
    let text = lang.t_args(
        "admin-user-created",
        &[("email", email.into()), ("password", password.into())],
    );
    flash(&session, "success", text);
    Ok(views::redirect("/admin/users"))
}

pub async fn set_active(
    AdminUser(me): AdminUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let active = form.get("active") == "true";
    let actor = Actor::User(me.id);
    let outcome = state
        .run(move |conn| users::set_active(conn, actor, id, active))
        .await?;
    let (kind, key) = match outcome {
        ActiveOutcome::OwnAccount => ("error", "admin-user-own-account"),
        ActiveOutcome::Done(_) if active => ("success", "admin-user-reactivated"),
        ActiveOutcome::Done(_) => ("success", "admin-user-deactivated"),
    };
    flash(&session, kind, lang_of(&state, &me).t(key));
    Ok(views::redirect("/admin/users"))
}

pub async fn reset_password(
    AdminUser(me): AdminUser,
    path: web::Path<i32>,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let password = auth::temporary_password();
    let hash = hash_password(password.clone()).await?;
    let actor = Actor::User(me.id);
    let reset = state
        .run(move |conn| users::reset_password(conn, actor, id, &hash))
        .await?;
    let text = lang_of(&state, &me).t_args(
        "admin-user-password-reset",
        &[("email", reset.email.into()), ("password", password.into())],
    );
    flash(&session, "success", text);
    Ok(views::redirect("/admin/users"))
}
