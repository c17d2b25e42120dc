//! Which vacancies each language's board lists (issue #14, "Content"): a language lists the
//! vacancies written in it, plus those of another language whose translation group has no open
//! vacancy in it and that may be shown in other languages. Writes go through the admin area,
//! so the board follows through `actions::finish`; translations are linked in the database
//! directly (the admin translation form is another branch's).

use crate::common::{self, TestApp};
use careers::schema::vacancies;
use diesel::prelude::*;

fn form(token: &str, title: &str, skills: &str) -> Vec<(&'static str, String)> {
    let valid = (careers::clock::now() + time::Duration::days(30))
        .date()
        .to_string();
    vec![
        ("csrf_token", token.to_string()),
        ("title", title.into()),
        ("category", "devops".into()),
        ("seniority", "senior".into()),
        ("employment", "full_time".into()),
        ("work_mode", "hybrid".into()),
        ("location", "Lisbon".into()),
        ("country", "PT".into()),
        ("remote_countries", "".into()),
        ("salary_min", "50000".into()),
        ("salary_max", "65000".into()),
        ("salary_currency", "EUR".into()),
        ("salary_period", "year".into()),
        ("valid_through", valid),
        ("summary", "You will build the internal platform our product teams deploy to, with a small team that cares about reliability, clear documentation and calm on-call weeks. The platform runs on Kubernetes in two regions.".into()),
        ("responsibilities", "- Run and improve our Kubernetes clusters\n- Write Terraform modules that product teams reuse\n- Keep deployments fast, observable and boring\n- Share what you learn in short written notes".into()),
        ("requirements", "- Three or more years running production systems on Linux\n- Hands-on Kubernetes and Terraform experience\n- Comfort with one scripting language such as Python or Go\n- Clear written English".into()),
        ("nice_to_have", "- Prometheus and Grafana dashboards\n- Experience with incident reviews".into()),
        ("benefits", "- Hybrid work from our Lisbon office\n- Learning budget and conference days\n- 25 days of paid holiday".into()),
        ("skills", skills.into()),
        ("intent", "save".into()),
    ]
}

async fn create(app: &TestApp, token: &str, title: &str) -> i32 {
    let r = app
        .client
        .post(app.url("/admin/vacancies"))
        .form(&form(token, title, "Kubernetes, Terraform"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303, "create {title}");
    let to = r.headers()["location"].to_str().unwrap().to_string();
    to.trim_start_matches("/admin/vacancies/").parse().unwrap()
}

async fn status(app: &TestApp, token: &str, id: i32, what: &str) {
    let r = app
        .post_form(
            &format!("/admin/vacancies/{id}/status"),
            &[("csrf_token", token), ("action", what)],
        )
        .await;
    assert!(r.status().is_redirection(), "{what} {id}: {}", r.status());
}

/// Links `id` as the `lang` translation of `original` (what the translation form will do).
fn translate(app: &TestApp, id: i32, original: i32, lang: &str) {
    diesel::update(vacancies::table.find(id))
        .set((
            vacancies::lang.eq(lang),
            vacancies::translation_of.eq(Some(original)),
        ))
        .execute(&mut *app.conn())
        .unwrap();
}

/// Moves a listed vacancy's `valid_through` an hour into the past, in its row and its board
/// rows alike: the state an hour after it lapsed, before the sweep ran.
pub fn lapse(app: &TestApp, id: i32) {
    use careers::schema::board;
    let past = careers::clock::now() - time::Duration::hours(1);
    careers::db::vacancies::set_valid_through(&mut app.conn(), id, Some(past)).unwrap();
    diesel::update(board::table.filter(board::vacancy_id.eq(id)))
        .set(board::valid_through.eq(Some(past)))
        .execute(&mut *app.conn())
        .unwrap();
}

fn hide_elsewhere(app: &TestApp, id: i32) {
    diesel::update(vacancies::table.find(id))
        .set(vacancies::other_languages.eq(false))
        .execute(&mut *app.conn())
        .unwrap();
}

async fn titles(app: &TestApp, path: &str) -> Vec<String> {
    let (code, html) = app.get_html(path).await;
    assert_eq!(code, 200, "{path}");
    common::texts(&html, ".results .card-title")
}

async fn total(app: &TestApp, path: &str) -> usize {
    let (_, html) = app.get_html(path).await;
    common::texts(&html, "#results-heading")[0]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

backend_test!(each_language_lists_its_own_vacancies_and_the_untranslated_ones);
async fn each_language_lists_its_own_vacancies_and_the_untranslated_ones() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let shared = create(&app, &token, "Platform Engineer").await;
    let hidden = create(&app, &token, "Office Engineer").await;
    let original = create(&app, &token, "Data Engineer").await;
    let spanish = create(&app, &token, "Ingeniera de datos").await;
    hide_elsewhere(&app, hidden);
    translate(&app, spanish, original, "es");
    for id in [shared, hidden, original] {
        status(&app, &token, id, "publish").await;
    }

    // Before the Spanish version is published, the English original stands in for it.
    let es = titles(&app, "/es/vacancies").await;
    assert_eq!(
        es,
        ["Data Engineer", "Platform Engineer"],
        "hidden stays out"
    );
    let (_, html) = app.get_html("/es/vacancies").await;
    assert_eq!(
        common::texts(&html, ".results .tag-lang").len(),
        2,
        "both marked as English"
    );

    // Publishing the translation (a write to one member) re-lists the whole group.
    status(&app, &token, spanish, "publish").await;
    let en = titles(&app, "/en/vacancies").await;
    assert_eq!(
        en,
        ["Data Engineer", "Office Engineer", "Platform Engineer"]
    );
    let es = titles(&app, "/es/vacancies").await;
    assert_eq!(es, ["Ingeniera de datos", "Platform Engineer"]);
    let (_, html) = app.get_html("/es/vacancies").await;
    assert_eq!(
        common::texts(&html, ".results .tag-lang").len(),
        1,
        "only the English one is marked"
    );

    // Counts, facets and searches follow the language's list.
    assert_eq!(total(&app, "/en/vacancies").await, 3);
    assert_eq!(total(&app, "/es/vacancies").await, 2);
    assert_eq!(total(&app, "/es/vacancies?category=devops").await, 2);
    assert_eq!(total(&app, "/es/vacancies?q=engineer").await, 1);
    assert_eq!(
        titles(&app, "/es/vacancies?q=datos").await,
        ["Ingeniera de datos"]
    );
    assert_eq!(total(&app, "/en/vacancies?q=datos").await, 0);
    assert_eq!(
        titles(&app, "/es/vacancies?q=engineer&location=lisbon").await,
        ["Platform Engineer"]
    );

    // The feed and the home page of each language follow it too.
    let (_, feed) = app.get_html("/es/feed.xml").await;
    assert!(feed.contains("Ingeniera de datos") && !feed.contains("Data Engineer"));
    let (_, feed) = app.get_html("/en/feed.xml").await;
    assert!(feed.contains("Data Engineer") && !feed.contains("Ingeniera de datos"));

    // The sitemap lists every vacancy once, at its own language's address.
    let (_, sitemap) = app.get_html("/sitemap.xml").await;
    let slug_of = |id: i32| -> String {
        vacancies::table
            .find(id)
            .select(vacancies::slug)
            .first(&mut *app.conn())
            .unwrap()
    };
    assert!(sitemap.contains(&format!("/es/vacancies/{}<", slug_of(spanish))));
    assert!(sitemap.contains(&format!("/en/vacancies/{}<", slug_of(original))));
    assert!(!sitemap.contains(&format!("/es/vacancies/{}<", slug_of(original))));
    // Each version names the other (and itself) as hreflang alternates, the original as
    // x-default; a vacancy without a translation has none.
    let entry = |lang: &str, id: i32| -> String {
        let loc = format!("/{lang}/vacancies/{}</loc>", slug_of(id));
        let at = sitemap.find(&loc).expect("listed");
        sitemap[at..].split("</url>").next().unwrap().to_string()
    };
    for (lang, id) in [("en", original), ("es", spanish)] {
        let e = entry(lang, id);
        assert!(e.contains("hreflang=\"es\" href=\"http"), "{e}");
        assert!(
            e.contains(&format!("/es/vacancies/{}\"/>", slug_of(spanish))),
            "{e}"
        );
        assert!(
            e.contains(&format!("/en/vacancies/{}\"/>", slug_of(original))),
            "{e}"
        );
        assert!(e.contains("hreflang=\"x-default\""), "{e}");
    }
    assert!(!entry("en", shared).contains("xhtml:link"));
    // The lists exist in both languages: each names the other.
    let list = sitemap
        .split("</url>")
        .find(|u| u.contains("/en/vacancies</loc>"))
        .unwrap();
    assert!(
        list.contains("hreflang=\"es\"") && list.contains("/es/vacancies\"/>"),
        "{list}"
    );

    // Closing the translation gives the Spanish list the original back, and the original no
    // longer has an alternate.
    status(&app, &token, spanish, "close").await;
    let (_, sitemap) = app.get_html("/sitemap.xml").await;
    let loc = format!("/en/vacancies/{}</loc>", slug_of(original));
    let at = sitemap.find(&loc).expect("listed");
    assert!(!sitemap[at..]
        .split("</url>")
        .next()
        .unwrap()
        .contains("xhtml:link"));
    let es = titles(&app, "/es/vacancies").await;
    assert_eq!(es, ["Data Engineer", "Platform Engineer"]);
}

backend_test!(an_expired_translation_gives_its_language_back_after_the_sweep);
async fn an_expired_translation_gives_its_language_back_after_the_sweep() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let original = create(&app, &token, "Data Engineer").await;
    let spanish = create(&app, &token, "Ingeniera de datos").await;
    translate(&app, spanish, original, "es");
    status(&app, &token, original, "publish").await;
    status(&app, &token, spanish, "publish").await;
    assert_eq!(titles(&app, "/es/vacancies").await, ["Ingeniera de datos"]);

    lapse(&app, spanish);
    let groups = careers::actions::vacancies::expire_lapsed(&mut app.conn()).unwrap();
    assert_eq!(groups, 1);
    assert_eq!(titles(&app, "/es/vacancies").await, ["Data Engineer"]);
    assert_eq!(titles(&app, "/en/vacancies").await, ["Data Engineer"]);
    assert_eq!(
        careers::actions::vacancies::expire_lapsed(&mut app.conn()).unwrap(),
        0,
        "nothing left to sweep"
    );
}

backend_test!(start_up_takes_lapsed_vacancies_off_without_rebuilding_the_board);
async fn start_up_takes_lapsed_vacancies_off_without_rebuilding_the_board() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let kept = create(&app, &token, "Platform Engineer").await;
    let lapsing = create(&app, &token, "Data Engineer").await;
    status(&app, &token, kept, "publish").await;
    status(&app, &token, lapsing, "publish").await;
    lapse(&app, lapsing);

    // A lapse alone (a generated database, a server stopped for a while) is not "out of step":
    // the lapsed vacancy leaves the board, the rest stays as it was.
    let rebuilt = careers::actions::reindex::board_if_stale(&mut app.conn()).unwrap();
    assert_eq!(rebuilt, None, "no rebuild for a lapse");
    assert_eq!(titles(&app, "/en/vacancies").await, ["Platform Engineer"]);

    // Rows written around the write path still make it rebuild.
    diesel::delete(careers::schema::board::table)
        .execute(&mut *app.conn())
        .unwrap();
    let rebuilt = careers::actions::reindex::board_if_stale(&mut app.conn()).unwrap();
    assert_eq!(
        rebuilt,
        Some(2),
        "its English row and its row in the Spanish list"
    );
    assert_eq!(titles(&app, "/en/vacancies").await, ["Platform Engineer"]);
}

backend_test!(a_prefix_search_finds_a_word_form_written_after_it_ran);
async fn a_prefix_search_finds_a_word_form_written_after_it_ran() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let first = create(&app, &token, "Zephyrus Engineer").await;
    status(&app, &token, first, "publish").await;
    // Several times, so every pooled connection remembers the spelled-out prefix.
    for _ in 0..12 {
        assert_eq!(
            titles(&app, "/en/vacancies?q=zephyr").await,
            ["Zephyrus Engineer"]
        );
    }
    // `zephyrine` is a term the index did not hold when `zephyr` was last spelled out.
    let second = create(&app, &token, "Zephyrine Platform Lead").await;
    status(&app, &token, second, "publish").await;
    for _ in 0..12 {
        let mut found = titles(&app, "/en/vacancies?q=zephyr").await;
        found.sort();
        assert_eq!(found, ["Zephyrine Platform Lead", "Zephyrus Engineer"]);
    }
}
