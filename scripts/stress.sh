#!/usr/bin/env bash
# Runs the Node browser tests RUNS times in a row (default 10) while a CPU hog keeps every core busy,
# to show that no browser test depends on the machine being fast. Builds the package first.
# Prints one line per run and a closing "N passed, N failed"; exits non-zero if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}

bash scripts/setup.sh
if ! command -v stress-ng >/dev/null; then
  echo "stress: installing stress-ng from Debian"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null
  else sudo apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng >/dev/null; fi
fi
bash scripts/build.sh >/dev/null

# One CPU worker per core at full load, for as long as the runs take.
stress-ng --cpu "$(nproc)" --cpu-load 100 --quiet &
hog=$!
trap 'kill "$hog" 2>/dev/null || true' EXIT

mkdir -p test-results/stress
passed=0
failed=0
for run in $(seq 1 "$runs"); do
  log="test-results/stress/run-$run.log"
  start=$SECONDS
  if node --test --test-concurrency=1 tests/node/ >"$log" 2>&1; then
    passed=$((passed + 1)); result=pass
  else
    failed=$((failed + 1)); result="FAIL (see $log)"
  fi
  echo "stress: run $run of $runs under load: $result, $((SECONDS - start)) s, $(grep -E '^# (pass|fail) ' "$log" | tr '\n' ' ')"
done
echo "stress: $passed passed, $failed failed"
[ "$failed" = 0 ]
