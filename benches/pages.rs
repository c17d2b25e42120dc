//! Page latency and throughput on the embedded default with the demo content.
//! `cargo bench --bench pages` prints medians, 95th percentiles and requests per second for the
//! main public pages; figures, not pass/fail (the machines are shared and noisy). As a yardstick
//! it serves the very same bytes with no work at all (from memory, same HTTP stack and worker
//! count: the best any static server could do here) and prints how close each page comes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test fails

use std::net::TcpListener;
use std::time::{Duration, Instant};

use actix_web::cookie::Key;
use careers::config::Config;

const SEQUENTIAL: usize = 300;
const CONCURRENT_TASKS: usize = 8;
const CONCURRENT_EACH: usize = 100;

fn config(dir: &std::path::Path) -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        database_url: format!("sqlite://{}", dir.join("bench.db").display()),
        demo: true,
        org_name: "Northwind Labs".into(),
        org_url: "https://northwind.example".into(),
        base_url: "http://127.0.0.1".into(),
        secret_key: None,
        data_dir: dir.display().to_string(),
        static_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/static").into(),
        db_pool_size: 8,
        workers: Some(2),
        blocked_words: String::new(),
        min_fill_seconds: 3,
        page_cache_mb: 0,
        trust_proxy: false,
        trusted_proxy_hops: 1,
        session_max_hours: 8,
        applications: Default::default(),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path());
    let (pool, _) = careers::startup::prepare_database(&config).expect("database");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = careers::startup::run(listener, &config, pool, Key::generate()).expect("server");
    tokio::spawn(server);
    let client = reqwest::Client::new();

    let list = client
        .get(format!("{base}/vacancies"))
        .send()
        .await
        .unwrap();
    let html = list.text().await.unwrap();
    let vacancy = html
        .split("href=\"/vacancies/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|slug| format!("/vacancies/{slug}"))
        .expect("a vacancy link");
    let pages = [
        "/".to_string(),
        "/vacancies".into(),
        "/vacancies?q=developer".into(),
        "/vacancies?category=backend&work_mode=remote&work_mode=hybrid&sort=salary".into(),
        vacancy,
        "/learn/backend-developer".into(),
        "/articles/databases-and-caches".into(),
    ];

    println!(
        "{:<75} {:>9} {:>9}",
        "page (sequential, 1 client)", "median", "p95"
    );
    let mut medians = Vec::new();
    let mut bodies = Vec::new();
    for page in &pages {
        let url = format!("{base}{page}");
        bodies.push(
            client
                .get(&url)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap(),
        );
        let times = sequential(&client, &url).await;
        let median = percentile(&times, 0.5);
        medians.push(median);
        println!(
            "{:<75} {:>7.2}ms {:>7.2}ms",
            page,
            median.as_secs_f64() * 1e3,
            percentile(&times, 0.95).as_secs_f64() * 1e3
        );
    }
    println!(
        "ratio keyword search / plain list (medians): {:.2}",
        medians[2].as_secs_f64() / medians[1].as_secs_f64()
    );

    // The same bytes from memory: no database, no templates.
    let static_listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let static_base = format!("http://{}", static_listener.local_addr().unwrap());
    let shared = actix_web::web::Data::new(bodies.clone());
    let static_server = actix_web::HttpServer::new(move || {
        actix_web::App::new().app_data(shared.clone()).route(
            "/{i}.html",
            actix_web::web::get().to(
                |i: actix_web::web::Path<usize>,
                 bodies: actix_web::web::Data<Vec<actix_web::web::Bytes>>| async move {
                    actix_web::HttpResponse::Ok()
                        .content_type("text/html; charset=utf-8")
                        .body(bodies[*i].clone())
                },
            ),
        )
    })
    .workers(2)
    .listen(static_listener)
    .expect("static server")
    .run();
    tokio::spawn(static_server);
    let static_urls: Vec<String> = (0..pages.len())
        .map(|i| format!("{static_base}/{i}.html"))
        .collect();
    println!(
        "\n{:<75} {:>9} {:>9}",
        "the same bytes, no work (from memory)", "median", "dynamic/static"
    );
    let mut static_medians = Vec::new();
    for (i, url) in static_urls.iter().enumerate() {
        let median = percentile(&sequential(&client, url).await, 0.5);
        static_medians.push(median);
        println!(
            "{:<75} {:>7.2}ms {:>9.2}",
            pages[i],
            median.as_secs_f64() * 1e3,
            medians[i].as_secs_f64() / median.as_secs_f64()
        );
    }
    let mut ratios: Vec<f64> = medians
        .iter()
        .zip(&static_medians)
        .map(|(d, s)| d.as_secs_f64() / s.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "median of the dynamic/static ratios: {:.2}",
        ratios[ratios.len() / 2]
    );

    let dynamic_urls: Vec<String> = pages.iter().map(|p| format!("{base}{p}")).collect();
    let total = CONCURRENT_TASKS * CONCURRENT_EACH;
    let dynamic_rate = throughput(&client, &dynamic_urls).await;
    let static_rate = throughput(&client, &static_urls).await;
    println!(
        "\n{total} requests from {CONCURRENT_TASKS} concurrent clients over the pages above: \
         {dynamic_rate:.0} requests/s dynamic, {static_rate:.0} requests/s static ({:.0} %)",
        100.0 * dynamic_rate / static_rate
    );
}

/// SEQUENTIAL response times of one URL after a warm-up, sorted.
async fn sequential(client: &reqwest::Client, url: &str) -> Vec<Duration> {
    for _ in 0..20 {
        client.get(url).send().await.unwrap().bytes().await.unwrap();
    }
    let mut times = Vec::with_capacity(SEQUENTIAL);
    for _ in 0..SEQUENTIAL {
        let start = Instant::now();
        let r = client.get(url).send().await.unwrap();
        assert!(r.status().is_success(), "{url}: {}", r.status());
        r.bytes().await.unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    times
}

/// Requests per second with CONCURRENT_TASKS clients, each fetching one of `urls` repeatedly.
async fn throughput(client: &reqwest::Client, urls: &[String]) -> f64 {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..CONCURRENT_TASKS {
        let client = client.clone();
        let url = urls[t % urls.len()].clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..CONCURRENT_EACH {
                client
                    .get(&url)
                    .send()
                    .await
                    .unwrap()
                    .bytes()
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    (CONCURRENT_TASKS * CONCURRENT_EACH) as f64 / start.elapsed().as_secs_f64()
}
