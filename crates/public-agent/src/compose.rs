//! Composes the grounded answer: passages from the best articles, structured facts from the
//! pricing records, a tier recommendation for the visitor's size, sources, suggested actions
//! and follow-up questions.
//!
//! Everything in the answer comes from the knowledge base or from fixed text in this module;
//! nothing from the visitor's message is echoed, so no markup they send can come back.

use serde_json::{json, Value as Json};

use crate::intent::{Intent, OrgSize, Tier};
use crate::lang::Lang;
use crate::retrieval::{Article, Hit, Retrieval};
use crate::text::{content_words, sentences, stem, strip_markup};

/// One plan, read from a `PRICING` row's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct TierInfo {
    /// Which plan.
    pub tier: Tier,
    /// The row's title, for the source list.
    pub title: String,
    /// Monthly price in pounds.
    pub price_gbp: i64,
    /// Staff logins included.
    pub users: i64,
    /// Residents included; `None` is unlimited.
    pub residents: Option<i64>,
    /// Support level.
    pub support: String,
    /// The row's prose (what the plan adds, who it suits).
    pub content: String,
}

impl TierInfo {
    /// `£1,299`.
    pub fn price(&self) -> String {
        format!("£{}", thousands(self.price_gbp))
    }

    /// "up to 25 users and up to 100 residents, with phone and e-mail support".
    pub fn summary(&self) -> String {
        let residents = match self.residents {
            Some(r) => format!("up to {r} residents"),
            None => "unlimited residents".to_owned(),
        };
        let mut support = lower_first(&self.support);
        if !support.ends_with("support") {
            // "with a dedicated account manager", not "with dedicated account manager".
            support = format!("a {support}");
        }
        format!("up to {} users and {residents}, with {support}", self.users)
    }
}

fn thousands(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep acronyms ("NHS") as they are; lower an ordinary capitalised word ("E-mail").
        Some(f) if f.is_uppercase() && !c.clone().next().is_some_and(|n| n.is_uppercase()) => {
            f.to_lowercase().chain(c).collect()
        }
        _ => s.to_owned(),
    }
}

/// Parses the plans out of `PRICING` articles (rows without a recognisable tier are skipped).
pub fn tiers_from_articles(articles: &[Article]) -> Vec<TierInfo> {
    let mut out: Vec<TierInfo> = articles
        .iter()
        .filter(|a| a.kind == "PRICING")
        .filter_map(|a| {
            let m = &a.metadata;
            Some(TierInfo {
                tier: Tier::parse(m.get("tier")?.as_str()?)?,
                title: a.title.clone(),
                price_gbp: m.get("monthlyPriceGbp")?.as_i64()?,
                users: m.get("users").and_then(Json::as_i64).unwrap_or(0),
                residents: m.get("residents").and_then(Json::as_i64),
                support: m
                    .get("support")
                    .and_then(Json::as_str)
                    .unwrap_or("e-mail support")
                    .to_owned(),
                content: a.content.clone(),
            })
        })
        .collect();
    out.sort_by_key(|t| t.tier);
    out
}

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

/// Picks up to `max` sentences of `content` that share the most stems with the question, in
/// their original order; `skip` drops sentences already said another way.
pub fn best_sentences(
    content: &str,
    question_stems: &[String],
    max: usize,
    skip: &dyn Fn(&str) -> bool,
) -> String {
    let sents: Vec<&str> = sentences(content)
        .into_iter()
        .filter(|s| !skip(s))
        .collect();
    if sents.len() <= max {
        return sents.join(" ");
    }
    let mut scored: Vec<(usize, usize)> = sents
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let st: Vec<String> = crate::text::tokens(s).iter().map(|t| stem(t)).collect();
            let overlap = question_stems.iter().filter(|q| st.contains(q)).count();
            (overlap, i)
        })
        .collect();
    // Highest overlap first; the opening sentence wins ties because it usually frames the rest.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut keep: Vec<usize> = scored.iter().take(max).map(|(_, i)| *i).collect();
    if scored.first().is_some_and(|s| s.0 == 0) {
        keep = (0..max).collect();
    }
    keep.sort_unstable();
    keep.iter().map(|i| sents[*i]).collect::<Vec<_>>().join(" ")
}

fn passage_of(hit: &Article, stems: &[String], max: usize, skip: &dyn Fn(&str) -> bool) -> String {
    // Numbered steps make sense only together, one per line.
    if is_numbered(&hit.content) {
        return numbered_lines(&hit.content);
    }
    best_sentences(&hit.content, stems, max, skip)
}

fn is_numbered(text: &str) -> bool {
    text.starts_with("1. ") && text.contains(" 2. ")
}

/// "1. a. 2. b." -> "1. a.\n2. b."
fn numbered_lines(text: &str) -> String {
    let mut out = String::new();
    let mut n = 1;
    let mut rest = text;
    while let Some(pos) = rest.find(&format!(" {}. ", n + 1)) {
        out.push_str(rest[..pos].trim());
        out.push('\n');
        rest = &rest[pos + 1..];
        n += 1;
    }
    out.push_str(rest.trim());
    out
}

/// For a question with several requirements that no single article covers: one bullet per
/// article that answers a part not yet covered (greedy cover of the question's words), best
/// first. Returns the paragraph and the slugs used; `None` when fewer than two bullets result.
fn coverage_bullets(hits: &[&Hit], stems: &[String]) -> Option<(String, Vec<String>)> {
    let mut covered: Vec<&String> = Vec::new();
    let mut lines = Vec::new();
    let mut slugs: Vec<String> = Vec::new();
    for h in hits.iter().take(12) {
        // Numbered set-up steps do not summarise into one line.
        if lines.len() >= 5
            || h.article.kind == "PRICING"
            || h.score < 0.1
            || is_numbered(&h.article.content)
        {
            continue;
        }
        let new: Vec<&String> = h
            .in_any
            .iter()
            .chain(h.fuzzy.iter())
            .filter(|w| !covered.contains(w))
            .collect();
        if new.is_empty() {
            continue;
        }
        let first = best_sentences(&h.article.content, stems, 1, &|s: &str| s.contains('£'));
        let first = first.strip_prefix("Yes. ").unwrap_or(&first).to_owned();
        if first.is_empty() {
            continue;
        }
        lines.push(format!(
            "- **{}**: {first}",
            h.article.title.trim_end_matches('?')
        ));
        covered.extend(new);
        slugs.push(h.article.slug.clone());
    }
    (lines.len() >= 2).then(|| {
        (
            format!(
                "You asked about several things; here is how WriteCareNotes covers them:\n{}",
                lines.join("\n")
            ),
            slugs,
        )
    })
}

/// The visitor asks for customer stories rather than about a topic.
fn wants_case_studies(message: &str) -> bool {
    let l = message.to_lowercase();
    [
        "case stud",
        "customer stor",
        "success stor",
        "references",
        "examples of customers",
        "other homes using",
    ]
    .iter()
    .any(|k| l.contains(k))
}

/// Up to four case studies found for the question, one line each.
fn case_study_bullets(hits: &[&Hit]) -> Option<(String, Vec<String>)> {
    let cs: Vec<&&Hit> = hits
        .iter()
        .filter(|h| h.article.kind == "CASE_STUDY")
        .take(4)
        .collect();
    if cs.is_empty() {
        return None;
    }
    let lines: Vec<String> = cs
        .iter()
        .map(|h| {
            // Who they are and what changed: the first two sentences.
            let first = sentences(&h.article.content)
                .into_iter()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            format!("- **{}**: {first}", h.article.title)
        })
        .collect();
    Some((
        format!(
            "Here are some of our customers' stories:\n{}",
            lines.join("\n")
        ),
        cs.iter().map(|h| h.article.slug.clone()).collect(),
    ))
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

fn pricing_paragraph(input: &ComposeInput<'_>) -> String {
    let find = |t: Tier| input.tiers.iter().find(|i| i.tier == t);
    let mut out = String::new();
    let named: Vec<&TierInfo> = input.named.iter().filter_map(|t| find(*t)).collect();
    if !named.is_empty() {
        let lines: Vec<String> = named
            .iter()
            .map(|t| {
                let mut line = format!(
                    "The **{}** plan costs **{} per month** and includes {}.",
                    t.tier.name(),
                    t.price(),
                    t.summary()
                );
                if named.len() == 1 {
                    // What the plan adds and who it suits, from the record's prose (the
                    // sentence with the price is already said above).
                    let extra: Vec<&str> = sentences(&t.content)
                        .into_iter()
                        .filter(|s| !s.contains('£'))
                        .collect();
                    if !extra.is_empty() {
                        line.push(' ');
                        line.push_str(&extra.join(" "));
                    }
                }
                line
            })
            .collect();
        out.push_str(&lines.join(" "));
    } else if input.recommended.is_none() {
        out.push_str(
            "WriteCareNotes has three plans, each a fixed monthly price per organisation:\n",
        );
        let lines: Vec<String> = input
            .tiers
            .iter()
            .map(|t| {
                format!(
                    "- **{}**: {} per month for {}",
                    t.tier.name(),
                    t.price(),
                    t.summary()
                )
            })
            .collect();
        out.push_str(&lines.join("\n"));
    }
    if let Some(rec) = input.recommended.and_then(find) {
        let why = size_phrase(input.size);
        let sentence = if named.iter().any(|t| t.tier == rec.tier) {
            format!(
                "For {why}, **{}** is the plan I would recommend.",
                rec.tier.name()
            )
        } else {
            format!(
                "For {why}, I would recommend **{}** at **{} per month**, which includes {}.",
                rec.tier.name(),
                rec.price(),
                rec.summary()
            )
        };
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&sentence);
    }
    out
}

fn size_phrase(size: &OrgSize) -> String {
    if size.multi_site {
        return "a group running several homes".to_owned();
    }
    match (size.residents, size.staff) {
        (Some(r), Some(s)) => format!("an organisation with {r} beds and {s} staff"),
        (Some(r), None) => format!("a {r}-bed service"),
        (None, Some(s)) => format!("a team of {s} staff"),
        (None, None) => match size.band {
            Some(Tier::Essential) => "a small home (under 20 beds)".to_owned(),
            Some(Tier::Professional) => "a medium-sized home (20 to 50 beds)".to_owned(),
            Some(Tier::Enterprise) => "a large home (over 50 beds)".to_owned(),
            None => "your organisation".to_owned(),
        },
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

fn actions(input: &ComposeInput<'_>, used: &[&Article]) -> Vec<Action> {
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
fn default_follow_ups(intent: Intent) -> &'static [&'static str] {
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

fn follow_ups(input: &ComposeInput<'_>, used: &[&Article]) -> Vec<String> {
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

fn is_regulatory(s: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intent::{org_size, recommend_tier};

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
