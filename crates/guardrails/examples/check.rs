//! Prints the verdict of the shipped engine for a message (debugging aid):
//! `cargo run -p careagents-guardrails --example check -- "text" [tenant-id]`.

use careagents_guardrails::{check_input, AgentKind, InputContext};

fn main() {
    let text = std::env::args()
        .nth(1)
        .expect("usage: check <text> [tenant-id]");
    let tenant = std::env::args().nth(2);
    let ctx = InputContext {
        agent: if tenant.is_some() {
            AgentKind::Tenant
        } else {
            AgentKind::Public
        },
        tenant_id: tenant.as_deref(),
        max_chars: 10_000,
    };
    let v = check_input(&text, &ctx);
    let p = careagents_guardrails::model::shipped().probability(&text);
    println!(
        "allowed: {}  risk: {:.3}  classifier: {p:.3}",
        v.allowed, v.risk_score
    );
    for f in &v.findings {
        println!(
            "  {:?} {:<45} {:?} {:?} {}",
            f.severity,
            f.rule_id,
            f.violation.code(),
            f.span,
            f.explanation
        );
    }
    if let Some(r) = v.redacted {
        println!("redacted: {r}");
    }
}
