//! Job alerts for the public: "email me new vacancies like these" (the form on the vacancy
//! list), the confirmation page (a button: mail scanners fetch links), the page that changes
//! the frequency or unsubscribes, and the RFC 8058 one-click unsubscribe that mail programs
//! POST. Nothing here is ever cached: the pages answer to private links.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{client_address, query_pairs, same_origin, AppState};
use crate::actions::alerts::{self, Subscribe, SubscribeOutcome};
use crate::domain::auth::looks_like_email;
use crate::domain::board::Filters;
use crate::error::{AppError, AppResult};
use crate::forms::{self, FieldErrors, FormBody};
use crate::i18n::Lang;
use crate::models::{AlertSubscription, Frequency};
use crate::stamp::{self, Purpose};
use crate::views::{self, Area, PageCtx};

/// The alert form as typed, kept when it comes back with errors.
pub struct AlertForm {
    pub email: String,
    pub frequency: String,
    pub errors: FieldErrors,
    /// A message about the form as a whole (its stamp), or "".
    pub problem: String,
}

impl Default for AlertForm {
    fn default() -> AlertForm {
        AlertForm {
            email: String::new(),
            frequency: Frequency::Daily.as_str().into(),
            errors: FieldErrors::default(),
            problem: String::new(),
        }
    }
}

/// The form again, with what is wrong.
#[derive(Template)]
#[template(path = "alerts/form.html")]
struct FormPage {
    ctx: PageCtx,
    alert_form: AlertForm,
    alert_query: String,
    alert_stamp: String,
}

#[derive(Template)]
#[template(path = "alerts/sent.html")]
struct SentPage {
    ctx: PageCtx,
    list_path: String,
}

/// The confirmation page (`confirmed`: after the button) and the manage page.
#[derive(Template)]
#[template(path = "alerts/subscription.html")]
struct SubscriptionPage {
    ctx: PageCtx,
    view: View,
    token: String,
    list_path: String,
    frequency: String,
    confirmed: bool,
    saved: bool,
}

#[derive(PartialEq, Eq)]
enum View {
    Confirm,
    Confirmed,
    Manage,
    Unsubscribed,
}

fn list_path(lang: Lang, query: &str) -> String {
    match query {
        "" => format!("/{lang}/vacancies"),
        q => format!("/{lang}/vacancies?{q}"),
    }
}

/// Never cached anywhere, and the token in the address is not passed on to other sites.
fn private(mut response: HttpResponse) -> HttpResponse {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

fn render<T: Template>(status: StatusCode, page: &T) -> AppResult<HttpResponse> {
    views::render(status, page).map(private)
}

fn ctx(state: &AppState, session: &actix_session::Session, lang: Lang) -> PageCtx {
    PageCtx::public(&state.site, session, Area::Vacancies, lang)
}

/// Reads the form; the saved search is the list's own canonical query string.
fn read_form(form: &FormBody, state: &AppState) -> (AlertForm, String) {
    let slugs: Vec<&str> = state.categories.iter().map(|c| c.slug.as_str()).collect();
    let filters = Filters::from_pairs(&query_pairs(form.get("query")), &slugs);
    let mut errors = FieldErrors::default();
    let email = forms::text(&mut errors, "email", form.get("email"), true, 254).to_lowercase();
    if !email.is_empty() && !errors.has("email") && !looks_like_email(&email) {
        errors.add("email", "email-invalid");
    }
    let frequency = form.get("frequency").trim().to_string();
    if Frequency::parse(&frequency).is_none() {
        errors.add("frequency", "alert-frequency-invalid");
    }
    let problem = match stamp::check(
        &state.signer,
        Purpose::Alert,
        form.get(stamp::FIELD),
        crate::clock::unix_now(),
        state.spam.min_fill_seconds,
    ) {
        stamp::Check::Fine => "",
        stamp::Check::TooFast => "alert-too-fast",
        stamp::Check::Invalid | stamp::Check::Expired => "alert-expired",
    };
    let typed = AlertForm {
        email,
        frequency,
        errors,
        problem: problem.into(),
    };
    (typed, alerts::saved_query(&filters))
}

/// `POST /{lang}/alerts`: the answer is "check your mail" whether or not the address is known.
pub async fn subscribe(
    lang: Lang,
    req: HttpRequest,
    form: FormBody,
    state: web::Data<AppState>,
    session: actix_session::Session,
) -> AppResult<HttpResponse> {
    if !same_origin(&req, &state.site) {
        return Err(AppError::Csrf);
    }
    let (typed, query) = read_form(&form, &state);
    if !typed.errors.is_empty() || !typed.problem.is_empty() {
        let page = FormPage {
            ctx: ctx(&state, &session, lang),
            alert_form: typed,
            alert_query: query,
            alert_stamp: stamp::issue(&state.signer, Purpose::Alert, crate::clock::unix_now()),
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let request = Subscribe {
        email: typed.email,
        lang,
        frequency: Frequency::parse(&typed.frequency).unwrap_or(Frequency::Daily),
        query: query.clone(),
        client_address: client_address(&req, &state.site),
        stamp: form.get(stamp::FIELD).to_string(),
    };
    let site = state.site.clone();
    let outcome = state
        .run(move |conn| alerts::subscribe(conn, &site, request))
        .await?;
    match outcome {
        SubscribeOutcome::RateLimited => {
            Err(AppError::TooManyRequests("alert-rate-limited".into()))
        }
        SubscribeOutcome::CheckMail => {
            let page = SentPage {
                ctx: ctx(&state, &session, lang),
                list_path: list_path(lang, &query),
            };
            render(StatusCode::OK, &page)
        }
    }
}

fn subscription_page(
    ctx: PageCtx,
    view: View,
    token: String,
    subscription: &AlertSubscription,
) -> SubscriptionPage {
    SubscriptionPage {
        list_path: list_path(ctx.lang, &subscription.query),
        ctx,
        view,
        token,
        frequency: subscription.frequency().as_str().into(),
        confirmed: subscription.is_confirmed(),
        saved: false,
    }
}

/// `GET /{lang}/alerts/confirm/{token}`: says what is confirmed and shows the button; a GET
/// confirms nothing (mail scanners open links).
pub async fn confirm_page(
    lang: Lang,
    path: web::Path<String>,
    state: web::Data<AppState>,
    session: actix_session::Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let subscription = state
        .run(move |conn| alerts::by_confirm_token(conn, &lookup))
        .await?;
    let view = match subscription.is_confirmed() {
        true => View::Confirmed,
        false => View::Confirm,
    };
    let page = subscription_page(ctx(&state, &session, lang), view, token, &subscription);
    render(StatusCode::OK, &page)
}

/// `POST /{lang}/alerts/confirm/{token}`: the button.
pub async fn confirm(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
    session: actix_session::Session,
) -> AppResult<HttpResponse> {
    if !same_origin(&req, &state.site) {
        return Err(AppError::Csrf);
    }
    let token = path.into_inner();
    let lookup = token.clone();
    let subscription = state
        .run(move |conn| alerts::confirm(conn, &lookup))
        .await?;
    let page = subscription_page(
        ctx(&state, &session, lang),
        View::Confirmed,
        token,
        &subscription,
    );
    render(StatusCode::OK, &page)
}

/// `GET /{lang}/alerts/manage/{token}` (and the unsubscribe address, for a person who opens
/// it): the frequency and the unsubscribe button.
pub async fn manage(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
    session: actix_session::Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let lookup = token.clone();
    let subscription = state
        .run(move |conn| alerts::by_manage_token(conn, &lookup))
        .await?;
    let mut page = subscription_page(
        ctx(&state, &session, lang),
        View::Manage,
        token,
        &subscription,
    );
    page.saved = query_pairs(req.query_string())
        .iter()
        .any(|(k, v)| k == "saved" && v == "1");
    render(StatusCode::OK, &page)
}

/// `POST /{lang}/alerts/manage/{token}`: `action=save` with a frequency, or `action=unsubscribe`.
pub async fn update(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    form: FormBody,
    state: web::Data<AppState>,
    session: actix_session::Session,
) -> AppResult<HttpResponse> {
    if !same_origin(&req, &state.site) {
        return Err(AppError::Csrf);
    }
    let token = path.into_inner();
    if form.get("action") == "unsubscribe" {
        return unsubscribed(lang, token, &state, &session).await;
    }
    let frequency = Frequency::parse(form.get("frequency"))
        .ok_or_else(|| AppError::BadRequest("alert-frequency-invalid".into()))?;
    let lookup = token.clone();
    state
        .run(move |conn| alerts::set_frequency(conn, &lookup, frequency))
        .await?;
    Ok(private(views::redirect(&format!(
        "/{lang}/alerts/manage/{token}?saved=1"
    ))))
}

async fn unsubscribed(
    lang: Lang,
    token: String,
    state: &AppState,
    session: &actix_session::Session,
) -> AppResult<HttpResponse> {
    let lookup = token.clone();
    state
        .run(move |conn| alerts::unsubscribe(conn, &lookup))
        .await?;
    let page = SubscriptionPage {
        ctx: ctx(state, session, lang),
        view: View::Unsubscribed,
        token,
        list_path: format!("/{lang}/vacancies"),
        frequency: String::new(),
        confirmed: false,
        saved: false,
    };
    render(StatusCode::OK, &page)
}

/// `POST /{lang}/alerts/unsubscribe/{token}`: RFC 8058 one-click. Mail providers send it from
/// their servers, without a stamp or our `Origin` (the start-up checks let this one address
/// through); the token is the credential. Unsubscribes at once; the same answer when the token
/// opens nothing (unsubscribed before).
pub async fn unsubscribe(
    lang: Lang,
    path: web::Path<String>,
    state: web::Data<AppState>,
    session: actix_session::Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    unsubscribed(lang, token, &state, &session).await
}
