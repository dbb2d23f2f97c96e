//! TEMPORARY stand-in for the `careagents-guardrails` types until that crate lands.
#![allow(missing_docs)]

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Violation {
    PromptInjection,
    RoleManipulation,
    DataExtraction,
    SystemPromptExtraction,
    MaliciousContent,
    OversizedInput,
    ExcessiveNesting,
    EncodingObfuscation,
    CrossTenantReference,
    PiiDetected,
}

impl Violation {
    pub fn code(&self) -> &'static str {
        match self {
            Violation::PromptInjection => "PROMPT_INJECTION",
            Violation::RoleManipulation => "ROLE_MANIPULATION",
            Violation::DataExtraction => "DATA_EXTRACTION",
            Violation::SystemPromptExtraction => "SYSTEM_PROMPT_EXTRACTION",
            Violation::MaliciousContent => "MALICIOUS_CONTENT",
            Violation::OversizedInput => "OVERSIZED_INPUT",
            Violation::ExcessiveNesting => "EXCESSIVE_NESTING",
            Violation::EncodingObfuscation => "ENCODING_OBFUSCATION",
            Violation::CrossTenantReference => "CROSS_TENANT_REFERENCE",
            Violation::PiiDetected => "PII_DETECTED",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentKind {
    Public,
    Tenant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub violation: Violation,
    pub rule_id: String,
    pub span: Option<Span>,
    pub severity: Severity,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub allowed: bool,
    pub risk_score: f32,
    pub findings: Vec<Finding>,
    pub redacted: Option<String>,
}

#[derive(Debug, Clone, Copy)]
pub struct InputContext<'a> {
    pub agent: AgentKind,
    pub tenant_id: Option<&'a str>,
    pub max_chars: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct OutputContext<'a> {
    pub agent: AgentKind,
    pub tenant_id: Option<&'a str>,
    pub canary: Option<&'a str>,
}
