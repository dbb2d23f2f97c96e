//! Satisfies a component's imports with other components (`[component.x.dependencies]`),
//! at load time with `wac-graph`, as Spin does: the inquiry agents import
//! `careagents:agents/guardrails` and get the guardrails component plugged in.

use anyhow::{anyhow, Context, Result};
use wac_graph::{plug, types::Package, CompositionGraph, EncodeOptions};

/// Plugs every dependency's matching exports into `socket`'s imports.
pub fn compose(socket: &[u8], dependencies: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    if dependencies.is_empty() {
        return Ok(socket.to_vec());
    }
    let mut graph = CompositionGraph::new();
    let socket_pkg = Package::from_bytes(
        "careagents:socket",
        None,
        socket.to_vec(),
        graph.types_mut(),
    )
    .context("reading the component to compose")?;
    let socket_id = graph.register_package(socket_pkg)?;
    let mut plugs = Vec::new();
    for (i, (name, bytes)) in dependencies.iter().enumerate() {
        let pkg = Package::from_bytes(
            &format!("careagents:plug{i}"),
            None,
            bytes.clone(),
            graph.types_mut(),
        )
        .with_context(|| format!("reading dependency for {name}"))?;
        plugs.push(graph.register_package(pkg)?);
    }
    plug(&mut graph, plugs, socket_id).map_err(|e| anyhow!("composing dependencies: {e:#}"))?;
    graph
        .encode(EncodeOptions::default())
        .context("encoding the composed component")
}
