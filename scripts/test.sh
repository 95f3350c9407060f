#!/usr/bin/env bash
# Runs every test: native (compiler and core), wasm in headless Chromium (bindings), and Node
# (the built package as users load it, and end to end in headless Chromium through Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== native: cargo test"
cargo test --quiet

echo "== wasm in headless Chromium: wasm-bindgen-test"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --test web

if [ -d ../shared/coverage ]; then
  echo "== content coverage against ../shared/coverage"
  cargo run --quiet --release --bin pijnwijzer -- coverage --manifest ../shared/coverage --require-complete | tail -n 5
fi

echo "== build the package"
bash scripts/build.sh

echo "== node: the package and the site end to end"
node --test --test-concurrency=1 tests/node/
