//! Prometheus metrics with the exact names of CONTRACT.md. The `metrics` facade keeps names as
//! given (no `_total` appended), which the contract's `ai_agent_security_violations` needs.

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;

/// Histogram buckets for `ai_agent_response_time_ms`: the contract's coarse ones plus finer
/// ones below 100 ms, where the local budget lives.
pub const RESPONSE_TIME_BUCKETS_MS: &[f64] = &[
    1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 75.0, 100.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide recorder (idempotent) and returns the handle that renders it.
pub fn install() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("ai_agent_response_time_ms".into()),
                    RESPONSE_TIME_BUCKETS_MS,
                )
                .expect("non-empty buckets")
                .build_recorder();
            let handle = recorder.handle();
            // A second recorder (tests embedding the host twice) keeps the first.
            let _ = metrics::set_global_recorder(recorder);
            describe();
            handle
        })
        .clone()
}

fn describe() {
    metrics::describe_counter!(
        "ai_agent_requests_total",
        "Requests answered, by agent, inquiry type and status"
    );
    metrics::describe_histogram!(
        "ai_agent_response_time_ms",
        "Server processing time in milliseconds"
    );
    metrics::describe_counter!(
        "ai_agent_security_violations",
        "Guardrail violations by type and severity"
    );
    metrics::describe_counter!(
        "ai_agent_tenant_isolation_checks",
        "Tenant isolation checks by result"
    );
    metrics::describe_counter!(
        "ai_agent_tenant_isolation_violations",
        "Tenant isolation checks that failed"
    );
    metrics::describe_counter!(
        "ai_agent_cross_tenant_attempts",
        "Requests that referred to another tenant's data"
    );
    metrics::describe_counter!(
        "ai_agent_blocked_requests",
        "Requests refused before reaching an agent"
    );
    metrics::describe_gauge!(
        "ai_agent_active_sessions",
        "Sessions opened minus closed, by agent and tenant"
    );
    metrics::describe_counter!(
        "ai_agent_knowledge_base_hits",
        "Knowledge-base lookups by type and hit/miss"
    );
}

/// A request the host refused before any component ran (body too large, no route).
pub fn blocked_request() {
    metrics::counter!("ai_agent_blocked_requests").increment(1);
}
