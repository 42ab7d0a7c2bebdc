# shellcheck shell=bash
# Temporal without Docker: the official dev server (`temporal server start-dev`), or an
# external server given by TEMPORAL_ADDRESS. Sourced, never executed.
#
#   temporal_cli
#       Echo the path of a `temporal` CLI binary: $TEMPORAL_CLI, else `temporal` on PATH,
#       else $TOOLS_DIR/bin/temporal, else build it once with
#       `GOBIN=$TOOLS_DIR/bin go install github.com/temporalio/cli/cmd/temporal@v1.5.1`
#       (needs Go >= 1.24 and access to the Go module proxy; a few minutes, cached).
#   temporal_up PORT UI_PORT [DBFILE]
#       TEMPORAL_ADDRESS set -> export it (and TEMPORAL_NAMESPACE) and do nothing else.
#       otherwise -> start the dev server on 127.0.0.1:PORT (UI on UI_PORT; UI_PORT empty,
#       0 or "none" = headless), SQLite state in DBFILE (persistent) or in memory, with the
#       project's search attributes registered; reuse a healthy server already on PORT.
#       Exports: TEMPORAL_ADDRESS=127.0.0.1:PORT, TEMPORAL_NAMESPACE (default "default"),
#                TEMPORAL_UI_URL=http://127.0.0.1:UI_PORT (empty when headless).
#       Logs: $DATA_DIR/logs/temporal.log (persistent) or temporal-PORT.log (in memory).
#       Env:  TEMPORAL_LONG_POLL_EXPIRATION  e.g. 5s: how long the server holds an idle worker's poll
#             (default one minute); the test suite shortens it so that /health/ready notices a stopped
#             worker within seconds (a poller's last-seen time is refreshed once per long poll).
#       Must be called from the main shell (not inside $(...)): it registers the stop
#       with on_exit when it started the server.
#   temporal_ensure_search_attributes ADDRESS [NAMESPACE]
#       Create any missing project search attributes on an existing server (idempotent).

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
# Custom search attributes used by the workflows (name=type).
TEMPORAL_SEARCH_ATTRIBUTES=(
  SafetyCaseId=Keyword
  SafetyCaseType=Keyword
  SafetyDepartmentId=Keyword
  SafetyCaseStatus=Keyword
)

_temporal_build_cli() {
  local target="$TOOLS_DIR/bin/temporal"
  # Another run may have finished the build while we waited for the lock.
  if [[ -x "$target" ]]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 ||
    die "no temporal CLI found and Go is not installed: install Go >= 1.24 (https://go.dev/dl), or put 'temporal' on PATH, or set TEMPORAL_CLI=/path/to/temporal, or set TEMPORAL_ADDRESS to an existing server"
  log "building the Temporal CLI $TEMPORAL_CLI_VERSION with Go into $TOOLS_DIR/bin (first run only, usually 3-10 min; log: $TOOLS_DIR/logs/go-install-temporal.log)"
  mkdir -p "$TOOLS_DIR/bin"
  if ! run_with_progress "go install temporal CLI" "$TOOLS_DIR/logs/go-install-temporal.log" \
    env GOBIN="$TOOLS_DIR/bin" \
    go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"; then
    die "building the Temporal CLI failed (log above). Check access to the Go module proxy (GOPROXY=$(go env GOPROXY 2>/dev/null)), or install 'temporal' yourself and set TEMPORAL_CLI, or set TEMPORAL_ADDRESS"
  fi
  [[ -x "$target" ]] || die "go install succeeded but $target is missing"
}

temporal_cli() {
  if [[ -n "${TEMPORAL_CLI:-}" ]]; then
    [[ -x "$TEMPORAL_CLI" ]] || die "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file"
    echo "$TEMPORAL_CLI"
    return 0
  fi
  if command -v temporal >/dev/null 2>&1; then
    command -v temporal
    return 0
  fi
  local target="$TOOLS_DIR/bin/temporal"
  if [[ ! -x "$target" ]]; then
    with_lock "$TOOLS_DIR/.temporal-cli.lock" _temporal_build_cli || exit 1
  fi
  echo "$target"
}

_temporal_healthy() {
  local cli="$1" address="$2"
  "$cli" operator cluster health --address "$address" --command-timeout 3s >/dev/null 2>&1 </dev/null
}

_temporal_stop() {
  stop_pid "$1" "Temporal dev server" 10
}

temporal_ensure_search_attributes() {
  local address="${1:?usage: temporal_ensure_search_attributes ADDRESS [NAMESPACE]}" ns="${2:-${TEMPORAL_NAMESPACE:-default}}"
  local cli existing sa name type
  cli="$(temporal_cli)" || exit 1
  existing="$("$cli" operator search-attribute list --address "$address" --namespace "$ns" -o json </dev/null)" ||
    die "cannot list search attributes on $address (namespace $ns)"
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    name="${sa%%=*}"
    type="${sa#*=}"
    if ! grep -q "\"$name\"" <<<"$existing"; then
      log "registering search attribute $name ($type) on $address"
      "$cli" operator search-attribute create --address "$address" --namespace "$ns" \
        --name "$name" --type "$type" </dev/null >&2 ||
        die "could not create search attribute $name on $address"
    fi
  done
}

temporal_up() {
  local port="${1:?usage: temporal_up PORT UI_PORT [DBFILE]}" ui_port="${2-}" dbfile="${3:-}"
  export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
  if [[ -n "${TEMPORAL_ADDRESS:-}" ]]; then
    export TEMPORAL_ADDRESS
    export TEMPORAL_UI_URL="${TEMPORAL_UI_URL:-}"
    log "using external Temporal server TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS (no dev server started)"
    return 0
  fi
  [[ "$port" =~ ^[0-9]+$ ]] || die "temporal_up: PORT must be a number, got '$port'"

  local cli address="127.0.0.1:$port"
  cli="$(temporal_cli)" || exit 1

  if port_in_use "$port"; then
    # another run may be starting a server on this port right now: give it a few seconds
    local tries=0
    until _temporal_healthy "$cli" "$address" || ((++tries > 10)); do
      sleep 1
    done
    if _temporal_healthy "$cli" "$address"; then
      log "reusing the Temporal server already running on $address (it will keep running)"
      temporal_ensure_search_attributes "$address" "$TEMPORAL_NAMESPACE"
      export TEMPORAL_ADDRESS="$address"
      if [[ "$ui_port" =~ ^[1-9][0-9]*$ ]] && port_in_use "$ui_port"; then
        export TEMPORAL_UI_URL="http://127.0.0.1:$ui_port"
      else
        export TEMPORAL_UI_URL=""
      fi
      return 0
    fi
    die "port $port on 127.0.0.1 is used by another process that is not a Temporal server; choose another port or stop that process"
  fi

  local args=(server start-dev --ip 127.0.0.1 --port "$port" --log-level warn)
  [[ "$TEMPORAL_NAMESPACE" != default ]] && args+=(--namespace "$TEMPORAL_NAMESPACE")
  local ui_url=""
  if [[ "$ui_port" =~ ^[1-9][0-9]*$ ]]; then
    port_in_use "$ui_port" && die "UI port $ui_port on 127.0.0.1 is already in use; choose another port (or pass 'none' for no UI)"
    args+=(--ui-port "$ui_port")
    ui_url="http://127.0.0.1:$ui_port"
  else
    args+=(--headless)
  fi
  local logfile
  if [[ -n "$dbfile" ]]; then
    mkdir -p "$(dirname "$dbfile")"
    args+=(--db-filename "$dbfile")
    logfile="$DATA_DIR/logs/temporal.log"
  else
    logfile="$DATA_DIR/logs/temporal-$port.log"
  fi
  local sa
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    args+=(--search-attribute "$sa")
  done
  if [[ -n "${TEMPORAL_LONG_POLL_EXPIRATION:-}" ]]; then
    args+=(--dynamic-config-value "matching.longPollExpirationInterval=\"$TEMPORAL_LONG_POLL_EXPIRATION\"")
  fi
  mkdir -p "$DATA_DIR/logs"
  local state="in-memory state"
  [[ -n "$dbfile" ]] && state="state: $dbfile"
  log "starting Temporal dev server on $address ($state; UI: ${ui_url:-none}; log: $logfile)"
  printf '\n=== %s temporal %s\n' "$(date -Is)" "${args[*]}" >>"$logfile"
  "$cli" "${args[@]}" </dev/null >>"$logfile" 2>&1 &
  local pid=$!
  on_exit "_temporal_stop $pid"

  local start=$SECONDS timeout="${TEMPORAL_START_TIMEOUT:-60}"
  until _temporal_healthy "$cli" "$address"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$logfile" | sed 's/^/[infra]   | /' >&2
      die "the Temporal dev server exited during startup (log above, full log: $logfile)"
    fi
    if ((SECONDS - start >= timeout)); then
      tail -n 30 "$logfile" | sed 's/^/[infra]   | /' >&2
      die "the Temporal dev server did not become healthy on $address within ${timeout}s (log above, full log: $logfile)"
    fi
    sleep 0.5
  done
  if [[ -n "$ui_url" ]] && ! wait_for_port 127.0.0.1 "$ui_port" 15; then
    warn "Temporal UI did not open port $ui_port; continuing without UI"
    ui_url=""
  fi
  export TEMPORAL_ADDRESS="$address"
  export TEMPORAL_UI_URL="$ui_url"
  log "Temporal ready after $((SECONDS - start))s: TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS TEMPORAL_NAMESPACE=$TEMPORAL_NAMESPACE${ui_url:+ TEMPORAL_UI_URL=$ui_url}"
}
