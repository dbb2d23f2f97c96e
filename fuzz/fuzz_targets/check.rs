//! Fuzzes `check_input`, `check_output`, PII redaction and the JSON depth scan with arbitrary
//! bytes: no panic, spans inside the text on character boundaries, risk in `0..=1`.

#![no_main]

use careagents_guardrails::{check_input, check_json_depth, check_output, pii, AgentKind, InputContext, OutputContext, Verdict};
use libfuzzer_sys::fuzz_target;

fn valid(text: &str, v: &Verdict) {
    assert!((0.0..=1.0).contains(&v.risk_score));
    for f in &v.findings {
        if let Some(s) = f.span {
            assert!(s.start <= s.end && s.end as usize <= text.len());
            assert!(text.is_char_boundary(s.start as usize) && text.is_char_boundary(s.end as usize));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = check_json_depth(data, 10);
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ictx = InputContext { agent: AgentKind::Tenant, tenant_id: Some("healthcare-abc123"), max_chars: 10_000 };
    valid(text, &check_input(text, &ictx));
    let octx = OutputContext { agent: AgentKind::Public, tenant_id: None, canary: Some("CANARY-1234") };
    valid(text, &check_output(text, &octx));
    if let Some(r) = pii::redact(text) {
        assert!(!r.is_empty());
    }
});
