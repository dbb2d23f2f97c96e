//! The trainer's configuration with the tools' environment overrides (`GUARD_LR`,
//! `GUARD_EPOCHS`, `GUARD_L2`, `GUARD_SEED`), shared by the examples that sweep it
//! (`#[path]`-included: the library itself reads no environment).

use careagents_guardrails::train::Config;

/// [`Config::default`] with every override that is set.
pub fn config_from_env() -> Config {
    let mut cfg = Config::default();
    let var = |k: &str| std::env::var(k).ok();
    if let Some(v) = var("GUARD_L2") {
        cfg.l2 = v.parse().expect("GUARD_L2");
    }
    if let Some(v) = var("GUARD_EPOCHS") {
        cfg.epochs = v.parse().expect("GUARD_EPOCHS");
    }
    if let Some(v) = var("GUARD_LR") {
        cfg.lr = v.parse().expect("GUARD_LR");
    }
    if let Some(v) = var("GUARD_SEED") {
        cfg.seed = v.parse().expect("GUARD_SEED");
    }
    cfg
}
