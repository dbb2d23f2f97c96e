//! One line per row of a labelled JSONL file: label, the shipped engine's verdict in the
//! public agent's context (or a tenant's), the classifier's probability and the text. Diff two builds'
//! outputs to see which rows a change moved:
//! `cargo run --release -p careagents-guardrails --example verdicts -- <file.jsonl>`.
//! With `--json` each line is `{"text", "label", "refused", "p"}` with the whole text, for
//! scripts that keep the held-out tests' lists of known mistakes. With `--tenant <id>` the
//! rows are judged in the tenant agent's context for that caller, where claimed offices,
//! other tenants' ids and resident ids read differently.

use careagents_guardrails::{check_input, model, AgentKind, InputContext};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .expect("usage: verdicts <file.jsonl> [--json] [--tenant <id>]");
    let json = args.iter().any(|a| a == "--json");
    let tenant = args
        .iter()
        .position(|a| a == "--tenant")
        .and_then(|i| args.get(i + 1).cloned());
    let text = std::fs::read_to_string(path).expect("read file");
    let rows = careagents_guardrails::train::parse_jsonl(&text).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let shipped = model::shipped();
    let ctx = InputContext {
        agent: if tenant.is_some() {
            AgentKind::Tenant
        } else {
            AgentKind::Public
        },
        tenant_id: tenant.as_deref(),
        max_chars: 5_000,
    };
    for r in rows {
        let blocked = !check_input(&r.text, &ctx).allowed;
        if json {
            println!(
                "{}",
                serde_json::json!({
                    "text": r.text,
                    "label": r.label,
                    "refused": blocked,
                    "p": shipped.probability(&r.text),
                })
            );
            continue;
        }
        let right = blocked == r.attack();
        let snippet: String = r.text.chars().take(140).collect();
        println!(
            "{} {:9} {:7} p={:.2} | {}",
            if right { " " } else { "X" },
            r.label,
            if blocked { "refused" } else { "passed" },
            shipped.probability(&r.text),
            snippet.replace('\n', " ")
        );
    }
}
