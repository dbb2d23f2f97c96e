//! Evaluation: recall, false-positive rate and latency per source.
//!
//! [`run`] scores a JSONL file with the shipped engine (host CLI
//! `careagents guard eval <file.jsonl> [--json]`). [`out_of_fold`] and
//! [`leave_one_source_out`] judge the rules + classifier combination honestly: every row is
//! scored by a classifier that was trained without it (5-fold stratified by source and label),
//! or without its whole source. The length rule is disabled during evaluation (`max_chars` is
//! unbounded): the development set's benign rows are short, so it would flatter recall.

use crate::model::Model;
use crate::train::{featurize, sample_weight, train_vectors, Config, Rng, Sample};
use crate::{check_input_with, AgentKind, InputContext};
use std::collections::BTreeMap;
use std::time::Instant;

/// Counts of one group of rows.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    pub rows: usize,
    pub attacks: usize,
    pub caught: usize,
    pub benign: usize,
    pub false_positives: usize,
    /// Per-row latency in microseconds (empty when not timed).
    pub latencies_us: Vec<f64>,
}

impl Metrics {
    /// Adds the counts and latencies of `other`.
    fn merge(&mut self, other: &Metrics) {
        self.rows += other.rows;
        self.attacks += other.attacks;
        self.caught += other.caught;
        self.benign += other.benign;
        self.false_positives += other.false_positives;
        self.latencies_us.extend_from_slice(&other.latencies_us);
    }

    fn add(&mut self, attack: bool, blocked: bool, us: Option<f64>) {
        self.rows += 1;
        if attack {
            self.attacks += 1;
            self.caught += usize::from(blocked);
        } else {
            self.benign += 1;
            self.false_positives += usize::from(blocked);
        }
        if let Some(us) = us {
            self.latencies_us.push(us);
        }
    }

    /// Share of attacks refused; `None` without attack rows.
    pub fn recall(&self) -> Option<f64> {
        (self.attacks > 0).then(|| self.caught as f64 / self.attacks as f64)
    }

    /// Share of benign rows refused; `None` without benign rows.
    pub fn fpr(&self) -> Option<f64> {
        (self.benign > 0).then(|| self.false_positives as f64 / self.benign as f64)
    }

    /// Latency percentile (nearest rank), microseconds.
    pub fn percentile_us(&self, q: f64) -> Option<f64> {
        if self.latencies_us.is_empty() {
            return None;
        }
        let mut v = self.latencies_us.clone();
        v.sort_by(f64::total_cmp);
        let idx = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
        Some(v[idx])
    }

    /// `{"rows", "recall", "fpr", "p50_us", "p99_us"}` in that order (`null` when undefined).
    fn json(&self) -> String {
        let num = |x: Option<f64>, scale: f64| {
            x.map_or("null".to_string(), |v| {
                let r = (v * scale).round() / scale;
                serde_json::Number::from_f64(r).map_or("null".to_string(), |n| n.to_string())
            })
        };
        format!(
            "{{\"rows\": {}, \"recall\": {}, \"fpr\": {}, \"p50_us\": {}, \"p99_us\": {}}}",
            self.rows,
            num(self.recall(), 10_000.0),
            num(self.fpr(), 10_000.0),
            num(self.percentile_us(0.50), 10.0),
            num(self.percentile_us(0.99), 10.0)
        )
    }
}

/// Metrics overall and per source.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub overall: Metrics,
    pub sources: BTreeMap<String, Metrics>,
}

impl Report {
    /// Counts one judged row (`us`: its latency, when timed).
    pub fn add(&mut self, source: &str, attack: bool, blocked: bool, us: Option<f64>) {
        self.overall.add(attack, blocked, us);
        self.sources
            .entry(source.to_string())
            .or_default()
            .add(attack, blocked, us);
    }

    /// `{"overall": {"rows","recall","fpr","p50_us","p99_us"}, "sources": {"<source>": {...}}}`.
    pub fn to_json(&self) -> String {
        let sources: Vec<String> = self
            .sources
            .iter()
            .map(|(k, v)| format!("{}: {}", serde_json::Value::from(k.as_str()), v.json()))
            .collect();
        format!(
            "{{\"overall\": {}, \"sources\": {{{}}}}}",
            self.overall.json(),
            sources.join(", ")
        )
    }

    /// The report of the sources that `keep` accepts, with `overall` recounted from them: the
    /// out-of-fold gate judges the development set and our own training rows, not the blind
    /// sets trained beside them (`train::is_blind_source`).
    pub fn restricted(&self, keep: impl Fn(&str) -> bool) -> Report {
        let mut r = Report::default();
        for (name, m) in self.sources.iter().filter(|(name, _)| keep(name)) {
            r.overall.merge(m);
            r.sources.insert(name.clone(), m.clone());
        }
        r
    }

    /// A table for people.
    pub fn to_text(&self, title: &str) -> String {
        let pct = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{:.2}%", v * 100.0));
        let us = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.1}"));
        let mut s = format!(
            "{title}\n{:<42} {:>6} {:>9} {:>9} {:>9} {:>9}\n",
            "source", "rows", "recall", "fpr", "p50_us", "p99_us"
        );
        let mut line = |name: &str, m: &Metrics| {
            s.push_str(&format!(
                "{:<42} {:>6} {:>9} {:>9} {:>9} {:>9}\n",
                name,
                m.rows,
                pct(m.recall()),
                pct(m.fpr()),
                us(m.percentile_us(0.5)),
                us(m.percentile_us(0.99))
            ));
        };
        for (k, m) in &self.sources {
            line(k, m);
        }
        line("OVERALL", &self.overall);
        s
    }
}

/// The context a labelled row is judged in: the tenant agent when the row names a caller's
/// tenant, else the public agent; no length limit (see the module note).
pub fn context(s: &Sample) -> InputContext<'_> {
    InputContext {
        agent: if s.tenant.is_some() {
            AgentKind::Tenant
        } else {
            AgentKind::Public
        },
        tenant_id: s.tenant.as_deref(),
        max_chars: u32::MAX,
    }
}

/// `Some(description)` when `verdict` got `row` wrong (an attack allowed or a benign row
/// refused): the line the held-out tests print for each mistake.
pub fn misjudged(row: &Sample, verdict: &crate::Verdict) -> Option<String> {
    (verdict.allowed == row.attack()).then(|| {
        format!(
            "{} (risk {:.2}, {:?}): {}",
            row.label,
            verdict.risk_score,
            verdict.violations(),
            row.text
        )
    })
}

/// The held-out tests' verdict on `rows` judged by the shipped engine in context `ctx`: one
/// line per mistake that is not in `known` (the engine's recorded mistakes), and one per
/// `known` row that is now judged right (so the list is kept true). Empty when all is as
/// recorded.
pub fn unrecorded_mistakes(
    rows: &[Sample],
    known: &[&str],
    ctx: impl Fn(&Sample) -> InputContext<'_>,
) -> Vec<String> {
    rows.iter()
        .filter_map(|r| {
            let mistake = misjudged(r, &crate::check_input(&r.text, &ctx(r)));
            match (known.contains(&r.text.as_str()), mistake) {
                (true, None) => Some(format!(
                    "now judged right, take it off the list: {}",
                    r.text
                )),
                (true, Some(_)) => None,
                (false, m) => m,
            }
        })
        .collect()
}

/// Scores `samples` with `model`, timing every row.
pub fn evaluate(samples: &[Sample], model: &Model) -> Report {
    let mut r = Report::default();
    for s in samples {
        let c = context(s);
        let t = Instant::now();
        let v = check_input_with(&s.text, &c, model);
        let us = t.elapsed().as_secs_f64() * 1e6;
        r.add(&s.source, s.attack(), !v.allowed, Some(us));
    }
    r
}

/// Scores a JSONL file with the shipped engine and returns the printed report (JSON with
/// `json`, else a table).
pub fn run(jsonl: &str, json: bool) -> Result<String, String> {
    let samples = crate::train::parse_jsonl(jsonl)?;
    if samples.is_empty() {
        return Err("no rows".into());
    }
    let r = evaluate(&samples, &crate::model::shipped());
    Ok(if json {
        r.to_json()
    } else {
        r.to_text("shipped engine (rules + generated classifier)")
    })
}

/// Fold of every row: stratified by `(source, label)`, deterministic.
pub fn stratified_folds(samples: &[Sample], k: usize, seed: u64) -> Vec<usize> {
    let mut groups: BTreeMap<(&str, bool), Vec<usize>> = BTreeMap::new();
    for (i, s) in samples.iter().enumerate() {
        groups
            .entry((s.source.as_str(), s.attack()))
            .or_default()
            .push(i);
    }
    let mut fold = vec![0; samples.len()];
    let mut rng = Rng::new(seed);
    for (offset, (_, mut idx)) in groups.into_iter().enumerate() {
        rng.shuffle(&mut idx);
        for (j, i) in idx.into_iter().enumerate() {
            fold[i] = (j + offset) % k;
        }
    }
    fold
}

/// A classifier trained on the rows `train` only (`xs`: every row's feature vector), to score
/// the rows it did not see.
pub fn train_on(
    samples: &[Sample],
    xs: &[Vec<(u32, f32)>],
    train: &[usize],
    cfg: &Config,
) -> Model<'static> {
    let x: Vec<&[(u32, f32)]> = train.iter().map(|&i| xs[i].as_slice()).collect();
    let y: Vec<bool> = train.iter().map(|&i| samples[i].attack()).collect();
    let sw: Vec<f32> = train.iter().map(|&i| sample_weight(&samples[i])).collect();
    train_vectors(&x, &y, &sw, cfg).model()
}

/// Group of every row when whole sources are held out (the source's index in name order),
/// and the number of groups.
pub fn source_groups(samples: &[Sample]) -> (Vec<usize>, usize) {
    let names: Vec<&str> = samples
        .iter()
        .map(|s| s.source.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let groups = samples
        .iter()
        .map(|s| {
            names
                .binary_search(&s.source.as_str())
                .expect("a listed source")
        })
        .collect();
    (groups, names.len())
}

/// Every row's verdict from a classifier trained on the rows of the other groups, in row
/// order (`GUARD_THRESHOLD` overrides the classifier threshold, for sweeps by hand).
fn held_out_rows(samples: &[Sample], groups: &[usize], k: usize, cfg: &Config) -> Vec<RowOutcome> {
    let xs = featurize(&samples.iter().map(|s| s.text.as_str()).collect::<Vec<_>>());
    let threshold = std::env::var("GUARD_THRESHOLD")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut out = Vec::with_capacity(samples.len());
    for g in 0..k {
        let train: Vec<usize> = (0..samples.len()).filter(|&i| groups[i] != g).collect();
        let mut model = train_on(samples, &xs, &train, cfg);
        if let Some(t) = threshold {
            model.threshold = t;
        }
        for i in (0..samples.len()).filter(|&i| groups[i] == g) {
            let v = check_input_with(&samples[i].text, &context(&samples[i]), &model);
            out.push(RowOutcome {
                index: i,
                blocked: !v.allowed,
                verdict: v,
            });
        }
    }
    out.sort_by_key(|r| r.index);
    out
}

/// The report of [`held_out_rows`].
fn held_out_by_group(samples: &[Sample], groups: &[usize], k: usize, cfg: &Config) -> Report {
    let mut r = Report::default();
    for o in held_out_rows(samples, groups, k, cfg) {
        let s = &samples[o.index];
        r.add(&s.source, s.attack(), o.blocked, None);
    }
    r
}

/// `k`-fold out-of-fold report: each row scored by a classifier trained on the other folds.
pub fn out_of_fold(samples: &[Sample], k: usize, cfg: &Config) -> Report {
    held_out_by_group(samples, &stratified_folds(samples, k, cfg.seed), k, cfg)
}

/// Leave-one-source-out report: each source scored by a classifier trained on the others.
pub fn leave_one_source_out(samples: &[Sample], cfg: &Config) -> Report {
    let (groups, k) = source_groups(samples);
    held_out_by_group(samples, &groups, k, cfg)
}

/// Rules alone (a classifier that always says 0), to show what each half contributes.
pub fn rules_only(samples: &[Sample]) -> Report {
    let zero = Model {
        weights: crate::model::Weights::Dense(vec![0.0; crate::features::DIM]),
        bias: -40.0,
        threshold: 1.0,
    };
    let mut r = Report::default();
    for s in samples {
        let v = check_input_with(&s.text, &context(s), &zero);
        r.add(&s.source, s.attack(), !v.allowed, None);
    }
    r
}

/// One row's out-of-fold outcome, for error analysis.
#[derive(Debug, Clone)]
pub struct RowOutcome {
    pub index: usize,
    pub blocked: bool,
    pub verdict: crate::Verdict,
}

/// Out-of-fold verdict of every row (same folds and models as [`out_of_fold`]).
pub fn out_of_fold_rows(samples: &[Sample], k: usize, cfg: &Config) -> Vec<RowOutcome> {
    held_out_rows(samples, &stratified_folds(samples, k, cfg.seed), k, cfg)
}

/// Leave-one-source-out verdict of every row (same models as [`leave_one_source_out`]).
pub fn leave_one_source_out_rows(samples: &[Sample], cfg: &Config) -> Vec<RowOutcome> {
    let (groups, k) = source_groups(samples);
    held_out_rows(samples, &groups, k, cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_report_has_the_documented_shape() {
        let mut r = Report::default();
        r.add("a\"b", true, true, Some(3.0));
        r.add("a\"b", false, false, Some(5.0));
        r.add("c", true, false, None);
        let s = r.to_json();
        assert!(s.starts_with("{\"overall\": {\"rows\": 3, \"recall\": 0.5, \"fpr\": 0.0, \"p50_us\": 3.0, \"p99_us\": 5.0}"), "{s}");
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["sources"]["a\"b"]["recall"], 1.0);
        assert_eq!(v["sources"]["c"]["fpr"], serde_json::Value::Null);
        assert_eq!(v["sources"]["c"]["p50_us"], serde_json::Value::Null);
    }
}
