//! Cross-tenant references.
//!
//! Tenant ids follow `<sector>-<name>` (`healthcare-abc123`) and resident ids
//! `<tenantId>_resident_<n>`. A message that names another tenant's id, asks to switch tenant,
//! or asks for "data from another care home / tenant" crosses the isolation boundary. This is
//! only a violation when the caller's tenant is known (tenant agent) and differs.

use crate::lexicon::c::*;
use crate::normalize::Normalized;
use crate::rules::{run_phrases, Phrase};
use crate::{Finding, Severity, Span, Violation};

/// Sectors that make `<sector>-<x>` a tenant id even for short names (`tenant-b`).
const SECTORS: &[&str] = &[
    "healthcare",
    "care",
    "carehome",
    "nursing",
    "residential",
    "domiciliary",
    "homecare",
    "tenant",
    "org",
    "provider",
    "hospice",
    "clinic",
    "trust",
    "supported",
    "livingcare",
];

/// Prefixes that look like `<word>-<letters+digits>` but are not tenants (`vitamin-b12`).
const NOT_TENANT: &[&str] = &[
    "sars", "covid", "vitamin", "omega", "type", "class", "grade", "stage", "level", "band",
    "phase", "ward", "room", "flat", "unit", "wing", "floor", "block", "model", "version", "item",
    "page", "step", "section", "form", "code", "ref", "case", "ticket", "order",
];

/// A tenant or resident identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantRef {
    /// The tenant id, lower-cased (`healthcare-abc123`).
    pub tenant: String,
    /// Byte span of the whole identifier (including a `_resident_<n>` suffix).
    pub span: Span,
    /// Whether it was a resident id.
    pub resident: bool,
}

/// Finds tenant ids and resident ids in `text`.
pub fn find_ids(text: &str) -> Vec<TenantRef> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'-' || i == 0 {
            i += 1;
            continue;
        }
        // sector: letters to the left
        let mut s = i;
        while s > 0 && b[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        if s == i
            || (s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'-' || b[s - 1] == b'_'))
        {
            i += 1;
            continue;
        }
        // name: alphanumerics to the right
        let mut e = i + 1;
        while e < b.len() && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
        if e == i + 1 || (e < b.len() && b[e] == b'-') {
            i = e.max(i + 1);
            continue;
        }
        let sector = text[s..i].to_ascii_lowercase();
        let name = &b[i + 1..e];
        let has_digit = name.iter().any(|c| c.is_ascii_digit());
        let has_alpha = name.iter().any(|c| c.is_ascii_alphabetic());
        let known = SECTORS.contains(&sector.as_str());
        let is_tenant = (known && (sector == "tenant" || has_digit || name.len() <= 2))
            || (!known
                && sector.len() >= 4
                && has_digit
                && has_alpha
                && name.len() >= 4
                && !NOT_TENANT.contains(&sector.as_str()));
        if !is_tenant {
            i = e;
            continue;
        }
        let mut end = e;
        let mut resident = false;
        if b.len() > e + 10 && b[e..e + 10].eq_ignore_ascii_case(b"_resident_") {
            let mut k = e + 10;
            while k < b.len() && b[k].is_ascii_alphanumeric() {
                k += 1;
            }
            if k > e + 10 {
                end = k;
                resident = true;
            }
        }
        out.push(TenantRef {
            tenant: text[s..e].to_ascii_lowercase(),
            span: Span {
                start: s as u32,
                end: end as u32,
            },
            resident,
        });
        i = end;
    }
    out
}

use Severity::{High, Medium};
use Violation::CrossTenantReference as X;

macro_rules! phrase {
    ($id:expr, $s:expr, [$(($m:expr, $g:expr)),+], $e:expr) => {
        Phrase { id: $id, violation: X, severity: $s, slots: &[$(($m, $g)),+], explanation: $e, across_sentences: false }
    };
}

const TENANT_ONLY: u128 = TENANT_NOUN;

static PHRASES: &[Phrase] = &[
    phrase!(
        "tenant.switch",
        High,
        [(SWITCH | ENABLE, 0), (TO, 2), (TENANT_ONLY, 2)],
        "asks to switch to another tenant"
    ),
    phrase!(
        "tenant.other-tenant",
        High,
        [(OTHER, 0), (TENANT_ONLY, 1)],
        "refers to other tenants' data"
    ),
    phrase!(
        "tenant.other-home-data",
        High,
        [
            (OTHER, 0),
            (CARE, 0),
            (HOME, 0),
            (DATA_NOUN | DATA2 | PERSON, 3)
        ],
        "asks for another care home's data"
    ),
    phrase!(
        "tenant.data-from-other-home",
        High,
        [
            (DATA_NOUN | DATA2 | PERSON, 0),
            (FROM, 1),
            (OTHER, 1),
            (CARE | TENANT_ONLY, 1)
        ],
        "asks for data from another care home or tenant"
    ),
    phrase!(
        "tenant.other-home-request",
        High,
        [(OTHER, 0), (CARE, 0), (HOME, 0), (BULK_VERB | WANT, 8)],
        "asks for something from another care home"
    ),
    phrase!(
        "tenant.other-home",
        Medium,
        [(OTHER, 0), (CARE, 0), (HOME, 0)],
        "mentions another care home"
    ),
];

/// Cross-tenant findings for a message from `tenant` (nothing when `tenant` is `None`).
pub(crate) fn check(text: &str, n: &Normalized, tenant: Option<&str>, out: &mut Vec<Finding>) {
    let Some(own) = tenant else { return };
    let own = own.trim().to_ascii_lowercase();
    for r in find_ids(text) {
        if r.tenant != own {
            out.push(Finding {
                violation: X,
                rule_id: if r.resident {
                    "tenant.foreign-resident-id"
                } else {
                    "tenant.foreign-id"
                }
                .into(),
                span: Some(r.span),
                severity: Severity::Critical,
                explanation: if r.resident {
                    "names a resident of another tenant".into()
                } else {
                    "names another tenant".into()
                },
            });
            break;
        }
    }
    // the tenant noun phrases only make sense when the message is about tenants at all
    if n.tokens.iter().any(|t| t.mask & (TENANT_NOUN | HOME) != 0) {
        let mut tmp = Vec::new();
        run_phrases(n, PHRASES, &mut tmp);
        out.extend(tmp);
    }
}

/// Other tenants' identifiers in an answer: any id that is not `own` (all of them when the
/// answer is for the public agent).
pub(crate) fn check_output(text: &str, own: Option<&str>, out: &mut Vec<Finding>) {
    let own = own.map(|o| o.trim().to_ascii_lowercase());
    for r in find_ids(text) {
        if own.as_deref() != Some(r.tenant.as_str()) {
            out.push(Finding {
                violation: X,
                rule_id: "out.tenant.foreign-id".into(),
                span: Some(r.span),
                severity: Severity::Critical,
                explanation: "the answer names another tenant's identifier".into(),
            });
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_id_grammar() {
        let ids = |s: &str| {
            find_ids(s)
                .into_iter()
                .map(|r| r.tenant)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("see healthcare-abc123 now"), ["healthcare-abc123"]);
        assert_eq!(ids("data from tenant-b"), ["tenant-b"]);
        assert_eq!(
            ids("healthcare-xyz9_resident_12 notes"),
            ["healthcare-xyz9"]
        );
        assert!(find_ids("healthcare-xyz9_resident_12")[0].resident);
        assert!(ids("covid-19 and vitamin-b12, care-home staff, follow-up, e-mail").is_empty());
        assert!(ids("a well-being check and a non-slip mat").is_empty());
    }
}
