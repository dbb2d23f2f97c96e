//! What a request's `Store` holds, and what all requests share.

use crate::capabilities::allowed_hosts::AllowedHosts;
use crate::capabilities::key_value::StoreData;
use crate::capabilities::outbound_http::OutboundHttp;
use crate::capabilities::pg_pool::{PgPools, PoolSettings};
use crate::config::ComponentVariables;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use wasmtime::component::ResourceTable;
use wasmtime::StoreLimits;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

/// Process-wide state shared by every request: connection pools and key-value stores.
pub struct AppShared {
    pub pg_pools: PgPools,
    kv: Mutex<HashMap<String, StoreData>>,
}

impl AppShared {
    pub fn new(pool: PoolSettings) -> Self {
        Self {
            pg_pools: PgPools::new(pool),
            kv: Mutex::default(),
        }
    }

    /// The `default` key-value store of one component.
    pub fn kv_store(&self, component: &str) -> StoreData {
        self.kv
            .lock()
            .unwrap()
            .entry(component.to_string())
            .or_default()
            .clone()
    }
}

/// One component's identity and policy, fixed at load time.
pub struct ComponentCaps {
    pub name: Arc<str>,
    pub allowed: Arc<AllowedHosts>,
    pub variables: ComponentVariables,
}

/// The data of one request's store. A new one per request: nothing survives the request.
pub struct RequestState {
    pub wasi: WasiCtx,
    pub http: WasiHttpCtx,
    pub table: ResourceTable,
    pub hooks: OutboundHttp,
    pub component: Arc<ComponentCaps>,
    pub app: Arc<AppShared>,
    pub limits: StoreLimits,
}

impl RequestState {
    pub fn new(component: Arc<ComponentCaps>, app: Arc<AppShared>, limits: StoreLimits) -> Self {
        // No inherited environment, files, sockets or name lookup: outbound traffic goes
        // only through the allow-listed HTTP and PostgreSQL capabilities.
        let wasi = WasiCtx::builder().inherit_stderr().build();
        let hooks = OutboundHttp {
            component: component.name.clone(),
            allowed: component.allowed.clone(),
        };
        Self {
            wasi,
            http: WasiHttpCtx::new(),
            table: ResourceTable::new(),
            hooks,
            component,
            app,
            limits,
        }
    }
}

impl WasiView for RequestState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for RequestState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.hooks,
        }
    }
}
