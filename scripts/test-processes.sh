#!/usr/bin/env bash
# Process tier (tests/processes): fault tests and the telemetry of real processes. The compiled API and worker
# (dist/, built by scripts/test.sh or `npm run build`)
# as separate processes, killed with SIGKILL and restarted by the tests, against a PostgreSQL cluster of this
# tier's own (restarted by the tests: pg_restart) and Temporal dev servers the tests start on SQLite files
# (killed and restarted on the same file). Nothing here is shared with the other tiers, so it may run beside them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$PROJECT_ROOT/scripts/lib/node.sh"
source "$PROJECT_ROOT/scripts/lib/postgres.sh"
source "$PROJECT_ROOT/scripts/lib/temporal.sh"
cd "$PROJECT_ROOT"

[[ -f dist/workflow-bundle.js && -f dist/apps/api/src/main.js ]] || die "no build in dist/: run npm run build first"
ensure_node_modules
# This tier's own cluster: never the one the other tiers use (DATABASE_URL would point at a shared server).
unset DATABASE_URL TEMPORAL_ADDRESS
PG_EPHEMERAL=1 pg_up pg-processes "$(free_port)"
# The application role logs in on this cluster with a password: the one
# scripts/test.sh chose, or one of this run's own when the tier runs alone.
PG_APP_PASSWORD="${PG_APP_PASSWORD:-$(_pg_random_secret)}"
pg_app_login "$PG_ADMIN_URL" "$PG_APP_PASSWORD"
TEMPORAL_CLI="$(temporal_cli)"
PROCESS_TIER_DIR="$(mktemp -d "$DATA_DIR/processes.XXXXXX")"
export PG_ADMIN_URL PG_APP_PASSWORD PG_DATA PG_BIN TEMPORAL_CLI PROCESS_TIER_DIR
export WORKFLOW_BUNDLE_PATH="$PROJECT_ROOT/dist/workflow-bundle.js"
mkdir -p "$DATA_DIR"
rc=0
npx jest --ci --runInBand --forceExit --passWithNoTests --selectProjects processes \
  --json --outputFile="$DATA_DIR/jest-processes.json" "$@" || rc=$?
if ((rc == 0)); then
  rm -rf "$PROCESS_TIER_DIR"
else
  log "process tier failed; process logs kept in $PROCESS_TIER_DIR"
fi
exit "$rc"
