//! What happens when the guard refuses: a security event row per finding, telemetry, one more
//! violation on the session (the third ends it), and a 403 `AI_SECURITY_VIOLATION` that names
//! the violations but never echoes the offending text.

use careagents_agent_platform::guard::violation_codes;
use careagents_agent_platform::http::ErrorBody;
use careagents_agent_platform::{LogLevel, Platform, Severity, Verdict};
use serde_json::json;

use crate::{Ctx, Failure};

/// Lower-case severity name as stored.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
        Severity::Critical => "critical",
    }
}

/// Records a refused input and builds the 403. `session_id` is the live session the request
/// named, if any; its violation count goes up.
pub fn refuse_input(
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
    session_id: Option<&str>,
    verdict: &Verdict,
    stage: &str,
) -> Failure {
    let codes = violation_codes(verdict);
    record(ctx, platform, session_id, verdict, stage);
    let mut ended = false;
    if let Some(id) = session_id {
        if let Ok((_, e)) = crate::sessions::record_violation(platform, id) {
            ended = e;
        }
    }
    platform.telemetry().blocked_request();
    let mut err = ErrorBody::new(
        403,
        "AI_SECURITY_VIOLATION",
        "Your message was blocked by our security checks. Please rephrase your question.",
    )
    .with_violations(codes);
    if ended {
        err.error =
            "Your message was blocked by our security checks, and this session has been ended."
                .to_owned();
    }
    err.into()
}

/// Writes one `ai_agent_security_events` row per finding and reports them to telemetry.
pub fn record(
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
    session_id: Option<&str>,
    verdict: &Verdict,
    stage: &str,
) {
    ctx.metric_label = "SECURITY_VIOLATION".to_owned();
    let mut findings = verdict.findings.clone();
    if findings.is_empty() {
        return;
    }
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in &findings {
        platform
            .telemetry()
            .security_violation(f.violation, f.severity);
        let details = json!({
            "stage": stage,
            "riskScore": verdict.risk_score,
            "explanation": f.explanation,
            "span": f.span.map(|s| json!({"start": s.start, "end": s.end})),
            "requestId": ctx.request_id,
        });
        // Losing an audit row must not turn a refusal into a 503; the refusal stands.
        if let Err(e) = crate::store::security_event(
            platform,
            session_id,
            f.violation.code(),
            severity_name(f.severity),
            Some(&f.rule_id),
            &ctx.client_key,
            &details,
        ) {
            platform.log(LogLevel::Warn, &format!("security event not stored: {e}"));
        }
    }
}
