//! `wasi:http/outgoing-handler` restricted to the component's `allowed_outbound_hosts`: a
//! request to any other destination is answered with `HTTP-request-denied` before any DNS
//! lookup or connection, and logged.

use super::allowed_hosts::{default_port, AllowedHosts};
use std::future::Future;
use std::sync::Arc;
use wasmtime_wasi_http::{Error, RequestOptions, WasiBody, WasiHttpHooks};

/// The per-request hooks object handed to `wasmtime-wasi-http`.
pub struct OutboundHttp {
    pub component: Arc<str>,
    pub allowed: Arc<AllowedHosts>,
}

type SendFuture = Box<
    dyn Future<
            Output = Result<
                (
                    http::Response<WasiBody>,
                    Box<dyn Future<Output = Result<(), Error>> + Send>,
                ),
                Error,
            >,
        > + Send,
>;

impl WasiHttpHooks for OutboundHttp {
    fn send_request(
        &mut self,
        request: http::Request<WasiBody>,
        options: Option<RequestOptions>,
        fut: Box<dyn Future<Output = Result<(), Error>> + Send>,
    ) -> SendFuture {
        let uri = request.uri();
        let scheme = uri.scheme_str().unwrap_or("https").to_string();
        let host = uri.host().unwrap_or_default().to_string();
        let port = uri
            .port_u16()
            .or_else(|| default_port(&scheme))
            .unwrap_or(0);
        if !self.allowed.allows(&scheme, &host, port) {
            tracing::warn!(
                component = %self.component,
                destination = %format!("{scheme}://{host}:{port}"),
                "outbound HTTP request refused: destination not in allowed_outbound_hosts"
            );
            return Box::new(async { Err(Error::HttpRequestDenied) });
        }
        wasmtime_wasi_http::default_hooks().send_request(request, options, fut)
    }
}
