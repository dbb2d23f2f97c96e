//! `careagents:agents/telemetry`: component events become the Prometheus series of
//! CONTRACT.md. Labels are bounded enumerations or tenant ids; no message content is
//! recorded.

use super::bindings::careagents::agents::telemetry::Host;
use super::bindings::careagents::agents::types::{AgentKind, Severity, Violation};
use crate::state::RequestState;

fn agent(a: AgentKind) -> &'static str {
    match a {
        AgentKind::Public => "public",
        AgentKind::Tenant => "tenant",
    }
}

/// The contract's violation code, from the one table of codes in the guardrails engine.
fn violation(v: Violation) -> &'static str {
    use careagents_guardrails::Violation as Engine;
    match v {
        Violation::PromptInjection => Engine::PromptInjection,
        Violation::RoleManipulation => Engine::RoleManipulation,
        Violation::DataExtraction => Engine::DataExtraction,
        Violation::SystemPromptExtraction => Engine::SystemPromptExtraction,
        Violation::MaliciousContent => Engine::MaliciousContent,
        Violation::OversizedInput => Engine::OversizedInput,
        Violation::ExcessiveNesting => Engine::ExcessiveNesting,
        Violation::EncodingObfuscation => Engine::EncodingObfuscation,
        Violation::CrossTenantReference => Engine::CrossTenantReference,
        Violation::PiiDetected => Engine::PiiDetected,
    }
    .code()
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
        Severity::Critical => "critical",
    }
}

/// Inquiry types are client-supplied: keep the label set bounded.
fn bounded_label(s: &str) -> String {
    if !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
        s.to_string()
    } else {
        "OTHER".to_string()
    }
}

/// Tenant ids as labels only when they follow the tenant-id grammar.
fn tenant_label(t: Option<String>) -> String {
    match t {
        Some(t)
            if t.len() <= 64
                && t.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
        {
            t
        }
        Some(_) => "invalid".into(),
        None => "public".into(),
    }
}

impl Host for RequestState {
    fn request_finished(
        &mut self,
        a: AgentKind,
        inquiry_type: String,
        status: u16,
        duration_ms: f64,
    ) -> wasmtime::Result<()> {
        metrics::counter!("ai_agent_requests_total",
            "agent_type" => agent(a), "inquiry_type" => bounded_label(&inquiry_type), "status" => status.to_string())
        .increment(1);
        metrics::histogram!("ai_agent_response_time_ms").record(duration_ms);
        Ok(())
    }

    fn security_violation(&mut self, v: Violation, s: Severity) -> wasmtime::Result<()> {
        metrics::counter!("ai_agent_security_violations", "violation_type" => violation(v), "severity" => severity(s)).increment(1);
        Ok(())
    }

    fn isolation_check(&mut self, passed: bool) -> wasmtime::Result<()> {
        let result = if passed { "passed" } else { "failed" };
        metrics::counter!("ai_agent_tenant_isolation_checks", "result" => result).increment(1);
        if !passed {
            metrics::counter!("ai_agent_tenant_isolation_violations").increment(1);
        }
        Ok(())
    }

    fn cross_tenant_attempt(&mut self) -> wasmtime::Result<()> {
        metrics::counter!("ai_agent_cross_tenant_attempts").increment(1);
        Ok(())
    }

    fn blocked_request(&mut self) -> wasmtime::Result<()> {
        crate::metrics::blocked_request();
        Ok(())
    }

    fn knowledge_base_hit(&mut self, knowledge_type: String, hit: bool) -> wasmtime::Result<()> {
        metrics::counter!("ai_agent_knowledge_base_hits",
            "knowledge_type" => bounded_label(&knowledge_type), "hit_result" => if hit { "hit" } else { "miss" })
        .increment(1);
        Ok(())
    }

    fn session_opened(&mut self, a: AgentKind, tenant_id: Option<String>) -> wasmtime::Result<()> {
        metrics::gauge!("ai_agent_active_sessions", "agent_type" => agent(a), "tenant_id" => tenant_label(tenant_id)).increment(1.0);
        Ok(())
    }

    fn session_closed(&mut self, a: AgentKind, tenant_id: Option<String>) -> wasmtime::Result<()> {
        metrics::gauge!("ai_agent_active_sessions", "agent_type" => agent(a), "tenant_id" => tenant_label(tenant_id)).decrement(1.0);
        Ok(())
    }
}

impl super::bindings::careagents::agents::types::Host for RequestState {}
