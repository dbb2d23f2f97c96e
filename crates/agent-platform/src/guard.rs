//! The guard in front of every agent: the pipeline's view of the guardrails.
//!
//! In a component the guard is the imported `careagents:agents/guardrails` interface (a separate
//! component); natively it is the `careagents-guardrails` library. Both speak the same types, so
//! the pipelines see one [`Guard`] trait and never know which one they got.

pub use careagents_guardrails::{
    AgentKind, Finding, InputContext, OutputContext, Severity, Span, Verdict, Violation,
};

/// Checks text on its way in (a user message) and on its way out (an answer).
pub trait Guard {
    /// Checks a user message before anything is retrieved for it.
    fn check_input(&self, text: &str, ctx: &InputContext<'_>) -> Verdict;
    /// Checks an answer before it is sent.
    fn check_output(&self, text: &str, ctx: &OutputContext<'_>) -> Verdict;
}

/// The guardrails library called in-process: what native tests and the Cloudflare worker use.
#[derive(Debug, Clone, Copy, Default)]
pub struct NativeGuard;

impl Guard for NativeGuard {
    fn check_input(&self, text: &str, ctx: &InputContext<'_>) -> Verdict {
        careagents_guardrails::check_input(text, ctx)
    }
    fn check_output(&self, text: &str, ctx: &OutputContext<'_>) -> Verdict {
        careagents_guardrails::check_output(text, ctx)
    }
}

/// Upper-case contract names of the violations that made `verdict` (blocking ones first):
/// what goes into the `violations` array of a 403 `AI_SECURITY_VIOLATION`. Falls back to every
/// finding's code so a refusal never comes without a reason.
pub fn violation_codes(verdict: &Verdict) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = verdict.violations().iter().map(|v| v.code()).collect();
    if out.is_empty() {
        for f in &verdict.findings {
            let c = f.violation.code();
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}
