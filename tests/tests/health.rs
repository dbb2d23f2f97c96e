//! The application manifest (`spin.toml`) served by the host: both agents' health routes
//! answer 200 with a database check that really reached PostgreSQL, through both prefixes,
//! and the guardrails component composed into each agent.

use careagents_tests::{app_manifest, component, http, Host, TestDb};
use serde_json::Value;

fn app_host(db: &TestDb) -> Host {
    for c in ["guardrails", "public_inquiry", "tenant_inquiry"] {
        component(c);
    }
    Host::start(&app_manifest(), &db.host_vars()).unwrap()
}

#[test]
fn both_health_routes_report_a_healthy_database() {
    let db = TestDb::new().unwrap();
    let host = app_host(&db);
    for (path, service) in [
        ("/v1/ai-agents/public/health", "PublicAIAgent"),
        ("/api/v1/ai-agents/public/health", "PublicAIAgent"),
        ("/v1/ai-agents/tenant/health", "TenantAIAgent"),
        ("/api/v1/ai-agents/tenant/health", "TenantAIAgent"),
    ] {
        let r = http().get(host.url(path)).send().unwrap();
        assert_eq!(r.status().as_u16(), 200, "{path}");
        let v: Value = r.json().unwrap();
        assert_eq!(v["status"], "healthy", "{path}: {v}");
        assert_eq!(v["service"], service);
        assert_eq!(v["checks"]["database"], "healthy", "{path}: {v}");
    }
}

#[test]
fn health_reports_unhealthy_with_the_failing_check_when_the_database_is_unreachable() {
    let db = TestDb::new().unwrap();
    let mut vars = db.host_vars();
    // Right address (allowed), wrong password: the connection fails.
    for (k, v) in vars.iter_mut() {
        if k == "ai_agent_db_password" {
            *v = "wrong-password".into();
        }
    }
    component("public_inquiry");
    let host = Host::start(&app_manifest(), &vars).unwrap();
    let r = http()
        .get(host.url("/v1/ai-agents/public/health"))
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 503);
    let v: Value = r.json().unwrap();
    assert_eq!(v["status"], "unhealthy");
    assert!(
        v["checks"]["database"]
            .as_str()
            .unwrap()
            .starts_with("unhealthy"),
        "{v}"
    );
    assert!(!v.to_string().contains("wrong-password"));
}
