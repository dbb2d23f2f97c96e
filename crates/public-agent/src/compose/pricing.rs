//! The plans: prices and limits read from the `PRICING` records, the pricing paragraph and the
//! tier recommendation for the visitor's size.

use serde_json::Value as Json;

use super::ComposeInput;
use crate::intent::{OrgSize, Tier};
use crate::retrieval::Article;
use crate::text::sentences;

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

pub(crate) fn thousands(n: i64) -> String {
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

pub(crate) fn lower_first(s: &str) -> String {
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

pub(crate) fn pricing_paragraph(input: &ComposeInput<'_>) -> String {
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

pub(crate) fn size_phrase(size: &OrgSize) -> String {
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
