//! Threshold sweep of the out-of-fold evaluation: for each classifier threshold, overall
//! recall, overall FPR and the worst benign source's FPR (the three figures the `oof` test
//! asserts on). Used to choose `MODEL_THRESHOLD` and the trainer's hyper-parameters:
//!
//! With `GUARD_LOSO=1` the groups are whole sources (leave-one-source-out); `GUARD_LR`,
//! `GUARD_EPOCHS`, `GUARD_L2` and `GUARD_SEED` override the trainer's configuration.
//!
//! ```text
//! cargo run --release -p careagents-guardrails --example tune -- ../shared/datasets/guard-dev.jsonl
//! ```

use careagents_guardrails::check_input_with;
use careagents_guardrails::eval::{context, stratified_folds};
use careagents_guardrails::train::{featurize, parse_jsonl, sample_weight, train_vectors, Config};
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let dev = std::env::args()
        .nth(1)
        .expect("usage: tune <guard-dev.jsonl>");
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut samples = parse_jsonl(&std::fs::read_to_string(&dev).unwrap()).unwrap();
    for f in [
        "tests/data/care-train.jsonl",
        "tests/data/product-train.jsonl",
    ] {
        samples.extend(parse_jsonl(&std::fs::read_to_string(crate_dir.join(f)).unwrap()).unwrap());
    }
    let mut cfg = Config::default();
    let env = |k: &str| std::env::var(k).ok();
    if let Some(v) = env("GUARD_L2") {
        cfg.l2 = v.parse().unwrap();
    }
    if let Some(v) = env("GUARD_EPOCHS") {
        cfg.epochs = v.parse().unwrap();
    }
    if let Some(v) = env("GUARD_LR") {
        cfg.lr = v.parse().unwrap();
    }
    if let Some(v) = env("GUARD_SEED") {
        cfg.seed = v.parse().unwrap();
    }
    let xs = featurize(&samples.iter().map(|s| s.text.as_str()).collect::<Vec<_>>());
    // GUARD_LOSO: groups are sources (leave-one-source-out) instead of 5 stratified folds
    let (folds, k) = if env("GUARD_LOSO").is_some() {
        let names: Vec<&str> = samples
            .iter()
            .map(|s| s.source.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let g = samples
            .iter()
            .map(|s| names.iter().position(|n| *n == s.source).unwrap())
            .collect::<Vec<_>>();
        (g, names.len())
    } else {
        (stratified_folds(&samples, 5, cfg.seed), 5)
    };
    let thresholds = [
        0.4f32, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
    ];
    // per threshold: source -> (attacks, caught, benign, fp)
    let mut tallies: Vec<BTreeMap<String, [usize; 4]>> = vec![BTreeMap::new(); thresholds.len()];
    for f in 0..k {
        let train: Vec<usize> = (0..samples.len()).filter(|&i| folds[i] != f).collect();
        let x: Vec<&[(u32, f32)]> = train.iter().map(|&i| xs[i].as_slice()).collect();
        let y: Vec<bool> = train.iter().map(|&i| samples[i].attack()).collect();
        let sw: Vec<f32> = train.iter().map(|&i| sample_weight(&samples[i])).collect();
        let mut model = train_vectors(&x, &y, &sw, &cfg).model();
        for (ti, &t) in thresholds.iter().enumerate() {
            model.threshold = t;
            for i in (0..samples.len()).filter(|&i| folds[i] == f) {
                let s = &samples[i];
                let blocked = !check_input_with(&s.text, &context(s), &model).allowed;
                let e = tallies[ti].entry(s.source.clone()).or_default();
                if s.attack() {
                    e[0] += 1;
                    e[1] += usize::from(blocked);
                } else {
                    e[2] += 1;
                    e[3] += usize::from(blocked);
                }
            }
        }
    }
    println!("{cfg:?}");
    println!("thresh  recall    fpr  worst-benign-source  deepset-recall");
    for (ti, t) in thresholds.iter().enumerate() {
        let (mut a, mut c, mut b, mut fp) = (0, 0, 0, 0);
        let mut worst = (0.0f64, String::new());
        for (src, e) in &tallies[ti] {
            a += e[0];
            c += e[1];
            b += e[2];
            fp += e[3];
            if e[2] > 0 {
                let r = e[3] as f64 / e[2] as f64;
                if r > worst.0 {
                    worst = (r, src.clone());
                }
            }
        }
        let ds = tallies[ti]["deepset/prompt-injections"];
        println!(
            "{t:.2}  {:6.2}% {:5.2}%  {:5.2}% {:<20} {:6.2}%",
            100.0 * c as f64 / a as f64,
            100.0 * fp as f64 / b as f64,
            100.0 * worst.0,
            worst.1.split('/').next().unwrap_or(""),
            100.0 * ds[1] as f64 / ds[0] as f64
        );
    }
}
