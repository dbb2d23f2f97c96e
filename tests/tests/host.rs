//! The host over HTTP with the hello and probe components: routing, body cap, the outbound
//! allow-list for HTTP and PostgreSQL, request ids, metrics, and draining on SIGTERM.

use careagents_tests::{component, http, probe_manifest, Host, TestDb};
use serde_json::Value;

fn probe_host(extra: &[(&str, &str)]) -> Host {
    component("hello");
    component("probe");
    let vars: Vec<(String, String)> = extra
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Host::start(&probe_manifest(), &vars).unwrap()
}

fn get_json(url: &str) -> (u16, Value) {
    let r = http().get(url).send().unwrap();
    let status = r.status().as_u16();
    (status, r.json().unwrap())
}

#[test]
fn unknown_route_is_a_json_404_with_a_request_id() {
    let host = probe_host(&[]);
    let r = http().get(host.url("/no/such/route")).send().unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let id = r
        .headers()
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let body: Value = r.json().unwrap();
    assert_eq!(body["success"], false);
    assert_eq!(body["code"], "NOT_FOUND");
    assert_eq!(body["requestId"], id.as_str());
}

#[test]
fn a_sane_client_request_id_is_echoed_and_a_bad_one_replaced() {
    let host = probe_host(&[]);
    let r = http()
        .get(host.url("/hello/"))
        .header("x-request-id", "abc-123")
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["x-request-id"], "abc-123");
    let r = http()
        .get(host.url("/hello/"))
        .header("x-request-id", "<script>")
        .send()
        .unwrap();
    assert_ne!(r.headers()["x-request-id"], "<script>");
    assert_eq!(r.text().unwrap(), "Hello, careagents!\n");
}

#[test]
fn a_two_mebibyte_body_gets_413_with_the_contract_code() {
    let host = probe_host(&[]);
    let body = vec![b'a'; 2 << 20];
    let r = http().post(host.url("/hello/x")).body(body).send().unwrap();
    assert_eq!(r.status().as_u16(), 413);
    let v: Value = r.json().unwrap();
    assert_eq!(v["code"], "PAYLOAD_TOO_LARGE");
    // A body just under the cap is still served.
    let r = http()
        .post(host.url("/hello/x"))
        .body(vec![b'a'; (1 << 20) - 1])
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[test]
fn chunked_bodies_over_the_cap_are_refused_too() {
    use std::io::{Read, Write};
    let host = probe_host(&[]);
    // No Content-Length: the host must count while reading. A raw socket, because the host
    // answers 413 as soon as the cap is passed and a client library reports the closed
    // upload instead of the response.
    let addr = host.base.trim_start_matches("http://").to_string();
    let mut s = std::net::TcpStream::connect(&addr).unwrap();
    s.write_all(
        format!("POST /hello/x HTTP/1.1\r\nHost: {addr}\r\nTransfer-Encoding: chunked\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..20 {
        let mut frame = format!("{:x}\r\n", chunk.len()).into_bytes();
        frame.extend_from_slice(&chunk);
        frame.extend_from_slice(b"\r\n");
        if s.write_all(&frame).is_err() {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n");
    let mut resp = String::new();
    let _ = s.read_to_string(&mut resp);
    assert!(
        resp.starts_with("HTTP/1.1 413"),
        "{}",
        &resp[..resp.len().min(200)]
    );
    assert!(resp.contains("PAYLOAD_TOO_LARGE"));
}

#[test]
fn outbound_http_outside_the_allow_list_is_refused_before_connecting() {
    // Allow only the admin listener's port; it is unknown until the host runs, so allow it
    // through a variable on a second host pointed at the first one's admin address.
    let first = probe_host(&[]);
    let admin = first.admin.clone();
    let host = probe_host(&[("allowed_http", &admin)]);
    // Allowed destination: reaches the first host's /healthz.
    let (_, v) = get_json(&host.url(&format!("/probe/http?{admin}/healthz")));
    assert_eq!(v["allowed"], true, "{v}");
    assert_eq!(v["status"], 200);
    // Same host, another port; and another host: refused with HttpRequestDenied.
    for target in [
        first.url("/hello/"),
        "http://example.com/".to_string(),
        "https://10.1.2.3/".to_string(),
    ] {
        let (_, v) = get_json(&host.url(&format!("/probe/http?{target}")));
        assert_eq!(v["allowed"], false, "{target}: {v}");
        assert!(
            v["error"].as_str().unwrap().contains("HttpRequestDenied"),
            "{target}: {v}"
        );
    }
    assert!(host.log().contains("outbound HTTP request refused"));
}

#[test]
fn postgres_outside_the_allow_list_is_refused_and_inside_it_works() {
    let db = TestDb::new().unwrap();
    let (h, p) = careagents::db::host_port(&db.admin_url).unwrap();
    let allowed = format!("postgres://{h}:{p}");
    let host = probe_host(&[("allowed_pg", &allowed)]);
    let app_url = db.app_url();
    let (_, v) = get_json(&host.url(&format!("/probe/pg?{app_url}")));
    assert_eq!(v["allowed"], true, "{v}");
    assert_eq!(v["query"], true, "{v}");
    // Another port of the same host, and another host: refused by the host.
    let other_port = careagents::db::with_credentials(
        &format!("postgres://{h}:{}/x", p + 1),
        "careagents_app",
        "x",
    )
    .unwrap();
    for target in [other_port, "postgres://u:p@192.0.2.10:5432/db".to_string()] {
        let (_, v) = get_json(&host.url(&format!("/probe/pg?{target}")));
        assert_eq!(v["allowed"], false, "{v}");
        assert!(
            v["error"]
                .as_str()
                .unwrap()
                .contains("not in allowed_outbound_hosts"),
            "{v}"
        );
        assert!(
            !v["error"].as_str().unwrap().contains(":p@"),
            "credentials must not be echoed: {v}"
        );
    }
    assert!(host
        .log()
        .contains("outbound PostgreSQL connection refused"));
}

#[test]
fn sigterm_lets_the_request_in_flight_finish() {
    let host = probe_host(&[]);
    let url = host.url("/probe/sleep?1500");
    let pending = std::thread::spawn(move || {
        let r = http().get(url).send().unwrap();
        (r.status().as_u16(), r.json::<Value>().unwrap())
    });
    std::thread::sleep(std::time::Duration::from_millis(500));
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(host.pid(), libc::SIGTERM) };
    let (status, body) = pending.join().unwrap();
    assert_eq!(status, 200);
    assert_eq!(body["slept_ms"], 1500);
    let mut host = host;
    let exit = host.child.wait().unwrap();
    assert!(exit.success(), "host exited with {exit:?}");
}

#[test]
fn metrics_are_served_on_the_admin_listener_only() {
    let host = probe_host(&[]);
    let _ = http().get(host.url("/no/route")).send().unwrap();
    let text = http()
        .get(format!("{}/metrics", host.admin))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(text.contains("ai_agent_blocked_requests 1"), "{text}");
    let r = http().get(host.url("/metrics")).send().unwrap();
    assert_eq!(r.status().as_u16(), 404);
    let (status, v) = get_json(&format!("{}/healthz", host.admin));
    assert_eq!((status, v["status"].as_str()), (200, Some("ok")));
}

#[test]
fn a_pooled_connection_carries_no_tenant_or_transaction_into_the_next_request() {
    let db = TestDb::new().unwrap();
    let (h, p) = careagents::db::host_port(&db.admin_url).unwrap();
    let allowed = format!("postgres://{h}:{p}");
    let host = probe_host(&[("allowed_pg", &allowed)]);
    let app_url = db.app_url();
    let (status, v) = get_json(&host.url(&format!("/probe/pg-set-tenant?{app_url}")));
    assert_eq!(status, 200, "{v}");
    let leaky = v["pid"].clone();
    // The pool gets the connection back once its background reset has finished; until then a
    // request opens another connection. Read until the request lands on the connection that
    // the tenant was set on (no fixed sleep: a loaded machine takes longer to reset), checking
    // every read on the way.
    let mut reused = false;
    for _ in 0..100 {
        let (status, v) = get_json(&host.url(&format!("/probe/pg-get-tenant?{app_url}")));
        assert_eq!(status, 200, "{v}");
        assert_eq!(v["tenant"], "", "the previous request's tenant leaked: {v}");
        assert_eq!(
            v["transactionLocal"], "",
            "the previous request's open transaction leaked: {v}"
        );
        if v["pid"] == leaky {
            reused = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(
        reused,
        "the connection is reused from the pool, so the reset is what is tested"
    );
}
