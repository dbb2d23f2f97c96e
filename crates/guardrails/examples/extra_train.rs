//! Whether more of our own rows in training helps on sets it did not see: trains the shipped
//! configuration with seeds `1..=GUARD_SEEDS` (default 5) on the development set, our training
//! rows and the files named by `GUARD_EXTRA_FILES` (comma-separated names under `tests/data`,
//! each row repeated `GUARD_EXTRA_WEIGHT` times, default 1), then scores every file of `GUARD_EVAL`
//! (comma-separated paths) with the whole engine (rules + that classifier). Rows whose source
//! is in `GUARD_EXCLUDE` (comma-separated; `blind` for all of `train::BLIND_TRAINING_FILES`) are
//! left out of training first, so a blind set the
//! shipped model trains on can be scored by one that never saw it. With neither it is the
//! shipped configuration, the reference to read beside it.
//!
//! ```text
//! GUARD_EXCLUDE=thirteenth-holdout GUARD_EVAL=crates/guardrails/tests/data/thirteenth-holdout.jsonl \
//!   cargo run --release -p careagents-guardrails --example extra_train -- ../shared/datasets/guard-dev.jsonl
//! ```

use careagents_guardrails::eval::evaluate;

#[path = "shared/env_config.rs"]
mod env_config;
use careagents_guardrails::train::{
    is_blind_source, parse_jsonl, train, training_rows, Config, Sample,
};

fn list(var: &str) -> Vec<String> {
    std::env::var(var)
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn read(path: &str) -> Vec<Sample> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse_jsonl(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let dev = std::env::args()
        .nth(1)
        .expect("usage: extra_train <guard-dev.jsonl>");
    let mut samples = training_rows(&dev).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let exclude = list("GUARD_EXCLUDE");
    // "blind" stands for every blind set trained on (the configuration before they were)
    let all_blind = exclude.iter().any(|e| e == "blind");
    let left_out =
        |s: &Sample| exclude.contains(&s.source) || (all_blind && is_blind_source(&s.source));
    samples.retain(|s| !left_out(s));
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let weight: usize = std::env::var("GUARD_EXTRA_WEIGHT")
        .ok()
        .map_or(1, |v| v.parse().expect("GUARD_EXTRA_WEIGHT"));
    let mut extra = 0;
    for name in list("GUARD_EXTRA_FILES") {
        let rows = read(&format!("{data}/{name}"));
        extra += rows.len();
        for _ in 0..weight {
            samples.extend(rows.iter().cloned());
        }
    }
    let seeds: u64 = std::env::var("GUARD_SEEDS")
        .ok()
        .map_or(5, |v| v.parse().expect("GUARD_SEEDS"));
    let evals: Vec<(String, Vec<Sample>)> = list("GUARD_EVAL")
        .into_iter()
        .map(|p| {
            let rows = read(&p);
            (p, rows)
        })
        .collect();
    println!("{} training rows ({extra} extra, x{weight})", samples.len());
    let mut sums = vec![(0usize, 0usize); evals.len()];
    for seed in 1..=seeds {
        let cfg = Config {
            seed,
            ..env_config::config_from_env()
        };
        let mut model = train(&samples, &cfg).model();
        if let Ok(t) = std::env::var("GUARD_THRESHOLD") {
            model.threshold = t.parse().expect("GUARD_THRESHOLD");
        }
        for (k, (name, rows)) in evals.iter().enumerate() {
            let r = evaluate(rows, &model);
            let missed = r.overall.attacks - r.overall.caught;
            sums[k].0 += missed;
            sums[k].1 += r.overall.false_positives;
            println!(
                "seed {seed} {name}: attacks let through {missed}/{}, ordinary refused {}/{}",
                r.overall.attacks, r.overall.false_positives, r.overall.benign
            );
        }
    }
    for (k, (name, _)) in evals.iter().enumerate() {
        println!(
            "mean {name}: attacks let through {:.1}, ordinary refused {:.1}",
            sums[k].0 as f64 / seeds as f64,
            sums[k].1 as f64 / seeds as f64
        );
    }
}
