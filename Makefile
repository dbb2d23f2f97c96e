# The two front-door commands are `make up` and `make test` (see README.md).
CARGO ?= cargo
COMPONENTS := -p guardrails -p public-inquiry -p tenant-inquiry -p hello -p probe

.PHONY: up test components host lint bench bench-host bench-public

## Build the .wasm components (wasm32-wasip2, `wasm` profile) that spin.toml points at.
components:
	$(CARGO) build --target wasm32-wasip2 --profile wasm $(COMPONENTS)

host:
	$(CARGO) build -p careagents

## Start everything on the embedded default: private PostgreSQL, migrations, demo data,
## knowledge base, and the agents on http://127.0.0.1:3000.
up: components
	$(CARGO) run -p careagents -- up

## Every test: unit tests, the guard's regression figures, and the end-to-end tests against
## the real host, real components and a real PostgreSQL.
test: components
	$(CARGO) test --workspace

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --target wasm32-wasip2 $(COMPONENTS) -p careagents-spin-platform -- -D warnings

## Host overhead: `careagents serve` vs `wasmtime serve` on the hello component (release).
bench-host:
	./scripts/bench-host.sh

## The public agent end to end (release host, local PostgreSQL) beside the hello component.
bench-public:
	./scripts/bench-public.sh

bench: bench-host bench-public
