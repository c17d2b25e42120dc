//! User-facing text that is not in a template, kept in one place for translation.

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "We could not find that page. The vacancy may have been removed, or the link may be mistyped.";
pub const BAD_REQUEST_TITLE: &str = "We could not read that request";
pub const CSRF_TITLE: &str = "This form has expired";
pub const CSRF_TEXT: &str =
    "For your safety the form could not be sent. Go back, reload the page and try again.";
pub const FORBIDDEN_TITLE: &str = "Not allowed";
pub const FORBIDDEN_TEXT: &str = "Your account does not have access to this page.";
pub const TOO_MANY_TITLE: &str = "Too many attempts";
pub const UNAVAILABLE_TITLE: &str = "Busy right now";
pub const UNAVAILABLE_TEXT: &str = "The site is very busy. Please try again in a few seconds.";
pub const INTERNAL_TITLE: &str = "Something went wrong";
pub const INTERNAL_TEXT: &str =
    "Something went wrong on our side. It has been logged; please try again later.";

pub const LOGIN_FAILED: &str = "The email or password is not right.";
pub const LOGIN_LOCKED: &str =
    "Too many failed sign-ins. For your safety, sign-in is paused for 15 minutes.";
pub const SIGNED_OUT: &str = "You have signed out.";

pub const REQUIRED: &str = "This field is required.";
pub const SALARY_NOT_STATED: &str = "Salary not stated";
