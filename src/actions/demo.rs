//! Demo content, written by us: loaded into an empty database with `--demo`.

use serde::Deserialize;
use time::Duration;

use crate::db::{self, DbConn};
use crate::models::{
    places, ArticleFields, ArticleStatus, CommentStatus, NewComment, Place, VacancyFields,
    VacancyStatus,
};

const VACANCIES: &str = include_str!("../demo/vacancies.json");
const VACANCIES_ES: &str = include_str!("../demo/es/vacancies.json");

#[derive(Deserialize)]
struct DemoVacancy {
    /// In a translation: the title of the English original (none: written in Spanish only).
    #[serde(default)]
    translation_of: Option<String>,
    title: String,
    category: String,
    seniority: String,
    employment: String,
    work_mode: String,
    location: String,
    country: String,
    /// Places after the first, for vacancies done from several cities.
    #[serde(default)]
    other_places: Vec<DemoPlace>,
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

#[derive(Deserialize)]
struct DemoPlace {
    city: String,
    country: String,
}

/// Loads the demo vacancies when the database has none (the English ones, then the Spanish
/// ones linked to their originals); returns how many were loaded.
pub fn load_if_empty(conn: &mut DbConn) -> Result<usize, String> {
    let existing = db::vacancies::count(conn).map_err(|e| e.to_string())?;
    if existing > 0 {
        return Ok(0);
    }
    let english: Vec<DemoVacancy> =
        serde_json::from_str(VACANCIES).map_err(|e| format!("demo vacancies: {e}"))?;
    let spanish: Vec<DemoVacancy> =
        serde_json::from_str(VACANCIES_ES).map_err(|e| format!("demo vacancies (es): {e}"))?;
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        let originals = load_vacancies(conn, &english, "en", &[])?;
        load_vacancies(conn, &spanish, "es", &originals)?;
        Ok(())
    })
    .map_err(|e| format!("loading demo vacancies: {e}"))?;
    Ok(english.len() + spanish.len())
}

/// Inserts `demo` as vacancies in `lang` the way a recruiter's would be (skills, keyword
/// index, derived columns), a translation pointing at its original among `originals` (title,
/// id). Gives the titles and ids loaded.
fn load_vacancies(
    conn: &mut DbConn,
    demo: &[DemoVacancy],
    lang: &str,
    originals: &[(String, i32)],
) -> Result<Vec<(String, i32)>, diesel::result::Error> {
    let now = crate::clock::now();
    let mut loaded = Vec::new();
    for d in demo {
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
            other_places: places::encode(
                &d.other_places
                    .iter()
                    .map(|p| Place::new(&p.city, &p.country))
                    .collect::<Vec<_>>(),
            ),
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
        let original = match &d.translation_of {
            None => None,
            Some(title) => {
                Some(id_of(originals, Some(title)).ok_or(diesel::result::Error::NotFound)?)
            }
        };
        db::vacancies::set_language(conn, id, lang, original)?;
        super::reindex::vacancy(conn, id)?;
        let status = VacancyStatus::parse(&d.status).unwrap_or(VacancyStatus::Draft);
        let published_at = (status != VacancyStatus::Draft).then_some(published);
        db::vacancies::set_status(conn, id, status, published_at)?;
        db::vacancies::set_dates(conn, id, published_at, published - Duration::days(1))?;
        loaded.push((d.title.clone(), id));
    }
    Ok(loaded)
}

const LEARNING: &str = include_str!("../demo/articles.json");
const LEARNING_ES: &str = include_str!("../demo/es/learning.json");

#[derive(Deserialize)]
struct DemoLearning {
    paths: Vec<DemoPath>,
    comments: Vec<DemoComment>,
}

#[derive(Deserialize)]
struct DemoPath {
    /// In a translation: the slug of the original path.
    #[serde(default)]
    translation_of: Option<String>,
    slug: String,
    title: String,
    summary: String,
    articles: Vec<DemoArticle>,
}

#[derive(Deserialize)]
struct DemoArticle {
    #[serde(default)]
    translation_of: Option<String>,
    slug: String,
    title: String,
    summary: String,
    skills: Vec<String>,
    body: String,
    faqs: Vec<DemoFaq>,
}

#[derive(Deserialize)]
struct DemoFaq {
    question: String,
    answer: String,
}

#[derive(Deserialize)]
struct DemoComment {
    article: String,
    author_name: String,
    email: String,
    website: String,
    body: String,
    status: String,
    days_ago: i64,
    /// Index into the comment list of the comment this one answers.
    reply_to: Option<usize>,
}

/// Loads the demo learning paths, articles and comments when there are no articles yet (the
/// English ones, then their Spanish translations); returns how many articles were loaded.
pub fn load_learning_if_empty(conn: &mut DbConn) -> Result<usize, String> {
    let existing = db::learning::count_articles(conn).map_err(|e| e.to_string())?;
    if existing > 0 {
        return Ok(0);
    }
    let english: DemoLearning =
        serde_json::from_str(LEARNING).map_err(|e| format!("demo articles: {e}"))?;
    let spanish: DemoLearning =
        serde_json::from_str(LEARNING_ES).map_err(|e| format!("demo articles (es): {e}"))?;
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        let mut originals = Originals::default();
        let loaded = load_learning(conn, &english, "en", &mut originals)?;
        Ok(loaded + load_learning(conn, &spanish, "es", &mut originals)?)
    })
    .map_err(|e| format!("loading demo articles: {e}"))
}

/// Ids by slug of what was loaded, so translations can point at their originals.
#[derive(Default)]
struct Originals {
    paths: Vec<(String, i32)>,
    articles: Vec<(String, i32)>,
}

fn id_of(list: &[(String, i32)], slug: Option<&String>) -> Option<i32> {
    let slug = slug?;
    list.iter().find(|(s, _)| s == slug).map(|(_, id)| *id)
}

fn load_learning(
    conn: &mut DbConn,
    demo: &DemoLearning,
    lang: &str,
    originals: &mut Originals,
) -> Result<usize, diesel::result::Error> {
    let now = crate::clock::now();
    let first_position = originals.paths.len();
    let mut loaded = 0;
    let mut article_ids: Vec<(String, i32)> = Vec::new();
    for (p, path) in demo.paths.iter().enumerate() {
        let path_id = db::learning::insert_path(
            conn,
            &path.slug,
            &path.title,
            &path.summary,
            (first_position + p) as i32 + 1,
        )?;
        let original = id_of(&originals.paths, path.translation_of.as_ref());
        db::learning::set_path_language(conn, path_id, lang, original)?;
        originals.paths.push((path.slug.clone(), path_id));
        for (a, article) in path.articles.iter().enumerate() {
            let fields = ArticleFields {
                title: article.title.clone(),
                summary: article.summary.clone(),
                body: article.body.clone(),
                body_html: crate::domain::markdown::to_html(&article.body),
                path_id: Some(path_id),
                position: a as i32 + 1,
            };
            let id = db::learning::insert_article(conn, &article.slug, &fields, None)?;
            let original = id_of(&originals.articles, article.translation_of.as_ref());
            db::learning::set_article_language(conn, id, lang, original)?;
            // Older steps first, a few days apart, so dates look like a real publication.
            let published = now - Duration::days(60 - (p as i64) * 3 - a as i64 * 4);
            db::learning::set_article_status(conn, id, ArticleStatus::Published, Some(published))?;
            let pairs: Vec<(String, String)> = article
                .faqs
                .iter()
                .map(|f| (f.question.clone(), f.answer.clone()))
                .collect();
            db::learning::set_faqs(conn, id, &pairs)?;
            // Every third article had a later revision, to show "updated" dates.
            let revised = if a % 3 == 2 {
                published + Duration::days(9)
            } else {
                published
            };
            db::learning::set_article_updated_at(conn, id, revised)?;
            db::learning::set_article_skills(conn, id, &article.skills)?;
            article_ids.push((article.slug.clone(), id));
            loaded += 1;
        }
    }
    let mut comment_ids: Vec<i32> = Vec::new();
    for c in &demo.comments {
        let article_id = article_ids
            .iter()
            .find(|(slug, _)| *slug == c.article)
            .map(|(_, id)| *id)
            .ok_or(diesel::result::Error::NotFound)?;
        let status = CommentStatus::parse(&c.status).unwrap_or(CommentStatus::Pending);
        let id = db::comments::insert(
            conn,
            &NewComment {
                article_id,
                parent_id: c.reply_to.and_then(|i| comment_ids.get(i).copied()),
                author_name: c.author_name.clone(),
                email: c.email.clone(),
                website: c.website.clone(),
                body: c.body.clone(),
                status: status.as_str().to_string(),
                client_address: "demo".into(),
                created_at: now - Duration::days(c.days_ago),
            },
        )?;
        comment_ids.push(id);
    }
    originals.articles.extend(article_ids);
    Ok(loaded)
}
