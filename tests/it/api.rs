//! One search, several outputs: the list page, its Atom feed (`vacancies.atom`) and its JSON
//! (`vacancies.json`) give the same vacancies in the same order for the same query, on demo
//! and generated data; the JSON API's OpenAPI document, CORS, 405s, ETags, drafts and the
//! absence of personal data.

use std::collections::BTreeMap;

use crate::common::{self, TestApp};
use careers::db;
use careers::models::VacancyStatus;
use serde_json::Value;

/// What an output of a search says: the slugs in order, and (where it shows them) the total
/// and the facet counts as (facet, value) → count.
#[derive(Debug, Default)]
struct Found {
    slugs: Vec<String>,
    total: Option<usize>,
    facets: Option<BTreeMap<(String, String), usize>>,
}

/// Every output of a search. A new one (the alert digest) is a variant, an arm in `read` and
/// an entry in `OUTPUTS`: the agreement tests compare all of them.
#[derive(Debug, Clone, Copy)]
enum Output {
    Page,
    Atom,
    Json,
}

const OUTPUTS: &[Output] = &[Output::Page, Output::Atom, Output::Json];

impl Output {
    async fn read(self, app: &TestApp, lang: &str, query: &str) -> Found {
        let ext = match self {
            Output::Page => "",
            Output::Atom => ".atom",
            Output::Json => ".json",
        };
        let path = match query {
            "" => format!("/{lang}/vacancies{ext}"),
            q => format!("/{lang}/vacancies{ext}?{q}"),
        };
        let r = app.get(&path).await;
        assert_eq!(r.status().as_u16(), 200, "GET {path}");
        let body = r.text().await.unwrap();
        match self {
            Output::Page => page_found(&body),
            Output::Atom => Found {
                slugs: atom_slugs(&body),
                ..Found::default()
            },
            Output::Json => json_found(&serde_json::from_str(&body).unwrap()),
        }
    }
}

/// The last segment of an address (`…/vacancies/rust-developer` → `rust-developer`).
fn last_segment(url: &str) -> String {
    url.rsplit('/').next().unwrap().to_string()
}

fn page_found(html: &str) -> Found {
    let doc = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let slugs = doc
        .select(&sel(".results .card-title a"))
        .map(|a| last_segment(a.value().attr("href").unwrap()))
        .collect();
    let heading = common::texts(html, "#results-heading").pop().unwrap();
    let digits: String = heading
        .split_whitespace()
        .next()
        .unwrap()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let mut facets = BTreeMap::new();
    for check in doc.select(&sel(".facet .check")) {
        let input = check.select(&sel("input")).next().unwrap().value();
        let count: String = check
            .select(&sel(".count"))
            .next()
            .unwrap()
            .text()
            .collect::<String>()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let key = (
            input.attr("name").unwrap().to_string(),
            input.attr("value").unwrap().to_string(),
        );
        facets.insert(key, count.parse().unwrap());
    }
    Found {
        slugs,
        total: Some(digits.parse().unwrap()),
        facets: Some(facets),
    }
}

fn atom_slugs(xml: &str) -> Vec<String> {
    let entry = regex::Regex::new(r"(?s)<entry>.*?<id>([^<]+)</id>").unwrap();
    entry
        .captures_iter(xml)
        .map(|c| last_segment(&c[1]))
        .collect()
}

fn json_found(json: &Value) -> Found {
    let slugs = json["vacancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["slug"].as_str().unwrap().to_string())
        .collect();
    let mut facets = BTreeMap::new();
    for facet in json["facets"].as_array().unwrap() {
        for value in facet["values"].as_array().unwrap() {
            let key = (
                facet["name"].as_str().unwrap().to_string(),
                value["value"].as_str().unwrap().to_string(),
            );
            facets.insert(key, value["count"].as_u64().unwrap() as usize);
        }
    }
    Found {
        slugs,
        total: Some(json["total"].as_u64().unwrap() as usize),
        facets: Some(facets),
    }
}

/// Every output of `query` agrees with the page: same slugs in the same order, and the same
/// total and facet counts where the output has them. Gives how many results the page shows.
async fn assert_outputs_agree(app: &TestApp, lang: &str, query: &str) -> usize {
    let page = Output::Page.read(app, lang, query).await;
    for output in &OUTPUTS[1..] {
        let found = output.read(app, lang, query).await;
        assert_eq!(found.slugs, page.slugs, "{output:?} /{lang}?{query}");
        if found.total.is_some() {
            assert_eq!(found.total, page.total, "{output:?} total /{lang}?{query}");
        }
        if found.facets.is_some() {
            assert_eq!(
                found.facets, page.facets,
                "{output:?} facets /{lang}?{query}"
            );
        }
    }
    page.slugs.len()
}

const QUERIES: &[&str] = &[
    "",
    "q=developer",
    "q=engineer&sort=salary",
    "category=backend&category=frontend",
    "seniority=senior&work_mode=remote",
    "employment=full_time&salary_min=40000",
    "location=berlin",
    "sort=salary",
    "page=2",
    "page=2&sort=salary",
    "q=zzzzqqqnothing",
    // Bad values are ignored or clamped, as the page does.
    "page=999",
    "page=-3&salary_min=abc&seniority=bogus&category=nope&sort=up",
];

backend_test!(page_feed_and_json_agree_on_demo_data);
async fn page_feed_and_json_agree_on_demo_data() {
    let app = common::spawn_app().await;
    let mut shown = 0;
    for query in QUERIES {
        shown += assert_outputs_agree(&app, "en", query).await;
    }
    assert!(shown > 40, "the queries find something: {shown}");
    assert_eq!(
        assert_outputs_agree(&app, "en", "q=zzzzqqqnothing").await,
        0
    );
    assert!(assert_outputs_agree(&app, "en", "page=2").await > 0);
    for query in [
        "",
        "q=desarrollador",
        "sort=salary&page=2",
        "work_mode=remote",
    ] {
        assert_outputs_agree(&app, "es", query).await;
    }
}

backend_test!(page_feed_and_json_agree_on_generated_data);
async fn page_feed_and_json_agree_on_generated_data() {
    let app = common::spawn_app().await;
    app.run_command(&["generate", "--vacancies", "300", "--seed", "11"]);
    // `run_command` blocks this runtime for a while: a fresh client, no stale pooled socket.
    let app = app.with_new_client();
    let mut shown = 0;
    for query in QUERIES
        .iter()
        .chain(&["page=3", "page=5&sort=salary", "q=senior&page=2"])
    {
        shown += assert_outputs_agree(&app, "en", query).await;
    }
    assert!(shown > 150, "generated data shows: {shown}");
    assert_outputs_agree(&app, "es", "page=2").await;
}

/// The JSON of a GET, asserting 200 and the content type.
async fn get_json(app: &TestApp, path: &str) -> Value {
    let r = app.get(path).await;
    assert_eq!(r.status().as_u16(), 200, "GET {path}");
    assert_eq!(r.headers()["content-type"], "application/json", "{path}");
    serde_json::from_str(&r.text().await.unwrap()).unwrap()
}

backend_test!(search_json_has_links_filters_and_vacancy_fields);
async fn search_json_has_links_filters_and_vacancy_fields() {
    let app = common::spawn_app().await;
    let first = get_json(&app, "/en/vacancies.json?seniority=bogus&sort=salary").await;
    assert_eq!(first["page"], 1);
    assert!(first["pages"].as_u64().unwrap() >= 2);
    assert_eq!(first["prev"], Value::Null);
    let next = first["next"].as_str().unwrap();
    assert!(
        next.starts_with("http://") && next.ends_with("/en/vacancies.json?sort=salary&page=2"),
        "{next}"
    );
    assert_eq!(first["filters"]["sort"], "salary");
    assert_eq!(first["filters"]["seniority"], serde_json::json!([]));
    // `next` answers, and its `prev` leads back.
    let path = next.split_once("/en/").unwrap().1;
    let second = get_json(&app, &format!("/en/{path}")).await;
    assert_eq!(second["page"], 2);
    assert!(second["prev"]
        .as_str()
        .unwrap()
        .ends_with("/en/vacancies.json?sort=salary"));

    let v = &first["vacancies"][0];
    for field in [
        "slug",
        "language",
        "title",
        "seniority",
        "employment",
        "work_mode",
        "summary",
    ] {
        assert!(v[field].is_string(), "{field}: {v}");
    }
    assert!(v["salary"]["max"].is_number(), "sorted by salary: {v}");
    assert!(v["salary"]["currency"].is_string());
    assert!(v["location"]["place"].is_string());
    assert!(!v["skills"].as_array().unwrap().is_empty(), "{v}");
    let published = v["published_at"].as_str().unwrap();
    time::OffsetDateTime::parse(published, &time::format_description::well_known::Rfc3339)
        .expect("RFC 3339");
    let html_url = v["urls"]["html"].as_str().unwrap();
    let json_url = v["urls"]["json"].as_str().unwrap();
    let slug = v["slug"].as_str().unwrap();
    assert!(html_url.ends_with(&format!("/en/vacancies/{slug}")));
    assert!(json_url.ends_with(&format!("/en/vacancies/{slug}.json")));

    // The vacancy's own JSON.
    let one = get_json(&app, &format!("/en/vacancies/{slug}.json")).await;
    assert_eq!(one["slug"], slug);
    assert_eq!(one["status"], "open");
    assert_eq!(one["title"], v["title"]);
    assert!(one["sections"]["requirements_html"]
        .as_str()
        .unwrap()
        .contains('<'));
    assert_eq!(one["skills"], v["skills"]);
}

backend_test!(the_list_page_links_its_feed_and_json_with_its_query);
async fn the_list_page_links_its_feed_and_json_with_its_query() {
    let app = common::spawn_app().await;
    let (_, html) = app
        .get_html("/es/vacancies?q=datos&work_mode=remote&page=2")
        .await;
    let doc = scraper::Html::parse_document(&html);
    let href = |selector: &str| {
        let sel = scraper::Selector::parse(selector).unwrap();
        doc.select(&sel)
            .map(|e| e.value().attr("href").unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let feeds = href(r#"head link[rel="alternate"][type="application/atom+xml"]"#);
    assert!(
        feeds.contains(&"/es/vacancies.atom?q=datos&work_mode=remote".to_string()),
        "{feeds:?}"
    );
    let json = href(r#"head link[rel="alternate"][type="application/json"]"#);
    assert_eq!(json, ["/es/vacancies.json?q=datos&work_mode=remote"]);

    let r = app.get("/es/vacancies.atom?q=datos").await;
    assert_eq!(
        r.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let xml = r.text().await.unwrap();
    assert!(xml.contains(r#"xml:lang="es""#));
    assert!(xml.contains("/es/vacancies.atom?q=datos\"/>"), "{xml}");
}

backend_test!(vacancy_json_hides_drafts_and_marks_closed_ones);
/// Draft and closed vacancies: a draft does not exist for the public, a closed one says so.
async fn vacancy_json_hides_drafts_and_marks_closed_ones() {
    let app = common::spawn_app().await;
    let open = db::board::newest_open(&mut app.conn(), "en", 2).unwrap();
    let (draft, closed) = (&open[0].0, &open[1].0);
    db::vacancies::set_status(&mut app.conn(), draft.id, VacancyStatus::Draft, None).unwrap();
    db::vacancies::set_status(
        &mut app.conn(),
        closed.id,
        VacancyStatus::Closed,
        closed.published_at,
    )
    .unwrap();
    for id in [draft.id, closed.id] {
        db::listing::sync_vacancy(&mut app.conn(), id, careers::clock::now()).unwrap();
    }

    let r = app.get(&format!("/en/vacancies/{}.json", draft.slug)).await;
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(r.headers()["content-type"], "application/json");
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let error: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    assert_eq!(error["error"]["status"], 404);
    assert!(error["error"]["message"].is_string());
    let r = app.get("/en/vacancies/no-such-vacancy.json").await;
    assert_eq!(r.status().as_u16(), 404);
    // A query the site refuses (a NUL) is a 400, in JSON too; never a 500.
    let r = app.get("/en/vacancies.json?q=%00").await;
    assert_eq!(r.status().as_u16(), 400);
    assert_eq!(r.headers()["content-type"], "application/json");

    let json = get_json(&app, &format!("/en/vacancies/{}.json", closed.slug)).await;
    assert_eq!(json["status"], "closed");
    // Neither is in a search any more.
    let list = get_json(&app, "/en/vacancies.json").await;
    let slugs = json_found(&list).slugs;
    assert!(!slugs.contains(&draft.slug) && !slugs.contains(&closed.slug));
}

backend_test!(api_is_get_only_cors_open_and_etagged);
async fn api_is_get_only_cors_open_and_etagged() {
    let app = common::spawn_app_configured(true, |c| c.page_cache_mb = 8).await;
    let slug = db::board::newest_open(&mut app.conn(), "en", 1).unwrap()[0]
        .0
        .slug
        .clone();
    let paths = [
        "/en/vacancies.json?q=developer".to_string(),
        "/es/vacancies.atom".to_string(),
        format!("/en/vacancies/{slug}.json"),
        "/api/openapi.json".to_string(),
    ];
    let client = common::new_client();
    for path in &paths {
        let first = app.get(path).await;
        assert_eq!(first.status().as_u16(), 200, "{path}");
        assert_eq!(
            first.headers()["access-control-allow-origin"],
            "*",
            "{path}"
        );
        let content_type = first.headers()["content-type"].clone();
        let etag = first.headers()["etag"].clone();
        // Served again from the page cache: same type, same tag, still CORS.
        let again = app.get(path).await;
        assert_eq!(again.headers()["content-type"], content_type, "{path}");
        assert_eq!(again.headers()["etag"], etag, "{path}");
        assert_eq!(again.headers()["access-control-allow-origin"], "*");
        let r = client
            .get(app.url(path))
            .header("if-none-match", etag)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 304, "{path}");
        assert_eq!(r.headers()["access-control-allow-origin"], "*", "{path}");

        // Any other method: 405 with `Allow`, in JSON on JSON paths.
        let r = client
            .post(app.url(path))
            .form(&[("q", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 405, "POST {path}");
        assert_eq!(r.headers()["allow"], "GET, HEAD", "{path}");
        assert_eq!(r.headers()["content-type"], "application/json", "{path}");
    }
    // A browser's preflight is answered; the HTML pages are not opened to other sites.
    let r = client
        .request(reqwest::Method::OPTIONS, app.url(&paths[0]))
        .header("origin", "https://elsewhere.example")
        .header("access-control-request-method", "GET")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 204);
    assert_eq!(r.headers()["access-control-allow-methods"], "GET, HEAD");
    let r = app.get("/en/vacancies").await;
    assert!(!r.headers().contains_key("access-control-allow-origin"));
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}

/// Every property name anywhere in a schema tree.
fn property_names(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|v| property_names(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| property_names(v, out)),
        _ => {}
    }
}

/// A validator for one schema of the document's components (JSON Schema 2020-12, which
/// OpenAPI 3.1 schemas are).
fn validator(doc: &Value, schema: &str) -> jsonschema::Validator {
    let root = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{schema}"),
        "components": doc["components"],
    });
    jsonschema::validator_for(&root).expect("a valid JSON Schema")
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

backend_test!(openapi_document_describes_the_api_and_its_responses_validate);
async fn openapi_document_describes_the_api_and_its_responses_validate() {
    let app = common::spawn_app().await;
    let doc = get_json(&app, "/api/openapi.json").await;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    let slug = db::board::newest_open(&mut app.conn(), "en", 1).unwrap()[0]
        .0
        .slug
        .clone();
    // Every documented path answers (GET only, as documented).
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 4, "{:?}", paths.keys());
    for (path, operations) in paths {
        let methods: Vec<&String> = operations.as_object().unwrap().keys().collect();
        assert!(
            methods.iter().all(|m| *m == "get" || *m == "parameters"),
            "{methods:?}"
        );
        let concrete = path.replace("{lang}", "es").replace("{slug}", &slug);
        let r = app.get(&concrete).await;
        assert_eq!(r.status().as_u16(), 200, "documented {path}");
    }

    // The list's documented parameters are the ones `Filters::from_pairs` reads, and every
    // reference resolves.
    let params: Vec<&str> = doc["paths"]["/{lang}/vacancies.json"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    let expected = [
        "q",
        "category",
        "seniority",
        "employment",
        "work_mode",
        "location",
        "country",
        "salary_min",
        "sort",
        "page",
    ];
    assert_eq!(params, expected);
    let refs = regex::Regex::new(r##""\$ref":"#/components/schemas/([A-Za-z]+)""##).unwrap();
    let text = doc.to_string();
    assert!(refs.is_match(&text));
    for r in refs.captures_iter(&text) {
        assert!(doc["components"]["schemas"][&r[1]].is_object(), "{}", &r[1]);
    }

    // Real responses validate against the document's schemas, and a broken one does not.
    let list = validator(&doc, "VacancyList");
    for query in ["", "q=developer&sort=salary&page=2", "q=zzzzqqqnothing"] {
        let json = get_json(&app, &format!("/en/vacancies.json?{query}")).await;
        assert_valid(&list, &json, query);
    }
    let mut broken = get_json(&app, "/en/vacancies.json").await;
    broken["vacancies"][0]
        .as_object_mut()
        .unwrap()
        .remove("slug");
    assert!(!list.is_valid(&broken), "the schema requires a slug");
    broken["total"] = Value::from("many");
    assert!(!list.is_valid(&broken));
    let one = validator(&doc, "VacancyDocument");
    let json = get_json(&app, &format!("/en/vacancies/{slug}.json")).await;
    assert_valid(&one, &json, &slug);
    let error = validator(&doc, "ApiError");
    let r = app.get("/en/vacancies/nobody.json").await;
    let body: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    assert_valid(&error, &body, "404");

    // No personal field is described.
    let mut names = Vec::new();
    property_names(&doc["components"], &mut names);
    assert!(names.contains(&"slug".to_string()));
    for personal in [
        "email",
        "author",
        "author_id",
        "applications",
        "phone",
        "cv",
        "user",
    ] {
        assert!(!names.iter().any(|n| n == personal), "{personal}");
    }
}

backend_test!(no_json_output_holds_an_email_address);
async fn no_json_output_holds_an_email_address() {
    let app = common::spawn_app().await;
    // Recruiters with addresses exist, and authored vacancies.
    app.admin().await;
    let email = regex::Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+").unwrap();
    let mut bodies = vec![app.get("/api/openapi.json").await.text().await.unwrap()];
    for lang in ["en", "es"] {
        for page in 1..=3 {
            let list = get_json(&app, &format!("/{lang}/vacancies.json?page={page}")).await;
            for v in list["vacancies"].as_array().unwrap() {
                let url = v["urls"]["json"].as_str().unwrap();
                let path = &url[url.find(&format!("/{lang}/")).unwrap()..];
                bodies.push(app.get(path).await.text().await.unwrap());
            }
            bodies.push(list.to_string());
        }
    }
    assert!(bodies.len() > 40);
    for body in &bodies {
        assert!(email.find(body).is_none(), "{:?}", email.find(body));
    }
}

backend_test!(vacancy_json_lists_every_place);
/// A vacancy done from several places lists each in its JSON, first place first.
async fn vacancy_json_lists_every_place() {
    let app = common::spawn_app().await;
    let list = get_json(&app, "/en/vacancies.json?location=utrecht").await;
    let slugs = json_found(&list).slugs;
    assert_eq!(
        slugs.len(),
        1,
        "one demo vacancy is done from Utrecht: {slugs:?}"
    );
    let json = get_json(&app, &format!("/en/vacancies/{}.json", slugs[0])).await;
    let places: Vec<(String, String)> = json["location"]["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| {
            let field = |k: &str| p[k].as_str().unwrap_or_default().to_string();
            (field("city"), field("country"))
        })
        .collect();
    assert_eq!(places.len(), 3, "{places:?}");
    assert!(
        places.contains(&("Utrecht".into(), "NL".into())),
        "{places:?}"
    );
    assert!(
        places.contains(&("Lisbon".into(), "PT".into())),
        "{places:?}"
    );
}

backend_test!(the_alert_digest_agrees_with_the_page_feed_and_json);
/// The fourth output: an alert saved from a search mails the vacancies the page lists for it
/// (a digest holds at most 20, one page), newest first: the same order as the page, the Atom
/// feed and the JSON of `sort=newest`; for a keyword search, which the page ranks by relevance,
/// the same vacancies.
async fn the_alert_digest_agrees_with_the_page_feed_and_json() {
    use crate::alerts;
    let app = common::spawn_app().await;
    let jobs = alerts::jobs_for(&app);
    let (_stop, signal) = alerts::never_stopping();
    let queries = [
        "",
        "category=backend",
        "q=python",
        "q=developer&work_mode=remote",
        "seniority=senior&seniority=middle",
        "location=madrid",
        "salary_min=60000",
    ];
    for (i, query) in queries.into_iter().enumerate() {
        let email = format!("agree{i}@example.com");
        let subscriber = alerts::confirmed_subscriber(&app, query, &email).await;
        alerts::rewind(&app, subscriber.id);
        assert_eq!(
            jobs.queue_digests(true, &signal).await.unwrap(),
            1,
            "{query}"
        );
        let digest = alerts::digests(&app).pop().unwrap();
        assert_eq!(digest.recipient, email);
        let mailed = alerts::digest_slugs(&digest.body);
        assert!(!mailed.is_empty(), "{query}: the demo data has matches");
        let newest = match query {
            "" => "sort=newest".to_string(),
            q => format!("{q}&sort=newest"),
        };
        for output in OUTPUTS {
            let mut listed = output.read(&app, "en", &newest).await.slugs;
            let mut mailed = mailed.clone();
            // A keyword search ranks by relevance, a digest is newest first: same vacancies.
            if query.contains("q=") {
                listed.sort();
                mailed.sort();
            }
            assert_eq!(listed, mailed, "{output:?} of {query:?} vs the digest");
        }
    }
}
