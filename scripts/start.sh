#!/usr/bin/env bash
# Starts the whole system on this machine: PostgreSQL and the Temporal dev server (unless
# DATABASE_URL / TEMPORAL_ADDRESS point elsewhere), migrations, seed data, the API and the
# worker. Ctrl-C stops everything this script started. State lives under .data/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$PROJECT_ROOT/scripts/lib/node.sh"
source "$PROJECT_ROOT/scripts/lib/postgres.sh"
source "$PROJECT_ROOT/scripts/lib/temporal.sh"
cd "$PROJECT_ROOT"

API_PORT="${PORT:-3000}"
mkdir -p "$DATA_DIR/logs"

log "== node modules and build =="
ensure_node_modules
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js dist/workflow-bundle.js >&2
npx vite build --config apps/web/vite.config.mts --logLevel warn >&2

# Secrets are never in the repository: generated once per machine into .data/ (git-ignored, mode 0600) unless given.
secret_file() {
  local file="$DATA_DIR/$1"
  [[ -s "$file" ]] || (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))' >"$file")
  chmod 600 "$file"
  cat "$file"
}

log "== infrastructure =="
# The owner runs migrations and seeds; the API and worker connect as the restricted app role with
# a password of its own. With DATABASE_URL given, everything uses it (and the app assumes
# DATABASE_APP_ROLE after connecting).
local_cluster=""
if [[ -z "${DATABASE_URL:-}" ]]; then
  pg_up pg "${SAFETY_PG_PORT:-54329}"
  pg_create_db "$PG_ADMIN_URL" safety
  OWNER_DATABASE_URL="$(pg_db_url "$PG_ADMIN_URL" safety)"
  local_cluster=1
else
  OWNER_DATABASE_URL="$DATABASE_URL"
fi
temporal_up "${SAFETY_TEMPORAL_PORT:-7233}" "${SAFETY_TEMPORAL_UI_PORT:-8233}" "$DATA_DIR/temporal.db"
export TEMPORAL_ADDRESS

export JWT_SECRET="${JWT_SECRET:-$(secret_file jwt-secret)}"
export SEED_DEMO_PASSWORD="${SEED_DEMO_PASSWORD:-$(secret_file demo-password)}"

log "== migrations and seed data =="
DATABASE_URL="$OWNER_DATABASE_URL" node dist/libs/persistence/src/cli/migrate.js up >&2
DATABASE_URL="$OWNER_DATABASE_URL" node dist/seeds/run.js >&2
if [[ -n "$local_cluster" ]]; then
  app_password="$(secret_file db-app-password)"
  pg_app_login "$OWNER_DATABASE_URL" "$app_password"
  DATABASE_URL="$(pg_url_as "$OWNER_DATABASE_URL" safety_app "$app_password")"
fi
export DATABASE_URL

log "== api and worker =="
export WORKFLOW_BUNDLE_PATH="$PROJECT_ROOT/dist/workflow-bundle.js"
# Output goes through the rotator (scripts/log-rotate.ts): by size and day, a bounded number of gzipped files.
# The worker checks at boot that its heap limit is the configured one (docs/operations.md, "Worker sizing").
spawn worker node --max-old-space-size="${WORKER_MAX_HEAP_MB:-768}" dist/apps/worker/src/main.js > >(node dist/scripts/log-rotate.js "$DATA_DIR/logs/worker.log") 2>&1
spawn api env PORT="$API_PORT" node dist/apps/api/src/main.js > >(node dist/scripts/log-rotate.js "$DATA_DIR/logs/api.log") 2>&1

ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$API_PORT/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
[[ -n "$ready" ]] || { tail -n 30 "$DATA_DIR/logs/api.log" >&2; die "the API did not become ready; see .data/logs/api.log"; }
if [[ "${SEED_DEMO:-true}" != "false" ]]; then
  # The demo supervision plan goes through the API, so each item's workflow runs (seeds/supervision-demo.ts).
  DATABASE_URL="$OWNER_DATABASE_URL" API_URL="http://127.0.0.1:$API_PORT" node dist/seeds/supervision-demo.js >&2 ||
    log "the demo supervision plan was not created (see above); the rest of the demo is unaffected"
fi

cat >&2 <<MSG

  Work-safety case engine is running.
    Console        http://127.0.0.1:$API_PORT/   (public pages: /ui/public/decisions)
    API            http://127.0.0.1:$API_PORT
    OpenAPI (docs) http://127.0.0.1:$API_PORT/docs   (JSON: /docs/openapi.json)
    Temporal UI    ${TEMPORAL_UI_URL:-not started (external Temporal)}
    Logs           .data/logs/api.log, .data/logs/worker.log (rotated: docs/runtime.md)
    Demo users     officer.zhang, officer.li, head.wang, legal.zhao, admin.sun, officer.chen, head.zhou,
                   investigator.wu, discipline.qian, head.anwei (督办 issuer), sysadmin — password in .data/demo-password
  Ctrl-C stops everything started here.

MSG
wait
