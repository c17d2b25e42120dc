//! Translations: every key in both languages, every key the code asks for exists, and the admin
//! area in the language each user picks in their account.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common::{self, csrf_token, location, texts, TestApp};
use careers::i18n::Lang;
use careers::models::{
    ArticleStatus, CommentStatus, Employment, Role, SalaryPeriod, Seniority, Stage, VacancyStatus,
    WorkMode,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The message ids of each language folder, parsed with Fluent's own parser; a file that does
/// not parse, or an id defined twice in one language, fails the test.
fn keys_per_language() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for dir in std::fs::read_dir(root().join("locales")).unwrap() {
        let dir = dir.unwrap().path();
        let lang = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files = Vec::new();
        files_under(&dir, "ftl", &mut files);
        let mut keys = BTreeSet::new();
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
            for entry in resource.body {
                let id = match entry {
                    fluent_syntax::ast::Entry::Message(m) => m.id.name.to_string(),
                    fluent_syntax::ast::Entry::Term(t) => format!("-{}", t.id.name),
                    fluent_syntax::ast::Entry::Junk { content } => {
                        panic!("{}: junk {content:?}", file.display())
                    }
                    _ => continue,
                };
                assert!(keys.insert(id.clone()), "{lang}: {id} twice");
            }
        }
        out.insert(lang, keys);
    }
    out
}

#[test]
fn every_key_exists_in_every_language() {
    let keys = keys_per_language();
    let en = keys.get("en").expect("locales/en");
    assert!(keys.contains_key("es"), "locales/es");
    assert!(en.len() > 400, "only {} English keys", en.len());
    for (lang, theirs) in &keys {
        let missing: Vec<&String> = en.difference(theirs).collect();
        let extra: Vec<&String> = theirs.difference(en).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
    }
}

/// Keys named in the code: `t("…")`, `tn("…")`, `ta("…")`, `t_args("…"`, `t_count("…"`,
/// `Msg::new("…")`, a form error `add("field", "key")`, the message constants, and any string
/// in the admin (`admin-…`) and checklist (`check-…`) namespaces.
fn keys_in_code() -> BTreeMap<String, String> {
    let call = regex::Regex::new(
        r#"(?:\bt|\btn|\bta|\bt_args|\bt_count|Msg::new)\(\s*"([a-z][a-z0-9_-]*)""#,
    )
    .unwrap();
    let field_error =
        regex::Regex::new(r#"\.add\(\s*"[a-z_]+",\s*"([a-z][a-z0-9-]*)"\s*\)"#).unwrap();
    let constant = regex::Regex::new(r#"pub const [A-Z_]+: &str = "([^"]*)";"#).unwrap();
    let namespaced = regex::Regex::new(r#""((?:admin|check)-[a-z0-9-]+)""#).unwrap();
    let mut files = Vec::new();
    files_under(&root().join("src"), "rs", &mut files);
    files_under(&root().join("templates"), "html", &mut files);
    let mut out = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        let mut found: Vec<String> = Vec::new();
        for re in [&call, &field_error, &namespaced] {
            found.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
        }
        if name.ends_with("messages.rs") {
            found.extend(constant.captures_iter(&text).map(|c| c[1].to_string()));
        }
        for key in found {
            out.entry(key).or_insert_with(|| name.clone());
        }
    }
    // Area names there look like admin keys but are compared, not translated.
    out.retain(|_, file| !file.ends_with("views/mod.rs"));
    out
}

#[test]
fn every_key_the_code_asks_for_exists_in_english() {
    let keys = keys_per_language();
    let en = &keys["en"];
    let used = keys_in_code();
    assert!(used.len() > 300, "the scan found only {} keys", used.len());
    assert!(
        used.contains_key("admin-dashboard-title"),
        "templates are scanned"
    );
    assert!(used.contains_key("login-failed"), "constants are scanned");
    let missing: Vec<String> = used
        .iter()
        .filter(|(key, _)| !en.contains(*key))
        .map(|(key, file)| format!("{key} ({file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from locales/en: {missing:#?}"
    );
}

/// Labels are looked up by a key built from the stored value: every value has one in both
/// languages, and the Spanish ones are really Spanish.
#[test]
fn every_stored_value_has_a_label_in_both_languages() {
    let mut keys: Vec<&str> = Vec::new();
    keys.extend(Seniority::ALL.iter().map(|v| v.key()));
    keys.extend(Employment::ALL.iter().map(|v| v.key()));
    keys.extend(WorkMode::ALL.iter().map(|v| v.key()));
    keys.extend(SalaryPeriod::ALL.iter().map(|v| v.key()));
    keys.extend(VacancyStatus::ALL.iter().map(|v| v.key()));
    keys.extend(ArticleStatus::ALL.iter().map(|v| v.key()));
    keys.extend(CommentStatus::ALL.iter().map(|v| v.key()));
    keys.extend(Role::ALL.iter().map(|v| v.key()));
    keys.extend(Stage::ALL.iter().map(|v| v.key()));
    let countries: Vec<String> = careers::models::countries::COUNTRIES
        .iter()
        .map(|(code, _)| format!("country-{code}"))
        .collect();
    keys.extend(countries.iter().map(String::as_str));
    let periods: Vec<String> = SalaryPeriod::ALL
        .iter()
        .map(|p| format!("admin-period-{}", p.as_str()))
        .collect();
    keys.extend(periods.iter().map(String::as_str));
    for lang in Lang::available() {
        for key in &keys {
            assert!(lang.has(key), "{lang} lacks {key}");
        }
    }
    let es = Lang::parse("es").unwrap();
    assert_eq!(es.t(SalaryPeriod::Year.key()), "al año");
    assert_eq!(es.t(WorkMode::Onsite.key()), "Presencial");
    assert_eq!(es.t("country-DE"), "Alemania");
    assert_eq!(Lang::fallback().t("seniority-middle_plus"), "Middle+");
}

/// English texts of the admin templates that a Spanish page must not show.
const ENGLISH: &[&str] = &[
    "Latest changes",
    "Post a vacancy",
    "new applications",
    "to moderate",
    "expiring within",
    "Nothing has changed yet",
    "Fields marked",
    "are required",
    "The role",
    "Job title",
    "Employment type",
    "Work mode",
    "Salary and dates",
    "Valid through",
    "Responsibilities",
    "Requirements",
    "Nice to have",
    "Benefits",
    "Preview and check",
    "Choose…",
    "Title contains",
    "Your account",
    "Change your password",
    "Current password",
    "Signed in as",
    "Name or email",
    "Export these as CSV",
    "Counts per status",
    "Write an article",
    "Learning paths",
    "New path",
    "Articles in no path",
    "Questions and answers",
    "Skills it teaches",
    "Step in the path",
    "waiting for moderation",
    "No comments here",
    "Add a user",
    "Create account",
    "Audit log",
    "Nothing recorded",
    "No vacancies match",
    "No applications match",
    "No articles match",
    "Ready for Google",
    "Must fix:",
    "Advice:",
    "History",
    "Duplicate",
    "Delete draft",
    "Status",
    "Category",
    "Seniority",
    "per year",
    "Full-time",
    "Hybrid",
    "Draft",
    "Published",
    "Germany",
    "United Kingdom",
    "Administrator",
    "Recruiter",
    "This field is required",
    "Please correct",
    "Applications per week",
    "Where candidates came from",
    "Median time",
    "Direct or unknown",
    "Open vacancies",
    "Nothing to measure",
    " by ",
];

/// The text of a page's `<main>`: the admin templates' own words, without the shared frame and
/// without the JSON-LD shown in `<pre>` (the posting is in the vacancy's own language).
fn main_text(html: &str) -> String {
    let pre = regex::Regex::new(r"(?s)<pre>.*?</pre>").unwrap();
    texts(&pre.replace_all(html, ""), "main").join(" ")
}

fn assert_no_english(path: &str, html: &str) {
    let text = main_text(html);
    for english in ENGLISH {
        assert!(
            !text.contains(english),
            "{path} shows the English {english:?} in Spanish:\n{text}"
        );
    }
}

async fn choose_language(app: &TestApp, token: &str, lang: &str) -> reqwest::Response {
    app.post_form(
        "/admin/account/language",
        &[("csrf_token", token), ("lang", lang)],
    )
    .await
}

fn vacancy_form(token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("csrf_token", token.to_string()),
        ("title", "Ingeniera de plataforma".into()),
        ("category", "devops".into()),
        ("seniority", "senior".into()),
        ("employment", "full_time".into()),
        ("work_mode", "onsite".into()),
        ("location", "Madrid".into()),
        ("country", "ES".into()),
        ("remote_countries", String::new()),
        ("salary_min", "50000".into()),
        ("salary_max", "65000".into()),
        ("salary_currency", "EUR".into()),
        ("salary_period", "year".into()),
        ("valid_through", String::new()),
        ("summary", "Construirás la plataforma interna.".into()),
        ("responsibilities", "- Mantener los clústeres".into()),
        ("requirements", "- Kubernetes".into()),
        ("nice_to_have", String::new()),
        ("benefits", String::new()),
        ("skills", "Kubernetes".into()),
        ("intent", "save".into()),
    ]
}

backend_test!(a_user_switches_the_admin_area_to_spanish);
async fn a_user_switches_the_admin_area_to_spanish() {
    let app = common::spawn_app().await;
    let token = app.admin().await;

    // English is the default: the dashboard speaks it.
    let (_, html) = app.get_html("/admin").await;
    assert_eq!(texts(&html, "h1"), ["Dashboard"]);
    assert!(main_text(&html).contains("Latest changes"));

    // The account page offers the site's languages, each in its own name.
    let (_, html) = app.get_html("/admin/account").await;
    assert_eq!(texts(&html, "#f-lang option"), ["English", "Español"]);
    assert_eq!(texts(&html, "#f-lang option[selected]"), ["English"]);

    // An unknown language is refused with a message next to the select.
    let r = choose_language(&app, &token, "xx").await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert_eq!(
        texts(&html, "#f-lang-error"),
        ["Choose one of the languages offered."]
    );

    let r = choose_language(&app, &token, "es").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/admin/account");
    let user = careers::db::users::by_email(&mut app.conn(), "admin@example.com")
        .unwrap()
        .unwrap();
    assert_eq!(user.lang, "es");

    // The confirmation comes in the new language, and the page is Spanish from then on.
    let (_, html) = app.get_html("/admin/account").await;
    assert_eq!(
        texts(&html, ".flash-success"),
        ["El área de administración está ahora en español."]
    );
    assert_eq!(texts(&html, "h1"), ["Tu cuenta"]);
    assert_eq!(texts(&html, "#f-lang option[selected]"), ["Español"]);

    let (_, html) = app.get_html("/admin").await;
    assert_eq!(texts(&html, "h1"), ["Panel"]);
    assert!(main_text(&html).contains("Últimos cambios"), "{html}");
    assert!(main_text(&html).contains("candidaturas nuevas"));
    // The choice is in the audit trail, in Spanish words.
    assert!(
        main_text(&html).contains("cambiar idioma usuario"),
        "{html}"
    );

    let (status, html) = app.get_html("/admin/vacancies/new").await;
    assert_eq!(status, 200);
    assert_eq!(texts(&html, "h1"), ["Nueva vacante"]);
    let legends = texts(&html, "legend");
    assert_eq!(
        legends,
        ["El puesto", "Dónde", "Salario y fechas", "Descripción"]
    );
    assert!(texts(&html, "#f-salary_period option").contains(&"año".to_string()));
    assert!(texts(&html, "#f-work_mode option").contains(&"Presencial".to_string()));
    assert!(texts(&html, "#f-country option").contains(&"Alemania".to_string()));
    assert_no_english("/admin/vacancies/new", &html);

    // Validation messages follow the user's language too.
    let empty = [("csrf_token", token.as_str()), ("intent", "save")];
    let r = app.post_form("/admin/vacancies", &empty).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert_eq!(
        texts(&html, "#f-title-error"),
        ["Este campo es obligatorio."]
    );
    assert_eq!(texts(&html, "#f-category-error"), ["Elige una categoría."]);
    assert!(main_text(&html).contains("Corrige"), "{html}");
    assert_no_english("the vacancy form with errors", &html);

    // Saving: the flash, the facts, the checklist and the history are Spanish.
    let r = app
        .client
        .post(app.url("/admin/vacancies"))
        .form(&vacancy_form(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let page = location(&r);
    let (_, html) = app.get_html(&page).await;
    assert_eq!(
        texts(&html, ".flash-success"),
        ["Se ha guardado la vacante."]
    );
    let facts = texts(&html, ".facts dd").join(" | ");
    assert!(facts.contains("Madrid, España"), "{facts}");
    assert!(facts.contains("50.000–65.000 EUR al año"), "{facts}");
    assert!(main_text(&html).contains("Consejo:"), "{html}");
    assert!(main_text(&html).contains("crear por Test User"), "{html}");
    assert_no_english(&page, &html);

    // Every other admin page, in Spanish.
    for path in [
        "/admin",
        "/admin/account",
        "/admin/vacancies",
        "/admin/applications",
        "/admin/articles",
        "/admin/articles/new",
        "/admin/paths",
        "/admin/paths/new",
        "/admin/comments",
        "/admin/users",
        "/admin/audit",
        "/admin/reports",
    ] {
        let (status, html) = app.get_html(path).await;
        assert_eq!(status, 200, "{path}");
        assert_no_english(path, &html);
    }

    // Back to English: the same pages speak it again.
    let token = csrf_token(&app.get_html("/admin/account").await.1);
    let r = choose_language(&app, &token, "en").await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = app.get_html("/admin/account").await;
    assert_eq!(
        texts(&html, ".flash-success"),
        ["The admin area is now in English."]
    );
    let (_, html) = app.get_html("/admin/vacancies/new").await;
    assert_eq!(texts(&html, "h1"), ["New vacancy"]);
}

backend_test!(a_language_the_site_no_longer_offers_falls_back_to_the_default);
async fn a_language_the_site_no_longer_offers_falls_back_to_the_default() {
    let app = common::spawn_app_configured(false, |c| {
        c.languages = "en".into();
    })
    .await;
    let token = app.admin().await;
    let id = careers::db::users::by_email(&mut app.conn(), "admin@example.com")
        .unwrap()
        .unwrap()
        .id;
    // Chosen while Spanish was offered; the site has since dropped it.
    careers::db::users::set_language(&mut app.conn(), id, "es").unwrap();
    let (_, html) = app.get_html("/admin").await;
    assert_eq!(texts(&html, "h1"), ["Dashboard"]);
    // And it cannot be chosen now.
    let r = choose_language(&app, &token, "es").await;
    assert_eq!(r.status().as_u16(), 422);
    let (_, html) = app.get_html("/admin/account").await;
    assert_eq!(texts(&html, "#f-lang option"), ["English"]);
}
