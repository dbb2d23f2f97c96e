#!/usr/bin/env bash
# End to end: /v1/ai-agents/public/inquiry on the release host with a local PostgreSQL (the
# embedded cluster, fresh database, knowledge base from docs/), next to the hello component
# served by the same host build in the same run. The rate limit is raised for the run (the
# limiter still does its one atomic upsert per request).
#   DURATION=10s CONNECTIONS=16 ./scripts/bench-public.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
cargo build --release -p careagents
cargo build --target wasm32-wasip2 --profile wasm -p guardrails -p public-inquiry -p tenant-inquiry -p hello -p probe

STATE=$(mktemp -d)
BIN=./target/release/careagents
trap 'kill $(jobs -p) 2>/dev/null || true; $BIN --state-dir "$STATE" db stop >/dev/null 2>&1 || true; rm -rf "$STATE"' EXIT
chmod 755 "$STATE"

$BIN --state-dir "$STATE" up --listen 127.0.0.1:38180 --admin-listen 127.0.0.1:38190 \
    --var public_ai_rate_limit_max_requests=100000000 >"$STATE/up.log" 2>&1 &
$BIN --state-dir "$STATE" serve --manifest tests/fixtures/probe.toml \
    --listen 127.0.0.1:38181 --admin-listen 127.0.0.1:38191 >"$STATE/hello.log" 2>&1 &
for url in http://127.0.0.1:38180/v1/ai-agents/public/health http://127.0.0.1:38181/hello/; do
    for _ in $(seq 1 600); do curl -sf "$url" >/dev/null && break; sleep 0.2; done
done

row() { # name -> reads wrk output on stdin
    awk -v name="$1" '
        /Requests\/sec/ {rps=$2}
        /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
        /Non-2xx/ {bad=$NF}
        END {printf "%-28s %12s %10s %10s %s\n", name, rps, p50, p99, (bad ? "non-2xx: " bad : "")}'
}

curl -s -X POST http://127.0.0.1:38180/v1/ai-agents/public/inquiry -H 'content-type: application/json' \
    -d '{"message":"How much does the Professional plan cost per month?"}' | head -c 300; echo
wrk -t2 -c4 -d3s -s scripts/public-inquiry.lua http://127.0.0.1:38180 >/dev/null   # warm-up
wrk -t2 -c4 -d2s http://127.0.0.1:38181/hello/ >/dev/null
# A fresh database has no planner statistics: the statements' cached plans were made for empty
# tables (a session insert then scans every session row). Autovacuum analyzes within a minute
# of the first writes; analyze now so a 10 s run measures that steady state.
psql "$($BIN --state-dir "$STATE" db url)" -qc ANALYZE

echo
echo "wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores, PostgreSQL $(ls /usr/lib/postgresql | sort -n | tail -1) on loopback"
printf "%-28s %12s %10s %10s\n" endpoint requests/s p50 p99
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency http://127.0.0.1:38181/hello/ | row "hello component"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/public-inquiry.lua http://127.0.0.1:38180 | tee "$STATE/public.txt" | row "POST /public/inquiry"
grep "^non-200" "$STATE/public.txt" | sort | uniq -c | head -5 || true
