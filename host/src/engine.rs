//! The wasmtime engine (pooling allocator, epoch interruption) and the on-disk cache of
//! precompiled components, keyed by the engine's compatibility hash and the component's
//! SHA-256, so a restart loads machine code instead of compiling (< 1 s to first answer).

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Duration;
use wasmtime::component::Component;
use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

/// How often the epoch advances; request deadlines are counted in these ticks.
pub const EPOCH_TICK: Duration = Duration::from_millis(10);

/// Limits applied to every instance.
#[derive(Debug, Clone)]
pub struct EngineSettings {
    /// Largest linear memory of one instance.
    pub max_instance_memory: usize,
    /// Instances that may be alive at once (the pool's size).
    pub max_concurrent_instances: u32,
}

impl Default for EngineSettings {
    fn default() -> Self {
        Self {
            max_instance_memory: 128 << 20,
            max_concurrent_instances: 512,
        }
    }
}

pub fn build_engine(settings: &EngineSettings) -> Result<Engine> {
    let mut pool = PoolingAllocationConfig::default();
    let n = settings.max_concurrent_instances;
    pool.total_component_instances(n)
        // A composed agent is several core modules (agent, guard, adapters).
        .total_core_instances(n * 16)
        .total_memories(n * 4)
        .total_tables(n * 8)
        .max_memory_size(settings.max_instance_memory);
    let mut config = Config::new();
    config
        .wasm_component_model(true)
        .epoch_interruption(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    // `CAREAGENTS_PROFILER=perfmap` names guest functions for `perf` (/tmp/perf-<pid>.map);
    // how the public agent's profile in the README was taken.
    if std::env::var("CAREAGENTS_PROFILER").as_deref() == Ok("perfmap") {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    let engine = Engine::new(&config)
        .map_err(anyhow::Error::from)
        .context("creating wasmtime engine")?;
    let ticker = engine.weak();
    std::thread::Builder::new()
        .name("epoch-ticker".into())
        .spawn(move || loop {
            std::thread::sleep(EPOCH_TICK);
            match ticker.upgrade() {
                Some(e) => e.increment_epoch(),
                None => return,
            }
        })?;
    Ok(engine)
}

/// Loads `bytes` as a component, from the precompiled cache when possible.
pub fn load_component(
    engine: &Engine,
    bytes: &[u8],
    cache_dir: Option<&Path>,
) -> Result<Component> {
    let Some(dir) = cache_dir else {
        return Ok(Component::new(engine, bytes)?);
    };
    let path = cache_path(engine, bytes, dir);
    if path.exists() {
        // SAFETY: the file was written by `precompile_component` of an engine with the same
        // compatibility hash (part of its name), into a directory only this host writes.
        match unsafe { Component::deserialize_file(engine, &path) } {
            Ok(c) => return Ok(c),
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "discarding stale precompiled component")
            }
        }
    }
    let compiled = engine
        .precompile_component(bytes)
        .map_err(anyhow::Error::from)
        .context("compiling component")?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, &compiled)?;
    std::fs::rename(&tmp, &path)?;
    // SAFETY: just produced by this engine.
    Ok(unsafe { Component::deserialize(engine, &compiled) }?)
}

fn cache_path(engine: &Engine, bytes: &[u8], dir: &Path) -> PathBuf {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut h);
    let digest = Sha256::digest(bytes);
    dir.join(format!(
        "{:016x}-{}.cwasm",
        h.finish(),
        hex::encode(&digest[..16])
    ))
}
