#!/usr/bin/env bash
# Times `npm test` (node test/run.js) of two checkouts in turn: A B A B ... for ROUNDS rounds.
# Not part of `npm test`. Usage:
#   test/support/compare-test-speed.sh <dir-A> <dir-B> [rounds=2] [out=/tmp/test-speed]
# With JEST_ONLY="test/api.e2e-spec.ts test/jobs-redis.e2e-spec.ts" it runs only those suites
# through jest (no type check, no lint), with the services test/run.js would pick.
# Each run leaves in <out>: <label>-<round>.log (the run's output), .time (GNU time -v: wall clock,
# user and system CPU of the whole process tree that was waited for; not the PostgreSQL and Redis
# servers'), .json (jest's per-suite results) and .load (load average before the run).
# Summarise with: node test/support/compare-test-speed.js <out>
set -u
a=$1; b=$2; rounds=${3:-2}; out=${4:-/tmp/test-speed}
mkdir -p "$out"
export TZ=UTC
export TEST_POSTGRES_URL=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}
export TEST_REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379}
for r in $(seq 1 "$rounds"); do
  for dir in "$a" "$b"; do
    label=$(basename "$dir")
    cat /proc/loadavg > "$out/$label-$r.load"
    if [ -n "${JEST_ONLY:-}" ]; then
      # shellcheck disable=SC2086
      ( cd "$dir" && /usr/bin/time -v -o "$out/$label-$r.time" node node_modules/jest/bin/jest.js \
          -c config/jest.config.js --json --outputFile "$out/$label-$r.json" $JEST_ONLY > "$out/$label-$r.log" 2>&1 )
    else
      ( cd "$dir" && /usr/bin/time -v -o "$out/$label-$r.time" node test/run.js > "$out/$label-$r.log" 2>&1 )
      cp "$dir/test/artifacts/jest-results.json" "$out/$label-$r.json" 2>/dev/null
    fi
    echo "$label round $r: $(tail -n 1 "$out/$label-$r.log"); $(grep -E 'Elapsed' "$out/$label-$r.time")"
  done
done
