//! Public sessions: `session_` + 128 random bits, alive `AI_AGENT_SESSION_TTL_MINUTES` from last
//! use, at most `AI_AGENT_MAX_SESSIONS_PER_IP` live per client IP (the oldest is ended), bound
//! to the IP that created them. An expired, ended, unknown or foreign id is never reused.

use careagents_agent_platform::platform::random_hex;
use careagents_agent_platform::{AgentKind, DbError, Platform, Value};

use crate::config::MAX_VIOLATIONS_PER_SESSION;

/// A live session for this request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// `session_...`.
    pub id: String,
    /// True when minted by this request.
    pub created: bool,
}

/// Well-formed public session id: `session_` and 32 lower-case hex digits.
pub fn is_session_id(s: &str) -> bool {
    s.strip_prefix("session_").is_some_and(|h| {
        h.len() == 32
            && h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Resumes `requested` when it names a live public session of this client, touching its
/// `last_used_at`. `None` otherwise (an expired one is marked ended on the way).
pub fn resume(
    platform: &mut dyn Platform,
    requested: Option<&str>,
    client_key: &str,
    ttl_minutes: u64,
) -> Result<Option<Session>, DbError> {
    let Some(id) = requested.filter(|s| is_session_id(s)) else {
        return Ok(None);
    };
    let rows = platform.query(
        "UPDATE ai_agent_sessions SET last_used_at = now() \
         WHERE id = $1::text AND agent_type = 'public' AND tenant_id IS NULL AND ended_at IS NULL \
           AND client_key = $2::text AND last_used_at > now() - make_interval(mins => $3::int8::int) \
         RETURNING id",
        &[Value::Text(id.to_owned()), Value::Text(client_key.to_owned()), Value::Int(ttl_minutes as i64)],
    )?;
    if rows.is_empty() {
        let ended = platform.execute(
            "UPDATE ai_agent_sessions SET ended_at = now(), end_reason = 'expired' \
             WHERE id = $1::text AND agent_type = 'public' AND ended_at IS NULL \
               AND last_used_at <= now() - make_interval(mins => $2::int8::int)",
            &[Value::Text(id.to_owned()), Value::Int(ttl_minutes as i64)],
        )?;
        if ended > 0 {
            platform.telemetry().session_closed(AgentKind::Public, None);
        }
        return Ok(None);
    }
    Ok(Some(Session {
        id: id.to_owned(),
        created: false,
    }))
}

/// Mints a new session for this client and ends the client's oldest live sessions beyond
/// `max_per_ip` (and any of its sessions that have expired).
pub fn create(
    platform: &mut dyn Platform,
    client_key: &str,
    ttl_minutes: u64,
    max_per_ip: u64,
    metadata_json: &str,
) -> Result<Session, DbError> {
    let id = format!("session_{}", random_hex(platform, 16));
    // Insert the new session and end this client's expired sessions and the oldest live ones
    // beyond the cap, in one statement (the subquery sees the table as before the INSERT, so
    // the new session counts as one of the `max_per_ip`; expired sessions do not). The
    // sessions to end are picked through the partial client index and updated by primary key:
    // a join between the window and the table let the cached generic plan (chosen while the
    // table was small) scan every session row per request, 3.5 ms at a few hundred sessions
    // and growing.
    let ended = platform.query(
        "WITH new AS ( \
             INSERT INTO ai_agent_sessions (id, tenant_id, agent_type, client_key, metadata) \
             VALUES ($1::text, NULL, 'public', $2::text, $5::jsonb) RETURNING id) \
         UPDATE ai_agent_sessions s \
         SET ended_at = now(), \
             end_reason = CASE WHEN s.last_used_at <= now() - make_interval(mins => $3::int8::int) \
                               THEN 'expired' ELSE 'session_limit' END \
         WHERE s.id = ANY (ARRAY( \
             SELECT live.id FROM ( \
                 SELECT id, expired, \
                        row_number() OVER (PARTITION BY expired ORDER BY created_at DESC, id DESC) AS n \
                 FROM (SELECT id, created_at, \
                              last_used_at <= now() - make_interval(mins => $3::int8::int) AS expired \
                       FROM ai_agent_sessions \
                       WHERE agent_type = 'public' AND client_key = $2::text AND ended_at IS NULL) t \
             ) live \
             WHERE live.expired OR live.n >= $4::int8)) \
         RETURNING s.id",
        &[
            Value::Text(id.clone()),
            Value::Text(client_key.to_owned()),
            Value::Int(ttl_minutes as i64),
            Value::Int(max_per_ip as i64),
            Value::Json(metadata_json.to_owned()),
        ],
    )?;
    platform.telemetry().session_opened(AgentKind::Public, None);
    for _ in &ended {
        platform.telemetry().session_closed(AgentKind::Public, None);
    }
    Ok(Session { id, created: true })
}

/// Whether `id` names a public session (live or not): feedback may arrive after a session ended.
pub fn exists(platform: &mut dyn Platform, id: &str) -> Result<bool, DbError> {
    if !is_session_id(id) {
        return Ok(false);
    }
    let rows = platform.query(
        "SELECT 1 FROM ai_agent_sessions WHERE id = $1::text AND agent_type = 'public' AND tenant_id IS NULL",
        &[Value::Text(id.to_owned())],
    )?;
    Ok(!rows.is_empty())
}

/// Counts one guardrail violation against a session; the third ends it. Returns the new count
/// and whether the session was ended now.
pub fn record_violation(platform: &mut dyn Platform, id: &str) -> Result<(i64, bool), DbError> {
    let rows = platform.query(
        "UPDATE ai_agent_sessions SET violation_count = violation_count + 1, \
             ended_at = CASE WHEN violation_count + 1 >= $2::int8 THEN now() ELSE ended_at END, \
             end_reason = CASE WHEN violation_count + 1 >= $2::int8 THEN 'security_violations' ELSE end_reason END \
         WHERE id = $1::text AND agent_type = 'public' AND ended_at IS NULL \
         RETURNING violation_count::int8",
        &[Value::Text(id.to_owned()), Value::Int(MAX_VIOLATIONS_PER_SESSION)],
    )?;
    let count = rows.first().and_then(|r| r.i64(0)).unwrap_or(0);
    let ended = count >= MAX_VIOLATIONS_PER_SESSION;
    if ended {
        platform.telemetry().session_closed(AgentKind::Public, None);
    }
    Ok((count, ended))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_ids_are_strict() {
        assert!(is_session_id("session_0123456789abcdef0123456789abcdef"));
        assert!(!is_session_id("session_0123456789ABCDEF0123456789abcdef"));
        assert!(!is_session_id(
            "tenant_session_0123456789abcdef0123456789abcdef"
        ));
        assert!(!is_session_id("session_' OR 1=1 --"));
    }
}
