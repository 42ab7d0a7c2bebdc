#!/usr/bin/env bash
# The whole test suite on real infrastructure: type check, lint, build, a throwaway PostgreSQL
# cluster and Temporal dev server (unless DATABASE_URL / TEMPORAL_ADDRESS are given), the
# time-skipping test server, then every Jest tier (unit, workflow, integration/e2e/replay).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$PROJECT_ROOT/scripts/lib/node.sh"
source "$PROJECT_ROOT/scripts/lib/postgres.sh"
source "$PROJECT_ROOT/scripts/lib/temporal.sh"
source "$PROJECT_ROOT/scripts/lib/test-server.sh"
cd "$PROJECT_ROOT"

step() { log "== $* =="; }

step "node modules"
ensure_node_modules

step "type check (tsc --noEmit) and lint"
npx tsc -p tsconfig.json --noEmit
npx eslint . --max-warnings 0

step "build (dist/ and the workflow bundle the worker and replay tests load)"
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js dist/workflow-bundle.js >&2
export WORKFLOW_BUNDLE_PATH="$PROJECT_ROOT/dist/workflow-bundle.js"

step "infrastructure"
PG_EPHEMERAL=1 pg_up pg-test "$(free_port)"
temporal_up "$(free_port)" ""
test_server_ensure

step "jest (all tiers)"
export PG_ADMIN_URL TEMPORAL_ADDRESS TEMPORAL_TEST_SERVER_EXE
npx jest --ci --maxWorkers=2 "$@"
