//! Page latency and throughput on the embedded default with the demo content.
//! `cargo bench --bench pages` prints medians, 95th percentiles and requests per second for the
//! main public pages; figures, not pass/fail (the machines are shared and noisy).

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
        trust_proxy: false,
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
    for page in &pages {
        let url = format!("{base}{page}");
        for _ in 0..20 {
            client
                .get(&url)
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
        }
        let mut times = Vec::with_capacity(SEQUENTIAL);
        for _ in 0..SEQUENTIAL {
            let start = Instant::now();
            let r = client.get(&url).send().await.unwrap();
            assert!(r.status().is_success(), "{page}: {}", r.status());
            r.bytes().await.unwrap();
            times.push(start.elapsed());
        }
        times.sort();
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

    let start = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..CONCURRENT_TASKS {
        let client = client.clone();
        let url = format!("{base}{}", pages[t % pages.len()]);
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
    let total = CONCURRENT_TASKS * CONCURRENT_EACH;
    println!(
        "{total} requests from {CONCURRENT_TASKS} concurrent clients over the pages above: {:.0} requests/s",
        total as f64 / start.elapsed().as_secs_f64()
    );
}
