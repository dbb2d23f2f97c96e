//! Personal data in UK care text: NHS numbers (mod-11 check digit), National Insurance
//! numbers, UK phone numbers, postcodes, e-mail addresses, dates of birth and payment card
//! numbers (Luhn).
//!
//! Detection is precise rather than greedy: a ten-digit number is an NHS number only if its
//! check digit is right, a card number only if it passes Luhn, and a date only counts as a date
//! of birth next to words such as "DOB" or "born". Staff type NHS numbers legitimately, so PII
//! never blocks tenant input; it is redacted for logs and blocked in public answers.

use crate::Span;

/// Kinds of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PiiKind {
    NhsNumber,
    NiNumber,
    Phone,
    Postcode,
    Email,
    DateOfBirth,
    CardNumber,
}

impl PiiKind {
    /// The typed placeholder used by [`redact`].
    pub fn placeholder(self) -> &'static str {
        match self {
            PiiKind::NhsNumber => "[NHS_NUMBER]",
            PiiKind::NiNumber => "[NI_NUMBER]",
            PiiKind::Phone => "[PHONE]",
            PiiKind::Postcode => "[POSTCODE]",
            PiiKind::Email => "[EMAIL]",
            PiiKind::DateOfBirth => "[DATE_OF_BIRTH]",
            PiiKind::CardNumber => "[CARD_NUMBER]",
        }
    }

    /// Stable rule-id suffix.
    pub fn id(self) -> &'static str {
        match self {
            PiiKind::NhsNumber => "nhs-number",
            PiiKind::NiNumber => "ni-number",
            PiiKind::Phone => "phone",
            PiiKind::Postcode => "postcode",
            PiiKind::Email => "email",
            PiiKind::DateOfBirth => "date-of-birth",
            PiiKind::CardNumber => "card-number",
        }
    }
}

/// One piece of personal data and where it is (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PiiMatch {
    pub kind: PiiKind,
    pub span: Span,
}

/// NHS number check digit (modulus 11).
pub fn nhs_valid(d: &[u8]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(i, &x)| x as u32 * (10 - i as u32))
        .sum();
    let check = 11 - (sum % 11);
    let check = if check == 11 { 0 } else { check };
    check != 10 && check == d[9] as u32
}

/// Luhn checksum of card numbers.
pub fn luhn_valid(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = x as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

/// A run of digits grouped by single spaces / hyphens / dots, with a leading `+` or `(`.
struct Digits {
    start: usize,
    end: usize,
    digits: Vec<u8>,
    plus: bool,
    seps: u8,
}

fn digit_groups(b: &[u8], mut i: usize) -> Option<Digits> {
    let start = i;
    let plus = b[i] == b'+';
    if plus || b[i] == b'(' {
        i += 1;
    }
    let mut digits = Vec::new();
    let mut end = i;
    let mut seps = 0u8;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            digits.push(c - b'0');
            i += 1;
            end = i;
        } else if matches!(c, b' ' | b'-' | b'.' | b')' | b'(')
            && i + 1 < b.len()
            && (b[i + 1].is_ascii_digit()
                || (c == b')' && b[i + 1] == b' ' && b.get(i + 2).is_some_and(u8::is_ascii_digit)))
            && !digits.is_empty()
        {
            if c == b'.' && digits.len() <= 2 {
                // decimals / dates are handled elsewhere
                break;
            }
            seps += 1;
            i += 1;
            if c == b')' && b.get(i) == Some(&b' ') {
                i += 1;
            }
        } else {
            break;
        }
        if digits.len() > 19 {
            break;
        }
    }
    (!digits.is_empty()).then_some(Digits {
        start,
        end,
        digits,
        plus,
        seps,
    })
}

fn word_boundary(b: &[u8], s: usize, e: usize) -> bool {
    (s == 0 || !b[s - 1].is_ascii_alphanumeric()) && (e >= b.len() || !b[e].is_ascii_alphanumeric())
}

fn numbers(text: &str, out: &mut Vec<PiiMatch>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts = c.is_ascii_digit()
            || ((c == b'+' || c == b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !starts || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/')) {
            i += 1;
            continue;
        }
        let Some(g) = digit_groups(b, i) else {
            i += 1;
            continue;
        };
        let d = &g.digits;
        let span = Span {
            start: g.start as u32,
            end: g.end as u32,
        };
        let bounded = word_boundary(b, g.start, g.end);
        let kind = if !bounded {
            None
        } else if g.plus && d.len() >= 11 && d[0] == 4 && d[1] == 4 && (11..=13).contains(&d.len())
        {
            Some(PiiKind::Phone)
        } else if d.len() == 10 && d[0] != 0 && nhs_valid(d) && g.seps <= 2 {
            Some(PiiKind::NhsNumber)
        } else if d[0] == 0 && (d.len() == 10 || d.len() == 11) && d[1] != 0 {
            Some(PiiKind::Phone)
        } else if (13..=19).contains(&d.len()) && matches!(d[0], 3..=6) && luhn_valid(d) {
            Some(PiiKind::CardNumber)
        } else {
            None
        };
        if let Some(kind) = kind {
            out.push(PiiMatch { kind, span });
        }
        i = g.end.max(i + 1);
    }
}

/// National Insurance number: `AB123456C` or `AB 12 34 56 C` (upper case).
fn ni_numbers(text: &str, out: &mut Vec<PiiMatch>) {
    let b = text.as_bytes();
    let bad_first = b"DFIQUV";
    let bad_second = b"DFIOQUV";
    let bad_prefix: [&[u8]; 7] = [b"BG", b"GB", b"KN", b"NK", b"NT", b"TN", b"ZZ"];
    let mut i = 0;
    while i + 8 < b.len() + 1 {
        if !(b[i].is_ascii_uppercase() && b.get(i + 1).is_some_and(u8::is_ascii_uppercase))
            || (i > 0 && b[i - 1].is_ascii_alphanumeric())
        {
            i += 1;
            continue;
        }
        if bad_first.contains(&b[i])
            || bad_second.contains(&b[i + 1])
            || bad_prefix.contains(&&b[i..i + 2])
        {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        let mut nd = 0;
        while j < b.len() && nd < 6 {
            if b[j].is_ascii_digit() {
                nd += 1;
                j += 1;
            } else if b[j] == b' ' && b.get(j + 1).is_some_and(u8::is_ascii_digit) && nd % 2 == 0 {
                j += 1;
            } else {
                break;
            }
        }
        if nd == 6 {
            let mut k = j;
            if b.get(k) == Some(&b' ') {
                k += 1;
            }
            if b.get(k).is_some_and(|c| (b'A'..=b'D').contains(c)) && word_boundary(b, i, k + 1) {
                out.push(PiiMatch {
                    kind: PiiKind::NiNumber,
                    span: Span {
                        start: i as u32,
                        end: (k + 1) as u32,
                    },
                });
                i = k + 1;
                continue;
            }
        }
        i += 1;
    }
}

/// UK postcodes: `A9 9AA`, `A99 9AA`, `AA9 9AA`, `AA99 9AA`, `A9A 9AA`, `AA9A 9AA`.
fn postcodes(text: &str, out: &mut Vec<PiiMatch>) {
    let b = text.as_bytes();
    let up = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphabetic());
    let dg = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // the inward code's letters never include C, I, K, M, O or V (so `B12 2mg` is no postcode)
    let inward_letter = |i: usize| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() && !b"CIKMOVcikmov".contains(c))
    };
    let mut i = 0;
    while i < b.len() {
        if !up(i) || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        // outward code: letters (1-2), digit, optional letter/digit
        let mut j = i + 1;
        if up(j) {
            j += 1;
        }
        if !dg(j) {
            i += 1;
            continue;
        }
        j += 1;
        // one more outward character unless it already starts an unspaced inward code
        let inward = |k: usize| {
            dg(k)
                && inward_letter(k + 1)
                && inward_letter(k + 2)
                && !b.get(k + 3).is_some_and(|c| c.is_ascii_alphanumeric())
        };
        if (dg(j) || up(j)) && !inward(j) {
            j += 1;
        }
        let mut k = j;
        let spaced = b.get(k) == Some(&b' ');
        if spaced {
            k += 1;
        }
        if inward(k) && word_boundary(b, i, k + 3) {
            let s = &text[i..k + 3];
            let upper = s.bytes().all(|c| !c.is_ascii_lowercase());
            // lower-case postcodes only with the separating space
            if upper || spaced {
                out.push(PiiMatch {
                    kind: PiiKind::Postcode,
                    span: Span {
                        start: i as u32,
                        end: (k + 3) as u32,
                    },
                });
                i = k + 3;
                continue;
            }
        }
        i += 1;
    }
}

fn emails(text: &str, out: &mut Vec<PiiMatch>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let dom = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
    for (at, _) in text.match_indices('@') {
        let mut s = at;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < b.len() && dom(b[e]) {
            e += 1;
        }
        while e > at + 1 && b[e - 1] == b'.' {
            e -= 1;
        }
        let domain = &text[at + 1..e];
        if s < at
            && domain.contains('.')
            && !domain.starts_with('.')
            && domain.rsplit('.').next().is_some_and(|t| t.len() >= 2)
        {
            if out.last().is_some_and(|m| m.span.end as usize > s) {
                continue;
            }
            out.push(PiiMatch {
                kind: PiiKind::Email,
                span: Span {
                    start: s as u32,
                    end: e as u32,
                },
            });
        }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date starting at `i`: `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd`, `12 March 1942`.
fn date_at(b: &[u8], i: usize) -> Option<usize> {
    let num = |mut j: usize, max: usize| {
        let s = j;
        while j < b.len() && b[j].is_ascii_digit() && j - s < max {
            j += 1;
        }
        (j > s).then_some(j)
    };
    let e1 = num(i, 4)?;
    let n1 = e1 - i;
    if n1 <= 2 {
        if let Some(&sep) = b.get(e1) {
            if matches!(sep, b'/' | b'-' | b'.') {
                let e2 = num(e1 + 1, 2)?;
                if b.get(e2) == Some(&sep) {
                    let e3 = num(e2 + 1, 4)?;
                    if e3 - e2 - 1 == 4 || e3 - e2 - 1 == 2 {
                        return Some(e3);
                    }
                }
                return None;
            }
            if sep == b' ' {
                let mut j = e1 + 1;
                let ms = j;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                let m = std::str::from_utf8(&b[ms..j]).ok()?.to_ascii_lowercase();
                if m.len() >= 3
                    && MONTHS.iter().any(|p| m.starts_with(p))
                    && b.get(j) == Some(&b' ')
                {
                    let e3 = num(j + 1, 4)?;
                    if e3 - j - 1 == 4 {
                        return Some(e3);
                    }
                }
            }
        }
    } else if n1 == 4 && b.get(e1) == Some(&b'-') {
        let e2 = num(e1 + 1, 2)?;
        if b.get(e2) == Some(&b'-') {
            return num(e2 + 1, 2);
        }
    }
    None
}

fn dates_of_birth(text: &str, out: &mut Vec<PiiMatch>) {
    let b = text.as_bytes();
    // "date of birth", "birth date" and "birthday" all contain "birth"
    const CUES: [&[u8]; 4] = [b"dob", b"d.o.b", b"born", b"birth"];
    // one pass over the bytes that can start a cue
    for p in 0..b.len() {
        if !matches!(b[p] | 0x20, b'b' | b'd') || (p > 0 && b[p - 1].is_ascii_alphabetic()) {
            continue;
        }
        let Some(cue) = CUES
            .iter()
            .find(|c| b.len() >= p + c.len() && b[p..p + c.len()].eq_ignore_ascii_case(c))
        else {
            continue;
        };
        let from = p + cue.len();
        let lim = (from + 24).min(b.len());
        for j in from..lim {
            if b[j].is_ascii_digit() && (j == 0 || !b[j - 1].is_ascii_alphanumeric()) {
                if let Some(e) = date_at(b, j) {
                    if !out.iter().any(|m| m.span.start as usize == j) {
                        out.push(PiiMatch {
                            kind: PiiKind::DateOfBirth,
                            span: Span {
                                start: j as u32,
                                end: e as u32,
                            },
                        });
                    }
                    break;
                }
            }
        }
    }
}

/// All personal data in `text`, sorted by position, non-overlapping.
pub fn find(text: &str) -> Vec<PiiMatch> {
    let mut v = Vec::new();
    if text.bytes().any(|c| c.is_ascii_digit()) {
        numbers(text, &mut v);
        ni_numbers(text, &mut v);
        postcodes(text, &mut v);
        dates_of_birth(text, &mut v);
    }
    if text.contains('@') {
        emails(text, &mut v);
    }
    v.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut out: Vec<PiiMatch> = Vec::with_capacity(v.len());
    for m in v {
        if out.last().is_some_and(|l| m.span.start < l.span.end) {
            continue;
        }
        out.push(m);
    }
    out
}

/// The text with every piece of personal data replaced by its typed placeholder, or `None`
/// when there is none.
pub fn redact(text: &str) -> Option<String> {
    redact_matches(text, &find(text))
}

/// Redaction with already computed matches.
pub fn redact_matches(text: &str, matches: &[PiiMatch]) -> Option<String> {
    if matches.is_empty() {
        return None;
    }
    let mut s = String::with_capacity(text.len());
    let mut last = 0usize;
    for m in matches {
        s.push_str(&text[last..m.span.start as usize]);
        s.push_str(m.kind.placeholder());
        last = m.span.end as usize;
    }
    s.push_str(&text[last..]);
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<PiiKind> {
        find(s).into_iter().map(|m| m.kind).collect()
    }

    #[test]
    fn finds_uk_personal_data() {
        assert_eq!(kinds("NHS 943 476 5919 please"), [PiiKind::NhsNumber]);
        assert_eq!(kinds("NHS 9434765919"), [PiiKind::NhsNumber]);
        assert!(kinds("ref 9434765918").is_empty(), "bad check digit");
        assert_eq!(
            kinds("NI: QQ123456C? no, AB 12 34 56 C"),
            [PiiKind::NiNumber]
        );
        assert_eq!(
            kinds("call 07700 900123 or +44 20 7946 0958"),
            [PiiKind::Phone, PiiKind::Phone]
        );
        assert_eq!(kinds("lives at SW1A 1AA now"), [PiiKind::Postcode]);
        assert_eq!(kinds("postcode m1 1ae"), [PiiKind::Postcode]);
        assert_eq!(kinds("mail jane.doe@example.co.uk."), [PiiKind::Email]);
        assert_eq!(
            kinds("DOB: 12/03/1942, reviewed 01/02/2024"),
            [PiiKind::DateOfBirth]
        );
        assert_eq!(kinds("born 3 March 1938"), [PiiKind::DateOfBirth]);
        assert_eq!(kinds("card 4111 1111 1111 1111"), [PiiKind::CardNumber]);
        assert!(kinds("gave 2 tablets at 10:30, 500mg, room 12, 24/7 care").is_empty());
    }

    #[test]
    fn redacts_with_placeholders() {
        assert_eq!(
            redact("Mr A (NHS 943 476 5919) at SW1A 1AA").as_deref(),
            Some("Mr A (NHS [NHS_NUMBER]) at [POSTCODE]")
        );
        assert_eq!(redact("nothing here"), None);
    }
}
