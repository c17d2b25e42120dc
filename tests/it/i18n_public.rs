//! The public site in English and Spanish: addresses, choosing a language, the switch, texts,
//! formats and translated content.

use crate::common;

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

backend_test!(the_root_picks_a_language_from_the_choice_the_browser_or_the_default);
async fn the_root_picks_a_language_from_the_choice_the_browser_or_the_default() {
    let app = common::spawn_app().await;
    let client = common::new_client();
    let root = app.url("/");
    let r = client.get(&root).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 302);
    assert_eq!(location(&r), "/en", "no preference: DEFAULT_LANG");
    let vary = r
        .headers()
        .get("vary")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        vary.contains("Accept-Language") && vary.contains("Cookie"),
        "{vary}"
    );

    let r = client
        .get(&root)
        .header("accept-language", "de-DE, es;q=0.8, en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/es", "the best offered language wins");

    // The switch remembers the choice; `/` follows it over the browser's languages.
    let r = client
        .get(app.url("/language/es?next=%2Fes%2Fvacancies%3Fq%3Drust"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/es/vacancies?q=rust");
    let r = client
        .get(&root)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&r), "/es");

    // A prefixed page is never switched by headers.
    let r = client
        .get(app.url("/en/vacancies"))
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("<html lang=\"en\">"));
}

backend_test!(the_switch_goes_only_to_pages_of_that_language);
async fn the_switch_goes_only_to_pages_of_that_language() {
    let app = common::spawn_app().await;
    for next in [
        "https://evil.example/es",
        "//evil.example",
        "/es//evil.example",
        "/en/vacancies",
        "/es%09/x",
    ] {
        let r = app
            .get(&format!("/language/es?next={}", urlencoding(next)))
            .await;
        assert_eq!(r.status().as_u16(), 303, "{next}");
        assert_eq!(location(&r), "/es", "{next} is not a Spanish page");
    }
    assert_eq!(app.get("/language/xx").await.status().as_u16(), 404);
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

backend_test!(old_unprefixed_addresses_move_permanently_to_the_default_language);
async fn old_unprefixed_addresses_move_permanently_to_the_default_language() {
    let app = common::spawn_app().await;
    for (old, new) in [
        ("/vacancies", "/en/vacancies"),
        ("/vacancies?q=rust&page=2", "/en/vacancies?q=rust&page=2"),
        ("/vacancies/some-slug", "/en/vacancies/some-slug"),
        ("/learn/backend-developer", "/en/learn/backend-developer"),
        (
            "/articles/git-for-developers",
            "/en/articles/git-for-developers",
        ),
        ("/feed.xml", "/en/feed.xml"),
    ] {
        let r = app.get(old).await;
        assert_eq!(r.status().as_u16(), 308, "{old}");
        assert_eq!(location(&r), new, "{old}");
    }
    assert_eq!(app.get("/vacanciesx").await.status().as_u16(), 404);
    assert_eq!(app.get("/fr/vacancies").await.status().as_u16(), 404);
}

backend_test!(spanish_pages_speak_spanish_with_spanish_formats);
async fn spanish_pages_speak_spanish_with_spanish_formats() {
    let app = common::spawn_app().await;
    let (status, list) = app.get_html("/es/vacancies").await;
    assert_eq!(status, 200);
    assert!(list.contains("<html lang=\"es\">"));
    let heading = common::texts(&list, "#results-heading");
    assert!(
        heading[0].ends_with(" vacantes"),
        "Spanish plural: {heading:?}"
    );
    for english in [
        "Open vacancies",
        "Keywords",
        "Show vacancies",
        "Salary not stated",
        "Posted",
        "Skip to content",
        "per year",
        "Full-time",
    ] {
        assert!(
            !list.contains(english),
            "English UI text {english:?} on /es/vacancies"
        );
    }
    assert!(list.contains("Palabras clave") && list.contains("al año"));
    // Digits grouped the Spanish way: "68.000–84.000 EUR al año".
    let salaries = common::texts(&list, ".salary");
    assert!(
        salaries
            .iter()
            .any(|s| s.contains(".000") && !s.contains(",000")),
        "{salaries:?}"
    );
    // The same page in English is linked, and the English page links back.
    assert!(
        list.contains("hreflang=\"en\" href=\"/en/vacancies\""),
        "hreflang: {}",
        &list[..list.find("</head>").unwrap_or(0)]
    );
    let (_, english) = app.get_html("/en/vacancies").await;
    assert!(english.contains("Open vacancies") && english.contains(",000"));
    assert!(english.contains("/language/es?next=%2Fes%2Fvacancies"));
}

backend_test!(the_backend_path_reads_in_spanish_and_switches_to_its_translation);
async fn the_backend_path_reads_in_spanish_and_switches_to_its_translation() {
    let app = common::spawn_app().await;
    let (_, learn) = app.get_html("/es/learn").await;
    let titles = common::texts(&learn, ".card-title");
    assert!(
        titles.iter().any(|t| t == "Desarrollador backend"),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t == "Backend developer"),
        "a path translated into Spanish is listed once, in Spanish: {titles:?}"
    );
    let (status, article) = app.get_html("/es/articles/git-para-desarrolladores").await;
    assert_eq!(status, 200);
    assert!(article.contains("Deja un comentario"));
    // The switch to English leads to the English original.
    assert!(
        article.contains("hreflang=\"en\" href=\"/en/articles/git-for-developers\""),
        "alternate of a translated article"
    );
    let (_, english) = app.get_html("/en/articles/git-for-developers").await;
    assert!(english.contains("hreflang=\"es\" href=\"/es/articles/git-para-desarrolladores\""));
    // The canonical address of content is in its own language.
    assert!(article.contains(
        "rel=\"canonical\" href=\"http://careers.test/es/articles/git-para-desarrolladores\""
    ));
    // An English-only path is still offered to Spanish readers, marked as English.
    let (_, qa) = app.get_html("/es/learn").await;
    assert!(common::texts(&qa, ".card-title").len() >= 2);
}

backend_test!(the_spanish_home_and_feed_are_in_spanish);
async fn the_spanish_home_and_feed_are_in_spanish() {
    let app = common::spawn_app().await;
    let (_, home) = app.get_html("/es").await;
    assert!(home.contains("Trabaja con nosotros"));
    assert!(home.contains("href=\"/es/vacancies/"));
    let (status, feed) = app.get_html("/es/feed.xml").await;
    assert_eq!(status, 200);
    assert!(feed.contains("xml:lang=\"es\"") && feed.contains("Vacantes abiertas"));
}
