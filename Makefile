# resv-calc: every command a developer or CI needs. `make test` stops at the first failure.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080

.PHONY: setup setup-serve pkg serve test bench fuzz fuzz-smoke fuzz-js-smoke fmt-check js-fmt-check clippy sample-check test-host test-node dts test-ts pkg-check test-browser golden clean

# Installs what is missing on a fresh machine (Debian packages, wasm-bindgen-cli, cargo-fuzz, npm tools).
setup:
	@bash scripts/setup.sh

# Only what building and serving need (the wasm32 toolchain, wasm-bindgen-cli, wasm-opt): no
# Chromium, cargo-fuzz or test-only npm packages.
setup-serve:
	@bash scripts/setup.sh serve

# Builds the npm package into pkg/ (cargo wasm32 -> wasm-bindgen -> wasm-opt -> package.json).
pkg: setup-serve
	@bash scripts/build-pkg.sh

# Serves the calculator on http://localhost:$(PORT) with the built-in sample.
serve: pkg
	@PORT=$(PORT) node scripts/serve.mjs

# Every test, cheapest first: format, lints, host tests, the package under Node, its types, the page.
test: setup fmt-check js-fmt-check clippy sample-check test-host fuzz-smoke pkg test-node fuzz-js-smoke dts test-ts pkg-check test-browser

# Formatting is checked, never rewritten, in tests.
fmt-check:
	cargo fmt --all --check

# The JS is checked the same way, by the pinned prettier (.prettierrc.json; quoted globs: prettier expands them).
js-fmt-check:
	npx --no-install prettier --check 'www/**/*.js' 'tests/node/*.mjs' 'tests/browser/*.mjs' 'bench/*.mjs' 'scripts/*.mjs' 'tests/ts/*.ts' 'tests/ts/*.mjs' 'tests/bundlers/*.mjs' 'tests/bundlers/app/*.js'

# Lints deny warnings on the host build and on the wasm32-only binding module.
clippy: setup
	cargo clippy --all-targets -- -D warnings
	bash scripts/wasm-cargo.sh clippy --release --lib -- -D warnings

# The built-in sample region and the packed CBS table must be what the generator makes from the public tables.
sample-check:
	node scripts/sample-region.mjs --check

# The pure core on the host: proves it has no JS in it.
test-host:
	cargo test --quiet

# Coverage-guided fuzzing of the host build, FUZZ_SECONDS per target (crashes: fuzz/artifacts/).
FUZZ_SECONDS ?= 300
# Then the JS-side fuzz of the built package (throwing getters, proxies, detached buffers, huge
# strings over every export), out of memory included.
fuzz: setup pkg
	bash scripts/fuzz.sh $(FUZZ_SECONDS)
	node scripts/fuzz-js.mjs $(FUZZ_SECONDS) --oom

# A short fuzz run in every `make test`: the targets build and find nothing in 15 s each.
fuzz-smoke: setup
	bash scripts/fuzz.sh 15

# A short JS-side fuzz in every `make test`: 10 s of hostile JS values, the module still works.
fuzz-js-smoke: pkg
	node scripts/fuzz-js.mjs 10

# The built package under Node: the JS boundary contract and the README's examples.
test-node:
	node --test tests/node/*.test.mjs

# The TypeScript surface is a contract: the generated .d.ts must equal the committed one.
dts:
	@diff -u tests/golden/resv_calc.d.ts pkg/resv_calc.d.ts \
	  || { echo "pkg/resv_calc.d.ts changed: if intended, run 'make golden' and commit it"; exit 1; }

# Strict TypeScript users: the README's examples and a typed consumer of core and element under tsc --strict (~5 s).
test-ts:
	node tests/ts/check.mjs

# What npm would publish: publint's checks of package.json and exports, offline (npm pack; ~3 s).
pkg-check:
	npx --no-install publint --strict pkg

# The page in headless Chromium (Debian's, driven by playwright-core).
test-browser:
	node --test --test-concurrency=1 tests/browser/*.test.mjs

# Accepts the current .d.ts as the new golden file.
golden: pkg
	cp pkg/resv_calc.d.ts tests/golden/resv_calc.d.ts

# The benchmarks: Wasm core against JS baselines in the same process, printing ratios; cold start (first parse and
# first calculate in a fresh process against warm); the page in Chromium against its budgets.
bench: setup pkg
	node bench/allocate.bench.mjs
	node bench/market.bench.mjs
	node bench/cold.mjs
	node bench/page.bench.mjs

clean:
	rm -rf target pkg node_modules tests/browser/screenshots
