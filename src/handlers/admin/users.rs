//! Accounts, for administrators: list, create with a temporary password, deactivate,
//! reactivate, reset password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use askama::Template;

use super::AdminUser;
use crate::db;
use crate::db::audit::FieldChange;
use crate::domain::auth;
use crate::error::{AppError, AppResult};
use crate::forms::users::NewUserForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::AppState;
use crate::models::{Role, User};
use crate::views::{self, flash, PageCtx};

const ENTITY: &str = "user";

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
    fn role_label(&self, role: &str) -> String {
        Role::label_of(role).to_string()
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
        ctx: PageCtx::admin(&state.site, session, me, "admin-users"),
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
    let hash = web::block({
        let password = password.clone();
        move || auth::hash_password(&password)
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)?;
    let me_id = me.id;
    let (email2, name2) = (email.clone(), name.clone());
    let created = state
        .run(move |conn| {
            if db::users::by_email(conn, &email2)?.is_some() {
                return Ok(None);
            }
            let id = db::users::insert(conn, &email2, &name2, &hash, role)?;
            let changes = [
                FieldChange {
                    field: "email".into(),
                    from: String::new(),
                    to: email2.clone(),
                },
                FieldChange {
                    field: "role".into(),
                    from: String::new(),
                    to: role.as_str().into(),
                },
            ];
            db::audit::record(conn, Some(me_id), ENTITY, id, "create", &changes)?;
            Ok(Some(id))
        })
        .await?;
    if created.is_none() {
        let mut errors = FieldErrors::default();
        errors.add("email", "An account with this email exists already.");
        return views::render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&state, &session, &me, typed, errors).await?,
        );
    }
    flash(&session, "success", format!("Account created for {email}. Temporary password (shown once, pass it on safely): {password}"));
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
    if id == me.id && !active {
        flash(&session, "error", "You cannot deactivate your own account.");
        return Ok(views::redirect("/admin/users"));
    }
    let me_id = me.id;
    state
        .run(move |conn| {
            let user = db::users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            db::users::set_active(conn, id, active)?;
            let change = FieldChange {
                field: "active".into(),
                from: user.active.to_string(),
                to: active.to_string(),
            };
            db::audit::record(
                conn,
                Some(me_id),
                ENTITY,
                id,
                if active { "reactivate" } else { "deactivate" },
                &[change],
            )?;
            Ok(())
        })
        .await?;
    flash(
        &session,
        "success",
        if active {
            "The account is active again."
        } else {
            "The account is deactivated; its sessions end at their next request."
        },
    );
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
    let hash = web::block({
        let password = password.clone();
        move || auth::hash_password(&password)
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)?;
    let me_id = me.id;
    let email = state
        .run(move |conn| {
            let user = db::users::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            db::users::set_password(conn, id, &hash)?;
            db::audit::record(conn, Some(me_id), ENTITY, id, "reset_password", &[])?;
            Ok(user.email)
        })
        .await?;
    flash(
        &session,
        "success",
        format!("New temporary password for {email} (shown once): {password}"),
    );
    Ok(views::redirect("/admin/users"))
}
