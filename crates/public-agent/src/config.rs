//! Configuration from platform variables (Spin names: lowercase snake_case of the environment
//! names in CONTRACT.md), with the contract's defaults.

use careagents_agent_platform::platform::variable_u64;
use careagents_agent_platform::Platform;

/// The public agent's settings for one request.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `PUBLIC_AI_RATE_LIMIT_WINDOW_MS` (900,000).
    pub rate_window_ms: u64,
    /// `PUBLIC_AI_RATE_LIMIT_MAX_REQUESTS` (50).
    pub rate_max: u64,
    /// `AI_AGENT_SESSION_TTL_MINUTES` (30).
    pub session_ttl_minutes: u64,
    /// `AI_AGENT_MAX_SESSIONS_PER_IP` (10).
    pub max_sessions_per_ip: u64,
    /// Optional language model: `LLM_ENDPOINT`, `LLM_MODEL`, `LLM_API_KEY`, `LLM_TIMEOUT_MS`.
    pub llm: Option<LlmConfig>,
}

/// An OpenAI-compatible chat-completions endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct LlmConfig {
    /// Full URL of `/v1/chat/completions` (or the provider's equivalent).
    pub endpoint: String,
    /// Model name.
    pub model: String,
    /// Bearer key, if the endpoint needs one.
    pub api_key: Option<String>,
    /// Give up after this long and answer from the knowledge base.
    pub timeout_ms: u32,
}

/// Longest public message in characters (CONTRACT.md).
pub const MAX_MESSAGE_CHARS: usize = 5_000;
/// Largest request body in bytes (CONTRACT.md: 1 MiB).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Violations after which a session is ended.
pub const MAX_VIOLATIONS_PER_SESSION: i64 = 3;

impl Config {
    /// Reads the variables; unset or unparsable ones take the defaults, zero is not allowed.
    pub fn load(platform: &dyn Platform) -> Config {
        let positive = |name: &str, default: u64| match variable_u64(platform, name, default) {
            0 => default,
            v => v,
        };
        let llm = platform
            .variable("llm_endpoint")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .map(|endpoint| LlmConfig {
                endpoint,
                model: platform
                    .variable("llm_model")
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| "gpt-4o-mini".to_owned()),
                api_key: platform
                    .variable("llm_api_key")
                    .filter(|s| !s.trim().is_empty()),
                timeout_ms: variable_u64(platform, "llm_timeout_ms", 10_000).clamp(100, 60_000)
                    as u32,
            });
        Config {
            rate_window_ms: positive("public_ai_rate_limit_window_ms", 900_000),
            rate_max: positive("public_ai_rate_limit_max_requests", 50),
            session_ttl_minutes: positive("ai_agent_session_ttl_minutes", 30),
            max_sessions_per_ip: positive("ai_agent_max_sessions_per_ip", 10),
            llm,
        }
    }
}
