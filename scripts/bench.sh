#!/usr/bin/env bash
# Performance figures on a throwaway PostgreSQL cluster (or DATABASE_URL). Prints a table; no pass/fail.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$PROJECT_ROOT/scripts/lib/node.sh"
source "$PROJECT_ROOT/scripts/lib/postgres.sh"
cd "$PROJECT_ROOT"
ensure_node_modules
rm -rf dist && npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json
PG_EPHEMERAL=1 pg_up pg-bench "$(free_port)"
export PG_ADMIN_URL
node dist/tests/bench/run.js
