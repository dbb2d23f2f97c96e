//! What the inquiry components share: the [`Platform`] over Spin's PostgreSQL and variables
//! interfaces and WASI (clock, randomness, outgoing HTTP), the [`Guard`] over the imported
//! `careagents:agents/guardrails` component, telemetry over `careagents:agents/telemetry`, and
//! the conversions between Spin's HTTP types and the pipeline's.
//!
//! A platform holds at most one PostgreSQL connection, opened on first use, so a pipeline's
//! `BEGIN ... COMMIT` (and its transaction-local `app.tenant_id`) stay on one session.

mod bindings {
    wit_bindgen::generate!({
        world: "careagents:agents/agent-imports",
        path: "../../wit",
        generate_all,
    });
}

mod convert;
mod outbound;

use bindings::careagents::agents::{guardrails, telemetry, types as wit};
use careagents_agent_platform::{
    AgentKind, DbError, Guard, InputContext, LogLevel, OutputContext, Platform, Request, Response,
    Row, Severity, Telemetry, Value, Verdict, Violation,
};
use spin_sdk::pg4;

/// The platform of one request inside a Spin (or careagents) component.
#[derive(Default)]
pub struct SpinPlatform {
    conn: Option<pg4::Connection>,
    telemetry: WitTelemetry,
}

impl SpinPlatform {
    pub fn new() -> Self {
        Self::default()
    }

    fn connection(&mut self) -> Result<&pg4::Connection, DbError> {
        if self.conn.is_none() {
            let url = spin_sdk::variables::get("db_url").map_err(|_| DbError {
                code: None,
                message: "db_url is not configured".into(),
            })?;
            let conn = pg4::Connection::open(&url).map_err(|e| DbError {
                code: None,
                message: convert::pg_error_text(&e),
            })?;
            self.conn = Some(conn);
        }
        Ok(self.conn.as_ref().expect("just opened"))
    }
}

impl Platform for SpinPlatform {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let params = convert::params(params);
        let rows = self
            .connection()?
            .query(sql, &params)
            .map_err(|e| convert::db_error(&e))?;
        Ok(rows
            .rows
            .into_iter()
            .map(|r| Row(r.into_iter().map(convert::value).collect()))
            .collect())
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let params = convert::params(params);
        self.connection()?
            .execute(sql, &params)
            .map_err(|e| convert::db_error(&e))
    }

    fn now_ms(&self) -> i64 {
        let d = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        d.as_millis() as i64
    }

    fn random_bytes(&mut self, n: usize) -> Vec<u8> {
        wasi::random::random::get_random_bytes(n as u64)
    }

    fn variable(&self, name: &str) -> Option<String> {
        spin_sdk::variables::get(name)
            .ok()
            .filter(|v| !v.is_empty())
    }

    fn http_post_json(
        &mut self,
        url: &str,
        headers: &[(String, String)],
        body: &[u8],
        timeout_ms: u32,
    ) -> Result<(u16, Vec<u8>), String> {
        outbound::post_json(url, headers, body, timeout_ms)
    }

    fn telemetry(&mut self) -> &mut dyn Telemetry {
        &mut self.telemetry
    }

    fn log(&mut self, level: LogLevel, message: &str) {
        eprintln!("[{level:?}] {message}");
    }
}

/// Telemetry events forwarded to the host.
#[derive(Default)]
pub struct WitTelemetry;

impl Telemetry for WitTelemetry {
    fn request_finished(
        &mut self,
        agent: AgentKind,
        inquiry_type: &str,
        status: u16,
        duration_ms: f64,
    ) {
        telemetry::request_finished(convert::agent(agent), inquiry_type, status, duration_ms);
    }
    fn security_violation(&mut self, violation: Violation, severity: Severity) {
        telemetry::security_violation(
            convert::violation_to_wit(violation),
            convert::severity_to_wit(severity),
        );
    }
    fn isolation_check(&mut self, passed: bool) {
        telemetry::isolation_check(passed);
    }
    fn cross_tenant_attempt(&mut self) {
        telemetry::cross_tenant_attempt();
    }
    fn blocked_request(&mut self) {
        telemetry::blocked_request();
    }
    fn knowledge_base_hit(&mut self, knowledge_type: &str, hit: bool) {
        telemetry::knowledge_base_hit(knowledge_type, hit);
    }
    fn session_opened(&mut self, agent: AgentKind, tenant_id: Option<&str>) {
        telemetry::session_opened(convert::agent(agent), tenant_id);
    }
    fn session_closed(&mut self, agent: AgentKind, tenant_id: Option<&str>) {
        telemetry::session_closed(convert::agent(agent), tenant_id);
    }
}

/// The guard: the guardrails component composed into this one's import.
#[derive(Debug, Default, Clone, Copy)]
pub struct WitGuard;

impl Guard for WitGuard {
    fn check_input(&self, text: &str, ctx: &InputContext<'_>) -> Verdict {
        let c = wit::InputContext {
            agent: convert::agent(ctx.agent),
            tenant_id: ctx.tenant_id.map(str::to_string),
            max_chars: ctx.max_chars,
        };
        convert::verdict(guardrails::check_input(text, &c))
    }

    fn check_output(&self, text: &str, ctx: &OutputContext<'_>) -> Verdict {
        let c = wit::OutputContext {
            agent: convert::agent(ctx.agent),
            tenant_id: ctx.tenant_id.map(str::to_string),
            canary: ctx.canary.map(str::to_string),
        };
        convert::verdict(guardrails::check_output(text, &c))
    }
}

/// The pipeline's view of a Spin request. The client address is the one the runtime reports
/// (`spin-client-addr`, set by Spin and by the careagents host from the TCP peer).
pub fn request(req: &spin_sdk::http::Request) -> Request {
    let headers: Vec<(String, String)> = req
        .headers()
        .filter_map(|(k, v)| v.as_str().map(|v| (k.to_string(), v.to_string())))
        .collect();
    let client_ip = req
        .header("spin-client-addr")
        .and_then(|v| v.as_str())
        .and_then(|a| a.parse::<std::net::SocketAddr>().ok())
        .map(|a| a.ip().to_string());
    Request {
        method: req.method().to_string().to_ascii_uppercase(),
        path: req
            .path_and_query()
            .unwrap_or_else(|| req.path())
            .to_string(),
        headers,
        body: req.body().to_vec(),
        client_ip,
    }
}

/// A Spin response from the pipeline's.
pub fn response(resp: Response) -> spin_sdk::http::Response {
    let mut b = spin_sdk::http::Response::builder();
    b.status(resp.status);
    for (k, v) in resp.headers {
        b.header(k, v);
    }
    b.body(resp.body).build()
}
