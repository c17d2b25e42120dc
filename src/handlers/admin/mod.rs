//! The recruiters' area. Every handler here except sign-in takes `CurrentUser` (or `AdminUser`),
//! which is what keeps it private; the route-table test checks that.

pub mod account;
pub mod applications;
pub mod articles;
pub mod audit;
pub mod comments;
pub mod dashboard;
pub mod paths;
pub mod reports;
pub mod sessions;
pub mod users;
pub mod vacancies;

use actix_session::{Session, SessionExt};
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use std::future::Future;
use std::pin::Pin;

use super::AppState;
use crate::db;
use crate::domain::auth::SESSION_IDLE;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::User;

const USER_KEY: &str = "uid";
const SEEN_KEY: &str = "seen";
/// The account's session generation at sign-in; a different one in the database means the
/// session was ended (logout, password change or reset, deactivation).
const GENERATION_KEY: &str = "gen";
/// When the user signed in (Unix seconds), for the absolute lifetime `SESSION_MAX_HOURS`.
const SIGNED_IN_KEY: &str = "at";

/// Starts a signed-in session: a fresh session (no fixation), the user, the account's session
/// generation and the time.
pub fn sign_in(session: &Session, user_id: i32, generation: i32) {
    session.renew();
    crate::csrf::rotate(session);
    let now = crate::clock::unix_now();
    let _ = session.insert(USER_KEY, user_id);
    let _ = session.insert(GENERATION_KEY, generation);
    let _ = session.insert(SIGNED_IN_KEY, now);
    let _ = session.insert(SEEN_KEY, now);
}

/// Keeps this session signed in after its account's generation moved on (the user changed
/// their own password): a fresh session id with the new generation.
pub fn keep_signed_in(session: &Session, generation: i32) {
    session.renew();
    let _ = session.insert(GENERATION_KEY, generation);
}

pub fn sign_out(session: &Session) {
    session.purge();
}

/// True while a session signed in at `signed_in` and last seen at `seen` (Unix seconds) may go
/// on at `now`: neither idle too long nor older than `max_hours`.
fn session_alive(signed_in: i64, seen: i64, now: i64, max_hours: u32) -> bool {
    now - seen <= SESSION_IDLE.whole_seconds() && now - signed_in < i64::from(max_hours) * 3600
}

/// Runs argon2 work (hashing or verifying a password, tens of milliseconds and 19 MiB each) on
/// the blocking pool, at most one job per core at a time: a flood of sign-ins waits here
/// instead of filling the blocking pool that every database query also needs.
pub async fn argon2_work<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    });
    let _permit = permits.acquire().await.map_err(AppError::internal)?;
    web::block(work).await.map_err(AppError::internal)
}

/// Hashes a password on the blocking pool, before any connection is taken.
pub async fn hash_password(password: String) -> Result<String, AppError> {
    argon2_work(move || crate::domain::auth::hash_password(&password))
        .await?
        .map_err(AppError::internal)
}

/// The signed-in, active user. Without one: 303 to the sign-in page.
pub struct CurrentUser(pub User);

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = req.get_session();
            let next = if req.method() == actix_web::http::Method::GET {
                match req.query_string() {
                    "" => req.path().to_string(),
                    qs => format!("{}?{}", req.path(), qs),
                }
            } else {
                "/admin".to_string()
            };
            let login = || AppError::LoginRequired { next: next.clone() };
            let user_id: i32 = session.get(USER_KEY).ok().flatten().ok_or_else(login)?;
            let seen: i64 = session.get(SEEN_KEY).ok().flatten().unwrap_or(0);
            let signed_in: i64 = session.get(SIGNED_IN_KEY).ok().flatten().unwrap_or(0);
            let generation: Option<i32> = session.get(GENERATION_KEY).ok().flatten();
            let now = crate::clock::unix_now();
            let state = req
                .app_data::<web::Data<AppState>>()
                .ok_or_else(|| AppError::internal("no app state"))?;
            if !session_alive(signed_in, seen, now, state.session_max_hours) {
                session.purge();
                return Err(login());
            }
            let user = state
                .run(move |conn| Ok(db::users::by_id(conn, user_id)?))
                .await?;
            match user {
                Some(user) if user.active && Some(user.session_generation) == generation => {
                    let _ = session.insert(SEEN_KEY, now);
                    if user.must_change_password && !reachable_with_temporary_password(&req) {
                        return Err(AppError::PasswordChangeRequired);
                    }
                    Ok(CurrentUser(user))
                }
                _ => {
                    session.purge();
                    Err(login())
                }
            }
        })
    }
}

/// What a user whose password is temporary may do: see and send the change-password form,
/// and sign out. Everything else sends them to the form.
fn reachable_with_temporary_password(req: &HttpRequest) -> bool {
    use actix_web::http::Method;
    matches!(
        (req.method(), req.path()),
        (&Method::GET | &Method::HEAD, crate::error::ACCOUNT_PAGE)
            | (&Method::POST, "/admin/account/password" | "/admin/logout")
    )
}

/// A signed-in administrator; a recruiter gets the 403 page.
pub struct AdminUser(pub User);

impl FromRequest for AdminUser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move {
            let CurrentUser(user) = user.await?;
            if user.is_admin() {
                Ok(AdminUser(user))
            } else {
                Err(AppError::Forbidden)
            }
        })
    }
}

/// The label of a stored code, `<prefix>-<code>` in `locales/*/admin.ftl` (audit actions,
/// entities and field names), else the code as it is.
pub fn code_label(lang: impl std::borrow::Borrow<Lang>, prefix: &str, code: &str) -> String {
    let lang = *lang.borrow();
    let key = format!("{prefix}-{code}");
    if lang.has(&key) {
        lang.t(&key)
    } else {
        code.to_string()
    }
}

/// The signed-in user's language, for messages queued before a redirect.
pub fn lang_of(state: &AppState, user: &User) -> Lang {
    crate::views::user_language(&state.site, user)
}

/// A local admin path to go back to after sign-in. Only `/admin`, `/admin/…` or `/admin?…`
/// made of plain URL characters is kept: no control characters (browsers drop TAB, CR and LF,
/// so `/\t/evil.example` would become `//evil.example`), no backslash, no `//`, no spaces.
/// Anything else is `/admin`.
pub fn safe_next(next: &str) -> String {
    let plain = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '/' | '-' | '_' | '.' | '~' | '?' | '=' | '&' | '%' | '+' | ',' | ':' | ';' | '@'
            )
    };
    let admin = next == "/admin" || next.starts_with("/admin/") || next.starts_with("/admin?");
    let ok = admin && next.len() < 2000 && next.chars().all(plain) && !next.contains("//");
    if ok {
        next.to_string()
    } else {
        "/admin".to_string()
    }
}

/// `?translate={id}&lang={code}` on a new-item form: the item to translate and the language of
/// the new version (an offered one, else 400).
pub fn translate_query(
    req: &HttpRequest,
    site: &crate::site::Site,
) -> Result<Option<(i32, Lang)>, AppError> {
    let pairs = super::query_pairs(req.query_string());
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim());
    let Some(raw) = get("translate") else {
        return Ok(None);
    };
    let id = raw.parse::<i32>().map_err(|_| AppError::NotFound)?;
    let lang = get("lang")
        .and_then(|code| site.language(code))
        .ok_or_else(|| AppError::BadRequest("language-choose".into()))?;
    Ok(Some((id, lang)))
}

/// A form's parse together with a new item's language fields (`lang`, `translation_of`); a form
/// without `lang` is in the site's default language. An edit keeps its language, so only a new
/// item's fields are checked. Every problem comes back at once, beside its field.
pub fn with_language<T>(
    parsed: Result<T, crate::forms::FieldErrors>,
    lang: &str,
    translation_of: &str,
    site: &crate::site::Site,
    is_new: bool,
) -> Result<(T, crate::models::ContentLang), crate::forms::FieldErrors> {
    let mut errors = crate::forms::FieldErrors::default();
    let lang = match lang.trim() {
        "" => site.default_lang.code(),
        code => code,
    };
    let version = crate::forms::content_lang(&mut errors, lang, translation_of, &site.languages);
    if !is_new {
        errors = crate::forms::FieldErrors::default();
    }
    match parsed {
        Ok(values) if errors.is_empty() => Ok((values, version)),
        Ok(_) => Err(errors),
        Err(mut problems) => {
            problems.merge(errors);
            Err(problems)
        }
    }
}

/// The form error of a new version whose group already has its language.
pub fn language_taken() -> crate::forms::FieldErrors {
    let mut errors = crate::forms::FieldErrors::default();
    errors.add("lang", "admin-version-language-taken");
    errors
}

#[cfg(test)]
mod tests {
    use super::{safe_next, session_alive};

    #[test]
    fn sessions_end_when_idle_or_old() {
        let now = 1_000_000;
        assert!(session_alive(now - 3600, now - 60, now, 8));
        assert!(!session_alive(now - 8 * 3600, now - 60, now, 8));
        assert!(!session_alive(now - 3600, now - 13 * 3600, now, 24));
        assert!(!session_alive(0, now, now, 8), "no sign-in time");
    }

    #[test]
    fn next_stays_local() {
        assert_eq!(
            safe_next("/admin/vacancies?status=draft"),
            "/admin/vacancies?status=draft"
        );
        assert_eq!(safe_next("//evil.example"), "/admin");
        assert_eq!(safe_next("https://evil.example"), "/admin");
        assert_eq!(safe_next("/\\evil.example"), "/admin");
        assert_eq!(safe_next(""), "/admin");
        assert_eq!(safe_next("/\t/evil.example/x"), "/admin");
        assert_eq!(safe_next("/admin/\u{1}x"), "/admin");
        assert_eq!(safe_next("/admin//evil.example"), "/admin");
        assert_eq!(safe_next("/vacancies"), "/admin");
        assert_eq!(safe_next("/admin?a=b"), "/admin?a=b");
    }
}
