//! JSON checks that must run before a body is parsed.

/// Maximum nesting depth of arrays/objects a request body may have (CONTRACT.md:
/// deeper is `EXCESSIVE_NESTING`).
pub const MAX_JSON_DEPTH: usize = 10;

/// Deepest array/object nesting in `body`, scanning bytes without recursion.
///
/// Runs before `serde_json` so that a hostile body (thousands of `[`) is measured, not
/// recursed into, and is reported as nesting rather than as a parse error. Brackets inside
/// strings (with escapes) do not count. The scan does not validate the JSON.
pub fn max_depth(body: &[u8]) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for &b in body {
        if in_str {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nesting_outside_strings() {
        assert_eq!(max_depth(br#"{"a":1}"#), 1);
        assert_eq!(max_depth(br#"{"a":{"b":[1,[2]]}}"#), 4);
        assert_eq!(max_depth(br#"{"a":"[[[[{{{{\"[["}"#), 1);
        assert_eq!(max_depth(b"42"), 0);
        let deep = format!("{}{}", "[".repeat(11), "]".repeat(11));
        assert_eq!(max_depth(deep.as_bytes()), 11);
    }
}
