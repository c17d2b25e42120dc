//! Several places per vacancy: the form's place rows (create, edit, remove, errors, "More
//! places"), the board finding a vacancy by any place, the card, page and JSON-LD showing them
//! all, the EU pay-transparency warning, and the migration that moved single places into
//! `vacancy_places`. Both backends.

use crate::admin::valid_form;
use crate::common::{self, location, TestApp};
use careers::db::{self, DbConn};
use careers::models::VacancyPlace;

type Form = Vec<(String, String)>;

/// The admin test's valid form (Lisbon, Portugal; with a salary) with `extra` set or added.
fn form(token: &str, extra: &[(&str, &str)]) -> Form {
    let mut form: Form = valid_form(token)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    for (name, value) in extra {
        match form.iter_mut().find(|(k, _)| k == name) {
            Some(pair) => pair.1 = value.to_string(),
            None => form.push((name.to_string(), value.to_string())),
        }
    }
    form
}

const THREE_PLACES: &[(&str, &str)] = &[
    ("location_2", "Berlin"),
    ("country_2", "DE"),
    ("location_3", "Paris"),
    ("country_3", "FR"),
];

async fn send(app: &TestApp, path: &str, form: &Form) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Saves the form as a new vacancy; returns its id.
async fn create(app: &TestApp, form: &Form) -> i32 {
    let r = send(app, "/admin/vacancies", form).await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    location(&r)
        .trim_start_matches("/admin/vacancies/")
        .parse()
        .unwrap()
}

fn rows(app: &TestApp, id: i32) -> Vec<(String, String)> {
    db::places::of(&mut app.conn(), id)
        .unwrap()
        .into_iter()
        .map(|p| (p.city, p.country))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn attr(html: &str, selector: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_string))
}

/// The city and chosen country of the form's place row `n` (1-based), or `None` without it.
fn row(html: &str, n: usize) -> Option<(String, String)> {
    let suffix = if n == 1 {
        String::new()
    } else {
        format!("_{n}")
    };
    let city = attr(html, &format!("#f-location{suffix}"), "value")?;
    let country = attr(
        html,
        &format!("#f-country{suffix} option[selected]"),
        "value",
    )
    .unwrap_or_default();
    Some((city, country))
}

fn job_posting(html: &str) -> serde_json::Value {
    common::json_ld(html)
        .into_iter()
        .find(|v| v["@type"] == "JobPosting")
        .expect("a JobPosting block")
}

backend_test!(the_form_keeps_places_through_create_edit_removal_and_errors);
async fn the_form_keeps_places_through_create_edit_removal_and_errors() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;

    // A new form offers the first place and spare rows, and "More places" adds rows.
    let (_, blank) = app.get_html("/admin/vacancies/new").await;
    assert!(row(&blank, 3).is_some() && row(&blank, 4).is_none());
    let mut more = form(&token, THREE_PLACES);
    more.retain(|(k, _)| k != "intent");
    more.push(("intent".into(), "more_places".into()));
    let r = send(&app, "/admin/vacancies", &more).await;
    assert_eq!(r.status().as_u16(), 200);
    let html = r.text().await.unwrap();
    assert_eq!(row(&html, 3), Some(("Paris".into(), "FR".into())));
    assert!(
        row(&html, 7).is_some(),
        "three typed rows and four empty ones"
    );
    assert_eq!(db::vacancies::count(&mut app.conn()).unwrap(), 0);

    let id = create(&app, &form(&token, THREE_PLACES)).await;
    let saved = pairs(&[("Lisbon", "PT"), ("Berlin", "DE"), ("Paris", "FR")]);
    assert_eq!(rows(&app, id), saved);

    // The edit form shows each place in its row, then empty rows.
    let (_, edit) = app.get_html(&format!("/admin/vacancies/{id}/edit")).await;
    for (n, place) in saved.iter().enumerate() {
        assert_eq!(row(&edit, n + 1).as_ref(), Some(place));
    }
    assert_eq!(row(&edit, 4), Some((String::new(), String::new())));

    // Emptying a row removes its place.
    let path = format!("/admin/vacancies/{id}");
    let removed = form(
        &token,
        &[
            ("location_2", ""),
            ("country_2", ""),
            ("location_3", "Paris"),
            ("country_3", "FR"),
        ],
    );
    assert_eq!(send(&app, &path, &removed).await.status().as_u16(), 303);
    assert_eq!(rows(&app, id), pairs(&[("Lisbon", "PT"), ("Paris", "FR")]));
    let detail = db::vacancies::by_id(&mut app.conn(), id).unwrap().unwrap();
    assert_eq!(detail.vacancy.other_places, "FR Paris");

    // Errors stand beside their row, and every row keeps what was typed.
    let wrong = form(
        &token,
        &[
            ("location_2", "Berlin"),
            ("country_2", ""),
            ("location_3", "Paris"),
            ("country_3", "XX"),
            ("location_4", ""),
            ("country_4", "ES"),
        ],
    );
    let r = send(&app, &path, &wrong).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    let error = |id: &str| common::texts(&html, &format!("#f-{id}-error")).join(" ");
    assert_eq!(error("country_2"), common::en("place-country-missing"));
    assert_eq!(error("country_3"), common::en("place-country-unknown"));
    assert_eq!(error("location_4"), common::en(careers::messages::REQUIRED));
    assert_eq!(row(&html, 2), Some(("Berlin".into(), String::new())));
    assert_eq!(attr(&html, "#f-location_3", "value").unwrap(), "Paris");
    assert_eq!(row(&html, 4), Some((String::new(), "ES".into())));
    assert_eq!(rows(&app, id), pairs(&[("Lisbon", "PT"), ("Paris", "FR")]));

    // At most twenty places.
    let many: Vec<(String, String)> = (2..=21)
        .flat_map(|n| {
            [
                (format!("location_{n}"), format!("Town {n}")),
                (format!("country_{n}"), "DE".to_string()),
            ]
        })
        .collect();
    let mut too_many = form(&token, &[]);
    too_many.extend(many);
    let r = send(&app, &path, &too_many).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    let error = common::texts(&html, "#f-places-error").join(" ");
    assert!(error.contains("at most 20 places"), "{error}");
    assert_eq!(attr(&html, "#f-location_21", "value").unwrap(), "Town 21");
    // A row past the twentieth counts as too many, even alone.
    let far = form(&token, &[("location_30", "Faraway"), ("country_30", "DE")]);
    let r = send(&app, &path, &far).await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(!common::texts(&r.text().await.unwrap(), "#f-places-error").is_empty());

    // A copy carries the places.
    let r = app
        .post_form(
            &format!("/admin/vacancies/{id}/duplicate"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let copy: i32 = location(&r)
        .trim_start_matches("/admin/vacancies/")
        .trim_end_matches("/edit")
        .parse()
        .unwrap();
    assert_eq!(rows(&app, copy), rows(&app, id));
}

backend_test!(the_board_card_page_and_json_ld_show_every_place);
async fn the_board_card_page_and_json_ld_show_every_place() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let mut places = THREE_PLACES.to_vec();
    places.extend([("location_4", "Lyon"), ("country_4", "FR")]);
    let id = create(&app, &form(&token, &places)).await;
    let r = app
        .post_form(
            &format!("/admin/vacancies/{id}/status"),
            &[("csrf_token", &token), ("action", "publish")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let slug = db::vacancies::by_id(&mut app.conn(), id)
        .unwrap()
        .unwrap()
        .vacancy
        .slug;
    let public = app.with_new_client();

    // The location filter finds it by any place, the second one too.
    for (query, found) in [
        ("berlin", true),
        ("Germany", true),
        ("lyon", true),
        ("lisbon", true),
        ("tokyo", false),
    ] {
        let (_, html) = public
            .get_html(&format!("/en/vacancies?location={query}"))
            .await;
        let hrefs: Vec<String> = {
            let doc = scraper::Html::parse_document(&html);
            let sel = scraper::Selector::parse(".results .card-title a").unwrap();
            doc.select(&sel)
                .filter_map(|a| a.value().attr("href").map(str::to_string))
                .collect()
        };
        assert_eq!(
            hrefs.contains(&format!("/en/vacancies/{slug}")),
            found,
            "{query}"
        );
    }

    // The card names two places and how many more; the page lists all four.
    let (_, list) = public.get_html("/en/vacancies?location=paris").await;
    assert_eq!(
        common::texts(&list, &format!("#vacancy-{id} .place")),
        ["Lisbon, Portugal · Berlin, Germany and 2 more"]
    );
    let (_, es_list) = public.get_html("/es/vacancies?location=paris").await;
    assert_eq!(
        common::texts(&es_list, &format!("#vacancy-{id} .place")),
        ["Lisbon, Portugal · Berlin, Alemania y 2 más"]
    );
    let (status, page) = public.get_html(&format!("/en/vacancies/{slug}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        common::texts(&page, ".facts .places li"),
        [
            "Lisbon, Portugal",
            "Berlin, Germany",
            "Paris, France",
            "Lyon, France"
        ]
    );

    // JSON-LD: a list of places, each with its city and country.
    let posting = job_posting(&page);
    let located: Vec<(String, String)> = posting["jobLocation"]
        .as_array()
        .expect("jobLocation is a list")
        .iter()
        .map(|p| {
            assert_eq!(p["@type"], "Place");
            assert_eq!(p["address"]["@type"], "PostalAddress");
            let a = &p["address"];
            (
                a["addressLocality"].as_str().unwrap().to_string(),
                a["addressCountry"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        located,
        pairs(&[
            ("Lisbon", "PT"),
            ("Berlin", "DE"),
            ("Paris", "FR"),
            ("Lyon", "FR")
        ])
    );
    assert!(posting.get("jobLocationType").is_none());

    // What a facet by country joins: the vacancies with a place in that country.
    assert!(db::places::vacancy_ids_in(&mut app.conn(), "FR")
        .unwrap()
        .contains(&id));
    assert!(!db::places::vacancy_ids_in(&mut app.conn(), "JP")
        .unwrap()
        .contains(&id));
}

/// The checklist's warnings (not blockers) for a previewed form.
async fn warnings(app: &TestApp, form: Form) -> Vec<String> {
    let mut form = form;
    form.retain(|(k, _)| k != "intent");
    form.push(("intent".into(), "preview".into()));
    let r = send(app, "/admin/vacancies", &form).await;
    assert_eq!(r.status().as_u16(), 200);
    common::texts(&r.text().await.unwrap(), ".checklist li.warning")
}

backend_test!(the_checklist_warns_of_eu_pay_transparency_without_a_salary_range);
async fn the_checklist_warns_of_eu_pay_transparency_without_a_salary_range() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    let unpaid = [("salary_min", ""), ("salary_max", "")];
    let rule = common::en("check-eu-pay-transparency");
    assert!(rule.contains("2023/970"));
    let warned = |w: &Vec<String>| w.iter().any(|t| t.contains(&rule));

    // Lisbon without a salary: warned, but the posting could still be published.
    let w = warnings(&app, form(&token, &unpaid)).await;
    assert!(warned(&w), "{w:?}");
    // With a salary range: no warning.
    assert!(!warned(&warnings(&app, form(&token, &[])).await));
    // Outside the EU/EEA: none; an EU place among others: warned.
    let london = [
        unpaid[0],
        unpaid[1],
        ("location", "London"),
        ("country", "GB"),
    ];
    assert!(!warned(&warnings(&app, form(&token, &london)).await));
    let mut london_and_oslo = london.to_vec();
    london_and_oslo.extend([("location_2", "Oslo"), ("country_2", "NO")]);
    assert!(warned(
        &warnings(&app, form(&token, &london_and_oslo)).await
    ));
    // Remote work for EU countries counts too.
    let remote = [
        unpaid[0],
        unpaid[1],
        ("work_mode", "remote"),
        ("remote_countries", "US, PL"),
    ];
    assert!(warned(&warnings(&app, form(&token, &remote)).await));

    // A saved vacancy still publishes: the warning is no blocker.
    let id = create(&app, &form(&token, &unpaid)).await;
    app.post_form(
        &format!("/admin/vacancies/{id}/status"),
        &[("csrf_token", &token), ("action", "publish")],
    )
    .await;
    let detail = db::vacancies::by_id(&mut app.conn(), id).unwrap().unwrap();
    assert!(detail.vacancy.published_at.is_some());
    let (_, admin_page) = app.get_html(&format!("/admin/vacancies/{id}")).await;
    assert!(admin_page.contains(&rule));
}

/// Reverts this feature's migration and applies it again: the vacancies present then are the
/// "existing" ones it must move into `vacancy_places`.
fn redo_places_migration(conn: &mut DbConn) {
    use diesel::migration::MigrationSource;
    use diesel_migrations::MigrationHarness;
    fn redo<DB: diesel::backend::Backend>(
        c: &mut impl MigrationHarness<DB>,
        source: diesel_migrations::EmbeddedMigrations,
    ) where
        diesel_migrations::EmbeddedMigrations: MigrationSource<DB>,
    {
        let all = MigrationSource::<DB>::migrations(&source).unwrap();
        let places = all
            .iter()
            .find(|m| m.name().to_string().ends_with("_vacancy_places"))
            .expect("the migration");
        c.revert_migration(places.as_ref()).unwrap();
        c.run_pending_migrations(source).unwrap();
    }
    match conn {
        DbConn::Sqlite(c) => redo(c, db::SQLITE_MIGRATIONS),
        DbConn::Pg(c) => redo(c, db::POSTGRES_MIGRATIONS),
    }
}

backend_test!(existing_single_places_move_into_vacancy_places);
async fn existing_single_places_move_into_vacancy_places() {
    // The demo vacancies stand in for a database from before several places.
    let app = common::spawn_app().await;
    redo_places_migration(&mut app.conn());
    let all = db::vacancies::all(&mut app.conn()).unwrap();
    assert!(all.len() > 20);
    let mut moved = 0;
    for v in &all {
        assert_eq!(v.other_places, "");
        let expected = if v.is_remote() {
            Vec::new()
        } else {
            moved += 1;
            vec![VacancyPlace {
                vacancy_id: v.id,
                position: 0,
                city: v.location.clone(),
                country: v.country.clone(),
            }]
        };
        assert_eq!(db::places::of(&mut app.conn(), v.id).unwrap(), expected);
    }
    assert!(moved > 10);
}

/// The country filter's options as the list page shows them: (code, label, selected).
fn country_options(html: &str) -> Vec<(String, String, bool)> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("select#country option").unwrap();
    doc.select(&sel)
        .filter_map(|o| {
            let code = o.value().attr("value")?.to_string();
            let label = o.text().collect::<String>().trim().to_string();
            (!code.is_empty()).then(|| (code, label, o.value().attr("selected").is_some()))
        })
        .collect()
}

fn card_ids(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(".results [id^=vacancy-]").unwrap();
    let mut ids: Vec<String> = doc
        .select(&sel)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect();
    ids.sort();
    ids
}

backend_test!(the_country_filter_and_its_counts_follow_places_and_remote_countries);
async fn the_country_filter_and_its_counts_follow_places_and_remote_countries() {
    let app = common::spawn_app_with(false).await;
    let token = app.admin().await;
    // Lisbon (PT), Berlin (DE), Paris (FR); remote from Germany and Spain; Lisbon only.
    let three = create(&app, &form(&token, THREE_PLACES)).await;
    let remote = create(
        &app,
        &form(
            &token,
            &[("work_mode", "remote"), ("remote_countries", "DE, ES")],
        ),
    )
    .await;
    let lisbon = create(&app, &form(&token, &[])).await;
    for id in [three, remote, lisbon] {
        let r = app
            .post_form(
                &format!("/admin/vacancies/{id}/status"),
                &[("csrf_token", &token), ("action", "publish")],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303);
    }
    let public = app.with_new_client();
    let card = |id: i32| format!("vacancy-{id}");
    let option =
        |code: &str, label: &str, selected: bool| (code.to_string(), label.to_string(), selected);

    let (_, html) = public.get_html("/en/vacancies").await;
    assert_eq!(
        country_options(&html),
        [
            option("FR", "France (1)", false),
            option("DE", "Germany (2)", false),
            option("PT", "Portugal (2)", false),
            option("ES", "Spain (1)", false),
        ]
    );

    // Germany: a place there, or hiring remotely from there. The facet still counts the
    // other countries (it leaves out its own filter); a lower-case code is the same filter.
    for path in ["/en/vacancies?country=DE", "/en/vacancies?country=de"] {
        let (code, html) = public.get_html(path).await;
        assert_eq!(code, 200);
        assert_eq!(card_ids(&html), [card(three), card(remote)], "{path}");
        assert!(country_options(&html).contains(&option("DE", "Germany (2)", true)));
        assert!(country_options(&html).contains(&option("PT", "Portugal (2)", false)));
    }
    let (_, html) = public.get_html("/en/vacancies?country=ES").await;
    assert_eq!(card_ids(&html), [card(remote)]);

    // The other filters narrow the counts: remote work is only in Germany and Spain.
    let (_, html) = public.get_html("/en/vacancies?work_mode=remote").await;
    assert_eq!(
        country_options(&html),
        [
            option("DE", "Germany (1)", false),
            option("ES", "Spain (1)", false),
        ]
    );
    // A location search counts its matches' countries (not from kept counts).
    let (_, html) = public.get_html("/en/vacancies?location=lisbon").await;
    assert_eq!(
        country_options(&html),
        [
            option("FR", "France (1)", false),
            option("DE", "Germany (1)", false),
            option("PT", "Portugal (2)", false),
        ]
    );
    let (_, html) = public
        .get_html("/en/vacancies?location=lisbon&country=FR")
        .await;
    assert_eq!(card_ids(&html), [card(three)]);
    // A country filter on a location search: the other countries are listed, not counted.
    assert!(country_options(&html).contains(&option("PT", "Portugal", false)));
    assert!(country_options(&html).contains(&option("FR", "France", true)));

    // Not a country code: no country filter.
    let (code, html) = public.get_html("/en/vacancies?country=Narnia").await;
    assert_eq!(code, 200);
    assert_eq!(card_ids(&html).len(), 3);

    // The JSON list: the same results and counts.
    let body = public
        .client
        .get(public.url("/en/vacancies.json?country=DE"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["total"], 2);
    assert_eq!(json["filters"]["country"], "DE");
    let germany = json["countries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "DE")
        .unwrap();
    assert_eq!(germany["count"], 2);
    assert_eq!(germany["selected"], true);

    // Closing a vacancy takes its countries off the kept counts.
    let r = app
        .post_form(
            &format!("/admin/vacancies/{three}/status"),
            &[("csrf_token", &token), ("action", "close")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, html) = public.get_html("/en/vacancies").await;
    assert_eq!(
        country_options(&html),
        [
            option("DE", "Germany (1)", false),
            option("PT", "Portugal (1)", false),
            option("ES", "Spain (1)", false),
        ]
    );
    let (_, html) = public.get_html("/en/vacancies?country=FR").await;
    assert_eq!(card_ids(&html), Vec::<String>::new());
    assert!(country_options(&html).contains(&option("FR", "France (0)", true)));
}
