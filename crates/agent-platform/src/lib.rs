//! The boundary the agent pipelines are written against.
//!
//! DESIGN.md: pipeline code in `crates/` never names Spin, wasmtime or Cloudflare. It talks to a
//! [`Platform`] (SQL, clock, randomness, variables, outbound HTTP, telemetry) and a [`Guard`];
//! the components (`components/*`, the worker crate) implement both on top of their runtime, and
//! native tests implement them over a real PostgreSQL and [`NativeGuard`].
//!
//! This crate does no I/O of its own: everything here is plain data and pure functions.

pub mod guard;
pub mod http;
pub mod json;
pub mod platform;
pub mod time;
pub mod value;

pub use guard::{
    AgentKind, Finding, Guard, InputContext, NativeGuard, OutputContext, Severity, Span, Verdict,
    Violation,
};
pub use http::{ErrorBody, RateLimitInfo, Request, Response};
pub use platform::{LogLevel, NoopTelemetry, Platform, Telemetry};
pub use value::{DbError, Row, Value};
