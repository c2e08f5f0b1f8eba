#!/usr/bin/env bash
# The slowest tests of a run, from the trx files test.sh writes (one per test project).
# Usage: scripts/slowest.sh [results folder, default: the newest under TestResults/] [how many, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-$(ls -1d TestResults/run-* 2>/dev/null | sort | tail -n 1)}"
count="${2:-10}"
[ -n "$dir" ] && [ -d "$dir" ] || { echo "slowest.sh: no results folder (run ./test.sh first)"; exit 1; }
# Each <UnitTestResult> carries testName="..." and duration="hh:mm:ss.fffffff" (and outcome); seconds first, then the name.
find "$dir" -name '*.trx' -print0 | xargs -0 cat | tr '\n' ' ' | grep -o '<UnitTestResult [^>]*>' |
  awk '{
    name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
    d = $0; sub(/.*duration="/, "", d); sub(/".*/, "", d)
    outcome = $0; sub(/.*outcome="/, "", outcome); sub(/".*/, "", outcome)
    split(d, t, ":"); secs = t[1] * 3600 + t[2] * 60 + t[3]
    printf "%9.2f s  %-7s %s\n", secs, outcome, name
  }' | sort -rn | head -n "$count"
