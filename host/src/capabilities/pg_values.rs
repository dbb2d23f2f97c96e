//! Conversions between `spin:postgres/postgres@4.0.0` values and tokio-postgres, covering the
//! types the components use (and Spin supports): booleans, integers, floats, text, bytea,
//! date/time/timestamp(tz), uuid, json(b), numeric, and int/text arrays. Anything else is
//! returned as `unsupported` with its raw bytes rather than failing the whole query.

use super::bindings::spin::postgres::postgres::{
    Column, DbDataType, DbValue, ParameterValue, RowSet,
};
use bytes::BytesMut;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::error::Error as StdError;
use tokio_postgres::types::{to_sql_checked, FromSql, IsNull, ToSql, Type};
use tokio_postgres::Row;

type BoxError = Box<dyn StdError + Sync + Send>;

/// A parameter ready for tokio-postgres.
pub type SqlParam = Box<dyn ToSql + Send + Sync>;

pub fn to_sql_param(v: ParameterValue) -> Result<SqlParam, String> {
    Ok(match v {
        ParameterValue::Boolean(b) => Box::new(b),
        ParameterValue::Int8(i) => Box::new(i),
        ParameterValue::Int16(i) => Box::new(i),
        ParameterValue::Int32(i) => Box::new(i),
        ParameterValue::Int64(i) => Box::new(i),
        ParameterValue::Floating32(f) => Box::new(f),
        ParameterValue::Floating64(f) => Box::new(f),
        ParameterValue::Str(s) => Box::new(s),
        ParameterValue::Binary(b) => Box::new(b),
        ParameterValue::Date((y, m, d)) => Box::new(
            NaiveDate::from_ymd_opt(y, m.into(), d.into()).ok_or("invalid date parameter")?,
        ),
        ParameterValue::Time((h, m, s, ns)) => Box::new(
            NaiveTime::from_hms_nano_opt(h.into(), m.into(), s.into(), ns)
                .ok_or("invalid time parameter")?,
        ),
        ParameterValue::Datetime((y, mo, d, h, mi, s, ns)) => {
            let date = NaiveDate::from_ymd_opt(y, mo.into(), d.into()).ok_or("invalid datetime")?;
            let time = NaiveTime::from_hms_nano_opt(h.into(), mi.into(), s.into(), ns)
                .ok_or("invalid datetime")?;
            Box::new(AnyTimestamp(NaiveDateTime::new(date, time)))
        }
        ParameterValue::Timestamp(secs) => Box::new(AnyTimestamp(
            chrono::DateTime::from_timestamp(secs, 0)
                .ok_or("invalid timestamp")?
                .naive_utc(),
        )),
        ParameterValue::Uuid(s) => Box::new(Uuid(parse_uuid(&s).ok_or("invalid uuid parameter")?)),
        ParameterValue::Jsonb(bytes) => Box::new(
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .map_err(|_| "jsonb parameter is not valid JSON")?,
        ),
        ParameterValue::ArrayInt32(v) => Box::new(v),
        ParameterValue::ArrayInt64(v) => Box::new(v),
        ParameterValue::ArrayStr(v) => Box::new(v),
        ParameterValue::DbNull => Box::new(Null),
        ParameterValue::Decimal(_) | ParameterValue::ArrayDecimal(_) => {
            return Err(
                "decimal parameters are not supported: pass text and cast ($1::numeric)".into(),
            )
        }
        ParameterValue::RangeInt32(_)
        | ParameterValue::RangeInt64(_)
        | ParameterValue::RangeDecimal(_)
        | ParameterValue::Interval(_) => {
            return Err("range and interval parameters are not supported".into())
        }
    })
}

pub fn row_set(columns: &[tokio_postgres::Column], rows: &[Row]) -> RowSet {
    RowSet {
        columns: columns
            .iter()
            .map(|c| Column {
                name: c.name().to_string(),
                data_type: data_type(c.type_()),
            })
            .collect(),
        rows: rows
            .iter()
            .map(|r| {
                (0..columns.len())
                    .map(|i| db_value(r, i, columns[i].type_()))
                    .collect()
            })
            .collect(),
    }
}

fn data_type(t: &Type) -> DbDataType {
    match *t {
        Type::BOOL => DbDataType::Boolean,
        Type::CHAR => DbDataType::Int8,
        Type::INT2 => DbDataType::Int16,
        Type::INT4 => DbDataType::Int32,
        Type::INT8 => DbDataType::Int64,
        Type::FLOAT4 => DbDataType::Floating32,
        Type::FLOAT8 => DbDataType::Floating64,
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => DbDataType::Str,
        Type::BYTEA => DbDataType::Binary,
        Type::DATE => DbDataType::Date,
        Type::TIME => DbDataType::Time,
        Type::TIMESTAMP | Type::TIMESTAMPTZ => DbDataType::Datetime,
        Type::UUID => DbDataType::Uuid,
        Type::JSON | Type::JSONB => DbDataType::Jsonb,
        Type::NUMERIC => DbDataType::Decimal,
        Type::INT4_ARRAY => DbDataType::ArrayInt32,
        Type::INT8_ARRAY => DbDataType::ArrayInt64,
        Type::TEXT_ARRAY | Type::VARCHAR_ARRAY => DbDataType::ArrayStr,
        _ => DbDataType::Other(t.name().to_string()),
    }
}

fn db_value(row: &Row, i: usize, t: &Type) -> DbValue {
    fn get<'a, T: FromSql<'a>>(row: &'a Row, i: usize, f: impl FnOnce(T) -> DbValue) -> DbValue {
        match row.try_get::<_, Option<T>>(i) {
            Ok(Some(v)) => f(v),
            Ok(None) => DbValue::DbNull,
            Err(_) => match row.try_get::<_, Option<Raw>>(i) {
                Ok(Some(Raw(b))) => DbValue::Unsupported(b),
                _ => DbValue::DbNull,
            },
        }
    }
    match *t {
        Type::BOOL => get(row, i, DbValue::Boolean),
        Type::CHAR => get(row, i, DbValue::Int8),
        Type::INT2 => get(row, i, DbValue::Int16),
        Type::INT4 => get(row, i, DbValue::Int32),
        Type::INT8 => get(row, i, DbValue::Int64),
        Type::FLOAT4 => get(row, i, DbValue::Floating32),
        Type::FLOAT8 => get(row, i, DbValue::Floating64),
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => get(row, i, DbValue::Str),
        Type::BYTEA => get(row, i, DbValue::Binary),
        Type::DATE => get(row, i, |d: NaiveDate| {
            DbValue::Date((d.year(), d.month() as u8, d.day() as u8))
        }),
        Type::TIME => get(row, i, |t: NaiveTime| {
            DbValue::Time((
                t.hour() as u8,
                t.minute() as u8,
                t.second() as u8,
                t.nanosecond(),
            ))
        }),
        Type::TIMESTAMP => get(row, i, |d: NaiveDateTime| datetime(d)),
        Type::TIMESTAMPTZ => get(row, i, |d: chrono::DateTime<chrono::Utc>| {
            datetime(d.naive_utc())
        }),
        Type::UUID => get(row, i, |u: Uuid| DbValue::Uuid(format_uuid(&u.0))),
        Type::JSON | Type::JSONB => get(row, i, |v: serde_json::Value| {
            DbValue::Jsonb(serde_json::to_vec(&v).unwrap_or_default())
        }),
        Type::NUMERIC => get(row, i, |n: Numeric| DbValue::Decimal(n.0)),
        Type::INT4_ARRAY => get(row, i, DbValue::ArrayInt32),
        Type::INT8_ARRAY => get(row, i, DbValue::ArrayInt64),
        Type::TEXT_ARRAY | Type::VARCHAR_ARRAY => get(row, i, DbValue::ArrayStr),
        _ => get(row, i, |r: Raw| DbValue::Unsupported(r.0)),
    }
}

fn datetime(d: NaiveDateTime) -> DbValue {
    DbValue::Datetime((
        d.year(),
        d.month() as u8,
        d.day() as u8,
        d.hour() as u8,
        d.minute() as u8,
        d.second() as u8,
        d.nanosecond(),
    ))
}

/// SQL NULL that type-checks against any parameter type.
#[derive(Debug)]
struct Null;

impl ToSql for Null {
    fn to_sql(&self, _: &Type, _: &mut BytesMut) -> Result<IsNull, BoxError> {
        Ok(IsNull::Yes)
    }
    fn accepts(_: &Type) -> bool {
        true
    }
    to_sql_checked!();
}

/// A timestamp that binds to both `timestamp` and `timestamptz` (UTC), as Spin's does.
#[derive(Debug)]
struct AnyTimestamp(NaiveDateTime);

impl ToSql for AnyTimestamp {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        if *ty == Type::TIMESTAMPTZ {
            self.0.and_utc().to_sql(ty, out)
        } else {
            self.0.to_sql(ty, out)
        }
    }
    fn accepts(ty: &Type) -> bool {
        matches!(*ty, Type::TIMESTAMP | Type::TIMESTAMPTZ)
    }
    to_sql_checked!();
}

#[derive(Debug)]
struct Uuid([u8; 16]);

impl ToSql for Uuid {
    fn to_sql(&self, _: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        out.extend_from_slice(&self.0);
        Ok(IsNull::No)
    }
    fn accepts(ty: &Type) -> bool {
        *ty == Type::UUID
    }
    to_sql_checked!();
}

impl<'a> FromSql<'a> for Uuid {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(Uuid(raw.try_into().map_err(|_| "uuid must be 16 bytes")?))
    }
    fn accepts(ty: &Type) -> bool {
        *ty == Type::UUID
    }
}

fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let hex: String = s.chars().filter(|c| *c != '-').collect();
    let bytes = hex::decode(hex).ok()?;
    bytes.try_into().ok()
}

fn format_uuid(b: &[u8; 16]) -> String {
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Any value's raw binary representation.
struct Raw(Vec<u8>);

impl<'a> FromSql<'a> for Raw {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(Raw(raw.to_vec()))
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

/// `numeric` decoded from PostgreSQL's binary form (base-10000 digits) into a decimal string.
struct Numeric(String);

impl<'a> FromSql<'a> for Numeric {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        let rd = |i: usize| -> Result<u16, BoxError> {
            raw.get(i..i + 2)
                .map(|b| u16::from_be_bytes([b[0], b[1]]))
                .ok_or_else(|| "short numeric".into())
        };
        let ndigits = rd(0)? as usize;
        let weight = rd(2)? as i16 as i32;
        let sign = rd(4)?;
        let dscale = rd(6)? as usize;
        match sign {
            0xC000 => return Ok(Numeric("NaN".into())),
            0xD000 => return Ok(Numeric("Infinity".into())),
            0xF000 => return Ok(Numeric("-Infinity".into())),
            _ => {}
        }
        let digits: Vec<u16> = (0..ndigits)
            .map(|k| rd(8 + 2 * k))
            .collect::<Result<_, _>>()?;
        let mut int_part = String::new();
        for w in 0..=weight.max(-1) {
            let d = digits.get(w as usize).copied().unwrap_or(0);
            if int_part.is_empty() {
                if d != 0 {
                    int_part = d.to_string();
                }
            } else {
                int_part.push_str(&format!("{d:04}"));
            }
        }
        if int_part.is_empty() {
            int_part.push('0');
        }
        let mut frac = String::new();
        let mut w = weight + 1;
        while frac.len() < dscale {
            let d = if w < 0 {
                0
            } else {
                digits.get(w as usize).copied().unwrap_or(0)
            };
            frac.push_str(&format!("{d:04}"));
            w += 1;
        }
        frac.truncate(dscale);
        let mut s = if sign == 0x4000 {
            format!("-{int_part}")
        } else {
            int_part
        };
        if dscale > 0 {
            s.push('.');
            s.push_str(&frac);
        }
        Ok(Numeric(s))
    }
    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_round_trips_through_text() {
        let s = "123e4567-e89b-12d3-a456-426614174000";
        assert_eq!(format_uuid(&parse_uuid(s).unwrap()), s);
        assert!(parse_uuid("nope").is_none());
    }
}
