#!/usr/bin/env bash
# Regenerates the README pictures: each demo role's dashboard, from the Playwright test category "Screenshots",
# on a fresh app with the demo data and its usage seeded. Writes docs/images/dashboard-<role>.png.
#   ./scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/images
export CAPACITY_SCREENSHOTS_DIR="$PWD/docs/images"
export CAPACITY_E2E_DEMO_USAGE=true
dotnet build tests/CapacityAdmin.E2E -c Release -v q -nologo -clp:ErrorsOnly
dotnet test tests/CapacityAdmin.E2E -c Release --no-build --filter "Category=Screenshots" --logger "console;verbosity=minimal"
ls -l docs/images/dashboard-*.png
