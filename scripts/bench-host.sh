#!/usr/bin/env bash
# Host overhead: the hello component served by `careagents serve` and by `wasmtime serve`
# (wasmtime-cli 48, the same wasmtime the host embeds; `-S cli` gives the hello component the
# wasi:cli imports every Rust component has), each loaded with the same wrk run,
# printed side by side. Release builds; run it on an otherwise idle machine.
#   DURATION=10s CONNECTIONS=32 ROUNDS=2 ./scripts/bench-host.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-2}
TOOLS=target/bench-tools

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
if [ ! -x "$TOOLS/bin/wasmtime" ]; then
    echo "installing wasmtime-cli 48.0.8 into $TOOLS (once; takes several minutes)"
    cargo install wasmtime-cli --version 48.0.8 --locked --root "$TOOLS"
fi
cargo build --release -p careagents
cargo build --target wasm32-wasip2 --profile wasm -p hello -p probe

HELLO=target/wasm32-wasip2/wasm/hello.wasm
STATE=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$STATE"' EXIT

./target/release/careagents --state-dir "$STATE" serve --manifest tests/fixtures/probe.toml \
    --listen 127.0.0.1:38080 --admin-listen 127.0.0.1:38090 2>"$STATE/host.log" &
"$TOOLS/bin/wasmtime" serve -S cli --addr 127.0.0.1:38081 "$HELLO" 2>"$STATE/wasmtime.log" &
for port in 38080 38081; do
    for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/hello/" >/dev/null && break; sleep 0.2; done
done

run() { # name url -> "rps p50 p99"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$2" | awk -v name="$1" '
        /Requests\/sec/ {rps=$2}
        /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
        /Non-2xx/ {bad=$NF}
        END {printf "%-18s %12s %10s %10s %s\n", name, rps, p50, p99, (bad ? "non-2xx: " bad : "")}'
}

echo
echo "hello component, wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores, alternating rounds"
printf "%-18s %12s %10s %10s\n" server requests/s p50 p99
wrk -t2 -c8 -d2s http://127.0.0.1:38080/hello/ >/dev/null   # warm-up
wrk -t2 -c8 -d2s http://127.0.0.1:38081/hello/ >/dev/null
for r in $(seq 1 "$ROUNDS"); do
    run "careagents serve" http://127.0.0.1:38080/hello/
    run "wasmtime serve" http://127.0.0.1:38081/hello/
done
