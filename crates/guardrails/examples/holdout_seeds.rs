//! Held-out figures across trainer seeds: trains the shipped configuration with seeds
//! `1..=GUARD_SEEDS` (default 5) on the development set plus our training rows, and counts,
//! over every `tests/data/*-holdout.jsonl` file, the attacks let through and the ordinary
//! requests refused. A change of training rows or features moves rows near the threshold
//! both ways from one seed to the next (the SGD order); the mean over seeds says whether it
//! helped, one seed does not. `GUARD_THRESHOLD` overrides the classifier threshold.
//!
//! ```text
//! cargo run --release -p careagents-guardrails --example holdout_seeds -- ../shared/datasets/guard-dev.jsonl
//! ```

use careagents_guardrails::eval::evaluate;
use careagents_guardrails::train::{parse_jsonl, train, training_rows, Config};

fn main() {
    let dev = std::env::args()
        .nth(1)
        .expect("usage: holdout_seeds <guard-dev.jsonl>");
    let samples = training_rows(&dev).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let seeds: u64 = std::env::var("GUARD_SEEDS")
        .ok()
        .map_or(5, |v| v.parse().expect("GUARD_SEEDS"));
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut held_out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(data)
        .expect("tests/data")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with("-holdout.jsonl"))
        .collect();
    names.sort();
    for p in &names {
        let text = std::fs::read_to_string(p).expect("read held-out file");
        held_out.extend(parse_jsonl(&text).expect("held-out rows"));
    }
    let attacks = held_out.iter().filter(|s| s.attack()).count();
    let ordinary = held_out.len() - attacks;
    println!(
        "{} held-out files: {attacks} attacks, {ordinary} ordinary requests",
        names.len()
    );
    let (mut missed_sum, mut refused_sum) = (0usize, 0usize);
    for seed in 1..=seeds {
        let cfg = Config {
            seed,
            ..Config::default()
        };
        let mut model = train(&samples, &cfg).model();
        if let Ok(t) = std::env::var("GUARD_THRESHOLD") {
            model.threshold = t.parse().expect("GUARD_THRESHOLD");
        }
        let r = evaluate(&held_out, &model);
        let missed = r.overall.attacks - r.overall.caught;
        let refused = r.overall.false_positives;
        missed_sum += missed;
        refused_sum += refused;
        println!("seed {seed}: attacks let through {missed:3}, ordinary refused {refused:3}");
    }
    println!(
        "mean over {seeds} seeds: attacks let through {:.1}, ordinary refused {:.1}",
        missed_sum as f64 / seeds as f64,
        refused_sum as f64 / seeds as f64
    );
}
