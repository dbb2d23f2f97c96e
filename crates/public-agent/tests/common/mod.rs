//! A real-PostgreSQL `Platform` for the integration tests, and the database setup they share.
//!
//! Each test process gets a fresh database with `migrations/` applied from the workspace's test
//! harness (`careagents-tests`: the embedded PostgreSQL, or a new database on the server named
//! by `DATABASE_URL`, a `postgres://` URL of a role that can create databases). The public
//! knowledge base is loaded from `docs/` as `careagents_owner`; the pipeline connects as
//! `careagents_app`, so row-level security applies exactly as in production.

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use careagents_agent_platform::{
    AgentKind, DbError, LogLevel, NativeGuard, Platform, Request, Response, Row, Severity,
    Telemetry, Value, Violation,
};
use tokio_postgres::types::private::BytesMut;
use tokio_postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use tokio_postgres::{Client, NoTls};

/// The test database of this process: administrator and application URLs.
pub struct Db {
    pub admin_url: String,
    pub app_url: String,
}

/// Creates (once per process) and returns the migrated test database.
pub fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(|| {
        let t = careagents_tests::TestDb::new().expect(
            "a migrated test database (embedded PostgreSQL, or the server in DATABASE_URL)",
        );
        Db {
            admin_url: t.admin_url.clone(),
            app_url: t.app_url(),
        }
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// Connects (no TLS: local test database) and returns the client plus its runtime.
pub fn connect(url: &str) -> (tokio::runtime::Runtime, Client) {
    let rt = runtime();
    let client = rt.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, NoTls)
            .await
            .expect("connect to DATABASE_URL");
        tokio::spawn(async move {
            let _ = conn.await;
        });
        client
    });
    (rt, client)
}

/// An administrative connection (acting as `careagents_owner`) for setup and for checking what
/// the pipeline wrote.
pub struct Admin {
    rt: tokio::runtime::Runtime,
    pub client: Client,
}

impl Admin {
    pub fn new() -> Admin {
        let (rt, client) = connect(&db().admin_url);
        rt.block_on(client.batch_execute("SET ROLE careagents_owner"))
            .expect("SET ROLE careagents_owner");
        Admin { rt, client }
    }

    pub fn exec(&self, sql: &str) {
        self.rt
            .block_on(self.client.batch_execute(sql))
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    pub fn query(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Vec<tokio_postgres::Row> {
        self.rt
            .block_on(self.client.query(sql, params))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    pub fn count(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> i64 {
        self.query(sql, params)[0].get::<_, i64>(0)
    }
}

/// Loads `docs/*.json` into the public knowledge base once per test process (upsert on
/// (type, slug), like `careagents kb import`).
pub fn ensure_kb() {
    static DONE: OnceLock<()> = OnceLock::new();
    DONE.get_or_init(|| {
        let admin = Admin::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
        let mut all = Vec::new();
        for f in std::fs::read_dir(&dir).expect("docs/") {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "json") {
                let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                all.extend(v.as_array().unwrap().iter().cloned());
            }
        }
        let json = serde_json::Value::Array(all);
        admin.rt.block_on(admin.client.execute(
            "INSERT INTO kb_articles (tenant_id, type, slug, title, content, category, tags, metadata)
             SELECT NULL, x.type, x.slug, x.title, x.content, x.category,
                    ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.metadata
             FROM jsonb_to_recordset($1::jsonb) AS x(type text, slug text, title text, content text,
                                                     category text, tags jsonb, metadata jsonb)
             ON CONFLICT ((COALESCE(tenant_id, '')), type, slug) DO UPDATE SET
               title = EXCLUDED.title, content = EXCLUDED.content, category = EXCLUDED.category,
               tags = EXCLUDED.tags, metadata = EXCLUDED.metadata",
            &[&json],
        ))
        .expect("load docs into kb_articles");
    });
}

/// Public knowledge-base counts per type straight from `docs/`.
pub fn docs_counts() -> HashMap<String, i64> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let mut m = HashMap::new();
    for f in std::fs::read_dir(&dir).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            for a in v.as_array().unwrap() {
                *m.entry(a["type"].as_str().unwrap().to_owned()).or_insert(0) += 1;
            }
        }
    }
    m
}

/// SQL NULL of whatever type the server expects for the parameter.
#[derive(Debug)]
struct AnyNull;

impl ToSql for AnyNull {
    fn to_sql(
        &self,
        _: &Type,
        _: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        Ok(IsNull::Yes)
    }
    fn accepts(_: &Type) -> bool {
        true
    }
    to_sql_checked!();
}

/// Telemetry events as strings, for assertions.
#[derive(Debug, Default, Clone)]
pub struct Recorder(pub Arc<Mutex<Vec<String>>>);

impl Recorder {
    pub fn events(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

impl Telemetry for Recorder {
    fn request_finished(&mut self, _: AgentKind, t: &str, status: u16, _: f64) {
        self.0
            .lock()
            .unwrap()
            .push(format!("request_finished:{t}:{status}"));
    }
    fn security_violation(&mut self, v: Violation, _: Severity) {
        self.0
            .lock()
            .unwrap()
            .push(format!("security_violation:{}", v.code()));
    }
    fn isolation_check(&mut self, p: bool) {
        self.0.lock().unwrap().push(format!("isolation_check:{p}"));
    }
    fn cross_tenant_attempt(&mut self) {
        self.0.lock().unwrap().push("cross_tenant_attempt".into());
    }
    fn blocked_request(&mut self) {
        self.0.lock().unwrap().push("blocked_request".into());
    }
    fn knowledge_base_hit(&mut self, k: &str, hit: bool) {
        self.0
            .lock()
            .unwrap()
            .push(format!("knowledge_base_hit:{k}:{hit}"));
    }
    fn session_opened(&mut self, _: AgentKind, _: Option<&str>) {
        self.0.lock().unwrap().push("session_opened".into());
    }
    fn session_closed(&mut self, _: AgentKind, _: Option<&str>) {
        self.0.lock().unwrap().push("session_closed".into());
    }
}

/// One outbound request: URL, headers, body.
pub type SentRequest = (String, Vec<(String, String)>, Vec<u8>);

/// A canned answer for the language-model endpoint, and the requests it received.
#[derive(Debug, Default, Clone)]
pub struct FakeLlm {
    pub reply: Option<Result<(u16, Vec<u8>), String>>,
    /// Reply with the canary found in the system prompt (a prompt leak).
    pub leak_canary: bool,
    pub requests: Arc<Mutex<Vec<SentRequest>>>,
}

/// The test platform: one connection as `careagents_app`, real clock and randomness.
pub struct PgPlatform {
    rt: tokio::runtime::Runtime,
    pub client: Client,
    pub vars: HashMap<String, String>,
    pub telemetry: Recorder,
    pub llm: FakeLlm,
    pub logs: Arc<Mutex<Vec<String>>>,
}

impl PgPlatform {
    pub fn new() -> PgPlatform {
        ensure_kb();
        // Logged in as the application role itself: no way around row-level security.
        let (rt, client) = connect(&db().app_url);
        PgPlatform {
            rt,
            client,
            vars: HashMap::new(),
            telemetry: Recorder::default(),
            llm: FakeLlm::default(),
            logs: Arc::default(),
        }
    }

    pub fn with_var(mut self, k: &str, v: &str) -> Self {
        self.vars.insert(k.to_owned(), v.to_owned());
        self
    }

    /// This connection's backend pid (to terminate it in the health test).
    pub fn backend_pid(&mut self) -> i32 {
        self.rt
            .block_on(self.client.query_one("SELECT pg_backend_pid()", &[]))
            .unwrap()
            .get(0)
    }

    fn run<T>(
        &mut self,
        params: &[Value],
        f: impl FnOnce(
            &tokio::runtime::Runtime,
            &Client,
            &[&(dyn ToSql + Sync)],
        ) -> Result<T, tokio_postgres::Error>,
    ) -> Result<T, DbError> {
        let boxed: Vec<Box<dyn ToSql + Sync>> = params
            .iter()
            .map(|v| -> Box<dyn ToSql + Sync> {
                match v {
                    Value::Null => Box::new(AnyNull),
                    Value::Bool(b) => Box::new(*b),
                    Value::Int(i) => Box::new(*i),
                    Value::Float(f) => Box::new(*f),
                    Value::Text(s) => Box::new(s.clone()),
                    Value::Bytes(b) => Box::new(b.clone()),
                    Value::Json(s) => Box::new(
                        serde_json::from_str::<serde_json::Value>(s)
                            .unwrap_or(serde_json::Value::Null),
                    ),
                }
            })
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = boxed.iter().map(|b| b.as_ref()).collect();
        f(&self.rt, &self.client, &refs).map_err(|e| DbError {
            code: e.code().map(|c| c.code().to_owned()),
            message: format!("{e:?}"),
        })
    }
}

fn to_value(row: &tokio_postgres::Row, i: usize) -> Value {
    let ty = row.columns()[i].type_().clone();
    macro_rules! get {
        ($t:ty, $wrap:expr) => {
            row.get::<_, Option<$t>>(i)
                .map($wrap)
                .unwrap_or(Value::Null)
        };
    }
    match ty {
        Type::BOOL => get!(bool, Value::Bool),
        Type::INT2 => get!(i16, |v| Value::Int(v as i64)),
        Type::INT4 => get!(i32, |v| Value::Int(v as i64)),
        Type::INT8 => get!(i64, Value::Int),
        Type::FLOAT4 => get!(f32, |v| Value::Float(v as f64)),
        Type::FLOAT8 => get!(f64, Value::Float),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => get!(String, Value::Text),
        Type::BYTEA => get!(Vec<u8>, Value::Bytes),
        Type::JSON | Type::JSONB => get!(serde_json::Value, |v| Value::Json(v.to_string())),
        // The pipelines select everything else as one of the above (see agent-platform value.rs);
        // anything else is a convention violation and must fail loudly here, not in production.
        other => panic!(
            "column {} has type {other}, outside the Value conventions",
            row.columns()[i].name()
        ),
    }
}

impl Platform for PgPlatform {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let rows = self.run(params, |rt, c, p| rt.block_on(c.query(sql, p)))?;
        Ok(rows
            .iter()
            .map(|r| Row((0..r.len()).map(|i| to_value(r, i)).collect()))
            .collect())
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        self.run(params, |rt, c, p| rt.block_on(c.execute(sql, p)))
    }

    fn now_ms(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64
    }

    fn random_bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| rand::random::<u8>()).collect()
    }

    fn variable(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }

    fn http_post_json(
        &mut self,
        url: &str,
        headers: &[(String, String)],
        body: &[u8],
        _timeout_ms: u32,
    ) -> Result<(u16, Vec<u8>), String> {
        self.llm
            .requests
            .lock()
            .unwrap()
            .push((url.to_owned(), headers.to_vec(), body.to_vec()));
        if self.llm.leak_canary {
            let b: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
            let sys = b["messages"][0]["content"].as_str().unwrap_or("");
            let canary = sys
                .split_whitespace()
                .find(|w| w.starts_with("cn_"))
                .unwrap_or("")
                .trim_end_matches('.');
            let text = format!("My hidden instructions include the marker {canary}.");
            return Ok((
                200,
                serde_json::json!({"choices": [{"message": {"content": text}}]})
                    .to_string()
                    .into_bytes(),
            ));
        }
        self.llm
            .reply
            .clone()
            .unwrap_or_else(|| Err("no outbound HTTP in tests".to_owned()))
    }

    fn telemetry(&mut self) -> &mut dyn Telemetry {
        &mut self.telemetry
    }

    fn log(&mut self, level: LogLevel, message: &str) {
        eprintln!("[{level:?}] {message}");
        self.logs
            .lock()
            .unwrap()
            .push(format!("{level:?}: {message}"));
    }
}

/// A client identity unique to one test, so rate limits and session caps do not interfere.
pub fn unique_ip() -> String {
    format!(
        "10.{}.{}.{}",
        rand::random::<u8>(),
        rand::random::<u8>(),
        rand::random::<u8>()
    )
}

/// Builds a request from `ip` with a fixed User-Agent.
pub fn request(method: &str, path: &str, body: &str, ip: &str) -> Request {
    Request {
        method: method.to_owned(),
        path: path.to_owned(),
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("User-Agent".into(), "careagents-tests/1".into()),
        ],
        body: body.as_bytes().to_vec(),
        client_ip: Some(ip.to_owned()),
    }
}

/// Runs one request through the public agent with the native guard.
pub fn call(p: &mut PgPlatform, req: &Request) -> (Response, serde_json::Value) {
    let resp = careagents_public_agent::handle(req, p, &NativeGuard);
    let json = resp.body_json();
    (resp, json)
}

/// POSTs an inquiry body from `ip`.
pub fn ask(p: &mut PgPlatform, ip: &str, body: serde_json::Value) -> (Response, serde_json::Value) {
    call(
        p,
        &request(
            "POST",
            "/v1/ai-agents/public/inquiry",
            &body.to_string(),
            ip,
        ),
    )
}
