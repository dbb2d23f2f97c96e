//! The self-hosted `careagents` host: a wasmtime runner that reads the same `spin.toml` as
//! Spin, serves the same routes, and provides the capabilities the components import, each
//! restricted by the component's `allowed_outbound_hosts` (one module per capability under
//! [`capabilities`], in the manner of Spin's factors).

pub mod admin;
pub mod capabilities;
pub mod compose;
pub mod config;
pub mod db;
pub mod engine;
pub mod manifest;
pub mod metrics;
pub mod server;
pub mod state;
pub mod token;

/// Version reported by `careagents --version` and the health routes.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
