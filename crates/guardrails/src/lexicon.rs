//! Word classes used by the phrase rules.
//!
//! Every token of the normalised text is looked up once in a static, compile-time sorted table
//! and gets a bit mask of the classes it belongs to; the rules then only test bits. The table
//! is a `const` so that a fresh WebAssembly instance (one per request) pays no initialisation.

/// Bit masks of the word classes.
pub(crate) mod c {
    pub const IGNORE: u64 = 1 << 0;
    pub const PRIOR: u64 = 1 << 1;
    pub const INSTR: u64 = 1 << 2;
    pub const INSTR_WEAK: u64 = 1 << 3;
    pub const NEG: u64 = 1 << 4;
    pub const FOLLOW: u64 = 1 << 5;
    pub const NEW: u64 = 1 << 6;
    pub const NOW: u64 = 1 << 7;
    pub const YOU: u64 = 1 << 8;
    pub const ARE: u64 = 1 << 9;
    pub const PRETEND: u64 = 1 << 10;
    pub const PRIV_ROLE: u64 = 1 << 11;
    pub const MODE: u64 = 1 << 12;
    pub const ENABLE: u64 = 1 << 13;
    pub const JAILWORD: u64 = 1 << 14;
    pub const NORESTRICT: u64 = 1 << 15;
    pub const WITHOUT: u64 = 1 << 16;
    pub const REVEAL: u64 = 1 << 17;
    pub const SYSNOUN: u64 = 1 << 18;
    pub const SYSNOUN_STRONG: u64 = 1 << 19;
    pub const SELF_REF: u64 = 1 << 20;
    pub const SELF_STRONG: u64 = 1 << 21;
    pub const BULK_VERB: u64 = 1 << 22;
    pub const ALL: u64 = 1 << 23;
    pub const DATA_NOUN: u64 = 1 << 24;
    pub const HIGH_DATA: u64 = 1 << 25;
    pub const AUTHORITY: u64 = 1 << 26;
    pub const AS: u64 = 1 << 27;
    pub const PERSON: u64 = 1 << 28;
    pub const DUMP: u64 = 1 << 29;
    pub const SWITCH: u64 = 1 << 30;
    pub const OTHER: u64 = 1 << 31;
    pub const TENANT_NOUN: u64 = 1 << 32;
    pub const COMMON: u64 = 1 << 33;
    pub const SAY: u64 = 1 << 34;
    pub const PWNED: u64 = 1 << 35;
    pub const EVERYTHING: u64 = 1 << 36;
    pub const BEFORE: u64 = 1 << 37;
    pub const WRITTEN: u64 = 1 << 38;
    pub const BEGINNING: u64 = 1 << 39;
    pub const DO: u64 = 1 << 40;
    pub const ANYTHING: u64 = 1 << 41;
    pub const FROM: u64 = 1 << 42;
    pub const ON: u64 = 1 << 43;
    pub const ACT: u64 = 1 << 44;
    pub const LIKE: u64 = 1 << 45;
    pub const BOUND: u64 = 1 << 46;
    pub const PRIV_MODE: u64 = 1 << 47;
    pub const ADMIN: u64 = 1 << 48;
    pub const WHAT: u64 = 1 << 49;
    pub const WAS: u64 = 1 << 50;
    pub const UNION: u64 = 1 << 51;
    pub const SELECT: u64 = 1 << 52;
    pub const DROP: u64 = 1 << 53;
    pub const TABLE: u64 = 1 << 54;
    pub const TASK: u64 = 1 << 55;
    pub const DATA2: u64 = 1 << 56;
    pub const WORDS: u64 = 1 << 57;
    pub const CARE: u64 = 1 << 58;
    pub const HOME: u64 = 1 << 59;
    pub const TO: u64 = 1 << 60;
    pub const SECRET: u64 = 1 << 61;
}

use c::*;

/// `(word, classes)`; duplicates are allowed and OR-ed at lookup.
const RAW: &[(&str, u64)] = &[
    // instruction override
    ("ignore", IGNORE | WITHOUT),
    ("ignoring", IGNORE),
    ("disregard", IGNORE),
    ("forget", IGNORE),
    ("skip", IGNORE),
    ("override", IGNORE),
    ("overrule", IGNORE),
    ("bypass", IGNORE | WITHOUT),
    ("discard", IGNORE),
    ("abandon", IGNORE),
    ("neglect", IGNORE),
    ("erase", IGNORE),
    ("ditch", IGNORE),
    ("dismiss", IGNORE),
    ("scrap", IGNORE),
    ("overwrite", IGNORE),
    ("previous", PRIOR | SELF_STRONG | BEFORE),
    ("prior", PRIOR | SELF_STRONG | BEFORE),
    ("above", PRIOR | SELF_STRONG | BEFORE | BEGINNING),
    ("earlier", PRIOR | SELF_STRONG | BEFORE),
    ("preceding", PRIOR | SELF_STRONG),
    ("former", PRIOR),
    ("original", PRIOR | SELF_STRONG),
    ("initial", PRIOR | SELF_STRONG),
    ("all", PRIOR | ALL | EVERYTHING | OTHER),
    ("any", PRIOR | ALL),
    ("every", PRIOR | ALL | OTHER),
    ("your", PRIOR | SELF_REF | YOU),
    ("these", PRIOR),
    ("those", PRIOR),
    ("system", PRIOR | SELF_STRONG | SYSNOUN),
    ("existing", PRIOR),
    ("default", PRIOR),
    ("foregoing", PRIOR),
    ("aforementioned", PRIOR),
    ("programmed", PRIOR),
    ("hidden", PRIOR | SELF_STRONG),
    ("safety", PRIOR),
    ("ethical", PRIOR | NORESTRICT),
    ("moral", PRIOR | NORESTRICT),
    ("instructions", INSTR | SYSNOUN_STRONG | SYSNOUN),
    ("instruction", INSTR | SYSNOUN_STRONG | SYSNOUN),
    ("rules", INSTR | SYSNOUN | NORESTRICT),
    ("directives", INSTR | SYSNOUN_STRONG | SYSNOUN),
    ("directive", INSTR | SYSNOUN_STRONG),
    ("guidelines", INSTR | SYSNOUN | NORESTRICT),
    ("prompt", INSTR | SYSNOUN_STRONG | SYSNOUN),
    ("prompts", INSTR | SYSNOUN_STRONG | SYSNOUN),
    ("preprompt", INSTR | SYSNOUN_STRONG | SYSNOUN),
    ("commands", INSTR),
    ("constraints", INSTR | NORESTRICT),
    ("restrictions", INSTR | NORESTRICT),
    ("programming", INSTR | SYSNOUN),
    ("guardrails", INSTR | NORESTRICT),
    ("filters", INSTR | NORESTRICT),
    ("safeguards", INSTR | NORESTRICT),
    ("limitations", INSTR | NORESTRICT),
    ("training", INSTR),
    ("configuration", SYSNOUN_STRONG | SYSNOUN),
    ("initialization", SYSNOUN_STRONG | SYSNOUN),
    ("initialisation", SYSNOUN_STRONG | SYSNOUN),
    ("text", INSTR_WEAK | WORDS),
    ("conversation", INSTR_WEAK),
    ("context", INSTR_WEAK | SYSNOUN),
    ("tasks", INSTR_WEAK | TASK),
    ("task", INSTR_WEAK | TASK),
    ("assignments", INSTR_WEAK | TASK),
    ("assignment", INSTR_WEAK | TASK),
    ("everything", INSTR_WEAK | EVERYTHING | ALL),
    ("that", INSTR_WEAK | BEFORE | COMMON),
    ("said", INSTR_WEAK | BEFORE | WRITTEN),
    ("mission", TASK),
    ("job", TASK),
    ("goal", TASK),
    ("don", NEG),
    ("dont", NEG),
    ("not", NEG | COMMON),
    ("never", NEG),
    ("stop", NEG),
    ("no", NEG | WITHOUT),
    ("cease", NEG),
    ("longer", NEG),
    ("follow", FOLLOW),
    ("obey", FOLLOW),
    ("adhere", FOLLOW),
    ("comply", FOLLOW),
    ("abide", FOLLOW),
    ("new", NEW),
    ("updated", NEW),
    ("different", NEW | OTHER),
    ("real", NEW),
    ("actual", NEW),
    ("true", NEW),
    ("following", NEW),
    ("revised", NEW),
    ("now", NOW),
    ("henceforth", NOW),
    ("onwards", NOW),
    ("forward", NOW),
    ("you", YOU | COMMON),
    ("yourself", YOU),
    ("u", YOU),
    ("are", ARE | COMMON),
    ("re", ARE),
    ("will", ARE),
    ("shall", ARE),
    ("must", ARE),
    ("is", ARE | WAS | COMMON),
    ("should", ARE),
    ("pretend", PRETEND),
    ("pretending", PRETEND),
    ("roleplay", PRETEND),
    ("impersonate", PRETEND),
    ("simulate", PRETEND),
    ("emulate", PRETEND),
    ("imagine", PRETEND),
    ("act", ACT),
    ("acting", ACT),
    ("behave", ACT),
    ("respond", ACT | SAY),
    ("answer", ACT | SAY | DO),
    ("reply", ACT | SAY | DO),
    ("operate", ACT),
    ("function", ACT),
    ("as", AS | LIKE),
    ("like", LIKE),
    ("am", AS),
    ("im", AS),
    ("admin", PRIV_ROLE | PRIV_MODE | ADMIN | AUTHORITY),
    ("administrator", PRIV_ROLE | ADMIN | AUTHORITY),
    ("root", PRIV_ROLE | PRIV_MODE),
    ("sudo", PRIV_ROLE | PRIV_MODE),
    ("superuser", PRIV_ROLE | PRIV_MODE | AUTHORITY),
    ("database", PRIV_ROLE | DATA_NOUN | HIGH_DATA | DATA2),
    ("db", PRIV_ROLE | HIGH_DATA),
    ("developer", PRIV_ROLE | PRIV_MODE | AUTHORITY | SELF_STRONG),
    ("dev", PRIV_MODE),
    ("debug", PRIV_MODE),
    ("sysadmin", PRIV_ROLE | AUTHORITY),
    ("operator", PRIV_ROLE),
    ("god", PRIV_ROLE | PRIV_MODE),
    ("dan", PRIV_ROLE | PRIV_MODE),
    ("unrestricted", PRIV_ROLE | PRIV_MODE | JAILWORD),
    ("unfiltered", PRIV_ROLE | PRIV_MODE | JAILWORD),
    ("uncensored", PRIV_ROLE | PRIV_MODE | JAILWORD),
    ("jailbroken", PRIV_ROLE | PRIV_MODE | JAILWORD),
    ("jailbreak", PRIV_MODE | JAILWORD),
    ("jailbreaking", JAILWORD),
    ("evil", PRIV_ROLE | PRIV_MODE),
    ("unethical", PRIV_ROLE),
    ("amoral", PRIV_ROLE | JAILWORD),
    ("hacker", PRIV_ROLE),
    ("terminal", PRIV_ROLE),
    ("shell", PRIV_ROLE),
    ("linux", PRIV_ROLE),
    ("console", PRIV_ROLE),
    ("interpreter", PRIV_ROLE),
    ("unchained", PRIV_ROLE | JAILWORD),
    ("unbound", PRIV_ROLE),
    ("maintenance", PRIV_MODE),
    ("privileged", PRIV_ROLE),
    ("mode", MODE),
    ("enable", ENABLE),
    ("enter", ENABLE),
    ("activate", ENABLE),
    ("switch", ENABLE | SWITCH),
    ("turn", ENABLE),
    ("unlock", ENABLE),
    ("engage", ENABLE),
    ("entering", ENABLE),
    ("censorship", NORESTRICT),
    ("limits", NORESTRICT),
    ("boundaries", NORESTRICT),
    ("ethics", NORESTRICT),
    ("morals", NORESTRICT),
    ("morality", NORESTRICT),
    ("policies", NORESTRICT),
    ("without", WITHOUT),
    ("free", WITHOUT),
    ("freed", WITHOUT),
    ("beyond", WITHOUT),
    ("break", WITHOUT),
    ("escape", WITHOUT),
    ("disable", WITHOUT),
    ("remove", WITHOUT),
    ("show", REVEAL | BULK_VERB),
    ("print", REVEAL | BULK_VERB | SAY),
    ("reveal", REVEAL | BULK_VERB),
    ("repeat", REVEAL | SAY),
    ("output", REVEAL | BULK_VERB | SAY),
    ("display", REVEAL | BULK_VERB),
    ("tell", REVEAL),
    ("give", REVEAL | BULK_VERB),
    ("share", REVEAL | BULK_VERB),
    ("leak", REVEAL | BULK_VERB | DUMP),
    ("dump", REVEAL | BULK_VERB | DUMP),
    ("copy", REVEAL | BULK_VERB),
    ("spell", REVEAL),
    ("write", REVEAL | SAY),
    ("recite", REVEAL),
    ("disclose", REVEAL | BULK_VERB),
    ("expose", REVEAL | BULK_VERB),
    ("list", REVEAL | BULK_VERB),
    ("paste", REVEAL),
    ("echo", REVEAL | SAY),
    ("what", REVEAL | WHAT | COMMON),
    ("whats", REVEAL | WHAT),
    ("send", BULK_VERB),
    ("export", BULK_VERB | DUMP),
    ("extract", BULK_VERB | DUMP),
    ("exfiltrate", BULK_VERB | DUMP),
    ("download", BULK_VERB),
    ("retrieve", BULK_VERB),
    ("fetch", BULK_VERB),
    ("provide", BULK_VERB),
    ("get", BULK_VERB),
    ("need", BULK_VERB),
    ("want", BULK_VERB),
    ("pull", BULK_VERB),
    ("email", BULK_VERB),
    ("enumerate", BULK_VERB),
    ("compile", BULK_VERB),
    ("access", BULK_VERB | SWITCH),
    ("see", BULK_VERB),
    ("view", BULK_VERB),
    ("each", ALL | OTHER),
    ("entire", ALL),
    ("whole", ALL),
    ("complete", ALL),
    ("full", ALL),
    ("everyone", ALL),
    ("everybody", ALL),
    ("users", DATA_NOUN | HIGH_DATA | PERSON),
    ("user", DATA_NOUN | PERSON),
    ("tenants", DATA_NOUN | HIGH_DATA | TENANT_NOUN),
    ("tenant", DATA_NOUN | TENANT_NOUN),
    ("residents", DATA_NOUN | PERSON),
    ("resident", DATA_NOUN | PERSON),
    ("patients", DATA_NOUN | PERSON),
    ("patient", DATA_NOUN | PERSON),
    ("clients", DATA_NOUN | PERSON),
    ("people", PERSON),
    ("staff", DATA_NOUN | PERSON),
    ("employees", DATA_NOUN | PERSON),
    ("customers", DATA_NOUN | PERSON | HIGH_DATA),
    ("records", DATA_NOUN | DATA2),
    ("record", DATA_NOUN | DATA2),
    ("passwords", DATA_NOUN | HIGH_DATA | DATA2 | SECRET),
    ("password", DATA_NOUN | DATA2 | SECRET),
    ("passphrase", SECRET),
    ("secret", SECRET | SELF_STRONG),
    ("secrets", HIGH_DATA | SECRET),
    ("credentials", DATA_NOUN | HIGH_DATA | DATA2 | SECRET),
    ("medications", DATA_NOUN | DATA2),
    ("medication", DATA_NOUN | DATA2),
    ("meds", DATA_NOUN | DATA2),
    ("data", DATA_NOUN | DATA2),
    ("tables", DATA_NOUN | HIGH_DATA | TABLE),
    ("table", TABLE),
    ("schema", DATA_NOUN | HIGH_DATA),
    ("emails", DATA_NOUN | DATA2),
    ("accounts", DATA_NOUN | HIGH_DATA),
    ("notes", DATA_NOUN | DATA2),
    ("files", DATA_NOUN | DATA2),
    ("details", DATA_NOUN | DATA2),
    ("information", DATA_NOUN | DATA2),
    ("info", DATA_NOUN | DATA2),
    ("addresses", DATA_NOUN | DATA2),
    ("contacts", DATA_NOUN | DATA2),
    ("logs", DATA_NOUN | DATA2),
    ("histories", DATA_NOUN | DATA2),
    ("history", DATA2),
    ("profiles", DATA_NOUN | DATA2),
    ("conversations", DATA_NOUN | DATA2),
    ("sessions", DATA_NOUN),
    ("keys", HIGH_DATA | DATA2),
    ("tokens", HIGH_DATA),
    ("hashes", HIGH_DATA),
    ("organisations", DATA_NOUN | HIGH_DATA | TENANT_NOUN),
    ("organizations", DATA_NOUN | HIGH_DATA | TENANT_NOUN),
    ("organisation", TENANT_NOUN),
    ("organization", TENANT_NOUN),
    ("providers", TENANT_NOUN),
    ("provider", TENANT_NOUN),
    ("nhs", DATA2),
    ("diagnoses", DATA2),
    ("plans", DATA2),
    ("cqc", AUTHORITY),
    ("inspector", AUTHORITY),
    ("auditor", AUTHORITY),
    ("police", AUTHORITY),
    ("regulator", AUTHORITY),
    ("ceo", AUTHORITY),
    ("owner", AUTHORITY),
    ("director", AUTHORITY),
    ("investigator", AUTHORITY),
    ("ombudsman", AUTHORITY),
    ("engineer", AUTHORITY),
    ("change", SWITCH),
    ("swap", SWITCH),
    ("move", SWITCH),
    ("login", SWITCH),
    ("log", SWITCH),
    ("connect", SWITCH),
    ("jump", SWITCH),
    ("another", OTHER),
    ("other", OTHER),
    ("others", OTHER),
    ("foreign", OTHER),
    ("separate", OTHER),
    ("care", CARE),
    ("home", HOME),
    ("homes", HOME | HIGH_DATA),
    ("to", TO | COMMON),
    ("the", COMMON),
    ("and", COMMON),
    ("of", COMMON),
    ("a", COMMON),
    ("i", COMMON),
    ("it", COMMON),
    ("in", COMMON),
    ("for", COMMON),
    ("with", COMMON),
    ("this", COMMON),
    ("my", COMMON),
    ("how", COMMON),
    ("be", COMMON),
    ("have", COMMON),
    ("do", COMMON | DO),
    ("can", COMMON),
    ("me", COMMON),
    ("we", COMMON),
    ("on", COMMON | ON),
    ("say", SAY),
    ("type", SAY),
    ("pwned", PWNED),
    ("pwn", PWNED),
    ("hacked", PWNED),
    ("anything", ANYTHING),
    ("before", BEFORE),
    ("previously", BEFORE),
    ("so", BEFORE),
    ("written", WRITTEN),
    ("stated", WRITTEN),
    ("typed", WRITTEN),
    ("told", WRITTEN),
    ("given", WRITTEN),
    ("mentioned", WRITTEN),
    ("beginning", BEGINNING),
    ("start", BEGINNING),
    ("top", BEGINNING),
    ("first", BEGINNING | SELF_STRONG),
    ("from", FROM),
    ("bound", BOUND),
    ("restricted", BOUND),
    ("limited", BOUND),
    ("constrained", BOUND),
    ("obligated", BOUND),
    ("required", BOUND),
    ("was", WAS),
    ("were", WAS),
    ("union", UNION),
    ("select", SELECT),
    ("drop", DROP | IGNORE),
    ("truncate", DROP),
    ("words", WORDS),
    ("sentences", WORDS),
    ("lines", WORDS),
    ("internal", SELF_STRONG),
    ("confidential", SELF_STRONG),
    ("starting", SELF_STRONG),
];

const fn str_lt(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

const N: usize = RAW.len();

const fn sorted() -> [(&'static str, u64); N] {
    let mut out = [("", 0u64); N];
    let mut i = 0;
    while i < N {
        out[i] = RAW[i];
        i += 1;
    }
    // insertion sort, at compile time
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && str_lt(out[j].0, out[j - 1].0) {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

static TABLE_SORTED: [(&str, u64); N] = sorted();

/// Class mask of one lower-case word (exact form), 0 when unknown.
fn exact(word: &str) -> u64 {
    let t = &TABLE_SORTED;
    let idx = match t.binary_search_by(|(w, _)| (*w).cmp(word)) {
        Ok(i) => i,
        Err(_) => return 0,
    };
    let mut m = t[idx].1;
    let mut j = idx;
    while j > 0 && t[j - 1].0 == word {
        j -= 1;
        m |= t[j].1;
    }
    let mut j = idx + 1;
    while j < t.len() && t[j].0 == word {
        m |= t[j].1;
        j += 1;
    }
    m
}

/// Class mask of a lower-case word, trying a plural `s` fallback.
pub(crate) fn classes(word: &str) -> u64 {
    let m = exact(word);
    if m != 0 || word.len() < 4 {
        return m;
    }
    match word.strip_suffix('s') {
        Some(stem) => exact(stem),
        None => 0,
    }
}

/// Whether a word is in the lexicon (used to accept leetspeak / spaced-letter decodings).
pub(crate) fn known(word: &str) -> bool {
    classes(word) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_lookups_merge_duplicates() {
        for w in TABLE_SORTED.windows(2) {
            assert!(w[0].0 <= w[1].0);
        }
        assert_eq!(classes("ignore") & c::IGNORE, c::IGNORE);
        assert!(classes("instructions") & c::INSTR != 0);
        assert!(classes("filters") & c::NORESTRICT != 0);
        assert_eq!(classes("zzzz"), 0);
        assert!(classes("jailbreaks") & c::JAILWORD != 0);
    }
}
