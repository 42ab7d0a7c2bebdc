# shellcheck shell=bash
# Node dependencies. Sourced, never executed.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# ensure_node_modules: install from package-lock.json when node_modules is missing or older than the lock.
# `npm install --no-save` rather than `npm ci`: it installs the locked versions too, but tolerates optional
# platform packages a registry mirror does not serve (e.g. @swc/core's darwin/win32 builds), where `npm ci`
# refuses the whole install.
ensure_node_modules() {
  if [[ ! -d "$PROJECT_ROOT/node_modules" || "$PROJECT_ROOT/package-lock.json" -nt "$PROJECT_ROOT/node_modules/.package-lock.json" ]]; then
    log "installing npm packages from package-lock.json"
    (cd "$PROJECT_ROOT" && npm install --no-save --no-audit --no-fund) || die "npm install failed: check access to the npm registry"
  fi
}
