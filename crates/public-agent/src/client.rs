//! Who is calling: the keys that rate limits and session ownership are stored under.
//!
//! Only SHA-256 digests are stored, never the raw IP address or User-Agent (data
//! minimisation: a rate-limit table is no place for personal data).

use careagents_agent_platform::platform::hex_lower;
use careagents_agent_platform::Request;
use sha2::{Digest, Sha256};

/// The client's IP as the runtime reported it, else the first `X-Forwarded-For` hop, else
/// `unknown` (all unknown clients then share one bucket, which errs on the safe side).
pub fn client_ip(req: &Request) -> String {
    if let Some(ip) = req
        .client_ip
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return ip.to_owned();
    }
    req.header("x-forwarded-for")
        .and_then(|v| v.split(',').next())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("unknown")
        .to_owned()
}

fn digest(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h.update([0x1f]);
        }
        h.update(p.as_bytes());
    }
    hex_lower(&h.finalize())
}

/// Rate-limit key: SHA-256 hex of scope, IP and User-Agent (CONTRACT.md: client IP + UA).
pub fn rate_key(req: &Request) -> String {
    digest(&[
        "public",
        &client_ip(req),
        req.header("user-agent").unwrap_or(""),
    ])
}

/// Session owner key: SHA-256 hex of the IP (sessions are capped per IP).
pub fn session_key(req: &Request) -> String {
    digest(&["public-session", &client_ip(req)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(ip: Option<&str>, ua: &str) -> Request {
        Request {
            method: "POST".into(),
            path: "/".into(),
            headers: vec![
                ("User-Agent".into(), ua.into()),
                ("X-Forwarded-For".into(), "9.9.9.9, 10.0.0.1".into()),
            ],
            body: vec![],
            client_ip: ip.map(str::to_owned),
        }
    }

    #[test]
    fn keys_are_digests_that_separate_clients() {
        let a = rate_key(&req(Some("1.2.3.4"), "ua"));
        assert_eq!(a.len(), 64);
        assert!(!a.contains("1.2.3.4"));
        assert_ne!(a, rate_key(&req(Some("1.2.3.4"), "other")));
        assert_ne!(a, rate_key(&req(Some("1.2.3.5"), "ua")));
        assert_eq!(
            session_key(&req(Some("1.2.3.4"), "ua")),
            session_key(&req(Some("1.2.3.4"), "other"))
        );
        assert_eq!(client_ip(&req(None, "ua")), "9.9.9.9");
    }
}
