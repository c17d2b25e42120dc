//! Recruiters' vacancy management: list, form (with preview and the Google checklist), the
//! admin page with history, the public-page preview, status changes, duplicate, delete.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::Connection;

use super::CurrentUser;
use crate::db::{self, audit::AuditRow};
use crate::domain::jobposting::{self, Check};
use crate::domain::lifecycle::Transition;
use crate::domain::{changes, timefmt};
use crate::error::{AppError, AppResult};
use crate::forms::vacancy::VacancyForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::vacancies::ShowPage;
use crate::handlers::{query_pairs, AppState};
use crate::models::{
    countries, Category, Employment, SalaryPeriod, Seniority, Vacancy, VacancyDetail,
    VacancyFields, VacancyStatus, WorkMode, CURRENCIES,
};
use crate::views::{self, flash, PageCtx};

const ENTITY: &str = "vacancy";

#[derive(Template)]
#[template(path = "admin/vacancies/index.html")]
struct IndexPage {
    ctx: PageCtx,
    rows: Vec<(Vacancy, Category)>,
    status: String,
    title: String,
    now: time::PrimitiveDateTime,
}

impl IndexPage {
    fn status_label(&self, v: &Vacancy) -> String {
        if v.status() == VacancyStatus::Published && v.is_expired(self.now) {
            "Closed (expired)".to_string()
        } else {
            v.status().label().to_string()
        }
    }
}

pub async fn index(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let pairs = query_pairs(req.query_string());
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let status_text = get("status");
    let title: String = get("title").chars().take(200).collect();
    let status = VacancyStatus::parse(&status_text);
    let title_q = title.clone();
    let rows = state
        .run(move |conn| Ok(db::vacancies::for_admin(conn, status, &title_q)?))
        .await?;
    let page = IndexPage {
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-vacancies"),
        rows,
        status: status.map(|s| s.as_str().to_string()).unwrap_or_default(),
        title,
        now: crate::clock::now(),
    };
    views::ok(&page)
}

/// The form page, for new and existing vacancies.
#[derive(Template)]
#[template(path = "admin/vacancies/form.html")]
struct FormPage {
    ctx: PageCtx,
    heading: String,
    action: String,
    vacancy_id: Option<i32>,
    form: VacancyForm,
    errors: FieldErrors,
    categories: Vec<Category>,
    /// Filled after "Preview": the rendered sections, as the public page will show them.
    preview_sections: Vec<(&'static str, String)>,
    checks: Vec<Check>,
    json_ld: String,
}

impl FormPage {
    fn seniorities(&self) -> &'static [Seniority] {
        Seniority::ALL
    }
    fn employments(&self) -> &'static [Employment] {
        Employment::ALL
    }
    fn work_modes(&self) -> &'static [WorkMode] {
        WorkMode::ALL
    }
    fn periods(&self) -> &'static [SalaryPeriod] {
        SalaryPeriod::ALL
    }
    fn currencies(&self) -> &'static [&'static str] {
        CURRENCIES
    }
    fn countries(&self) -> &'static [(&'static str, &'static str)] {
        countries::COUNTRIES
    }
}

/// A vacancy as it would be with these fields, for the checklist and preview.
fn transient(
    fields: VacancyFields,
    skills: &[String],
    category: Category,
    existing: Option<&Vacancy>,
) -> VacancyDetail {
    let now = crate::clock::now();
    let vacancy = Vacancy {
        id: existing.map(|v| v.id).unwrap_or(0),
        slug: existing
            .map(|v| v.slug.clone())
            .unwrap_or_else(|| crate::models::slug::slugify(&fields.title)),
        title: fields.title,
        category_id: fields.category_id,
        seniority: fields.seniority,
        employment: fields.employment,
        work_mode: fields.work_mode,
        location: fields.location,
        country: fields.country,
        remote_countries: fields.remote_countries,
        salary_min: fields.salary_min,
        salary_max: fields.salary_max,
        salary_currency: fields.salary_currency,
        salary_period: fields.salary_period,
        summary: fields.summary,
        responsibilities: fields.responsibilities,
        requirements: fields.requirements,
        nice_to_have: fields.nice_to_have,
        benefits: fields.benefits,
        status: existing
            .map(|v| v.status.clone())
            .unwrap_or_else(|| "draft".into()),
        published_at: existing.and_then(|v| v.published_at),
        valid_through: fields.valid_through,
        created_at: existing.map(|v| v.created_at).unwrap_or(now),
        updated_at: now,
        author_id: existing.and_then(|v| v.author_id),
    };
    let skills = skills
        .iter()
        .map(|name| crate::models::Skill {
            id: 0,
            slug: crate::models::slug::slugify(name),
            name: name.clone(),
        })
        .collect();
    VacancyDetail {
        vacancy,
        category,
        skills,
    }
}

/// The JobPosting JSON this vacancy will carry and what Google would say of it.
fn readiness(detail: &VacancyDetail, site: &crate::site::Site) -> (Vec<Check>, String) {
    let now = crate::clock::now();
    let posting = jobposting::job_posting(
        detail,
        site,
        detail.vacancy.published_at.unwrap_or(now),
        true,
    );
    let checks = jobposting::checklist(&posting, now);
    (
        checks,
        serde_json::to_string_pretty(&posting).unwrap_or_default(),
    )
}

fn preview_sections(detail: &VacancyDetail) -> Vec<(&'static str, String)> {
    let mut out = vec![(
        "Summary",
        crate::domain::markdown::to_html(&detail.vacancy.summary),
    )];
    for (heading, body) in jobposting::sections(detail) {
        if !body.trim().is_empty() {
            out.push((heading, crate::domain::markdown::to_html(body)));
        }
    }
    out
}

pub async fn new(
    CurrentUser(user): CurrentUser,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let categories = state
        .run(|conn| Ok(db::taxonomy::categories(conn)?))
        .await?;
    let page = FormPage {
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-vacancies"),
        heading: "New vacancy".into(),
        action: "/admin/vacancies".into(),
        vacancy_id: None,
        form: VacancyForm::blank(),
        errors: FieldErrors::default(),
        categories,
        preview_sections: Vec::new(),
        checks: Vec::new(),
        json_ld: String::new(),
    };
    views::ok(&page)
}

/// Saves or previews the form; `existing` is the vacancy being edited.
async fn submit(
    user: crate::models::User,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
    existing: Option<VacancyDetail>,
) -> AppResult<HttpResponse> {
    let typed = VacancyForm::from_form(&form);
    let wants_preview = form.get("intent") == "preview";
    let categories = state
        .run(|conn| Ok(db::taxonomy::categories(conn)?))
        .await?;
    let now = crate::clock::now();
    let parsed = typed.parse(&categories, now);
    let (heading, action, vacancy_id) = match &existing {
        Some(d) => (
            format!("Edit “{}”", d.vacancy.title),
            format!("/admin/vacancies/{}", d.vacancy.id),
            Some(d.vacancy.id),
        ),
        None => (
            "New vacancy".to_string(),
            "/admin/vacancies".to_string(),
            None,
        ),
    };
    let mut page = FormPage {
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-vacancies"),
        heading,
        action,
        vacancy_id,
        form: typed,
        errors: FieldErrors::default(),
        categories: categories.clone(),
        preview_sections: Vec::new(),
        checks: Vec::new(),
        json_ld: String::new(),
    };
    let (fields, skills) = match parsed {
        Err(errors) => {
            page.errors = errors;
            return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Ok(parsed) => parsed,
    };
    if wants_preview {
        let category = categories
            .iter()
            .find(|c| c.id == fields.category_id)
            .cloned()
            .ok_or(AppError::NotFound)?;
        let detail = transient(
            fields,
            &skills,
            category,
            existing.as_ref().map(|d| &d.vacancy),
        );
        let (checks, json_ld) = readiness(&detail, &state.site);
        page.preview_sections = preview_sections(&detail);
        page.checks = checks;
        page.json_ld = json_ld;
        return views::ok(&page);
    }
    let user_id = user.id;
    let id = state
        .run(move |conn| {
            conn.transaction(|conn| match existing {
                None => {
                    let id = db::vacancies::insert(conn, &fields, &skills, Some(user_id))?;
                    db::audit::record(
                        conn,
                        Some(user_id),
                        ENTITY,
                        id,
                        "create",
                        &changes::created(&fields, &skills, &categories),
                    )?;
                    Ok(id)
                }
                Some(old) => {
                    let id = old.vacancy.id;
                    let old_skills: Vec<String> =
                        old.skills.iter().map(|s| s.name.clone()).collect();
                    let diff = changes::vacancy_changes(
                        &old.vacancy.fields(),
                        &old_skills,
                        &fields,
                        &skills,
                        &categories,
                    );
                    if !diff.is_empty() {
                        db::vacancies::update(conn, id, &fields, &skills)?;
                        db::audit::record(conn, Some(user_id), ENTITY, id, "update", &diff)?;
                    }
                    Ok(id)
                }
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    flash(&session, "success", "The vacancy was saved.");
    Ok(views::redirect(&format!("/admin/vacancies/{id}")))
}

pub async fn create(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    submit(user, form, state, session, None).await
}

async fn load(state: &web::Data<AppState>, id: i32) -> AppResult<VacancyDetail> {
    state
        .run(move |conn| db::vacancies::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

pub async fn edit(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let detail = load(&state, path.into_inner()).await?;
    let categories = state
        .run(|conn| Ok(db::taxonomy::categories(conn)?))
        .await?;
    let (checks, json_ld) = readiness(&detail, &state.site);
    let page = FormPage {
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-vacancies"),
        heading: format!("Edit “{}”", detail.vacancy.title),
        action: format!("/admin/vacancies/{}", detail.vacancy.id),
        vacancy_id: Some(detail.vacancy.id),
        form: VacancyForm::from_detail(&detail),
        errors: FieldErrors::default(),
        categories,
        preview_sections: Vec::new(),
        checks,
        json_ld,
    };
    views::ok(&page)
}

pub async fn update(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let detail = load(&state, path.into_inner()).await?;
    submit(user, form, state, session, Some(detail)).await
}

#[derive(Template)]
#[template(path = "admin/vacancies/show.html")]
struct AdminShowPage {
    ctx: PageCtx,
    detail: VacancyDetail,
    effective: VacancyStatus,
    expired: bool,
    checks: Vec<Check>,
    json_ld: String,
    history: Vec<AuditRow>,
    applications: Vec<(crate::models::Application, String)>,
}

impl AdminShowPage {
    fn can(&self, action: &str) -> bool {
        Transition::parse(action)
            .and_then(|t| t.apply(self.detail.vacancy.status()))
            .is_some()
    }
    fn has_blocking(&self) -> bool {
        self.checks.iter().any(Check::is_blocking)
    }
    fn when(&self, t: &time::PrimitiveDateTime) -> String {
        timefmt::human_time(*t)
    }
    fn changes_of(&self, json: &str) -> Vec<db::audit::FieldChange> {
        db::audit::parse_changes(json)
    }
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (detail, history, applications) = state
        .run(move |conn| {
            let detail = db::vacancies::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let filter = db::applications::Filter {
                vacancy_id: Some(id),
                ..Default::default()
            };
            Ok((
                detail,
                db::audit::for_entity(conn, ENTITY, id)?,
                db::applications::list(conn, &filter)?,
            ))
        })
        .await?;
    let (checks, json_ld) = readiness(&detail, &state.site);
    let now = crate::clock::now();
    let page = AdminShowPage {
        ctx: PageCtx::admin(&state.site, &session, &user, "admin-vacancies"),
        effective: detail.vacancy.effective_status(now),
        expired: detail.vacancy.is_expired(now),
        detail,
        checks,
        json_ld,
        history,
        applications,
    };
    views::ok(&page)
}

/// The public page exactly as it will look, with a banner, for drafts too.
pub async fn preview(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let detail = load(&state, path.into_inner()).await?;
    let ctx = PageCtx::admin(&state.site, &session, &user, "vacancies");
    views::ok(&ShowPage::build(ctx, detail, &state.site, Vec::new(), true))
}

pub async fn change_status(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let transition = Transition::parse(form.get("action"))
        .filter(|t| *t != Transition::Delete)
        .ok_or_else(|| AppError::BadRequest("Unknown status change.".into()))?;
    let detail = load(&state, id).await?;
    let from = detail.vacancy.status();
    let Some(to) = transition.apply(from) else {
        flash(
            &session,
            "error",
            format!(
                "A {} vacancy cannot be changed that way.",
                from.label().to_lowercase()
            ),
        );
        return Ok(views::redirect(&format!("/admin/vacancies/{id}")));
    };
    if transition.needs_ready_posting() {
        let (checks, _) = readiness(&detail, &state.site);
        let blocking: Vec<String> = checks
            .into_iter()
            .filter(Check::is_blocking)
            .map(|c| c.message)
            .collect();
        if !blocking.is_empty() {
            flash(
                &session,
                "error",
                format!("Not published yet: {}", blocking.join(" ")),
            );
            return Ok(views::redirect(&format!("/admin/vacancies/{id}")));
        }
    }
    let now = crate::clock::now();
    let published_at = match transition {
        // A reopened vacancy is news again: it goes back to the top of the list.
        Transition::Publish | Transition::Reopen => Some(now),
        _ => detail.vacancy.published_at,
    };
    let user_id = user.id;
    let change = db::audit::FieldChange {
        field: "status".into(),
        from: from.as_str().into(),
        to: to.as_str().into(),
    };
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                db::vacancies::set_status(conn, id, to, published_at)?;
                db::audit::record(
                    conn,
                    Some(user_id),
                    ENTITY,
                    id,
                    transition.as_str(),
                    &[change],
                )
            })
            .map_err(AppError::from)
        })
        .await?;
    let done = match transition {
        Transition::Publish => "The vacancy is published.",
        Transition::Close => "The vacancy is closed: its page stays, without the apply option.",
        Transition::Reopen => "The vacancy is open again.",
        Transition::Delete => "",
    };
    flash(&session, "success", done);
    Ok(views::redirect(&format!("/admin/vacancies/{id}")))
}

pub async fn duplicate(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let source = load(&state, path.into_inner()).await?;
    let user_id = user.id;
    let new_id = state
        .run(move |conn| {
            conn.transaction(|conn| {
                let mut fields = source.vacancy.fields();
                // An expiry in the past would make the copy unpublishable; the recruiter sets a new one.
                if source.vacancy.is_expired(crate::clock::now()) {
                    fields.valid_through = None;
                }
                let skills: Vec<String> = source.skills.iter().map(|s| s.name.clone()).collect();
                let id = db::vacancies::insert(conn, &fields, &skills, Some(user_id))?;
                let change = db::audit::FieldChange {
                    field: "copied_from".into(),
                    from: String::new(),
                    to: source.vacancy.id.to_string(),
                };
                db::audit::record(conn, Some(user_id), ENTITY, id, "duplicate", &[change])?;
                Ok(id)
            })
            .map_err(|e: diesel::result::Error| AppError::from(e))
        })
        .await?;
    flash(
        &session,
        "success",
        "A draft copy was made. Edit it, then publish.",
    );
    Ok(views::redirect(&format!("/admin/vacancies/{new_id}/edit")))
}

pub async fn delete(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let detail = load(&state, path.into_inner()).await?;
    let id = detail.vacancy.id;
    if Transition::Delete.apply(detail.vacancy.status()).is_none() {
        flash(&session, "error", "Only drafts can be deleted. Close a published vacancy instead, so its page keeps working.");
        return Ok(views::redirect(&format!("/admin/vacancies/{id}")));
    }
    let user_id = user.id;
    let title = detail.vacancy.title.clone();
    state
        .run(move |conn| {
            conn.transaction(|conn| {
                db::vacancies::delete(conn, id)?;
                let change = db::audit::FieldChange {
                    field: "title".into(),
                    from: title,
                    to: String::new(),
                };
                db::audit::record(conn, Some(user_id), ENTITY, id, "delete", &[change])
            })
            .map_err(AppError::from)
        })
        .await?;
    flash(&session, "success", "The draft was deleted.");
    Ok(views::redirect("/admin/vacancies"))
}
