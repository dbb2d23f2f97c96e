//! The public agent component. For now it serves `/public/health`, proving the whole path:
//! Spin HTTP trigger, outbound PostgreSQL through the allow-list, and the guardrails
//! component composed into its `careagents:agents/guardrails` import.

wit_bindgen::generate!({
    world: "careagents:agents/agent-imports",
    path: "../../wit",
    generate_all,
});

use careagents::agents::guardrails;
use careagents::agents::types::{AgentKind, InputContext};
use spin_sdk::http::{IntoResponse, Request, Response};
use spin_sdk::http_component;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn json(status: u16, v: serde_json::Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(v.to_string())
        .build()
}

fn database_check() -> Result<(), String> {
    let url = spin_sdk::variables::get("db_url").map_err(|_| "not configured".to_string())?;
    let conn = spin_sdk::pg4::Connection::open(&url).map_err(|_| "unreachable".to_string())?;
    conn.query("SELECT 1::int4", &[])
        .map_err(|_| "query failed".to_string())?;
    Ok(())
}

fn guard_check() -> Result<(), String> {
    let ctx = InputContext {
        agent: AgentKind::Public,
        tenant_id: None,
        max_chars: 5000,
    };
    let v = guardrails::check_input("health check", &ctx);
    if v.allowed {
        Ok(())
    } else {
        Err("refused a benign probe".into())
    }
}

fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!("{}", now.as_millis())
}

#[http_component]
fn handle(req: Request) -> anyhow::Result<impl IntoResponse> {
    let path = req.path();
    let route = path.strip_prefix("/api").unwrap_or(path);
    if route.trim_end_matches('/') == "/v1/ai-agents/public/health" {
        let db = database_check();
        let guard = guard_check();
        let healthy = db.is_ok() && guard.is_ok();
        let show = |r: &Result<(), String>| match r {
            Ok(()) => serde_json::json!("healthy"),
            Err(e) => serde_json::json!(format!("unhealthy: {e}")),
        };
        return Ok(json(
            if healthy { 200 } else { 503 },
            serde_json::json!({
                "status": if healthy { "healthy" } else { "unhealthy" },
                "service": "PublicAIAgent",
                "version": VERSION,
                "timestamp": timestamp(),
                "checks": {"database": show(&db), "guardrails": show(&guard)}
            }),
        ));
    }
    Ok(json(
        404,
        serde_json::json!({"success": false, "error": "No such route", "code": "NOT_FOUND"}),
    ))
}
