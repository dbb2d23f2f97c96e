//! HTTP request/response types and the contract's envelopes (CONTRACT.md "Envelopes").

use serde_json::{json, Map, Value as Json};

use crate::platform::{random_hex, Platform};
use crate::time::rfc3339_ms;

/// An HTTP request as a pipeline sees it: already read in full by the component.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Upper-case method (`GET`, `POST`).
    pub method: String,
    /// Path with optional query string, e.g. `/v1/ai-agents/public/inquiry?x=1`.
    pub path: String,
    /// Header names as received; look them up with [`Request::header`].
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
    /// The client address as determined by the runtime (after trusted proxies), if known.
    pub client_ip: Option<String>,
}

impl Request {
    /// First value of header `name`, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The route below the agents' base path: `/public/inquiry` for both
    /// `/v1/ai-agents/public/inquiry` and `/api/v1/ai-agents/public/inquiry` (older clients use
    /// the `/api` prefix). Query string and trailing slash are dropped. `None` outside the base.
    pub fn route(&self) -> Option<&str> {
        route_of(&self.path)
    }

    /// Value of query parameter `name` (not percent-decoded; the agents' parameters are plain).
    pub fn query_param(&self, name: &str) -> Option<&str> {
        let q = self.path.split_once('?')?.1;
        q.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (k == name).then_some(v)
        })
    }
}

/// See [`Request::route`].
pub fn route_of(path: &str) -> Option<&str> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let rest = path
        .strip_prefix("/api/v1/ai-agents")
        .or_else(|| path.strip_prefix("/v1/ai-agents"))?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let rest = rest.trim_end_matches('/');
    Some(if rest.is_empty() { "/" } else { rest })
}

/// An HTTP response built by a pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers in order; `Content-Type` included.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl Response {
    /// A JSON response (`application/json; charset=utf-8`).
    pub fn json(status: u16, body: &Json) -> Response {
        Response {
            status,
            headers: vec![(
                "Content-Type".to_owned(),
                "application/json; charset=utf-8".to_owned(),
            )],
            body: serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec()),
        }
    }

    /// Sets header `name` (replacing an existing one, case-insensitively).
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.into()));
    }

    /// First value of header `name`, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON (`Null` when it is not JSON); for tests and logs.
    pub fn body_json(&self) -> Json {
        serde_json::from_slice(&self.body).unwrap_or(Json::Null)
    }
}

/// The success envelope: `{"success": true, "data", "sessionId", "timestamp"}`.
/// `extra` adds top-level fields (tenant routes put `tenantId` there).
pub fn success_body(
    data: Json,
    session_id: Option<&str>,
    now_ms: i64,
    extra: &[(&str, Json)],
) -> Json {
    let mut m = Map::new();
    m.insert("success".into(), Json::Bool(true));
    m.insert("data".into(), data);
    if let Some(s) = session_id {
        m.insert("sessionId".into(), Json::String(s.to_owned()));
    }
    m.insert("timestamp".into(), Json::String(rfc3339_ms(now_ms)));
    for (k, v) in extra {
        m.insert((*k).to_owned(), v.clone());
    }
    Json::Object(m)
}

/// The error envelope of CONTRACT.md. `error` is a human sentence: never SQL, a stack trace,
/// a key, or another tenant's identifier.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorBody {
    /// HTTP status.
    pub status: u16,
    /// Human sentence.
    pub error: String,
    /// Machine code (`MISSING_MESSAGE`, `AI_SECURITY_VIOLATION`, ...).
    pub code: &'static str,
    /// Violation codes for security refusals.
    pub violations: Vec<String>,
    /// Seconds until a retry may succeed (rate limits).
    pub retry_after: Option<u64>,
    /// Whether the request was escalated to a human.
    pub escalated: Option<bool>,
}

impl ErrorBody {
    /// An error with just status, sentence and code.
    pub fn new(status: u16, code: &'static str, error: impl Into<String>) -> ErrorBody {
        ErrorBody {
            status,
            error: error.into(),
            code,
            violations: Vec::new(),
            retry_after: None,
            escalated: None,
        }
    }

    /// Adds the `violations` array.
    pub fn with_violations<S: Into<String>>(mut self, v: impl IntoIterator<Item = S>) -> Self {
        self.violations = v.into_iter().map(Into::into).collect();
        self
    }

    /// Adds `retryAfter` (and, in [`ErrorBody::into_response`], the `Retry-After` header).
    pub fn with_retry_after(mut self, secs: u64) -> Self {
        self.retry_after = Some(secs);
        self
    }

    /// The JSON body for `request_id`.
    pub fn to_json(&self, request_id: &str) -> Json {
        let mut m = Map::new();
        m.insert("success".into(), Json::Bool(false));
        m.insert("error".into(), Json::String(self.error.clone()));
        m.insert("code".into(), Json::String(self.code.to_owned()));
        m.insert("requestId".into(), Json::String(request_id.to_owned()));
        if !self.violations.is_empty() {
            m.insert("violations".into(), json!(self.violations));
        }
        if let Some(r) = self.retry_after {
            m.insert("retryAfter".into(), json!(r));
        }
        if let Some(e) = self.escalated {
            m.insert("escalated".into(), Json::Bool(e));
        }
        Json::Object(m)
    }

    /// The full response, with `X-Request-ID` and, when set, `Retry-After`.
    pub fn into_response(self, request_id: &str) -> Response {
        let mut r = Response::json(self.status, &self.to_json(request_id));
        r.set_header("X-Request-ID", request_id);
        if let Some(secs) = self.retry_after {
            r.set_header("Retry-After", secs.to_string());
        }
        r
    }
}

/// The request id: the client's `X-Request-ID` echoed when it is sane (1-128 characters of
/// `A-Z a-z 0-9 . _ : -`, so it cannot inject into logs or headers), else `req_` + 32 random
/// hex digits.
pub fn request_id(req: &Request, platform: &mut dyn Platform) -> String {
    match req.header("x-request-id") {
        Some(id) if is_sane_id(id) => id.to_owned(),
        _ => format!("req_{}", random_hex(platform, 16)),
    }
}

fn is_sane_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

/// State of one client's rate-limit window, for the `RateLimit-*` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimitInfo {
    /// Requests allowed per window.
    pub limit: u64,
    /// Requests left in the current window.
    pub remaining: u64,
    /// Seconds until the window resets (at least 1).
    pub reset_secs: u64,
}

impl RateLimitInfo {
    /// Adds `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` to `resp`.
    pub fn apply(&self, resp: &mut Response) {
        resp.set_header("RateLimit-Limit", self.limit.to_string());
        resp.set_header("RateLimit-Remaining", self.remaining.to_string());
        resp.set_header("RateLimit-Reset", self.reset_secs.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_accept_both_prefixes() {
        assert_eq!(
            route_of("/v1/ai-agents/public/inquiry"),
            Some("/public/inquiry")
        );
        assert_eq!(
            route_of("/api/v1/ai-agents/public/inquiry/"),
            Some("/public/inquiry")
        );
        assert_eq!(
            route_of("/api/v1/ai-agents/public/health?x=1"),
            Some("/public/health")
        );
        assert_eq!(route_of("/v1/ai-agentsX/public"), None);
        assert_eq!(route_of("/public/inquiry"), None);
        assert_eq!(route_of("/v1/ai-agents"), Some("/"));
    }

    #[test]
    fn error_envelope_has_contract_fields() {
        let r = ErrorBody::new(429, "AI_RATE_LIMIT_EXCEEDED", "Too many requests")
            .with_retry_after(42)
            .into_response("req_1");
        assert_eq!(r.status, 429);
        assert_eq!(r.header("retry-after"), Some("42"));
        assert_eq!(r.header("x-request-id"), Some("req_1"));
        let j = r.body_json();
        assert_eq!(j["success"], false);
        assert_eq!(j["code"], "AI_RATE_LIMIT_EXCEEDED");
        assert_eq!(j["requestId"], "req_1");
        assert_eq!(j["retryAfter"], 42);
        assert!(j.get("violations").is_none());
    }

    #[test]
    fn success_envelope_carries_session_and_timestamp() {
        let j = success_body(
            json!({"a": 1}),
            Some("session_x"),
            0,
            &[("tenantId", json!("t-1"))],
        );
        assert_eq!(j["success"], true);
        assert_eq!(j["sessionId"], "session_x");
        assert_eq!(j["timestamp"], "1970-01-01T00:00:00.000Z");
        assert_eq!(j["tenantId"], "t-1");
    }

    #[test]
    fn request_ids_only_echo_sane_values() {
        assert!(is_sane_id("abc-123_x:y.z"));
        assert!(!is_sane_id(""));
        assert!(!is_sane_id("a b"));
        assert!(!is_sane_id("x\r\nSet-Cookie: a"));
        assert!(!is_sane_id(&"a".repeat(129)));
    }

    #[test]
    fn query_params_are_found() {
        let r = Request {
            path: "/v1/ai-agents/x?a=1&b=two".into(),
            ..Default::default()
        };
        assert_eq!(r.query_param("b"), Some("two"));
        assert_eq!(r.query_param("c"), None);
    }
}
