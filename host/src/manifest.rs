//! The subset of Spin's application manifest (`spin_manifest_version = 2`) the host
//! understands: HTTP triggers, components with their source, variables,
//! `allowed_outbound_hosts` and component dependencies. Anything else is ignored, so the same
//! file runs unchanged under `spin up`.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
pub struct Manifest {
    pub spin_manifest_version: u32,
    #[serde(default)]
    pub application: Application,
    #[serde(default)]
    pub variables: BTreeMap<String, VariableDecl>,
    #[serde(default)]
    pub trigger: Triggers,
    #[serde(default)]
    pub component: BTreeMap<String, ComponentDecl>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Application {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub version: String,
}

/// An application variable: what components may reference with `{{ name }}`.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct VariableDecl {
    pub default: Option<String>,
    #[serde(default)]
    pub required: bool,
    /// Secrets are never logged and never shown by `careagents` output.
    #[serde(default)]
    pub secret: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct Triggers {
    #[serde(default)]
    pub http: Vec<HttpTrigger>,
}

#[derive(Debug, Deserialize)]
pub struct HttpTrigger {
    pub route: String,
    pub component: String,
}

#[derive(Debug, Deserialize)]
pub struct ComponentDecl {
    pub source: String,
    #[serde(default)]
    pub allowed_outbound_hosts: Vec<String>,
    /// Component variables: values are templates over application variables.
    #[serde(default)]
    pub variables: BTreeMap<String, String>,
    /// Imports satisfied by other components (`"careagents:agents/guardrails@0.1.0" = { path = ... }`).
    #[serde(default)]
    pub dependencies: BTreeMap<String, Dependency>,
}

#[derive(Debug, Deserialize)]
pub struct Dependency {
    pub path: String,
}

/// A manifest with every relative path resolved against the manifest's directory.
#[derive(Debug)]
pub struct LoadedManifest {
    pub dir: PathBuf,
    pub manifest: Manifest,
}

impl LoadedManifest {
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading manifest {}", path.display()))?;
        let manifest: Manifest =
            toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        if manifest.spin_manifest_version != 2 {
            bail!("only spin_manifest_version = 2 is supported");
        }
        for t in &manifest.trigger.http {
            if !manifest.component.contains_key(&t.component) {
                bail!("route {} names unknown component {}", t.route, t.component);
            }
        }
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        Ok(Self { dir, manifest })
    }

    pub fn resolve(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }
}

/// A route pattern in Spin's syntax: exact (`/a/b`) or prefix wildcard (`/a/...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoutePattern {
    Exact(String),
    Prefix(String),
}

impl RoutePattern {
    pub fn parse(route: &str) -> Self {
        match route.strip_suffix("/...") {
            Some(prefix) => RoutePattern::Prefix(prefix.to_string()),
            None if route == "..." => RoutePattern::Prefix(String::new()),
            None => RoutePattern::Exact(route.trim_end_matches('/').to_string()),
        }
    }

    /// Length of the match, so the most specific route wins; `None` when it does not match.
    pub fn matches(&self, path: &str) -> Option<usize> {
        let path = path.trim_end_matches('/');
        match self {
            RoutePattern::Exact(p) => (p == path).then_some(p.len() + 1),
            RoutePattern::Prefix(p) => {
                (path == p || path.starts_with(&format!("{p}/"))).then_some(p.len())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_routes_match_their_subtree_only() {
        let r = RoutePattern::parse("/v1/ai-agents/public/...");
        assert!(r.matches("/v1/ai-agents/public/inquiry").is_some());
        assert!(r.matches("/v1/ai-agents/public").is_some());
        assert!(r.matches("/v1/ai-agents/publicity").is_none());
        let e = RoutePattern::parse("/hello");
        assert!(e.matches("/hello/").is_some());
        assert!(e.matches("/hello/x").is_none());
        assert!(
            e.matches("/hello").unwrap() > RoutePattern::parse("/...").matches("/hello").unwrap()
        );
    }
}
