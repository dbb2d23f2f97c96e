//! check-input latency, native engine vs the `guardrails` component under wasmtime, side by side.
//!
//! ```text
//! cargo build -p guardrails --target wasm32-wasip2 --profile wasm
//! cargo bench -p careagents-guardrails --bench guard
//! ```
//! Plain `Instant` loop (no harness): per-call latencies, p50 / p99 in microseconds. The
//! component is measured twice: calls on one instance (the cost of the check plus the
//! canonical-ABI copy), and a fresh instance per call (what a runtime that instantiates per
//! request pays: instantiation from an `InstancePre` + the call).

use careagents_guardrails::{check_input, AgentKind, InputContext};
use std::time::Instant;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Config, Engine, Store};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

wasmtime::component::bindgen!({
    path: "../../wit",
    world: "careagents:agents/guard",
});

use careagents::agents::types as wit;

struct State {
    ctx: WasiCtx,
    table: ResourceTable,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.ctx,
            table: &mut self.table,
        }
    }
}

fn new_store(engine: &Engine) -> Store<State> {
    Store::new(
        engine,
        State {
            ctx: WasiCtx::builder().build(),
            table: ResourceTable::new(),
        },
    )
}

const SHORT: &str = "Hi, could you tell me how to record a fall for Mrs Patel in room 12 this afternoon? Thanks, Jo.";

fn long_message() -> String {
    let para =
        "Care note: Mr Evans had a settled night and ate most of his breakfast. The district \
        nurse changed his leg dressing and left new instructions in the folder. He walked to the \
        lounge with his frame and joined the music session. Fluids 1.1 litres by 16:00; \
        encourage more in the evening. Family visited at 15:00 and were updated. ";
    let mut s = String::new();
    while s.len() + para.len() <= 5_000 {
        s.push_str(para);
    }
    while s.len() < 5_000 {
        s.push('.');
    }
    s
}

/// p50 / p99 in microseconds.
type Pct = (f64, f64);
/// Message, native, component on one instance, component with a fresh instance per call.
type Row = (String, Pct, Option<Pct>, Option<Pct>);

fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1];
    (at(0.50), at(0.99))
}

fn time<F: FnMut()>(iters: usize, mut f: F) -> (f64, f64) {
    for _ in 0..iters / 10 + 1 {
        f();
    }
    let mut v = Vec::with_capacity(iters);
    for _ in 0..iters {
        let t = Instant::now();
        f();
        v.push(t.elapsed().as_secs_f64() * 1e6);
    }
    percentiles(v)
}

fn component_path() -> std::path::PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("wasm32-wasip2/wasm/guardrails.wasm")
}

fn main() -> wasmtime::Result<()> {
    let long = long_message();
    let ctx = InputContext {
        agent: AgentKind::Tenant,
        tenant_id: Some("healthcare-abc123"),
        max_chars: 10_000,
    };
    let cases: [(&str, &str, usize); 2] =
        [("100-char", SHORT, 20_000), ("5,000-char", &long, 1_000)];

    let mut rows: Vec<Row> = Vec::new();
    for (name, text, iters) in cases {
        assert!(
            check_input(text, &ctx).allowed,
            "benchmark text must be benign"
        );
        let native = time(iters, || {
            std::hint::black_box(check_input(std::hint::black_box(text), &ctx));
        });
        rows.push((
            format!("{name} ({} chars)", text.chars().count()),
            native,
            None,
            None,
        ));
    }

    let path = component_path();
    if path.exists() {
        let mut config = Config::new();
        config.wasm_component_model(true);
        let engine = Engine::new(&config)?;
        let component = Component::from_file(&engine, &path)?;
        let mut linker: Linker<State> = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
        let pre = GuardPre::new(linker.instantiate_pre(&component)?)?;
        let wctx = wit::InputContext {
            agent: wit::AgentKind::Tenant,
            tenant_id: Some("healthcare-abc123".into()),
            max_chars: 10_000,
        };
        for (i, (_, text, iters)) in cases.iter().enumerate() {
            let mut store = new_store(&engine);
            let guard = pre.instantiate(&mut store)?;
            let v = guard
                .careagents_agents_guardrails()
                .call_check_input(&mut store, text, &wctx)?;
            assert!(v.allowed, "component refused the benchmark text");
            let reused = time(*iters, || {
                let v = guard
                    .careagents_agents_guardrails()
                    .call_check_input(&mut store, text, &wctx)
                    .unwrap();
                std::hint::black_box(v);
            });
            let fresh = time((*iters / 4).max(200), || {
                let mut store = new_store(&engine);
                let g = pre.instantiate(&mut store).unwrap();
                let v = g
                    .careagents_agents_guardrails()
                    .call_check_input(&mut store, text, &wctx)
                    .unwrap();
                std::hint::black_box(v);
            });
            rows[i].2 = Some(reused);
            rows[i].3 = Some(fresh);
        }
    } else {
        println!(
            "component MISSING at {} (build it with `cargo build -p guardrails --target wasm32-wasip2 --profile wasm`); native figures only",
            path.display()
        );
    }

    let f = |x: Option<(f64, f64)>| x.map_or("-".to_string(), |(a, b)| format!("{a:.1} / {b:.1}"));
    println!("check-input latency, p50 / p99 in microseconds");
    println!(
        "{:<24} {:>18} {:>22} {:>26}",
        "message", "native", "component (1 inst.)", "component (fresh inst.)"
    );
    for (name, native, reused, fresh) in rows {
        println!(
            "{:<24} {:>18} {:>22} {:>26}",
            name,
            f(Some(native)),
            f(reused),
            f(fresh)
        );
    }
    Ok(())
}
