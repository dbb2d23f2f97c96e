//! Answers every request with a short text body and nothing else, so that a benchmark of it
//! measures the host (accept, instantiate, call, respond) and not the guest. It targets plain
//! `wasi:http/proxy@0.2.6`, so `wasmtime serve` runs the very same file.

wit_bindgen::generate!({
    world: "wasi:http/proxy@0.2.6",
    path: "../../wit",
    generate_all,
});

use exports::wasi::http::incoming_handler::Guest;
use wasi::http::types::{
    Fields, IncomingRequest, OutgoingBody, OutgoingResponse, ResponseOutparam,
};

struct Hello;

impl Guest for Hello {
    fn handle(_request: IncomingRequest, out: ResponseOutparam) {
        let headers = Fields::from_list(&[("content-type".to_string(), b"text/plain".to_vec())])
            .expect("static header is valid");
        let resp = OutgoingResponse::new(headers);
        let body = resp.body().expect("body is taken once");
        ResponseOutparam::set(out, Ok(resp));
        let stream = body.write().expect("stream is taken once");
        stream
            .blocking_write_and_flush(b"Hello, careagents!\n")
            .expect("write");
        drop(stream);
        OutgoingBody::finish(body, None).expect("finish");
    }
}

export!(Hello);
