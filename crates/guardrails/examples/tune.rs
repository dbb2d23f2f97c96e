//! Threshold sweep of the out-of-fold evaluation: for each classifier threshold, overall
//! recall, overall FPR and the worst benign source's FPR (the three figures the `oof` test
//! asserts on, over the same rows: the blind sets trained on are left out of the figures).
//! Used to choose `MODEL_THRESHOLD` and the trainer's hyper-parameters:
//!
//! With `GUARD_LOSO=1` the groups are whole sources (leave-one-source-out); `GUARD_LR`,
//! `GUARD_EPOCHS`, `GUARD_L2` and `GUARD_SEED` override the trainer's configuration.
//!
//! ```text
//! cargo run --release -p careagents-guardrails --example tune -- ../shared/datasets/guard-dev.jsonl
//! ```

use careagents_guardrails::check_input_with;
use careagents_guardrails::eval::{context, source_groups, stratified_folds, train_on, Report};
use careagents_guardrails::train::{featurize, is_blind_source};

#[path = "shared/env_config.rs"]
mod env_config;

fn main() {
    let dev = std::env::args()
        .nth(1)
        .expect("usage: tune <guard-dev.jsonl>");
    let samples = careagents_guardrails::train::training_rows(&dev).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let cfg = env_config::config_from_env();
    let env = |k: &str| std::env::var(k).ok();
    let xs = featurize(&samples.iter().map(|s| s.text.as_str()).collect::<Vec<_>>());
    // GUARD_LOSO: groups are sources (leave-one-source-out) instead of 5 stratified folds
    let (groups, k) = if env("GUARD_LOSO").is_some() {
        source_groups(&samples)
    } else {
        (stratified_folds(&samples, 5, cfg.seed), 5)
    };
    let thresholds = [
        0.4f32, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
    ];
    let mut reports = vec![Report::default(); thresholds.len()];
    for g in 0..k {
        let train: Vec<usize> = (0..samples.len()).filter(|&i| groups[i] != g).collect();
        let mut model = train_on(&samples, &xs, &train, &cfg);
        for (report, &t) in reports.iter_mut().zip(&thresholds) {
            model.threshold = t;
            for s in (0..samples.len())
                .filter(|&i| groups[i] == g)
                .map(|i| &samples[i])
            {
                let blocked = !check_input_with(&s.text, &context(s), &model).allowed;
                report.add(&s.source, s.attack(), blocked, None);
            }
        }
    }
    let pct = |x: Option<f64>| 100.0 * x.unwrap_or(0.0);
    println!("{cfg:?}");
    println!("thresh  recall    fpr  worst-benign-source  deepset-recall");
    for (report, t) in reports.iter().zip(&thresholds) {
        let report = report.restricted(|name| !is_blind_source(name));
        let (worst_source, worst) = report
            .sources
            .iter()
            .filter_map(|(name, m)| Some((name.as_str(), m.fpr()?)))
            .fold(("", 0.0f64), |w, x| if x.1 > w.1 { x } else { w });
        println!(
            "{t:.2}  {:6.2}% {:5.2}%  {:5.2}% {:<20} {:6.2}%",
            pct(report.overall.recall()),
            pct(report.overall.fpr()),
            100.0 * worst,
            worst_source.split('/').next().unwrap_or(""),
            pct(report.sources["deepset/prompt-injections"].recall())
        );
    }
}
