#!/usr/bin/env bash
# Fuzz tier: schemathesis (scripts/lib/schemathesis.sh) generates requests from the live OpenAPI document
# (/docs/openapi.json) against the compiled API and worker (dist/), once without a token and once with the
# token of each of several roles of the demo organisation, bounded in examples per operation and in time.
# Fails on any 5xx (not_a_server_error) and on any answer the document does not describe: a body that does not match
# its response schema, an undocumented status code, content type or required header. Own PostgreSQL cluster and database; the Temporal server given by
# TEMPORAL_ADDRESS (a task queue of its own) or a dev server of its own.
#
# Server errors already known and being fixed elsewhere are listed, with the reason, in
# tests/fuzz/known-server-errors.json (a schemathesis baseline): those do not fail the tier, any other does.
#
#   FUZZ_MAX_EXAMPLES   test cases per operation and phase (default 5)
#   FUZZ_MAX_SECONDS    time budget of each schemathesis run (default 60): after one pass over every operation,
#                       fuzzing repeats until it is spent; a run still going 120 s later is stopped and fails
#   FUZZ_SEED           generation seed (default fixed, so that runs start from the same cases; printed)
#   FUZZ_CHECKS         schemathesis checks (default: the server-error check and the four conformance checks)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$PROJECT_ROOT/scripts/lib/node.sh"
source "$PROJECT_ROOT/scripts/lib/postgres.sh"
source "$PROJECT_ROOT/scripts/lib/temporal.sh"
source "$PROJECT_ROOT/scripts/lib/schemathesis.sh"
cd "$PROJECT_ROOT"

[[ -f dist/workflow-bundle.js && -f dist/apps/api/src/main.js ]] || die "no build in dist/: run npm run build first"
ensure_node_modules
schemathesis_ensure
max_examples="${FUZZ_MAX_EXAMPLES:-5}"
max_seconds="${FUZZ_MAX_SECONDS:-60}"
seed="${FUZZ_SEED:-20261201}"
checks="${FUZZ_CHECKS:-not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance,response_headers_conformance}"

unset DATABASE_URL
PG_EPHEMERAL=1 pg_up pg-fuzz "$(free_port)"
temporal_up "$(free_port)" ""
fuzz_dir="$(mktemp -d "$DATA_DIR/fuzz.XXXXXX")"
db="fuzz_$$"
pg_create_db "$PG_ADMIN_URL" "$db"
export DATABASE_URL; DATABASE_URL="$(pg_db_url "$PG_ADMIN_URL" "$db")"
export JWT_SECRET; JWT_SECRET="$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"
export SEED_DEMO_PASSWORD; SEED_DEMO_PASSWORD="$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')"
export LOG_LEVEL=warn TEMPORAL_TASK_QUEUE="fuzz-$$" WORKFLOW_BUNDLE_PATH="$PROJECT_ROOT/dist/workflow-bundle.js"
node dist/libs/persistence/src/cli/migrate.js up >&2
node dist/seeds/run.js >&2
port="$(free_port)"
spawn fuzz-worker node --max-old-space-size=768 dist/apps/worker/src/main.js >>"$fuzz_dir/worker.log" 2>&1
spawn fuzz-api env PORT="$port" node dist/apps/api/src/main.js >>"$fuzz_dir/api.log" 2>&1
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$base/health/ready" >/dev/null || die "fuzz: the API did not become ready (log: $fuzz_dir/api.log)"

token_of() {
  curl -fsS -X POST "$base/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$SEED_DEMO_PASSWORD\"}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken'
}

# Each role in turn, and anonymous callers; one worker each, so the record of each run stays readable.
# Every token is taken before fuzzing starts: the fuzzed login requests fail from this address, and the
# login throttle (rightly) holds back later logins from it.
roles=(officer.zhang head.wang legal.zhao admin.sun discipline.qian sysadmin)
declare -A tokens=()
for who in "${roles[@]}"; do tokens[$who]="$(token_of "$who")"; done
failed=()
log "fuzz: seed $seed, at most $max_examples examples per operation and phase, ${max_seconds}s per run, checks: $checks"
for who in anonymous "${roles[@]}"; do
  headers=()
  [[ "$who" != anonymous ]] && headers=(-H "Authorization: Bearer ${tokens[$who]}")
  start=$SECONDS
  rc=0
  # From the run's own directory: schemathesis keeps caches and reports in its working directory.
  (cd "$fuzz_dir" && timeout $((max_seconds + 120)) "$SCHEMATHESIS" run "$base/docs/openapi.json" --url "$base" "${headers[@]}" \
    --checks "$checks" --max-examples "$max_examples" --seed "$seed" --max-time "$max_seconds" \
    --baseline "$PROJECT_ROOT/tests/fuzz/known-server-errors.json" \
    --phases examples,coverage,fuzzing --workers 1 --request-timeout 30 --generation-database none \
    --suppress-health-check all --no-color --report junit --report-junit-path "$fuzz_dir/junit-$who.xml" \
    >"$fuzz_dir/schemathesis-$who.log" 2>&1) || rc=$?
  ((rc == 124)) && warn "fuzz as $who: still running $((max_seconds + 120))s after its start: stopped"
  log "fuzz as $who: exit $rc after $((SECONDS - start))s: $(grep -E '^ *[0-9]+ generated' "$fuzz_dir/schemathesis-$who.log" | head -1 | sed 's/^ *//')"
  if ((rc != 0)); then
    failed+=("$who")
    sed -n '/FAILURES/,$p' "$fuzz_dir/schemathesis-$who.log" | head -n 150 | sed "s/^/[fuzz $who] /" >&2
  fi
done
if ((${#failed[@]})); then
  log "server errors logged by the API:"
  grep -h '"level":50' "$fuzz_dir/api.log" | head -n 40 | cut -c1-400 | sed 's/^/[fuzz api] /' >&2 || true
  die "fuzz tier failed for: ${failed[*]} (seed $seed; logs in $fuzz_dir)"
fi
log "fuzz tier passed (seed $seed)"
rm -rf "$fuzz_dir"
