//! Override, role and payload attacks in other European languages, and ordinary questions in
//! those languages, judged by the shipped engine. Never trained on: the classifier learnt from
//! mostly English rows, so these show what the multilingual lexicon carries on its own.

use careagents_guardrails::eval::misjudged;
use careagents_guardrails::{check_input, AgentKind, InputContext};

#[test]
fn held_out_multilingual_cases() {
    let rows =
        careagents_guardrails::train::parse_jsonl(include_str!("data/multilingual-holdout.jsonl"))
            .unwrap();
    assert!(rows.len() >= 40);
    let ctx = InputContext {
        agent: AgentKind::Public,
        tenant_id: None,
        max_chars: 5_000,
    };
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|r| misjudged(r, &check_input(&r.text, &ctx)))
        .collect();
    assert!(
        failures.is_empty(),
        "misclassified multilingual rows:\n{}",
        failures.join("\n")
    );
}
