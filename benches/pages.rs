//! Page latency and throughput, with the demo content and with generated vacancies at scale.
//! `cargo bench --bench pages` prints, per scale, medians and 95th percentiles of the main public
//! pages (page cache off), the process's resident memory, and requests per second at 32
//! concurrent connections with the page cache off, on, and for the "no-work floor": the very
//! same bytes served from memory with no work at all (same HTTP stack and worker count, the best
//! any static server could do here). Figures, not pass/fail (the machines are shared and noisy).
//!
//! `BENCH_SCALES` (default `demo,1000,10000,100000`) picks the scales: `demo` is the demo
//! content (as in earlier versions of this bench), a number is that many generated vacancies
//! (seed 1). Generated SQLite databases are kept as `target/bench-data/<n>-seed1.db` and reused;
//! each run serves a copy in a temporary folder, so the kept files never change. With
//! `TEST_DATABASE_URL` set, the generated scales also run on PostgreSQL, each in a schema
//! `bench_<n>` of that database, generated afresh and dropped at the end. `BENCH_BACKENDS`
//! (default `sqlite,postgres`) narrows the backends.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a test fails

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use actix_web::cookie::Key;
use actix_web::dev::ServerHandle;
use actix_web::web::Bytes;
use careers::config::Config;
use diesel::{Connection, RunQueryDsl};

/// Most samples per page in the sequential run...
const SEQUENTIAL: usize = 300;
/// ...unless the page is slow: then as many as fit in this time, but at least `SEQUENTIAL_MIN`.
const SEQUENTIAL_BUDGET: Duration = Duration::from_secs(8);
const SEQUENTIAL_MIN: usize = 30;
const WARM_UP: usize = 20;
const WARM_UP_BUDGET: Duration = Duration::from_secs(2);
/// Concurrent connections (one client task each) of the throughput runs.
const CONNECTIONS: usize = 32;
/// Requests per throughput measurement, shared among the connections...
const THROUGHPUT_REQUESTS: usize = 4000;
/// ...or fewer if the measurement would take longer than this.
const THROUGHPUT_BUDGET: Duration = Duration::from_secs(30);
const CACHE_MB: u64 = 64;
const SEED: u64 = 1;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// `None`: the demo content.
type Scale = Option<usize>;

fn scale_name(scale: Scale) -> String {
    match scale {
        None => "demo".into(),
        Some(n) => thousands(n),
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn config(dir: &Path, database_url: String, demo: bool, page_cache_mb: u64) -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        database_url,
        demo,
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
        page_cache_mb,
        trust_proxy: false,
        trusted_proxy_hops: 1,
        session_max_hours: 8,
        languages: "en,es".into(),
        default_lang: "en".into(),
        applications: Default::default(),
        ops: Default::default(),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Resident and peak resident memory of this process (server, client and floor), in MB.
fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// One running site (or floor) and how to stop it.
struct Instance {
    base: String,
    handle: ServerHandle,
}

impl Instance {
    async fn stop(self) {
        self.handle.stop(true).await;
    }
}

fn start_site(config: &Config) -> Instance {
    let (pool, _) = careers::startup::prepare_database(config).expect("database");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = careers::startup::run(listener, config, pool, Key::generate()).expect("server");
    let handle = server.handle();
    tokio::spawn(server);
    Instance { base, handle }
}

/// The same bytes from memory: no database, no templates; `/{i}` answers `bodies[i]`.
fn start_floor(bodies: Vec<(String, Bytes)>) -> Instance {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let shared = actix_web::web::Data::new(bodies);
    let server = actix_web::HttpServer::new(move || {
        actix_web::App::new().app_data(shared.clone()).route(
            "/{i}",
            actix_web::web::get().to(
                |i: actix_web::web::Path<usize>,
                 bodies: actix_web::web::Data<Vec<(String, Bytes)>>| async move {
                    let (content_type, body) = &bodies[*i];
                    actix_web::HttpResponse::Ok()
                        .content_type(content_type.as_str())
                        .body(body.clone())
                },
            ),
        )
    })
    .workers(2)
    .listen(listener)
    .expect("floor server")
    .run();
    let handle = server.handle();
    tokio::spawn(server);
    Instance { base, handle }
}

/// What one scale on one backend measured, for the summary.
#[derive(Default)]
struct Figures {
    p50: BTreeMap<String, f64>,
    rss_mb: f64,
    off: Option<Rate>,
    on: Option<Rate>,
    floor: Option<Rate>,
}

#[derive(Clone, Copy)]
struct Rate {
    per_second: f64,
    p99: Duration,
    requests: usize,
}

#[tokio::main]
async fn main() {
    let scales: Vec<Scale> = std::env::var("BENCH_SCALES")
        .unwrap_or_else(|_| "demo,1000,10000,100000".into())
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s {
            "demo" => None,
            n => Some(
                n.replace('_', "")
                    .parse()
                    .expect("BENCH_SCALES: demo or numbers"),
            ),
        })
        .collect();
    let backends = std::env::var("BENCH_BACKENDS").unwrap_or_else(|_| "sqlite,postgres".into());
    let pg_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty());
    let mut runs = Vec::new();
    if backends.contains("sqlite") {
        runs.extend(scales.iter().map(|s| (Backend::Sqlite, *s)));
    }
    match (&pg_url, backends.contains("postgres")) {
        (Some(_), true) => runs.extend(
            scales
                .iter()
                .filter(|s| s.is_some())
                .map(|s| (Backend::Postgres, *s)),
        ),
        (None, true) => println!("PostgreSQL skipped: TEST_DATABASE_URL not set"),
        _ => {}
    }

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(2 * CONNECTIONS)
        .build()
        .unwrap();
    let mut results: Vec<((Backend, Scale), Figures)> = Vec::new();
    for (backend, scale) in runs {
        println!(
            "\n=== {} · {} ===",
            backend.name(),
            match scale {
                None => "demo content".into(),
                Some(n) => format!("{} generated vacancies", thousands(n)),
            }
        );
        let figures = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let db = dir.path().join("bench.db");
                if let Some(n) = scale {
                    let kept = kept_sqlite(n);
                    let started = Instant::now();
                    std::fs::copy(&kept, &db).expect("copy the kept database");
                    println!(
                        "serving a copy of {} ({:.0} MB, copied in {:.1} s)",
                        kept.display(),
                        std::fs::metadata(&db).unwrap().len() as f64 / 1e6,
                        started.elapsed().as_secs_f64()
                    );
                }
                let url = format!("sqlite://{}", db.display());
                run_scale(&client, dir.path(), &url, scale).await
            }
            Backend::Postgres => {
                let n = scale.expect("generated scales only");
                let server_url = pg_url.clone().unwrap();
                let schema = PgSchema::create(&server_url, n);
                let dir = tempfile::tempdir().expect("temp dir");
                let started = Instant::now();
                generate_into(&schema.url, dir.path(), n);
                println!(
                    "generated {} vacancies in schema {} in {:.1} s",
                    thousands(n),
                    schema.name,
                    started.elapsed().as_secs_f64()
                );
                run_scale(&client, dir.path(), &schema.url, scale).await
            }
        };
        results.push(((backend, scale), figures));
    }
    summary(&results);
}

/// The kept SQLite database of `n` generated vacancies, generated first when missing (under a
/// temporary name, so an interrupted run leaves nothing that looks complete).
fn kept_sqlite(n: usize) -> PathBuf {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let kept = folder.join(format!("{n}-seed{SEED}.db"));
    if kept.exists() {
        return kept;
    }
    std::fs::create_dir_all(&folder).expect("target/bench-data");
    let partial = folder.join(format!("{n}-seed{SEED}.db.partial"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    generate_into(&format!("sqlite://{}", partial.display()), dir.path(), n);
    println!(
        "generated {} vacancies into {} in {:.1} s",
        thousands(n),
        kept.display(),
        started.elapsed().as_secs_f64()
    );
    std::fs::rename(&partial, &kept).expect("rename the generated database");
    kept
}

/// Migrates the database at `url` and adds `n` generated vacancies (seed `SEED`).
fn generate_into(url: &str, dir: &Path, n: usize) {
    let config = config(dir, url.to_string(), false, 0);
    let (pool, _) = careers::startup::prepare_database(&config).expect("database");
    let mut conn = pool.get().expect("connection");
    careers::actions::generate::generate(&mut conn, n, SEED, |_| {}).expect("generate");
    if let careers::db::DbConn::Sqlite(c) = &mut *conn {
        // Everything into the main file, so copying that file alone copies the database.
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(c)
            .expect("checkpoint");
    }
}

/// A schema of its own in the `TEST_DATABASE_URL` database, dropped when this is.
struct PgSchema {
    server_url: String,
    name: String,
    url: String,
}

impl PgSchema {
    fn create(server_url: &str, n: usize) -> PgSchema {
        let name = format!("bench_{n}");
        let mut conn =
            diesel::PgConnection::establish(server_url).expect("connect to TEST_DATABASE_URL");
        // A killed run leaves its schema behind.
        diesel::sql_query(format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
            .execute(&mut conn)
            .expect("drop an old bench schema");
        diesel::sql_query(format!("CREATE SCHEMA {name}"))
            .execute(&mut conn)
            .expect("create the bench schema (the role must own the database)");
        let params = format!("application_name={name}&options=-csearch_path%3D{name}");
        let url = match server_url.contains('?') {
            true => format!("{server_url}&{params}"),
            false => format!("{server_url}?{params}"),
        };
        PgSchema {
            server_url: server_url.to_string(),
            name,
            url,
        }
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let Ok(mut conn) = diesel::PgConnection::establish(&self.server_url) else {
            return;
        };
        // The servers' pools may still hold connections.
        let _ = diesel::sql_query(format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE application_name = '{}' AND pid <> pg_backend_pid()",
            self.name
        ))
        .execute(&mut conn);
        let _ = diesel::sql_query(format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name))
            .execute(&mut conn);
    }
}

/// Pages of one scale: (label, path, part of the throughput mix).
fn pages(scale: Scale, vacancy: &str, sitemap_is_index: bool) -> Vec<(String, String, bool)> {
    let mut pages: Vec<(&str, String, bool)> = match scale {
        // The demo run of earlier versions, so figures stay comparable, and the feed/sitemap.
        None => vec![
            ("home", "/".into(), true),
            ("list", "/en/vacancies".into(), true),
            (
                "demo: keyword q=developer",
                "/en/vacancies?q=developer".into(),
                true,
            ),
            (
                "demo: filtered + sorted",
                "/en/vacancies?category=backend&work_mode=remote&work_mode=hybrid&sort=salary"
                    .into(),
                true,
            ),
            ("vacancy", vacancy.into(), true),
            (
                "demo: learning path",
                "/en/learn/backend-developer".into(),
                true,
            ),
            (
                "demo: article",
                "/en/articles/databases-and-caches".into(),
                true,
            ),
            ("feed", "/en/feed.xml".into(), false),
            ("sitemap", "/sitemap.xml".into(), false),
        ],
        Some(_) => vec![
            ("list", "/en/vacancies".into(), true),
            (
                "filtered",
                "/en/vacancies?category=backend&seniority=senior".into(),
                true,
            ),
            // In most titles and summaries ("Engineer" roles, "engineers in this area").
            (
                "keyword common (engineer)",
                "/en/vacancies?q=engineer".into(),
                true,
            ),
            // The rarest word of the generator: the "(Growth)" title focus, ~0.8 %.
            (
                "keyword rare (growth)",
                "/en/vacancies?q=growth".into(),
                true,
            ),
            // Two rare words together: ~0.02 %, a handful even at 100,000.
            (
                "keywords rare (growth elixir)",
                "/en/vacancies?q=growth+elixir".into(),
                true,
            ),
            (
                "search + filter",
                "/en/vacancies?q=developer&work_mode=remote".into(),
                true,
            ),
            // Filters the sort key does not carry: they read the board rows (or the index's
            // matches) and, below 10,000 matches, count the country facet from them.
            ("country", "/en/vacancies?country=DE".into(), true),
            (
                "location filter",
                "/en/vacancies?location=berlin".into(),
                true,
            ),
            (
                "salary filter",
                "/en/vacancies?salary_min=80000".into(),
                true,
            ),
            (
                "search + location",
                "/en/vacancies?q=developer&location=berlin".into(),
                true,
            ),
            ("page 50", "/en/vacancies?page=50".into(), true),
            ("vacancy", vacancy.into(), true),
            ("feed", "/en/feed.xml".into(), true),
            ("sitemap", "/sitemap.xml".into(), false),
            ("home", "/".into(), true),
        ],
    };
    if sitemap_is_index {
        pages.push(("sitemap part 1", "/sitemaps/vacancies-1.xml".into(), false));
    }
    pages
        .into_iter()
        .map(|(label, path, mix)| (label.to_string(), path, mix))
        .collect()
}

async fn get(client: &reqwest::Client, url: &str) -> reqwest::Response {
    client.get(url).send().await.unwrap()
}

/// Every measurement of one scale on one database.
async fn run_scale(client: &reqwest::Client, dir: &Path, url: &str, scale: Scale) -> Figures {
    let mut figures = Figures::default();
    let site = start_site(&config(dir, url.into(), scale.is_none(), 0));
    let base = site.base.clone();
    let (rss_start, _) = memory_mb();

    let html = get(client, &format!("{base}/en/vacancies"))
        .await
        .text()
        .await
        .unwrap();
    let vacancy = html
        .split("href=\"/en/vacancies/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|slug| format!("/en/vacancies/{slug}"))
        .expect("a vacancy link");
    let sitemap = get(client, &format!("{base}/sitemap.xml"))
        .await
        .text()
        .await
        .unwrap();
    let pages = pages(scale, &vacancy, sitemap.contains("<sitemapindex"));

    println!(
        "{:<32} {:<62} {:>8} {:>8} {:>8} {:>8} {:>7}",
        "page (cache off, 1 client)", "path", "p50", "p95", "size", "floor", "×floor"
    );
    // (label, path, content type, body, in the mix) of the pages that answered 200.
    let mut served = Vec::new();
    for (label, path, mix) in &pages {
        let page_url = format!("{base}{path}");
        let first = get(client, &page_url).await;
        let status = first.status();
        if !status.is_success() {
            println!("{label:<32} {path:<62} answers {status}: skipped");
            continue;
        }
        let content_type = first
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("text/html; charset=utf-8")
            .to_string();
        let body = first.bytes().await.unwrap();
        let times = sequential(client, &page_url).await;
        let p50 = percentile(&times, 0.5);
        figures.p50.insert(label.clone(), ms(p50));
        println!(
            "{label:<32} {path:<62} {:>6.2}ms {:>6.2}ms {:>6.0}KB",
            ms(p50),
            ms(percentile(&times, 0.95)),
            body.len() as f64 / 1024.0
        );
        served.push((label.clone(), path.clone(), content_type, body, *mix, p50));
    }

    // The floor: the same bytes, sequentially, for the ×floor column.
    let floor = start_floor(
        served
            .iter()
            .map(|(_, _, t, b, _, _)| (t.clone(), b.clone()))
            .collect(),
    );
    println!("the same bytes from memory (no-work floor):");
    for (i, (label, path, _, _, _, p50)) in served.iter().enumerate() {
        let floor_p50 = percentile(
            &sequential(client, &format!("{}/{i}", floor.base)).await,
            0.5,
        );
        println!(
            "{label:<32} {path:<62} {:>8} {:>8} {:>8} {:>6.2}ms {:>7.1}",
            "",
            "",
            "",
            ms(floor_p50),
            p50.as_secs_f64() / floor_p50.as_secs_f64()
        );
    }

    let (rss_sequential, _) = memory_mb();
    let mix: Vec<usize> = (0..served.len()).filter(|i| served[*i].4).collect();
    let site_urls: Vec<String> = mix
        .iter()
        .map(|i| format!("{base}{}", served[*i].1))
        .collect();
    let floor_urls: Vec<String> = mix.iter().map(|i| format!("{}/{i}", floor.base)).collect();
    let off = throughput(client, &site_urls).await;
    let (rss, peak) = memory_mb();
    figures.rss_mb = rss;
    println!(
        "\nmemory of the whole bench process (VmRSS): {rss_start:.0} MB once the site started, \
         {rss_sequential:.0} MB after the sequential runs, {rss:.0} MB after the cache-off \
         throughput run (peak {peak:.0} MB)"
    );

    // A second instance on the same database, with the page cache on.
    let cached = start_site(&config(dir, url.into(), false, CACHE_MB));
    let cached_urls: Vec<String> = mix
        .iter()
        .map(|i| format!("{}{}", cached.base, served[*i].1))
        .collect();
    for url in &cached_urls {
        get(client, url).await.bytes().await.unwrap();
        let again = get(client, url).await;
        let hit = again
            .headers()
            .get("x-cache")
            .is_some_and(|v| v.as_bytes() == b"hit");
        assert!(hit, "{url} is not served from the page cache");
        again.bytes().await.unwrap();
    }
    let on = throughput(client, &cached_urls).await;
    let floor_rate = throughput(client, &floor_urls).await;
    let labels: Vec<&str> = mix.iter().map(|i| served[*i].0.as_str()).collect();
    println!(
        "throughput, {CONNECTIONS} connections over: {}",
        labels.join(", ")
    );
    for (name, rate) in [
        ("cache off", off),
        ("cache on", on),
        ("no-work floor", floor_rate),
    ] {
        println!(
            "  {name:<14} {:>8.0} requests/s   p99 {:>7.2}ms   ({} requests)",
            rate.per_second,
            ms(rate.p99),
            rate.requests
        );
    }
    println!(
        "  cached / floor: {:.0} %   cache off / floor: {:.0} %",
        100.0 * on.per_second / floor_rate.per_second,
        100.0 * off.per_second / floor_rate.per_second
    );
    figures.off = Some(off);
    figures.on = Some(on);
    figures.floor = Some(floor_rate);

    cached.stop().await;
    floor.stop().await;
    site.stop().await;
    let (rss, peak) = memory_mb();
    println!("memory after stopping the servers: VmRSS {rss:.0} MB (peak {peak:.0} MB)");
    figures
}

/// Sequential response times of one URL after a warm-up, sorted.
async fn sequential(client: &reqwest::Client, url: &str) -> Vec<Duration> {
    let started = Instant::now();
    for _ in 0..WARM_UP {
        get(client, url).await.bytes().await.unwrap();
        if started.elapsed() > WARM_UP_BUDGET {
            break;
        }
    }
    let started = Instant::now();
    let mut times = Vec::with_capacity(SEQUENTIAL);
    while times.len() < SEQUENTIAL
        && (times.len() < SEQUENTIAL_MIN || started.elapsed() < SEQUENTIAL_BUDGET)
    {
        let start = Instant::now();
        let r = get(client, url).await;
        assert!(r.status().is_success(), "{url}: {}", r.status());
        r.bytes().await.unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    times
}

/// `CONNECTIONS` tasks share `THROUGHPUT_REQUESTS` requests (or stop at `THROUGHPUT_BUDGET`),
/// each walking through `urls` from its own starting point.
async fn throughput(client: &reqwest::Client, urls: &[String]) -> Rate {
    let start = Instant::now();
    let each = THROUGHPUT_REQUESTS / CONNECTIONS;
    let mut tasks = Vec::new();
    for t in 0..CONNECTIONS {
        let client = client.clone();
        let urls = urls.to_vec();
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(each);
            let mut failed = 0;
            for i in 0..each {
                if start.elapsed() > THROUGHPUT_BUDGET {
                    break;
                }
                let url = &urls[(t + i) % urls.len()];
                let begun = Instant::now();
                let r = client.get(url).send().await.unwrap();
                let ok = r.status().is_success();
                r.bytes().await.unwrap();
                match ok {
                    true => times.push(begun.elapsed()),
                    false => failed += 1,
                }
            }
            (times, failed)
        }));
    }
    let mut times = Vec::new();
    let mut failed = 0;
    for t in tasks {
        let (t, f) = t.await.unwrap();
        times.extend(t);
        failed += f;
    }
    if failed > 0 {
        // An overloaded site answers 503 when no database connection frees up in time.
        println!("  {failed} requests failed (not counted)");
    }
    let elapsed = start.elapsed();
    times.sort();
    if times.is_empty() {
        times.push(elapsed);
    }
    Rate {
        per_second: times.len() as f64 / elapsed.as_secs_f64(),
        p99: percentile(&times, 0.99),
        requests: times.len(),
    }
}

/// Page × scale medians and the throughput figures, as a Markdown table.
fn summary(results: &[((Backend, Scale), Figures)]) {
    if results.is_empty() {
        return;
    }
    // Generated scales' pages first, in their order, then the demo-only ones.
    let mut labels: Vec<String> = match results.iter().any(|r| r.0 .1.is_some()) {
        true => pages(Some(1), "", true).into_iter().map(|p| p.0).collect(),
        false => Vec::new(),
    };
    for (_, f) in results {
        for label in f.p50.keys() {
            if !labels.contains(label) {
                labels.push(label.clone());
            }
        }
    }
    let columns: Vec<String> = results
        .iter()
        .map(|((b, s), _)| format!("{} {}", b.name(), scale_name(*s)))
        .collect();
    println!("\n## Summary: p50 in ms with the page cache off; throughput at {CONNECTIONS} connections\n");
    println!("| page | {} |", columns.join(" | "));
    println!("|---|{}", "---:|".repeat(columns.len()));
    for label in &labels {
        let cells: Vec<String> = results
            .iter()
            .map(|(_, f)| f.p50.get(label).map_or("–".into(), |v| format!("{v:.2}")))
            .collect();
        println!("| {label} | {} |", cells.join(" | "));
    }
    let row = |name: &str, cell: &dyn Fn(&Figures) -> String| {
        let cells: Vec<String> = results.iter().map(|(_, f)| cell(f)).collect();
        println!("| {name} | {} |", cells.join(" | "));
    };
    row("VmRSS after the cache-off runs, MB", &|f| {
        format!("{:.0}", f.rss_mb)
    });
    let rate = |r: Option<Rate>| r.map_or("–".into(), |r| format!("{:.0}", r.per_second));
    let p99 = |r: Option<Rate>| r.map_or("–".into(), |r| format!("{:.1}", ms(r.p99)));
    row("requests/s, cache off", &|f| rate(f.off));
    row("requests/s, cache on", &|f| rate(f.on));
    row("requests/s, no-work floor", &|f| rate(f.floor));
    row("cache on / floor", &|f| match (f.on, f.floor) {
        (Some(on), Some(floor)) => format!("{:.0} %", 100.0 * on.per_second / floor.per_second),
        _ => "–".into(),
    });
    row("p99 ms, cache off", &|f| p99(f.off));
    row("p99 ms, cache on", &|f| p99(f.on));
    row("p99 ms, no-work floor", &|f| p99(f.floor));
}
