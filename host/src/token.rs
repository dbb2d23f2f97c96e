//! Development JWTs for the tenant agent (`careagents token`). HS256 with the application's
//! `ai_agent_jwt_secret`; refused in production, where tokens come from the identity provider.

use anyhow::{bail, Result};
use serde::Serialize;

/// Issuer and audience the tenant agent expects.
pub const ISSUER: &str = "careagents";
pub const AUDIENCE: &str = "careagents-tenant-agent";

#[derive(Serialize)]
struct Claims<'a> {
    sub: &'a str,
    #[serde(rename = "userId")]
    user_id: &'a str,
    #[serde(rename = "tenantId")]
    tenant_id: &'a str,
    roles: Vec<String>,
    iss: &'static str,
    aud: &'static str,
    iat: i64,
    nbf: i64,
    exp: i64,
}

/// Whether the environment says this is production.
pub fn is_production() -> bool {
    ["NODE_ENV", "CAREAGENTS_ENV"]
        .iter()
        .any(|k| std::env::var(k).is_ok_and(|v| v.eq_ignore_ascii_case("production")))
}

pub fn mint(
    secret: &str,
    tenant: &str,
    user: &str,
    roles: &[String],
    ttl_secs: i64,
) -> Result<String> {
    if is_production() {
        bail!("development tokens are disabled in production (NODE_ENV/CAREAGENTS_ENV=production)");
    }
    if secret.len() < 32 {
        bail!("the JWT secret must be at least 32 bytes");
    }
    let now = chrono::Utc::now().timestamp();
    let claims = Claims {
        sub: user,
        user_id: user,
        tenant_id: tenant,
        roles: roles.to_vec(),
        iss: ISSUER,
        aud: AUDIENCE,
        iat: now,
        nbf: now - 5,
        exp: now + ttl_secs,
    };
    Ok(jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )?)
}

/// Parses `30m`, `1h`, `2d`, or plain seconds.
pub fn parse_ttl(s: &str) -> Result<i64> {
    let (num, mult) = match s.chars().last() {
        Some('s') => (&s[..s.len() - 1], 1),
        Some('m') => (&s[..s.len() - 1], 60),
        Some('h') => (&s[..s.len() - 1], 3600),
        Some('d') => (&s[..s.len() - 1], 86400),
        _ => (s, 1),
    };
    let n: i64 = num
        .parse()
        .map_err(|_| anyhow::anyhow!("bad TTL `{s}` (use 30m, 1h, 2d)"))?;
    if n <= 0 {
        bail!("TTL must be positive");
    }
    Ok(n * mult)
}
