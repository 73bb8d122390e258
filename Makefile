# news-infographic: build, serve and test.  `make` = build.
.DEFAULT_GOAL := build
.PHONY: setup setup-build build serve test test-native test-browser test-e2e test-differential package fuzz properties

# Everything the tests need (toolchain, browsers and drivers, fonts, npm dev deps, wasm-pack).
setup:
	@echo "== setup (toolchain, browsers, npm dev deps) =="
	bash scripts/setup.sh test

# Only what building and serving need (no browsers, drivers or wasm-pack).
setup-build:
	bash scripts/setup.sh build

build: setup-build
	NI_SKIP_SETUP=1 bash scripts/build.sh

# npm package in target/npm-pkg (wasm-pack build --target web, wasm-opt, loader, types, data, README)
package:
	bash scripts/package.sh

# Article at http://127.0.0.1:8080/
serve: build
	node scripts/serve.mjs www 8080

# Every layer in order; make stops at the first failure.
test: setup
	@echo "== build (wasm + bindings + wasm-opt) =="
	NI_SKIP_SETUP=1 bash scripts/build.sh
	@$(MAKE) --no-print-directory test-native test-differential test-browser test-e2e

# Property tests run from a fixed seed here, so a test run is repeatable; `make properties`
# explores fresh random cases (failures are saved to tests/properties.proptest-regressions,
# which `cargo test` replays first).
PROPTEST_RNG_SEED ?= 20261129
test-native:
	@echo "== test (a): cargo test (native unit + snapshot tests; proptest seed $(PROPTEST_RNG_SEED)) =="
	PROPTEST_RNG_SEED=$(PROPTEST_RNG_SEED) cargo test

PROPTEST_CASES ?= 20000
properties:
	PROPTEST_CASES=$(PROPTEST_CASES) cargo test --profile export --test properties

# Vega-Lite specs run through npm vega + vega-lite in node and through `render --vega-lite --dump`
# (built by scripts/build.sh); scale domains, mark counts and rows must agree. TZ=UTC: the engine
# works in UTC, Vega in the machine's zone.
test-differential:
	@echo "== test (b): differential against vega + vega-lite (node --test tests/differential/) =="
	TZ=UTC NI_RENDER=target/export/render node --test tests/differential/

test-browser:
	@echo "== test (c): wasm-bindgen browser tests (Chromium, Firefox, WebKit) =="
	bash scripts/test-browser.sh

# One test file at a time: each starts browsers, and the machine has two cores.
test-e2e:
	@echo "== test (d): end-to-end in Chromium, Firefox, WebKit (node --test tests/e2e/) =="
	. scripts/env.sh && node --test --test-concurrency=1 tests/e2e/

# Performance against Chart.js, uPlot, ECharts and Vega-Lite (bench/; not part of `make test`):
# installs the bench's npm dev dependencies if missing, writes bench/results.json and RESULTS.md.
.PHONY: bench
bench:
	bash bench/setup.sh
	node bench/run.mjs

# cargo-fuzz on every untrusted-input entry point, FUZZ_SECONDS (default 60) s per target; findings
# become fixtures in tests/fixtures/fuzz/ (replayed by `cargo test`). Not part of `make test`.
FUZZ_SECONDS ?= 60
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)
