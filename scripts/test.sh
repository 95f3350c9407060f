#!/usr/bin/env bash
# Runs every test: the form gates (formatters, clippy, TypeScript), native (compiler and core), wasm
# in headless Chromium (bindings), and Node (the built package as users load it, and end to end in
# headless Chromium through Playwright). tests/README.md says where each kind of test lives.
set -euo pipefail
cd "$(dirname "$0")/.."

# One function, read whole before it runs: bash reads a script as it goes, so an edit to this file
# during a run would otherwise change the run.
main() {
  bash scripts/setup.sh

  echo "== form: rustfmt, the JS formatter (Biome), clippy natively and for wasm"
  cargo fmt --check
  node_modules/.bin/biome format
  cargo clippy --quiet --workspace --all-targets -- -D warnings
  cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings
  # The site's first search is a module of its own, built from the same bindings with other features.
  cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features bundled-search -- -D warnings

  echo "== native: cargo test"
  cargo test --workspace --quiet

  echo "== wasm in headless Chromium: wasm-bindgen-test"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --target wasm32-unknown-unknown --test web

  if [ -d ../shared/coverage ]; then
    echo "== content coverage against ../shared/coverage"
    cargo run --quiet --release -p pijnwijzer-cli -- coverage --manifest ../shared/coverage --require-complete | tail -n 5
    echo "== lay texts: a current review stamp each, checked against ../shared/sources"
    cargo run --quiet --release -p pijnwijzer-cli -- check --sources ../shared/sources | grep -v '^  below 60'
  fi

  echo "== build the package"
  bash scripts/build.sh

  echo "== types: pkg/pijnwijzer.d.ts against every documented call (tsc --strict)"
  node_modules/.bin/tsc -p tests/types

  echo "== FHIR: the export against FHIR R4B (fhir.resources), its references and ratings"
  cargo run --quiet --release -p pijnwijzer-cli -- export --fhir > target/fhir.json
  .venv/bin/python tests/fhir/validate.py target/fhir.json

  echo "== node: the package and the site end to end"
  node --test --test-concurrency=1 tests/node/
}
main "$@"
