//! What the visitor is asking about, and the facts about their organisation that change the
//! answer (size, urgency, complexity).
//!
//! Classification is keyword evidence with weights; the client's `inquiryType` is only a hint
//! (a bonus for one intent), so a pricing question sent with `inquiryType: "DEMO"` is still
//! answered as pricing.

use crate::text::tokens;

/// The intents the public agent distinguishes (CONTRACT.md `intent`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intent {
    /// Prices, plans, tiers, billing.
    Pricing,
    /// Booking or seeing a demo, trials.
    Demo,
    /// Regulators, inspections, NHS standards, GDPR.
    Compliance,
    /// GP Connect, pharmacy, FHIR, APIs, data migration.
    Integration,
    /// What the product does.
    Feature,
    /// Help, training, support channels, outages.
    Support,
    /// Anything else.
    General,
}

impl Intent {
    /// The contract name (`PRICING`, `DEMO`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Pricing => "PRICING",
            Intent::Demo => "DEMO",
            Intent::Compliance => "COMPLIANCE",
            Intent::Integration => "INTEGRATION",
            Intent::Feature => "FEATURE",
            Intent::Support => "SUPPORT",
            Intent::General => "GENERAL",
        }
    }

    /// Knowledge-base categories that answer this intent best (used for agreement of hits).
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            Intent::Pricing => &["pricing"],
            Intent::Demo => &["demo"],
            Intent::Compliance => &["compliance", "security"],
            Intent::Integration => &["integration", "migration"],
            Intent::Feature => &[
                "care",
                "medication",
                "compliance",
                "workforce",
                "engagement",
                "mobile",
                "management",
                "integration",
                "general",
            ],
            Intent::Support => &["support", "training", "migration", "mobile"],
            Intent::General => &["general"],
        }
    }

    const ALL: [Intent; 7] = [
        Intent::Pricing,
        Intent::Demo,
        Intent::Compliance,
        Intent::Integration,
        Intent::Support,
        Intent::Feature,
        Intent::General,
    ];
}

/// Keyword evidence: (intent, word or two-word phrase, weight).
const KEYWORDS: &[(Intent, &str, f32)] = &[
    (Intent::Pricing, "price", 3.0),
    (Intent::Pricing, "prices", 3.0),
    (Intent::Pricing, "pricing", 3.0),
    (Intent::Pricing, "cost", 3.0),
    (Intent::Pricing, "costs", 3.0),
    (Intent::Pricing, "how much", 2.5),
    (Intent::Pricing, "fee", 2.5),
    (Intent::Pricing, "fees", 2.5),
    (Intent::Pricing, "monthly", 1.5),
    (Intent::Pricing, "per month", 2.0),
    (Intent::Pricing, "subscription", 2.0),
    (Intent::Pricing, "plan", 1.0),
    (Intent::Pricing, "plans", 1.5),
    (Intent::Pricing, "tier", 2.5),
    (Intent::Pricing, "tiers", 2.5),
    (Intent::Pricing, "budget", 2.0),
    (Intent::Pricing, "afford", 2.0),
    (Intent::Pricing, "quote", 2.0),
    (Intent::Pricing, "expensive", 2.0),
    (Intent::Pricing, "cheap", 2.0),
    (Intent::Pricing, "discount", 2.5),
    (Intent::Pricing, "billing", 2.0),
    (Intent::Pricing, "billed", 2.0),
    (Intent::Pricing, "invoice", 1.5),
    (Intent::Pricing, "vat", 1.5),
    (Intent::Pricing, "essential", 1.5),
    (Intent::Pricing, "professional", 1.5),
    (Intent::Pricing, "enterprise", 1.0),
    (Intent::Pricing, "gbp", 2.0),
    (Intent::Pricing, "pay", 1.5),
    (Intent::Demo, "demo", 4.0),
    (Intent::Demo, "demos", 4.0),
    (Intent::Demo, "demonstration", 4.0),
    (Intent::Demo, "trial", 2.5),
    (Intent::Demo, "walkthrough", 3.0),
    (Intent::Demo, "see it", 2.5),
    (Intent::Demo, "see the", 1.0),
    (Intent::Demo, "in action", 2.5),
    (Intent::Demo, "book", 1.5),
    (Intent::Demo, "schedule", 1.5),
    (Intent::Demo, "presentation", 2.5),
    (Intent::Demo, "tour", 2.0),
    (Intent::Demo, "try", 1.5),
    (Intent::Compliance, "cqc", 4.0),
    (Intent::Compliance, "inspection", 3.0),
    (Intent::Compliance, "inspections", 3.0),
    (Intent::Compliance, "inspector", 3.0),
    (Intent::Compliance, "inspectorate", 4.0),
    (Intent::Compliance, "regulator", 3.0),
    (Intent::Compliance, "regulators", 3.0),
    (Intent::Compliance, "regulation", 3.0),
    (Intent::Compliance, "regulations", 3.0),
    (Intent::Compliance, "regulatory", 3.0),
    (Intent::Compliance, "compliance", 3.5),
    (Intent::Compliance, "compliant", 3.5),
    (Intent::Compliance, "comply", 3.0),
    (Intent::Compliance, "ciw", 4.0),
    (Intent::Compliance, "rqia", 4.0),
    (Intent::Compliance, "dspt", 4.0),
    (Intent::Compliance, "dcb0129", 4.0),
    (Intent::Compliance, "dcb0160", 4.0),
    (Intent::Compliance, "clinical safety", 3.0),
    (Intent::Compliance, "gdpr", 4.0),
    (Intent::Compliance, "data protection", 3.0),
    (Intent::Compliance, "audit", 2.0),
    (Intent::Compliance, "kloe", 3.0),
    (Intent::Compliance, "key questions", 3.0),
    (Intent::Compliance, "well led", 3.0),
    (Intent::Compliance, "safeguarding", 2.0),
    (Intent::Compliance, "notification", 2.0),
    (Intent::Compliance, "notifications", 2.0),
    (Intent::Compliance, "dols", 3.0),
    (Intent::Compliance, "mental capacity", 3.0),
    (Intent::Compliance, "standards", 1.5),
    (Intent::Compliance, "rating", 2.0),
    (Intent::Compliance, "outstanding", 1.5),
    (Intent::Compliance, "security", 2.5),
    (Intent::Compliance, "secure", 2.5),
    (Intent::Compliance, "encryption", 2.5),
    (Intent::Compliance, "encrypted", 2.5),
    (Intent::Compliance, "privacy", 2.5),
    (Intent::Compliance, "cyber", 2.5),
    (Intent::Integration, "integrate", 4.0),
    (Intent::Integration, "integrates", 4.0),
    (Intent::Integration, "integration", 4.0),
    (Intent::Integration, "integrations", 4.0),
    (Intent::Integration, "gp connect", 4.0),
    (Intent::Integration, "fhir", 4.0),
    (Intent::Integration, "hl7", 4.0),
    (Intent::Integration, "api", 3.5),
    (Intent::Integration, "apis", 3.5),
    (Intent::Integration, "webhook", 3.0),
    (Intent::Integration, "webhooks", 3.0),
    (Intent::Integration, "interoperability", 3.5),
    (Intent::Integration, "nhs", 2.0),
    (Intent::Integration, "pharmacy", 3.0),
    (Intent::Integration, "connect", 1.5),
    (Intent::Integration, "sync", 1.5),
    (Intent::Integration, "payroll", 2.0),
    (Intent::Integration, "migrate", 3.0),
    (Intent::Integration, "migration", 3.0),
    (Intent::Integration, "switch", 1.5),
    (Intent::Integration, "switching", 2.0),
    (Intent::Integration, "import", 2.5),
    (Intent::Integration, "export", 1.5),
    (Intent::Integration, "current software", 3.0),
    (Intent::Integration, "sso", 3.0),
    (Intent::Integration, "single sign", 3.0),
    (Intent::Feature, "feature", 3.0),
    (Intent::Feature, "features", 3.0),
    (Intent::Feature, "functionality", 3.0),
    (Intent::Feature, "care plan", 2.5),
    (Intent::Feature, "care plans", 2.5),
    (Intent::Feature, "care planning", 2.5),
    (Intent::Feature, "care notes", 2.5),
    (Intent::Feature, "emar", 2.5),
    (Intent::Feature, "medication", 2.0),
    (Intent::Feature, "medicines", 2.0),
    (Intent::Feature, "rota", 2.5),
    (Intent::Feature, "family", 1.5),
    (Intent::Feature, "families", 1.5),
    (Intent::Feature, "mobile", 2.0),
    (Intent::Feature, "app", 2.0),
    (Intent::Feature, "offline", 2.5),
    (Intent::Feature, "tablet", 1.5),
    (Intent::Feature, "report", 1.5),
    (Intent::Feature, "reports", 1.5),
    (Intent::Feature, "reporting", 1.5),
    (Intent::Feature, "dashboard", 1.5),
    (Intent::Feature, "risk assessment", 2.5),
    (Intent::Feature, "risk assessments", 2.5),
    (Intent::Feature, "incident", 2.0),
    (Intent::Feature, "incidents", 2.0),
    (Intent::Feature, "wound", 2.0),
    (Intent::Feature, "fluid", 2.0),
    (Intent::Feature, "fluids", 2.0),
    (Intent::Feature, "dementia", 1.5),
    (Intent::Feature, "does it", 1.0),
    (Intent::Feature, "can it", 1.0),
    (Intent::Feature, "ai", 1.0),
    (Intent::Support, "support", 2.5),
    (Intent::Support, "help", 1.5),
    (Intent::Support, "helpdesk", 3.0),
    (Intent::Support, "problem", 2.5),
    (Intent::Support, "issue", 2.0),
    (Intent::Support, "not working", 3.5),
    (Intent::Support, "broken", 3.0),
    (Intent::Support, "error", 2.0),
    (Intent::Support, "contact", 1.5),
    (Intent::Support, "phone number", 2.0),
    (Intent::Support, "training", 2.5),
    (Intent::Support, "train", 2.0),
    (Intent::Support, "onboarding", 2.0),
    (Intent::Support, "implementation", 2.0),
    (Intent::Support, "password", 2.5),
    (Intent::Support, "login", 2.0),
    (Intent::Support, "log in", 2.0),
    (Intent::Support, "downtime", 3.0),
    (Intent::Support, "outage", 3.0),
    (Intent::Support, "goes down", 3.0),
    (Intent::Support, "account manager", 2.0),
];

/// Single-word keywords, the vocabulary misspellings are corrected towards.
pub fn keyword_vocabulary() -> Vec<&'static str> {
    KEYWORDS
        .iter()
        .map(|(_, k, _)| *k)
        .filter(|k| !k.contains(' '))
        .collect()
}

/// Maps the client's `inquiryType` onto the intent it hints at. Unknown values hint nothing.
pub fn hint_intent(inquiry_type: Option<&str>) -> Option<Intent> {
    match inquiry_type?.trim().to_ascii_uppercase().as_str() {
        "PRICING" => Some(Intent::Pricing),
        "DEMO" => Some(Intent::Demo),
        "COMPLIANCE" => Some(Intent::Compliance),
        "INTEGRATION" => Some(Intent::Integration),
        "FEATURE" | "PRODUCT_INFO" => Some(Intent::Feature),
        "SUPPORT" | "TECHNICAL" => Some(Intent::Support),
        "GENERAL" => Some(Intent::General),
        _ => None,
    }
}

/// Intent scores for `message`; the hint adds a fixed bonus that strong keyword evidence
/// outweighs.
pub fn scores(message: &str, hint: Option<Intent>) -> Vec<(Intent, f32)> {
    let toks = tokens(message);
    let mut scores: Vec<(Intent, f32)> = Intent::ALL.iter().map(|i| (*i, 0.0)).collect();
    let lower = message.to_lowercase();
    for (intent, kw, w) in KEYWORDS {
        let hit = if kw.contains(' ') {
            // Phrases are matched on the token stream so punctuation between words is ignored.
            let parts: Vec<&str> = kw.split(' ').collect();
            toks.windows(parts.len())
                .any(|win| win.iter().zip(&parts).all(|(a, b)| a == b))
        } else {
            toks.iter().any(|t| t == kw)
        };
        if hit {
            if let Some(s) = scores.iter_mut().find(|(i, _)| i == intent) {
                s.1 += w;
            }
        }
    }
    if lower.contains('£') {
        scores[0].1 += 2.0;
    }
    if let Some(h) = hint {
        if let Some(s) = scores.iter_mut().find(|(i, _)| *i == h) {
            s.1 += 2.0;
        }
    }
    scores
}

/// The detected intent: the highest keyword score (ties broken by the order pricing, demo,
/// compliance, integration, support, feature), `General` when nothing scored.
pub fn classify(message: &str, hint: Option<Intent>) -> Intent {
    let sc = scores(message, hint);
    let mut best = (Intent::General, 0.0f32);
    for (i, s) in sc {
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}

/// How many distinct intents have strong evidence: a message that asks about pricing *and*
/// GP Connect *and* training is a complex, multi-requirement enquiry for a human.
pub fn strong_intents(message: &str) -> usize {
    scores(message, None)
        .iter()
        .filter(|(i, s)| *i != Intent::General && *s >= 3.0)
        .count()
}

/// Distinct topic keywords (weight >= 2.5) in the message: "we need eMAR, GP Connect, a rota,
/// a family portal and DSPT help" names five separate requirements.
pub fn topic_keywords(message: &str) -> usize {
    let toks = tokens(message);
    KEYWORDS
        .iter()
        .filter(|(_, kw, w)| {
            *w >= 2.5 && {
                let parts: Vec<&str> = kw.split(' ').collect();
                toks.windows(parts.len())
                    .any(|win| win.iter().zip(&parts).all(|(a, b)| a == b))
            }
        })
        .count()
}

/// A complex enquiry for a person: several separate requirements, or a group of homes.
pub fn is_complex(message: &str, size: &OrgSize, org_type: Option<&str>) -> bool {
    let org = org_type.unwrap_or("").to_lowercase();
    size.multi_site
        || org.contains("enterprise")
        || org.contains("group")
        || org.contains("multi")
        || strong_intents(message) >= 3
        || topic_keywords(message) >= 5
}

/// The three plans, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// £299/month, 10 users, up to 30 residents.
    Essential,
    /// £599/month, 25 users, up to 100 residents.
    Professional,
    /// £1,299/month, 100 users, unlimited residents.
    Enterprise,
}

impl Tier {
    /// The tier's name as the knowledge base writes it (`PRICING` rows' `metadata.tier`).
    pub fn name(self) -> &'static str {
        match self {
            Tier::Essential => "Essential",
            Tier::Professional => "Professional",
            Tier::Enterprise => "Enterprise",
        }
    }

    /// Parses a tier name, case-insensitively.
    pub fn parse(s: &str) -> Option<Tier> {
        match s.trim().to_ascii_lowercase().as_str() {
            "essential" => Some(Tier::Essential),
            "professional" => Some(Tier::Professional),
            "enterprise" => Some(Tier::Enterprise),
            _ => None,
        }
    }
}

/// Tiers named in the message ("the Professional plan").
pub fn named_tiers(message: &str) -> Vec<Tier> {
    let mut out = Vec::new();
    for t in tokens(message) {
        if let Some(tier) = Tier::parse(&t) {
            if !out.contains(&tier) {
                out.push(tier);
            }
        }
    }
    out
}

/// What we know about the size of the visitor's organisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgSize {
    /// Beds or residents, when stated.
    pub residents: Option<u32>,
    /// Staff who need a login, when stated.
    pub staff: Option<u32>,
    /// Several homes / a group.
    pub multi_site: bool,
    /// Size band from `userContext.organizationSize` when no number was given.
    pub band: Option<Tier>,
}

impl OrgSize {
    /// True when nothing about the size is known.
    pub fn is_unknown(&self) -> bool {
        self.residents.is_none() && self.staff.is_none() && !self.multi_site && self.band.is_none()
    }
}

/// Reads the organisation size from `userContext.organizationSize` (`small`, `under 20 beds`,
/// `medium`, `20-50 beds`, `large`, `over 50 beds`, `multi-site`) and from the message
/// ("we have 45 beds", "about 30 staff", "three homes").
pub fn org_size(org_size_field: Option<&str>, message: &str) -> OrgSize {
    let mut size = OrgSize::default();
    if let Some(f) = org_size_field {
        let f = f.to_lowercase();
        if f.contains("multi") || f.contains("group") || f.contains("sites") {
            size.multi_site = true;
        } else if f.contains("small") || f.contains("under 20") {
            size.band = Some(Tier::Essential);
        } else if f.contains("medium") || f.contains("20-50") || f.contains("20 - 50") {
            size.band = Some(Tier::Professional);
        } else if f.contains("large") || f.contains("over 50") || f.contains("enterprise") {
            size.band = Some(Tier::Enterprise);
        }
    }
    let toks = tokens(message);
    for (i, t) in toks.iter().enumerate() {
        let Some(n) = number_word(t) else { continue };
        // Look at the next two tokens for the unit ("45 beds", "45 bed home", "30 care staff").
        let unit = toks
            .iter()
            .skip(i + 1)
            .take(3)
            .map(String::as_str)
            .collect::<Vec<_>>();
        let has = |ws: &[&str]| unit.iter().any(|u| ws.contains(u));
        if has(&[
            "beds",
            "bed",
            "residents",
            "resident",
            "bedded",
            "service",
            "users",
        ]) && !has(&["staff", "employees", "carers", "homes", "sites"])
        {
            if has(&["users"]) {
                size.staff = Some(size.staff.unwrap_or(0).max(n));
            } else {
                size.residents = Some(size.residents.unwrap_or(0).max(n));
            }
        } else if has(&[
            "staff",
            "employees",
            "carers",
            "nurses",
            "people",
            "workers",
            "logins",
        ]) {
            size.staff = Some(size.staff.unwrap_or(0).max(n));
        } else if has(&["homes", "sites", "locations", "services"]) && n >= 2 {
            size.multi_site = true;
        }
    }
    let lower = message.to_lowercase();
    if [
        "multi-site",
        "multi site",
        "multiple homes",
        "several homes",
        "group of homes",
        "our homes",
        "all our homes",
        "across our homes",
    ]
    .iter()
    .any(|p| lower.contains(p))
    {
        size.multi_site = true;
    }
    size
}

fn number_word(t: &str) -> Option<u32> {
    if let Ok(n) = t.parse::<u32>() {
        return (n > 0 && n < 100_000).then_some(n);
    }
    let words = [
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("twelve", 12),
        ("fifteen", 15),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("hundred", 100),
    ];
    words.iter().find(|(w, _)| *w == t).map(|(_, n)| *n)
}

/// The plan to recommend: the smallest tier whose limits fit, with the contract's size bands
/// (under 20 beds: Essential; 20-50: Professional; over 50 or several homes: Enterprise).
pub fn recommend_tier(size: &OrgSize) -> Option<Tier> {
    if size.is_unknown() {
        return None;
    }
    if size.multi_site {
        return Some(Tier::Enterprise);
    }
    let mut tier = size.band.unwrap_or(Tier::Essential);
    if let Some(r) = size.residents {
        let by_beds = if r < 20 {
            Tier::Essential
        } else if r <= 50 {
            Tier::Professional
        } else {
            Tier::Enterprise
        };
        tier = if size.band.is_some() {
            tier.max(by_beds)
        } else {
            by_beds
        };
    }
    if let Some(s) = size.staff {
        let by_staff = if s <= 10 {
            Tier::Essential
        } else if s <= 25 {
            Tier::Professional
        } else {
            Tier::Enterprise
        };
        tier = tier.max(by_staff);
    }
    Some(tier)
}

/// The visitor says it is urgent.
pub fn is_urgent(message: &str, urgency_field: Option<&str>) -> bool {
    if urgency_field.is_some_and(|u| u.trim().eq_ignore_ascii_case("HIGH")) {
        return true;
    }
    let toks = tokens(message);
    toks.iter().any(|t| {
        matches!(
            t.as_str(),
            "urgent" | "urgently" | "asap" | "emergency" | "immediately"
        )
    }) || message.to_lowercase().contains("as soon as possible")
        || message.to_lowercase().contains("right away")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_typical_questions() {
        let cases = [
            (
                "How much does the Professional plan cost per month?",
                Intent::Pricing,
            ),
            ("Can I book a demo next week?", Intent::Demo),
            (
                "How do you help us prepare for a CQC inspection?",
                Intent::Compliance,
            ),
            ("Do you integrate with GP Connect?", Intent::Integration),
            ("Does the app work offline?", Intent::Feature),
            (
                "What support do you offer if something is not working?",
                Intent::Support,
            ),
            ("hello there", Intent::General),
            ("Are you DSPT compliant?", Intent::Compliance),
            ("What's the price for a 40 bed home?", Intent::Pricing),
        ];
        for (m, want) in cases {
            assert_eq!(classify(m, None), want, "{m}");
        }
    }

    #[test]
    fn hint_is_only_a_hint() {
        assert_eq!(
            classify("How much is Enterprise per month?", Some(Intent::Demo)),
            Intent::Pricing
        );
        assert_eq!(
            classify("Tell me more", Some(Intent::Compliance)),
            Intent::Compliance
        );
        assert_eq!(hint_intent(Some("PRODUCT_INFO")), Some(Intent::Feature));
        assert_eq!(hint_intent(Some("nonsense")), None);
        assert_eq!(hint_intent(None), None);
    }

    #[test]
    fn sizes_map_to_tiers() {
        let rec = |f: Option<&str>, m: &str| recommend_tier(&org_size(f, m));
        assert_eq!(rec(Some("small"), ""), Some(Tier::Essential));
        assert_eq!(rec(Some("under 20 beds"), ""), Some(Tier::Essential));
        assert_eq!(rec(Some("20-50 beds"), ""), Some(Tier::Professional));
        assert_eq!(rec(Some("medium"), ""), Some(Tier::Professional));
        assert_eq!(rec(Some("over 50 beds"), ""), Some(Tier::Enterprise));
        assert_eq!(rec(Some("multi-site"), ""), Some(Tier::Enterprise));
        assert_eq!(
            rec(None, "We are a 45 bed nursing home"),
            Some(Tier::Professional)
        );
        assert_eq!(
            rec(None, "We have 12 beds and 8 staff"),
            Some(Tier::Essential)
        );
        assert_eq!(
            rec(None, "12 residents but 30 staff need logins"),
            Some(Tier::Enterprise)
        );
        assert_eq!(rec(None, "we run three homes"), Some(Tier::Enterprise));
        assert_eq!(rec(None, "what does it cost"), None);
    }

    #[test]
    fn named_tiers_and_urgency() {
        assert_eq!(
            named_tiers("Essential or Professional?"),
            vec![Tier::Essential, Tier::Professional]
        );
        assert!(is_urgent("We need this urgently", None));
        assert!(is_urgent("hi", Some("HIGH")));
        assert!(!is_urgent("hi", Some("LOW")));
    }

    #[test]
    fn several_requirements_count_as_complex() {
        assert!(
            strong_intents("We need pricing, GP Connect integration and CQC compliance reporting")
                >= 3
        );
        assert_eq!(strong_intents("How much does it cost?"), 1);
        let size = OrgSize::default();
        assert!(is_complex(
            "We need eMAR, GP Connect, a staff rota, incident reporting and DSPT support",
            &size,
            None
        ));
        assert!(!is_complex("Does the app work offline?", &size, None));
        assert!(is_complex("hi", &org_size(Some("multi-site"), ""), None));
        assert!(is_complex("hi", &size, Some("Enterprise care group")));
    }
}
