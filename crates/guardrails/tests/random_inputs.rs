//! Bounded random-input robustness test (the stable-toolchain companion of `fuzz/`): no panic,
//! spans inside the text on character boundaries, scores in range.

use careagents_guardrails::{
    check_input, check_output, AgentKind, InputContext, OutputContext, Verdict,
};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

const PIECES: &[&str] = &[
    "ignore",
    " ",
    "previous",
    "instructions",
    "<script>",
    "</",
    "<|im_start|>",
    "system:",
    "\n",
    "%41",
    "aWdub3Jl",
    "==",
    "\u{200B}",
    "\u{202E}",
    "\u{E0069}",
    "\u{1F3F4}",
    "ｉ",
    "і",
    "😀",
    "é",
    "\u{0301}",
    "healthcare-ab1",
    "_resident_",
    "943 476 5919",
    "@",
    "{{",
    "}}",
    "${",
    "onerror=",
    "javascript:",
    "0x",
    "\\x41",
    "-",
    "'",
    "\"",
    "`",
    "tenant-b",
    "ALL",
    "every",
    "resident's",
    "DOB",
    "12/03/1941",
    "SW1A 1AA",
    "+44",
    "07700 900123",
    "4111 1111 1111 1111",
    "AB123456C",
    "i g n o r e",
    "1",
    "0",
];

/// Risk in range, and every span inside `text` on character boundaries (so it slices it).
fn assert_valid(text: &str, v: &Verdict) {
    assert!((0.0..=1.0).contains(&v.risk_score), "{text:?}");
    for f in &v.findings {
        if let Some(sp) = f.span {
            assert!(
                sp.start <= sp.end && sp.end as usize <= text.len(),
                "{text:?} {f:?}"
            );
            assert!(
                text.is_char_boundary(sp.start as usize) && text.is_char_boundary(sp.end as usize),
                "{text:?} {f:?}"
            );
        }
    }
}

#[test]
fn random_inputs_never_panic_and_spans_are_valid() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let iterations = 3_000;
    for _ in 0..iterations {
        let mut s = String::new();
        let n = (rng.next() % 40) as usize;
        for _ in 0..n {
            let r = rng.next();
            if r.is_multiple_of(5) {
                // random scalar value
                if let Some(c) = char::from_u32((r >> 8) as u32 % 0x11_0000) {
                    s.push(c);
                }
            } else {
                s.push_str(PIECES[(r >> 3) as usize % PIECES.len()]);
            }
        }
        let ictx = InputContext {
            agent: AgentKind::Tenant,
            tenant_id: Some("healthcare-ab1"),
            max_chars: 200,
        };
        let octx = OutputContext {
            agent: AgentKind::Public,
            tenant_id: None,
            canary: Some("zz-canary"),
        };
        for v in [check_input(&s, &ictx), check_output(&s, &octx)] {
            assert_valid(&s, &v);
        }
    }
    println!("random-input executions: {}", iterations * 2);
}

/// Found by `cargo fuzz`: an unclosed `<iframe` whose fixed 256-byte attribute window ended
/// inside a two-byte character, so the finding's span could not slice the text.
#[test]
fn fixed_width_spans_end_on_character_boundaries() {
    let ctx = InputContext {
        agent: AgentKind::Public,
        tenant_id: None,
        max_chars: 10_000,
    };
    for pad in 0..4 {
        for (open, filler) in [
            ("<iframe ", "ӏ"),
            ("../../etc/passwd", "ӏ"),
            ("' or 1=1", "é"),
            ("select * from", "😀"),
        ] {
            let text = format!("{}{open}{}", "x".repeat(pad), filler.repeat(300));
            for v in [
                check_input(&text, &ctx),
                check_output(
                    &text,
                    &OutputContext {
                        agent: AgentKind::Public,
                        tenant_id: None,
                        canary: None,
                    },
                ),
            ] {
                assert_valid(&text, &v);
            }
        }
    }
}

/// Found by `cargo fuzz` (3.2 million runs in): "℀" (U+2100) folds to "a/c", two letters
/// that share the one source character's span, and the spaced-letter merge sliced the text
/// between them backwards.
#[test]
fn letters_folded_from_one_character_are_not_a_spaced_word() {
    let ctx = InputContext {
        agent: AgentKind::Tenant,
        tenant_id: Some("healthcare-abc123"),
        max_chars: 10_000,
    };
    for text in [
        "\u{2100}",
        "\u{2100}\u{2100} x y z",
        "see \u{2101} i g n o r e",
    ] {
        assert_valid(text, &check_input(text, &ctx));
    }
}
