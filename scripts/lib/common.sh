# shellcheck shell=bash
# Common helpers for the infrastructure scripts (sourced, never executed).
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Safe under `set -euo pipefail`; never reads from stdin.
#
# Provides:
#   PROJECT_ROOT  repository root (derived from this file's location)
#   TOOLS_DIR     $PROJECT_ROOT/.tools  (git-ignored cache: built/downloaded tools)
#   DATA_DIR      $PROJECT_ROOT/.data   (git-ignored state: database clusters, logs)
#   log MSG...                 print "[infra] MSG" to stderr
#   warn MSG...                print "[infra] WARNING: MSG" to stderr
#   die MSG...                 print "[infra] ERROR: MSG" to stderr and exit 1
#   free_port                  echo a free TCP port on 127.0.0.1
#   port_in_use PORT [HOST]    succeed when something accepts connections on HOST:PORT
#   wait_for_port HOST PORT TIMEOUT_S   wait until HOST:PORT accepts connections (else return 1)
#   on_exit "CMD"              register a cleanup command; all registered commands run in
#                              reverse order on EXIT, INT (Ctrl-C) and TERM
#   run_with_progress WHAT LOGFILE CMD...   run a long command with its output in LOGFILE,
#                              printing a progress note every ${INFRA_PROGRESS_INTERVAL:-20}s;
#                              on failure prints the log tail and returns the command's status
#   with_lock LOCKFILE CMD...  run CMD while holding an exclusive flock on LOCKFILE (when flock exists)
#   stop_pid PID NAME [TIMEOUT_S]  SIGTERM, wait up to TIMEOUT_S (10), then SIGKILL
#   spawn NAME CMD...          start CMD in the background (stdin /dev/null), register stop_pid
#                              with on_exit, set SPAWNED_PID. Background children of a script
#                              ignore Ctrl-C (SIGINT), so long-running processes that a script
#                              starts must be stopped this way.

if [[ -n "${_INFRA_COMMON_SH_LOADED:-}" ]]; then
  return 0
fi
_INFRA_COMMON_SH_LOADED=1

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
TOOLS_DIR="${TOOLS_DIR:-$PROJECT_ROOT/.tools}"
DATA_DIR="${DATA_DIR:-$PROJECT_ROOT/.data}"
export PROJECT_ROOT TOOLS_DIR DATA_DIR

log() {
  printf '[infra] %s\n' "$*" >&2
}

warn() {
  printf '[infra] WARNING: %s\n' "$*" >&2
}

die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}

# Echo a TCP port that is currently free on 127.0.0.1 (the OS picks it).
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e '
      const s = require("net").createServer();
      s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });
    '
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    die "free_port needs node or python3 on PATH (install Node.js 20)"
  fi
}

# port_in_use PORT [HOST]: true when a TCP connect to HOST:PORT succeeds.
port_in_use() {
  local port="$1" host="${2:-127.0.0.1}"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# wait_for_port HOST PORT TIMEOUT_S: poll every 0.2 s; returns 1 on timeout.
wait_for_port() {
  local host="$1" port="$2" timeout_s="${3:-30}"
  local deadline=$((SECONDS + timeout_s))
  while ! port_in_use "$port" "$host"; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout_s}s waiting for $host:$port"
      return 1
    fi
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------
# Cleanup registry
# ---------------------------------------------------------------------------
# Commands registered with on_exit run once, newest first, when the sourcing
# shell exits normally, fails (set -e), or receives INT/TERM. Register from the
# main shell (not from inside $(...) or a pipeline: subshells have their own
# copy of the registry).
_INFRA_EXIT_CMDS=()
_INFRA_TRAPS_INSTALLED=""

_infra_run_exit_cmds() {
  local i entry cmd
  for ((i = ${#_INFRA_EXIT_CMDS[@]} - 1; i >= 0; i--)); do
    entry="${_INFRA_EXIT_CMDS[$i]}"
    unset '_INFRA_EXIT_CMDS[i]'
    # Only commands this very shell registered: a subshell inherits a copy of the registry,
    # and must not stop the services its parent started (e.g. PostgreSQL when $(temporal_cli)
    # finishes a build).
    [[ "${entry%%|*}" == "$BASHPID" ]] || continue
    cmd="${entry#*|}"
    # a subshell, so that an `exit`/die inside one command cannot skip the others
    (eval "$cmd") || log "cleanup command failed (ignored): $cmd"
  done
  _INFRA_EXIT_CMDS=()
}

_infra_on_signal() {
  local sig="$1" code="$2"
  trap - INT TERM
  log "received SIG$sig, stopping everything started by this script"
  _infra_run_exit_cmds
  exit "$code"
}

_infra_on_exit() {
  local rc=$?
  _infra_run_exit_cmds
  exit "$rc"
}

on_exit() {
  [[ $# -eq 1 ]] || die "on_exit expects exactly one command string"
  _INFRA_EXIT_CMDS+=("$BASHPID|$1")
  if [[ -z "$_INFRA_TRAPS_INSTALLED" || "$_INFRA_TRAPS_INSTALLED" != "$BASHPID" ]]; then
    trap _infra_on_exit EXIT
    trap '_infra_on_signal INT 130' INT
    trap '_infra_on_signal TERM 143' TERM
    _INFRA_TRAPS_INSTALLED="$BASHPID"
  fi
}

# with_lock LOCKFILE CMD...: serialize concurrent runs (e.g. two test runs building the
# same tool). Without flock(1) the command simply runs unlocked.
with_lock() {
  local lockfile="$1"
  shift
  mkdir -p "$(dirname "$lockfile")"
  if command -v flock >/dev/null 2>&1; then
    (
      flock -w 3600 9 || die "could not acquire lock $lockfile within 1h"
      "$@"
    ) 9>"$lockfile"
  else
    "$@"
  fi
}

# run_with_progress WHAT LOGFILE CMD...: run CMD in the background (stdin from /dev/null,
# output to LOGFILE), print a note every INFRA_PROGRESS_INTERVAL seconds, and return its
# exit status. On failure the last 40 log lines are printed.
run_with_progress() {
  local what="$1" logfile="$2"
  shift 2
  local interval="${INFRA_PROGRESS_INTERVAL:-20}"
  mkdir -p "$(dirname "$logfile")"
  : >"$logfile"
  local start=$SECONDS pid rc=0 next
  "$@" </dev/null >>"$logfile" 2>&1 &
  pid=$!
  # Make Ctrl-C / script exit stop the build too.
  on_exit "kill $pid 2>/dev/null || true"
  next=$((SECONDS + interval))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if ((SECONDS >= next)); then
      local last
      last="$(tail -n 1 "$logfile" 2>/dev/null | cut -c1-120 || true)"
      log "$what: still running ($((SECONDS - start))s elapsed${last:+; last output: $last})"
      next=$((SECONDS + interval))
    fi
  done
  wait "$pid" || rc=$?
  if ((rc != 0)); then
    log "$what failed (exit $rc) after $((SECONDS - start))s; last lines of $logfile:"
    tail -n 40 "$logfile" | sed 's/^/[infra]   | /' >&2
    return "$rc"
  fi
  log "$what finished in $((SECONDS - start))s"
}

# stop_pid PID NAME [TIMEOUT_S]: stop a process we started; no-op when it is already gone.
stop_pid() {
  local pid="$1" name="${2:-process}" timeout_s="${3:-10}" i
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "$name did not stop within ${timeout_s}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# spawn NAME CMD...: background process stopped (TERM, then KILL) when the script exits.
# Redirect its output yourself, e.g. spawn api node dist/apps/api/src/main.js >>"$log" 2>&1
SPAWNED_PID=""
spawn() {
  local name="$1"
  shift
  "$@" </dev/null &
  SPAWNED_PID=$!
  on_exit "stop_pid $SPAWNED_PID '$name'"
  log "started $name (pid $SPAWNED_PID)"
}
