//! Out-of-fold regression test: the rules + classifier combination judged on rows the
//! classifier never saw. Trains 5 fold models (and one per left-out source) from the
//! development set, `../shared/datasets/guard-dev.jsonl` relative to the workspace root, plus
//! our own `tests/data/*-train.jsonl` rows (`train::OWN_TRAINING_FILES`) and the blind sets
//! that are no longer evidence (`train::BLIND_TRAINING_FILES`). The blind rows are in every
//! fold's training data and are scored out of fold like the others, but the gate judges the
//! development set and our own rows only: the blind sets are the hardest rows we have, kept
//! for what they teach, and their figures are printed beside the gate's.

use careagents_guardrails::eval::{leave_one_source_out, out_of_fold};
use careagents_guardrails::train::{is_blind_source, training_rows, Config, Sample};

fn samples() -> Vec<Sample> {
    let dev = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/guard-dev.jsonl"
    );
    training_rows(dev).unwrap_or_else(|e| {
        panic!("the development set is required (shared/ beside the repository): {e}")
    })
}

#[test]
fn out_of_fold_recall_and_false_positive_rate() {
    let s = samples();
    let cfg = Config::default();
    let all = out_of_fold(&s, 5, &cfg);
    let oof = all.restricted(|name| !is_blind_source(name));
    println!(
        "{}",
        oof.to_text("5-fold out-of-fold (stratified by source, label)")
    );
    println!(
        "{}",
        all.restricted(is_blind_source)
            .to_text("5-fold out-of-fold, blind sets trained on (not gated)")
    );
    let loso = leave_one_source_out(&s, &cfg).restricted(|name| !is_blind_source(name));
    println!("{}", loso.to_text("leave-one-source-out"));
    let recall = oof.overall.recall().unwrap();
    let fpr = oof.overall.fpr().unwrap();
    // FPR at the targets (<= 1 % overall, <= 2 % for every benign source of the development
    // set and our care and product rows); recall floor just under the 95.44 % measured in the
    // seventeenth round (95.84 % before it trained on nine more blind sets, 93.76 % before the
    // fifteenth round's goal-hijack and persona-lock rules, read from the development set's
    // misses). The 97 % target is not reached: deepset's injections are
    // mostly caught only by the classifier (81 % out of fold), and many of them are ordinary requests by their words
    // ("generate c++", "translate to polish", "I want you to act as a storyteller") that only
    // that dataset's labelling calls attacks. The floor was 93.5 % until `assistant-train`
    // got 38 "I want you to act as ..." role prompts: every such prompt in the development set
    // is labelled an attack, and 10 of 16 ordinary ones written to check it were refused
    // (2 of 16 with them), for 0.9 points of out-of-fold recall (README, "Guardrails").
    assert!(recall >= 0.95, "out-of-fold recall {recall:.4}");
    assert!(fpr <= 0.01, "out-of-fold FPR {fpr:.4}");
    for (name, m) in &oof.sources {
        // `assistant-benign` is our collection of the hardest ordinary instructions ("Write
        // C++ code ...", "From now on, answer in British English", "Stay in character as a
        // pirate"), the same words as deepset's and jackhhao's attacks; it is there to keep
        // such requests from being refused wholesale and is held to 5 % (2.8 % measured).
        // `instruction-benign` is the same kind of collection in the shapes of instruction-tuning
        // and role-play datasets, a fifth of it written around attack words ("ignore the typos",
        // "reveal the twist slowly", "bypass surgery"), and is held to the same limit (2.1 %).
        let limit = if name.starts_with("assistant") || name.starts_with("instruction") {
            0.05
        } else {
            0.02
        };
        if let Some(f) = m.fpr() {
            assert!(f <= limit, "{name}: out-of-fold FPR {f:.4}");
        }
    }
    // leave-one-source-out: a benign source the classifier has never seen (jackhhao's role-play
    // prompts were refused one time in four before the assistant rows; 4.9 % now)
    let loso_fpr = loso.overall.fpr().unwrap();
    assert!(loso_fpr <= 0.03, "leave-one-source-out FPR {loso_fpr:.4}");
    assert!(oof.sources["care-attack"].recall().unwrap() >= 0.95);
    assert_eq!(oof.sources["banking77"].fpr(), Some(0.0));
}
