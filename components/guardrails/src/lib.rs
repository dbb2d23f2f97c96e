//! The guardrails component: exports `careagents:agents/guardrails` (world `guard`) by
//! converting the WIT types to and from the `careagents-guardrails` engine, so the inquiry
//! components and every runtime (our host, Spin, composition with `wac`) get the exact same
//! checks as the native library.

wit_bindgen::generate!({
    world: "guard",
    path: "../../wit",
    generate_all,
});

use careagents::agents::types as wit;
use careagents_guardrails as engine;
use exports::careagents::agents::guardrails::Guest;

struct Component;

impl Guest for Component {
    fn check_input(text: String, ctx: wit::InputContext) -> wit::Verdict {
        let c = engine::InputContext {
            agent: agent(ctx.agent),
            tenant_id: ctx.tenant_id.as_deref(),
            max_chars: ctx.max_chars,
        };
        verdict(engine::check_input(&text, &c))
    }

    fn check_output(text: String, ctx: wit::OutputContext) -> wit::Verdict {
        let c = engine::OutputContext {
            agent: agent(ctx.agent),
            tenant_id: ctx.tenant_id.as_deref(),
            canary: ctx.canary.as_deref(),
        };
        verdict(engine::check_output(&text, &c))
    }
}

fn agent(a: wit::AgentKind) -> engine::AgentKind {
    match a {
        wit::AgentKind::Public => engine::AgentKind::Public,
        wit::AgentKind::Tenant => engine::AgentKind::Tenant,
    }
}

fn violation(v: engine::Violation) -> wit::Violation {
    use engine::Violation as E;
    use wit::Violation as W;
    match v {
        E::PromptInjection => W::PromptInjection,
        E::RoleManipulation => W::RoleManipulation,
        E::DataExtraction => W::DataExtraction,
        E::SystemPromptExtraction => W::SystemPromptExtraction,
        E::MaliciousContent => W::MaliciousContent,
        E::OversizedInput => W::OversizedInput,
        E::ExcessiveNesting => W::ExcessiveNesting,
        E::EncodingObfuscation => W::EncodingObfuscation,
        E::CrossTenantReference => W::CrossTenantReference,
        E::PiiDetected => W::PiiDetected,
    }
}

fn severity(s: engine::Severity) -> wit::Severity {
    match s {
        engine::Severity::Low => wit::Severity::Low,
        engine::Severity::Medium => wit::Severity::Medium,
        engine::Severity::High => wit::Severity::High,
        engine::Severity::Critical => wit::Severity::Critical,
    }
}

fn verdict(v: engine::Verdict) -> wit::Verdict {
    wit::Verdict {
        allowed: v.allowed,
        risk_score: v.risk_score,
        findings: v
            .findings
            .into_iter()
            .map(|f| wit::Finding {
                violation: violation(f.violation),
                rule_id: f.rule_id,
                span: f.span.map(|s| wit::Span {
                    start: s.start,
                    end: s.end,
                }),
                severity: severity(f.severity),
                explanation: f.explanation,
            })
            .collect(),
        redacted: v.redacted,
    }
}

export!(Component);
