#!/usr/bin/env bash
# npm run bench: the API and worker against a synthetic installation of 1 M tasks and 1 M cases, beside
# a bare Temporal baseline on the same Temporal server and database. Prints a table and a final
# `BENCH {json}` line (docs/benchmarks.md). No pass/fail.
#
# PostgreSQL: a persistent local cluster (.data/pg-bench) so the generated dataset (about 3 GB) is
# built once and reused; or DATABASE_URL (an administrative connection: the benchmark creates its
# own database there). Temporal: an in-memory dev server, or TEMPORAL_ADDRESS (e.g. a cluster on
# PostgreSQL or Cassandra). BENCH_ROWS, BENCH_OPEN_CASES, BENCH_READ_SAMPLES, BENCH_STEP_ROUNDS,
# BENCH_START_WINDOW_SECONDS, BENCH_FILL_TIMEOUT_SECONDS, BENCH_DRAIN_TIMEOUT_SECONDS override the sizes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$PROJECT_ROOT/scripts/lib/node.sh"
source "$PROJECT_ROOT/scripts/lib/postgres.sh"
source "$PROJECT_ROOT/scripts/lib/temporal.sh"
cd "$PROJECT_ROOT"

log "== build =="
ensure_node_modules
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js dist/workflow-bundle.js >&2
export WORKFLOW_BUNDLE_PATH="$PROJECT_ROOT/dist/workflow-bundle.js"

log "== infrastructure =="
# Sized for the dataset: the cases and tasks with their indexes (about 2.5 GB) stay in memory, as a
# production database server holding them would; the rest are PostgreSQL's defaults.
export PG_EXTRA_CONF="${PG_EXTRA_CONF:-shared_buffers = '3GB'
effective_cache_size = '8GB'
work_mem = '16MB'
maintenance_work_mem = '1GB'
random_page_cost = 1.1
max_wal_size = '8GB'}"
pg_up pg-bench "${SAFETY_BENCH_PG_PORT:-54339}"
temporal_up "$(free_port)" ""
export PG_ADMIN_URL TEMPORAL_ADDRESS TEMPORAL_NAMESPACE

log "== benchmark =="
node dist/tests/bench/run.js
