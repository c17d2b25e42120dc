//! User-facing text that is not in a template, kept in one place for translation.

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_TEXT: &str =
    "We could not find that page. The vacancy may have been removed, or the link may be mistyped.";
pub const METHOD_NOT_ALLOWED_TITLE: &str = "This page cannot do that";
pub const METHOD_NOT_ALLOWED_TEXT: &str = "This address exists, but not for that kind of \
     request (a form sent to a page that only shows, for example). Go back and use the site's \
     links and buttons.";
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
pub const PASSWORD_TOO_COMMON: &str = "This is one of the most common passwords, the first ones \
     an attacker tries. Choose another (a few unrelated words make a strong one).";
pub const PASSWORD_SAME_AS_CURRENT: &str = "Choose a new password, not the current one.";
pub const WRONG_CURRENT_PASSWORD: &str = "This is not your current password.";
pub const CURRENT_PASSWORD_LOCKED: &str = "Too many wrong current passwords. For your safety, \
     changing the password is paused for 15 minutes.";
pub const MUST_CHANGE_PASSWORD: &str = "Your password is a temporary one. Choose your own \
     password to go on.";
pub const SIGNED_OUT: &str = "You have signed out.";

pub const COMMENT_STAMP_USED: &str = "This form was already used to send a comment. If you \
     meant to send another, your text is kept below: please send it again.";

pub const CONTROL_CHARACTER: &str = "The request contains a control character (such as NUL) \
     that no address or field may hold. Go back, retype the text and send it again.";

pub const NOT_A_FORM: &str = "We only accept forms sent from this site's pages. Go back, reload \
     the page and send the form again.";

pub const BODY_TOO_SLOW: &str = "The form arrived too slowly and was cut off. Check your \
     connection and send it again.";

pub const REQUIRED: &str = "This field is required.";
pub const SALARY_NOT_STATED: &str = "Salary not stated";

pub const TOO_LARGE_TITLE: &str = "That is more than we accept";
pub const FORM_TOO_LARGE: &str = "The form you sent is larger than we accept. Go back, shorten \
     the text and send it again.";

// Applications.
pub const APPLY_TOO_LARGE: &str = "Your CV is larger than we accept. Go back, choose a smaller \
     file (a PDF export is usually smallest) and send the form again.";
pub const APPLY_TOO_FAST: &str =
    "That was very quick. Please check your details and send the form again.";
pub const APPLY_STALE: &str =
    "This form was open for a long time. Please check your details and send it again.";
pub const APPLY_REJECTED: &str =
    "The application could not be sent. Reload the page and try again.";
pub const APPLY_RATE_LIMITED: &str = "We received several applications from your network in the \
     last hour. Please try again later.";
pub const APPLY_CLOSED_TITLE: &str = "This vacancy is closed";
pub const APPLY_CLOSED_TEXT: &str = "This vacancy no longer takes applications, so nothing was \
     sent. Have a look at the open vacancies instead.";
pub const APPLY_DUPLICATE_TITLE: &str = "You have already applied";
pub const APPLY_DUPLICATE_TEXT: &str = "We already have your application for this vacancy from \
     the last 24 hours, so we did not store a second copy. Your receipt link is in the email we \
     sent you then.";
pub const ERASE_CONFIRM: &str = "Tick the box to confirm that your application and CV should be \
     erased for good.";
pub const NOTE_EMPTY: &str = "Write a note before saving it.";
