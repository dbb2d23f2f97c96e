//! The public rate limit: one central counter per (client key, window) in PostgreSQL, so the
//! limit is exact however many instances serve the traffic.

use careagents_agent_platform::{DbError, Platform, RateLimitInfo, Value};

/// One atomic statement per request: insert the window's counter or increment it, and return
/// the new count together with the window start and the database's clock (one clock for all
/// instances). Windows are aligned to multiples of the window length since the epoch.
const HIT_SQL: &str = "\
INSERT INTO ai_agent_rate_limits (scope, tenant_id, key, window_start, count)
VALUES ('public', NULL, $1::text,
        to_timestamp((floor((extract(epoch FROM clock_timestamp()) * 1000) / $2::int8) * $2::int8) / 1000.0), 1)
ON CONFLICT (scope, key, window_start) DO UPDATE SET count = ai_agent_rate_limits.count + 1
RETURNING count::int8,
          (extract(epoch FROM window_start) * 1000)::int8,
          (extract(epoch FROM clock_timestamp()) * 1000)::int8";

/// Reads the current window without counting (health checks must not use up a client's quota).
const PEEK_SQL: &str = "\
SELECT coalesce(max(count), 0)::int8,
       (floor((extract(epoch FROM clock_timestamp()) * 1000) / $2::int8) * $2::int8)::int8,
       (extract(epoch FROM clock_timestamp()) * 1000)::int8
FROM ai_agent_rate_limits
WHERE scope = 'public' AND key = $1::text
  AND window_start = to_timestamp((floor((extract(epoch FROM clock_timestamp()) * 1000) / $2::int8) * $2::int8) / 1000.0)";

/// The outcome of counting one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// False when the request is over the limit.
    pub allowed: bool,
    /// Header values.
    pub info: RateLimitInfo,
}

/// Pure arithmetic of the headers from a count: remaining never negative, reset at least 1 s.
pub fn decide(
    count: u64,
    limit: u64,
    window_start_ms: i64,
    window_ms: u64,
    now_ms: i64,
) -> Decision {
    let reset_ms = (window_start_ms + window_ms as i64 - now_ms).max(0) as u64;
    Decision {
        allowed: count <= limit,
        info: RateLimitInfo {
            limit,
            remaining: limit.saturating_sub(count),
            reset_secs: reset_ms.div_ceil(1000).max(1),
        },
    }
}

/// Runs a counter statement (`count, window_start_ms, now_ms`) and decides from its row.
fn counter_decision(
    platform: &mut dyn Platform,
    sql: &str,
    key: &str,
    limit: u64,
    window_ms: u64,
) -> Result<(u64, Decision), DbError> {
    let rows = platform.query(
        sql,
        &[Value::Text(key.to_owned()), Value::Int(window_ms as i64)],
    )?;
    let row = rows
        .first()
        .ok_or_else(|| DbError::new("rate limit counter returned no row"))?;
    let count = row.i64(0).unwrap_or(0).max(0) as u64;
    let d = decide(
        count,
        limit,
        row.i64(1).unwrap_or(0),
        window_ms,
        row.i64(2).unwrap_or(0),
    );
    Ok((count, d))
}

/// Counts this request for `key` and decides.
pub fn hit(
    platform: &mut dyn Platform,
    key: &str,
    limit: u64,
    window_ms: u64,
) -> Result<Decision, DbError> {
    let (_, d) = counter_decision(platform, HIT_SQL, key, limit, window_ms)?;
    // Old windows are dead weight; about one request in a hundred sweeps them.
    if platform.random_bytes(1).first().is_some_and(|b| *b < 3) {
        let _ = platform.execute(
            "DELETE FROM ai_agent_rate_limits WHERE scope = 'public' AND window_start < now() - make_interval(secs => $1::int8 / 1000.0) - interval '1 hour'",
            &[Value::Int(window_ms as i64)],
        );
    }
    Ok(d)
}

/// The current state for `key` without counting.
pub fn peek(
    platform: &mut dyn Platform,
    key: &str,
    limit: u64,
    window_ms: u64,
) -> Result<Decision, DbError> {
    let (count, mut d) = counter_decision(platform, PEEK_SQL, key, limit, window_ms)?;
    d.allowed = count < limit || limit == 0;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_follow_the_count() {
        let d = decide(1, 50, 0, 900_000, 100_000);
        assert!(d.allowed);
        assert_eq!(d.info.remaining, 49);
        assert_eq!(d.info.reset_secs, 800);
        let d = decide(50, 50, 0, 900_000, 899_999);
        assert!(d.allowed);
        assert_eq!(d.info.remaining, 0);
        assert_eq!(d.info.reset_secs, 1);
        let d = decide(51, 50, 0, 900_000, 900_500);
        assert!(!d.allowed);
        assert_eq!(d.info.remaining, 0);
        assert_eq!(d.info.reset_secs, 1);
    }
}
