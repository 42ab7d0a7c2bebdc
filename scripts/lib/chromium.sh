# shellcheck shell=bash
# Debian's Chromium for the browser tests (Playwright's own browser download is not used). Sourced, never executed.
#
#   chromium_ensure
#       CHROMIUM_PATH set     -> checked and exported as is.
#       /usr/bin/chromium     -> exported as CHROMIUM_PATH.
#       otherwise, as root    -> apt-get installs the Debian package 'chromium' (plus CJK fonts so
#                                Chinese text renders in screenshots), then exports CHROMIUM_PATH.
#       Exports: CHROMIUM_PATH

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

chromium_ensure() {
  if [[ -n "${CHROMIUM_PATH:-}" ]]; then
    [[ -x "$CHROMIUM_PATH" ]] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    export CHROMIUM_PATH
    return 0
  fi
  if [[ ! -x /usr/bin/chromium && $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "Chromium not found; installing the Debian packages 'chromium' and 'fonts-noto-cjk' (apt-get, non-interactive)"
    with_lock "$TOOLS_DIR/apt.lock" _chromium_apt_install
  fi
  [[ -x /usr/bin/chromium ]] ||
    die "Chromium not found: install it (as root: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH"
  export CHROMIUM_PATH=/usr/bin/chromium
}

_chromium_apt_install() {
  [[ -x /usr/bin/chromium ]] && return 0
  DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2 || die "apt-get update failed; install chromium yourself"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk </dev/null >&2 ||
    die "apt-get install chromium failed; install chromium yourself or set CHROMIUM_PATH"
}
