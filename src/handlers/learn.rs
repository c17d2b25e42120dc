//! Learning paths for readers: the list of paths and one path as ordered steps with progress.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::AppState;
use crate::db;
use crate::domain::progress::{self, Progress};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::models::{Article, LearningPath};
use crate::views::{self, Area, PageCtx};

pub struct PathSummary {
    pub path: LearningPath,
    pub articles: usize,
    pub minutes: usize,
    pub done: usize,
}

#[derive(Template)]
#[template(path = "learn/index.html")]
struct IndexPage {
    ctx: PageCtx,
    paths: Vec<PathSummary>,
}

pub struct Step {
    pub number: usize,
    pub article: Article,
    pub minutes: usize,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "learn/path.html")]
struct PathPage {
    ctx: PageCtx,
    path: LearningPath,
    steps: Vec<Step>,
    done: usize,
    minutes_left: usize,
}

impl PathPage {
    /// The first step not read yet, once the reader has started.
    fn continue_with(&self) -> Option<&Step> {
        if self.done == 0 {
            return None;
        }
        self.steps.iter().find(|s| !s.done)
    }

    fn steps_read(&self) -> String {
        let lang = self.ctx.lang;
        lang.t_args(
            "path-steps-read",
            &[
                ("done", lang.number(self.done as i64).into()),
                ("total", lang.number(self.steps.len() as i64).into()),
            ],
        )
    }

    fn continue_text(&self, step: &Step) -> String {
        self.ctx.lang.t_args(
            "path-continue",
            &[
                ("step", step.number.to_string().into()),
                ("title", step.article.title.as_str().into()),
            ],
        )
    }

    fn step_meta(&self, step: &Step) -> String {
        self.ctx.lang.t_args(
            "path-step-meta",
            &[
                ("step", step.number.to_string().into()),
                ("minutes", step.minutes.to_string().into()),
            ],
        )
    }
}

impl IndexPage {
    fn read_of(&self, summary: &PathSummary) -> String {
        let lang = self.ctx.lang;
        lang.t_args(
            "learn-read-of",
            &[
                ("done", lang.number(summary.done as i64).into()),
                ("total", lang.number(summary.articles as i64).into()),
            ],
        )
    }
}

pub fn reader_progress(req: &HttpRequest, state: &AppState) -> Progress {
    let cookie = req.cookie(progress::COOKIE);
    Progress::from_cookie(&state.signer, cookie.as_ref().map(|c| c.value()))
}

pub async fn index(
    lang: Lang,
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let progress = reader_progress(&req, &state);
    let (paths, articles) = state
        .run(|conn| {
            Ok((
                db::learning::paths(conn)?,
                db::learning::published_articles(conn)?,
            ))
        })
        .await?;
    let paths = crate::domain::translations::for_reader(paths, lang)
        .into_iter()
        .map(|path| {
            let steps: Vec<&Article> = articles
                .iter()
                .filter(|a| a.path_id == Some(path.id))
                .collect();
            PathSummary {
                articles: steps.len(),
                minutes: steps.iter().map(|a| a.reading_minutes()).sum(),
                done: steps.iter().filter(|a| progress.has_read(a.id)).count(),
                path,
            }
        })
        .filter(|p| p.articles > 0)
        .collect();
    let ctx = PageCtx::public(&state.site, &session, Area::Learn, lang)
        .with_canonical(state.site.absolute(&format!("/{lang}/learn")))
        .mirrored(&state.site, "/learn")
        .with_shortlist(super::saved::saved_ids(&req, &state), "");
    views::ok(&IndexPage { ctx, paths })
}

pub async fn show(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner();
    let progress = reader_progress(&req, &state);
    let (path, articles, translations) = state
        .run(move |conn| {
            let path = db::learning::path_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let articles = db::learning::articles_in_path(conn, path.id, true)?;
            let translations = db::learning::path_translations(conn, &path)?;
            Ok((path, articles, translations))
        })
        .await?;
    if articles.is_empty() {
        return Err(AppError::NotFound);
    }
    let steps: Vec<Step> = articles
        .into_iter()
        .enumerate()
        .map(|(i, article)| Step {
            number: i + 1,
            minutes: article.reading_minutes(),
            done: progress.has_read(article.id),
            article,
        })
        .collect();
    let done = steps.iter().filter(|s| s.done).count();
    let minutes_left = steps.iter().filter(|s| !s.done).map(|s| s.minutes).sum();
    let ctx = PageCtx::public(&state.site, &session, Area::Learn, lang)
        .with_canonical(
            state
                .site
                .absolute(&format!("/{}/learn/{}", path.lang, path.slug)),
        )
        .mirrored(&state.site, "/learn")
        .with_shortlist(super::saved::saved_ids(&req, &state), "");
    // The path in each other language it has been translated into; else that language's list.
    let ctx = translations
        .iter()
        .filter(|p| p.id != path.id)
        .filter_map(|p| Some((state.site.language(&p.lang)?, p)))
        .fold(ctx, |ctx, (other, p)| {
            ctx.with_alternate(other, format!("/{other}/learn/{}", p.slug))
        });
    views::ok(&PathPage {
        ctx,
        path,
        steps,
        done,
        minutes_left,
    })
}
