//! Variable resolution, following Spin's model: application variables are declared in
//! `spin.toml` with defaults; a component sees only its own component variables, which are
//! templates (`"{{ app_var }}"`) over application variables.
//!
//! Values come from, highest first: explicit overrides (`--var name=value`, and the ones
//! `careagents up` sets for the embedded database), the runtime config file's `[variables]`
//! table, the environment (`SPIN_VARIABLE_<NAME>`, and for the seed's own settings such as
//! `AI_AGENT_SESSION_TTL_MINUTES` the bare upper-case name), then the manifest default.

use crate::manifest::{Manifest, VariableDecl};
use anyhow::{anyhow, bail, Context, Result};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Prefixes of application variables that may also be set by their bare environment name,
/// so the seed's documented settings (`PUBLIC_AI_RATE_LIMIT_MAX_REQUESTS=...`) keep working.
const BARE_ENV_PREFIXES: &[&str] = &["ai_", "public_ai_", "tenant_ai_", "llm_"];

/// Resolved application variables plus the knowledge of which are secret.
#[derive(Clone, Default)]
pub struct Variables {
    values: HashMap<String, String>,
    secrets: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Variables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut m = f.debug_map();
        let mut keys: Vec<_> = self.values.keys().collect();
        keys.sort();
        for k in keys {
            if self.secrets.contains(k) {
                m.entry(k, &"<secret>");
            } else {
                m.entry(k, &self.values[k]);
            }
        }
        m.finish()
    }
}

impl Variables {
    pub fn resolve(
        manifest: &Manifest,
        overrides: &BTreeMap<String, String>,
        runtime_config: Option<&Path>,
    ) -> Result<Self> {
        let file_vars = match runtime_config {
            Some(p) => read_runtime_config(p)?,
            None => BTreeMap::new(),
        };
        let mut values = HashMap::new();
        let mut secrets = std::collections::HashSet::new();
        for (name, decl) in &manifest.variables {
            if decl.secret {
                secrets.insert(name.clone());
            }
            if let Some(v) = lookup(name, decl, overrides, &file_vars) {
                values.insert(name.clone(), v);
            } else if decl.required {
                bail!(
                    "variable `{name}` is required: set SPIN_VARIABLE_{} or pass --var {name}=...",
                    name.to_uppercase()
                );
            }
        }
        Ok(Self { values, secrets })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// Expands `{{ name }}` templates against the application variables.
    pub fn expand(&self, template: &str) -> Result<String> {
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after
                .find("}}")
                .ok_or_else(|| anyhow!("unterminated template in `{template}`"))?;
            let name = after[..end].trim();
            let value = self
                .get(name)
                .ok_or_else(|| anyhow!("template refers to undefined variable `{name}`"))?;
            out.push_str(value);
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

fn lookup(
    name: &str,
    decl: &VariableDecl,
    overrides: &BTreeMap<String, String>,
    file_vars: &BTreeMap<String, String>,
) -> Option<String> {
    if let Some(v) = overrides.get(name) {
        return Some(v.clone());
    }
    if let Some(v) = file_vars.get(name) {
        return Some(v.clone());
    }
    let upper = name.to_uppercase();
    if let Ok(v) = std::env::var(format!("SPIN_VARIABLE_{upper}")) {
        return Some(v);
    }
    if BARE_ENV_PREFIXES.iter().any(|p| name.starts_with(p)) {
        if let Ok(v) = std::env::var(&upper) {
            return Some(v);
        }
    }
    decl.default.clone()
}

/// A runtime config file: TOML with a `[variables]` table of string values.
fn read_runtime_config(path: &Path) -> Result<BTreeMap<String, String>> {
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(default)]
        variables: BTreeMap<String, toml::Value>,
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading runtime config {}", path.display()))?;
    let file: File =
        toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok(file
        .variables
        .into_iter()
        .map(|(k, v)| {
            let s = match v {
                toml::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, s)
        })
        .collect())
}

/// The component variables one component may read, already expanded.
#[derive(Clone, Default)]
pub struct ComponentVariables(HashMap<String, String>);

impl ComponentVariables {
    pub fn build(templates: &BTreeMap<String, String>, vars: &Variables) -> Result<Self> {
        let mut m = HashMap::new();
        for (k, t) in templates {
            m.insert(
                k.clone(),
                vars.expand(t)
                    .with_context(|| format!("component variable `{k}`"))?,
            );
        }
        Ok(Self(m))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(vars: &str) -> Manifest {
        toml::from_str(&format!("spin_manifest_version = 2\n[variables]\n{vars}")).unwrap()
    }

    #[test]
    fn overrides_beat_defaults_and_templates_expand() {
        let m = manifest("a = { default = \"1\" }\nb = { default = \"x\" }");
        let mut o = BTreeMap::new();
        o.insert("b".to_string(), "y".to_string());
        let v = Variables::resolve(&m, &o, None).unwrap();
        assert_eq!(v.expand("{{ a }}-{{b}}").unwrap(), "1-y");
        assert!(v.expand("{{ missing }}").is_err());
    }

    #[test]
    fn required_variable_without_value_is_an_error() {
        let m = manifest("zz_required_test = { required = true }");
        let err = Variables::resolve(&m, &BTreeMap::new(), None).unwrap_err();
        assert!(err.to_string().contains("zz_required_test"));
    }

    #[test]
    fn secrets_are_hidden_in_debug_output() {
        let m = manifest("pw = { default = \"hunter2\", secret = true }");
        let v = Variables::resolve(&m, &BTreeMap::new(), None).unwrap();
        assert!(!format!("{v:?}").contains("hunter2"));
    }
}
