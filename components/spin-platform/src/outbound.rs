//! A blocking JSON POST over `wasi:http/outgoing-handler` with first-byte and between-bytes
//! timeouts (the optional language model). The host checks the destination against
//! `allowed_outbound_hosts`; a refusal comes back here as an error string.

use wasi::http::outgoing_handler;
use wasi::http::types::{Fields, Method, OutgoingBody, OutgoingRequest, RequestOptions, Scheme};

const MAX_RESPONSE_BYTES: usize = 4 << 20;

pub fn post_json(
    url: &str,
    headers: &[(String, String)],
    body: &[u8],
    timeout_ms: u32,
) -> Result<(u16, Vec<u8>), String> {
    let (scheme, rest) = url.split_once("://").ok_or("URL needs a scheme")?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    // A declared length (not chunked): some OpenAI-compatible servers refuse chunked bodies.
    let mut list = vec![
        ("content-type".to_string(), b"application/json".to_vec()),
        (
            "content-length".to_string(),
            body.len().to_string().into_bytes(),
        ),
    ];
    list.extend(
        headers
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.as_bytes().to_vec())),
    );
    let fields = Fields::from_list(&list).map_err(|e| format!("bad header: {e:?}"))?;
    let req = OutgoingRequest::new(fields);
    req.set_method(&Method::Post).map_err(|_| "method")?;
    let scheme = match scheme {
        "http" => Scheme::Http,
        "https" => Scheme::Https,
        other => Scheme::Other(other.to_string()),
    };
    req.set_scheme(Some(&scheme)).map_err(|_| "scheme")?;
    req.set_authority(Some(authority))
        .map_err(|_| "authority")?;
    req.set_path_with_query(Some(path)).map_err(|_| "path")?;
    let out = req.body().map_err(|_| "body")?;
    let opts = RequestOptions::new();
    let ns = u64::from(timeout_ms) * 1_000_000;
    let _ = opts.set_connect_timeout(Some(ns));
    let _ = opts.set_first_byte_timeout(Some(ns));
    let _ = opts.set_between_bytes_timeout(Some(ns));
    let pending =
        outgoing_handler::handle(req, Some(opts)).map_err(|e| format!("refused: {e:?}"))?;
    {
        let stream = out.write().map_err(|_| "body stream")?;
        for chunk in body.chunks(4096) {
            stream
                .blocking_write_and_flush(chunk)
                .map_err(|e| format!("write: {e:?}"))?;
        }
    }
    OutgoingBody::finish(out, None).map_err(|e| format!("finish: {e:?}"))?;
    pending.subscribe().block();
    let resp = match pending.get() {
        Some(Ok(Ok(r))) => r,
        Some(Ok(Err(e))) => return Err(format!("{e:?}")),
        _ => return Err("no response".into()),
    };
    let status = resp.status();
    let incoming = resp.consume().map_err(|_| "response body")?;
    let stream = incoming.stream().map_err(|_| "response stream")?;
    let mut buf = Vec::new();
    loop {
        match stream.blocking_read(64 * 1024) {
            Ok(chunk) => {
                buf.extend_from_slice(&chunk);
                if buf.len() > MAX_RESPONSE_BYTES {
                    return Err("response too large".into());
                }
            }
            Err(wasi::io::streams::StreamError::Closed) => break,
            Err(e) => return Err(format!("read: {e:?}")),
        }
    }
    Ok((status, buf))
}
