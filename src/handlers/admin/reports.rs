//! Recruiters' reports: applications per week, the pipeline funnel with the median times to
//! first review and to hire, applications per open vacancy and where candidates came from,
//! each as an inline SVG chart beside a table of the same figures, and each as CSV. Filters:
//! vacancy, category, period (a GET form). Only counts leave the database; no candidate's
//! data is shown or exported here, so nothing is recorded in the audit trail.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use fluent_templates::fluent_bundle::FluentValue;
use time::PrimitiveDateTime;

use super::CurrentUser;
use crate::db::{self, reports::Scope, DbConn};
use crate::domain::applications::csv_row;
use crate::domain::reports::{
    self as rep, Chart, Funnel, Median, PerVacancy, Period, Sources, Week,
};
use crate::domain::timefmt;
use crate::error::{AppError, AppResult};
use crate::handlers::{query_pairs, AppState};
use crate::i18n::Lang;
use crate::messages;
use crate::models::{Category, Stage};
use crate::views::chart::{self, BarInput, Bars, Columns};
use crate::views::{self, Area, PageCtx};

/// Rows the page's bar charts and tables show; the CSVs go further.
const SHOWN: i64 = 10;
const CSV_ROWS: i64 = 1000;

/// The filters, as chosen in the form. Unknown values are ignored, as on the applications list.
#[derive(Debug, Clone, Default)]
struct Choice {
    vacancy_id: Option<i32>,
    category: Option<Category>,
    period: Period,
}

impl Choice {
    fn from(req: &HttpRequest, state: &AppState) -> Choice {
        let pairs = query_pairs(req.query_string());
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let category = get("category");
        Choice {
            vacancy_id: get("vacancy").parse().ok().filter(|id: &i32| *id > 0),
            category: state
                .categories
                .iter()
                .find(|c| c.slug == category)
                .cloned(),
            period: Period::parse(&get("period")).unwrap_or_default(),
        }
    }

    fn scope(&self, now: PrimitiveDateTime) -> Scope {
        Scope {
            vacancy_id: self.vacancy_id,
            category_id: self.category.as_ref().map(|c| c.id),
            since: self.period.start(now),
            until: now,
        }
    }

    /// The filters as a query string (without `?`), for the CSV links.
    fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(id) = self.vacancy_id {
            parts.push(format!("vacancy={id}"));
        }
        if let Some(c) = &self.category {
            parts.push(format!("category={}", views::url_encode(&c.slug)));
        }
        parts.push(format!("period={}", self.period.as_str()));
        parts.join("&")
    }
}

/// Every figure of the page.
struct Figures {
    weeks: Vec<Week>,
    funnel: Funnel,
    to_review: Option<Median>,
    to_hire: Option<Median>,
    sources: Sources,
    vacancies: PerVacancy,
}

fn funnel(conn: &mut DbConn, scope: &Scope) -> AppResult<Funnel> {
    let furthest = db::reports::furthest(conn, scope, &rep::FUNNEL)?;
    let statuses = db::reports::statuses(conn, scope)?;
    Ok(rep::funnel(&furthest, &statuses))
}

fn per_vacancy(
    conn: &mut DbConn,
    scope: &Scope,
    now: PrimitiveDateTime,
    limit: i64,
) -> AppResult<PerVacancy> {
    let rows = db::reports::per_open_vacancy(conn, scope, now, limit)?;
    let (open, with_applications, applications) = db::reports::open_totals(conn, scope, now)?;
    Ok(PerVacancy {
        rows: rows
            .into_iter()
            .map(|(id, title, count)| rep::VacancyCount { id, title, count })
            .collect(),
        open,
        with_applications,
        applications,
    })
}

fn figures(conn: &mut DbConn, scope: &Scope, now: PrimitiveDateTime) -> AppResult<Figures> {
    let starts = rep::last_weeks(now);
    let weekly = db::reports::weekly(conn, scope, &starts)?;
    let funnel = funnel(conn, scope)?;
    let sources = db::reports::sources(conn, scope, SHOWN)?;
    Ok(Figures {
        weeks: rep::weekly(&starts, &weekly),
        to_review: rep::median(&db::reports::hours_until(conn, scope, None)?),
        to_hire: rep::median(&db::reports::hours_until(conn, scope, Some(Stage::Hired))?),
        sources: rep::sources(&sources, funnel.total),
        vacancies: per_vacancy(conn, scope, now, SHOWN)?,
        funnel,
    })
}

#[derive(Template)]
#[template(path = "admin/reports.html")]
struct ReportsPage {
    ctx: PageCtx,
    choice: Choice,
    vacancies: Vec<(i32, String)>,
    categories: Vec<Category>,
    periods: &'static [Period],
    /// The period's first moment, when it has one.
    since: Option<PrimitiveDateTime>,
    figures: Figures,
    weekly_chart: Columns,
    funnel_chart: Bars,
    vacancy_chart: Bars,
    source_chart: Bars,
}

/// A figure in tenths (`25` is 2.5) in the language's way of writing decimals.
fn tenths(lang: Lang, value: i64) -> String {
    let whole = lang.number(value / 10);
    match value % 10 {
        0 => whole,
        d => format!("{whole}{}{}", lang.t("reports-decimal-separator"), d.abs()),
    }
}

fn percent(lang: Lang, value: i64) -> String {
    lang.t_args("reports-percent", &[("n", FluentValue::from(value))])
}

fn source_label(lang: Lang, source: Option<&str>) -> String {
    source.map_or_else(|| lang.t("reports-source-direct"), str::to_string)
}

fn charts(lang: Lang, f: &Figures) -> (Columns, Bars, Bars, Bars) {
    let weeks: Vec<(String, i64)> = f
        .weeks
        .iter()
        .map(|w| {
            (
                lang.t_args("reports-week-label", &week_args(lang, w.start)),
                w.count,
            )
        })
        .collect();
    let funnel = f
        .funnel
        .steps
        .iter()
        .map(|s| BarInput {
            label: lang.t(s.stage.key()),
            value: s.reached,
            text: format!("{} · {}", lang.number(s.reached), percent(lang, s.percent)),
            muted: s.exit,
        })
        .collect();
    let vacancies = f
        .vacancies
        .rows
        .iter()
        .map(|v| BarInput {
            label: v.title.clone(),
            value: v.count,
            text: lang.number(v.count),
            muted: false,
        })
        .collect();
    let mut sources: Vec<BarInput> = f
        .sources
        .rows
        .iter()
        .map(|s| BarInput {
            label: source_label(lang, s.source.as_deref()),
            value: s.count,
            text: lang.number(s.count),
            muted: s.source.is_none(),
        })
        .collect();
    if f.sources.other > 0 {
        sources.push(BarInput {
            label: lang.t("reports-source-other"),
            value: f.sources.other,
            text: lang.number(f.sources.other),
            muted: true,
        });
    }
    (
        chart::columns(&weeks, 2),
        chart::bars(funnel),
        chart::bars(vacancies),
        chart::bars(sources),
    )
}

/// A week's start as the axis shows it: day and month.
fn week_args(lang: Lang, start: PrimitiveDateTime) -> Vec<(&'static str, FluentValue<'static>)> {
    vec![
        ("day", FluentValue::from(start.day().to_string())),
        (
            "month",
            FluentValue::from(lang.t(&format!("month-short-{}", u8::from(start.month())))),
        ),
    ]
}

impl ReportsPage {
    fn lang(&self) -> Lang {
        self.ctx.lang
    }

    /// `2026-11-30`, for `<time datetime>`.
    fn day(&self, t: &PrimitiveDateTime) -> String {
        timefmt::date(*t)
    }

    fn is_vacancy(&self, id: &i32) -> bool {
        self.choice.vacancy_id == Some(*id)
    }

    fn is_category(&self, slug: &str) -> bool {
        self.choice
            .category
            .as_ref()
            .is_some_and(|c| c.slug == slug)
    }

    fn csv_url(&self, chart: &str) -> String {
        format!("/admin/reports.csv?chart={chart}&{}", self.choice.query())
    }

    fn percent(&self, value: &i64) -> String {
        percent(self.lang(), *value)
    }

    /// Applications per open vacancy: "2.5".
    fn average(&self) -> String {
        tenths(self.lang(), self.figures.vacancies.average_tenths())
    }

    fn source(&self, source: &Option<String>) -> String {
        source_label(self.lang(), source.as_deref())
    }

    fn source_share(&self, count: &i64) -> String {
        let total = self.figures.sources.total;
        let share = if total > 0 {
            (count * 200 + total) / (total * 2)
        } else {
            0
        };
        percent(self.lang(), share)
    }

    /// "2.5 days (12 applications)", or that there is nothing to measure yet.
    fn median(&self, median: &Option<Median>) -> String {
        let lang = self.lang();
        let Some(m) = median else {
            return lang.t("reports-median-none");
        };
        let days = lang.t_args(
            "reports-days",
            &[
                ("count", FluentValue::from(m.tenths_of_day as f64 / 10.0)),
                ("n", FluentValue::from(tenths(lang, m.tenths_of_day))),
            ],
        );
        format!("{days} {}", lang.t_count("reports-median-of", m.of))
    }

    /// What the period covers, in words: "42 applications since 8 Sep 2026".
    fn summary(&self) -> String {
        let lang = self.lang();
        let total = self.figures.funnel.total;
        match self.since {
            Some(since) => lang.t_args(
                "reports-summary-since",
                &[
                    ("count", FluentValue::from(total)),
                    ("n", FluentValue::from(lang.number(total))),
                    ("since", FluentValue::from(lang.date(since))),
                ],
            ),
            None => lang.t_count("reports-summary-all", total),
        }
    }

    fn weekly_desc(&self) -> String {
        let lang = self.lang();
        let weeks = &self.figures.weeks;
        let total: i64 = weeks.iter().map(|w| w.count).sum();
        let first = weeks
            .first()
            .map(|w| lang.date(w.start))
            .unwrap_or_default();
        let Some(peak) = weeks
            .iter()
            .rev()
            .max_by_key(|w| w.count)
            .filter(|_| total > 0)
        else {
            return lang.t_args("reports-weekly-desc-none", &[("from", first.into())]);
        };
        lang.t_args(
            "reports-weekly-desc",
            &[
                ("from", first.into()),
                ("count", FluentValue::from(total)),
                ("n", lang.number(total).into()),
                ("peak", lang.date(peak.start).into()),
                ("max", lang.number(peak.count).into()),
            ],
        )
    }

    fn funnel_desc(&self) -> String {
        let lang = self.lang();
        let steps: Vec<String> = self
            .figures
            .funnel
            .steps
            .iter()
            .map(|s| {
                lang.t_args(
                    "reports-funnel-desc-step",
                    &[
                        ("stage", lang.t(s.stage.key()).to_lowercase().into()),
                        ("n", lang.number(s.reached).into()),
                        ("percent", percent(lang, s.percent).into()),
                    ],
                )
            })
            .collect();
        let total = self.figures.funnel.total;
        lang.t_args(
            "reports-funnel-desc",
            &[
                ("count", FluentValue::from(total)),
                ("n", lang.number(total).into()),
                ("steps", steps.join("; ").into()),
            ],
        )
    }

    /// The description of a bar chart: how many bars, and the biggest.
    fn bars_desc(&self, key: &str, top: Option<(String, i64)>, bars: i64) -> String {
        let lang = self.lang();
        match top.filter(|(_, n)| *n > 0) {
            Some((label, max)) => lang.t_args(
                key,
                &[
                    ("count", FluentValue::from(bars)),
                    ("n", lang.number(bars).into()),
                    ("top", label.into()),
                    ("max", lang.number(max).into()),
                ],
            ),
            None => lang.t(&format!("{key}-none")),
        }
    }

    fn vacancies_desc(&self) -> String {
        let rows = &self.figures.vacancies.rows;
        let top = rows.first().map(|v| (v.title.clone(), v.count));
        self.bars_desc("reports-vacancies-desc", top, rows.len() as i64)
    }

    fn sources_desc(&self) -> String {
        let s = &self.figures.sources;
        let top = s
            .rows
            .first()
            .map(|r| (source_label(self.lang(), r.source.as_deref()), r.count));
        let bars = s.rows.len() as i64 + i64::from(s.other > 0);
        self.bars_desc("reports-sources-desc", top, bars)
    }
}

pub async fn show(
    CurrentUser(user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let choice = Choice::from(&req, &state);
    let now = crate::clock::now();
    let scope = choice.scope(now);
    let (figures, vacancies) = state
        .run(move |conn| {
            let figures = figures(conn, &scope, now)?;
            Ok((
                figures,
                db::applications::vacancies_with_applications(conn)?,
            ))
        })
        .await?;
    let ctx = PageCtx::admin(&state.site, &session, &user, Area::AdminReports);
    let (weekly_chart, funnel_chart, vacancy_chart, source_chart) = charts(ctx.lang, &figures);
    let page = ReportsPage {
        ctx,
        choice,
        vacancies,
        categories: state.categories.clone(),
        periods: Period::ALL,
        since: scope.since,
        figures,
        weekly_chart,
        funnel_chart,
        vacancy_chart,
        source_chart,
    };
    views::ok(&page)
}

/// One chart's figures as CSV rows (the header first), every cell guarded like the
/// applications export.
fn csv_rows(
    conn: &mut DbConn,
    chart: Chart,
    scope: &Scope,
    now: PrimitiveDateTime,
) -> AppResult<String> {
    let mut out = String::new();
    match chart {
        Chart::Weekly => {
            let starts = rep::last_weeks(now);
            let weeks = rep::weekly(&starts, &db::reports::weekly(conn, scope, &starts)?);
            out.push_str(&csv_row(&["week_starting", "applications"]));
            for w in weeks {
                out.push_str(&csv_row(&[&timefmt::date(w.start), &w.count.to_string()]));
            }
        }
        Chart::Funnel => {
            let funnel = funnel(conn, scope)?;
            out.push_str(&csv_row(&[
                "stage",
                "reached",
                "percent_of_all",
                "now_at_stage",
            ]));
            for s in funnel.steps {
                let (reached, percent, now) = (
                    s.reached.to_string(),
                    s.percent.to_string(),
                    s.now.to_string(),
                );
                out.push_str(&csv_row(&[s.stage.as_str(), &reached, &percent, &now]));
            }
        }
        Chart::Sources => {
            let total: i64 = db::reports::statuses(conn, scope)?
                .iter()
                .map(|(_, n)| n)
                .sum();
            let sources = rep::sources(&db::reports::sources(conn, scope, CSV_ROWS)?, total);
            out.push_str(&csv_row(&["source", "applications"]));
            for s in &sources.rows {
                let name = s.source.as_deref().unwrap_or("(direct)");
                out.push_str(&csv_row(&[name, &s.count.to_string()]));
            }
            if sources.other > 0 {
                out.push_str(&csv_row(&["(other)", &sources.other.to_string()]));
            }
        }
        Chart::PerVacancy => {
            let rows = db::reports::per_open_vacancy(conn, scope, now, CSV_ROWS)?;
            out.push_str(&csv_row(&["vacancy_id", "vacancy", "applications"]));
            for (id, title, n) in rows {
                out.push_str(&csv_row(&[&id.to_string(), &title, &n.to_string()]));
            }
        }
    }
    Ok(out)
}

/// `/admin/reports.csv?chart=weekly|funnel|sources|per-vacancy` and the page's filters.
pub async fn csv(
    CurrentUser(_user): CurrentUser,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let chart = query_pairs(req.query_string())
        .into_iter()
        .find(|(k, _)| k == "chart")
        .and_then(|(_, v)| Chart::parse(v.trim()))
        .ok_or_else(|| AppError::BadRequest(messages::REPORTS_UNKNOWN_CHART.into()))?;
    let choice = Choice::from(&req, &state);
    let now = crate::clock::now();
    let scope = choice.scope(now);
    let body = state
        .run(move |conn| csv_rows(conn, chart, &scope, now))
        .await?;
    let name = format!("report-{}-{}.csv", chart.as_str(), timefmt::date(now));
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body))
}
