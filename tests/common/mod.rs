//! Black-box harness: the real application on 127.0.0.1:0 with its own fresh database,
//! driven over HTTP by a cookie-keeping client.
#![allow(dead_code)]

use actix_web::cookie::Key;
use careers::config::Config;
use careers::db::{self, DbPool};
use careers::models::Role;
use std::net::TcpListener;

pub struct TestApp {
    pub address: String,
    pub pool: DbPool,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    pub _dir: tempfile::TempDir,
}

pub fn config(dir: &std::path::Path, demo: bool) -> Config {
    Config {
        bind: "127.0.0.1:0".into(),
        database_url: format!("sqlite://{}", dir.join("test.db").display()),
        demo,
        org_name: "Northwind Labs".into(),
        org_url: "https://northwind.example".into(),
        base_url: "http://careers.test".into(),
        secret_key: None,
        data_dir: dir.display().to_string(),
        static_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/static").into(),
        db_pool_size: 4,
        workers: Some(1),
        blocked_words: "casino, crypto giveaway".into(),
        min_fill_seconds: 0,
        applications: Default::default(),
    }
}

pub async fn spawn_app_with(demo: bool) -> TestApp {
    spawn_app_configured(demo, |_| {}).await
}

/// The app with some settings changed from the test defaults.
pub async fn spawn_app_configured(demo: bool, change: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = config(dir.path(), demo);
    change(&mut config);
    let (pool, _) = careers::startup::prepare_database(&config).expect("database");
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().unwrap().port();
    let server =
        careers::startup::run(listener, &config, pool.clone(), Key::generate()).expect("server");
    tokio::spawn(server);
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        pool,
        client: new_client(),
        _dir: dir,
    }
}

/// The app with the demo content loaded.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(true).await
}

pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.text().await.unwrap())
    }

    pub async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(pairs)
            .send()
            .await
            .expect("request")
    }

    pub fn conn(&self) -> db::PooledConn {
        self.pool.get().unwrap()
    }

    /// Creates an account directly in the database.
    pub fn create_user(&self, email: &str, password: &str, role: Role) -> i32 {
        let hash = careers::domain::auth::hash_password(password).unwrap();
        db::users::insert(&mut self.conn(), email, "Test User", &hash, role).unwrap()
    }

    /// Signs in through the form; returns the CSRF token for further posts.
    pub async fn sign_in(&self, email: &str, password: &str) -> String {
        let (_, page) = self.get_html("/admin/login").await;
        let token = csrf_token(&page);
        let r = self
            .post_form(
                "/admin/login",
                &[
                    ("csrf_token", &token),
                    ("email", email),
                    ("password", password),
                    ("next", "/admin"),
                ],
            )
            .await;
        assert_eq!(r.status().as_u16(), 303, "sign-in should redirect");
        let (status, page) = self.get_html("/admin").await;
        assert_eq!(status, 200);
        csrf_token(&page)
    }

    /// A signed-in administrator; returns the CSRF token.
    pub async fn admin(&self) -> String {
        self.create_user("admin@example.com", "a long admin password", Role::Admin);
        self.sign_in("admin@example.com", "a long admin password")
            .await
    }
}

/// The value of the first `csrf_token` hidden field in a page.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("page has a csrf token") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

pub fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

/// Parses every JSON-LD block of a page.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(r#"script[type="application/ld+json"]"#).unwrap();
    doc.select(&sel)
        .map(|s| serde_json::from_str(&s.inner_html()).expect("valid JSON-LD"))
        .collect()
}

/// Texts of the elements matching a CSS selector.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
