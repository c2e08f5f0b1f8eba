#!/usr/bin/env bash
# Mutation check (issue 29): Stryker.NET mutates the attainment, number-reading, cell and workflow rules of
# ProgramTracker.Core (tests/ProgramTracker.Tests/stryker-config.json) and runs the unit tests against each mutant.
# Not part of CI (about 5 minutes on 2 cores); the report lands in tests/ProgramTracker.Tests/StrykerOutput/.
set -euo pipefail
cd "$(dirname "$0")/../tests/ProgramTracker.Tests"
export PATH="$PATH:$HOME/.dotnet/tools"
if ! command -v dotnet-stryker >/dev/null; then
  dotnet tool install -g dotnet-stryker --version 5.1.0
fi
dotnet build -c Release --nologo -v q
dotnet-stryker "$@"
