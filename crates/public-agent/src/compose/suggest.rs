//! Suggested actions and follow-up questions.

use serde_json::{json, Value as Json};

use super::ComposeInput;
use crate::intent::Intent;
use crate::retrieval::Article;
use crate::text::{content_words, stem};

/// A suggested next step (CONTRACT.md `suggestedActions`).
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// `SCHEDULE_DEMO`, `DOWNLOAD_BROCHURE`, `CONTACT_SALES`, `VIEW_CASE_STUDY`, `COMPLIANCE_GUIDE`.
    pub kind: &'static str,
    /// Button text.
    pub label: String,
    /// Where the button goes.
    pub url: Option<String>,
}

impl Action {
    /// JSON form `{type, label, url?}`.
    pub fn to_json(&self) -> Json {
        let mut j = json!({"type": self.kind, "label": self.label});
        if let Some(u) = &self.url {
            j["url"] = json!(u);
        }
        j
    }
}

pub(crate) fn actions(input: &ComposeInput<'_>, used: &[&Article]) -> Vec<Action> {
    let mut out: Vec<Action> = Vec::new();
    let mut push = |a: Action| {
        if out.len() < 3 && !out.iter().any(|x| x.kind == a.kind) {
            out.push(a);
        }
    };
    let demo = || Action {
        kind: "SCHEDULE_DEMO",
        label: "Book a free demo".into(),
        url: Some("/schedule-demo".into()),
    };
    let sales = || Action {
        kind: "CONTACT_SALES",
        label: "Talk to our sales team".into(),
        url: Some("/contact-sales".into()),
    };
    let brochure = || Action {
        kind: "DOWNLOAD_BROCHURE",
        label: "Download the brochure".into(),
        url: Some("/brochure".into()),
    };
    if input.intent == Intent::Demo {
        push(demo());
    }
    if input.escalate {
        push(sales());
    }
    match input.intent {
        Intent::Pricing => {
            push(sales());
            push(demo());
        }
        Intent::Compliance => {
            let guide = used
                .iter()
                .find(|a| a.kind == "GUIDE")
                .map(|a| a.slug.clone())
                .or_else(|| {
                    input
                        .retrieval
                        .hits
                        .iter()
                        .find(|h| h.article.kind == "GUIDE")
                        .map(|h| h.article.slug.clone())
                })
                .unwrap_or_else(|| "cqc-five-key-questions".to_owned());
            push(Action {
                kind: "COMPLIANCE_GUIDE",
                label: "Read our compliance guide".into(),
                url: Some(format!("/guides/{guide}")),
            });
        }
        _ => {}
    }
    if let Some(cs) = used
        .iter()
        .copied()
        .find(|a| a.kind == "CASE_STUDY")
        .or_else(|| {
            // A case study we found but did not quote, unless this is a price question (a
            // case study that merely names a plan is no answer to it).
            (input.intent != Intent::Pricing)
                .then(|| {
                    input
                        .retrieval
                        .hits
                        .iter()
                        .take(3)
                        .map(|h| &h.article)
                        .find(|a| a.kind == "CASE_STUDY")
                })
                .flatten()
        })
    {
        push(Action {
            kind: "VIEW_CASE_STUDY",
            label: format!(
                "Read the case study: {}",
                cs.title.split(':').next().unwrap_or(&cs.title)
            ),
            url: Some(format!("/case-studies/{}", cs.slug)),
        });
    }
    push(demo());
    push(brochure());
    out
}

/// Default follow-ups per intent; compliance ones all talk about inspection or regulation.
pub(crate) fn default_follow_ups(intent: Intent) -> &'static [&'static str] {
    match intent {
        Intent::Pricing => &[
            "Which plan would suit a home of our size?",
            "Are there any setup fees or a minimum contract?",
            "Is there a free trial?",
        ],
        Intent::Demo => &[
            "What happens during a demo?",
            "Is there a free trial after the demo?",
            "Can you come to our home for a demo?",
        ],
        Intent::Compliance => &[
            "How does WriteCareNotes help us prepare for a CQC inspection?",
            "Which regulators do you support: CQC, the Care Inspectorate, CIW and RQIA?",
            "How do you help with NHS data security regulation such as the DSPT?",
        ],
        Intent::Integration => &[
            "Do you integrate with GP Connect?",
            "Can eMAR connect to our pharmacy?",
            "Can you migrate our data from our current software?",
        ],
        Intent::Feature => &[
            "Does the mobile app work without Wi-Fi?",
            "How does the eMAR module work?",
            "Can families see updates through a family portal?",
        ],
        Intent::Support => &[
            "What training is included?",
            "What support comes with each plan?",
            "What happens if the system goes down?",
        ],
        Intent::General => &[
            "How much does WriteCareNotes cost?",
            "How does it help with CQC and other inspections?",
            "Can I book a demo?",
        ],
    }
}

pub(crate) fn follow_ups(input: &ComposeInput<'_>, used: &[&Article]) -> Vec<String> {
    let stems_of =
        |q: &str| -> Vec<String> { content_words(q, 16).iter().map(|w| stem(w)).collect() };
    let overlap = |a: &[String], b: &[String]| {
        if a.is_empty() || b.is_empty() {
            return false;
        }
        let shared = a.iter().filter(|s| b.contains(s)).count();
        shared as f64 / a.len().min(b.len()) as f64 >= 0.5
    };
    let asked = stems_of(input.message);
    let similar = |q: &str| overlap(&stems_of(q), &asked);
    let mut out: Vec<String> = Vec::new();
    let intent = if input.vague || input.no_answer {
        Intent::General
    } else {
        input.intent
    };
    // One related question from the knowledge base itself: an FAQ we found but did not use,
    // in the same area (compliance stays on regulation).
    if !input.vague && !input.no_answer {
        let cats = intent.categories();
        if let Some(h) = input.retrieval.hits.iter().take(6).find(|h| {
            h.article.kind == "FAQ"
                && !used.iter().any(|u| u.slug == h.article.slug)
                && cats.contains(&h.article.category.as_str())
                && (intent != Intent::Compliance || is_regulatory(&h.article.title))
                && !similar(&h.article.title)
        }) {
            out.push(h.article.title.clone());
        }
    }
    for q in default_follow_ups(intent) {
        if out.len() >= 3 {
            break;
        }
        let qs = stems_of(q);
        if !similar(q) && !out.iter().any(|o| o == q || overlap(&stems_of(o), &qs)) {
            out.push((*q).to_owned());
        }
    }
    if out.is_empty() {
        out.push(default_follow_ups(intent)[0].to_owned());
    }
    out
}

pub(crate) fn is_regulatory(s: &str) -> bool {
    let l = s.to_lowercase();
    [
        "inspect",
        "regulat",
        "cqc",
        "ciw",
        "rqia",
        "dspt",
        "standard",
        "compliance",
        "gdpr",
        "dcb0",
    ]
    .iter()
    .any(|k| l.contains(k))
}
