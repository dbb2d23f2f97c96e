//! Rows the public agent writes besides sessions: conversation turns, analytics, leads,
//! feedback, action clicks and security events. Every row is public (`tenant_id` NULL).

use careagents_agent_platform::{DbError, Platform, Value};
use serde_json::Value as Json;

/// One analytics event (`response` per answer, `action` per clicked suggestion).
#[derive(Debug, Clone, Default)]
pub struct AnalyticsRow<'a> {
    /// Session, if any.
    pub session_id: Option<&'a str>,
    /// Response the event belongs to.
    pub response_id: Option<&'a str>,
    /// `response` or `action`.
    pub event_type: &'a str,
    /// Client's inquiryType.
    pub inquiry_type: Option<&'a str>,
    /// Detected intent.
    pub intent: Option<&'a str>,
    /// Confidence.
    pub confidence: Option<f64>,
    /// Processing time.
    pub response_time_ms: Option<f64>,
    /// Escalated to a person.
    pub escalated: Option<bool>,
    /// Anything else.
    pub details: Json,
}

/// Writes an analytics row.
pub fn analytics(platform: &mut dyn Platform, row: &AnalyticsRow<'_>) -> Result<(), DbError> {
    platform.execute(
        "INSERT INTO ai_agent_analytics (tenant_id, session_id, response_id, agent_type, event_type, inquiry_type, intent, \
                                         confidence, response_time_ms, escalated, details) \
         VALUES (NULL, $1::text, $2::text, 'public', $3::text, $4::text, $5::text, $6::float8, $7::float8, $8::bool, $9::jsonb)",
        &[
            row.session_id.into(),
            row.response_id.into(),
            row.event_type.into(),
            row.inquiry_type.into(),
            row.intent.into(),
            row.confidence.into(),
            row.response_time_ms.into(),
            row.escalated.into(),
            Value::Json(row.details.to_string()),
        ],
    )?;
    Ok(())
}

/// A prospect's contact details, stored only with explicit consent.
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    /// Name.
    pub name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Organisation.
    pub organization: Option<String>,
}

/// One answered inquiry: both conversation turns (public turns are plain text; the user's turn
/// PII-redacted when the guard found any), the lead when there is one, and the analytics row.
#[derive(Debug, Clone)]
pub struct Exchange<'a> {
    /// Session.
    pub session_id: &'a str,
    /// `pub_ai_...`.
    pub response_id: &'a str,
    /// The user's message as stored.
    pub user_text: &'a str,
    /// The answer.
    pub answer: &'a str,
    /// Metadata of the assistant's turn.
    pub turn_metadata: Json,
    /// Contact details, only with consent.
    pub lead: Option<&'a Lead>,
    /// Context stored with the lead.
    pub lead_details: Json,
    /// The `response` analytics row.
    pub analytics: AnalyticsRow<'a>,
}

/// Writes an [`Exchange`] in one statement (data-modifying CTEs): all rows or none.
/// The leads table refuses rows without consent anyway (`CHECK (consent)`).
pub fn record_exchange(platform: &mut dyn Platform, x: &Exchange<'_>) -> Result<(), DbError> {
    let lead = x.lead;
    let a = &x.analytics;
    platform.execute(
        "WITH turns AS ( \
             INSERT INTO ai_agent_conversations (session_id, tenant_id, role, content, response_id, metadata) \
             VALUES ($1::text, NULL, 'user', $2::text, $4::text, '{}'::jsonb), \
                    ($1::text, NULL, 'assistant', $3::text, $4::text, $5::jsonb) \
             RETURNING 1), \
         lead AS ( \
             INSERT INTO ai_agent_leads (tenant_id, session_id, name, email, phone, organization, consent, details) \
             SELECT NULL, $1::text, $6::text, $7::text, $8::text, $9::text, true, $10::jsonb WHERE $11::bool \
             RETURNING 1) \
         INSERT INTO ai_agent_analytics (tenant_id, session_id, response_id, agent_type, event_type, inquiry_type, \
                                         intent, confidence, response_time_ms, escalated, details) \
         VALUES (NULL, $1::text, $4::text, 'public', $12::text, $13::text, $14::text, $15::float8, $16::float8, \
                 $17::bool, $18::jsonb)",
        &[
            Value::Text(x.session_id.to_owned()),
            Value::Text(x.user_text.to_owned()),
            Value::Text(x.answer.to_owned()),
            Value::Text(x.response_id.to_owned()),
            Value::Json(x.turn_metadata.to_string()),
            lead.and_then(|l| l.name.clone()).into(),
            lead.and_then(|l| l.email.clone()).into(),
            lead.and_then(|l| l.phone.clone()).into(),
            lead.and_then(|l| l.organization.clone()).into(),
            Value::Json(x.lead_details.to_string()),
            Value::Bool(lead.is_some()),
            a.event_type.into(),
            a.inquiry_type.into(),
            a.intent.into(),
            a.confidence.into(),
            a.response_time_ms.into(),
            a.escalated.into(),
            Value::Json(a.details.to_string()),
        ],
    )?;
    Ok(())
}

/// Stores feedback on an answer.
pub fn feedback(
    platform: &mut dyn Platform,
    session_id: &str,
    response_id: Option<&str>,
    helpful: bool,
    rating: Option<i64>,
    comments: Option<&str>,
) -> Result<(), DbError> {
    platform.execute(
        "INSERT INTO ai_agent_feedback (tenant_id, session_id, response_id, helpful, rating, comments) \
         VALUES (NULL, $1::text, $2::text, $3::bool, $4::int8::smallint, $5::text)",
        &[
            Value::Text(session_id.to_owned()),
            response_id.into(),
            Value::Bool(helpful),
            rating.into(),
            comments.into(),
        ],
    )?;
    Ok(())
}

/// One refused request, for the security team (no message text is stored: it may be an
/// attack payload or personal data; the rule ids and spans say what fired).
pub fn security_event(
    platform: &mut dyn Platform,
    session_id: Option<&str>,
    violation: &str,
    severity: &str,
    rule_id: Option<&str>,
    client_key: &str,
    details: &Json,
) -> Result<(), DbError> {
    platform.execute(
        "INSERT INTO ai_agent_security_events (tenant_id, session_id, agent_type, violation, severity, rule_id, client_key, details) \
         VALUES (NULL, $1::text, 'public', $2::text, $3::text, $4::text, $5::text, $6::jsonb)",
        &[
            session_id.into(),
            violation.into(),
            severity.into(),
            rule_id.into(),
            client_key.into(),
            Value::Json(details.to_string()),
        ],
    )?;
    Ok(())
}
