//! SQL values, rows and errors exchanged with [`crate::Platform`].
//!
//! Deliberately small: each variant maps one-to-one onto a spin `pg4` `ParameterValue` /
//! `DbValue` and onto a `tokio-postgres` parameter type, so every runtime can carry it.
//!
//! Conventions every pipeline follows (and every `Platform` may rely on):
//! - PostgreSQL types a parameter from the statement, and drivers refuse a mismatch, so every
//!   placeholder whose type the server could infer differently is cast to the variant's type:
//!   `$n::text` for [`Value::Text`], `$n::int8` for [`Value::Int`], `$n::float8` for
//!   [`Value::Float`], `$n::bool`, `$n::bytea`, `$n::jsonb` for [`Value::Json`].
//! - Timestamps never cross the boundary as a date type: SQL computes them with `now()`, and
//!   results select them as epoch milliseconds (`(extract(epoch from t) * 1000)::int8`).
//! - Arrays are selected as text (`array_to_string(...)`) and passed as text
//!   (`string_to_array($n::text, ' ')`).
//! - Result columns are only `bool`, `int2/4/8`, `float4/8`, `text`, `bytea`, `jsonb`/`json`
//!   (casts in the SELECT make sure of it: `count(*)::int8`, `metadata::text`, `rank::float8`);
//!   a platform maps pg4 `boolean -> Bool`, `int16/int32/int64 -> Int`,
//!   `floating32/floating64 -> Float`, `str -> Text`, `binary -> Bytes`, `jsonb -> Json`,
//!   `db-null -> Null`. NULL parameters ([`Value::Null`]) are untyped (pg4 `db-null`) and
//!   accepted for any parameter type.

use std::fmt;

/// One SQL parameter or result value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// SQL NULL (parameter: `db-null`).
    Null,
    /// `bool`.
    Bool(bool),
    /// `int8`; results of `int2`/`int4` columns also arrive here.
    Int(i64),
    /// `float8`; results of `real` columns also arrive here.
    Float(f64),
    /// `text` (and, in results, any type the platform renders as text).
    Text(String),
    /// `bytea`.
    Bytes(Vec<u8>),
    /// `jsonb`, as its serialised JSON text.
    Json(String),
}

impl Value {
    /// `Some(text)` for `Text` and `Json`, else `None`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) | Value::Json(s) => Some(s),
            _ => None,
        }
    }

    /// Integer value; floats are truncated, other variants give `None`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) if f.is_finite() => Some(*f as i64),
            _ => None,
        }
    }

    /// Floating value; integers are widened.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }

    /// Boolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// True for SQL NULL.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map(Into::into).unwrap_or(Value::Null)
    }
}

/// One result row; columns are addressed by position, in the order the SELECT names them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row(pub Vec<Value>);

impl Row {
    /// The value at `idx`, or `Null` past the end (a missing column reads as NULL).
    pub fn get(&self, idx: usize) -> &Value {
        self.0.get(idx).unwrap_or(&Value::Null)
    }
    /// Text at `idx` (`None` for NULL or another type).
    pub fn str(&self, idx: usize) -> Option<&str> {
        self.get(idx).as_str()
    }
    /// Text at `idx`, `""` when NULL.
    pub fn string(&self, idx: usize) -> String {
        self.str(idx).unwrap_or_default().to_owned()
    }
    /// Integer at `idx`.
    pub fn i64(&self, idx: usize) -> Option<i64> {
        self.get(idx).as_i64()
    }
    /// Float at `idx`.
    pub fn f64(&self, idx: usize) -> Option<f64> {
        self.get(idx).as_f64()
    }
    /// Boolean at `idx`.
    pub fn bool(&self, idx: usize) -> Option<bool> {
        self.get(idx).as_bool()
    }
}

/// A failed statement. `message` is for logs only: it may hold SQL details and must never be
/// put in an HTTP response (CONTRACT.md: never SQL in an error).
#[derive(Debug, Clone, PartialEq)]
pub struct DbError {
    /// SQLSTATE when the server reported one (`23505` unique violation, `40001` ...).
    pub code: Option<String>,
    /// Human-readable detail for logs.
    pub message: String,
}

impl DbError {
    /// An error without SQLSTATE (connection failures, conversion errors).
    pub fn new(message: impl Into<String>) -> Self {
        DbError {
            code: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(c) => write!(f, "database error {c}: {}", self.message),
            None => write!(f, "database error: {}", self.message),
        }
    }
}

impl std::error::Error for DbError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_accessors_convert_and_default() {
        let r = Row(vec![
            Value::Int(3),
            Value::Text("a".into()),
            Value::Null,
            Value::Float(2.5),
        ]);
        assert_eq!(r.i64(0), Some(3));
        assert_eq!(r.f64(0), Some(3.0));
        assert_eq!(r.str(1), Some("a"));
        assert_eq!(r.string(2), "");
        assert_eq!(r.i64(3), Some(2));
        assert!(r.get(9).is_null());
        assert_eq!(Value::from(None::<String>), Value::Null);
    }
}
