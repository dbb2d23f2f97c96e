//! The smaller public routes: knowledge-base statistics, health, feedback, action clicks.

use careagents_agent_platform::http::{success_body, ErrorBody};
use careagents_agent_platform::time::rfc3339_ms;
use careagents_agent_platform::{AgentKind, Guard, InputContext, Platform, Request, Response};
use serde_json::json;

use crate::store::{self, AnalyticsRow};
use crate::{body, security, sessions, Ctx, Failure, SERVICE, VERSION};

/// GET /public/knowledge-base: counts of the public knowledge base, from the database.
pub fn knowledge_base(ctx: &mut Ctx, platform: &mut dyn Platform) -> Result<Response, Failure> {
    ctx.metric_label = "KNOWLEDGE_BASE".to_owned();
    let rows = platform.query(
        "SELECT count(*)::int8, count(*) FILTER (WHERE type = 'FAQ')::int8, \
                count(*) FILTER (WHERE type = 'FEATURE')::int8, count(*) FILTER (WHERE type = 'CASE_STUDY')::int8, \
                count(*) FILTER (WHERE type = 'GUIDE')::int8, count(*) FILTER (WHERE type = 'PRICING')::int8, \
                (extract(epoch FROM max(updated_at)) * 1000)::int8 \
         FROM kb_articles WHERE tenant_id IS NULL",
        &[],
    )?;
    let r = rows.first().cloned().unwrap_or_default();
    let data = json!({
        "totalArticles": r.i64(0).unwrap_or(0),
        "totalFaqs": r.i64(1).unwrap_or(0),
        "totalFeatures": r.i64(2).unwrap_or(0),
        "totalCaseStudies": r.i64(3).unwrap_or(0),
        "totalGuides": r.i64(4).unwrap_or(0),
        "totalPricingPlans": r.i64(5).unwrap_or(0),
        "lastUpdated": r.i64(6).map(rfc3339_ms),
    });
    Ok(Response::json(
        200,
        &success_body(data, None, platform.now_ms(), &[]),
    ))
}

/// GET /public/health: 200 healthy, or 503 naming the failing check.
pub fn health(_ctx: &Ctx, platform: &mut dyn Platform) -> Response {
    let db_ok = platform
        .query("SELECT 1", &[])
        .is_ok_and(|r| r.first().and_then(|row| row.i64(0)) == Some(1));
    let kb = if db_ok {
        platform
            .query(
                "SELECT count(*)::int8 FROM kb_articles WHERE tenant_id IS NULL",
                &[],
            )
            .ok()
            .and_then(|r| r.first().and_then(|row| row.i64(0)))
    } else {
        None
    };
    let status = if db_ok { "healthy" } else { "unhealthy" };
    let body = json!({
        "status": status,
        "service": SERVICE,
        "version": VERSION,
        "timestamp": rfc3339_ms(platform.now_ms()),
        "checks": {
            "database": if db_ok { "healthy" } else { "unhealthy" },
            "knowledgeBase": match kb { Some(n) if n > 0 => "healthy", Some(_) => "empty", None => "unknown" },
            "knowledgeBaseArticles": kb,
        }
    });
    Response::json(if db_ok { 200 } else { 503 }, &body)
}

/// POST /public/feedback: `{sessionId, responseId, helpful, rating?, comments?}` -> 202.
pub fn feedback(
    req: &Request,
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
    guard: &dyn Guard,
) -> Result<Response, Failure> {
    ctx.metric_label = "FEEDBACK".to_owned();
    let obj = body::parse_object(&req.body)?;
    let session_id = body::opt_str(&obj, "sessionId", 100)
        .ok_or_else(|| ErrorBody::new(400, "INVALID_REQUEST", "sessionId is required."))?;
    let helpful = obj
        .get("helpful")
        .and_then(|v| v.as_bool())
        .ok_or_else(|| ErrorBody::new(400, "INVALID_REQUEST", "helpful must be true or false."))?;
    let rating = match obj.get("rating") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => match v.as_i64() {
            Some(r @ 1..=5) => Some(r),
            _ => {
                return Err(ErrorBody::new(
                    400,
                    "INVALID_REQUEST",
                    "rating must be a whole number from 1 to 5.",
                )
                .into())
            }
        },
    };
    let response_id = body::opt_str(&obj, "responseId", 100);
    let comments = body::opt_str(&obj, "comments", 2000);
    if !sessions::exists(platform, &session_id)? {
        return Err(
            ErrorBody::new(404, "SESSION_NOT_FOUND", "We could not find that session.").into(),
        );
    }
    // Comments are stored and read by staff later: they pass the same input guard.
    let stored_comments = match &comments {
        Some(c) => {
            let v = guard.check_input(
                c,
                &InputContext {
                    agent: AgentKind::Public,
                    tenant_id: None,
                    max_chars: 2000,
                },
            );
            if !v.allowed {
                return Err(security::refuse_input(
                    ctx,
                    platform,
                    Some(&session_id),
                    &v,
                    "feedback",
                ));
            }
            Some(v.redacted.unwrap_or_else(|| c.clone()))
        }
        None => None,
    };
    store::feedback(
        platform,
        &session_id,
        response_id.as_deref(),
        helpful,
        rating,
        stored_comments.as_deref(),
    )?;
    let data = json!({"recorded": true, "responseId": response_id});
    Ok(Response::json(
        202,
        &success_body(data, Some(&session_id), platform.now_ms(), &[]),
    ))
}

/// POST /public/actions: `{sessionId, actionType, actionLabel}` -> 202, an `action` analytics row.
pub fn actions(
    req: &Request,
    ctx: &mut Ctx,
    platform: &mut dyn Platform,
) -> Result<Response, Failure> {
    ctx.metric_label = "ACTION".to_owned();
    let obj = body::parse_object(&req.body)?;
    let action_type = body::opt_str(&obj, "actionType", 40)
        .filter(|t| t.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'))
        .ok_or_else(|| {
            ErrorBody::new(
                400,
                "INVALID_REQUEST",
                "actionType is required (for example SCHEDULE_DEMO).",
            )
        })?;
    let label = body::opt_str(&obj, "actionLabel", 200);
    let session_id = body::opt_str(&obj, "sessionId", 100).filter(|s| sessions::is_session_id(s));
    let response_id = body::opt_str(&obj, "responseId", 100);
    store::analytics(
        platform,
        &AnalyticsRow {
            session_id: session_id.as_deref(),
            response_id: response_id.as_deref(),
            event_type: "action",
            details: json!({"actionType": action_type, "actionLabel": label}),
            ..Default::default()
        },
    )?;
    let data = json!({"recorded": true, "actionType": action_type});
    Ok(Response::json(
        202,
        &success_body(data, session_id.as_deref(), platform.now_ms(), &[]),
    ))
}
