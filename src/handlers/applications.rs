//! Candidates: the apply POST (multipart, with the CV), the confirmation, and the private
//! receipt page behind an unguessable token, where an application can be withdrawn or erased.
//!
//! The apply form has no session, so instead of the admin CSRF token it carries a signed stamp
//! (`crate::stamp`: the time it was shown, signed for this vacancy with the site's `Signer`).
//! Together with the same-origin check on `Origin` / `Sec-Fetch-Site`, a forged cross-site post
//! is refused; the stamp's age is also the minimum fill time (`MIN_FILL_SECONDS`). Withdraw and
//! erase need no stamp: the receipt token in their URL is the secret, and they pass the same
//! same-origin check.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use futures_util::StreamExt;

use super::AppState;
use crate::actions::applications::{self as act, ApplyOutcome, Candidacy};
use crate::actions::Actor;
use crate::db::{self, DbConn};
use crate::domain::{referral, spam};
use crate::error::{AppError, AppResult};
use crate::forms::application::{ApplyForm, Upload};
use crate::forms::{FieldErrors, FormBody};
use crate::i18n::Lang;
use crate::mail::ApplicationMail;
use crate::messages as m;
use crate::models::{Application, Category, Submission, Vacancy, VacancyDetail, VacancyStatus};
use crate::stamp::{self, Purpose};
use crate::tokens;
use crate::views::vacancy::{ApplySettings, ApplyView, ShowPage};
use crate::views::{self, Area, PageCtx};

/// Room for the text fields and multipart framing on top of the CV itself.
const FORM_OVERHEAD: usize = 64 * 1024;
/// Largest single text part (the cover letter is at most 5,000 characters).
const TEXT_PART_MAX: usize = 32 * 1024;

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
    lang: Lang,
    status: StatusCode,
    title: &str,
    message: &str,
) -> AppResult<HttpResponse> {
    let ctx = PageCtx::for_error(site, lang);
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
    let unreadable = |e: actix_multipart::MultipartError| match &e {
        actix_multipart::MultipartError::Payload(p) => {
            match AppError::from_payload(p, "The form could not be read") {
                AppError::PayloadTooLarge(_) => too_large(),
                other => other,
            }
        }
        _ => AppError::BadRequest(format!("The form could not be read: {e}")),
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
        if crate::forms::has_refused_control(&file_name) {
            return Err(AppError::BadRequest(m::CONTROL_CHARACTER.into()));
        }
        if is_cv {
            // A browser sends an empty part when no file was chosen.
            if !(bytes.is_empty() && file_name.is_empty()) {
                received.cv = Some(Upload { file_name, bytes });
            }
            continue;
        }
        let value = String::from_utf8_lossy(&bytes).into_owned();
        if crate::forms::has_refused_control(&value) {
            return Err(AppError::BadRequest(m::CONTROL_CHARACTER.into()));
        }
        match name.as_str() {
            stamp::FIELD => received.stamp = value,
            spam::HONEYPOT_FIELD => received.honeypot = value,
            _ => received.form.set(&name, value),
        }
    }
    Ok(received)
}

/// The vacancy an application is for, with the related vacancies its page shows when the form
/// comes back with a problem. Drafts do not exist for the public.
fn vacancy_to_apply(
    conn: &mut DbConn,
    slug: &str,
    now: time::PrimitiveDateTime,
) -> AppResult<Shown> {
    let detail = db::vacancies::by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    if detail.vacancy.status() == VacancyStatus::Draft {
        return Err(AppError::NotFound);
    }
    let related = if detail.vacancy.is_open(now) {
        let skill_ids: Vec<i32> = detail.skills.iter().map(|s| s.id).collect();
        let (category, id) = (Some(detail.category.id), Some(detail.vacancy.id));
        db::board::sharing_skills(conn, &skill_ids, category, id, &detail.vacancy.lang, 4)?
    } else {
        Vec::new()
    };
    Ok(Shown {
        detail,
        related,
        saved: Vec::new(),
    })
}

/// The vacancy page the form is shown on again when something is wrong.
struct Shown {
    detail: VacancyDetail,
    related: Vec<(Vacancy, Category)>,
    /// The visitor's saved vacancies, for the page's "Save" buttons.
    saved: Vec<i32>,
}

/// Refuses an announced oversize body before reading any of it.
fn refuse_announced_oversize(req: &HttpRequest, max_cv_bytes: usize) -> AppResult<()> {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > max_cv_bytes + FORM_OVERHEAD) {
        return Err(too_large());
    }
    Ok(())
}

/// Why the form goes back to the candidate instead of being stored.
enum Problem {
    /// About the whole form: sent too quickly, or shown too long ago.
    Notice(&'static str),
    Fields(FieldErrors),
}

/// Checks the honeypot, the stamp and the fields. A filled honeypot or a forged stamp is an
/// error; a quick or stale form and field mistakes send the form back.
fn check(
    state: &AppState,
    settings: &ApplySettings,
    vacancy_id: i32,
    received: &Received,
) -> AppResult<Result<Submission, Problem>> {
    if !received.honeypot.trim().is_empty() {
        log::info!("application refused: honeypot filled");
        return Err(AppError::BadRequest(m::APPLY_REJECTED.into()));
    }
    let notice = match stamp::check(
        &state.signer,
        Purpose::Apply { vacancy_id },
        &received.stamp,
        crate::clock::unix_now(),
        settings.min_seconds,
    ) {
        stamp::Check::Invalid => return Err(AppError::Csrf),
        stamp::Check::TooFast => m::APPLY_TOO_FAST,
        stamp::Check::Expired => m::APPLY_STALE,
        stamp::Check::Fine => "",
    };
    if !notice.is_empty() {
        return Ok(Err(Problem::Notice(notice)));
    }
    Ok(received
        .form
        .parse(received.cv.as_ref(), settings.max_cv_bytes)
        .map_err(Problem::Fields))
}

/// Shows the form again with what was typed, a fresh stamp and the messages.
fn form_again(
    state: &AppState,
    settings: &ApplySettings,
    session: &Session,
    lang: Lang,
    shown: Shown,
    form: ApplyForm,
    problem: Problem,
) -> AppResult<HttpResponse> {
    let vacancy_id = shown.detail.vacancy.id;
    let vacancy = &shown.detail.vacancy;
    let canonical = state
        .site
        .absolute(&format!("/{}/vacancies/{}", vacancy.lang, vacancy.slug));
    let here = format!("/vacancies/{}", vacancy.slug);
    let ctx = PageCtx::public(&state.site, session, Area::Vacancies, lang)
        .with_canonical(canonical)
        .mirrored(&state.site, &here)
        .with_shortlist(shown.saved, format!("/{lang}{here}"));
    let mut page = ShowPage::build(ctx, shown.detail, &state.site, shown.related, false);
    let (errors, notice) = match problem {
        Problem::Notice(notice) => (FieldErrors::default(), notice),
        Problem::Fields(errors) => (errors, ""),
    };
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
}

fn closed_notice(site: &crate::site::Site, lang: Lang) -> AppResult<HttpResponse> {
    notice_page(
        site,
        lang,
        StatusCode::GONE,
        m::APPLY_CLOSED_TITLE,
        m::APPLY_CLOSED_TEXT,
    )
}

/// Who applies (for the mails) and what is stored.
fn candidacy(
    req: &HttpRequest,
    site: &crate::site::Site,
    vacancy_id: i32,
    submission: Submission,
) -> (Candidate, Candidacy) {
    let candidate = Candidate {
        name: submission.full_name.clone(),
        email: submission.email.clone(),
    };
    let candidacy = Candidacy {
        vacancy_id,
        submission,
        client_address: super::client_address(req, site),
        // Checked again: the cookie comes from the visitor like everything else.
        source: req
            .cookie(referral::COOKIE)
            .and_then(|c| referral::clean(c.value())),
    };
    (candidate, candidacy)
}

pub async fn apply(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    payload: web::Payload,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    same_origin(&req, &state.site)?;
    refuse_announced_oversize(&req, settings.max_cv_bytes)?;
    let slug = path.into_inner();
    let now = crate::clock::now();
    let mut shown = state
        .run(move |conn| vacancy_to_apply(conn, &slug, now))
        .await?;
    shown.saved = super::saved::saved_ids(&req, &state);
    if !shown.detail.vacancy.is_open(now) {
        return closed_notice(&state.site, lang);
    }
    let vacancy_id = shown.detail.vacancy.id;
    // Each upload is held in memory while it is read: a bounded number at once.
    let Some(_slot) = settings.upload_slot() else {
        return Err(AppError::Unavailable);
    };
    let received = read_parts(
        Multipart::new(req.headers(), payload),
        settings.max_cv_bytes,
    )
    .await?;
    let submission = match check(&state, &settings, vacancy_id, &received)? {
        Ok(submission) => submission,
        Err(problem) => {
            return form_again(
                &state,
                &settings,
                &session,
                lang,
                shown,
                received.form,
                problem,
            )
        }
    };
    let (candidate, candidacy) = candidacy(&req, &state.site, vacancy_id, submission);
    let vacancy = &shown.detail.vacancy;
    let outcome = store(&state, &settings, lang, vacancy, &candidate, candidacy, now).await?;
    let stored = matches!(outcome, ApplyOutcome::Stored { .. });
    let vacancy = shown.detail.vacancy;
    let mut response = answer(
        &state, &settings, &session, lang, vacancy, candidate, outcome,
    )?;
    if stored {
        super::saved::remember_applied(&req, &state, vacancy_id, &mut response)?;
    }
    Ok(response)
}

/// The candidate's answer to a checked application: the confirmation, or why it was not stored.
fn answer(
    state: &AppState,
    settings: &ApplySettings,
    session: &Session,
    lang: Lang,
    vacancy: Vacancy,
    candidate: Candidate,
    outcome: ApplyOutcome,
) -> AppResult<HttpResponse> {
    match outcome {
        ApplyOutcome::RateLimited => Err(AppError::TooManyRequests(m::APPLY_RATE_LIMITED.into())),
        ApplyOutcome::Duplicate => notice_page(
            &state.site,
            lang,
            StatusCode::CONFLICT,
            m::APPLY_DUPLICATE_TITLE,
            m::APPLY_DUPLICATE_TEXT,
        ),
        ApplyOutcome::Stored {
            token, mail_ids, ..
        } => {
            let receipt = Receipt {
                token,
                candidate,
                mail_ids,
            };
            confirmed(state, settings, session, lang, vacancy, receipt)
        }
    }
}

/// Who applied, for the mail and the confirmation.
struct Candidate {
    name: String,
    email: String,
}

/// A stored application: its receipt token, who sent it and the mails queued with it.
struct Receipt {
    token: String,
    candidate: Candidate,
    mail_ids: Vec<i32>,
}

/// Stores the application and its mails, in one transaction.
async fn store(
    state: &AppState,
    settings: &ApplySettings,
    lang: Lang,
    vacancy: &Vacancy,
    candidate: &Candidate,
    candidacy: Candidacy,
    now: time::PrimitiveDateTime,
) -> AppResult<ApplyOutcome> {
    let compose = mail_composer(state, settings, lang, vacancy, candidate);
    let per_hour = settings.per_hour;
    state
        .run(move |conn| {
            act::apply_and_mail(conn, Actor::Visitor, candidacy, per_hour, now, &compose)
        })
        .await
}

/// Makes the receipt and the recruiters' notice of an application once the action knows its
/// id, receipt token and whether the receipt may go out; they go to the outbox with it.
fn mail_composer(
    state: &AppState,
    settings: &ApplySettings,
    lang: Lang,
    vacancy: &Vacancy,
    candidate: &Candidate,
) -> impl Fn(i32, &str, bool) -> AppResult<Vec<crate::models::NewOutboxMail>> + Send + 'static {
    let site = state.site.clone();
    let mailer = settings.mailer.clone();
    let retention_days = settings.retention_days;
    let (vacancy_title, name, email) = (
        vacancy.title.clone(),
        candidate.name.clone(),
        candidate.email.clone(),
    );
    move |id, token, send_receipt| {
        let mail = ApplicationMail {
            org_name: site.org_name.clone(),
            candidate_name: name.clone(),
            candidate_email: email.clone(),
            send_receipt,
            vacancy_title: vacancy_title.clone(),
            receipt_url: site.absolute(&format!("/{lang}/applications/{token}")),
            admin_url: site.absolute(&format!("/admin/applications/{id}")),
            retention_days,
            lang,
        };
        mailer
            .application_outbox(&mail, crate::clock::now())
            .map_err(AppError::Internal)
    }
}

/// Tells the recruiters and shows the candidate the private link to their application.
fn confirmed(
    state: &AppState,
    settings: &ApplySettings,
    session: &Session,
    lang: Lang,
    vacancy: Vacancy,
    receipt: Receipt,
) -> AppResult<HttpResponse> {
    let receipt_path = format!("/{lang}/applications/{}", receipt.token);
    // The mails are in the outbox; sent now in the background (a slow or broken mail server
    // must not hold up the candidate), else by the outbox job. It logs as part of this
    // request (its request id), though it ends after it.
    let send = crate::jobs::send_now(
        state.pool.clone(),
        settings.mailer.clone(),
        receipt.mail_ids,
    );
    actix_web::rt::spawn(crate::logging::carry(send));
    let page = ConfirmationPage {
        ctx: PageCtx::public(&state.site, session, Area::Vacancies, lang),
        vacancy_title: vacancy.title,
        vacancy_slug: vacancy.slug,
        receipt_url: state.site.absolute(&receipt_path),
        receipt_path,
        candidate_email: receipt.candidate.email,
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

/// The hash a receipt token is stored under; a malformed token is the same plain 404 as an
/// unknown or erased one.
fn token_hash(token: &str) -> AppResult<String> {
    if tokens::looks_like_token(token) {
        Ok(tokens::token_hash(token))
    } else {
        Err(AppError::NotFound)
    }
}

/// The application behind a token; anything else (malformed, unknown, erased) is a plain 404.
async fn by_token(state: &AppState, token: &str) -> AppResult<(Application, String, String)> {
    let hash = token_hash(token)?;
    state
        .run(move |conn| db::applications::by_token_hash(conn, &hash)?.ok_or(AppError::NotFound))
        .await
}

fn receipt_page(
    state: &AppState,
    settings: &ApplySettings,
    session: &Session,
    lang: Lang,
    token: String,
    found: (Application, String, String),
    error: &str,
) -> ReceiptPage {
    let (application, vacancy_title, vacancy_slug) = found;
    ReceiptPage {
        ctx: PageCtx::public(&state.site, session, Area::Vacancies, lang),
        token,
        application,
        vacancy_title,
        vacancy_slug,
        error: error.to_string(),
        retention_days: settings.retention_days,
    }
}

pub async fn receipt(
    lang: Lang,
    path: web::Path<String>,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    // The same plain 404 for a malformed, unknown or erased token.
    let found = by_token(&state, &token).await?;
    let page = receipt_page(&state, &settings, &session, lang, token, found, "");
    Ok(private(views::ok(&page)?))
}

pub async fn withdraw(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    same_origin(&req, &state.site)?;
    let token = path.into_inner();
    let hash = token_hash(&token)?;
    state
        .run(move |conn| act::withdraw(conn, Actor::Visitor, &hash))
        .await?;
    Ok(private(views::redirect(&format!(
        "/{lang}/applications/{token}"
    ))))
}

#[derive(Template)]
#[template(path = "applications/erased.html")]
struct ErasedPage {
    ctx: PageCtx,
}

pub async fn erase(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    form: FormBody,
    state: web::Data<AppState>,
    settings: web::Data<ApplySettings>,
    session: Session,
) -> AppResult<HttpResponse> {
    same_origin(&req, &state.site)?;
    let token = path.into_inner();
    if form.get("confirm") != "yes" {
        let found = by_token(&state, &token).await?;
        let page = receipt_page(
            &state,
            &settings,
            &session,
            lang,
            token,
            found,
            m::ERASE_CONFIRM,
        );
        return Ok(private(views::render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page,
        )?));
    }
    let hash = token_hash(&token)?;
    state
        .run(move |conn| act::erase(conn, Actor::Visitor, &hash))
        .await?;
    let page = ErasedPage {
        ctx: PageCtx::public(&state.site, &session, Area::Vacancies, lang),
    };
    Ok(private(views::ok(&page)?))
}
