//! The public AI agent: answers prospective customers of WriteCareNotes (features, pricing,
//! compliance, demos) from the public knowledge base, behind the guardrails.
//!
//! [`handle`] implements every public route of CONTRACT.md against a
//! [`careagents_agent_platform::Platform`] and a [`careagents_agent_platform::Guard`]; the
//! `public-inquiry` component (and the Cloudflare worker) provide both. Nothing here names a
//! runtime.

pub mod body;
pub mod client;
pub mod compose;
pub mod confidence;
pub mod config;
pub mod inquiry;
pub mod intent;
pub mod lang;
pub mod llm;
pub mod rate_limit;
pub mod retrieval;
pub mod routes;
pub mod security;
pub mod sessions;
pub mod store;
pub mod text;

use careagents_agent_platform::http::{request_id, ErrorBody};
use careagents_agent_platform::{
    AgentKind, DbError, Guard, LogLevel, Platform, RateLimitInfo, Request, Response,
};

use crate::config::Config;

/// Service name reported by the health route.
pub const SERVICE: &str = "PublicAIAgent";
/// Version reported by the health route.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Per-request state shared by the route handlers.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// `X-Request-ID` (echoed or generated).
    pub request_id: String,
    /// When the request started (epoch ms).
    pub started_ms: i64,
    /// Configuration.
    pub config: Config,
    /// SHA-256 of IP + User-Agent.
    pub rate_key: String,
    /// SHA-256 of the IP.
    pub client_key: String,
    /// Label for the request metric (`PRICING`, `FEEDBACK`, ...).
    pub metric_label: String,
}

/// Why a handler could not answer normally.
#[derive(Debug)]
pub enum Failure {
    /// A contract error response.
    Error(ErrorBody),
    /// The database failed: 503, details only in logs.
    Db(DbError),
}

impl From<ErrorBody> for Failure {
    fn from(e: ErrorBody) -> Self {
        Failure::Error(e)
    }
}
impl From<DbError> for Failure {
    fn from(e: DbError) -> Self {
        Failure::Db(e)
    }
}

/// Handles one request to the public agent.
///
/// Every response carries `X-Request-ID` and the `RateLimit-*` headers (when the counter
/// could be read). Requests are counted against the client's limit before anything else
/// happens, except health checks, which only read it.
pub fn handle(req: &Request, platform: &mut dyn Platform, guard: &dyn Guard) -> Response {
    let config = Config::load(platform);
    let mut ctx = Ctx {
        request_id: request_id(req, platform),
        started_ms: platform.now_ms(),
        config,
        rate_key: client::rate_key(req),
        client_key: client::session_key(req),
        metric_label: "UNKNOWN".to_owned(),
    };
    let route = req.route().unwrap_or("").to_owned();
    let method = req.method.to_ascii_uppercase();

    let known = matches!(
        route.as_str(),
        "/public/inquiry"
            | "/public/knowledge-base"
            | "/public/health"
            | "/public/feedback"
            | "/public/actions"
    );
    let mut rate: Option<RateLimitInfo> = None;
    let result: Result<Response, Failure> = if !known {
        ctx.metric_label = "NOT_FOUND".to_owned();
        Err(ErrorBody::new(404, "NOT_FOUND", "No such endpoint.").into())
    } else if route == "/public/health" {
        ctx.metric_label = "HEALTH".to_owned();
        if let Ok(d) = rate_limit::peek(
            platform,
            &ctx.rate_key,
            ctx.config.rate_max,
            ctx.config.rate_window_ms,
        ) {
            rate = Some(d.info);
        }
        if method == "GET" {
            Ok(routes::health(&ctx, platform))
        } else {
            Err(method_not_allowed())
        }
    } else {
        match rate_limit::hit(
            platform,
            &ctx.rate_key,
            ctx.config.rate_max,
            ctx.config.rate_window_ms,
        ) {
            Err(e) => Err(Failure::Db(e)),
            Ok(d) => {
                rate = Some(d.info);
                if !d.allowed {
                    ctx.metric_label = "RATE_LIMITED".to_owned();
                    platform.telemetry().blocked_request();
                    Err(ErrorBody::new(
                        429,
                        "AI_RATE_LIMIT_EXCEEDED",
                        "Too many requests. Please wait before asking again.",
                    )
                    .with_retry_after(d.info.reset_secs)
                    .into())
                } else {
                    match (route.as_str(), method.as_str()) {
                        ("/public/inquiry", "POST") => {
                            inquiry::inquiry(req, &mut ctx, platform, guard)
                        }
                        ("/public/knowledge-base", "GET") => {
                            routes::knowledge_base(&mut ctx, platform)
                        }
                        ("/public/feedback", "POST") => {
                            routes::feedback(req, &mut ctx, platform, guard)
                        }
                        ("/public/actions", "POST") => routes::actions(req, &mut ctx, platform),
                        _ => Err(method_not_allowed()),
                    }
                }
            }
        }
    };

    let mut resp = match result {
        Ok(r) => r,
        Err(Failure::Error(e)) => e.into_response(&ctx.request_id),
        Err(Failure::Db(e)) => {
            platform.log(
                LogLevel::Error,
                &format!("public agent {route}: request {}: {e}", ctx.request_id),
            );
            ErrorBody::new(
                503,
                "SERVICE_UNAVAILABLE",
                "The service is temporarily unavailable. Please try again shortly.",
            )
            .into_response(&ctx.request_id)
        }
    };
    resp.set_header("X-Request-ID", ctx.request_id.clone());
    if let Some(info) = rate {
        info.apply(&mut resp);
    }
    let elapsed = (platform.now_ms() - ctx.started_ms).max(0) as f64;
    platform.telemetry().request_finished(
        AgentKind::Public,
        &ctx.metric_label,
        resp.status,
        elapsed,
    );
    resp
}

fn method_not_allowed() -> Failure {
    ErrorBody::new(
        405,
        "METHOD_NOT_ALLOWED",
        "This endpoint does not accept that method.",
    )
    .into()
}
