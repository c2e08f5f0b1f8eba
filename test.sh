#!/usr/bin/env bash
# Runs the whole test suite against real parts: a throwaway PostgreSQL cluster and Debian's Chromium.
# Installs PostgreSQL and Chromium with apt where they are missing and this user can (root or sudo).
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Category!=Browser]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/pg.sh

apt_ensure 'postgresql:test -x "$(pg_bindir)/initdb"' 'chromium:command -v chromium' 'fonts-dejavu-core:test -d /usr/share/fonts/truetype/dejavu' \
  'nodejs:command -v node' 'npm:command -v npx'
# Node.js runs Redocly's lint of the API's contract (ApiContractTests, docs/openapi/redocly.yaml).
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is required (dotnet on PATH)"; exit 1; }

trap pg_stop EXIT
pg_start

export PROGRAMTRACKER_TEST_PG="$PG_ADMIN;Pooling=true"
export PROGRAMTRACKER_CHROMIUM="${PROGRAMTRACKER_CHROMIUM:-$(command -v chromium)}"
# The portal's clock in the tests (tests/Shared/TestClock.cs): a named day, never the machine's date.
export PROGRAMTRACKER_TEST_TODAY="${PROGRAMTRACKER_TEST_TODAY:-2026-12-07}"
echo "test clock: $PROGRAMTRACKER_TEST_TODAY (replay with PROGRAMTRACKER_TEST_TODAY=$PROGRAMTRACKER_TEST_TODAY ./test.sh)"
# The order tests run in (tests/Shared/RandomOrder.cs): shuffled by a seed drawn here unless one is named, so that a test
# leaning on what another left behind fails; the seed is printed so that a failure can be replayed. "none": xunit's own order.
if [ -z "${PROGRAMTRACKER_TEST_ORDER:-}" ]; then
    PROGRAMTRACKER_TEST_ORDER=$(( (RANDOM << 15 | RANDOM) % 999999 + 1 ))
fi
if [ "$PROGRAMTRACKER_TEST_ORDER" = "none" ]; then
    unset PROGRAMTRACKER_TEST_ORDER
    echo "test order: xunit's own"
else
    export PROGRAMTRACKER_TEST_ORDER
    echo "test order: seed $PROGRAMTRACKER_TEST_ORDER (replay with PROGRAMTRACKER_TEST_ORDER=$PROGRAMTRACKER_TEST_ORDER ./test.sh)"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Each test host would watch its settings files; hundreds of hosts exhaust the machine's inotify instances (128 here).
export DOTNET_hostBuilder__reloadConfigOnChange=false
# The test hosts' file providers (static file versions, views) would each hold an inotify instance too; the machine's 128 are
# shared with every other test run on it. Polling watchers use none.
export DOTNET_USE_POLLING_FILE_WATCHER=true
# A test process lives minutes and starts hundreds of hosts: the JIT's profile-guided re-compilation costs more than it earns
# there (the non-browser suite: 3 min 27 s with it, 2 min 50 s without, on a quiet machine). The portal itself keeps the default.
export DOTNET_TieredPGO=0

log=$(mktemp)
# Per-test times: one trx file per test project under TestResults/run-<UTC time>; scripts/slowest.sh names the slowest ten.
# The two test projects run one after the other: each keeps the two cores busy alone, and run at once they took as long in all
# (7 min 2 s against 6 min 40 s) with twice the load on each step (docs/adr/0024-ci-in-ten-minutes.md).
results="TestResults/run-$(date -u +%Y%m%dT%H%M%SZ)"
set +e
dotnet test ProgramTracker.sln -c Release --logger trx --results-directory "$results" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
echo "test times: $results (slowest ten: scripts/slowest.sh $results)"
scripts/slowest.sh "$results" 10 || true
# One closing line for CI: "N passed, N failed".
awk '/(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
