//! Prints the out-of-fold, leave-one-source-out and rules-only reports (the same figures the
//! `oof` test asserts on), faster in release:
//!
//! ```text
//! cargo run --release -p careagents-guardrails --example oof -- ../shared/datasets/guard-dev.jsonl
//! ```

use careagents_guardrails::eval::{leave_one_source_out, out_of_fold, rules_only};
use careagents_guardrails::train::is_blind_source;

#[path = "shared/env_config.rs"]
mod env_config;

fn main() {
    let dev = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: oof <guard-dev.jsonl>");
        std::process::exit(2)
    });
    let samples = careagents_guardrails::train::training_rows(&dev).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let cfg = env_config::config_from_env();
    if std::env::var("GUARD_OOF_ONLY").is_ok() {
        println!(
            "{:?}\n{}",
            cfg,
            out_of_fold(&samples, 5, &cfg)
                .restricted(|name| !is_blind_source(name))
                .to_text("oof")
        );
        return;
    }
    // every row (attack or not) on which a rule whose id starts with the given prefix fired:
    // what a new rule costs in false alarms before the classifier weighs in
    if let Ok(prefix) = std::env::var("GUARD_RULE") {
        for r in careagents_guardrails::eval::out_of_fold_rows(&samples, 5, &cfg) {
            let s = &samples[r.index];
            if r.verdict
                .findings
                .iter()
                .any(|f| f.rule_id.starts_with(&prefix))
            {
                let text: String = s.text.chars().take(150).collect();
                println!(
                    "{:9} {:7} p={:.2} {} | {}",
                    s.label,
                    if r.blocked { "blocked" } else { "allowed" },
                    r.verdict.risk_score,
                    s.source,
                    text.replace('\n', " ")
                );
            }
        }
        return;
    }
    if let Ok(filter) = std::env::var("GUARD_ERRORS") {
        let rows = if std::env::var("GUARD_LOSO").is_ok() {
            careagents_guardrails::eval::leave_one_source_out_rows(&samples, &cfg)
        } else {
            careagents_guardrails::eval::out_of_fold_rows(&samples, 5, &cfg)
        };
        for r in rows {
            let s = &samples[r.index];
            if s.source.contains(&filter) && r.blocked != s.attack() {
                let ids: Vec<String> = r
                    .verdict
                    .findings
                    .iter()
                    .map(|f| format!("{}:{:?}", f.rule_id, f.severity))
                    .collect();
                let text: String = s.text.chars().take(160).collect();
                println!(
                    "{} risk={:.2} {:?} | {}",
                    s.label,
                    r.verdict.risk_score,
                    ids,
                    text.replace('\n', " ")
                );
            }
        }
        return;
    }
    // the gate's rows (development set and our own), then the blind sets trained beside them
    let gated = |name: &str| !is_blind_source(name);
    let oof = out_of_fold(&samples, 5, &cfg);
    println!(
        "{}",
        oof.restricted(gated)
            .to_text("5-fold out-of-fold (stratified by source, label)")
    );
    println!(
        "{}",
        oof.restricted(is_blind_source)
            .to_text("5-fold out-of-fold, blind sets trained on (not gated)")
    );
    println!(
        "{}",
        leave_one_source_out(&samples, &cfg)
            .restricted(gated)
            .to_text("leave-one-source-out")
    );
    println!(
        "{}",
        rules_only(&samples)
            .restricted(gated)
            .to_text("rules only (no classifier)")
    );
}

/// `GUARD_ERRORS=<source substring>` lists that source's out-of-fold errors (error analysis).
#[allow(dead_code)]
fn _doc() {}
