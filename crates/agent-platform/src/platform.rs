//! The capabilities a pipeline may use, and nothing more.

use crate::guard::{AgentKind, Severity, Violation};
use crate::value::{DbError, Row, Value};

/// Everything an agent pipeline needs from the runtime that hosts it.
///
/// One `Platform` serves one request and holds one database connection, so `BEGIN` / `COMMIT`
/// issued through [`Platform::execute`] delimit a transaction. Parameter typing follows the
/// conventions in [`crate::value`].
pub trait Platform {
    /// Runs a statement that returns rows (SELECT, or INSERT/UPDATE ... RETURNING).
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError>;
    /// Runs a statement and returns the number of rows it affected.
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError>;
    /// Wall-clock time, milliseconds since the Unix epoch (UTC).
    fn now_ms(&self) -> i64;
    /// `n` bytes from a cryptographically secure source (ids, canaries).
    fn random_bytes(&mut self, n: usize) -> Vec<u8>;
    /// A configuration variable by its Spin name: lowercase snake_case of the environment name
    /// (`public_ai_rate_limit_window_ms` for `PUBLIC_AI_RATE_LIMIT_WINDOW_MS`).
    fn variable(&self, name: &str) -> Option<String>;
    /// POSTs a JSON body to an allowed outbound host (the optional language model). Returns the
    /// status and body, or a description of the transport failure / timeout.
    fn http_post_json(
        &mut self,
        url: &str,
        headers: &[(String, String)],
        body: &[u8],
        timeout_ms: u32,
    ) -> Result<(u16, Vec<u8>), String>;
    /// The metrics sink (the WIT `telemetry` interface).
    fn telemetry(&mut self) -> &mut dyn Telemetry;
    /// An operator-facing log line (stderr in a component). Database and upstream errors go
    /// here with their detail, never into an HTTP response. The default discards it.
    fn log(&mut self, level: LogLevel, message: &str) {
        let _ = (level, message);
    }
}

/// Severity of a [`Platform::log`] line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    /// Expected but noteworthy (a fallback was used).
    Info,
    /// Something failed and the request degraded.
    Warn,
    /// Something failed and the request failed.
    Error,
}

/// Events the host turns into the Prometheus metrics of CONTRACT.md; mirrors the WIT
/// `careagents:agents/telemetry` interface one method per function.
pub trait Telemetry {
    /// One request answered (any status).
    fn request_finished(
        &mut self,
        agent: AgentKind,
        inquiry_type: &str,
        status: u16,
        duration_ms: f64,
    );
    /// One guardrail finding that led to a refusal.
    fn security_violation(&mut self, violation: Violation, severity: Severity);
    /// A tenant isolation check ran.
    fn isolation_check(&mut self, passed: bool);
    /// A request tried to reach another tenant's data.
    fn cross_tenant_attempt(&mut self);
    /// A request was refused (guard, rate limit).
    fn blocked_request(&mut self);
    /// A knowledge-base lookup, by the type of the best item (`FAQ`, `PRICING`, ...).
    fn knowledge_base_hit(&mut self, knowledge_type: &str, hit: bool);
    /// A session was created.
    fn session_opened(&mut self, agent: AgentKind, tenant_id: Option<&str>);
    /// A session ended (expired, replaced, terminated).
    fn session_closed(&mut self, agent: AgentKind, tenant_id: Option<&str>);
}

/// Discards every event: for runtimes without a metrics sink (and for tests that do not
/// look at telemetry).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoopTelemetry;

impl Telemetry for NoopTelemetry {
    fn request_finished(&mut self, _: AgentKind, _: &str, _: u16, _: f64) {}
    fn security_violation(&mut self, _: Violation, _: Severity) {}
    fn isolation_check(&mut self, _: bool) {}
    fn cross_tenant_attempt(&mut self) {}
    fn blocked_request(&mut self) {}
    fn knowledge_base_hit(&mut self, _: &str, _: bool) {}
    fn session_opened(&mut self, _: AgentKind, _: Option<&str>) {}
    fn session_closed(&mut self, _: AgentKind, _: Option<&str>) {}
}

/// Lower-case hex of `bytes` (random ids, digests).
pub fn hex_lower(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// A random lower-case hex id of `n_bytes` bytes of entropy.
pub fn random_hex(platform: &mut dyn Platform, n_bytes: usize) -> String {
    hex_lower(&platform.random_bytes(n_bytes))
}

/// A numeric variable, falling back to `default` when unset or unparsable.
pub fn variable_u64(platform: &dyn Platform, name: &str, default: u64) -> u64 {
    platform
        .variable(name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lowercase_two_digits_per_byte() {
        assert_eq!(hex_lower(&[0, 15, 16, 255]), "000f10ff");
    }
}
