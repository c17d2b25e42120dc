//! Candidates: the apply POST (multipart, with the CV), the confirmation, and the private
//! receipt page behind an unguessable token, where an application can be withdrawn or erased.
//!
//! The apply form has no session, so instead of the admin CSRF token it carries a signed stamp
//! (`domain::applications::stamp`: the time it was shown, signed for this vacancy with the
//! site's `Signer`). Together with the same-origin check on `Origin` / `Sec-Fetch-Site`, a forged
//! cross-site post is refused; the stamp's age is also the minimum fill time (`MIN_FILL_SECONDS`). Withdraw and
//! erase need no stamp: the receipt token in their URL is the secret, and they pass the same
//! same-origin check.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::Connection;
use futures_util::StreamExt;
use std::sync::Arc;
use time::Duration;

use super::vacancies::ShowPage;
use super::AppState;
use crate::db;
use crate::domain::applications::{self as rules, human_size};
use crate::domain::spam;
use crate::error::{AppError, AppResult};
use crate::forms::application::{ApplyForm, Upload};
use crate::forms::{FieldErrors, FormBody};
use crate::mail::{ApplicationMail, Mailer};
use crate::messages as m;
use crate::models::{Application, NewApplication, VacancyStatus};
use crate::signing::Signer;
use crate::stamp::{self, Purpose};
use crate::tokens;
use crate::views::{self, PageCtx};

/// Room for the text fields and multipart framing on top of the CV itself.
const FORM_OVERHEAD: usize = 64 * 1024;
/// Largest single text part (the cover letter is at most 5,000 characters).
const TEXT_PART_MAX: usize = 32 * 1024;
pub const ENTITY: &str = "application";

/// Settings of the apply flow, shared by every worker.
pub struct ApplySettings {
    pub max_cv_bytes: usize,
    pub min_seconds: i64,
    pub per_hour: i64,
    pub retention_days: u32,
    pub mailer: Arc<Mailer>,
}

impl ApplySettings {
    pub fn new(config: &crate::config::Config, mailer: Mailer) -> ApplySettings {
        ApplySettings {
            max_cv_bytes: config.applications.max_cv_bytes,
            min_seconds: i64::try_from(config.min_fill_seconds).unwrap_or(i64::MAX),
            per_hour: config.applications.apply_per_hour,
            retention_days: config.applications.retention_days,
            mailer: Arc::new(mailer),
        }
    }

    /// A blank form for a vacancy, stamped now.
    pub fn fresh_view(&self, signer: &Signer, vacancy_id: i32) -> ApplyView {
        ApplyView {
            stamp: stamp::issue(
                signer,
                Purpose::Apply { vacancy_id },
                crate::clock::unix_now(),
            ),
            max_size: human_size(self.max_cv_bytes as u64),
            retention_days: self.retention_days,
            ..ApplyView::default()
        }
    }
}

/// The apply form as the vacancy page shows it.
#[derive(Debug, Clone, Default)]
pub struct ApplyView {
    pub form: ApplyForm,
    pub errors: FieldErrors,
    pub stamp: String,
    /// A message about the whole form (too quick, expired).
    pub notice: String,
    pub max_size: String,
    pub retention_days: u32,
    /// Shown again after a problem: the file has to be chosen again.
    pub resubmitted: bool,
}

/// Accepts a state-changing public request only from this site's own pages.
fn same_origin(req: &HttpRequest, site: &crate::site::Site) -> AppResult<()> {
    if super::same_origin(req, site) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

/// Candidates' pages hold personal data: never cached, never indexed, never leaked by Referer.
fn private(mut response: HttpResponse) -> HttpResponse {
    let h = response.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    h.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::HeaderName::from_static("x-robots-tag"),
        header::HeaderValue::from_static("noindex"),
    );
    response
}

fn too_large() -> AppError {
    AppError::PayloadTooLarge(m::APPLY_TOO_LARGE.into())
}

/// A page with a heading, a message and a way on: duplicates and closed vacancies.
fn notice_page(
    site: &crate::site::Site,
    status: StatusCode,
    title: &str,
    message: &str,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::for_error(site);
    Ok(private(views::error::notice(ctx, status, title, message)))
}

/// What came in the multipart body.
#[derive(Default)]
struct Received {
    form: ApplyForm,
    stamp: String,
    honeypot: String,
    cv: Option<Upload>,
}

async fn read_parts(mut multipart: Multipart, max_cv_bytes: usize) -> AppResult<Received> {
    let unreadable = |e: actix_multipart::MultipartError| {
        AppError::BadRequest(format!("The form could not be read: {e}"))
    };
    let mut received = Received::default();
    let mut total = 0usize;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(unreadable)?;
        let name = field.name().unwrap_or("").to_string();
        let is_cv = name == "cv";
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .unwrap_or("")
            .to_string();
        let limit = if is_cv { max_cv_bytes } else { TEXT_PART_MAX };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            total += chunk.len();
            // Counted while streaming too: a body without Content-Length stops here.
            if bytes.len() + chunk.len() > limit || total > max_cv_bytes + FORM_OVERHEAD {
                return Err(if is_cv {
                    too_large()
                } else {
                    AppError::BadRequest("A form field is far too long.".into())
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_cv {
            // A browser sends an empty part when no file was chosen.
            if !(bytes.is_empty() && file_name.is_empty()) {
                received.cv = Some(Upload { file_name, bytes });
            }
            continue;
        }
        let value = String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            stamp::FIELD => received.stamp = value,
            spam::HONEYPOT_FIELD => received.honeypot = value,
            _ => received.form.set(&name, value),
        }
    }
    Ok(received)
}

enum Outcome {
    Stored(i32),
    Duplicate,
    RateLimited,
}

pub async fn apply(
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    same_origin(&req, &state.site)?;
    // Refuse an announced oversize body before reading any of it.
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > settings.max_cv_bytes + FORM_OVERHEAD) {
        return Err(too_large());
    }
    let slug = path.into_inner();
    let now = crate::clock::now();
    let (detail, related) = state
        .run(move |conn| {
            let detail = db::vacancies::by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            if detail.vacancy.status() == VacancyStatus::Draft {
                return Err(AppError::NotFound);
            }
            let related = if detail.vacancy.is_open(now) {
                db::vacancies::related(conn, &detail, now, 4)?
            } else {
                Vec::new()
            };
            Ok((detail, related))
        })
        .await?;
    if !detail.vacancy.is_open(now) {
        return notice_page(
            &state.site,
            StatusCode::GONE,
            m::APPLY_CLOSED_TITLE,
            m::APPLY_CLOSED_TEXT,
        );
    }
    let vacancy_id = detail.vacancy.id;
    let multipart = Multipart::new(req.headers(), payload);
    let received = read_parts(multipart, settings.max_cv_bytes).await?;
    if !received.honeypot.trim().is_empty() {
        log::info!("application refused: honeypot filled");
        return Err(AppError::BadRequest(m::APPLY_REJECTED.into()));
    }

    // Shows the form again with what was typed, a fresh stamp and the messages.
    let again = |form: ApplyForm, errors: FieldErrors, notice: &str, detail, related| {
        let canonical = state
            .site
            .absolute(&format!("/vacancies/{}", detail_slug(&detail)));
        let ctx = PageCtx::public(&state.site, &session, "vacancies").with_canonical(canonical);
        let mut page = ShowPage::build(ctx, detail, &state.site, related, false);
        page.apply = ApplyView {
            form,
            errors,
            notice: notice.to_string(),
            resubmitted: true,
            ..settings.fresh_view(&state.signer, vacancy_id)
        };
        Ok(private(views::render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page,
        )?))
    };

    let purpose = Purpose::Apply { vacancy_id };
    let now_secs = crate::clock::unix_now();
    let notice = match stamp::check(
        &state.signer,
        purpose,
        &received.stamp,
        now_secs,
        settings.min_seconds,
    ) {
        stamp::Check::Invalid => return Err(AppError::Csrf),
        stamp::Check::TooFast => m::APPLY_TOO_FAST,
        stamp::Check::Expired => m::APPLY_STALE,
        stamp::Check::Fine => "",
    };
    if !notice.is_empty() {
        return again(
            received.form,
            FieldErrors::default(),
            notice,
            detail,
            related,
        );
    }
    let submission = match received
        .form
        .parse(received.cv.as_ref(), settings.max_cv_bytes)
    {
        Ok(s) => s,
        Err(errors) => return again(received.form, errors, "", detail, related),
    };

    let token = tokens::random_token();
    let token_hash = tokens::token_hash(&token);
    let address = super::client_address(&req, &state.site);
    let per_hour = settings.per_hour;
    let email = submission.email.clone();
    let candidate_email = submission.email.clone();
    let candidate_name = submission.full_name.clone();
    let new = NewApplication {
        vacancy_id,
        token_hash,
        full_name: submission.full_name,
        email: submission.email,
        phone: submission.phone,
        linkedin_url: submission.linkedin_url,
        github_url: submission.github_url,
        portfolio_url: submission.portfolio_url,
        cover_letter: submission.cover_letter,
        cv_name: submission.cv_name,
        cv_type: submission.cv_kind.mime().to_string(),
        cv_size: submission.cv_data.len() as i32,
        cv_data: submission.cv_data,
        status: rules::Stage::New.as_str().to_string(),
        client_address: address.clone(),
        created_at: now,
        updated_at: now,
    };
    let outcome = state
        .run(move |conn| {
            conn.transaction(|conn| {
                db::applications::lock_vacancy(conn, vacancy_id)?;
                let recent = db::applications::count_from_address_since(
                    conn,
                    &address,
                    now - Duration::hours(1),
                )?;
                if recent >= per_hour {
                    return Ok(Outcome::RateLimited);
                }
                if db::applications::recent_from(
                    conn,
                    vacancy_id,
                    &email,
                    now - Duration::hours(24),
                )?
                .is_some()
                {
                    return Ok(Outcome::Duplicate);
                }
                let id = db::applications::insert(conn, &new)?;
                let change = db::audit::FieldChange {
                    field: "status".into(),
                    from: String::new(),
                    to: rules::Stage::New.as_str().into(),
                };
                db::audit::record(conn, None, ENTITY, id, "apply", &[change])?;
                Ok(Outcome::Stored(id))
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    let id = match outcome {
        Outcome::RateLimited => {
            return Err(AppError::TooManyRequests(m::APPLY_RATE_LIMITED.into()))
        }
        Outcome::Duplicate => {
            return notice_page(
                &state.site,
                StatusCode::CONFLICT,
                m::APPLY_DUPLICATE_TITLE,
                m::APPLY_DUPLICATE_TEXT,
            )
        }
        Outcome::Stored(id) => id,
    };

    let receipt_path = format!("/applications/{token}");
    let mail = ApplicationMail {
        org_name: state.site.org_name.clone(),
        candidate_name: candidate_name.clone(),
        candidate_email: candidate_email.clone(),
        vacancy_title: detail.vacancy.title.clone(),
        receipt_url: state.site.absolute(&receipt_path),
        admin_url: state.site.absolute(&format!("/admin/applications/{id}")),
        retention_days: settings.retention_days,
    };
    let mailer = settings.mailer.clone();
    // Sent in the background: a slow or broken mail server must not hold up the candidate.
    actix_web::rt::spawn(async move { mailer.application_received(mail).await });
    let page = ConfirmationPage {
        ctx: PageCtx::public(&state.site, &session, "vacancies"),
        vacancy_title: detail.vacancy.title,
        vacancy_slug: detail.vacancy.slug,
        receipt_url: state.site.absolute(&receipt_path),
        receipt_path,
        candidate_email,
        retention_days: settings.retention_days,
    };
    Ok(private(views::ok(&page)?))
}

#[derive(Template)]
#[template(path = "applications/confirmation.html")]
struct ConfirmationPage {
    ctx: PageCtx,
    vacancy_title: String,
    vacancy_slug: String,
    receipt_path: String,
    receipt_url: String,
    candidate_email: String,
    retention_days: u32,
}

fn detail_slug(detail: &crate::models::VacancyDetail) -> String {
    detail.vacancy.slug.clone()
}

#[derive(Template)]
#[template(path = "applications/receipt.html")]
struct ReceiptPage {
    ctx: PageCtx,
    token: String,
    application: Application,
    vacancy_title: String,
    vacancy_slug: String,
    error: String,
    retention_days: u32,
}

impl ReceiptPage {
    fn when(&self, t: &time::PrimitiveDateTime) -> String {
        crate::domain::timefmt::human(*t)
    }
}

/// The application behind a token; anything else (malformed, unknown, erased) is a plain 404.
async fn by_token(state: &AppState, token: &str) -> AppResult<(Application, String, String)> {
    if !tokens::looks_like_token(token) {
        return Err(AppError::NotFound);
    }
    let hash = tokens::token_hash(token);
    state
        .run(move |conn| db::applications::by_token_hash(conn, &hash)?.ok_or(AppError::NotFound))
        .await
}

fn receipt_page(
    state: &AppState,
    settings: &ApplySettings,
    session: &Session,
    token: String,
    found: (Application, String, String),
    error: &str,
) -> ReceiptPage {
    let (application, vacancy_title, vacancy_slug) = found;
    ReceiptPage {
        ctx: PageCtx::public(&state.site, session, "vacancies"),
        token,
        application,
        vacancy_title,
        vacancy_slug,
        error: error.to_string(),
        retention_days: settings.retention_days,
    }
}

pub async fn receipt(
    path: web::Path<String>,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    // The same plain 404 for a malformed, unknown or erased token.
    let found = by_token(&state, &token).await?;
    let page = receipt_page(&state, &settings, &session, token, found, "");
    Ok(private(views::ok(&page)?))
}

pub async fn withdraw(
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    same_origin(&req, &state.site)?;
    let token = path.into_inner();
    let (application, _, _) = by_token(&state, &token).await?;
    let from = application.stage();
    if from.is_active() {
        let id = application.id;
        state
            .run(move |conn| {
                conn.transaction(|conn| {
                    db::applications::set_status(conn, id, rules::Stage::Withdrawn)?;
                    let change = db::audit::FieldChange {
                        field: "status".into(),
                        from: from.as_str().into(),
                        to: rules::Stage::Withdrawn.as_str().into(),
                    };
                    db::audit::record(conn, None, ENTITY, id, "withdraw", &[change])
                })
                .map_err(AppError::from)
            })
            .await?;
    }
    Ok(private(views::redirect(&format!("/applications/{token}"))))
}

#[derive(Template)]
#[template(path = "applications/erased.html")]
struct ErasedPage {
    ctx: PageCtx,
}

pub async fn erase(
    req: HttpRequest,
    path: web::Path<String>,
    form: FormBody,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    same_origin(&req, &state.site)?;
    let token = path.into_inner();
    let found = by_token(&state, &token).await?;
    let confirmed = form.get("confirm") == "yes";
    if !confirmed {
        let page = receipt_page(&state, &settings, &session, token, found, m::ERASE_CONFIRM);
        return Ok(private(views::render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page,
        )?));
    }
    let id = found.0.id;
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                db::applications::erase(conn, id)?;
                // Only the id stays, so the history shows that something was erased, not what.
                db::audit::record(conn, None, ENTITY, id, "erase", &[])
            })
            .map_err(AppError::from)
        })
        .await?;
    let page = ErasedPage {
        ctx: PageCtx::public(&state.site, &session, "vacancies"),
    };
    Ok(private(views::ok(&page)?))
}
