//! The capabilities the host provides to components beyond WASI, one module each with its
//! own policy, in the manner of Spin's factors:
//!
//! | module | interface | policy |
//! |---|---|---|
//! | [`outbound_http`] | `wasi:http/outgoing-handler` | `allowed_outbound_hosts` |
//! | [`postgres`] | `spin:postgres/postgres@4.0.0` | `allowed_outbound_hosts`, statement timeout, pooled, reset on return |
//! | [`variables`] | `fermyon:spin/variables@2.0.0` | the component's own variables only |
//! | [`key_value`] | `fermyon:spin/key-value@2.0.0` | the `default` store, per component |
//! | [`telemetry`] | `careagents:agents/telemetry` | metrics only, no payloads |

pub mod allowed_hosts;
pub mod key_value;
pub mod outbound_http;
pub mod pg_pool;
pub mod pg_values;
pub mod postgres;
pub mod telemetry;
pub mod variables;

/// Host-side bindings for everything in the `host-capabilities` world.
pub mod bindings {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "careagents:agents/host-capabilities",
        imports: {
            "spin:postgres/postgres@4.0.0.[static]connection.open": async | trappable,
            "spin:postgres/postgres@4.0.0.[method]connection.query": async | trappable,
            "spin:postgres/postgres@4.0.0.[method]connection.execute": async | trappable,
            "spin:postgres/postgres@4.0.0.[drop]connection": trappable,
            default: trappable,
        },
        with: {
            "spin:postgres/postgres@4.0.0.connection": super::postgres::Connection,
            "fermyon:spin/key-value@2.0.0.store": super::key_value::Store,
        },
    });
}

use crate::state::RequestState;
use wasmtime::component::{HasSelf, Linker};

/// Adds every non-WASI capability to the linker.
pub fn add_to_linker(linker: &mut Linker<RequestState>) -> anyhow::Result<()> {
    use bindings::*;
    spin::postgres::postgres::add_to_linker::<_, HasSelf<_>>(linker, |s| s)?;
    fermyon::spin::variables::add_to_linker::<_, HasSelf<_>>(linker, |s| s)?;
    fermyon::spin::key_value::add_to_linker::<_, HasSelf<_>>(linker, |s| s)?;
    careagents::agents::telemetry::add_to_linker::<_, HasSelf<_>>(linker, |s| s)?;
    careagents::agents::types::add_to_linker::<_, HasSelf<_>>(linker, |s| s)?;
    Ok(())
}
