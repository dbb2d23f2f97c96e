//! The linear classifier: `sigmoid(bias + w . x)` over the hashed features.

use crate::features::{self, DIM};
use crate::normalize::Normalized;

/// Weights of a linear model, either generated into the crate (quantised to `i16`) or freshly
/// trained (`f32`, used by the out-of-fold evaluation).
pub enum Weights<'a> {
    /// Quantised weights: `w[i] = q[i] as f32 * scale`.
    Quantized { q: &'a [u8], scale: f32 },
    /// Full-precision weights.
    Dense(Vec<f32>),
}

/// A linear model plus its decision threshold.
pub struct Model<'a> {
    pub weights: Weights<'a>,
    pub bias: f32,
    /// Probability at or above which the model alone refuses a message.
    pub threshold: f32,
}

impl Model<'_> {
    /// Probability that the text is an attack.
    pub(crate) fn score(&self, n: &Normalized) -> f32 {
        let mut acc = 0.0f32;
        let count = match &self.weights {
            Weights::Quantized { q, scale } => {
                debug_assert_eq!(q.len(), DIM * 2);
                let mut a = 0i64;
                let c = features::for_each(n, |b, s| {
                    let k = b as usize * 2;
                    let w = i16::from_le_bytes([q[k], q[k + 1]]) as i64;
                    a += if s > 0.0 { w } else { -w };
                });
                acc = a as f32 * scale;
                c
            }
            Weights::Dense(w) => features::for_each(n, |b, s| acc += s * w[b as usize]),
        };
        let z = self.bias + acc / (count as f32).sqrt();
        sigmoid(z)
    }

    /// The classifier's probability for a raw text, on its own (no rules, no care-vocabulary
    /// shrinking): what the tools print when a verdict needs explaining.
    pub fn probability(&self, text: &str) -> f32 {
        self.score(&crate::normalize::normalize(crate::truncate(
            text,
            crate::MAX_ANALYSED_BYTES,
        )))
    }
}

/// Logistic function, clamped against overflow.
pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-40.0, 40.0)).exp())
}

/// The model shipped with the crate (see `model_weights.rs` for how it is regenerated).
pub fn shipped() -> Model<'static> {
    Model {
        weights: Weights::Quantized {
            q: crate::model_weights::WEIGHTS_LE,
            scale: crate::model_weights::SCALE,
        },
        bias: crate::model_weights::BIAS,
        threshold: crate::MODEL_THRESHOLD,
    }
}
