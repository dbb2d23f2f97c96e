//! Composes the grounded answer: passages from the best articles, structured facts from the
//! pricing records, a tier recommendation for the visitor's size, sources, suggested actions
//! and follow-up questions.
//!
//! Everything in the answer comes from the knowledge base or from fixed text in this module;
//! nothing from the visitor's message is echoed, so no markup they send can come back.

mod passages;
mod pricing;
mod suggest;

pub use passages::best_sentences;
pub use pricing::{tiers_from_articles, TierInfo};
pub use suggest::Action;

use passages::{case_study_bullets, coverage_bullets, passage_of, wants_case_studies};
use pricing::pricing_paragraph;
use suggest::{actions, follow_ups};

use crate::intent::{Intent, OrgSize, Tier};
use crate::lang::Lang;
use crate::retrieval::{Article, Hit, Retrieval};
use crate::text::{content_words, stem, strip_markup};

/// What the composer needs to know.
#[derive(Debug, Clone)]
pub struct ComposeInput<'a> {
    /// Detected intent.
    pub intent: Intent,
    /// The visitor's message (used only to avoid suggesting the question just asked).
    pub message: &'a str,
    /// Scored retrieval.
    pub retrieval: &'a Retrieval,
    /// The plans, when the question concerns pricing or a recommendation.
    pub tiers: &'a [TierInfo],
    /// Tiers the visitor named.
    pub named: &'a [Tier],
    /// What we know about their size.
    pub size: &'a OrgSize,
    /// The tier recommended for that size.
    pub recommended: Option<Tier>,
    /// The question named no topic.
    pub vague: bool,
    /// Product overview for vague questions.
    pub overview: Option<&'a Article>,
    /// Confidence is below 0.3: say we do not know rather than guess.
    pub no_answer: bool,
    /// A person will follow up.
    pub escalate: bool,
    /// The visitor left contact details with consent.
    pub lead_captured: bool,
    /// `EMAIL`, `PHONE`, `VIDEO`.
    pub contact_preference: Option<&'a str>,
    /// Requested language.
    pub lang: Lang,
}

/// The composed answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Plain text with light Markdown.
    pub message: String,
    /// `FAQ: ...`, `Pricing: ...` for every article the answer drew on.
    pub sources: Vec<String>,
    /// Up to three actions.
    pub actions: Vec<Action>,
    /// One to three follow-up questions.
    pub follow_ups: Vec<String>,
    /// Passages handed to a language model, when one is configured.
    pub passages: Vec<(String, String)>,
}

/// Source label for an article: the contract's prefix plus its title.
pub fn source_label(a: &Article) -> String {
    let prefix = match a.kind.as_str() {
        "FAQ" => "FAQ",
        "FEATURE" => "Feature",
        "CASE_STUDY" => "Case Study",
        "PRICING" => "Pricing",
        "GUIDE" => "Guide",
        _ => "Article",
    };
    format!("{prefix}: {}", a.title)
}

/// The question starts like a yes/no question ("Is", "Do", "Can", ...).
fn is_yes_no_question(message: &str) -> bool {
    let first = crate::text::tokens(message)
        .into_iter()
        .next()
        .unwrap_or_default();
    matches!(
        first.as_str(),
        "is" | "are"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "has"
            | "have"
            | "may"
            | "am"
    )
}

/// A passage with its article's title in bold, unless it reads on its own (FAQ answers).
/// Numbered steps start on their own line.
fn labelled(a: &Article, text: &str, bare: bool) -> String {
    if bare {
        text.to_owned()
    } else if text.starts_with("1. ") {
        format!("**{}**:\n{text}", a.title)
    } else {
        format!("**{}**: {text}", a.title)
    }
}

/// Composes the answer. See the module documentation for what goes in.
pub fn compose(input: &ComposeInput<'_>) -> Answer {
    let stems: Vec<String> = content_words(input.message, 16)
        .iter()
        .map(|w| stem(w))
        .collect();
    let mut paras: Vec<String> = Vec::new();
    let mut used: Vec<&Article> = Vec::new();
    let mut passages: Vec<(String, String)> = Vec::new();

    if let Some(notice) = input.lang.notice() {
        paras.push(notice.to_owned());
    }

    let hits: Vec<&Hit> = input.retrieval.hits.iter().collect();
    let pricing_answer = !input.tiers.is_empty()
        && (input.intent == Intent::Pricing
            || !input.named.is_empty()
            || input.recommended.is_some());

    if input.no_answer {
        paras.push(
            "I'm sorry, I couldn't find a reliable answer to that in the WriteCareNotes knowledge base, \
             so I won't guess. I can help with pricing and plans, features such as care planning and eMAR, \
             compliance with CQC, the Care Inspectorate, CIW and RQIA, NHS integrations such as GP Connect, \
             demos, training and support. Could you rephrase your question?"
                .to_owned(),
        );
    } else if input.vague {
        if let Some(ov) = input.overview {
            paras.push(ov.content.clone());
            passages.push((ov.title.clone(), ov.content.clone()));
            used.push(ov);
        } else {
            paras.push(
                "WriteCareNotes is care management software for UK care providers: care planning, daily notes, \
                 eMAR, risk assessments, incidents, rotas, training and regulator-ready reporting in one system."
                    .to_owned(),
            );
        }
        paras.push("What would you like to know more about? For example, pricing for your size of home, a particular feature, inspection readiness, or booking a demo.".to_owned());
    } else {
        if pricing_answer {
            paras.push(pricing_paragraph(input));
            for t in input.tiers {
                let mentioned = input.named.contains(&t.tier)
                    || input.recommended == Some(t.tier)
                    || (input.named.is_empty() && input.recommended.is_none());
                if mentioned {
                    passages.push((
                        t.title.clone(),
                        format!(
                            "{} costs {} per month: {}.",
                            t.tier.name(),
                            t.price(),
                            t.summary()
                        ),
                    ));
                }
            }
        }
        // The lead passage: the best article, unless the pricing paragraph already said it all.
        // For a price question the supporting passage must itself be about pricing ("How much
        // is Essential?" must not be supported by "Cyber Essentials Plus").
        let lead = hits
            .iter()
            .find(|h| {
                !(pricing_answer
                    && (h.article.kind == "PRICING" || h.article.category != "pricing"))
            })
            .copied();
        // Sentences that would repeat what the pricing paragraph already said are dropped.
        let said: Vec<String> = paras
            .iter()
            .flat_map(|p| content_words(p, 200))
            .map(|w| stem(&w))
            .collect();
        let skip_prices = |s: &str| {
            if !pricing_answer {
                return false;
            }
            let st: Vec<String> = content_words(s, 64).iter().map(|w| stem(w)).collect();
            let repeated = st.iter().filter(|w| said.contains(w)).count();
            s.contains('£') || s.contains("**") || (!st.is_empty() && repeated * 10 >= st.len() * 7)
        };
        // Several requirements that the best article covers less than half of: one bullet per
        // article that answers a part not yet covered, instead of one long passage.
        let question_words = input.retrieval.words.iter().filter(|w| w.df >= 0).count();
        let multi = lead.filter(|l| {
            question_words >= 4 && (l.in_any.len() + l.fuzzy.len()) * 2 < question_words
        });
        let case_studies = wants_case_studies(input.message)
            .then(|| case_study_bullets(&hits))
            .flatten();
        if let Some(bullets) = case_studies {
            paras.push(bullets.0);
            for slug in bullets.1 {
                if let Some(h) = hits.iter().find(|h| h.article.slug == slug) {
                    passages.push((h.article.title.clone(), h.article.content.clone()));
                    used.push(&h.article);
                }
            }
        } else if let Some(bullets) = multi.and_then(|_| coverage_bullets(&hits, &stems)) {
            paras.push(bullets.0);
            for slug in bullets.1 {
                if let Some(h) = hits.iter().find(|h| h.article.slug == slug) {
                    passages.push((h.article.title.clone(), h.article.content.clone()));
                    used.push(&h.article);
                }
            }
        } else if let Some(lead) = lead {
            let text = if lead.article.kind == "FAQ" {
                passage_of(&lead.article, &stems, 6, &skip_prices)
            } else {
                passage_of(&lead.article, &stems, 3, &skip_prices)
            };
            // "Yes." answers a yes/no question only ("Is there a free trial?", not "What
            // happens after the trial?").
            let text = match text.strip_prefix("Yes. ") {
                Some(rest) if !is_yes_no_question(input.message) => rest.to_owned(),
                _ => text,
            };
            if !text.is_empty() {
                paras.push(labelled(
                    &lead.article,
                    &text,
                    lead.article.kind == "FAQ" || pricing_answer,
                ));
                passages.push((lead.article.title.clone(), lead.article.content.clone()));
                used.push(&lead.article);
            }
            // A second article when it is nearly as good and adds something different.
            let cats = input.intent.categories();
            if let Some(second) = hits.iter().find(|h| {
                h.article.slug != lead.article.slug
                    && !(pricing_answer && h.article.kind == "PRICING")
                    && h.score >= 0.6 * lead.score
                    && h.score >= 0.35
                    && (h.article.category == lead.article.category
                        || cats.contains(&h.article.category.as_str()))
                    && (h.article.kind != lead.article.kind
                        || h.in_any.iter().any(|w| !lead.in_any.contains(w)))
            }) {
                let text = passage_of(&second.article, &stems, 2, &skip_prices);
                if !text.is_empty() {
                    if second.article.kind == "FAQ" {
                        // An FAQ answer reads on as prose; its "Yes." opener would not.
                        let t = text
                            .strip_prefix("Yes. ")
                            .or_else(|| text.strip_prefix("No. "))
                            .unwrap_or(&text);
                        paras.push(t.to_owned());
                    } else {
                        paras.push(labelled(&second.article, &text, false));
                    }
                    passages.push((second.article.title.clone(), second.article.content.clone()));
                    used.push(&second.article);
                }
            }
        }
        if input.intent == Intent::Demo && !paras.iter().any(|p| p.contains("/schedule-demo")) {
            paras.push(
                "You can book a free demo at /schedule-demo, at a time that suits your shifts."
                    .to_owned(),
            );
        }
    }

    if input.escalate {
        paras.push(escalation_line(input));
    }

    let mut sources: Vec<String> = Vec::new();
    if pricing_answer && !input.no_answer && !input.vague {
        for t in input.tiers {
            if input.named.contains(&t.tier)
                || input.recommended == Some(t.tier)
                || (input.named.is_empty() && input.recommended.is_none())
            {
                sources.push(format!("Pricing: {}", t.title));
            }
        }
    }
    for a in &used {
        let l = source_label(a);
        if !sources.contains(&l) {
            sources.push(l);
        }
    }

    let message = strip_markup(&paras.join("\n\n"));
    Answer {
        message,
        sources,
        actions: actions(input, &used),
        follow_ups: follow_ups(input, &used),
        passages,
    }
}

fn escalation_line(input: &ComposeInput<'_>) -> String {
    let how = match input
        .contact_preference
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        Some("PHONE") => "by phone",
        Some("VIDEO") => "to arrange a video call",
        Some("EMAIL") => "by e-mail",
        _ => "",
    };
    if input.lead_captured {
        let how = if how.is_empty() {
            "shortly".to_owned()
        } else {
            format!("{how} shortly")
        };
        format!("I've passed your enquiry to our team, and a specialist will contact you {how}.")
    } else {
        "I've flagged your enquiry for our team. If you share your name and e-mail address or phone number (and agree to us contacting you), a specialist will get in touch; or you can contact our sales team directly.".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::passages::best_sentences;
    use super::pricing::thousands;
    use super::suggest::is_regulatory;
    use super::*;
    use crate::intent::{org_size, recommend_tier};
    use serde_json::{json, Value as Json};

    fn pricing_articles() -> Vec<Article> {
        [("Essential", 299, 10, Some(30), "E-mail support"), ("Professional", 599, 25, Some(100), "Phone and e-mail support"), ("Enterprise", 1299, 100, None, "Dedicated account manager")]
            .iter()
            .map(|(t, p, u, r, s)| Article {
                kind: "PRICING".into(),
                slug: t.to_lowercase(),
                title: format!("{t} plan"),
                content: format!("**{t}** costs £{p} per month."),
                category: "pricing".into(),
                tags: vec![],
                metadata: json!({"tier": t, "monthlyPriceGbp": p, "users": u, "residents": r, "support": s}),
            })
            .collect()
    }

    fn faq(slug: &str, title: &str, content: &str, category: &str, score: f64) -> Hit {
        Hit {
            article: Article {
                kind: "FAQ".into(),
                slug: slug.into(),
                title: title.into(),
                content: content.into(),
                category: category.into(),
                tags: vec![],
                metadata: Json::Null,
            },
            in_title: vec![],
            in_tags: vec![],
            in_any: vec!["x".into()],
            fuzzy: vec![],
            db_rank: 0.0,
            score,
        }
    }

    fn input<'a>(
        intent: Intent,
        message: &'a str,
        r: &'a Retrieval,
        tiers: &'a [TierInfo],
        named: &'a [Tier],
        size: &'a OrgSize,
    ) -> ComposeInput<'a> {
        ComposeInput {
            intent,
            message,
            retrieval: r,
            tiers,
            named,
            size,
            recommended: recommend_tier(size),
            vague: false,
            overview: None,
            no_answer: false,
            escalate: false,
            lead_captured: false,
            contact_preference: None,
            lang: Lang::English,
        }
    }

    #[test]
    fn named_tier_price_is_stated() {
        let tiers = tiers_from_articles(&pricing_articles());
        assert_eq!(tiers.len(), 3);
        let r = Retrieval::default();
        let size = OrgSize::default();
        let named = [Tier::Professional];
        let a = compose(&input(
            Intent::Pricing,
            "How much is Professional per month?",
            &r,
            &tiers,
            &named,
            &size,
        ));
        assert!(
            a.message
                .contains("**Professional** plan costs **£599 per month**"),
            "{}",
            a.message
        );
        assert!(
            a.message
                .contains("up to 25 users and up to 100 residents, with phone and e-mail support"),
            "{}",
            a.message
        );
        assert_eq!(a.sources, vec!["Pricing: Professional plan"]);
        assert!(a.actions.iter().any(|x| x.kind == "CONTACT_SALES"));
        assert!((1..=3).contains(&a.follow_ups.len()));
    }

    #[test]
    fn size_yields_recommendation_with_price() {
        let tiers = tiers_from_articles(&pricing_articles());
        let r = Retrieval::default();
        let size = org_size(Some("multi-site"), "");
        let a = compose(&input(
            Intent::Pricing,
            "Which plan do we need?",
            &r,
            &tiers,
            &[],
            &size,
        ));
        assert!(
            a.message
                .contains("recommend **Enterprise** at **£1,299 per month**"),
            "{}",
            a.message
        );
        assert!(a.message.contains("unlimited residents"));
    }

    #[test]
    fn all_tiers_listed_when_nothing_is_known() {
        let tiers = tiers_from_articles(&pricing_articles());
        let r = Retrieval::default();
        let size = OrgSize::default();
        let a = compose(&input(
            Intent::Pricing,
            "What are your prices?",
            &r,
            &tiers,
            &[],
            &size,
        ));
        for p in ["£299", "£599", "£1,299"] {
            assert!(a.message.contains(p), "{}", a.message);
        }
        assert_eq!(a.sources.len(), 3);
    }

    #[test]
    fn demo_intent_suggests_scheduling_with_url() {
        let r = Retrieval {
            words: vec![],
            total_docs: 1,
            hits: vec![faq(
                "how-do-i-book-a-demo",
                "How do I book a demo?",
                "You can book a free demo at /schedule-demo. Demos last 45 minutes.",
                "demo",
                0.9,
            )],
        };
        let size = OrgSize::default();
        let a = compose(&input(
            Intent::Demo,
            "Can I book a demo?",
            &r,
            &[],
            &[],
            &size,
        ));
        assert_eq!(a.actions[0].kind, "SCHEDULE_DEMO");
        assert_eq!(a.actions[0].url.as_deref(), Some("/schedule-demo"));
        assert_eq!(a.sources, vec!["FAQ: How do I book a demo?"]);
        assert!(a.message.starts_with("You can book a free demo"));
        // The question itself is not suggested back.
        assert!(!a.follow_ups.iter().any(|f| f == "Can I book a demo?"));
    }

    #[test]
    fn compliance_follow_ups_talk_about_regulation() {
        let r = Retrieval {
            words: vec![],
            total_docs: 1,
            hits: vec![faq(
                "cqc",
                "How does WriteCareNotes help with CQC inspections?",
                "CQC asks five key questions.",
                "compliance",
                0.9,
            )],
        };
        let size = OrgSize::default();
        let a = compose(&input(
            Intent::Compliance,
            "How do you help with CQC inspections?",
            &r,
            &[],
            &[],
            &size,
        ));
        assert!(!a.follow_ups.is_empty());
        for f in &a.follow_ups {
            assert!(is_regulatory(f), "{f}");
        }
        assert!(a.actions.iter().any(|x| x.kind == "COMPLIANCE_GUIDE"));
    }

    #[test]
    fn no_answer_does_not_guess_and_never_echoes_input() {
        let r = Retrieval::default();
        let size = OrgSize::default();
        let mut i = input(
            Intent::General,
            "<script>alert(1)</script> qwzx",
            &r,
            &[],
            &[],
            &size,
        );
        i.no_answer = true;
        i.escalate = true;
        let a = compose(&i);
        assert!(a.message.contains("couldn't find"));
        assert!(!a.message.contains('<'));
        assert!(!a.message.contains("qwzx"));
        assert!(a.actions.iter().any(|x| x.kind == "CONTACT_SALES"));
    }

    #[test]
    fn best_sentences_prefer_overlap_in_order() {
        let text =
            "Intro sentence. Offline mode works without Wi-Fi. Something else. Sync happens later.";
        let stems: Vec<String> = ["offline", "sync"].iter().map(|w| stem(w)).collect();
        assert_eq!(
            best_sentences(text, &stems, 2, &|_| false),
            "Offline mode works without Wi-Fi. Sync happens later."
        );
        assert_eq!(thousands(1299), "1,299");
        assert_eq!(thousands(299), "299");
    }
}
