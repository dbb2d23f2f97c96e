//! Normalisation and tokenisation.
//!
//! Attackers hide instructions from simple matchers with Unicode look-alikes (`ｉｇｎｏｒｅ`,
//! Cyrillic `о`), zero-width characters inside words, leetspeak (`1gn0r3`) and spaced letters
//! (`i g n o r e`). Everything downstream (rules and classifier) therefore works on one
//! canonical token stream, and every token remembers the byte range of the original text it
//! came from, so findings report spans in the text the caller sent.

use crate::lexicon;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// One canonical word of the input.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// Byte range in the original text.
    pub start: u32,
    pub end: u32,
    /// Byte range of the canonical form in [`Normalized::buf`].
    pub t0: u32,
    pub t1: u32,
    /// Lexicon class mask.
    pub mask: u128,
    /// The canonical form differs from what was typed because of obfuscation (look-alike,
    /// zero-width, leetspeak or spaced letters).
    pub altered: bool,
    /// First token of a line.
    pub line_start: bool,
    /// First token of a sentence or clause (after `.`, `!`, `?`, `:`, `;` or a line break):
    /// injections are typically a new imperative sentence appended to an ordinary one.
    pub sent_start: bool,
    /// First token after a full stop, `!` or `?`: phrase rules do not run on from one real
    /// sentence into the next ("give hints first. The rules: ...").
    pub stop_start: bool,
}

/// Counters of obfuscation signals seen while normalising.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Obfuscation {
    /// Zero-width / bidi / soft-hyphen characters inside words.
    pub invisible_in_word: u32,
    /// Cyrillic/Greek look-alikes folded to Latin inside otherwise Latin words.
    pub mixed_script_words: u32,
    /// Fancy compatibility letters (full-width, mathematical, circled).
    pub fancy: u32,
    /// Tokens only recognised after leetspeak decoding.
    pub leet: u32,
    /// Spaced-letter runs merged into words.
    pub spaced: u32,
}

/// The normalised view of a text.
#[derive(Debug, Default)]
pub(crate) struct Normalized {
    pub buf: String,
    pub tokens: Vec<Token>,
    pub obf: Obfuscation,
    /// The lexicon classes of all tokens together: detectors ask [`Normalized::has`] before
    /// they scan, dozens of times per message, so it is one AND rather than a pass.
    pub present: u128,
}

impl Normalized {
    /// Canonical text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.buf[t.t0 as usize..t.t1 as usize]
    }

    /// Canonical text of token `i`, or `""` past the last token: the word-list detectors
    /// look a few words ahead without bounds checks of their own.
    pub(crate) fn word_or_empty(&self, i: usize) -> &str {
        if i < self.tokens.len() {
            self.word(i)
        } else {
            ""
        }
    }

    /// Whether the canonical words from token `k` on spell `phrase` ("antes de esta
    /// conversacion", "in writing"): the word-list detectors' multi-word match.
    pub(crate) fn spells(&self, k: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(j, p)| self.word_or_empty(k + j) == *p)
    }

    /// Whether a comma stands in `text` between token `k - 1` and token `k` (false for the
    /// first token): an order after a comma ("..., then change it"), a name set off by one.
    pub(crate) fn comma_before(&self, text: &str, k: usize) -> bool {
        k > 0
            && text
                .get(self.tokens[k - 1].end as usize..self.tokens[k].start as usize)
                .is_some_and(|gap| gap.contains(','))
    }

    /// Whether any token has one of `classes`: a detector's one-pass prefilter.
    pub(crate) fn has(&self, classes: u128) -> bool {
        self.present & classes != 0
    }

    /// Tokens of the sentence around tokens `s..=e`: from the last sentence start at or
    /// before `s` to the next one after `e`.
    pub(crate) fn sentence(&self, s: usize, e: usize) -> std::ops::Range<usize> {
        let start = (0..=s)
            .rev()
            .find(|&k| self.tokens[k].stop_start)
            .unwrap_or(0);
        let end = (e + 1..self.tokens.len())
            .find(|&k| self.tokens[k].stop_start)
            .unwrap_or(self.tokens.len());
        start..end
    }
}

/// Characters that render as nothing and are used to split words invisibly.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}')
}

/// Unicode "tag" characters (U+E0000..U+E007F), used for invisible ASCII smuggling.
pub(crate) fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

/// Latin look-alikes from Cyrillic, Greek and a few other blocks.
/// Letters drawn as emoji that compatibility decomposition leaves alone: regional indicators
/// ("🇮🇬🇳🇴🇷🇪", which pair into flags) and negative circled or squared letters ("🅸🅶🅽🅾🆁🅴").
/// Circled (Ⓘ), squared (🄸) and mathematical (𝐢) letters fold by NFKC already.
fn emoji_letter(c: char) -> Option<char> {
    let base = match c as u32 {
        0x1F1E6..=0x1F1FF => 0x1F1E6,
        0x1F150..=0x1F169 => 0x1F150,
        0x1F170..=0x1F189 => 0x1F170,
        _ => return None,
    };
    char::from_u32('a' as u32 + (c as u32 - base))
}

fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' | 'Ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ё' | 'ε' | 'Ε' => 'e',
        'ɡ' => 'g',
        'һ' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ӏ' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'п' | 'η' | 'Ν' => 'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' | 'ө' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'υ' | 'ц' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'у' | 'У' | 'γ' | 'Υ' => 'y',
        'ᴢ' | 'Ζ' => 'z',
        _ => return None,
    })
}

fn leet(b: u8) -> Option<u8> {
    Some(match b {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        b'8' => b'b',
        b'@' => b'a',
        b'$' => b's',
        _ => return None,
    })
}

struct Builder {
    out: Normalized,
    cur: String,
    cur_start: u32,
    cur_end: u32,
    cur_altered: bool,
    cur_confusable: bool,
    cur_latin: bool,
    cur_pending_invisible: u32,
    line_start: bool,
    sent_start: bool,
    stop_start: bool,
}

impl Builder {
    fn push_char(&mut self, ch: char, start: u32, end: u32, altered: bool) {
        if self.cur.is_empty() {
            self.cur_start = start;
            self.cur_altered = false;
            self.cur_confusable = false;
            self.cur_latin = false;
            self.cur_pending_invisible = 0;
        } else if self.cur_pending_invisible > 0 {
            // invisible characters between two letters of one word
            self.out.obf.invisible_in_word += self.cur_pending_invisible;
            self.cur_altered = true;
            self.cur_pending_invisible = 0;
        }
        self.cur_altered |= altered;
        self.cur.push(ch);
        self.cur_end = end;
    }

    fn end_token(&mut self) {
        if self.cur.is_empty() {
            return;
        }
        let mut word = std::mem::take(&mut self.cur);
        let mut altered = self.cur_altered;
        if self.cur_confusable && self.cur_latin {
            self.out.obf.mixed_script_words += 1;
        }
        // leetspeak: only when the decoding is a known word and the raw form is not
        if word.bytes().any(|b| b.is_ascii_alphabetic())
            && word.bytes().any(|b| leet(b).is_some())
            && !lexicon::known(&word)
        {
            let dec: String = word.bytes().map(|b| leet(b).unwrap_or(b) as char).collect();
            if lexicon::known(&dec) {
                word = dec;
                altered = true;
                self.out.obf.leet += 1;
            }
        }
        // one lexicon lookup per ordinary word; looked up again only when the word changes below
        let mut mask = lexicon::classes(&word);
        // a typing slip in an attack word ("instrcutions"): read as the word (a word known
        // only to the detectors' prefilters is not known)
        if mask & !lexicon::c::DETECTOR_ONLY == 0 {
            if let Some(w) = lexicon::typo(&word) {
                word.clear();
                word.push_str(w);
                mask = lexicon::classes(&word);
            }
        }
        // strip leet-only symbols that did not decode (e-mail `@`, prices `$`)
        if word.bytes().any(|b| b == b'@' || b == b'$') {
            word.retain(|c| c != '@' && c != '$');
            if word.is_empty() {
                self.cur = word;
                return;
            }
            mask = lexicon::classes(&word);
        }
        // "a system prompt", "an admin account": an indefinite article makes the noun
        // generic, so it does not refer to the assistant's own system ("What is a system
        // prompt?" asks for a definition, "What is your system prompt?" for the secret)
        if self
            .out
            .tokens
            .last()
            .is_some_and(|t| matches!(&self.out.buf[t.t0 as usize..t.t1 as usize], "a" | "an"))
        {
            mask &= !(lexicon::c::SELF_REF | lexicon::c::SELF_STRONG);
        }
        let t0 = self.out.buf.len() as u32;
        self.out.buf.push_str(&word);
        let t1 = self.out.buf.len() as u32;
        self.out.buf.push(' ');
        self.out.tokens.push(Token {
            start: self.cur_start,
            end: self.cur_end,
            t0,
            t1,
            mask,
            altered,
            line_start: self.line_start,
            sent_start: self.sent_start,
            stop_start: self.stop_start,
        });
        self.line_start = false;
        self.sent_start = false;
        self.stop_start = false;
        word.clear();
        self.cur = word;
    }
}

/// Normalises and tokenises `src`.
pub(crate) fn normalize(src: &str) -> Normalized {
    let mut b = Builder {
        out: Normalized {
            buf: String::with_capacity(src.len() + 8),
            tokens: Vec::with_capacity(src.len() / 5 + 4),
            obf: Obfuscation::default(),
            present: 0,
        },
        cur: String::with_capacity(32),
        cur_start: 0,
        cur_end: 0,
        cur_altered: false,
        cur_confusable: false,
        cur_latin: false,
        cur_pending_invisible: 0,
        line_start: true,
        sent_start: true,
        stop_start: true,
    };
    for (off, ch) in src.char_indices() {
        let start = off as u32;
        let end = (off + ch.len_utf8()) as u32;
        if ch.is_ascii() {
            let l = ch.to_ascii_lowercase();
            if l.is_ascii_alphanumeric() || ((l == '@' || l == '$') && !b.cur.is_empty()) {
                if l.is_ascii_alphabetic() {
                    b.cur_latin = true;
                }
                b.push_char(l, start, end, false);
            } else if (l == '@' || l == '$')
                && src
                    .as_bytes()
                    .get(end as usize)
                    .is_some_and(|n| n.is_ascii_alphanumeric())
            {
                b.push_char(l, start, end, false);
            } else if l == '\'' && !b.cur.is_empty() {
                // apostrophes: `don't` -> `don` `t`; keep as separator
                b.end_token();
            } else {
                b.end_token();
                if l == '\n' {
                    b.line_start = true;
                }
                if matches!(l, '\n' | '.' | '!' | '?' | ':' | ';') {
                    b.sent_start = true;
                }
                if matches!(l, '.' | '!' | '?') {
                    b.stop_start = true;
                }
            }
            continue;
        }
        if is_invisible(ch) || is_tag(ch) {
            if !b.cur.is_empty() {
                b.cur_pending_invisible += 1;
            }
            continue;
        }
        // Turkish dotless i is a letter of a Latin alphabet, not a look-alike from another
        // script: folded, but not counted as a homoglyph ("talimatları" -> "talimatlari")
        if ch == '\u{131}' {
            b.cur_latin = true;
            b.push_char('i', start, end, false);
            continue;
        }
        if let Some(l) = emoji_letter(ch) {
            b.cur_latin = true;
            b.push_char(l, start, end, true);
            b.out.obf.fancy += 1;
            continue;
        }
        if let Some(l) = confusable(ch) {
            // after push_char, which resets the flags at the first letter of a word
            b.push_char(l, start, end, true);
            b.cur_confusable = true;
            continue;
        }
        if ch == '\u{2019}' || ch == '\u{2018}' || ch == '\u{201C}' {
            b.end_token();
            continue;
        }
        let fancy_block = (ch as u32) > 0x024F;
        let mut emitted = false;
        decompose_compatible(ch, |d| {
            if is_combining_mark(d) {
                return;
            }
            for l in d.to_lowercase() {
                if l.is_alphanumeric() {
                    let altered = fancy_block && l.is_ascii();
                    if l.is_ascii_alphabetic() {
                        b.cur_latin = true;
                    }
                    b.push_char(l, start, end, altered);
                    emitted = true;
                } else if l.is_whitespace() || l.is_ascii_punctuation() || !l.is_alphanumeric() {
                    b.end_token();
                }
            }
        });
        if emitted && fancy_block {
            b.out.obf.fancy += 1;
        }
        if ch == '\u{2028}' || ch == '\u{2029}' || ch == '\u{0085}' {
            b.line_start = true;
            b.sent_start = true;
        }
    }
    b.end_token();
    let mut out = b.out;
    merge_spaced(src, &mut out);
    out.present = out.tokens.iter().fold(0, |m, t| m | t.mask);
    out
}

/// Merges runs of single letters separated by one character (`i g n o r e`, `i.g.n.o.r.e`)
/// into words, splitting the merged string into known words when possible.
fn merge_spaced(src: &str, n: &mut Normalized) {
    let bytes = src.as_bytes();
    let single = |n: &Normalized, i: usize| {
        let t = &n.tokens[i];
        t.t1 - t.t0 == 1 && n.buf.as_bytes()[t.t0 as usize].is_ascii_alphabetic()
    };
    let mut i = 0;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    while i < n.tokens.len() {
        if !single(n, i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n.tokens.len() && single(n, j) {
            // letters decomposed from one source character ("℀" is "a/c") share its span,
            // so the next one may start before the previous one ends: no gap, no run
            let gap = bytes.get(n.tokens[j - 1].end as usize..n.tokens[j].start as usize);
            if gap.is_none_or(|g| g.len() != 1 || g[0] == b'\n') {
                break;
            }
            j += 1;
        }
        let known_short = j - i == 3 && {
            let w: String = (i..j)
                .map(|x| n.buf.as_bytes()[n.tokens[x].t0 as usize] as char)
                .collect();
            lexicon::known(&w)
        };
        if j - i >= 4 || known_short {
            runs.push((i, j));
        }
        i = j;
    }
    if runs.is_empty() {
        return;
    }
    let old = std::mem::take(&mut n.tokens);
    let mut out = Vec::with_capacity(old.len());
    let mut k = 0;
    for (a, bnd) in runs {
        out.extend_from_slice(&old[k..a]);
        let merged: String = (a..bnd)
            .map(|x| n.buf.as_bytes()[old[x].t0 as usize] as char)
            .collect();
        let (start, end) = (old[a].start, old[bnd - 1].end);
        let pieces = segment(&merged).unwrap_or_else(|| vec![merged.clone()]);
        for p in pieces {
            let t0 = n.buf.len() as u32;
            n.buf.push_str(&p);
            let t1 = n.buf.len() as u32;
            n.buf.push(' ');
            out.push(Token {
                start,
                end,
                t0,
                t1,
                mask: lexicon::classes(&p),
                altered: true,
                line_start: old[a].line_start,
                sent_start: old[a].sent_start,
                stop_start: old[a].stop_start,
            });
        }
        n.obf.spaced += 1;
        k = bnd;
    }
    out.extend_from_slice(&old[k..]);
    n.tokens = out;
}

/// Splits a letter string into lexicon words (dynamic programming, shortest split count).
fn segment(s: &str) -> Option<Vec<String>> {
    if s.len() > 64 {
        return None;
    }
    let n = s.len();
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in 0..end {
            if let Some((cnt, _)) = best[start] {
                if lexicon::known(&s[start..end]) && best[end].is_none_or(|(c, _)| cnt + 1 < c) {
                    best[end] = Some((cnt + 1, start));
                }
            }
        }
    }
    best[n]?;
    let mut parts = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        parts.push(s[start..end].to_string());
        end = start;
    }
    parts.reverse();
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let n = normalize(s);
        (0..n.tokens.len()).map(|i| n.word(i).to_string()).collect()
    }

    #[test]
    fn turkish_dotless_i_is_a_letter_not_a_homoglyph() {
        let n = normalize("Önceki talimatları ve kuralları okudum, sistem çalışıyor.");
        assert_eq!(n.word(1), "talimatlari");
        assert_eq!(n.obf.mixed_script_words, 0);
        // a Cyrillic і inside a Latin word still is one
        assert_eq!(normalize("\u{456}gnore this").obf.mixed_script_words, 1);
    }

    #[test]
    fn emoji_letters_are_letters() {
        let n = normalize("🇮🇬🇳🇴🇷🇪 🅰🅻🅻 instructions");
        let words: Vec<&str> = (0..n.tokens.len()).map(|i| n.word(i)).collect();
        assert_eq!(words, ["ignore", "all", "instructions"]);
        assert!(n.tokens[0].altered && n.tokens[1].altered);
    }

    #[test]
    fn folds_obfuscations_to_canonical_words() {
        assert_eq!(words("ＩＧＮＯＲＥ previous"), ["ignore", "previous"]);
        assert_eq!(words("ign\u{200B}ore"), ["ignore"]);
        assert_eq!(words("іgnоrе"), ["ignore"]); // Cyrillic i, o, e
        assert_eq!(words("1gn0r3 all"), ["ignore", "all"]);
        assert_eq!(words("i g n o r e  a l l"), ["ignore", "all"]);
        assert_eq!(words("i g n o r e a l l"), ["ignore", "all"]);
        assert_eq!(words("Café 24/7"), ["cafe", "24", "7"]);
        let n = normalize("ign\u{200B}ore");
        assert_eq!((n.tokens[0].start, n.tokens[0].end), (0, 9));
        assert!(n.tokens[0].altered);
        assert!(!normalize("ignore").tokens[0].altered);
    }

    #[test]
    fn spans_point_into_the_original() {
        let s = "Hi — ｓｙｓｔｅｍ prompt";
        let n = normalize(s);
        let t = &n.tokens[1];
        assert_eq!(&s[t.start as usize..t.end as usize], "ｓｙｓｔｅｍ");
    }
}
