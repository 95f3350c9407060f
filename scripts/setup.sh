#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh machine or an old one.
# Idempotent: each step checks first and does nothing when its tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root (or sudo) to run: $*" >&2; exit 1; fi
}

# The Rust target for the browser module.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The formatter and the linter of the test command's form gates (they ship with the toolchain here;
# rustup cannot download them on a machine without its network).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate (Cargo.toml pins it with =).
wanted=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (a few minutes, once)"
  # --locked fails on this registry mirror (a locked dependency is missing), so install unlocked.
  cargo install wasm-bindgen-cli --version "$wanted"
fi

# Debian's Chromium and its driver for the browser tests.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The npm packages of the tests and the benchmark (none of them ship in the module).
if [ ! -d node_modules ] || [ package.json -nt node_modules ] || [ package-lock.json -nt node_modules ]; then
  say "installing npm packages"
  # Not `npm ci`: npm 11 leaves other platforms' optional packages (Rollup's, through Vite) out of
  # the lock file it writes, and `npm ci` then refuses that lock. `npm install` keeps the locked
  # versions of everything that is in it.
  npm install --no-audit --no-fund
  touch node_modules
fi

# The FHIR validator of the tests (tests/fhir/validate.py): Python's fhir.resources and its
# dependencies, pinned in tests/fhir/requirements.txt, in a venv of the repo's own (.venv/,
# git-ignored) so that no system Python changes. Reinstalled only when the pins change.
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  say "installing python3 and python3-venv from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
fi
if [ ! -x .venv/bin/python ] || ! cmp -s tests/fhir/requirements.txt .venv/requirements.txt; then
  say "installing the FHIR validator (fhir.resources) into .venv/"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/fhir/requirements.txt
  cp tests/fhir/requirements.txt .venv/requirements.txt
fi
