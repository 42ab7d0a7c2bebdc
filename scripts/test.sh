#!/usr/bin/env bash
# The whole test suite on real infrastructure: type check, lint, build, a throwaway PostgreSQL
# cluster and Temporal dev server (unless DATABASE_URL / TEMPORAL_ADDRESS are given), the
# time-skipping test server, then every Jest tier (unit, workflow, integration/e2e/replay, and the process
# tier of scripts/test-processes.sh) and the fuzz tier (scripts/test-fuzz.sh).
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

step "type check (tsc --noEmit), lint and formatting"
npx tsc -p tsconfig.json --noEmit
npx eslint . --max-warnings 0
npx prettier --check . >&2 || die "formatting differs from Prettier: run npx prettier --write ."

step "build (dist/ and the workflow bundle the worker and replay tests load)"
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js dist/workflow-bundle.js >&2
export WORKFLOW_BUNDLE_PATH="$PROJECT_ROOT/dist/workflow-bundle.js"

step "infrastructure"
PG_EPHEMERAL=1 pg_up pg-test "$(free_port)"
# The app role logs in with a password of its own (the tests' API and worker connect as it).
PG_APP_PASSWORD="$(_pg_random_secret)"
export PG_APP_PASSWORD
pg_app_login "$PG_ADMIN_URL" "$PG_APP_PASSWORD"
# Short long polls: /health/ready sees a stopped worker within seconds (tests/e2e/operations.e2e.test.ts).
TEMPORAL_LONG_POLL_EXPIRATION=5s temporal_up "$(free_port)" ""
test_server_ensure

step "jest: unit and integration tiers (2 workers), then the time-skipping suites (serially) beside the process tier"
export PG_ADMIN_URL PG_APP_PASSWORD TEMPORAL_ADDRESS TEMPORAL_TEST_SERVER_EXE
mkdir -p "$DATA_DIR"
rm -f "$DATA_DIR"/jest-*.json
jest_rc=0
declare -A tier_seconds=()
tier_start=$SECONDS
npx jest --ci --maxWorkers=2 --passWithNoTests --selectProjects unit integration \
  --json --outputFile="$DATA_DIR/jest-parallel.json" "$@" || jest_rc=$?
tier_seconds[parallel]=$((SECONDS - tier_start))
# The process tier (compiled API and worker killed and restarted, on a PostgreSQL cluster and Temporal servers
# of its own) runs beside the time-skipping tier: that one keeps one core busy, this one mostly waits on
# restarts and timers. Its output goes to a log, printed when it fails.
processes_log="$DATA_DIR/logs/test-processes.log"
mkdir -p "$DATA_DIR/logs"
processes_start=$SECONDS
bash scripts/test-processes.sh "$@" >"$processes_log" 2>&1 &
processes_pid=$!
on_exit "kill $processes_pid 2>/dev/null || true"
log "process tier started in the background (pid $processes_pid, log $processes_log)"
# One Java test server at a time: on 2 cores, concurrent JVMs starve each other. --forceExit and `timeout`
# keep a stalled JVM from hanging CI. A failed run is repeated only when the Java test server reported its
# known defect (it refuses a workflow-task completion with "invalid history builder state for action" and
# then stops advancing time; temporalio/sdk-java issue 3088, see tests/support/time-skipping.ts); any other
# failure fails the tier at once.
timeskip_log="$DATA_DIR/logs/test-timeskip.log"
run_timeskip() {
  timeout 1200 npx jest --ci --runInBand --forceExit --passWithNoTests --selectProjects timeskip \
    --json --outputFile="$DATA_DIR/jest-timeskip.json" "$@" 2>&1 | tee "$timeskip_log" >&2
  return "${PIPESTATUS[0]}"
}
tier_start=$SECONDS
if ! run_timeskip "$@"; then
  if grep -q 'invalid history builder state for action' "$timeskip_log"; then
    warn "the time-skipping tier failed after the Java test server's known stall (sdk-java issue 3088: \"invalid history builder state for action\"); running it once more in a fresh process"
    run_timeskip "$@" || jest_rc=$?
  else
    jest_rc=1
  fi
fi
tier_seconds[timeskip]=$((SECONDS - tier_start))
if ! wait "$processes_pid"; then
  tail -n 120 "$processes_log" | sed 's/^/[processes] /' >&2
  warn "the process tier failed (full log: $processes_log)"
  jest_rc=1
fi
tier_seconds[processes]=$((SECONDS - processes_start))
# The plain closing line CI reads ("N passed, N failed"), from Jest's own JSON results.
summary="$(node -e '
  const rs = process.argv.slice(1).map((f) => require(f));
  const sum = (k) => rs.reduce((a, r) => a + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
' "$DATA_DIR/jest-parallel.json" "$DATA_DIR/jest-timeskip.json" "$DATA_DIR/jest-processes.json" || true)"
echo "$summary"
for tier in "${!tier_seconds[@]}"; do log "tier $tier took ${tier_seconds[$tier]} s"; done
((jest_rc == 0)) || die "jest failed (exit $jest_rc)"

# The fuzz tier takes minutes and tests the whole API, so a run limited to some test files skips it.
if (($# == 0)); then
  step "fuzz tier: schemathesis against the live OpenAPI document (scripts/test-fuzz.sh)"
  tier_start=$SECONDS
  bash scripts/test-fuzz.sh || die "the fuzz tier failed (details above)"
  log "tier fuzz took $((SECONDS - tier_start)) s"
else
  log "fuzz tier skipped: the run is limited to the given test files"
fi

step "smoke: the compiled migration and seed commands, API and worker processes"
smoke_db="smoke_$$"
pg_create_db "$PG_ADMIN_URL" "$smoke_db"
on_exit "pg_drop_db '$PG_ADMIN_URL' '$smoke_db' || true"
smoke_port="$(free_port)"
(
  owner_url="$(pg_db_url "$PG_ADMIN_URL" "$smoke_db")"
  export JWT_SECRET; JWT_SECRET="$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
  export SEED_DEMO_PASSWORD=smoke-password LOG_LEVEL=warn TEMPORAL_TASK_QUEUE="smoke-$$"
  # Migrations and seeds as the owner; the API and worker as the restricted app role, as start:all does.
  DATABASE_URL="$owner_url" node dist/libs/persistence/src/cli/migrate.js up >&2
  DATABASE_URL="$owner_url" node dist/seeds/run.js >&2
  DATABASE_URL="$owner_url" node dist/seeds/run.js >&2   # idempotent
  export DATABASE_URL; DATABASE_URL="$(pg_url_as "$owner_url" safety_app "$PG_APP_PASSWORD")"
  spawn smoke-worker node --max-old-space-size=768 dist/apps/worker/src/main.js
  spawn smoke-api env PORT="$smoke_port" node dist/apps/api/src/main.js
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$smoke_port/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:$smoke_port/health/ready" >&2 || die "smoke: API not ready"
  curl -fsS "http://127.0.0.1:$smoke_port/docs/openapi.json" | grep -q '"/tasks/{id}/complete"' || die "smoke: OpenAPI document incomplete"
  token="$(curl -fsS -X POST "http://127.0.0.1:$smoke_port/auth/login" -H 'content-type: application/json' \
    -d '{"username":"head.wang","password":"smoke-password"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')"
  curl -fsS "http://127.0.0.1:$smoke_port/tasks" -H "authorization: Bearer $token" >/dev/null || die "smoke: authenticated request failed"
  log "smoke: API and worker answered; stopping them"
)
log "all test tiers and the smoke run passed"
echo "$summary"
