//! Word-level text handling shared by intent detection, retrieval and composition.

/// Words that carry no topic: English function words plus the conversational filler of chat
/// questions ("tell me about", "I would like to know"). Removing them leaves the content words
/// that retrieval and confidence are measured on.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "know",
    "let",
    "like",
    "me",
    "might",
    "mine",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "please",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "tell",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "use",
    "very",
    "want",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "hi",
    "hello",
    "dear",
    "ok",
    "okay",
    "yes",
    "explain",
    "give",
    "show",
    "looking",
    "interested",
    "wondering",
    "wonder",
    "question",
    "questions",
    "answer",
    "im",
    "ive",
    "id",
    "youre",
    "dont",
    "doesnt",
    "cant",
    "whats",
    "hows",
    "one",
    "way",
    "ways",
    "bit",
    "writecarenotes",
    "wcn",
    "work",
    "works",
    "working",
    "see",
    "find",
    "make",
    "take",
    "provide",
    "provides",
    "provided",
    "include",
    "includes",
    "included",
    "available",
    "exist",
    "exists",
    "anyone",
    "someone",
    "currently",
    "really",
    "actually",
    "maybe",
    "possible",
];

/// Words that name no topic at all: a question made only of these ("tell me about stuff") is
/// vague, not gibberish, and deserves an overview plus clarifying follow-ups.
const VAGUE_WORDS: &[&str] = &[
    "stuff",
    "things",
    "thing",
    "something",
    "anything",
    "everything",
    "info",
    "information",
    "details",
    "detail",
    "general",
    "overview",
    "product",
    "products",
    "service",
    "services",
    "software",
    "system",
    "systems",
    "offer",
    "offering",
    "company",
    "generally",
    "basically",
    "etc",
];

/// True when `w` (lower case) is a stop word.
pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

/// True when `w` (lower case) is a topic-free word such as "stuff".
pub fn is_vague_word(w: &str) -> bool {
    VAGUE_WORDS.contains(&w)
}

/// Lower-case alphanumeric tokens of `text` (apostrophes dropped inside words, so "don't"
/// becomes "dont"). Only letters and digits survive, which also makes every token safe to
/// splice into a `to_tsquery` expression.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else if (ch == '\'' || ch == '\u{2019}') && !cur.is_empty() {
            continue;
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words visitors use for things the knowledge base names differently; each is searched as
/// the knowledge base's word (PostgreSQL's stemmer does not relate "demonstration" to "demo").
const SYNONYMS: &[(&str, &str)] = &[
    ("demonstration", "demo"),
    ("demonstrations", "demo"),
    ("internet", "offline"),
    ("existing", "current"),
    ("tier", "plan"),
    ("tiers", "plans"),
    ("package", "plan"),
    ("packages", "plans"),
    ("helpdesk", "support"),
    ("phones", "mobile"),
    ("smartphone", "mobile"),
    ("ipad", "tablet"),
    ("meds", "medication"),
    ("drugs", "medication"),
    ("inspectors", "inspection"),
    ("regulator", "regulators"),
    ("hipaa", "gdpr"),
];

/// The knowledge base's word for `w` (itself when there is no synonym).
pub fn canonical(w: &str) -> &str {
    SYNONYMS
        .iter()
        .find(|(from, _)| *from == w)
        .map(|(_, to)| *to)
        .unwrap_or(w)
}

/// The distinct content words of `text`: tokens that are neither stop words nor vague words,
/// at most `max` of them, in order of first appearance.
pub fn content_words(text: &str, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tokens(text) {
        if t.chars().count() < 2 && !t.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if is_stop_word(&t) || is_vague_word(&t) {
            continue;
        }
        let t = canonical(&t).to_owned();
        if out.contains(&t) {
            continue;
        }
        out.push(t);
        if out.len() >= max {
            break;
        }
    }
    out
}

/// Domain words a misspelling is corrected towards, besides the intent keywords.
const DOMAIN_WORDS: &[&str] = &[
    "inspection",
    "inspectorate",
    "compliance",
    "medication",
    "medicines",
    "integration",
    "offline",
    "training",
    "support",
    "enterprise",
    "professional",
    "essential",
    "pricing",
    "residents",
    "dementia",
    "nursing",
    "domiciliary",
    "assessment",
    "assessments",
    "incident",
    "safeguarding",
    "scotland",
    "wales",
    "northern",
    "ireland",
    "england",
    "pharmacy",
    "migration",
    "security",
    "encryption",
    "backup",
    "backups",
    "reporting",
    "dashboard",
    "family",
    "portal",
    "rota",
    "scheduling",
    "mobile",
    "android",
    "tablet",
    "wound",
    "fluids",
    "nutrition",
    "falls",
    "demonstration",
    "subscription",
    "contract",
    "discount",
    "charity",
    "implementation",
    "onboarding",
    "password",
    "account",
    "manager",
    "features",
    "care",
    "plans",
    "notes",
];

/// Optimal-string-alignment edit distance (insert, delete, substitute, swap neighbours),
/// giving up early once it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The message's tokens with misspelt domain words corrected ("pricng" -> "pricing",
/// "enterprize" -> "enterprise"), joined by spaces. Only words for which `candidate` holds (the
/// caller passes the words the knowledge base does not know, so a real word such as "trail" is
/// never "corrected" to "trial"), alphabetic and of five or more letters, are corrected, at most
/// one edit away (two for words of eight or more), towards `extra` (the intent keywords) and the
/// domain vocabulary.
pub fn correct_spelling(message: &str, extra: &[&str], candidate: &dyn Fn(&str) -> bool) -> String {
    let vocab: Vec<&str> = extra
        .iter()
        .chain(DOMAIN_WORDS.iter())
        .copied()
        .filter(|w| !w.contains(' '))
        .collect();
    tokens(message)
        .into_iter()
        .map(|t| {
            let n = t.chars().count();
            if n < 5
                || !candidate(&t)
                || !t.chars().all(char::is_alphabetic)
                || is_stop_word(&t)
                || is_vague_word(&t)
                || vocab.contains(&t.as_str())
            {
                return t;
            }
            let max = if n >= 8 { 2 } else { 1 };
            let mut best: Option<(usize, &str)> = None;
            for v in &vocab {
                if v.len() < 4 {
                    continue;
                }
                let d = edit_distance(&t, v, max);
                if d <= max && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, v));
                }
            }
            best.map(|(_, v)| v.to_owned()).unwrap_or(t)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A crude English stem for matching words between a question and a passage: lower case and
/// common suffixes stripped ("inspections" / "inspection", "integrates" / "integrate"). Good
/// enough to rank sentences; the database does the real stemming for retrieval.
pub fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    for suf in [
        "ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s",
    ] {
        if w.len() > suf.len() + 3 {
            if let Some(base) = w.strip_suffix(suf) {
                w = base.to_owned();
                break;
            }
        }
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Splits prose into sentences on `.`, `!`, `?` followed by whitespace; keeps the punctuation.
/// Decimal points and "e.g." style abbreviations without a following space stay intact.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let list_number = b == b'.' && {
            let seg = text[start..i].trim();
            !seg.is_empty() && seg.bytes().all(|c| c.is_ascii_digit())
        };
        if matches!(b, b'.' | b'!' | b'?')
            && !list_number
            && bytes.get(i + 1).is_some_and(|n| n.is_ascii_whitespace())
        {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
        i += 1;
    }
    let tail = text[start..].trim();
    if !tail.is_empty() {
        out.push(tail);
    }
    out
}

/// Removes anything that could render as markup in a browser: `<`, `>` and backticks become
/// spaces. Knowledge-base prose contains none, so this only ever bites on bad content, but it
/// makes "the answer never carries markup" true by construction.
pub fn strip_markup(text: &str) -> String {
    text.chars()
        .map(|c| if matches!(c, '<' | '>' | '`') { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_filler() {
        assert_eq!(
            content_words("How much does the Professional plan cost per month?", 12),
            vec!["professional", "plan", "cost", "per", "month"]
        );
        assert!(content_words("tell me about stuff", 12).is_empty());
        assert_eq!(
            content_words("Don't you support GP-Connect?", 12),
            vec!["support", "gp", "connect"]
        );
    }

    #[test]
    fn synonyms_map_to_the_knowledge_base_words() {
        assert_eq!(
            content_words("Can I get a demonstration?", 12),
            vec!["demo"]
        );
        assert_eq!(
            content_words("Which tier, internet?", 12),
            vec!["plan", "offline"]
        );
    }

    #[test]
    fn tokens_are_query_safe() {
        for t in tokens("a:b & c|d !e (f) <g> 'h' *i") {
            assert!(t.chars().all(char::is_alphanumeric), "{t}");
        }
    }

    #[test]
    fn sentences_split_on_terminal_punctuation() {
        let s = sentences("Prices exclude VAT. It costs £1,299.50 per month! Really? Yes");
        assert_eq!(
            s,
            vec![
                "Prices exclude VAT.",
                "It costs £1,299.50 per month!",
                "Really?",
                "Yes"
            ]
        );
        assert_eq!(
            sentences("1. Do this. 2. Then that."),
            vec!["1. Do this.", "2. Then that."]
        );
    }

    #[test]
    fn stems_match_inflections() {
        assert_eq!(stem("inspections"), stem("inspection"));
        assert_eq!(stem("integrates"), stem("integrate"));
        assert_eq!(stem("CQC"), "cqc");
    }

    #[test]
    fn misspellings_are_corrected_towards_the_domain() {
        let any = |_: &str| true;
        assert_eq!(
            correct_spelling("pricng for enterprize", &["pricing"], &any),
            "pricing for enterprise"
        );
        assert_eq!(
            correct_spelling("CQC inspectoin help", &[], &any),
            "cqc inspection help"
        );
        // Real words and short words stay as they are.
        assert_eq!(
            correct_spelling("price plans", &["pricing"], &any),
            "price plans"
        );
        // Only candidates are corrected: "trail" is a word the knowledge base knows.
        assert_eq!(
            correct_spelling("audit trail", &["trial"], &|t: &str| t != "trail"),
            "audit trail"
        );
        assert_eq!(
            correct_spelling("audit trail", &["trial"], &any),
            "audit trial"
        );
        assert_eq!(edit_distance("abcd", "abdc", 2), 1);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert!(edit_distance("a", "abcdef", 2) > 2);
    }

    #[test]
    fn markup_is_removed() {
        assert_eq!(strip_markup("<script>x</script>"), " script x /script ");
    }
}
