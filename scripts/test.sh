#!/usr/bin/env bash
# Runs every *.test.ts suite with Node's test runner (TypeScript through tsx).
# Store suites use SQLite; set KEFU_TEST_DATABASE_URL=postgres://... to also run them on PostgreSQL.
# Browser suites (*.browser.test.ts) run when KEFU_TEST_CHROMIUM points at a Chromium binary.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find packages scripts -path '*/node_modules' -prune -o -name '*.test.ts' -print | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-force-exit --test-timeout=900000 --test-concurrency="${KEFU_TEST_CONCURRENCY:-2}" "$@" "${files[@]}"
