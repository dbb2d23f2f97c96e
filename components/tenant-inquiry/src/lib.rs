//! The tenant agent component. Until the tenant agent's pipeline lands it serves
//! `/tenant/health` only (without authentication), proving the whole path: the HTTP trigger,
//! PostgreSQL through the allow-list as the application role, and the guardrails component
//! composed into its `careagents:agents/guardrails` import.

use careagents_agent_platform::{AgentKind, Guard, InputContext, Platform, Response};
use careagents_spin_platform::{request, response, SpinPlatform, WitGuard};
use serde_json::json;
use spin_sdk::http_component;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn health(platform: &mut SpinPlatform) -> Response {
    let db = platform.query("SELECT 1::int8", &[]).map(|_| ());
    let ctx = InputContext {
        agent: AgentKind::Tenant,
        tenant_id: None,
        max_chars: 10_000,
    };
    let guard = WitGuard.check_input("health check", &ctx);
    let healthy = db.is_ok() && guard.allowed;
    let check = |ok: bool| if ok { "healthy" } else { "unhealthy" };
    Response::json(
        if healthy { 200 } else { 503 },
        &json!({
            "status": check(healthy),
            "service": "TenantAIAgent",
            "version": VERSION,
            "timestamp": careagents_agent_platform::time::rfc3339_ms(platform.now_ms()),
            "isolationEnforced": true,
            "checks": {"database": check(db.is_ok()), "guardrails": check(guard.allowed)}
        }),
    )
}

#[http_component]
fn handle(req: spin_sdk::http::Request) -> spin_sdk::http::Response {
    let req = request(&req);
    let mut platform = SpinPlatform::new();
    let resp = match (req.method.as_str(), req.route()) {
        ("GET", Some("/tenant/health")) => health(&mut platform),
        _ => Response::json(
            404,
            &json!({"success": false, "error": "No such route", "code": "NOT_FOUND"}),
        ),
    };
    response(resp)
}
