//! Forms about accounts: sign-in, new users, password changes.

use super::{text, CheckedForm, FieldErrors};
use crate::domain::auth;
use crate::messages;
use crate::models::Role;

#[derive(Debug, Clone, Default)]
pub struct NewUserForm {
    pub email: String,
    pub name: String,
    pub role: String,
}

impl NewUserForm {
    pub fn from_form(f: &CheckedForm) -> NewUserForm {
        NewUserForm {
            email: f.get("email").trim().into(),
            name: f.get("name").into(),
            role: f.get("role").into(),
        }
    }

    pub fn parse(&self) -> Result<(String, String, Role), FieldErrors> {
        let mut e = FieldErrors::default();
        let email = text(&mut e, "email", &self.email, true, 254).to_lowercase();
        if !e.has("email") && !auth::looks_like_email(&email) {
            e.add("email", "email-invalid");
        }
        let name = text(&mut e, "name", &self.name, true, 100);
        let role = Role::parse(&self.role);
        if role.is_none() {
            e.add("role", "role-choose");
        }
        match role {
            Some(role) if e.is_empty() => Ok((email, name, role)),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct PasswordForm {
    pub current: String,
    pub new: String,
    pub confirm: String,
}

impl PasswordForm {
    pub fn from_form(f: &CheckedForm) -> PasswordForm {
        PasswordForm {
            current: f.get("current_password").into(),
            new: f.get("new_password").into(),
            confirm: f.get("confirm_password").into(),
        }
    }

    /// Checks the new password; the current one is checked against the hash by the caller.
    pub fn check_new(&self) -> FieldErrors {
        let mut e = FieldErrors::default();
        if self.current.is_empty() {
            e.add("current_password", messages::REQUIRED);
        }
        if let Some(problem) = auth::password_problem(&self.new) {
            e.add("new_password", problem);
        } else if self.new == self.current {
            e.add("new_password", crate::messages::PASSWORD_SAME_AS_CURRENT);
        } else if self.new != self.confirm {
            e.add("confirm_password", "passwords-differ");
        }
        e
    }
}
