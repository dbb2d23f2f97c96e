//! Request body checks, in the contract's order: size (413), nesting (403, before parsing so a
//! hostile body is measured rather than recursed into), JSON (400), then the message itself.

use careagents_agent_platform::http::ErrorBody;
use careagents_agent_platform::json::too_deep;
use serde_json::{Map, Value as Json};

use crate::config::{MAX_BODY_BYTES, MAX_MESSAGE_CHARS};

/// Parses a JSON object body.
pub fn parse_object(body: &[u8]) -> Result<Map<String, Json>, ErrorBody> {
    if body.len() > MAX_BODY_BYTES {
        return Err(ErrorBody::new(
            413,
            "PAYLOAD_TOO_LARGE",
            "The request body is larger than 1 MiB.",
        ));
    }
    if too_deep(body) {
        return Err(ErrorBody::new(
            403,
            "AI_SECURITY_VIOLATION",
            "The request was blocked by our security checks.",
        )
        .with_violations(["EXCESSIVE_NESTING"]));
    }
    match serde_json::from_slice::<Json>(body) {
        Ok(Json::Object(m)) => Ok(m),
        Ok(_) => Err(ErrorBody::new(
            400,
            "INVALID_REQUEST",
            "The request body must be a JSON object.",
        )),
        Err(_) => Err(ErrorBody::new(
            400,
            "INVALID_REQUEST",
            "The request body is not valid JSON.",
        )),
    }
}

/// The `message` field: present, a string, not blank, at most 5,000 characters.
pub fn message(obj: &Map<String, Json>) -> Result<String, ErrorBody> {
    let m = match obj.get("message") {
        Some(Json::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => {
            return Err(ErrorBody::new(
                400,
                "MISSING_MESSAGE",
                "Please include a message with your question.",
            ))
        }
    };
    if m.chars().count() > MAX_MESSAGE_CHARS {
        return Err(ErrorBody::new(
            403,
            "AI_SECURITY_VIOLATION",
            "The message is longer than 5,000 characters.",
        )
        .with_violations(["OVERSIZED_INPUT"]));
    }
    Ok(m)
}

/// An optional string field, trimmed, cut to `max` characters, with markup characters removed
/// (it may be stored and shown to staff later).
pub fn opt_str(obj: &Map<String, Json>, key: &str, max: usize) -> Option<String> {
    let s = obj.get(key)?.as_str()?.trim();
    if s.is_empty() {
        return None;
    }
    Some(
        crate::text::strip_markup(&s.chars().take(max).collect::<String>())
            .trim()
            .to_owned(),
    )
}

/// An optional object field.
pub fn opt_obj<'a>(obj: &'a Map<String, Json>, key: &str) -> Option<&'a Map<String, Json>> {
    obj.get(key)?.as_object()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_nesting_and_syntax_in_order() {
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        assert_eq!(parse_object(&big).unwrap_err().status, 413);
        let deep = format!("{{\"a\":{}1{}}}", "[".repeat(10), "]".repeat(10));
        let e = parse_object(deep.as_bytes()).unwrap_err();
        assert_eq!((e.status, e.code), (403, "AI_SECURITY_VIOLATION"));
        assert_eq!(e.violations, vec!["EXCESSIVE_NESTING"]);
        let ok = format!("{{\"a\":{}1{}}}", "[".repeat(9), "]".repeat(9));
        assert!(parse_object(ok.as_bytes()).is_ok());
        assert_eq!(
            parse_object(b"{\"message\": ").unwrap_err().code,
            "INVALID_REQUEST"
        );
        assert_eq!(parse_object(b"[1]").unwrap_err().code, "INVALID_REQUEST");
    }

    #[test]
    fn message_rules() {
        let obj = |j: &str| parse_object(j.as_bytes()).unwrap();
        assert_eq!(message(&obj(r#"{}"#)).unwrap_err().code, "MISSING_MESSAGE");
        assert_eq!(
            message(&obj(r#"{"message": "   "}"#)).unwrap_err().code,
            "MISSING_MESSAGE"
        );
        assert_eq!(
            message(&obj(r#"{"message": 5}"#)).unwrap_err().code,
            "MISSING_MESSAGE"
        );
        let long = format!(r#"{{"message": "{}"}}"#, "é".repeat(5001));
        let e = message(&obj(&long)).unwrap_err();
        assert_eq!(e.violations, vec!["OVERSIZED_INPUT"]);
        let max = format!(r#"{{"message": "{}"}}"#, "é".repeat(5000));
        assert!(message(&obj(&max)).is_ok());
        assert_eq!(message(&obj(r#"{"message": " hi "}"#)).unwrap(), "hi");
    }
}
