# shellcheck shell=bash
# Schemathesis (property-based API testing from the OpenAPI document), from PyPI into a virtualenv
# under $TOOLS_DIR. Sourced, never executed.
#
#   schemathesis_ensure
#       Creates $TOOLS_DIR/schemathesis-$SCHEMATHESIS_VERSION (python3 -m venv) and pip-installs
#       schemathesis==$SCHEMATHESIS_VERSION into it once; exports SCHEMATHESIS (the `st` executable).
#       Needs python3 >= 3.9 with the venv module (Debian: apt-get install -y python3-venv) and PyPI.

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"

_st_install() {
  local venv="$1"
  [[ -f "$venv/.installed" ]] && return 0 # another run finished it while we waited for the lock
  command -v python3 >/dev/null 2>&1 || die "python3 not found: install Python 3 (Debian: apt-get install -y python3 python3-venv)"
  # A venv's scripts carry its absolute path, so it is built in place; the stamp marks a finished install.
  rm -rf "$venv"
  python3 -m venv "$venv" >&2 || die "python3 -m venv failed (Debian: apt-get install -y python3-venv)"
  log "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $venv (first run only; log: $TOOLS_DIR/logs/pip-schemathesis.log)"
  if ! run_with_progress "pip install schemathesis" "$TOOLS_DIR/logs/pip-schemathesis.log" \
    "$venv/bin/pip" install --disable-pip-version-check --no-input "schemathesis==$SCHEMATHESIS_VERSION"; then
    rm -rf "$venv"
    die "pip could not install schemathesis $SCHEMATHESIS_VERSION (log above); check access to PyPI"
  fi
  touch "$venv/.installed"
}

schemathesis_ensure() {
  local venv="$TOOLS_DIR/schemathesis-$SCHEMATHESIS_VERSION"
  mkdir -p "$TOOLS_DIR/logs"
  if [[ ! -f "$venv/.installed" ]]; then
    with_lock "$TOOLS_DIR/.schemathesis.lock" _st_install "$venv" || exit 1
  fi
  export SCHEMATHESIS="$venv/bin/st"
  log "schemathesis ready: $("$SCHEMATHESIS" --version 2>/dev/null | head -1)"
}
