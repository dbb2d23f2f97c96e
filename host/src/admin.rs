//! The admin listener: `/metrics` (Prometheus text), `/healthz` (process up) and `/readyz`
//! (database and key service reachable). Kept off the public listener so metrics and
//! readiness details are not exposed to clients.

use crate::server::{json_response, ResponseBody};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, Response, StatusCode};
use metrics_exporter_prometheus::PrometheusHandle;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use wasmtime_wasi_http::io::TokioIo;

/// What `/readyz` checks.
pub struct Readiness {
    /// The application's database address (`db_url`), if it has one.
    pub database_url: Option<String>,
    /// `host:port` of the key service, when a remote one is configured.
    pub key_service: Option<String>,
}

pub async fn serve_admin(listener: TcpListener, metrics: PrometheusHandle, ready: Arc<Readiness>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let metrics = metrics.clone();
        let ready = ready.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                let metrics = metrics.clone();
                let ready = ready.clone();
                async move {
                    Ok::<_, std::convert::Infallible>(
                        route(req.uri().path(), &metrics, &ready).await,
                    )
                }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn route(
    path: &str,
    metrics: &PrometheusHandle,
    ready: &Readiness,
) -> Response<ResponseBody> {
    match path {
        "/metrics" => Response::builder()
            .header("content-type", "text/plain; version=0.0.4")
            .body(
                Full::new(Bytes::from(metrics.render()))
                    .map_err(|n| match n {})
                    .boxed_unsync(),
            )
            .expect("valid response"),
        "/healthz" => json_response(
            StatusCode::OK,
            &serde_json::json!({"status": "ok", "version": crate::VERSION}),
        ),
        "/readyz" => {
            let db = match &ready.database_url {
                Some(url) => check_database(url).await,
                None => Ok(()),
            };
            let kms = match &ready.key_service {
                Some(addr) => check_tcp(addr).await,
                None => Ok(()),
            };
            let status = if db.is_ok() && kms.is_ok() {
                StatusCode::OK
            } else {
                StatusCode::SERVICE_UNAVAILABLE
            };
            let show = |r: &Result<(), String>| match r {
                Ok(()) => serde_json::json!("ok"),
                Err(e) => serde_json::json!(e),
            };
            json_response(
                status,
                &serde_json::json!({
                    "status": if status == StatusCode::OK { "ready" } else { "unready" },
                    "checks": {"database": show(&db), "keyService": show(&kms)}
                }),
            )
        }
        _ => json_response(
            StatusCode::NOT_FOUND,
            &serde_json::json!({"success": false, "error": "No such route", "code": "NOT_FOUND"}),
        ),
    }
}

async fn check_database(url: &str) -> Result<(), String> {
    let attempt = async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .map_err(|_| "unreachable".to_string())?;
        tokio::spawn(conn);
        client
            .simple_query("SELECT 1")
            .await
            .map_err(|_| "query failed".to_string())?;
        Ok(())
    };
    tokio::time::timeout(Duration::from_secs(2), attempt)
        .await
        .unwrap_or_else(|_| Err("timeout".into()))
}

async fn check_tcp(addr: &str) -> Result<(), String> {
    match tokio::time::timeout(Duration::from_secs(2), tokio::net::TcpStream::connect(addr)).await {
        Ok(Ok(_)) => Ok(()),
        _ => Err("unreachable".into()),
    }
}
