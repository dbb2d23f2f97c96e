//! Used only by the host's tests (`tests/fixtures/probe.toml`): `GET /probe/http?<url>` makes an
//! outbound HTTP request and `GET /probe/pg?<address>` opens a PostgreSQL connection (reporting
//! in JSON whether the host let them through), and `GET /probe/sleep?<ms>` answers late.

use spin_sdk::http::{IntoResponse, Method, Request, Response};
use spin_sdk::http_component;

fn json(status: u16, v: serde_json::Value) -> Response {
    Response::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(v.to_string())
        .build()
}

fn decode(q: &str) -> String {
    let mut out = Vec::new();
    let b = q.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&q[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[http_component]
async fn handle(req: Request) -> anyhow::Result<impl IntoResponse> {
    let target = decode(req.query());
    match req.path() {
        "/probe/http" => {
            let outbound = Request::new(Method::Get, target);
            match spin_sdk::http::send::<_, Response>(outbound).await {
                Ok(r) => Ok(json(
                    200,
                    serde_json::json!({"allowed": true, "status": *r.status()}),
                )),
                Err(e) => Ok(json(
                    200,
                    serde_json::json!({"allowed": false, "error": e.to_string()}),
                )),
            }
        }
        "/probe/pg" => match spin_sdk::pg4::Connection::open(&target) {
            Ok(conn) => {
                let r = conn.query("SELECT 1::int4 AS one", &[]);
                Ok(json(
                    200,
                    serde_json::json!({"allowed": true, "query": r.is_ok()}),
                ))
            }
            Err(e) => Ok(json(
                200,
                serde_json::json!({"allowed": false, "error": e.to_string()}),
            )),
        },
        "/probe/pg-set-tenant" => {
            // Leaves a session-level tenant and an open transaction behind on purpose.
            let conn = spin_sdk::pg4::Connection::open(&target)?;
            conn.execute("BEGIN", &[])?;
            conn.query(
                "SELECT set_config('app.tenant_id', 'healthcare-leaky', false)",
                &[],
            )?;
            conn.query("SELECT set_config('app.other', 'x', true)", &[])?;
            // the backend, so that a test can tell when the pool hands this connection back
            let rows = conn.query("SELECT pg_backend_pid()::int4", &[])?;
            let pid = match &rows.rows[0][0] {
                spin_sdk::pg4::DbValue::Int32(p) => p.to_string(),
                other => format!("{other:?}"),
            };
            Ok(json(200, serde_json::json!({"set": true, "pid": pid})))
        }
        "/probe/pg-get-tenant" => {
            let conn = spin_sdk::pg4::Connection::open(&target)?;
            let rows = conn.query(
                "SELECT coalesce(current_setting('app.tenant_id', true), '') AS t, pg_backend_pid()::int4 AS pid, \
                 coalesce(current_setting('app.other', true), '') AS txn_local",
                &[],
            )?;
            let row = &rows.rows[0];
            let text = |v: &spin_sdk::pg4::DbValue| match v {
                spin_sdk::pg4::DbValue::Str(s) => s.clone(),
                spin_sdk::pg4::DbValue::Int32(p) => p.to_string(),
                other => format!("{other:?}"),
            };
            Ok(json(
                200,
                serde_json::json!({"tenant": text(&row[0]), "pid": text(&row[1]), "transactionLocal": text(&row[2])}),
            ))
        }
        "/probe/sleep" => {
            // Holds the request open, for the host's graceful-shutdown test.
            let ms: u64 = target.parse().unwrap_or(500).min(10_000);
            wasi::clocks::monotonic_clock::subscribe_duration(ms * 1_000_000).block();
            Ok(json(200, serde_json::json!({"slept_ms": ms})))
        }
        _ => Ok(json(404, serde_json::json!({"error": "no such probe"}))),
    }
}
