//! Recruiters' vacancy management: list, form (with preview and the Google checklist), the
//! admin page with history, the public-page preview, status changes, duplicate, delete.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::{lang_of, CurrentUser};
use crate::actions::translations::LanguageTaken;
use crate::actions::vacancies::{DeleteOutcome, StatusOutcome};
use crate::actions::{self, Actor};
use crate::db::{self, audit::AuditRow};
use crate::domain::jobposting::{self, Check};
use crate::domain::labels;
use crate::domain::lifecycle::Transition;
use crate::error::{AppError, AppResult};
use crate::forms::vacancy::VacancyForm;
use crate::forms::{CheckedForm, FieldErrors};
use crate::handlers::{query_pairs, AppState};
use crate::i18n::Lang;
use crate::messages::{self, Msg};
use crate::models::{
    countries, Category, Employment, SalaryPeriod, Seniority, User, Vacancy, VacancyDetail,
    VacancyFields, VacancyStatus, WorkMode, CURRENCIES,
};
use crate::views::vacancy::ShowPage;
use crate::views::versions::{LanguageChoice, VersionsBox};
use crate::views::{self, flash, Area, PageCtx};

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
            self.ctx.t("admin-vacancy-closed-expired")
        } else {
            self.ctx.t(v.status().key())
        }
    }
    fn statuses(&self) -> &'static [VacancyStatus] {
        VacancyStatus::ALL
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
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminVacancies),
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
    /// Filled after "Preview": the rendered sections under their headings' keys, as the
    /// public page will show them.
    preview_sections: Vec<(&'static str, String)>,
    checks: Vec<Check>,
    json_ld: String,
    /// A new vacancy's language (and the one it translates); `None` when editing.
    choice: Option<LanguageChoice>,
    /// The translation group of the vacancy being edited.
    versions: Option<VersionsBox>,
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
    /// The unit after "Per" in the form ("year"); pages show `salary-period-*` ("per year").
    fn period_label(&self, p: &SalaryPeriod) -> String {
        self.ctx.t(&format!("admin-period-{}", p.as_str()))
    }
    fn currencies(&self) -> &'static [&'static str] {
        CURRENCIES
    }
    /// The name of place row `i`'s field ("location", "country_2").
    fn place_field(&self, base: &str, i: &usize) -> String {
        crate::forms::vacancy::place_field(base, *i)
    }
    /// "City of place 2" and the like, for the rows after the first.
    fn place_label(&self, key: &str, i: &usize) -> String {
        self.ctx.ta(key, "n", &(i + 1).to_string())
    }
    fn places_hint(&self) -> String {
        self.ctx.lang.t_args(
            "admin-vacancy-places-hint",
            &[("max", (crate::models::MAX_PLACES as i64).into())],
        )
    }
    /// The offered countries with their names in the page's language, in that language's order.
    fn countries(&self) -> Vec<(&'static str, String)> {
        let mut list: Vec<(&'static str, String)> = countries::COUNTRIES
            .iter()
            .map(|(code, _)| (*code, labels::country(self.ctx.lang, code)))
            .collect();
        list.sort_by_key(|(_, name)| name.to_lowercase());
        list
    }
}

/// A vacancy as it would be with these fields, for the checklist and preview.
fn transient(
    fields: VacancyFields,
    skills: &[String],
    category: Category,
    existing: Option<&Vacancy>,
) -> VacancyDetail {
    let vacancy = Vacancy::unsaved(fields, existing, crate::clock::now());
    let skills = skills
        .iter()
        .map(|name| crate::models::Skill {
            id: 0,
            slug: crate::models::slug::slugify(name),
            name: name.clone(),
        })
        .collect();
    let html = crate::domain::markdown::vacancy_html(&vacancy);
    VacancyDetail {
        vacancy,
        category,
        skills,
        html,
    }
}

/// The JobPosting JSON this vacancy will carry and what Google would say of it.
fn readiness(detail: &VacancyDetail, site: &crate::site::Site) -> (Vec<Check>, String) {
    let now = crate::clock::now();
    let posting = jobposting::job_posting(detail, site, detail.vacancy.published_at.unwrap_or(now));
    let checks = jobposting::checklist(&posting, now);
    (
        checks,
        serde_json::to_string_pretty(&posting).unwrap_or_default(),
    )
}

/// The description's sections as HTML, under the keys of their headings.
fn preview_sections(detail: &VacancyDetail) -> Vec<(&'static str, String)> {
    let v = &detail.vacancy;
    let mut out = vec![(
        "admin-field-summary",
        crate::domain::markdown::to_html(&v.summary),
    )];
    let sections = [
        ("admin-field-responsibilities", &v.responsibilities),
        ("admin-field-requirements", &v.requirements),
        ("admin-field-nice-to-have", &v.nice_to_have),
        ("admin-field-benefits", &v.benefits),
    ];
    for (heading, body) in sections {
        if !body.trim().is_empty() {
            out.push((heading, crate::domain::markdown::to_html(body)));
        }
    }
    out
}

/// The form page for a new vacancy, or for `existing`.
fn form_page(
    state: &AppState,
    session: &Session,
    user: &User,
    existing: Option<&VacancyDetail>,
    form: VacancyForm,
    categories: Vec<Category>,
) -> FormPage {
    let lang = lang_of(state, user);
    let (heading, action) = match existing {
        Some(d) => (
            lang.t_args(
                "admin-edit-title",
                &[("title", d.vacancy.title.as_str().into())],
            ),
            format!("/admin/vacancies/{}", d.vacancy.id),
        ),
        None => (lang.t("admin-vacancy-new"), "/admin/vacancies".to_string()),
    };
    FormPage {
        ctx: PageCtx::admin(&state.site, session, user, Area::AdminVacancies),
        heading,
        action,
        vacancy_id: existing.map(|d| d.vacancy.id),
        form,
        errors: FieldErrors::default(),
        categories,
        preview_sections: Vec::new(),
        checks: Vec::new(),
        json_ld: String::new(),
        choice: existing
            .is_none()
            .then(|| LanguageChoice::new(lang, &state.site.languages, None)),
        versions: None,
    }
}

/// The "Languages" box of vacancy `id`'s pages.
fn versions_box(
    state: &AppState,
    user: &User,
    id: i32,
    versions: Vec<crate::models::Version>,
) -> VersionsBox {
    VersionsBox::new(
        lang_of(state, user),
        "/admin/vacancies",
        id,
        versions,
        &state.site.languages,
        |status| VacancyStatus::key_of(status).to_string(),
    )
}

async fn categories(state: &AppState) -> AppResult<Vec<Category>> {
    state.run(|conn| Ok(db::taxonomy::categories(conn)?)).await
}

/// The form of a new vacancy; `?translate={id}&lang={code}` fills it from the original of that
/// vacancy's translation group, as its version in that language.
pub async fn new(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let translate = super::translate_query(&req, &state.site)?;
    let (categories, original) = state
        .run(move |conn| {
            let original = match translate {
                None => None,
                Some((id, _)) => {
                    let group = db::vacancies::group_of(conn, id)?.ok_or(AppError::NotFound)?;
                    db::vacancies::by_id(conn, group)?
                }
            };
            Ok((db::taxonomy::categories(conn)?, original))
        })
        .await?;
    let (form, notice) = match (&original, translate) {
        (Some(o), Some((_, lang))) => (
            VacancyForm::translating(o, lang.code(), o.vacancy.id),
            Some((o.vacancy.title.as_str(), lang.code())),
        ),
        _ => {
            let mut form = VacancyForm::blank();
            form.lang = state.site.default_lang.code().to_string();
            (form, None)
        }
    };
    let mut page = form_page(&state, &session, &user, None, form, categories);
    page.choice = Some(LanguageChoice::new(
        lang_of(&state, &user),
        &state.site.languages,
        notice,
    ));
    views::ok(&page)
}

/// The form with the parsed fields shown as the public page and the checklist will see them.
fn render_preview(
    mut page: FormPage,
    fields: VacancyFields,
    skills: &[String],
    existing: Option<&VacancyDetail>,
    site: &crate::site::Site,
) -> AppResult<HttpResponse> {
    let category = page
        .categories
        .iter()
        .find(|c| c.id == fields.category_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let detail = transient(fields, skills, category, existing.map(|d| &d.vacancy));
    let (checks, json_ld) = readiness(&detail, site);
    page.preview_sections = preview_sections(&detail);
    page.checks = checks;
    page.json_ld = json_ld;
    views::ok(&page)
}

/// Saves or previews the form; `existing` is the vacancy being edited, with its group.
async fn submit(
    user: User,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
    existing: Option<(VacancyDetail, Vec<crate::models::Version>)>,
    categories: Vec<Category>,
) -> AppResult<HttpResponse> {
    let more_places = form.get("intent") == "more_places";
    let typed = VacancyForm::from_form(&form);
    let other_languages = typed.other_languages;
    let parsed = super::with_language(
        typed.parse(&categories, crate::clock::now()),
        &typed.lang,
        &typed.translation_of,
        &state.site,
        existing.is_none(),
    );
    let (existing, versions) = existing.unzip();
    let mut page = form_page(
        &state,
        &session,
        &user,
        existing.as_ref(),
        typed,
        categories,
    );
    if let (Some(d), Some(versions)) = (&existing, versions) {
        page.versions = Some(versions_box(&state, &user, d.vacancy.id, versions));
    }
    let ((fields, skills), version) = match parsed {
        // More rows to type in: the form again, nothing checked or saved yet.
        _ if more_places => return views::ok(&page),
        Ok(parsed) => parsed,
        Err(errors) => return invalid(page, errors),
    };
    if form.get("intent") == "preview" {
        return render_preview(page, fields, &skills, existing.as_ref(), &state.site);
    }
    let input = (fields, skills, other_languages, version);
    let id = match save(
        &state,
        Actor::User(user.id),
        existing.map(|d| d.vacancy.id),
        input,
    )
    .await?
    {
        Ok(id) => id,
        Err(LanguageTaken) => return invalid(page, super::language_taken()),
    };
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-vacancy-saved"),
    );
    Ok(views::redirect(&format!("/admin/vacancies/{id}")))
}

/// The parsed form: fields, skills, listed in other languages, and a new vacancy's language.
type Input = (VacancyFields, Vec<String>, bool, crate::models::ContentLang);

/// Creates a vacancy (`id` none) or saves vacancy `id`; gives its id.
async fn save(
    state: &AppState,
    actor: Actor,
    id: Option<i32>,
    (fields, skills, other_languages, version): Input,
) -> AppResult<Result<i32, LanguageTaken>> {
    state
        .run(move |conn| match id {
            None => Ok(actions::vacancies::create(
                conn,
                actor,
                &fields,
                &skills,
                other_languages,
                &version,
            )?
            .map(|created| created.id)),
            Some(id) => {
                actions::vacancies::update(conn, actor, id, &fields, &skills, other_languages)?;
                Ok(Ok(id))
            }
        })
        .await
}

/// The form again with its problems beside the fields.
fn invalid(mut page: FormPage, errors: FieldErrors) -> AppResult<HttpResponse> {
    page.errors = errors;
    views::render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn create(
    CurrentUser(user): CurrentUser,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let categories = categories(&state).await?;
    submit(user, form, state, session, None, categories).await
}

async fn load(state: &web::Data<AppState>, id: i32) -> AppResult<VacancyDetail> {
    state
        .run(move |conn| db::vacancies::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

type Group = Vec<crate::models::Version>;

/// A vacancy, its translation group and the categories its form offers, in one trip to the pool.
async fn load_for_form(
    state: &web::Data<AppState>,
    id: i32,
) -> AppResult<(VacancyDetail, Group, Vec<Category>)> {
    state
        .run(move |conn| {
            let detail = db::vacancies::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let group = detail.vacancy.translation_of.unwrap_or(id);
            let versions = db::vacancies::versions(conn, group)?;
            Ok((detail, versions, db::taxonomy::categories(conn)?))
        })
        .await
}

pub async fn edit(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (detail, versions, categories) = load_for_form(&state, path.into_inner()).await?;
    let (checks, json_ld) = readiness(&detail, &state.site);
    let form = VacancyForm::from_detail(&detail);
    let mut page = form_page(&state, &session, &user, Some(&detail), form, categories);
    page.versions = Some(versions_box(&state, &user, detail.vacancy.id, versions));
    page.checks = checks;
    page.json_ld = json_ld;
    views::ok(&page)
}

pub async fn update(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (detail, versions, categories) = load_for_form(&state, path.into_inner()).await?;
    let existing = Some((detail, versions));
    submit(user, form, state, session, existing, categories).await
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
    versions: VersionsBox,
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
    fn salary(&self) -> Option<String> {
        labels::salary(self.ctx.lang, &self.detail.vacancy)
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
    let (detail, history, applications, versions) = state
        .run(move |conn| {
            let detail = db::vacancies::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let filter = db::applications::Filter {
                vacancy_id: Some(id),
                ..Default::default()
            };
            let group = detail.vacancy.translation_of.unwrap_or(id);
            Ok((
                detail,
                db::audit::for_entity(conn, ENTITY, id)?,
                db::applications::list(conn, &filter)?,
                db::vacancies::versions(conn, group)?,
            ))
        })
        .await?;
    let (checks, json_ld) = readiness(&detail, &state.site);
    let now = crate::clock::now();
    let page = AdminShowPage {
        ctx: PageCtx::admin(&state.site, &session, &user, Area::AdminVacancies),
        effective: detail.vacancy.effective_status(now),
        expired: detail.vacancy.is_expired(now),
        detail,
        checks,
        json_ld,
        history,
        applications,
        versions: versions_box(&state, &user, id, versions),
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
    let ctx = PageCtx::admin(&state.site, &session, &user, Area::Vacancies);
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
        .ok_or_else(|| AppError::BadRequest(messages::UNKNOWN_STATUS_CHANGE.into()))?;
    let actor = Actor::User(user.id);
    let site = state.site.clone();
    let outcome = state
        .run(move |conn| actions::vacancies::change_status(conn, actor, id, transition, &site))
        .await?;
    let lang = lang_of(&state, &user);
    match outcome {
        StatusOutcome::NotAllowed { from } => flash(
            &session,
            "error",
            Msg::new("admin-vacancy-not-allowed")
                .text("status", lang.t(from.key()).to_lowercase())
                .show(lang),
        ),
        StatusOutcome::NotReady { problems } => {
            flash(&session, "error", not_ready(lang, &problems))
        }
        StatusOutcome::Done(_) => flash(&session, "success", lang.t(status_done(transition))),
    }
    Ok(views::redirect(&format!("/admin/vacancies/{id}")))
}

/// "Not published yet:" and what Google would reject, in the user's language.
fn not_ready(lang: Lang, problems: &[Msg]) -> String {
    let list: Vec<String> = problems.iter().map(|p| p.show(lang)).collect();
    lang.t_args(
        "admin-vacancy-not-ready",
        &[("problems", list.join(" ").into())],
    )
}

fn status_done(transition: Transition) -> &'static str {
    match transition {
        Transition::Publish => "admin-vacancy-published",
        Transition::Close => "admin-vacancy-closed",
        Transition::Reopen => "admin-vacancy-reopened",
        Transition::Delete => "admin-vacancy-deleted",
    }
}

pub async fn duplicate(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let source_id = path.into_inner();
    let actor = Actor::User(user.id);
    let copy = state
        .run(move |conn| actions::vacancies::duplicate(conn, actor, source_id))
        .await?;
    flash(
        &session,
        "success",
        lang_of(&state, &user).t("admin-vacancy-duplicated"),
    );
    Ok(views::redirect(&format!(
        "/admin/vacancies/{}/edit",
        copy.id
    )))
}

pub async fn delete(
    CurrentUser(user): CurrentUser,
    path: web::Path<i32>,
    _form: CheckedForm,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let actor = Actor::User(user.id);
    let outcome = state
        .run(move |conn| actions::vacancies::delete(conn, actor, id))
        .await?;
    let lang = lang_of(&state, &user);
    match outcome {
        DeleteOutcome::NotDraft => {
            flash(&session, "error", lang.t("admin-vacancy-not-draft"));
            Ok(views::redirect(&format!("/admin/vacancies/{id}")))
        }
        DeleteOutcome::Deleted(_) => {
            flash(&session, "success", lang.t("admin-vacancy-deleted"));
            Ok(views::redirect("/admin/vacancies"))
        }
    }
}
