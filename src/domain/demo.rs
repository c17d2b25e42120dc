//! Demo content, written by us: loaded into an empty database with `--demo`.

use diesel::Connection;
use serde::Deserialize;
use time::Duration;

use crate::db::{self, DbConn};
use crate::models::{VacancyFields, VacancyStatus};

const VACANCIES: &str = include_str!("../demo/vacancies.json");

#[derive(Deserialize)]
struct DemoVacancy {
    title: String,
    category: String,
    seniority: String,
    employment: String,
    work_mode: String,
    location: String,
    country: String,
    remote_countries: Vec<String>,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    salary_currency: Option<String>,
    salary_period: Option<String>,
    days_ago: i64,
    valid_days: Option<i64>,
    status: String,
    summary: String,
    responsibilities: String,
    requirements: String,
    nice_to_have: String,
    benefits: String,
    skills: Vec<String>,
}

/// Loads the demo vacancies when the database has none; returns how many were loaded.
pub fn load_if_empty(conn: &mut DbConn) -> Result<usize, String> {
    let existing = db::vacancies::count(conn).map_err(|e| e.to_string())?;
    if existing > 0 {
        return Ok(0);
    }
    let demo: Vec<DemoVacancy> =
        serde_json::from_str(VACANCIES).map_err(|e| format!("demo vacancies: {e}"))?;
    let now = db::now();
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        for d in &demo {
            let category = db::taxonomy::category_by_slug(conn, &d.category)?
                .ok_or(diesel::result::Error::NotFound)?;
            let published = now - Duration::days(d.days_ago) - Duration::hours(d.days_ago % 7);
            let fields = VacancyFields {
                title: d.title.clone(),
                category_id: category.id,
                seniority: d.seniority.clone(),
                employment: d.employment.clone(),
                work_mode: d.work_mode.clone(),
                location: d.location.clone(),
                country: d.country.clone(),
                remote_countries: d.remote_countries.join(","),
                salary_min: d.salary_min,
                salary_max: d.salary_max,
                salary_currency: d.salary_currency.clone(),
                salary_period: d.salary_period.clone(),
                summary: d.summary.clone(),
                responsibilities: d.responsibilities.clone(),
                requirements: d.requirements.clone(),
                nice_to_have: d.nice_to_have.clone(),
                benefits: d.benefits.clone(),
                valid_through: d.valid_days.map(|days| published + Duration::days(days)),
            };
            let id = db::vacancies::insert(conn, &fields, &d.skills, None)?;
            let status = VacancyStatus::parse(&d.status).unwrap_or(VacancyStatus::Draft);
            let published_at = (status != VacancyStatus::Draft).then_some(published);
            db::vacancies::set_status(conn, id, status, published_at)?;
            db::vacancies::set_dates(conn, id, published_at, published - Duration::days(1))?;
        }
        Ok(())
    })
    .map_err(|e| format!("loading demo vacancies: {e}"))?;
    Ok(demo.len())
}
