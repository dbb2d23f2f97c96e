//! Hashed features of the linear classifier.
//!
//! The classifier sees the canonical token stream (after normalisation, so obfuscation does not
//! change the features) as word unigrams, word bigrams, sentence-initial words, lexicon classes
//! (and class pairs of neighbouring words) and character n-grams of the canonical text, hashed
//! with 32-bit FNV-1a into `2^BITS` signed buckets. Training ([`crate::train`]) and scoring
//! ([`crate::model`]) call the same [`for_each`], so the two can never disagree;
//! `FEATURE_FIXTURE` in the generated weights pins the hashing so that a change to this file
//! without retraining fails a test.

use crate::normalize::Normalized;

/// Number of hash bits: `2^BITS` weights.
pub const BITS: u32 = 18;
/// Number of weights.
pub const DIM: usize = 1 << BITS;
/// Character n-gram sizes.
pub const CHAR_NGRAMS: [usize; 2] = [3, 5];
/// Tokens beyond this are not featurised (bounds latency on huge inputs).
pub const MAX_TOKENS: usize = 4096;

const FNV_OFFSET: u32 = 0x811c_9dc5;
const FNV_PRIME: u32 = 0x0100_0193;

/// FNV-1a over `bytes`, continuing from `h`.
#[inline]
pub fn fnv1a(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Final avalanche so that the top bits (the bucket) depend on every input byte.
#[inline]
fn mix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x7feb_352d);
    h ^= h >> 15;
    h = h.wrapping_mul(0x846c_a68b);
    h ^= h >> 16;
    h
}

/// Bucket and sign of a finished hash.
#[inline]
pub fn bucket(h: u32) -> (u32, f32) {
    let m = mix(h);
    (m >> (32 - BITS), if m & 1 == 0 { 1.0 } else { -1.0 })
}

/// Calls `f(bucket, sign)` once for every DISTINCT signed bucket of `n`'s features (binary
/// features: a phrase repeated twenty times in a pasted note counts once, so long texts do not
/// drift towards extreme scores); returns how many there were. Short texts deduplicate by
/// sorting, long ones with a bitset; both give exactly the same set.
pub(crate) fn for_each(n: &Normalized, mut f: impl FnMut(u32, f32)) -> usize {
    let hashes = raw_hashes(n);
    let key = |h: u32| {
        let (b, s) = bucket(h);
        b << 1 | u32::from(s < 0.0)
    };
    let emit = |k: u32, f: &mut dyn FnMut(u32, f32)| f(k >> 1, if k & 1 == 0 { 1.0 } else { -1.0 });
    if hashes.len() < 2048 {
        let mut keys: Vec<u32> = hashes.iter().map(|&h| key(h)).collect();
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            emit(k, &mut f);
        }
        keys.len()
    } else {
        let mut seen = vec![0u64; (DIM * 2).div_ceil(64)];
        let mut count = 0;
        for &h in &hashes {
            let k = key(h);
            let (w, bit) = ((k >> 6) as usize, 1u64 << (k & 63));
            if seen[w] & bit == 0 {
                seen[w] |= bit;
                count += 1;
                emit(k, &mut f);
            }
        }
        count
    }
}

/// The 32-bit hashes of all features of `n`, with repetitions.
fn raw_hashes(n: &Normalized) -> Vec<u32> {
    let ntok = n.tokens.len().min(MAX_TOKENS);
    let end = if ntok == 0 {
        0
    } else {
        n.tokens[ntok - 1].t1 as usize + 1
    };
    let text = &n.buf.as_bytes()[..end.min(n.buf.len())];
    let mut out = Vec::with_capacity(2 * ntok + CHAR_NGRAMS.len() * (text.len() + 1) + 1);
    // bias-like feature so empty text still has a defined score
    out.push(fnv1a(FNV_OFFSET, b"\x00len"));
    let mut prev: Option<&str> = None;
    for i in 0..ntok {
        let w = n.word(i);
        out.push(fnv1a(fnv1a(FNV_OFFSET, b"w:"), w.as_bytes()));
        if let Some(p) = prev {
            out.push(fnv1a(
                fnv1a(fnv1a(fnv1a(FNV_OFFSET, b"b:"), p.as_bytes()), b" "),
                w.as_bytes(),
            ));
        }
        prev = Some(w);
    }
    // the first word (and word pair) of every sentence: an injection is typically a new
    // imperative sentence ("Now write ...", "Forget ...", "Stop: ...") after an ordinary one
    for i in 0..ntok {
        if n.tokens[i].sent_start {
            let h = fnv1a(fnv1a(FNV_OFFSET, b"s:"), n.word(i).as_bytes());
            out.push(h);
            if i + 1 < ntok {
                out.push(fnv1a(fnv1a(h, b" "), n.word(i + 1).as_bytes()));
            }
        }
    }
    // lexicon classes and class pairs of neighbouring words: synonyms and other languages'
    // words of one class ("ignore", "disregard", "vergiss") share these weights, so the model
    // learns "override + prior + instructions" once rather than per spelling
    for i in 0..ntok {
        let mut a = n.tokens[i].mask & !crate::lexicon::c::DETECTOR_ONLY;
        while a != 0 {
            let bit = a.trailing_zeros() as u8;
            a &= a - 1;
            out.push(fnv1a(FNV_OFFSET, &[b'k', bit]));
            if i + 1 < ntok {
                let mut b = n.tokens[i + 1].mask & !crate::lexicon::c::DETECTOR_ONLY;
                while b != 0 {
                    let bit2 = b.trailing_zeros() as u8;
                    b &= b - 1;
                    out.push(fnv1a(FNV_OFFSET, &[b'K', bit, bit2]));
                }
            }
        }
    }
    // character n-grams over " w1 w2 ... wn " (the buffer already ends every word with ' ')
    for &k in CHAR_NGRAMS.iter() {
        let seed = fnv1a(FNV_OFFSET, &[b'c', k as u8]);
        if text.len() + 1 >= k {
            out.push(fnv1a(fnv1a(seed, b" "), &text[..k - 1]));
        }
        if text.len() >= k {
            out.extend(text.windows(k).map(|win| fnv1a(seed, win)));
        }
    }
    out
}

/// Sparse feature vector `(bucket, value)`, duplicates summed, sorted, scaled by
/// `1/sqrt(number of emitted features)`: the same scaling the scorer applies without having to
/// deduplicate, so long texts do not dominate by sheer length.
pub(crate) fn vector(n: &Normalized) -> Vec<(u32, f32)> {
    let mut raw: Vec<(u32, f32)> = Vec::with_capacity(n.buf.len() * 3 + 8);
    let count = for_each(n, |b, s| raw.push((b, s)));
    raw.sort_unstable_by_key(|x| x.0);
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(raw.len());
    for (b, s) in raw {
        match out.last_mut() {
            Some(last) if last.0 == b => last.1 += s,
            _ => out.push((b, s)),
        }
    }
    out.retain(|x| x.1 != 0.0);
    let scale = 1.0 / (count as f32).sqrt();
    for x in out.iter_mut() {
        x.1 *= scale;
    }
    out
}

/// `(bucket, summed sign)` list of a text, used for the hashing fixtures in the weights file.
pub fn fixture(text: &str) -> Vec<(u32, i32)> {
    let n = crate::normalize::normalize(text);
    let mut raw: Vec<(u32, i32)> = Vec::new();
    for_each(&n, |b, s| raw.push((b, s as i32)));
    raw.sort_unstable();
    raw
}

// The generated weights must have been trained with this many hash bits.
const _: () = assert!(crate::model_weights::BITS == BITS);

#[cfg(test)]
mod tests {
    /// The generated weights pin the feature hashing: if this fails, the extractor changed and
    /// the model must be retrained (`--example train`).
    #[test]
    fn feature_hashing_matches_the_trained_weights() {
        assert_eq!(crate::model_weights::BITS, super::BITS);
        assert!(!crate::model_weights::FEATURE_FIXTURES.is_empty());
        for (text, expected) in crate::model_weights::FEATURE_FIXTURES {
            assert_eq!(&super::fixture(text)[..], *expected, "{text}");
        }
    }
}
