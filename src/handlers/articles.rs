//! The article page, and what readers send from it: comments and "mark as read".

use actix_session::Session;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use serde_json::{json, Value};

use super::learn::reader_progress;
use super::{client_address, query_pairs, same_origin, AppState};
use crate::actions::comments::{self, CommentOutcome, CommentPost};
use crate::actions::limits::COMMENTS_PER_WINDOW;
use crate::actions::Actor;
use crate::db;
use crate::domain::auth::looks_like_email;
use crate::domain::markdown::{self, TocEntry};
use crate::domain::progress;
use crate::domain::spam;
use crate::domain::{jobposting, timefmt};
use crate::error::{AppError, AppResult};
use crate::forms::{self, FieldErrors, FormBody};
use crate::i18n::Lang;
use crate::messages::Msg;
use crate::models::{Article, Category, Comment, Faq, LearningPath, Skill, Vacancy};
use crate::stamp::{self, Purpose};
use crate::views::{self, Area, PageCtx};

pub struct Thread {
    pub comment: Comment,
    pub replies: Vec<Comment>,
}

/// What the reader typed into the comment form, kept when it comes back with errors.
#[derive(Default)]
pub struct CommentForm {
    pub name: String,
    pub email: String,
    pub website: String,
    pub comment: String,
    pub parent_id: Option<i32>,
    pub errors: FieldErrors,
    /// A problem with the form as a whole (expired, too fast, rate limit).
    pub problem: String,
}

#[derive(Template)]
#[template(path = "articles/show.html")]
pub struct ArticlePage {
    ctx: PageCtx,
    article: Article,
    body_html: String,
    toc: Vec<TocEntry>,
    path: Option<LearningPath>,
    step: usize,
    steps: usize,
    prev: Option<Article>,
    next: Option<Article>,
    faqs: Vec<Faq>,
    skills: Vec<Skill>,
    vacancies: Vec<(Vacancy, Category)>,
    threads: Vec<Thread>,
    comment_count: usize,
    form: CommentForm,
    stamp: String,
    read: bool,
    /// "pending" after a comment was sent.
    sent: String,
    json_ld: String,
}

impl ArticlePage {
    fn step_of(&self) -> String {
        self.ctx.lang.t_args(
            "article-step-of",
            &[
                ("step", self.step.to_string().into()),
                ("steps", self.steps.to_string().into()),
            ],
        )
    }

    fn reply_target(&self) -> Option<&Comment> {
        let id = self.form.parent_id?;
        self.threads.iter().map(|t| &t.comment).find(|c| c.id == id)
    }

    fn updated_later(&self) -> bool {
        match self.article.published_at {
            Some(p) => self.article.updated_at.date() > p.date(),
            None => false,
        }
    }
}

type ArticleParts = (
    Article,
    Option<LearningPath>,
    Vec<Article>,
    Vec<Faq>,
    Vec<Skill>,
    Vec<(Vacancy, Category)>,
    Vec<Comment>,
    Vec<Translation>,
);

/// Where the page is in another language: `/{lang}/articles/…` or `/{lang}/learn/…`.
type Translation = (String, String);

/// A published article with its path, the path's steps, FAQ, skills, the open vacancies that
/// need those skills and the approved comments.
fn article_parts(conn: &mut crate::db::DbConn, slug: &str) -> AppResult<ArticleParts> {
    let article = db::learning::article_by_slug(conn, slug)?
        .filter(Article::is_published)
        .ok_or(AppError::NotFound)?;
    let path = match article.path_id {
        Some(id) => db::learning::path_by_id(conn, id)?,
        None => None,
    };
    let siblings = match &path {
        Some(p) => db::learning::articles_in_path(conn, p.id, true)?,
        None => Vec::new(),
    };
    let faqs = db::learning::faqs_of(conn, article.id)?;
    let skills = db::learning::skills_of_article(conn, article.id)?;
    let skill_ids: Vec<i32> = skills.iter().map(|s| s.id).collect();
    let vacancies = db::board::sharing_skills(conn, &skill_ids, None, None, &article.lang, 4)?;
    let comments = db::comments::approved_for(conn, article.id)?;
    let translations = translations_of(conn, &article, path.as_ref())?;
    Ok((
        article,
        path,
        siblings,
        faqs,
        skills,
        vacancies,
        comments,
        translations,
    ))
}

/// The article's translations by language; where a language has none, the translation of its
/// path (the reader switching language lands on the path in theirs).
fn translations_of(
    conn: &mut crate::db::DbConn,
    article: &Article,
    path: Option<&LearningPath>,
) -> AppResult<Vec<Translation>> {
    let mut out: Vec<Translation> = db::learning::article_translations(conn, article)?
        .into_iter()
        .filter(|a| a.id != article.id)
        .map(|a| (a.lang.clone(), format!("/{}/articles/{}", a.lang, a.slug)))
        .collect();
    if let Some(path) = path {
        for p in db::learning::path_translations(conn, path)? {
            if p.id != path.id && !out.iter().any(|(lang, _)| *lang == p.lang) {
                out.push((p.lang.clone(), format!("/{}/learn/{}", p.lang, p.slug)));
            }
        }
    }
    Ok(out)
}

async fn load_page(
    state: &AppState,
    session: &Session,
    lang: Lang,
    slug: String,
    saved: Vec<i32>,
) -> AppResult<ArticlePage> {
    let (article, path, siblings, faqs, skills, vacancies, comments, translations) =
        state.run(move |conn| article_parts(conn, &slug)).await?;
    let (step, prev, next) = neighbours(&siblings, article.id);
    let toc = markdown::toc_of_html(&article.body_html);
    let comment_count = comments.len();
    let threads = threads(comments);
    let url = state
        .site
        .absolute(&format!("/{}/articles/{}", article.lang, article.slug));
    let here = format!("/articles/{}", article.slug);
    let back = format!("/{lang}{here}");
    let json_ld =
        jobposting::to_script_json(&structured_data(&article, &faqs, &skills, state, &url));
    Ok(ArticlePage {
        ctx: translations.into_iter().fold(
            PageCtx::public(&state.site, session, Area::Learn, lang)
                .with_canonical(url)
                .mirrored(&state.site, &here)
                .with_shortlist(saved, back),
            |ctx, (code, href)| match state.site.language(&code) {
                Some(other) => ctx.with_alternate(other, href),
                None => ctx,
            },
        ),
        toc,
        body_html: article.body_html.clone(),
        path,
        step,
        steps: siblings.len(),
        prev,
        next,
        faqs,
        skills,
        vacancies,
        threads,
        comment_count,
        form: CommentForm::default(),
        stamp: stamp::issue(&state.signer, Purpose::Comment, crate::clock::unix_now()),
        read: false,
        sent: String::new(),
        json_ld,
        article,
    })
}

/// The article's step number in its path (0 outside one) and the steps before and after it.
fn neighbours(siblings: &[Article], id: i32) -> (usize, Option<Article>, Option<Article>) {
    let position = siblings.iter().position(|a| a.id == id);
    let prev = position
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| siblings.get(i))
        .cloned();
    let next = position.and_then(|i| siblings.get(i + 1)).cloned();
    (position.map(|i| i + 1).unwrap_or(0), prev, next)
}

/// One level of replies: a reply to a reply joins the thread of its top comment.
fn threads(comments: Vec<Comment>) -> Vec<Thread> {
    let root_of = |c: &Comment, all: &[Comment]| -> Option<i32> {
        let mut parent = c.parent_id?;
        // Bounded walk: a cycle in bad data cannot hang the page.
        for _ in 0..8 {
            match all
                .iter()
                .find(|p| p.id == parent)
                .and_then(|p| p.parent_id)
            {
                Some(up) => parent = up,
                None => break,
            }
        }
        Some(parent)
    };
    let roots: Vec<i32> = comments
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(|c| c.id)
        .collect();
    let mut threads: Vec<Thread> = comments
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(|c| Thread {
            comment: c.clone(),
            replies: Vec::new(),
        })
        .collect();
    for c in &comments {
        if let Some(root) = root_of(c, &comments) {
            // A reply whose thread is not shown (its top comment not approved) is not shown.
            if let Some(t) = threads.iter_mut().find(|t| t.comment.id == root) {
                if roots.contains(&root) {
                    t.replies.push(c.clone());
                }
            }
        }
    }
    threads
}

/// JSON-LD: the Article, and the FAQ as an FAQPage when there is one.
fn structured_data(
    article: &Article,
    faqs: &[Faq],
    skills: &[Skill],
    state: &AppState,
    url: &str,
) -> Value {
    let organization = json!({
        "@type": "Organization",
        "name": state.site.org_name,
        "url": state.site.org_url,
    });
    let mut graph = vec![json!({
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.published_at.map(timefmt::iso),
        "dateModified": timefmt::iso(article.updated_at.max(article.published_at.unwrap_or(article.updated_at))),
        "author": organization,
        "publisher": organization,
        "mainEntityOfPage": url,
        "url": url,
        "wordCount": markdown::word_count(&article.body),
        "keywords": skills.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "),
    })];
    if !faqs.is_empty() {
        graph.push(json!({
            "@type": "FAQPage",
            "mainEntity": faqs.iter().map(|f| json!({
                "@type": "Question",
                "name": f.question,
                "acceptedAnswer": { "@type": "Answer", "text": f.answer },
            })).collect::<Vec<_>>(),
        }));
    }
    json!({ "@context": "https://schema.org", "@graph": graph })
}

pub async fn show(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    let read_ids = reader_progress(&req, &state);
    let saved = super::saved::saved_ids(&req, &state);
    let mut page = load_page(&state, &session, lang, path.into_inner(), saved).await?;
    page.read = read_ids.has_read(page.article.id);
    for (key, value) in query_pairs(req.query_string()) {
        match key.as_str() {
            "comment" if value == "pending" => page.sent = value,
            "reply_to" => page.form.parent_id = value.parse().ok(),
            _ => {}
        }
    }
    if page.reply_target().is_none() {
        page.form.parent_id = None;
    }
    let slot = stamp::Slot {
        issued: page.stamp.clone(),
        purpose: Purpose::Comment,
    };
    views::ok_with_stamp(&page, slot)
}

/// The comment form as typed, with a message next to each field that cannot be used.
fn read_comment_form(form: &FormBody, rules: &spam::Rules) -> CommentForm {
    let mut errors = FieldErrors::default();
    let name = forms::text(&mut errors, "name", form.get("name"), true, 80);
    let email = forms::text(&mut errors, "email", form.get("email"), true, 254).to_lowercase();
    if !email.is_empty() && !errors.has("email") && !looks_like_email(&email) {
        errors.add("email", "email-invalid");
    }
    let website = forms::text(&mut errors, "website", form.get("website"), false, 200);
    let web_address = website.starts_with("https://") || website.starts_with("http://");
    if !website.is_empty() && !errors.has("website") && !web_address {
        errors.add("website", "comment-website-invalid");
    }
    let text = forms::text(&mut errors, "comment", form.get("comment"), true, 5000);
    if !errors.has("comment") && spam::count_links(&text) > rules.max_links {
        let max = i64::try_from(rules.max_links).unwrap_or(i64::MAX);
        errors.add(
            "comment",
            Msg::new("comment-too-many-links").number("max", max),
        );
    }
    if let Some(word) = rules.blocked_word(&[&name, &text, &website]) {
        errors.add(
            "comment",
            Msg::new("comment-blocked-word").text("word", word),
        );
    }
    CommentForm {
        name,
        email,
        website,
        comment: text,
        parent_id: form.get("parent_id").trim().parse().ok(),
        errors,
        problem: String::new(),
    }
}

/// What is wrong with the form as a whole, checked in this order: a reply to a comment no
/// longer shown, then the robot signals (the invisible field, the form stamp).
fn form_problem(page: &ArticlePage, form: &FormBody, state: &AppState) -> Option<&'static str> {
    if page.form.parent_id.is_some() && page.reply_target().is_none() {
        return Some("comments-reply-gone");
    }
    // Robots fill the invisible field or send at once; people do neither.
    if !form.get(spam::HONEYPOT_FIELD).is_empty() {
        return Some("comments-honeypot");
    }
    match stamp::check(
        &state.signer,
        Purpose::Comment,
        form.get(stamp::FIELD),
        crate::clock::unix_now(),
        state.spam.min_fill_seconds,
    ) {
        stamp::Check::Fine => None,
        stamp::Check::TooFast => Some("comments-too-fast"),
        stamp::Check::Invalid | stamp::Check::Expired => Some("comments-expired"),
    }
}

pub async fn comment(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    form: FormBody,
    state: web::Data<AppState>,
    session: Session,
) -> AppResult<HttpResponse> {
    if !same_origin(&req, &state.site) {
        return Err(AppError::Csrf);
    }
    let slug = path.into_inner();
    let progress = reader_progress(&req, &state);
    let saved = super::saved::saved_ids(&req, &state);
    let mut page = load_page(&state, &session, lang, slug.clone(), saved).await?;
    page.read = progress.has_read(page.article.id);
    page.form = read_comment_form(&form, &state.spam);
    if let Some(problem) = form_problem(&page, &form, &state) {
        if page.reply_target().is_none() {
            page.form.parent_id = None;
        }
        page.form.problem = problem.into();
        return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if !page.form.errors.is_empty() {
        return views::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let post = CommentPost {
        article_id: page.article.id,
        parent_id: page.form.parent_id,
        author_name: page.form.name.clone(),
        email: page.form.email.clone(),
        website: page.form.website.clone(),
        body: page.form.comment.clone(),
        client_address: client_address(&req, &state.site),
        stamp: form.get(stamp::FIELD).to_string(),
    };
    let outcome = state
        .run(move |conn| comments::post_comment(conn, Actor::Visitor, post))
        .await?;
    match outcome {
        CommentOutcome::RateLimited => {
            page.form.problem = lang.t_count("comments-rate-limited", COMMENTS_PER_WINDOW);
            views::render(StatusCode::TOO_MANY_REQUESTS, &page)
        }
        CommentOutcome::Replayed => {
            page.form.problem = crate::messages::COMMENT_STAMP_USED.into();
            views::render(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        CommentOutcome::Held { .. } => Ok(views::redirect(&format!(
            "/{lang}/articles/{slug}?comment=pending#comments"
        ))),
    }
}

/// "Mark as read" and "mark as unread": the progress cookie changes, nothing on the server.
pub async fn mark_read(
    lang: Lang,
    req: HttpRequest,
    path: web::Path<String>,
    form: FormBody,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    if !same_origin(&req, &state.site) {
        return Err(AppError::Csrf);
    }
    let slug = path.into_inner();
    let read = form.get("read") != "0";
    let lookup = slug.clone();
    let article = state
        .run(move |conn| {
            db::learning::article_by_slug(conn, &lookup)?
                .filter(Article::is_published)
                .ok_or(AppError::NotFound)
        })
        .await?;
    let mut progress = reader_progress(&req, &state);
    progress.mark(article.id, read);
    let cookie = Cookie::build(progress::COOKIE, progress.to_cookie(&state.signer))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.site.base_url.starts_with("https://"))
        .max_age(CookieDuration::days(365))
        .finish();
    // Back to where the button was: the next step when there is one and the reader asked.
    let to = match form.get("then") {
        next if !next.is_empty() && crate::models::slug::slugify(next) == next => {
            format!("/{lang}/articles/{next}")
        }
        _ => format!("/{lang}/articles/{slug}#progress"),
    };
    let mut response = views::redirect(&to);
    response.add_cookie(&cookie).map_err(AppError::internal)?;
    Ok(response)
}
