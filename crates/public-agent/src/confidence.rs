//! Confidence from retrieval evidence (DESIGN.md): the score of the best match, how much of the
//! question the top hits cover, and whether the top hits agree with each other and with the
//! intent. Never the number of rows.

use crate::intent::Intent;
use crate::retrieval::Retrieval;

/// What the confidence is computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Best hit's score, 0..=1.
    pub best: f64,
    /// Share of the question answered by the top three hits, 0..=1.
    pub coverage: f64,
    /// Share of the top hits that agree with the best one / the intent, 0..=1.
    pub agreement: f64,
    /// A keyword intent was detected (not `General`).
    pub intent_clear: bool,
    /// A structured record answers the question exactly (the price of a named tier).
    pub exact_record: bool,
    /// The question had no content words at all ("tell me about stuff").
    pub vague: bool,
    /// Most of the question's tokens are not words we or PostgreSQL recognise.
    pub gibberish: bool,
}

impl Evidence {
    /// Collects the evidence from a scored retrieval.
    pub fn from_retrieval(r: &Retrieval, intent: Intent) -> Evidence {
        let best = r.hits.first().map(|h| h.score).unwrap_or(0.0);
        let top: Vec<_> = r.hits.iter().take(3).collect();
        let agreement = match top.as_slice() {
            [] => 0.0,
            [_] => 0.5,
            [first, rest @ ..] => {
                let cats = intent.categories();
                let agree = rest
                    .iter()
                    .filter(|h| {
                        h.article.category == first.article.category
                            || cats.contains(&h.article.category.as_str())
                            || h.in_any.iter().any(|w| first.in_any.contains(w))
                    })
                    .count();
                agree as f64 / rest.len() as f64
            }
        };
        Evidence {
            best,
            coverage: r.coverage(3),
            agreement,
            intent_clear: intent != Intent::General,
            exact_record: false,
            vague: false,
            gibberish: false,
        }
    }

    /// The confidence in 0..=1.
    ///
    /// Calibrated so that a clear, answerable question lands above 0.8, a vague one between
    /// 0.4 and 0.7, and one we have no evidence for (gibberish, other topics) below 0.3.
    pub fn confidence(&self) -> f64 {
        if self.gibberish {
            return (0.05 + 0.1 * self.best).min(0.15);
        }
        if self.vague {
            // "What is WriteCareNotes?" is answered exactly by the overview; for any other
            // vague question an overview is a fair answer, but not a confident one.
            return if self.exact_record {
                0.85
            } else if self.intent_clear {
                0.6
            } else {
                0.5
            };
        }
        let mut c = 0.05 + 0.5 * self.best + 0.25 * self.coverage + 0.15 * self.agreement;
        if self.intent_clear {
            c += 0.05;
        }
        if self.exact_record {
            c = c.max(0.92);
        }
        c.clamp(0.0, 0.98)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(best: f64, coverage: f64, agreement: f64) -> Evidence {
        Evidence {
            best,
            coverage,
            agreement,
            intent_clear: true,
            exact_record: false,
            vague: false,
            gibberish: false,
        }
    }

    #[test]
    fn strong_evidence_is_confident() {
        assert!(ev(0.95, 1.0, 1.0).confidence() > 0.8);
        assert!(ev(0.8, 0.9, 0.67).confidence() > 0.8);
    }

    #[test]
    fn weak_evidence_is_not() {
        assert!(ev(0.3, 0.4, 0.5).confidence() < 0.5);
        assert!(ev(0.0, 0.0, 0.0).confidence() < 0.3);
        let mut g = ev(0.2, 0.1, 0.0);
        g.gibberish = true;
        assert!(g.confidence() < 0.3);
    }

    #[test]
    fn vague_questions_sit_in_the_middle() {
        let mut v = ev(0.0, 0.0, 0.0);
        v.vague = true;
        v.intent_clear = false;
        let c = v.confidence();
        assert!((0.3..0.7).contains(&c), "{c}");
    }

    #[test]
    fn the_product_overview_answers_what_is_the_product() {
        let mut v = ev(0.0, 0.0, 0.0);
        v.vague = true;
        v.exact_record = true;
        assert!(v.confidence() > 0.8);
    }

    #[test]
    fn exact_records_are_confident_even_with_noisy_hits() {
        let mut e = ev(0.5, 0.6, 0.3);
        e.exact_record = true;
        assert!(e.confidence() > 0.9);
    }
}
