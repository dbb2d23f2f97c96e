//! Value, error and enum conversions between the pipeline's types, Spin's `pg4` and the WIT
//! guardrail types (the conventions are documented in `careagents_agent_platform::value`).

use crate::bindings::careagents::agents::types as wit;
use careagents_agent_platform::{
    AgentKind, DbError, Finding, Severity, Span, Value, Verdict, Violation,
};
use spin_sdk::pg4::{DbValue, ParameterValue, PgError, QueryError};

pub fn params(values: &[Value]) -> Vec<ParameterValue> {
    values
        .iter()
        .map(|v| match v {
            Value::Null => ParameterValue::DbNull,
            Value::Bool(b) => ParameterValue::Boolean(*b),
            Value::Int(i) => ParameterValue::Int64(*i),
            Value::Float(f) => ParameterValue::Floating64(*f),
            Value::Text(s) => ParameterValue::Str(s.clone()),
            Value::Bytes(b) => ParameterValue::Binary(b.clone()),
            Value::Json(s) => ParameterValue::Jsonb(s.as_bytes().to_vec()),
        })
        .collect()
}

pub fn value(v: DbValue) -> Value {
    match v {
        DbValue::Boolean(b) => Value::Bool(b),
        DbValue::Int8(i) => Value::Int(i.into()),
        DbValue::Int16(i) => Value::Int(i.into()),
        DbValue::Int32(i) => Value::Int(i.into()),
        DbValue::Int64(i) => Value::Int(i),
        DbValue::Floating32(f) => Value::Float(f.into()),
        DbValue::Floating64(f) => Value::Float(f),
        DbValue::Str(s) | DbValue::Decimal(s) | DbValue::Uuid(s) => Value::Text(s),
        DbValue::Binary(b) => Value::Bytes(b),
        DbValue::Jsonb(b) => Value::Json(String::from_utf8_lossy(&b).into_owned()),
        DbValue::Timestamp(t) => Value::Int(t * 1000),
        _ => Value::Null,
    }
}

pub fn pg_error_text(e: &PgError) -> String {
    match e {
        PgError::ConnectionFailed(m) => format!("connection failed: {m}"),
        PgError::BadParameter(m) => format!("bad parameter: {m}"),
        PgError::QueryFailed(QueryError::Text(m)) => m.clone(),
        PgError::QueryFailed(QueryError::DbError(d)) => d.as_text.clone(),
        PgError::ValueConversionFailed(m) => format!("value conversion failed: {m}"),
        PgError::Other(m) => m.clone(),
    }
}

pub fn db_error(e: &PgError) -> DbError {
    let code = match e {
        PgError::QueryFailed(QueryError::DbError(d)) => Some(d.code.clone()),
        _ => None,
    };
    DbError {
        code,
        message: pg_error_text(e),
    }
}

pub fn agent(a: AgentKind) -> wit::AgentKind {
    match a {
        AgentKind::Public => wit::AgentKind::Public,
        AgentKind::Tenant => wit::AgentKind::Tenant,
    }
}

pub fn violation_to_wit(v: Violation) -> wit::Violation {
    match v {
        Violation::PromptInjection => wit::Violation::PromptInjection,
        Violation::RoleManipulation => wit::Violation::RoleManipulation,
        Violation::DataExtraction => wit::Violation::DataExtraction,
        Violation::SystemPromptExtraction => wit::Violation::SystemPromptExtraction,
        Violation::MaliciousContent => wit::Violation::MaliciousContent,
        Violation::OversizedInput => wit::Violation::OversizedInput,
        Violation::ExcessiveNesting => wit::Violation::ExcessiveNesting,
        Violation::EncodingObfuscation => wit::Violation::EncodingObfuscation,
        Violation::CrossTenantReference => wit::Violation::CrossTenantReference,
        Violation::PiiDetected => wit::Violation::PiiDetected,
    }
}

fn violation_from_wit(v: wit::Violation) -> Violation {
    match v {
        wit::Violation::PromptInjection => Violation::PromptInjection,
        wit::Violation::RoleManipulation => Violation::RoleManipulation,
        wit::Violation::DataExtraction => Violation::DataExtraction,
        wit::Violation::SystemPromptExtraction => Violation::SystemPromptExtraction,
        wit::Violation::MaliciousContent => Violation::MaliciousContent,
        wit::Violation::OversizedInput => Violation::OversizedInput,
        wit::Violation::ExcessiveNesting => Violation::ExcessiveNesting,
        wit::Violation::EncodingObfuscation => Violation::EncodingObfuscation,
        wit::Violation::CrossTenantReference => Violation::CrossTenantReference,
        wit::Violation::PiiDetected => Violation::PiiDetected,
    }
}

pub fn severity_to_wit(s: Severity) -> wit::Severity {
    match s {
        Severity::Low => wit::Severity::Low,
        Severity::Medium => wit::Severity::Medium,
        Severity::High => wit::Severity::High,
        Severity::Critical => wit::Severity::Critical,
    }
}

fn severity_from_wit(s: wit::Severity) -> Severity {
    match s {
        wit::Severity::Low => Severity::Low,
        wit::Severity::Medium => Severity::Medium,
        wit::Severity::High => Severity::High,
        wit::Severity::Critical => Severity::Critical,
    }
}

pub fn verdict(v: wit::Verdict) -> Verdict {
    Verdict {
        allowed: v.allowed,
        risk_score: v.risk_score,
        findings: v
            .findings
            .into_iter()
            .map(|f| Finding {
                violation: violation_from_wit(f.violation),
                rule_id: f.rule_id,
                span: f.span.map(|s| Span {
                    start: s.start,
                    end: s.end,
                }),
                severity: severity_from_wit(f.severity),
                explanation: f.explanation,
            })
            .collect(),
        redacted: v.redacted,
    }
}
