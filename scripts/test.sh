#!/usr/bin/env bash
# Runs every test: installs what the tests need, then `swift test` (unit, workbook read-back with openpyxl,
# command-line and cron-wrapper tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build
swift test "$@"
