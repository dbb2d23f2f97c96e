//! JSON checks that must run before a body is parsed.

/// Maximum nesting depth of arrays/objects a request body may have (CONTRACT.md:
/// deeper is `EXCESSIVE_NESTING`).
pub const MAX_JSON_DEPTH: usize = 10;

/// Whether `body` nests arrays/objects deeper than [`MAX_JSON_DEPTH`].
///
/// Runs before `serde_json` so that a hostile body (thousands of `[`) is measured, not
/// recursed into, and is reported as nesting rather than as a parse error. The scan is the
/// guardrails engine's `EXCESSIVE_NESTING` detector, so agents and guard agree on the limit.
pub fn too_deep(body: &[u8]) -> bool {
    !careagents_guardrails::check_json_depth(body, MAX_JSON_DEPTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nesting_outside_strings() {
        assert!(!too_deep(br#"{"a":{"b":[1,[2]]}}"#));
        assert!(!too_deep(br#"{"a":"[[[[[[[[[[[[[[{{{{\"[["}"#));
        let at_limit = format!("{}{}", "[".repeat(10), "]".repeat(10));
        assert!(!too_deep(at_limit.as_bytes()));
        let deep = format!("{}{}", "[".repeat(11), "]".repeat(11));
        assert!(too_deep(deep.as_bytes()));
    }
}
