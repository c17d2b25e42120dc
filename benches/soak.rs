//! Soak: the release binary under a steady mix of reads, searches, applications and comments for
//! a long while, to show that nothing fails and nothing grows. `cargo bench --bench soak` starts
//! `careers serve` (built with the bench profile, i.e. optimised) on 127.0.0.1 with a fresh
//! SQLite database (the demo articles plus `SOAK_VACANCIES` generated vacancies), drives it from
//! `SOAK_CONNECTIONS` keep-alive connections for `SOAK_SECONDS`, and prints per kind of request
//! the count, errors, p50, p99 and max; the server process's resident memory (VmRSS) at start,
//! every tenth of the run and at the end; the load average; and the server log's error lines.
//! It exits with status 1 when any request failed.
//!
//! Settings (environment): `SOAK_SECONDS` (default 600; 30 is a smoke run), `SOAK_CONNECTIONS`
//! (32), `SOAK_VACANCIES` (1000).
//!
//! The per-address limits would stop a soak from one address (5 comments an hour, 5
//! applications): the server runs with `TRUST_PROXY=true` and every request carries an
//! `X-Forwarded-For` address of its own from 198.18.0.0/15 (the range set aside for benchmarks;
//! a header value only, nothing is sent there), as if many visitors came through a proxy, and
//! `APPLY_PER_HOUR` is raised too. `MIN_FILL_SECONDS` is 0 (a robot-speed client fills forms at
//! once). `MAX_UPLOADS` is the number of connections: with dozens of applications a second the
//! default 8 uploads at once are sometimes all taken, and the ninth gets the designed 503 (the
//! CVs here are a few hundred bytes, so the memory that bound protects is not at stake). The
//! page cache has its default size (64 MB).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic is how a bench fails

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;

const BASE_URL: &str = "http://soak.test";

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().replace('_', "").parse().expect(name))
        .unwrap_or(default)
}

/// The server; killed (by its PID) when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn careers(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_careers"));
    cmd.env(
        "DATABASE_URL",
        format!("sqlite://{}", dir.join("soak.db").display()),
    )
    .env("DATA_DIR", dir)
    .env("STATIC_DIR", concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
    .env("BASE_URL", BASE_URL)
    .env_remove("DEMO")
    .env_remove("BIND_ADDR")
    .env_remove("PAGE_CACHE_MB");
    cmd
}

fn run(mut cmd: Command, what: &str) {
    let out = cmd.output().expect(what);
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts `careers serve` on a free port, its log (one access-log line per request) going to
/// `log`, and waits for its address.
fn start(dir: &Path, log: &Path, connections: usize) -> Server {
    let file = std::fs::File::create(log).expect("server log");
    let child = careers(dir)
        .env("DEMO", "true")
        .env("MIN_FILL_SECONDS", "0")
        .env("APPLY_PER_HOUR", "1000000")
        .env("MAX_UPLOADS", connections.to_string())
        .env("TRUST_PROXY", "true")
        .env("RUST_LOG", "info,actix_server=warn")
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(file)
        .spawn()
        .expect("start careers");
    let mut server = Server {
        child,
        base: String::new(),
    };
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if let Some(at) = text.find("serving on ") {
            let rest = &text[at + "serving on ".len()..];
            server.base = rest.lines().next().unwrap_or("").trim().to_string();
            return server;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("careers serve stopped ({status}): {text}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("careers serve did not start within 120 s");
}

/// The server process's resident memory in MB.
fn rss_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The kinds of request, and how often each is chosen (out of 100): 60 % page reads, 34 %
/// searches, 3 % applications and 3 % comments (each after reading its page). At 32 busy
/// connections that is dozens of applications a second, far beyond a real careers site,
/// yet within `MAX_UPLOADS` (8) at once; a heavier share of uploads gets the designed 503.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Read,
    Search,
    Apply,
    Comment,
}

impl Kind {
    fn pick(rng: &mut impl Rng) -> Kind {
        match rng.random_range(0..100) {
            0..60 => Kind::Read,
            60..94 => Kind::Search,
            94..97 => Kind::Apply,
            _ => Kind::Comment,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Read => "read (page)",
            Kind::Search => "search",
            Kind::Apply => "application (POST, with CV)",
            Kind::Comment => "comment (POST)",
        }
    }
}

/// Latencies and failures of one kind.
#[derive(Default)]
struct Tally {
    times: Vec<Duration>,
    errors: usize,
    first_errors: Vec<String>,
}

type Tallies = Arc<Mutex<BTreeMap<Kind, Tally>>>;

fn record(tallies: &Tallies, kind: Kind, took: Duration, outcome: Result<(), String>) {
    let mut all = tallies.lock().unwrap();
    let tally = all.entry(kind).or_default();
    match outcome {
        Ok(()) => tally.times.push(took),
        Err(e) => {
            tally.errors += 1;
            if tally.first_errors.len() < 5 {
                tally.first_errors.push(e);
            }
        }
    }
}

/// What the visitors pick from: public pages, vacancies open for applications, articles.
struct Site {
    base: String,
    pages: Vec<String>,
    vacancies: Vec<String>,
    articles: Vec<String>,
}

const WORDS: &[&str] = &[
    "engineer",
    "developer",
    "data",
    "growth",
    "senior",
    "platform",
    "cloud",
    "python",
    "rust",
    "java",
    "frontend",
    "backend",
    "analyst",
    "qa",
    "mobile",
    "kubernetes",
    "sql",
    "lead",
];
const FILTERS: &[&str] = &[
    "",
    "&category=backend",
    "&work_mode=remote",
    "&seniority=senior",
    "&category=data-bi&work_mode=hybrid",
    "&salary_min=50000",
    "&sort=salary",
];

fn search_path(rng: &mut impl Rng) -> String {
    let mut q = WORDS[rng.random_range(0..WORDS.len())].to_string();
    if rng.random_bool(0.3) {
        q.push('+');
        q.push_str(WORDS[rng.random_range(0..WORDS.len())]);
    }
    let filter = FILTERS[rng.random_range(0..FILTERS.len())];
    let page = match rng.random_range(0..4) {
        0 => format!("&page={}", rng.random_range(2..6)),
        _ => String::new(),
    };
    format!("/en/vacancies?q={q}{filter}{page}")
}

/// A visitor's address, as the trusted proxy would add it.
fn visitor(rng: &mut impl Rng) -> String {
    format!(
        "198.{}.{}.{}",
        rng.random_range(18..20),
        rng.random_range(0..=255),
        rng.random_range(1..=254)
    )
}

/// The value of the first field named `name` in a page.
fn field_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let value = tag.split("value=\"").nth(1)?;
    Some(value[..value.find('"')?].to_string())
}

async fn get_text(
    client: &reqwest::Client,
    url: &str,
    from: &str,
) -> Result<(u16, String), String> {
    let r = client
        .get(url)
        .header("x-forwarded-for", from)
        .send()
        .await
        .map_err(|e| format!("GET {url}: {e}"))?;
    let status = r.status().as_u16();
    let text = r.text().await.map_err(|e| format!("GET {url}: {e}"))?;
    Ok((status, text))
}

/// A page read; `Ok` when it answered 200.
async fn read(
    client: &reqwest::Client,
    site: &Site,
    path: &str,
    from: &str,
) -> Result<String, String> {
    match get_text(client, &format!("{}{path}", site.base), from).await? {
        (200, html) => Ok(html),
        (status, _) => Err(format!("GET {path}: {status}")),
    }
}

fn pdf(n: u64) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Title (soak {n}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// One visitor's step: its kind, and the time and outcome of the request that counts for it
/// (for applications and comments, the POST; the page read before it counts as a read).
async fn step(
    client: &reqwest::Client,
    site: &Site,
    tallies: &Tallies,
    rng: &mut rand::rngs::StdRng,
    n: u64,
) {
    let kind = Kind::pick(rng);
    let from = visitor(rng);
    let started = Instant::now();
    match kind {
        Kind::Read => {
            let path = &site.pages[rng.random_range(0..site.pages.len())];
            let outcome = read(client, site, path, &from).await.map(|_| ());
            record(tallies, kind, started.elapsed(), outcome);
        }
        Kind::Search => {
            let path = search_path(rng);
            let outcome = read(client, site, &path, &from).await.map(|_| ());
            record(tallies, kind, started.elapsed(), outcome);
        }
        Kind::Apply => {
            let slug = &site.vacancies[rng.random_range(0..site.vacancies.len())];
            let page = read(client, site, slug, &from).await;
            record(
                tallies,
                Kind::Read,
                started.elapsed(),
                page.as_ref().map(|_| ()).map_err(Clone::clone),
            );
            let Ok(page) = page else { return };
            let Some(stamp) = field_value(&page, "form_stamp") else {
                return record(
                    tallies,
                    kind,
                    Duration::ZERO,
                    Err(format!("{slug}: no apply form")),
                );
            };
            let form = reqwest::multipart::Form::new()
                .text("form_stamp", stamp)
                .text("homepage", "")
                .text("full_name", "Soak Tester")
                .text(
                    "email",
                    format!("soak-{n}-{}@example.com", rng.random::<u32>()),
                )
                .text("phone", "")
                .text("linkedin_url", "")
                .text("github_url", "")
                .text("portfolio_url", "")
                .text("cover_letter", "Hello, I would like to apply.")
                .text("consent", "yes")
                .part(
                    "cv",
                    reqwest::multipart::Part::bytes(pdf(n))
                        .file_name("cv.pdf")
                        .mime_str("application/pdf")
                        .unwrap(),
                );
            let posted = Instant::now();
            let outcome = async {
                let r = client
                    .post(format!("{}{slug}/apply", site.base))
                    .header("x-forwarded-for", &from)
                    .header("origin", BASE_URL)
                    .multipart(form)
                    .send()
                    .await
                    .map_err(|e| format!("apply: {e}"))?;
                let status = r.status().as_u16();
                let html = r.text().await.map_err(|e| format!("apply: {e}"))?;
                match status == 200 && html.contains("/applications/") {
                    true => Ok(()),
                    false => Err(format!("apply to {slug}: {status}")),
                }
            }
            .await;
            record(tallies, kind, posted.elapsed(), outcome);
        }
        Kind::Comment => {
            let article = &site.articles[rng.random_range(0..site.articles.len())];
            let page = read(client, site, article, &from).await;
            record(
                tallies,
                Kind::Read,
                started.elapsed(),
                page.as_ref().map(|_| ()).map_err(Clone::clone),
            );
            let Ok(page) = page else { return };
            let Some(stamp) = field_value(&page, "form_stamp") else {
                return record(
                    tallies,
                    kind,
                    Duration::ZERO,
                    Err(format!("{article}: no comment form")),
                );
            };
            let posted = Instant::now();
            let outcome = async {
                let r = client
                    .post(format!("{}{article}/comments", site.base))
                    .header("x-forwarded-for", &from)
                    .header("origin", BASE_URL)
                    .form(&[
                        ("form_stamp", stamp.as_str()),
                        ("homepage", ""),
                        ("name", "Soak Reader"),
                        ("email", &format!("reader-{n}@example.com")),
                        (
                            "comment",
                            &format!("Thanks for this article, it helped ({n})."),
                        ),
                    ])
                    .send()
                    .await
                    .map_err(|e| format!("comment: {e}"))?;
                match r.status().as_u16() {
                    303 => Ok(()),
                    status => Err(format!("comment on {article}: {status}")),
                }
            }
            .await;
            record(tallies, kind, posted.elapsed(), outcome);
        }
    }
}

/// The public pages of the sitemap, and which of them take applications and comments.
async fn discover(client: &reqwest::Client, base: &str) -> Site {
    let sitemap = reqwest::get(format!("{base}/sitemap.xml"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let pages: Vec<String> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .filter_map(|url| url.strip_prefix(BASE_URL).map(str::to_string))
        .collect();
    let mut site = Site {
        base: base.to_string(),
        vacancies: pages
            .iter()
            .filter(|p| p.starts_with("/en/vacancies/"))
            .cloned()
            .collect(),
        articles: pages
            .iter()
            .filter(|p| p.starts_with("/en/articles/"))
            .cloned()
            .collect(),
        pages,
    };
    // The sitemap lists open vacancies only; keep those with an apply form.
    let mut open = Vec::new();
    for slug in site.vacancies.iter().take(200) {
        let (_, html) = get_text(client, &format!("{base}{slug}"), "198.18.0.1")
            .await
            .unwrap();
        if html.contains("name=\"form_stamp\"") {
            open.push(slug.clone());
        }
    }
    site.vacancies = open;
    assert!(!site.pages.is_empty() && !site.vacancies.is_empty() && !site.articles.is_empty());
    site
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let seconds = setting("SOAK_SECONDS", 600);
    let connections = setting("SOAK_CONNECTIONS", 32) as usize;
    let vacancies = setting("SOAK_VACANCIES", 1000);
    let dir = tempfile::tempdir().expect("temp dir");
    let log = dir.path().join("server.log");

    let started = Instant::now();
    let mut migrate = careers(dir.path());
    migrate.arg("migrate");
    run(migrate, "careers migrate");
    if vacancies > 0 {
        let mut generate = careers(dir.path());
        generate.args(["generate", "--vacancies", &vacancies.to_string()]);
        run(generate, "careers generate");
    }
    let server = start(dir.path(), &log, connections);
    let pid = server.child.id();
    println!(
        "careers (release) serving {vacancies} generated vacancies and the demo articles on {} \
         (set up in {:.1} s); {connections} connections for {seconds} s",
        server.base,
        started.elapsed().as_secs_f64()
    );
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(connections)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let site = Arc::new(discover(&client, &server.base).await);
    println!(
        "{} public pages, {} vacancies taking applications, {} articles",
        site.pages.len(),
        site.vacancies.len(),
        site.articles.len()
    );

    let rss_start = rss_mb(pid);
    let load_start = load_average();
    let tallies: Tallies = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let run_started = Instant::now();
    let deadline = run_started + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (client, site, tallies, stop) =
            (client.clone(), site.clone(), tallies.clone(), stop.clone());
        tasks.push(tokio::spawn(async move {
            use rand::SeedableRng;
            let mut rng = rand::rngs::StdRng::seed_from_u64(c as u64);
            let mut n = (c as u64) << 32;
            while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                step(&client, &site, &tallies, &mut rng, n).await;
                n += 1;
            }
        }));
    }
    // Memory every tenth of the run.
    let mut samples = vec![(0u64, rss_start)];
    let every = Duration::from_secs((seconds / 10).max(1));
    while Instant::now() < deadline {
        tokio::time::sleep(every.min(deadline.saturating_duration_since(Instant::now()))).await;
        samples.push((run_started.elapsed().as_secs(), rss_mb(pid)));
        let done: usize = tallies
            .lock()
            .unwrap()
            .values()
            .map(|t| t.times.len() + t.errors)
            .sum();
        println!(
            "  {:>4} s: {done} requests, server VmRSS {:.1} MB, load {}",
            run_started.elapsed().as_secs(),
            rss_mb(pid),
            load_average()
        );
    }
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        t.await.unwrap();
    }
    let elapsed = run_started.elapsed();
    let rss_end = rss_mb(pid);
    let load_end = load_average();
    let db_mb = std::fs::metadata(dir.path().join("soak.db")).map_or(0.0, |m| m.len() as f64 / 1e6);
    drop(server);

    let server_errors: Vec<String> = BufReader::new(std::fs::File::open(&log).unwrap())
        .lines()
        .map_while(Result::ok)
        .filter(|l| l.contains(" ERROR ") || l.contains("panicked"))
        .collect();
    let log_mb = std::fs::metadata(&log).map_or(0.0, |m| m.len() as f64 / 1e6);

    let mut tallies = tallies.lock().unwrap();
    let total: usize = tallies.values().map(|t| t.times.len() + t.errors).sum();
    let errors: usize = tallies.values().map(|t| t.errors).sum();
    println!(
        "\n## Soak: {:.0} s, {connections} connections, {total} requests ({:.0}/s), {errors} errors\n",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    println!("| kind | requests | errors | p50 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (kind, tally) in tallies.iter_mut() {
        tally.times.sort();
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.1} |",
            kind.name(),
            tally.times.len() + tally.errors,
            tally.errors,
            ms(percentile(&tally.times, 0.5)),
            ms(percentile(&tally.times, 0.99)),
            ms(tally.times.last().copied().unwrap_or_default())
        );
    }
    let curve: Vec<String> = samples
        .iter()
        .map(|(s, mb)| format!("{s} s {mb:.1}"))
        .collect();
    println!(
        "\nserver VmRSS: {rss_start:.1} MB at start, {rss_end:.1} MB at the end ({})",
        curve.join(", ")
    );
    println!("load average (1, 5, 15 min): {load_start} at start, {load_end} at the end");
    println!(
        "database {db_mb:.1} MB at the end; server log {log_mb:.1} MB, {} error lines",
        server_errors.len()
    );
    for line in server_errors.iter().take(5) {
        println!("  {line}");
    }
    for (kind, tally) in tallies.iter() {
        for e in &tally.first_errors {
            println!("  {}: {e}", kind.name());
        }
    }
    if errors > 0 || !server_errors.is_empty() {
        std::process::exit(1);
    }
}
