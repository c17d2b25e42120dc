//! Translated content: recruiters add the version in another language from the original's edit
//! page (vacancies, articles, paths), the `other_languages` switch, the demo's Spanish
//! vacancies, vacancy pages linking their translations, and comments and reading progress
//! belonging to each translation.

use careers::db;
use careers::i18n::Lang;
use careers::models::{CommentStatus, NewComment};
use careers::schema::{articles, audit_log, learning_paths, vacancies};
use diesel::prelude::*;

use crate::common::{self, csrf_token, location, TestApp};

type Form = Vec<(&'static str, String)>;

/// A complete, valid vacancy form; tests change single fields.
fn vacancy_form(token: &str, title: &str) -> Form {
    let later = (careers::clock::now() + time::Duration::days(30))
        .date()
        .to_string();
    vec![
        ("csrf_token", token.to_string()),
        ("title", title.into()),
        ("category", "devops".into()),
        ("seniority", "middle_plus".into()),
        ("employment", "full_time".into()),
        ("work_mode", "hybrid".into()),
        ("location", "Lisbon".into()),
        ("country", "PT".into()),
        ("remote_countries", "".into()),
        ("salary_min", "50000".into()),
        ("salary_max", "65000".into()),
        ("salary_currency", "EUR".into()),
        ("salary_period", "year".into()),
        ("valid_through", later),
        ("summary", "You will build the internal platform our product teams deploy to, with a small team that cares about reliability and calm on-call weeks.".into()),
        ("responsibilities", "- Run our Kubernetes clusters\n- Write Terraform modules".into()),
        ("requirements", "- Three years running Linux systems\n- Kubernetes and Terraform".into()),
        ("nice_to_have", "".into()),
        ("benefits", "- Hybrid work".into()),
        ("skills", "Kubernetes, Terraform".into()),
        ("intent", "save".into()),
    ]
}

fn with(mut form: Form, field: &'static str, value: &str) -> Form {
    match form.iter_mut().find(|(k, _)| *k == field) {
        Some((_, v)) => *v = value.to_string(),
        None => form.push((field, value.to_string())),
    }
    form
}

async fn post(app: &TestApp, path: &str, form: &Form) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// The id at the end of a redirect such as `/admin/vacancies/12` or `/admin/paths#path-3`.
fn id_in(to: &str) -> i32 {
    to.rsplit(['/', '-']).next().unwrap().parse().expect(to)
}

/// A form control's value as the page shows it: an input's value, a textarea's text, or a
/// select's chosen option.
fn field(html: &str, name: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let input = scraper::Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
    if let Some(e) = doc.select(&input).next() {
        return e.value().attr("value").unwrap_or("").to_string();
    }
    let area = scraper::Selector::parse(&format!("textarea[name=\"{name}\"]")).unwrap();
    if let Some(e) = doc.select(&area).next() {
        return e.text().collect();
    }
    let chosen =
        scraper::Selector::parse(&format!("select[name=\"{name}\"] option[selected]")).unwrap();
    doc.select(&chosen)
        .next()
        .and_then(|e| e.value().attr("value"))
        .unwrap_or("")
        .to_string()
}

fn english() -> Lang {
    Lang::fallback()
}

fn spanish() -> Lang {
    Lang::parse("es").unwrap()
}

fn add_label(language: &str) -> String {
    english().t_args("admin-version-add", &[("language", language.into())])
}

backend_test!(recruiters_add_the_spanish_version_of_a_vacancy);
async fn recruiters_add_the_spanish_version_of_a_vacancy() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let r = post(
        &app,
        "/admin/vacancies",
        &vacancy_form(&token, "Platform Engineer"),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let original = id_in(&location(&r));

    // The original's edit page offers the Spanish version.
    let (_, edit) = app
        .get_html(&format!("/admin/vacancies/{original}/edit"))
        .await;
    let add = format!("/admin/vacancies/new?translate={original}&amp;lang=es");
    assert!(edit.contains(&add), "link to add the Spanish version");
    assert!(edit.contains(&add_label("Spanish")));

    // The new-vacancy form is filled from the original, in Spanish, pointing at it.
    let (status, form) = app
        .get_html(&format!(
            "/admin/vacancies/new?translate={original}&lang=es"
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(field(&form, "title"), "Platform Engineer");
    assert_eq!(field(&form, "category"), "devops");
    assert_eq!(field(&form, "salary_min"), "50000");
    assert_eq!(field(&form, "skills"), "Kubernetes, Terraform");
    assert_eq!(field(&form, "lang"), "es");
    assert_eq!(field(&form, "translation_of"), original.to_string());
    let token = csrf_token(&form);

    // Without the form's token nothing is saved.
    let spanish_form = with(
        with(
            with(
                vacancy_form(&token, "Ingeniera de plataforma"),
                "lang",
                "es",
            ),
            "translation_of",
            &original.to_string(),
        ),
        "summary",
        "Construirás la plataforma interna en la que despliegan nuestros equipos de producto.",
    );
    let forged = with(spanish_form.clone(), "csrf_token", "forged");
    assert_eq!(
        post(&app, "/admin/vacancies", &forged)
            .await
            .status()
            .as_u16(),
        403
    );

    let r = post(&app, "/admin/vacancies", &spanish_form).await;
    assert_eq!(r.status().as_u16(), 303);
    let translation = id_in(&location(&r));
    let detail = db::vacancies::by_id(&mut app.conn(), translation)
        .unwrap()
        .unwrap();
    let v = &detail.vacancy;
    assert_eq!(
        (v.lang.as_str(), v.translation_of, v.status.as_str()),
        ("es", Some(original), "draft")
    );
    assert_eq!(v.slug, "ingeniera-de-plataforma", "its own slug");
    assert_eq!(v.salary_min, Some(50000));
    let skills: Vec<&str> = detail.skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(skills, ["Kubernetes", "Terraform"]);
    let audited: Vec<String> = audit_log::table
        .filter(audit_log::entity.eq("vacancy"))
        .filter(audit_log::entity_id.eq(translation))
        .filter(audit_log::action.eq("create"))
        .select(audit_log::changes)
        .load(&mut app.conn())
        .unwrap();
    assert!(audited[0].contains("translation_of") && audited[0].contains("\"es\""));

    // The list marks it as Spanish.
    let (_, list) = app.get_html("/admin/vacancies").await;
    assert!(list.contains("Ingeniera de plataforma</a> <span class=\"tag\">Spanish</span>"));

    // The original lists it; the translation links back to the original.
    let (_, edit) = app
        .get_html(&format!("/admin/vacancies/{original}/edit"))
        .await;
    assert!(edit.contains("Ingeniera de plataforma"));
    assert!(edit.contains(&format!("/admin/vacancies/{translation}/edit")));
    assert!(
        !edit.contains(&add_label("Spanish")),
        "the group has Spanish now"
    );
    let (_, edit) = app
        .get_html(&format!("/admin/vacancies/{translation}/edit"))
        .await;
    assert!(edit.contains(&format!(
        "/admin/vacancies/{original}/edit\" hreflang=\"en\""
    )));

    // A second Spanish version of the same group is refused beside the language field.
    let r = post(&app, "/admin/vacancies", &spanish_form).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains(&common::en("admin-version-language-taken")));
    assert!(html.contains("id=\"f-lang-error\""));
    assert_eq!(
        field(&html, "title"),
        "Ingeniera de plataforma",
        "input kept"
    );

    // A translation of the translation joins the group's original: its form is filled from
    // the original, and English (the original's language) is taken.
    let (_, form) = app
        .get_html(&format!(
            "/admin/vacancies/new?translate={translation}&lang=en"
        ))
        .await;
    assert_eq!(field(&form, "translation_of"), original.to_string());
    assert_eq!(field(&form, "title"), "Platform Engineer");
    let english_again = with(
        with(spanish_form.clone(), "lang", "en"),
        "translation_of",
        &translation.to_string(),
    );
    assert_eq!(
        post(&app, "/admin/vacancies", &english_again)
            .await
            .status()
            .as_u16(),
        422
    );
    let versions: i64 = vacancies::table
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(versions, 2);

    // An unknown language or original is a clear 4xx, not a form.
    let (status, _) = app
        .get_html(&format!(
            "/admin/vacancies/new?translate={original}&lang=xx"
        ))
        .await;
    assert_eq!(status, 400);
    let (status, _) = app
        .get_html("/admin/vacancies/new?translate=999999&lang=es")
        .await;
    assert_eq!(status, 404);
}

backend_test!(editors_add_the_spanish_version_of_an_article_and_a_path);
async fn editors_add_the_spanish_version_of_an_article_and_a_path() {
    let app = common::spawn_app().await;
    let token = app.admin().await;
    // An English path without a Spanish version, and one of its articles.
    let (path_id, path_title): (i32, String) = learning_paths::table
        .filter(learning_paths::lang.eq("en"))
        .filter(learning_paths::slug.ne("backend-developer"))
        .select((learning_paths::id, learning_paths::title))
        .order(learning_paths::id)
        .first(&mut app.conn())
        .unwrap();
    let (_, edit) = app.get_html(&format!("/admin/paths/{path_id}/edit")).await;
    assert!(edit.contains(&format!("/admin/paths/new?translate={path_id}&amp;lang=es")));
    let (_, form) = app
        .get_html(&format!("/admin/paths/new?translate={path_id}&lang=es"))
        .await;
    assert_eq!(field(&form, "title"), path_title);
    let path_form: Form = vec![
        ("csrf_token", token.clone()),
        ("title", "Ruta de prueba en español".into()),
        ("summary", field(&form, "summary")),
        ("lang", "es".into()),
        ("translation_of", path_id.to_string()),
    ];
    let r = post(&app, "/admin/paths", &path_form).await;
    assert_eq!(r.status().as_u16(), 303);
    let spanish_path = id_in(&location(&r));
    let (lang, original): (String, Option<i32>) = learning_paths::table
        .find(spanish_path)
        .select((learning_paths::lang, learning_paths::translation_of))
        .first(&mut app.conn())
        .unwrap();
    assert_eq!((lang.as_str(), original), ("es", Some(path_id)));
    let r = post(&app, "/admin/paths", &path_form).await;
    assert_eq!(r.status().as_u16(), 422, "one Spanish version per path");

    // An article of that path: its Spanish version goes to the Spanish path, as a draft.
    let article_id: i32 = articles::table
        .filter(articles::path_id.eq(path_id))
        .select(articles::id)
        .order(articles::position)
        .first(&mut app.conn())
        .unwrap();
    let (_, edit) = app
        .get_html(&format!("/admin/articles/{article_id}/edit"))
        .await;
    assert!(edit.contains(&add_label("Spanish")));
    let (_, form) = app
        .get_html(&format!(
            "/admin/articles/new?translate={article_id}&lang=es"
        ))
        .await;
    assert_eq!(field(&form, "path"), spanish_path.to_string());
    assert_eq!(field(&form, "status"), "draft");
    assert_eq!(field(&form, "translation_of"), article_id.to_string());
    let article_form: Form = vec![
        ("csrf_token", token.clone()),
        ("title", "Un artículo traducido".into()),
        ("summary", field(&form, "summary")),
        ("body", field(&form, "body")),
        ("skills", field(&form, "skills")),
        ("path", field(&form, "path")),
        ("position", "".into()),
        ("status", "draft".into()),
        ("lang", "es".into()),
        ("translation_of", article_id.to_string()),
        ("intent", "save".into()),
    ];
    let r = post(&app, "/admin/articles", &article_form).await;
    assert_eq!(r.status().as_u16(), 303);
    let translation = id_in(&location(&r));
    let row: (String, Option<i32>, Option<i32>, String, String) = articles::table
        .find(translation)
        .select((
            articles::lang,
            articles::translation_of,
            articles::path_id,
            articles::status,
            articles::slug,
        ))
        .first(&mut app.conn())
        .unwrap();
    assert_eq!(
        row,
        (
            "es".into(),
            Some(article_id),
            Some(spanish_path),
            "draft".into(),
            "un-articulo-traducido".into()
        )
    );
    let (_, edit) = app
        .get_html(&format!("/admin/articles/{article_id}/edit"))
        .await;
    assert!(edit.contains(&format!("/admin/articles/{translation}/edit")));
    let r = post(&app, "/admin/articles", &article_form).await;
    assert_eq!(r.status().as_u16(), 422, "one Spanish version per article");
    // A demo article that has its Spanish version offers no second one.
    let git = articles::table
        .filter(articles::slug.eq("git-for-developers"))
        .select(articles::id)
        .first::<i32>(&mut app.conn())
        .unwrap();
    let (_, edit) = app.get_html(&format!("/admin/articles/{git}/edit")).await;
    assert!(edit.contains("Control de versiones con Git"));
    assert!(!edit.contains(&add_label("Spanish")));
}

backend_test!(the_other_languages_switch_is_saved_and_audited);
async fn the_other_languages_switch_is_saved_and_audited() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let (_, form) = app.get_html("/admin/vacancies/new").await;
    assert!(form.contains("name=\"other_languages\" type=\"checkbox\" value=\"yes\" checked"));
    assert_eq!(field(&form, "lang"), "en", "the default language");
    // Unticked: the browser sends only the hidden "no".
    let off = with(vacancy_form(&token, "Quiet Role"), "other_languages", "no");
    let r = post(&app, "/admin/vacancies", &off).await;
    assert_eq!(r.status().as_u16(), 303);
    let id = id_in(&location(&r));
    let listed = |app: &TestApp| -> bool {
        vacancies::table
            .find(id)
            .select(vacancies::other_languages)
            .first(&mut app.conn())
            .unwrap()
    };
    assert!(!listed(&app));
    let (_, edit) = app.get_html(&format!("/admin/vacancies/{id}/edit")).await;
    assert!(edit.contains("name=\"other_languages\" type=\"checkbox\" value=\"yes\" aria"));
    // Ticked: the hidden "no" and the box's "yes".
    let mut on = vacancy_form(&token, "Quiet Role");
    on.push(("other_languages", "no".into()));
    on.push(("other_languages", "yes".into()));
    let r = post(&app, &format!("/admin/vacancies/{id}"), &on).await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(listed(&app));
    let changes: Vec<String> = audit_log::table
        .filter(audit_log::entity_id.eq(id))
        .filter(audit_log::action.eq("update"))
        .select(audit_log::changes)
        .load(&mut app.conn())
        .unwrap();
    assert!(
        changes.iter().any(|c| c.contains("other_languages")),
        "{changes:?}"
    );
}

/// (id, slug, lang, translation_of) of every vacancy.
type Row = (i32, String, String, Option<i32>);

fn all_vacancies(app: &TestApp) -> Vec<Row> {
    vacancies::table
        .select((
            vacancies::id,
            vacancies::slug,
            vacancies::lang,
            vacancies::translation_of,
        ))
        .load(&mut app.conn())
        .unwrap()
}

backend_test!(the_demo_loads_spanish_vacancies_linked_to_their_originals);
async fn the_demo_loads_spanish_vacancies_linked_to_their_originals() {
    let app = common::spawn_app().await;
    let rows = all_vacancies(&app);
    let spanish: Vec<&Row> = rows.iter().filter(|r| r.2 == "es").collect();
    let linked = spanish.iter().filter(|r| r.3.is_some()).count();
    assert!(
        linked >= 8,
        "{linked} Spanish vacancies linked to originals"
    );
    for (id, slug, _, original) in &spanish {
        if let Some(original) = original {
            let o = rows.iter().find(|r| r.0 == *original).unwrap();
            assert_eq!(o.2, "en", "{slug} translates an English original");
        }
        // Filled as English demo vacancies are: skills, HTML, place.
        let d = db::vacancies::by_id(&mut app.conn(), *id).unwrap().unwrap();
        assert!(!d.skills.is_empty(), "{slug} has skills");
        assert!(d.html.summary_html.contains("<p>"), "{slug} has its HTML");
    }
    // The keyword index has them, accents folded.
    for q in ["ingeniería", "ingenieria", "desarrollador"] {
        let (status, html) = app.get_html(&format!("/es/vacancies?q={q}")).await;
        assert_eq!(status, 200);
        let found = common::texts(&html, ".results .card-title a");
        assert!(!found.is_empty(), "{q} finds Spanish vacancies");
    }
    let (_, html) = app.get_html("/es/vacancies?q=ingenieria").await;
    assert!(html.contains("Responsable de Ingeniería Backend"));
}

backend_test!(a_vacancy_page_links_its_translation);
async fn a_vacancy_page_links_its_translation() {
    let app = common::spawn_app().await;
    let rows = all_vacancies(&app);
    let (en_id, en_slug) = rows
        .iter()
        .find(|r| r.1 == "backend-developer-python")
        .map(|r| (r.0, r.1.clone()))
        .unwrap();
    let es_slug = rows
        .iter()
        .find(|r| r.3 == Some(en_id))
        .map(|r| r.1.clone())
        .unwrap();
    let (status, page) = app.get_html(&format!("/en/vacancies/{en_slug}")).await;
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("hreflang=\"es\" href=\"/es/vacancies/{es_slug}\"")),
        "hreflang alternate to the translation"
    );
    assert!(
        page.contains(&format!("next=%2Fes%2Fvacancies%2F{es_slug}")),
        "the language switch goes to the translation"
    );
    assert!(
        !page.contains(&format!("/vacancies/{es_slug}\" hreflang")),
        "its translation is not offered as a related vacancy"
    );
    let (status, page) = app.get_html(&format!("/es/vacancies/{es_slug}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!("hreflang=\"en\" href=\"/en/vacancies/{en_slug}\"")));
    let related = common::texts(&page, ".card-title a");
    assert!(
        !related.iter().any(|t| t == "Backend Developer (Python)"),
        "its original is not offered as a related vacancy: {related:?}"
    );
    assert!(page.contains(&format!(
        "rel=\"canonical\" href=\"http://careers.test/es/vacancies/{es_slug}\""
    )));
    // The JobPosting is the Spanish one: its title, address, headings and skill names.
    let posting = common::json_ld(&page)
        .into_iter()
        .find(|j| j["@type"] == "JobPosting")
        .unwrap();
    assert_eq!(posting["title"], "Desarrollador/a Backend (Python)");
    assert!(posting["url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/es/vacancies/{es_slug}")));
    let description = posting["description"].as_str().unwrap();
    assert!(description.contains(&spanish().t("vacancy-requirements")));
    assert!(posting["skills"]
        .as_str()
        .unwrap()
        .contains(&spanish().t("skill-unit-testing")));
    // A vacancy with no translation is offered at its own address under the other prefix.
    let (_, other) = app.get_html("/en/vacancies/backend-developer-go").await;
    assert!(other.contains("hreflang=\"es\" href=\"/es/vacancies/backend-developer-go\""));
}

backend_test!(comments_and_reading_progress_belong_to_each_translation);
async fn comments_and_reading_progress_belong_to_each_translation() {
    let app = common::spawn_app().await;
    let id_of = |slug: &str| -> i32 {
        articles::table
            .filter(articles::slug.eq(slug))
            .select(articles::id)
            .first(&mut app.conn())
            .unwrap()
    };
    let spanish_id = id_of("git-para-desarrolladores");
    assert_eq!(
        articles::table
            .find(spanish_id)
            .select(articles::translation_of)
            .first::<Option<i32>>(&mut app.conn())
            .unwrap(),
        Some(id_of("git-for-developers"))
    );
    db::comments::insert(
        &mut app.conn(),
        &NewComment {
            article_id: spanish_id,
            parent_id: None,
            author_name: "Lucía".into(),
            email: "lucia@example.com".into(),
            website: String::new(),
            body: "Zzqx: un comentario sólo en la versión española.".into(),
            status: CommentStatus::Approved.as_str().into(),
            client_address: "test".into(),
            created_at: careers::clock::now(),
        },
    )
    .unwrap();
    let (_, es) = app.get_html("/es/articles/git-para-desarrolladores").await;
    let (_, en) = app.get_html("/en/articles/git-for-developers").await;
    assert!(
        es.contains("Zzqx"),
        "shown on the translation it was written on"
    );
    assert!(
        !en.contains("Zzqx"),
        "not on the other version of the group"
    );

    let r = app
        .post_form(
            "/es/articles/git-para-desarrolladores/read",
            &[("read", "1")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, es) = app.get_html("/es/articles/git-para-desarrolladores").await;
    let (_, en) = app.get_html("/en/articles/git-for-developers").await;
    assert!(es.contains(&spanish().t("article-marked-read")));
    assert!(!en.contains(&english().t("article-marked-read")));
}

backend_test!(two_versions_in_one_language_saved_at_once_are_refused_by_the_index);
async fn two_versions_in_one_language_saved_at_once_are_refused_by_the_index() {
    use careers::actions::translations::Abort;
    let app = common::spawn_app().await;
    let rows = all_vacancies(&app);
    let (original, spanish) = rows
        .iter()
        .find_map(|r| r.3.map(|o| (o, r.0)))
        .expect("a demo translation");
    // What the action's check cannot see: another Spanish version written meanwhile.
    let other = rows
        .iter()
        .find(|r| r.2 == "en" && r.0 != original && r.3.is_none())
        .unwrap()
        .0;
    let mut conn = app.conn();
    let refused = db::vacancies::set_language(&mut conn, other, "es", Some(original))
        .expect_err("one Spanish version per group");
    assert!(matches!(Abort::from(refused), Abort::Taken));
    assert_ne!(spanish, other);
}

backend_test!(the_sitemap_links_translations_as_hreflang_alternates);
/// The sitemap names each translated article, path and vacancy's versions as `xhtml:link`
/// alternates (with `x-default`, the original), and the lists of every language each other.
async fn the_sitemap_links_translations_as_hreflang_alternates() {
    const BASE: &str = "http://careers.test";
    let app = common::spawn_app().await;
    let (status, sitemap) = app.get_html("/sitemap.xml").await;
    assert_eq!(status, 200);
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    let entry = |path: &str| -> String {
        let loc = format!("{path}</loc>");
        let at = sitemap
            .find(&loc)
            .unwrap_or_else(|| panic!("{path} listed"));
        sitemap[at..].split("</url>").next().unwrap().to_string()
    };
    let english = "/en/articles/who-is-a-backend-developer";
    let spanish = "/es/articles/quien-es-un-desarrollador-backend";
    for page in [english, spanish] {
        let e = entry(page);
        let link = |lang: &str, path: &str| format!("hreflang=\"{lang}\" href=\"{BASE}{path}\"");
        assert!(e.contains(&link("en", english)), "{e}");
        assert!(e.contains(&link("es", spanish)), "{e}");
        assert!(e.contains(&link("x-default", english)), "{e}");
    }
    let path = entry("/es/learn/desarrollador-backend");
    assert!(path.contains("/en/learn/backend-developer\"/>"), "{path}");
    // A demo vacancy and its Spanish version name each other.
    let (en_slug, es_slug): (String, String) = {
        use careers::schema::vacancies;
        let mut conn = app.conn();
        let (id, es_slug): (Option<i32>, String) = vacancies::table
            .filter(vacancies::lang.eq("es"))
            .filter(vacancies::translation_of.is_not_null())
            .filter(vacancies::status.eq("published"))
            .select((vacancies::translation_of, vacancies::slug))
            .first(&mut *conn)
            .unwrap();
        let en_slug: String = vacancies::table
            .find(id.unwrap())
            .select(vacancies::slug)
            .first(&mut *conn)
            .unwrap();
        (en_slug, es_slug)
    };
    let e = entry(&format!("/es/vacancies/{es_slug}"));
    assert!(e.contains(&format!("/en/vacancies/{en_slug}\"/>")), "{e}");
    // The home page exists in every language; x-default is the default language's.
    let home = entry("/en");
    assert!(
        home.contains(&format!("hreflang=\"es\" href=\"{BASE}/es\"")),
        "{home}"
    );
    assert!(
        home.contains(&format!("hreflang=\"x-default\" href=\"{BASE}/en\"")),
        "{home}"
    );
}
