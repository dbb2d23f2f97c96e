//! The public agent as a Spin HTTP component: binds Spin's HTTP trigger to the pipeline in
//! `careagents-public-agent`, with the platform and guard of `careagents-spin-platform`.

use careagents_spin_platform::{request, response, SpinPlatform, WitGuard};
use spin_sdk::http::{Request, Response};
use spin_sdk::http_component;

#[http_component]
fn handle(req: Request) -> Response {
    let mut platform = SpinPlatform::new();
    response(careagents_public_agent::handle(
        &request(&req),
        &mut platform,
        &WitGuard,
    ))
}
