#!/usr/bin/env bash
# Builds the browser module into pkg/ (the npm package) and www/pkg/ (what the site serves),
# and the native author CLI into target/release/pijnwijzer.
set -euo pipefail
cd "$(dirname "$0")/.."

# One build at a time: a second run waits instead of deleting pkg/ under the first.
mkdir -p target
exec 9>target/build.lock
flock 9

cargo build --release -p pijnwijzer-cli

# module OUT NAME [CARGO_ARGS...]: the wasm module built with CARGO_ARGS, bound by wasm-bindgen into
# OUT as NAME.js and NAME_bg.wasm, and optimised there.
module() {
  local out=$1 name=$2
  shift 2
  cargo build --release --target wasm32-unknown-unknown --lib "$@"
  rm -rf "$out"
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" target/wasm32-unknown-unknown/release/pijnwijzer.wasm
  # Optimise the wasm further, for speed like the Rust profile, with binaryen from npm (Debian's
  # wasm-opt 108 predates the reference types rustc emits and produces a module that fails to
  # instantiate). The features listed are the ones rustc's wasm32 target emits by default.
  # Functions with one caller are inlined only when small (200 bytes): binaryen's default inlines
  # every one, making giant functions that run once, which V8 still compiles again with its
  # optimizing compiler while the page loads (README, "No giant functions that run once").
  node_modules/.bin/wasm-opt -O3 --one-caller-inline-max-function-size=200 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-multivalue --enable-reference-types "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
}

# The site's module has no FHIR export, which no page of the site calls (README, "The site's
# module"); its first search is a module of its own (README, "The first search"). They are built
# first, so that the cargo output left in target/ is the package's, which bench/wasm-share.mjs reads.
module target/site-module pijnwijzer --no-default-features --features api
module target/first-search pijnwijzer_search --no-default-features --features bundled-search
module pkg pijnwijzer

# The embeddable custom elements ship in the package beside the module they import.
if [ -d www/components ]; then mkdir -p pkg/components && cp www/components/*.js pkg/components/; fi
# Each lay explanation and each checklist as its own small file (pkg/lay/, pkg/checklist/), which
# <pijn-uitleg> and <pijn-checklist> show by id without loading the module.
target/release/pijnwijzer export --embeds pkg >/dev/null

rm -rf www/pkg
cp -r pkg www/pkg
cp target/site-module/pijnwijzer* www/pkg/
# The site's first search: the search as files, and the small module that reads them.
target/release/pijnwijzer export --search www/pkg/search >/dev/null
cp target/first-search/pijnwijzer_search* www/pkg/search/
# The site serves brotli and gzip copies made once at their best quality (scripts/serve.mjs).
node scripts/precompress.mjs www/pkg
echo "build: pkg/ ready; bytes per file, raw and gzip -9:"
find pkg -type f ! -path 'pkg/lay/*' ! -path 'pkg/checklist/*' ! -name package.json ! -name .gitignore | sort | while read -r file; do
  printf '  %-36s %9s %9s\n' "$file" "$(wc -c < "$file")" "$(gzip -9 -c "$file" | wc -c)"
done
site=www/pkg/pijnwijzer_bg.wasm
printf "  %-36s %9s %9s  (the site's module: no FHIR export)\n" "$site" "$(wc -c < "$site")" "$(gzip -9 -c "$site" | wc -c)"
for file in www/pkg/search/pijnwijzer_search_bg.wasm www/pkg/search/index.bin; do
  printf "  %-36s %9s %9s  (the site's first search)\n" "$file" "$(wc -c < "$file")" "$(gzip -9 -c "$file" | wc -c)"
done
for folder in pkg/lay pkg/checklist; do
  printf '  %-36s %9s %9s\n' "$folder/ ($(find $folder -type f | wc -l) files)" "$(cat $folder/* | wc -c)" "$(cat $folder/* | gzip -9 | wc -c)"
done
