//! The HTTP front: loads the application from `spin.toml`, routes each request to its
//! component, and runs it in a fresh instance with a deadline, a memory cap and a 1 MiB body
//! cap. Requests the host refuses itself (413, 404, a failed guest) get the contract's JSON
//! error envelope.

use crate::capabilities::{self, allowed_hosts::AllowedHosts, pg_pool::PoolSettings};
use crate::compose::compose;
use crate::config::{ComponentVariables, Variables};
use crate::engine::{build_engine, load_component, EngineSettings, EPOCH_TICK};
use crate::manifest::{LoadedManifest, RoutePattern};
use crate::state::{AppShared, ComponentCaps, RequestState};
use anyhow::{Context, Result};
use bytes::Bytes;
use http_body_util::{combinators::UnsyncBoxBody, BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use wasmtime::component::Linker;
use wasmtime::{Store, StoreLimitsBuilder};
use wasmtime_wasi_http::io::TokioIo;
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::WasiHttpView;

/// Largest request body accepted (CONTRACT.md: any body > 1 MiB gets 413).
pub const MAX_BODY_BYTES: usize = 1 << 20;

pub type ResponseBody = UnsyncBoxBody<Bytes, anyhow::Error>;

/// Everything `serve` needs to know.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub manifest: PathBuf,
    pub listen: SocketAddr,
    pub admin_listen: Option<SocketAddr>,
    pub variables: BTreeMap<String, String>,
    pub runtime_config: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub request_timeout: Duration,
    pub engine: EngineSettings,
    pub pool: PoolSettings,
}

struct LoadedComponent {
    caps: Arc<ComponentCaps>,
    pre: ProxyPre<RequestState>,
}

/// The loaded application: routes, pre-instantiated components, shared state.
pub struct App {
    routes: Vec<(RoutePattern, usize)>,
    components: Vec<LoadedComponent>,
    shared: Arc<AppShared>,
    request_timeout: Duration,
    max_instance_memory: usize,
    /// The application variables (for `/readyz` checks).
    pub variables: Variables,
}

impl App {
    pub fn load(opts: &ServeOptions) -> Result<Self> {
        let loaded = LoadedManifest::load(&opts.manifest)?;
        let variables = Variables::resolve(
            &loaded.manifest,
            &opts.variables,
            opts.runtime_config.as_deref(),
        )?;
        let engine = build_engine(&opts.engine)?;
        let mut linker: Linker<RequestState> = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
        wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker)?;
        capabilities::add_to_linker(&mut linker)?;

        let mut components = Vec::new();
        let mut index = BTreeMap::new();
        for (id, decl) in &loaded.manifest.component {
            let source = loaded.resolve(&decl.source);
            let bytes = std::fs::read(&source).with_context(|| {
                format!(
                    "component `{id}`: reading {} (build the components first: `make components`)",
                    source.display()
                )
            })?;
            let mut deps = Vec::new();
            for (name, dep) in &decl.dependencies {
                let p = loaded.resolve(&dep.path);
                let b = std::fs::read(&p).with_context(|| {
                    format!("component `{id}`: dependency {name} at {}", p.display())
                })?;
                deps.push((name.clone(), b));
            }
            let composed = compose(&bytes, &deps).with_context(|| format!("component `{id}`"))?;
            let component = load_component(&engine, &composed, opts.cache_dir.as_deref())
                .with_context(|| format!("component `{id}`"))?;
            let pre = linker
                .instantiate_pre(&component)
                .map_err(anyhow::Error::from)
                .with_context(|| {
                    format!("component `{id}`: an import the host does not provide")
                })?;
            let pre = ProxyPre::new(pre)
                .map_err(anyhow::Error::from)
                .with_context(|| {
                    format!("component `{id}` must export wasi:http/incoming-handler")
                })?;
            let hosts: Vec<String> = decl
                .allowed_outbound_hosts
                .iter()
                .map(|h| variables.expand(h))
                .collect::<Result<_>>()
                .with_context(|| format!("component `{id}`: allowed_outbound_hosts"))?;
            let caps = Arc::new(ComponentCaps {
                name: Arc::from(id.as_str()),
                allowed: Arc::new(AllowedHosts::parse(&hosts)?),
                variables: ComponentVariables::build(&decl.variables, &variables)
                    .with_context(|| format!("component `{id}`"))?,
            });
            index.insert(id.clone(), components.len());
            components.push(LoadedComponent { caps, pre });
        }
        let routes = loaded
            .manifest
            .trigger
            .http
            .iter()
            .map(|t| (RoutePattern::parse(&t.route), index[&t.component]))
            .collect();
        Ok(Self {
            routes,
            components,
            shared: Arc::new(AppShared::new(opts.pool.clone())),
            request_timeout: opts.request_timeout,
            max_instance_memory: opts.engine.max_instance_memory,
            variables,
        })
    }

    fn route(&self, path: &str) -> Option<usize> {
        self.routes
            .iter()
            .filter_map(|(p, c)| p.matches(path).map(|len| (len, *c)))
            .max_by_key(|(len, _)| *len)
            .map(|(_, c)| c)
    }

    /// Answers one request.
    pub async fn handle(
        self: Arc<Self>,
        req: Request<Incoming>,
        client: SocketAddr,
    ) -> Response<ResponseBody> {
        let request_id = request_id(&req);
        let mut resp = match self.clone().dispatch(req, client, &request_id).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(request_id = %request_id, error = %format!("{e:#}"), "request failed in the host");
                error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal error",
                    "INTERNAL_ERROR",
                    &request_id,
                )
            }
        };
        if !resp.headers().contains_key("x-request-id") {
            if let Ok(v) = request_id.parse() {
                resp.headers_mut().insert("x-request-id", v);
            }
        }
        resp
    }

    async fn dispatch(
        self: Arc<Self>,
        req: Request<Incoming>,
        client: SocketAddr,
        request_id: &str,
    ) -> Result<Response<ResponseBody>> {
        let Some(ci) = self.route(req.uri().path()) else {
            crate::metrics::blocked_request();
            return Ok(error_response(
                StatusCode::NOT_FOUND,
                "No such route",
                "NOT_FOUND",
                request_id,
            ));
        };
        let too_large = req
            .headers()
            .get(hyper::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|n| n > MAX_BODY_BYTES as u64);
        let (mut parts, body) = req.into_parts();
        if too_large {
            crate::metrics::blocked_request();
            linger(body).await;
            return Ok(payload_too_large(request_id));
        }
        let Some(body) = read_capped(body).await? else {
            crate::metrics::blocked_request();
            return Ok(payload_too_large(request_id));
        };
        // The guest sees the request id the response will carry, and the peer address
        // (the host is the edge: a client-supplied X-Forwarded-For is replaced).
        parts.headers.insert("x-request-id", request_id.parse()?);
        parts
            .headers
            .insert("x-forwarded-for", client.ip().to_string().parse()?);
        parts
            .headers
            .insert("spin-client-addr", client.to_string().parse()?);
        let body = Full::new(body).map_err(
            |never: std::convert::Infallible| -> wasmtime_wasi_http::Error { match never {} },
        );
        let req = Request::from_parts(parts, body);

        let component = &self.components[ci];
        let limits = StoreLimitsBuilder::new()
            .memory_size(self.max_instance_memory)
            .build();
        let state = RequestState::new(component.caps.clone(), self.shared.clone(), limits);
        let mut store = Store::new(component.pre.engine(), state);
        store.limiter(|s| &mut s.limits);
        let ticks = (self.request_timeout.as_millis() / EPOCH_TICK.as_millis()).max(1) as u64;
        store.set_epoch_deadline(ticks);
        store.epoch_deadline_trap();

        let (sender, receiver) = tokio::sync::oneshot::channel();
        let incoming = store
            .data_mut()
            .http()
            .new_incoming_request(Scheme::Http, req)?;
        let out = store.data_mut().http().new_response_outparam(sender)?;
        let pre = component.pre.clone();
        let name = component.caps.name.clone();
        let task = tokio::spawn(async move {
            let proxy = pre.instantiate_async(&mut store).await?;
            proxy
                .wasi_http_incoming_handler()
                .call_handle(&mut store, incoming, out)
                .await
        });
        match tokio::time::timeout(self.request_timeout, receiver).await {
            Ok(Ok(Ok(resp))) => Ok(resp.map(|b| b.map_err(anyhow::Error::from).boxed_unsync())),
            Ok(Ok(Err(code))) => {
                tracing::error!(component = %name, error = ?code, "guest returned an error code");
                Ok(error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal error",
                    "INTERNAL_ERROR",
                    request_id,
                ))
            }
            Ok(Err(_)) => {
                let err = match task.await {
                    Ok(Ok(())) => anyhow::anyhow!("guest never set a response"),
                    Ok(Err(e)) => anyhow::Error::from(e),
                    Err(e) => e.into(),
                };
                tracing::error!(component = %name, error = %format!("{err:#}"), "guest failed");
                Ok(error_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal error",
                    "INTERNAL_ERROR",
                    request_id,
                ))
            }
            Err(_) => {
                task.abort();
                tracing::error!(component = %name, "request deadline exceeded");
                Ok(error_response(
                    StatusCode::GATEWAY_TIMEOUT,
                    "The request took too long",
                    "REQUEST_TIMEOUT",
                    request_id,
                ))
            }
        }
    }
}

/// Echoes a sane client `X-Request-ID` (printable ASCII, at most 128 bytes), else mints one.
fn request_id(req: &Request<Incoming>) -> String {
    if let Some(v) = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
    {
        if !v.is_empty()
            && v.len() <= 128
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        {
            return v.to_string();
        }
    }
    let r: u128 = rand::random();
    format!("req_{r:032x}")
}

/// How long, and how much, the host goes on reading an upload it refuses before answering
/// 413. Closing the connection while the client is still writing makes the client report the
/// broken upload instead of the response (nginx and Apache linger for the same reason).
const LINGER: Duration = Duration::from_secs(2);
/// See [`LINGER`].
const LINGER_BYTES: usize = 8 * MAX_BODY_BYTES;

/// The request body, or `None` when it is larger than [`MAX_BODY_BYTES`], counted while
/// reading (so chunked uploads are capped too); a refused body is then read on and dropped
/// ([`linger`]).
async fn read_capped(mut body: Incoming) -> Result<Option<Bytes>> {
    let mut buf: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| anyhow::anyhow!("reading request body: {e}"))?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > MAX_BODY_BYTES {
                linger(body).await;
                return Ok(None);
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(Some(Bytes::from(buf)))
}

/// Reads and drops the rest of a refused upload, for at most [`LINGER`] and [`LINGER_BYTES`].
async fn linger(mut body: Incoming) {
    let drain = async {
        let mut dropped = 0usize;
        while let Some(Ok(frame)) = body.frame().await {
            dropped += frame.data_ref().map_or(0, |d| d.len());
            if dropped > LINGER_BYTES {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(LINGER, drain).await;
}

/// 413 with the contract's envelope; the connection is closed after it, since what is left of
/// the refused upload (past [`LINGER`]) is not read.
fn payload_too_large(request_id: &str) -> Response<ResponseBody> {
    let mut resp = error_response(
        StatusCode::PAYLOAD_TOO_LARGE,
        "Request body exceeds 1 MiB",
        "PAYLOAD_TOO_LARGE",
        request_id,
    );
    resp.headers_mut().insert(
        hyper::header::CONNECTION,
        hyper::header::HeaderValue::from_static("close"),
    );
    resp
}

/// The contract's error envelope.
pub fn error_response(
    status: StatusCode,
    error: &str,
    code: &str,
    request_id: &str,
) -> Response<ResponseBody> {
    let body = serde_json::json!({"success": false, "error": error, "code": code, "requestId": request_id});
    json_response(status, &body)
}

pub fn json_response(status: StatusCode, body: &serde_json::Value) -> Response<ResponseBody> {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(
            Full::new(Bytes::from(body.to_string()))
                .map_err(|never| match never {})
                .boxed_unsync(),
        )
        .expect("static response parts are valid")
}

/// Serves `app` on `listener` until `shutdown` resolves, then stops accepting and lets every
/// in-flight request finish (up to `drain`).
pub async fn serve(
    app: Arc<App>,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()>,
    drain: Duration,
) -> Result<()> {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(v) => v,
                    Err(e) => { tracing::warn!(error = %e, "accept failed"); continue; }
                };
                let _ = stream.set_nodelay(true);
                let app = app.clone();
                let service = hyper::service::service_fn(move |req| {
                    let app = app.clone();
                    async move { Ok::<_, std::convert::Infallible>(app.handle(req, peer).await) }
                });
                let conn = hyper::server::conn::http1::Builder::new()
                    .keep_alive(true)
                    .serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::debug!(error = %e, "connection ended with an error");
                    }
                });
            }
            _ = &mut shutdown => break,
        }
    }
    drop(listener);
    tracing::info!("shutting down: draining in-flight requests");
    if tokio::time::timeout(drain, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("drain timed out; closing remaining connections");
    }
    Ok(())
}
