//! `allowed_outbound_hosts` as Spin defines it: `scheme://host[:port]` entries, where the
//! host may be `*` or `*.suffix` and the port `*`; a missing port means the scheme's default.
//! Every outbound capability (HTTP, PostgreSQL) checks its destination here before a socket
//! is opened.

use anyhow::{bail, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
enum HostPattern {
    Any,
    Exact(String),
    Suffix(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PortPattern {
    Any,
    Exact(u16),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct AllowedHost {
    scheme: String,
    host: HostPattern,
    port: PortPattern,
}

/// The allow-list of one component.
#[derive(Debug, Clone, Default)]
pub struct AllowedHosts {
    entries: Vec<AllowedHost>,
}

pub fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        "postgres" | "postgresql" => Some(5432),
        "redis" => Some(6379),
        "mysql" => Some(3306),
        _ => None,
    }
}

impl AllowedHosts {
    /// Parses already template-expanded entries.
    pub fn parse(entries: &[String]) -> Result<Self> {
        let mut out = Vec::new();
        for e in entries {
            out.push(parse_entry(e)?);
        }
        Ok(Self { entries: out })
    }

    /// Whether `scheme://host:port` may be reached. Host comparison is case-insensitive.
    pub fn allows(&self, scheme: &str, host: &str, port: u16) -> bool {
        let scheme = normalise_scheme(scheme);
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase();
        self.entries.iter().any(|e| {
            (e.scheme == "*" || e.scheme == scheme)
                && match &e.host {
                    HostPattern::Any => true,
                    HostPattern::Exact(h) => *h == host,
                    HostPattern::Suffix(s) => host.ends_with(s.as_str()) && host.len() > s.len(),
                }
                && match e.port {
                    PortPattern::Any => true,
                    PortPattern::Exact(p) => p == port,
                }
        })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn normalise_scheme(s: &str) -> String {
    let s = s.to_ascii_lowercase();
    if s == "postgresql" {
        "postgres".to_string()
    } else {
        s
    }
}

fn parse_entry(entry: &str) -> Result<AllowedHost> {
    let Some((scheme, rest)) = entry.split_once("://") else {
        bail!("allowed_outbound_hosts entry `{entry}` needs a scheme (e.g. https://host)");
    };
    let rest = rest.trim_end_matches('/');
    if rest.contains('/') || rest.contains('@') {
        bail!("allowed_outbound_hosts entry `{entry}` must be scheme://host[:port] only");
    }
    let (host, port) = split_host_port(rest);
    let scheme = normalise_scheme(scheme);
    let port =
        match port {
            Some("*") => PortPattern::Any,
            Some(p) => PortPattern::Exact(p.parse().map_err(|_| {
                anyhow::anyhow!("bad port in allowed_outbound_hosts entry `{entry}`")
            })?),
            None => match default_port(&scheme) {
                Some(p) => PortPattern::Exact(p),
                None => bail!("allowed_outbound_hosts entry `{entry}` needs a port"),
            },
        };
    let host = host.to_ascii_lowercase();
    let host = if host == "*" {
        HostPattern::Any
    } else if let Some(suffix) = host.strip_prefix('*') {
        HostPattern::Suffix(suffix.to_string())
    } else {
        HostPattern::Exact(
            host.trim_start_matches('[')
                .trim_end_matches(']')
                .to_string(),
        )
    };
    Ok(AllowedHost { scheme, host, port })
}

fn split_host_port(s: &str) -> (&str, Option<&str>) {
    if let Some(end) = s.strip_prefix('[').and_then(|r| r.find(']')) {
        let host = &s[..end + 2];
        let rest = &s[end + 2..];
        return (host, rest.strip_prefix(':'));
    }
    match s.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (s, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(e: &[&str]) -> AllowedHosts {
        AllowedHosts::parse(&e.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn exact_entries_need_scheme_host_and_port_to_match() {
        let a = hosts(&[
            "postgres://127.0.0.1:5432",
            "https://kms.eu-west-2.amazonaws.com",
        ]);
        assert!(a.allows("postgres", "127.0.0.1", 5432));
        assert!(a.allows("postgresql", "127.0.0.1", 5432));
        assert!(!a.allows("postgres", "127.0.0.1", 5433));
        assert!(!a.allows("postgres", "10.0.0.1", 5432));
        assert!(a.allows("https", "KMS.eu-west-2.amazonaws.com", 443));
        assert!(!a.allows("http", "kms.eu-west-2.amazonaws.com", 80));
    }

    #[test]
    fn wildcards() {
        let a = hosts(&["https://*.example.com", "http://localhost:*"]);
        assert!(a.allows("https", "api.example.com", 443));
        assert!(!a.allows("https", "example.com", 443));
        assert!(!a.allows("https", "evilexample.com", 443));
        assert!(a.allows("http", "localhost", 1234));
        assert!(hosts(&[]).is_empty());
        assert!(!hosts(&[]).allows("http", "localhost", 80));
    }

    #[test]
    fn malformed_entries_are_refused() {
        assert!(AllowedHosts::parse(&["example.com".to_string()]).is_err());
        assert!(AllowedHosts::parse(&["https://u:p@example.com".to_string()]).is_err());
        assert!(AllowedHosts::parse(&["https://example.com/path".to_string()]).is_err());
    }
}
