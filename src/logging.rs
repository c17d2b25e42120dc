//! The log's two formats (text, or one JSON object per line with `LOG_FORMAT=json`) and the
//! request id that marks every line written while a request is served: the request middleware
//! sets it for the request's task (`scope`), `db::blocking` carries it onto the blocking thread
//! (`sync_scope`) and background work started by a request takes it along (`carry`).
//! env_logger stays the logger; this module only gives it a format.

use std::future::Future;
use std::io::Write;
use std::sync::Arc;

tokio::task_local! {
    static REQUEST_ID: Arc<str>;
}

/// The id of the request being served here, if any.
pub fn request_id() -> Option<Arc<str>> {
    REQUEST_ID.try_with(Arc::clone).ok()
}

/// Runs `work` as part of request `id`.
pub async fn scope<F: Future>(id: Arc<str>, work: F) -> F::Output {
    REQUEST_ID.scope(id, work).await
}

/// Runs blocking `work` as part of request `id` (when there is one).
pub fn sync_scope<R>(id: Option<Arc<str>>, work: impl FnOnce() -> R) -> R {
    match id {
        Some(id) => REQUEST_ID.sync_scope(id, work),
        None => work(),
    }
}

/// `work` as part of the current request, wherever it is later polled (a spawned task).
pub fn carry<F: Future>(work: F) -> impl Future<Output = F::Output> {
    let id = request_id();
    async move {
        match id {
            Some(id) => REQUEST_ID.scope(id, work).await,
            None => work.await,
        }
    }
}

/// Installs env_logger (`RUST_LOG`, default `info` with actix's server chatter at `warn`) with
/// the text or the JSON format.
pub fn init(json: bool) {
    let mut builder = env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("info,actix_server=warn"),
    );
    if json {
        builder.format(|buf, record| {
            let line = json_line(record, &now(), request_id().as_deref());
            writeln!(buf, "{line}")
        });
    } else {
        builder.format(|buf, record| {
            let line = text_line(record, &now(), request_id().as_deref());
            writeln!(buf, "{line}")
        });
    }
    builder.init();
}

fn now() -> String {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// `{"time":…,"level":…,"target":…,"message":…}` plus the record's key-values (the access
/// log's request fields) and the request id.
pub fn json_line(record: &log::Record<'_>, time: &str, request_id: Option<&str>) -> String {
    use serde_json::{Map, Value};
    let mut object = Map::new();
    object.insert("time".into(), Value::from(time));
    object.insert("level".into(), Value::from(record.level().as_str()));
    object.insert("target".into(), Value::from(record.target()));
    object.insert("message".into(), Value::from(record.args().to_string()));
    let mut fields = Fields(Vec::new());
    let _ = record.key_values().visit(&mut fields);
    for (key, value) in fields.0 {
        object.insert(key, value);
    }
    if let Some(id) = request_id {
        object
            .entry("request_id")
            .or_insert_with(|| Value::from(id));
    }
    Value::Object(object).to_string()
}

/// `[time LEVEL target] message request_id=…`, like env_logger's own format plus the request.
/// (The access log's fields are in its message already; only JSON lists them apart.)
pub fn text_line(record: &log::Record<'_>, time: &str, request_id: Option<&str>) -> String {
    let mut line = format!(
        "[{time} {:<5} {}] {}",
        record.level(),
        record.target(),
        record.args()
    );
    let mut fields = Fields(Vec::new());
    let _ = record.key_values().visit(&mut fields);
    let own = fields.0.iter().find_map(|(k, v)| match v {
        serde_json::Value::String(s) if k == "request_id" => Some(s.clone()),
        _ => None,
    });
    if let Some(id) = own.as_deref().or(request_id) {
        line.push_str(" request_id=");
        line.push_str(id);
    }
    line
}

/// A record's key-values as JSON values: numbers and booleans as such, the rest as text.
struct Fields(Vec<(String, serde_json::Value)>);

impl<'kvs> log::kv::VisitSource<'kvs> for Fields {
    fn visit_pair(
        &mut self,
        key: log::kv::Key<'kvs>,
        value: log::kv::Value<'kvs>,
    ) -> Result<(), log::kv::Error> {
        use serde_json::Value;
        let value = if let Some(b) = value.to_bool() {
            Value::from(b)
        } else if let Some(n) = value.to_u64() {
            Value::from(n)
        } else if let Some(n) = value.to_i64() {
            Value::from(n)
        } else if let Some(n) = value.to_f64() {
            Value::from(n)
        } else {
            Value::from(value.to_string())
        };
        self.0.push((key.as_str().to_string(), value));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record_line(json: bool, request_id: Option<&str>) -> String {
        let kvs: &[(&str, log::kv::Value)] = &[
            ("status", log::kv::Value::from(503u16)),
            ("route", log::kv::Value::from("/vacancies/{slug}")),
        ];
        let args = format_args!("a \"quoted\"\nmessage");
        let record = log::Record::builder()
            .args(args)
            .level(log::Level::Warn)
            .target("careers::x")
            .key_values(&kvs)
            .build();
        if json {
            json_line(&record, "2026-11-26T10:00:00Z", request_id)
        } else {
            text_line(&record, "2026-11-26T10:00:00Z", request_id)
        }
    }

    #[test]
    fn json_lines_are_one_object_with_the_fields() {
        let line = record_line(true, Some("abc"));
        assert!(!line.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["level"], "WARN");
        assert_eq!(v["target"], "careers::x");
        assert_eq!(v["message"], "a \"quoted\"\nmessage");
        assert_eq!(v["status"], 503);
        assert_eq!(v["route"], "/vacancies/{slug}");
        assert_eq!(v["request_id"], "abc");
        assert_eq!(v["time"], "2026-11-26T10:00:00Z");
        let without: serde_json::Value = serde_json::from_str(&record_line(true, None)).unwrap();
        assert!(without.get("request_id").is_none());
    }

    #[test]
    fn text_lines_name_the_request() {
        let line = record_line(false, Some("abc"));
        assert!(line.starts_with("[2026-11-26T10:00:00Z WARN  careers::x] a"));
        assert!(line.ends_with("message request_id=abc"), "{line}");
    }

    #[test]
    fn the_id_follows_blocking_and_spawned_work() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(scope(Arc::from("r1"), async {
            assert_eq!(request_id().as_deref(), Some("r1"));
            let id = request_id();
            let seen = std::thread::spawn(move || sync_scope(id, request_id))
                .join()
                .unwrap();
            assert_eq!(seen.as_deref(), Some("r1"));
            let carried = carry(async { request_id() });
            assert_eq!(carried.await.as_deref(), Some("r1"));
        }));
        assert_eq!(request_id(), None);
    }
}
