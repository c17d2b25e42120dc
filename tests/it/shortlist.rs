//! The shortlist without an account: "Save" through the real forms on cards and vacancy pages,
//! the saved page (newest first, closed and applied marked, remove), forged cookies, the bound,
//! where the buttons may send the visitor back to, both languages, and the page cache never
//! showing one visitor's saved state to another.

use crate::common::{self, en, location, texts, TestApp};
use careers::db;
use careers::domain::shortlist::{IdList, Kind, MAX_IDS};
use careers::models::VacancyStatus;
use careers::signing::Signer;
use reqwest::multipart::{Form, Part};

/// A "Save" / "Saved" / "Remove" form as a page shows it.
#[derive(Debug)]
struct SaveForm {
    action: String,
    fields: Vec<(String, String)>,
    /// The button's text, hidden parts included.
    button: String,
}

impl SaveForm {
    fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

fn save_forms(html: &str) -> Vec<SaveForm> {
    let doc = scraper::Html::parse_document(html);
    let form = scraper::Selector::parse("form.save-form").unwrap();
    let input = scraper::Selector::parse("input").unwrap();
    let button = scraper::Selector::parse("button").unwrap();
    doc.select(&form)
        .map(|f| SaveForm {
            action: f.value().attr("action").unwrap_or_default().to_string(),
            fields: f
                .select(&input)
                .map(|i| {
                    (
                        i.value().attr("name").unwrap_or_default().to_string(),
                        i.value().attr("value").unwrap_or_default().to_string(),
                    )
                })
                .collect(),
            button: f
                .select(&button)
                .next()
                .map(|b| b.text().collect::<String>())
                .unwrap_or_default(),
        })
        .collect()
}

/// The form for vacancy `id` on a page (there must be exactly one).
fn form_for(html: &str, id: i32) -> SaveForm {
    let mut forms: Vec<SaveForm> = save_forms(html)
        .into_iter()
        .filter(|f| f.get("vacancy") == id.to_string())
        .collect();
    assert_eq!(forms.len(), 1, "one save form for vacancy {id}");
    forms.remove(0)
}

async fn submit(app: &TestApp, form: &SaveForm) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form
        .fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(&form.action, &pairs).await
}

/// Ids of the vacancy cards on a page, in order.
fn card_ids(html: &str) -> Vec<i32> {
    let doc = scraper::Html::parse_document(html);
    let card = scraper::Selector::parse("article.vacancy-card").unwrap();
    doc.select(&card)
        .filter_map(|c| c.value().attr("id")?.strip_prefix("vacancy-")?.parse().ok())
        .collect()
}

/// Ids listed on the saved page, in order.
fn saved_ids(html: &str) -> Vec<i32> {
    let doc = scraper::Html::parse_document(html);
    let item = scraper::Selector::parse("li.saved-item").unwrap();
    doc.select(&item)
        .filter_map(|c| c.value().attr("id")?.strip_prefix("vacancy-")?.parse().ok())
        .collect()
}

/// The text of the saved page's entry for vacancy `id`.
fn item_text(html: &str, id: i32) -> String {
    texts(html, &format!("li#vacancy-{id}")).join(" ")
}

/// The navigation link to the saved page.
fn nav_saved(html: &str, lang: &str) -> String {
    texts(html, &format!("header nav a[href=\"/{lang}/saved\"]")).join(" ")
}

fn slug_of(app: &TestApp, id: i32) -> String {
    db::vacancies::by_id(&mut app.conn(), id)
        .unwrap()
        .unwrap()
        .vacancy
        .slug
}

/// The value of cookie `name` the response sets ("" when it removes it), if it sets one.
fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.to_string())
}

fn cookie_value(set_cookie: &str) -> &str {
    set_cookie
        .split(';')
        .next()
        .and_then(|kv| kv.split_once('='))
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// The test server's signer (the harness's fixed `SECRET_KEY`).
fn signer() -> Signer {
    let bytes = hex::decode(common::SECRET_KEY).unwrap();
    let key = actix_web::cookie::Key::try_from(bytes.as_slice()).unwrap();
    Signer::new(key.signing())
}

/// Saves the first `n` cards of the English list through their forms; their ids in order.
async fn save_first_cards(app: &TestApp, n: usize) -> Vec<i32> {
    let (_, html) = app.get_html("/en/vacancies").await;
    let ids: Vec<i32> = card_ids(&html).into_iter().take(n).collect();
    assert_eq!(ids.len(), n, "the demo list has {n} cards");
    for id in &ids {
        let r = submit(app, &form_for(&html, *id)).await;
        assert_eq!(r.status().as_u16(), 303);
    }
    ids
}

backend_test!(saving_and_removing_through_the_forms);
async fn saving_and_removing_through_the_forms() {
    let app = common::spawn_app().await;
    let (status, html) = app.get_html("/en/vacancies?seniority=senior").await;
    assert_eq!(status, 200);
    assert_eq!(nav_saved(&html, "en"), en("nav-saved"));
    let ids = card_ids(&html);
    assert!(ids.len() >= 2, "senior demo vacancies: {ids:?}");
    let (first, second) = (ids[0], ids[1]);
    // Every card has its button, not pressed yet.
    assert_eq!(save_forms(&html).len(), ids.len());
    let form = form_for(&html, first);
    assert_eq!(form.action, "/en/saved");
    assert_eq!(form.get("save"), "1");
    assert_eq!(form.get("next"), "/en/vacancies?seniority=senior");
    assert!(form.button.contains(&en("shortlist-save")));

    let r = submit(&app, &form).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        location(&r),
        format!("/en/vacancies?seniority=senior#vacancy-{first}"),
        "back to the card"
    );
    let cookie = set_cookie(&r, "careers_saved").expect("the shortlist cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("Path=/"));

    let (_, html) = app.get_html("/en/vacancies?seniority=senior").await;
    let saved = form_for(&html, first);
    assert_eq!(saved.get("save"), "0", "pressing it again removes it");
    assert!(saved.button.contains(&en("shortlist-saved")));
    assert_eq!(form_for(&html, second).get("save"), "1");
    assert_eq!(nav_saved(&html, "en"), "Saved (1)");

    // The vacancy page has the button too, already saved, and comes back to itself.
    let slug = slug_of(&app, second);
    let page = format!("/en/vacancies/{slug}");
    let (_, html) = app.get_html(&page).await;
    let form = form_for(&html, second);
    assert_eq!(form.get("next"), page);
    let r = submit(&app, &form).await;
    assert_eq!(location(&r), format!("{page}#vacancy-{second}"));
    let (_, html) = app.get_html(&page).await;
    assert_eq!(form_for(&html, second).get("save"), "0");

    // The saved page: newest first, each with a remove button.
    let (status, html) = app.get_html("/en/saved").await;
    assert_eq!(status, 200);
    assert_eq!(saved_ids(&html), vec![second, first]);
    assert!(html.contains(&en("shortlist-title")));
    assert_eq!(nav_saved(&html, "en"), "Saved (2)");
    let remove = form_for(&html, first);
    assert_eq!((remove.get("save"), remove.get("next")), ("0", "/en/saved"));
    assert!(remove.button.contains(&en("shortlist-remove")));
    let r = submit(&app, &remove).await;
    assert_eq!(location(&r), format!("/en/saved#vacancy-{first}"));
    let (_, html) = app.get_html("/en/saved").await;
    assert_eq!(saved_ids(&html), vec![second]);

    // Removing the last one deletes the cookie: the visitor's pages are shared ones again.
    let r = submit(&app, &form_for(&html, second)).await;
    let removal = set_cookie(&r, "careers_saved").unwrap();
    assert_eq!(cookie_value(&removal), "");
    assert!(removal.contains("Max-Age=0"), "{removal}");
    let (_, html) = app.get_html("/en/saved").await;
    assert!(saved_ids(&html).is_empty());
    assert!(html.contains(&en("shortlist-empty")));
    assert!(
        html.contains("href=\"/en/vacancies\""),
        "the empty state leads to the list"
    );
    assert_eq!(nav_saved(&html, "en"), en("nav-saved"));
}

/// Applies to `slug` through the vacancy page's form.
async fn apply(app: &TestApp, slug: &str) -> reqwest::Response {
    let (_, html) = app.get_html(&format!("/en/vacancies/{slug}")).await;
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("input[name=\"form_stamp\"]").unwrap();
    let stamp = doc
        .select(&sel)
        .next()
        .and_then(|e| e.value().attr("value"))
        .expect("the apply form")
        .to_string();
    let form = Form::new()
        .text("form_stamp", stamp)
        .text("homepage", "")
        .text("full_name", "Grace Hopper")
        .text("email", "grace@example.com")
        .text("consent", "yes")
        .part(
            "cv",
            Part::bytes(crate::applications::minimal_pdf("Grace"))
                .file_name("cv.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    app.client
        .post(app.url(&format!("/en/vacancies/{slug}/apply")))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

backend_test!(the_saved_page_marks_closed_and_applied_and_hides_drafts);
async fn the_saved_page_marks_closed_and_applied_and_hides_drafts() {
    let app = common::spawn_app().await;
    let ids = save_first_cards(&app, 4).await;
    let (closed, applied, draft, plain) = (ids[0], ids[1], ids[2], ids[3]);
    let now = careers::clock::now();
    db::vacancies::set_status(&mut app.conn(), closed, VacancyStatus::Closed, Some(now)).unwrap();
    db::vacancies::set_status(&mut app.conn(), draft, VacancyStatus::Draft, None).unwrap();
    let r = apply(&app, &slug_of(&app, applied)).await;
    assert_eq!(r.status().as_u16(), 200, "the application is in");
    assert!(set_cookie(&r, "careers_applied").is_some());

    let (status, html) = app.get_html("/en/saved").await;
    assert_eq!(status, 200);
    assert_eq!(saved_ids(&html), vec![plain, applied, closed]);
    assert!(item_text(&html, closed).contains(&en("shortlist-closed")));
    assert!(!item_text(&html, closed).contains(&en("shortlist-applied")));
    assert!(item_text(&html, applied).contains(&en("shortlist-applied")));
    assert!(!item_text(&html, applied).contains(&en("shortlist-closed")));
    let plain_text = item_text(&html, plain);
    assert!(!plain_text.contains(&en("shortlist-closed")));
    assert!(!plain_text.contains(&en("shortlist-applied")));
    assert_eq!(
        nav_saved(&html, "en"),
        "Saved (3)",
        "the draft left the list"
    );

    // A closed vacancy's page still offers to remove it; a draft cannot be saved.
    let (_, page) = app
        .get_html(&format!("/en/vacancies/{}", slug_of(&app, closed)))
        .await;
    assert_eq!(form_for(&page, closed).get("save"), "0");
    let r = app
        .post_form(
            "/en/saved",
            &[("vacancy", &draft.to_string()), ("save", "1")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 404);

    // The saved page is one visitor's: no shared cache may keep it.
    let r = app.get("/en/saved").await;
    assert_eq!(r.headers()["cache-control"], "private, no-cache");
    assert!(r.text().await.unwrap().contains("noindex"));
}

backend_test!(a_forged_cookie_counts_as_nothing_saved);
async fn a_forged_cookie_counts_as_nothing_saved() {
    let app = common::spawn_app().await;
    let (_, html) = app.get_html("/en/vacancies").await;
    let id = card_ids(&html)[0];
    let mut genuine = IdList::empty(Kind::Saved);
    genuine.set(id, true);
    let signed = genuine.to_cookie(&signer());
    let visit = |cookie: String| {
        let visitor = app.with_new_client();
        async move {
            let r = visitor
                .client
                .get(visitor.url("/en/saved"))
                .header("cookie", format!("careers_saved={cookie}"))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status().as_u16(), 200);
            r.text().await.unwrap()
        }
    };
    // The genuine value lists the vacancy: the check below is not vacuous.
    assert_eq!(saved_ids(&visit(signed.clone()).await), vec![id]);
    let (value, tag) = signed.rsplit_once('.').unwrap();
    let other = card_ids(&html)[1];
    for forged in [
        format!("{other}.{tag}"),
        format!("{value}-{other}.{tag}"),
        value.to_string(),
        format!("{value}.{}", "0".repeat(64)),
        // Signed, but as the applied list: not a saved one.
        {
            let mut applied = IdList::empty(Kind::Applied);
            applied.set(id, true);
            applied.to_cookie(&signer())
        },
        "%%%".to_string(),
    ] {
        let html = visit(forged.clone()).await;
        assert!(saved_ids(&html).is_empty(), "{forged} was trusted");
        assert!(html.contains(&en("shortlist-empty")));
    }
    // Saving with a forged cookie starts a fresh list.
    let r = app
        .with_new_client()
        .client
        .post(app.url("/en/saved"))
        .header("cookie", format!("careers_saved={other}.{tag}"))
        .form(&[("vacancy", id.to_string().as_str()), ("save", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let value = cookie_value(&set_cookie(&r, "careers_saved").unwrap()).to_string();
    let list = IdList::from_cookie(Kind::Saved, &signer(), Some(&value));
    assert_eq!(list.newest_first(), vec![id]);
}

backend_test!(the_list_keeps_the_newest_hundred);
async fn the_list_keeps_the_newest_hundred() {
    let app = common::spawn_app().await;
    let (_, html) = app.get_html("/en/vacancies").await;
    let id = card_ids(&html)[0];
    let mut full = IdList::empty(Kind::Saved);
    let first_old = 900_001;
    for old in first_old..first_old + MAX_IDS as i32 {
        full.set(old, true);
    }
    let r = app
        .with_new_client()
        .client
        .post(app.url("/en/saved"))
        .header(
            "cookie",
            format!("careers_saved={}", full.to_cookie(&signer())),
        )
        .form(&[("vacancy", id.to_string().as_str()), ("save", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let value = cookie_value(&set_cookie(&r, "careers_saved").unwrap()).to_string();
    assert!(value.len() < 1500, "a small cookie: {} bytes", value.len());
    let list = IdList::from_cookie(Kind::Saved, &signer(), Some(&value));
    assert_eq!(list.len(), MAX_IDS);
    assert_eq!(list.newest_first()[0], id);
    assert!(!list.contains(first_old), "the oldest was dropped");
    assert!(list.contains(first_old + 1));
}

backend_test!(the_form_goes_back_only_to_pages_of_its_language_and_refuses_bad_input);
async fn the_form_goes_back_only_to_pages_of_its_language_and_refuses_bad_input() {
    let app = common::spawn_app().await;
    let (_, html) = app.get_html("/en/vacancies").await;
    let id = card_ids(&html)[0].to_string();
    let post = |next: &'static str, save: &'static str| {
        let id = id.clone();
        let app = &app;
        async move {
            app.post_form(
                "/en/saved",
                &[("vacancy", id.as_str()), ("save", save), ("next", next)],
            )
            .await
        }
    };
    let r = post("/en/vacancies?q=rust&page=2", "1").await;
    assert_eq!(
        location(&r),
        format!("/en/vacancies?q=rust&page=2#vacancy-{id}")
    );
    for foreign in [
        "https://evil.example/en",
        "//evil.example/en",
        "/en//evil.example",
        "/en\\evil.example",
        "/es/vacancies",
        "/english",
        "javascript:alert(1)",
        "/en/vacancies#x\"><script>",
        "",
    ] {
        let r = post(foreign, "0").await;
        assert_eq!(r.status().as_u16(), 303, "{foreign}");
        assert_eq!(location(&r), "/en/saved", "{foreign} is refused");
    }

    // Bad forms: a clear 4xx, never a 500.
    for (vacancy, save, status) in [
        ("abc", "1", 400),
        ("-3", "1", 400),
        ("", "1", 400),
        (id.as_str(), "maybe", 400),
        ("999999", "1", 404),
    ] {
        let r = app
            .post_form("/en/saved", &[("vacancy", vacancy), ("save", save)])
            .await;
        assert_eq!(r.status().as_u16(), status, "vacancy={vacancy} save={save}");
    }
    // Removing what no longer exists is fine.
    let r = app
        .post_form("/en/saved", &[("vacancy", "999999"), ("save", "0")])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    // Another site cannot save for the visitor.
    let r = app
        .client
        .post(app.url("/en/saved"))
        .header("origin", "https://evil.example")
        .form(&[("vacancy", id.as_str()), ("save", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert!(set_cookie(&r, "careers_saved").is_none());
    let r = app
        .client
        .post(app.url("/en/saved"))
        .header("content-type", "application/json")
        .body(format!("{{\"vacancy\":{id},\"save\":\"1\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415);
}

backend_test!(both_languages_share_one_list);
async fn both_languages_share_one_list() {
    let app = common::spawn_app().await;
    let (status, html) = app.get_html("/es/saved").await;
    assert_eq!(status, 200);
    assert!(html.contains("Vacantes guardadas"));
    assert!(html.contains("href=\"/es/vacancies\""));
    assert_eq!(nav_saved(&html, "es"), "Guardadas");

    let (_, html) = app.get_html("/es/vacancies").await;
    let id = card_ids(&html)[0];
    let form = form_for(&html, id);
    assert_eq!(
        (form.action.as_str(), form.get("next")),
        ("/es/saved", "/es/vacancies")
    );
    assert!(form.button.contains("Guardar"));
    let r = submit(&app, &form).await;
    assert_eq!(location(&r), format!("/es/vacancies#vacancy-{id}"));
    let (_, html) = app.get_html("/es/vacancies").await;
    assert!(form_for(&html, id).button.contains("Guardada"));
    assert_eq!(nav_saved(&html, "es"), "Guardadas (1)");

    // The same list in English, and the language switch of the saved page.
    let (_, html) = app.get_html("/en/saved").await;
    assert_eq!(saved_ids(&html), vec![id]);
    let (_, html) = app.get_html("/es/saved").await;
    assert_eq!(saved_ids(&html), vec![id]);
    assert!(html.contains("Quitar"));
    assert!(html.contains("hreflang=\"en\" href=\"/en/saved\""));
    assert!(!html.contains(&en("shortlist-remove")));
}

fn x_cache(r: &reqwest::Response) -> String {
    r.headers()
        .get("x-cache")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

backend_test!(the_page_cache_never_shows_one_visitors_shortlist_to_another);
async fn the_page_cache_never_shows_one_visitors_shortlist_to_another() {
    let app = common::spawn_app_configured(true, |c| c.page_cache_mb = 16).await;
    let saver = app.with_new_client();
    let other = app.with_new_client();
    let (_, html) = saver.get_html("/en/vacancies").await;
    let id = card_ids(&html)[0];
    let r = submit(&saver, &form_for(&html, id)).await;
    assert_eq!(r.status().as_u16(), 303);
    let slug = slug_of(&app, id);

    for path in ["/en", "/en/vacancies", &format!("/en/vacancies/{slug}")] {
        // The saver first: their page is made for them and must not be kept...
        let r = saver.get(path).await;
        assert_ne!(x_cache(&r), "hit", "{path}: a shortlist bypasses the cache");
        let mine = r.text().await.unwrap();
        assert_eq!(nav_saved(&mine, "en"), "Saved (1)", "{path}");
        assert_eq!(form_for(&mine, id).get("save"), "0", "{path}");
        // ...so the next visitor gets a neutral page, then a cached neutral one.
        for round in 0..2 {
            let r = other.get(path).await;
            if round == 1 {
                assert_eq!(
                    x_cache(&r),
                    "hit",
                    "{path}: anonymous pages are still cached"
                );
            }
            let theirs = r.text().await.unwrap();
            assert_eq!(nav_saved(&theirs, "en"), en("nav-saved"), "{path}");
            assert_eq!(form_for(&theirs, id).get("save"), "1", "{path}");
            assert!(!theirs.contains("is-saved"), "{path}");
        }
        // And the cached copy is never served to the saver.
        let r = saver.get(path).await;
        assert_ne!(x_cache(&r), "hit", "{path}");
        assert_eq!(form_for(&r.text().await.unwrap(), id).get("save"), "0");
    }

    // The saved page is never kept: the other visitor's stays empty.
    let (_, mine) = saver.get_html("/en/saved").await;
    assert_eq!(saved_ids(&mine), vec![id]);
    for _ in 0..2 {
        let r = other.get("/en/saved").await;
        assert_ne!(x_cache(&r), "hit");
        assert!(saved_ids(&r.text().await.unwrap()).is_empty());
    }

    // Having applied from this browser alone does not make pages personal.
    let mut applied = IdList::empty(Kind::Applied);
    applied.set(id, true);
    let cookie = format!("careers_applied={}", applied.to_cookie(&signer()));
    let fresh = app.with_new_client();
    for _ in 0..2 {
        let r = fresh
            .client
            .get(fresh.url("/en/vacancies"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(x_cache(&r), "hit");
    }
}
