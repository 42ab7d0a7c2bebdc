# shellcheck shell=bash
# PostgreSQL without Docker: a project-local cluster under $DATA_DIR, or an external
# server given by DATABASE_URL. Sourced, never executed.
#
#   pg_up NAME PORT
#       DATABASE_URL set  -> export PG_ADMIN_URL="$DATABASE_URL" and nothing else.
#       otherwise         -> initdb (once) + start the cluster $DATA_DIR/NAME on
#                            127.0.0.1:PORT, or reuse it when it is already running.
#       Exports: PG_ADMIN_URL (postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres),
#                PG_PORT, PG_DATA (cluster dir), PG_BIN (local cluster only).
#       Every connection needs a password (SCRAM-SHA-256), also over the unix socket; the
#       superuser's is generated once into $DATA_DIR/NAME.superuser-password (mode 0600).
#       A cluster created by an older version with trust authentication is switched over.
#       Env:  PG_BIN        directory with initdb/pg_ctl/postgres (default: newest
#                           /usr/lib/postgresql/*/bin; apt-get installs postgresql when root)
#             PG_RUN_USER   unprivileged user that runs the server when we are root
#                           (default: postgres, else a created system user safety-pg)
#             PG_EPHEMERAL=1  throwaway cluster: fresh data dir $DATA_DIR/NAME.XXXXXX, tuned
#                           for speed (fsync=off), stopped and deleted at exit
#             PG_EXTRA_CONF further postgresql.conf lines for a cluster this call starts
#                           (e.g. "shared_buffers = '2GB'"; one setting per line)
#       Must be called from the main shell (not inside $(...)): it registers
#       `pg_ctl stop -m fast` with on_exit when it started the server.
#   pg_create_db URL DBNAME [TEMPLATE]   create a database unless it exists
#   pg_drop_db URL DBNAME                drop a database if it exists (terminates sessions)
#   pg_db_url URL DBNAME                 echo URL pointing at database DBNAME instead
#   pg_psql URL [psql args...]           run psql (non-interactive, ON_ERROR_STOP)
#   pg_url_as URL USER PASSWORD          echo URL with another user and password
#   pg_app_login URL PASSWORD            let the app role (safety_app) log in with PASSWORD
#                                        (after migrations; needs dist/ built)
# Passwords never appear on a command line: psql gets them through PGPASSWORD.

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Echo a random URL-safe secret (32 characters).
_pg_random_secret() {
  node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))'
}

# _pg_password_file FILE: echo the password kept in FILE, generating it (mode 0600) when absent.
_pg_password_file() {
  local file="$1"
  if [[ ! -s "$file" ]]; then
    (umask 077 && _pg_random_secret >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}

# Echo the newest /usr/lib/postgresql/<major>/bin that has initdb and pg_ctl (or nothing).
_pg_newest_bin() {
  local cand best=""
  # shellcheck disable=SC2012
  for cand in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n); do
    [[ -x "$cand/initdb" && -x "$cand/pg_ctl" ]] && best="$cand"
  done
  echo "$best"
}

# Echo the directory holding initdb/pg_ctl/postgres; install postgresql when possible.
_pg_find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
      die "PG_BIN=$PG_BIN does not contain initdb and pg_ctl; point PG_BIN at a PostgreSQL bin directory (e.g. /usr/lib/postgresql/15/bin) or set DATABASE_URL"
    echo "$PG_BIN"
    return 0
  fi
  local found
  found="$(_pg_newest_bin)"
  if [[ -z "$found" ]] && command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    found="$(dirname "$(command -v pg_ctl)")"
  fi
  if [[ -z "$found" && $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL server binaries not found; installing the Debian package 'postgresql' (apt-get, non-interactive)"
    # apt output goes to stderr so that stdout stays the path we echo.
    DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2 ||
      die "apt-get update failed; install PostgreSQL yourself (apt-get install postgresql), set PG_BIN, or set DATABASE_URL"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql </dev/null >&2 ||
      die "apt-get install postgresql failed; install PostgreSQL yourself, set PG_BIN, or set DATABASE_URL"
    found="$(_pg_newest_bin)"
  fi
  [[ -n "$found" ]] ||
    die "PostgreSQL not found: set DATABASE_URL to an existing server, or install postgresql (as root: apt-get install -y postgresql), or set PG_BIN to a directory containing initdb and pg_ctl"
  echo "$found"
}

# Echo the path of psql.
_pg_psql_bin() {
  if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/psql" ]]; then
    echo "$PG_BIN/psql"
  elif command -v psql >/dev/null 2>&1 && psql --version >/dev/null 2>&1; then
    command -v psql
  else
    local cand best=""
    # shellcheck disable=SC2012
    for cand in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n); do
      [[ -x "$cand/psql" ]] && best="$cand/psql"
    done
    [[ -n "$best" ]] ||
      die "psql not found: install the PostgreSQL client (as root: apt-get install -y postgresql-client) or set PG_BIN"
    echo "$best"
  fi
}

# Echo the user that runs the server (empty when we are not root).
_pg_run_user() {
  if [[ $EUID -ne 0 ]]; then
    echo ""
    return 0
  fi
  if [[ -n "${PG_RUN_USER:-}" ]]; then
    id -u "$PG_RUN_USER" >/dev/null 2>&1 || die "PG_RUN_USER=$PG_RUN_USER does not exist"
    echo "$PG_RUN_USER"
  elif id -u postgres >/dev/null 2>&1; then
    echo postgres
  else
    if ! id -u safety-pg >/dev/null 2>&1; then
      log "running as root and PostgreSQL refuses to run as root: creating system user 'safety-pg'"
      command -v useradd >/dev/null 2>&1 || die "useradd not found; create an unprivileged user and set PG_RUN_USER, or set DATABASE_URL"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin safety-pg >&2 ||
        die "could not create user safety-pg; create an unprivileged user and set PG_RUN_USER, or set DATABASE_URL"
    fi
    echo safety-pg
  fi
}

# _pg_as USER CMD...: run CMD as USER (or directly when USER is empty).
_pg_as() {
  local user="$1"
  shift
  if [[ -z "$user" ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$user" -- "$@"
  elif command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups -- "$@"
  else
    die "need runuser or setpriv (util-linux) to run PostgreSQL as user $user"
  fi
}

# Port of a running cluster (from postmaster.pid line 4), empty when unknown.
_pg_running_port() {
  local dir="$1"
  if [[ -r "$dir/postmaster.pid" ]]; then
    sed -n 4p "$dir/postmaster.pid" 2>/dev/null || true
  fi
}

_pg_stop() {
  local user="$1" bin="$2" dir="$3"
  log "stopping PostgreSQL cluster $dir"
  _pg_as "$user" "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null 2>&1 ||
    log "pg_ctl stop reported an error for $dir (already stopped?)"
}

_pg_export_local() {
  local port="$1" dir="$2" bin="$3" password="$4"
  export PG_PORT="$port" PG_DATA="$dir" PG_BIN="$bin"
  export PG_ADMIN_URL="postgres://postgres:$password@127.0.0.1:$port/postgres"
  log "PostgreSQL ready: PG_ADMIN_URL=$(_pg_mask_url "$PG_ADMIN_URL") (data: $dir, password in $dir.superuser-password)"
}

# _pg_require_passwords USER BIN DIR PORT PASSWORD: a cluster made with trust authentication (by an
# older version of this script) gets the superuser password and SCRAM for every connection, then reloads.
_pg_require_passwords() {
  local user="$1" bin="$2" dir="$3" port="$4" password="$5"
  grep -qE '^[[:space:]]*(local|host)[^#]*[[:space:]]trust([[:space:]]|$)' "$dir/pg_hba.conf" || return 0
  log "cluster $dir trusts local connections: setting the superuser password and switching to scram-sha-256"
  PGPASSWORD="" PGCONNECT_TIMEOUT=10 PG_NEW_PASSWORD="$password" "$(_pg_psql_bin)" \
    "postgres://postgres@127.0.0.1:$port/postgres" -X -q -v ON_ERROR_STOP=1 >&2 <<'SQL' ||
SET password_encryption = 'scram-sha-256';
\getenv pw PG_NEW_PASSWORD
ALTER ROLE postgres PASSWORD :'pw';
SQL
    die "could not set the superuser password of $dir; remove $dir to recreate the cluster"
  _pg_as "$user" sed -i -E 's/([[:space:]])trust([[:space:]]|$)/\1scram-sha-256\2/' "$dir/pg_hba.conf"
  _pg_as "$user" "$bin/pg_ctl" -D "$dir" reload >/dev/null 2>&1 || die "pg_ctl reload failed for $dir"
}

pg_up() {
  local name="${1:?usage: pg_up NAME PORT}" port="${2:?usage: pg_up NAME PORT}"
  if [[ -n "${DATABASE_URL:-}" ]]; then
    export PG_ADMIN_URL="$DATABASE_URL"
    log "using external PostgreSQL from DATABASE_URL (no local cluster started)"
    return 0
  fi
  [[ "$port" =~ ^[0-9]+$ ]] || die "pg_up: PORT must be a number, got '$port'"
  [[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "pg_up: NAME may contain only letters, digits, '.', '_' and '-', got '$name'"
  mkdir -p "$DATA_DIR"
  # Serialize concurrent pg_up calls for the same named cluster (runs in this shell, not a
  # subshell, so that on_exit registrations survive).
  # fd 8 holds the lock; it is closed for pg_ctl so that the server does not inherit it.
  local locked="" rc=0
  if [[ "${PG_EPHEMERAL:-0}" != 1 ]] && command -v flock >/dev/null 2>&1; then
    exec 8>"$DATA_DIR/.$name.lock"
    flock -w 120 8 || die "another run holds $DATA_DIR/.$name.lock for more than 120s"
    locked=1
  fi
  _pg_up_unlocked "$name" "$port"
  rc=$?
  if [[ -n "$locked" ]]; then
    exec 8>&-
  fi
  return "$rc"
}

_pg_up_unlocked() {
  local name="$1" port="$2"

  local bin user dir
  bin="$(_pg_find_bin)" || exit 1
  user="$(_pg_run_user)" || exit 1
  local runs_as=""
  [[ -n "$user" ]] && runs_as="; server runs as user $user"
  log "PostgreSQL binaries: $bin ($("$bin/postgres" --version 2>/dev/null || echo unknown version))$runs_as"

  mkdir -p "$DATA_DIR"
  if [[ "${PG_EPHEMERAL:-0}" == 1 ]]; then
    dir="$(mktemp -d "$DATA_DIR/$name.XXXXXX")"
    log "ephemeral cluster: $dir (deleted at exit)"
    # registered first so that it runs after the stop registered below
    on_exit "rm -rf '$dir'"
  else
    dir="$DATA_DIR/$name"
    mkdir -p "$dir"
  fi

  # The server user must be able to reach the data dir.
  if [[ -n "$user" ]]; then
    chown "$user" "$dir"
    chmod 700 "$dir"
    _pg_as "$user" test -x "$dir" ||
      die "user '$user' cannot access $dir (a parent directory is not traversable); run 'chmod o+x' on the parent directories, set DATA_DIR to an accessible place, or set DATABASE_URL"
  fi

  # The superuser's password, generated once and kept next to the cluster (never in the repository).
  local pwfile="$dir.superuser-password" password
  [[ "${PG_EPHEMERAL:-0}" == 1 ]] && on_exit "rm -f '$pwfile'"
  if [[ -f "$dir/PG_VERSION" && ! -s "$pwfile" ]] && ! grep -qE '[[:space:]]trust([[:space:]]|$)' "$dir/pg_hba.conf" 2>/dev/null; then
    die "cluster $dir requires passwords but $pwfile is missing; remove $dir to recreate the cluster (its data is lost) or set DATABASE_URL"
  fi
  password="$(_pg_password_file "$pwfile")"

  # Already running? (postmaster.pid + live process)
  if [[ -f "$dir/PG_VERSION" ]] && _pg_as "$user" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    local running_port
    running_port="$(_pg_running_port "$dir")"
    if [[ -n "$running_port" && "$running_port" != "$port" ]]; then
      warn "cluster $dir is already running on port $running_port (requested $port); reusing it on port $running_port"
      port="$running_port"
    else
      log "reusing PostgreSQL cluster $dir already running on port $port (it will keep running)"
    fi
    _pg_require_passwords "$user" "$bin" "$dir" "$port" "$password"
    _pg_export_local "$port" "$dir" "$bin" "$password"
    return 0
  fi

  if port_in_use "$port"; then
    die "port $port on 127.0.0.1 is already used by another process; choose another port or stop that process"
  fi

  # initdb once (an interrupted initdb leaves no PG_VERSION: start over).
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    if [[ -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
      log "removing incomplete cluster directory contents in $dir"
      find "$dir" -mindepth 1 -delete
    fi
    local locale_args=(--locale=C.UTF-8)
    if ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
      warn "locale C.UTF-8 not available; using --no-locale (non-ASCII upper/lower may differ)"
      locale_args=(--no-locale)
    fi
    log "initdb: creating cluster in $dir (scram-sha-256 for every connection)"
    local initdb_log initdb_pw
    initdb_log="$(dirname "$dir")/$(basename "$dir").initdb.log"
    # initdb reads the password as the server user: a short-lived copy that user can read.
    initdb_pw="$(mktemp "$(dirname "$dir")/.initdb-pw.XXXXXX")"
    printf '%s' "$password" >"$initdb_pw"
    [[ -n "$user" ]] && chown "$user" "$initdb_pw"
    if ! _pg_as "$user" "$bin/initdb" -D "$dir" -U postgres --auth=scram-sha-256 --pwfile="$initdb_pw" -E UTF8 \
      "${locale_args[@]}" >"$initdb_log" 2>&1; then
      rm -f "$initdb_pw"
      sed 's/^/[infra]   | /' "$initdb_log" >&2
      die "initdb failed for $dir (see above); fix the cause or set DATABASE_URL"
    fi
    rm -f "$initdb_pw" "$initdb_log"
    printf "\n# Managed by scripts/lib/postgres.sh\ninclude_if_exists = 'infra.conf'\n" >>"$dir/postgresql.conf"
  fi

  # Per-start settings (the port may differ between runs).
  local sockdir="$dir"
  if ((${#dir} > 80)); then
    sockdir="" # unix socket path would exceed the 107-byte limit: TCP only
  fi
  {
    echo "# Written by scripts/lib/postgres.sh on every start; do not edit."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$sockdir'"
    echo "max_connections = 200"
    if [[ -n "${PG_EXTRA_CONF:-}" ]]; then
      printf '%s\n' "$PG_EXTRA_CONF"
    fi
    if [[ "${PG_EPHEMERAL:-0}" == 1 ]]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"$dir/infra.conf"
  [[ -n "$user" ]] && chown -R "$user" "$dir"

  log "starting PostgreSQL on 127.0.0.1:$port (log: $dir/postgres.log)"
  if ! _pg_as "$user" "$bin/pg_ctl" -D "$dir" -l "$dir/postgres.log" -w -t 60 start >/dev/null 2>&1 8>&-; then
    tail -n 30 "$dir/postgres.log" 2>/dev/null | sed 's/^/[infra]   | /' >&2
    die "PostgreSQL failed to start from $dir (log above); fix the cause, remove $dir to recreate it, or set DATABASE_URL"
  fi
  on_exit "_pg_stop '$user' '$bin' '$dir'"
  _pg_require_passwords "$user" "$bin" "$dir" "$port" "$password"
  _pg_export_local "$port" "$dir" "$bin" "$password"
}

# URL with the password replaced by ***, for messages.
_pg_mask_url() {
  sed -E 's#(//[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"
}

# pg_db_url URL DBNAME: echo URL with its database (path) replaced by DBNAME.
pg_db_url() {
  local url="${1:?usage: pg_db_url URL DBNAME}" db="${2:?usage: pg_db_url URL DBNAME}"
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + encodeURIComponent(process.argv[2]); console.log(u.toString())' "$url" "$db"
}

# _pg_run_psql URL ARGS...: psql with the URL's password moved into PGPASSWORD (not visible in ps).
_pg_run_psql() {
  local url="$1" password="${PGPASSWORD:-}"
  shift
  if [[ "$url" =~ ^([a-z]+://[^:/@]+):([^@/]*)@(.*)$ ]]; then
    url="${BASH_REMATCH[1]}@${BASH_REMATCH[3]}"
    password="$(printf '%b' "${BASH_REMATCH[2]//%/\\x}")"
  fi
  local psql
  psql="$(_pg_psql_bin)" || exit 1
  PGPASSWORD="$password" PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}" "$psql" "$url" "$@"
}

# pg_url_as URL USER PASSWORD: echo URL connecting as USER with PASSWORD instead.
pg_url_as() {
  PG_URL_PASSWORD="$3" node -e 'const u = new URL(process.argv[1]); u.username = process.argv[2]; u.password = process.env.PG_URL_PASSWORD; console.log(u.toString())' "$1" "$2"
}

# pg_app_login URL PASSWORD: the app role logs in with PASSWORD (libs/persistence/src/cli/app-login.ts).
pg_app_login() {
  DATABASE_URL="$1" DATABASE_APP_PASSWORD="$2" node "$PROJECT_ROOT/dist/libs/persistence/src/cli/app-login.js" >&2
}

# pg_psql URL [ARGS...]: non-interactive psql that stops at the first error.
pg_psql() {
  local url="${1:?usage: pg_psql URL [psql args]}"
  shift
  _pg_run_psql "$url" -X -q -v ON_ERROR_STOP=1 "$@" </dev/null
}

# pg_create_db URL DBNAME [TEMPLATE]: idempotent CREATE DATABASE (owner: the URL's user).
# A TEMPLATE database must have no open connections while it is copied.
pg_create_db() {
  local url="${1:?usage: pg_create_db URL DBNAME [TEMPLATE]}" db="${2:?usage: pg_create_db URL DBNAME [TEMPLATE]}" tpl="${3:-}"
  local exists
  exists="$(_pg_run_psql "$url" -X -q -At -v ON_ERROR_STOP=1 -v db="$db" \
    <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")" ||
    die "cannot connect to PostgreSQL at $(_pg_mask_url "$url"); check DATABASE_URL / that pg_up ran"
  if [[ "$exists" == 1 ]]; then
    log "database '$db' already exists"
    return 0
  fi
  if [[ -n "$tpl" ]]; then
    log "creating database '$db' from template '$tpl'"
    _pg_run_psql "$url" -X -q -v ON_ERROR_STOP=1 -v db="$db" -v tpl="$tpl" \
      <<<'CREATE DATABASE :"db" TEMPLATE :"tpl";' >&2
  else
    log "creating database '$db'"
    _pg_run_psql "$url" -X -q -v ON_ERROR_STOP=1 -v db="$db" \
      <<<'CREATE DATABASE :"db";' >&2
  fi
}

# pg_drop_db URL DBNAME: DROP DATABASE IF EXISTS ... WITH (FORCE) (PostgreSQL >= 13).
pg_drop_db() {
  local url="${1:?usage: pg_drop_db URL DBNAME}" db="${2:?usage: pg_drop_db URL DBNAME}"
  log "dropping database '$db' (if it exists)"
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" _pg_run_psql "$url" -X -q -v ON_ERROR_STOP=1 -v db="$db" \
    <<<'DROP DATABASE IF EXISTS :"db" WITH (FORCE);' >&2
}

# pg_restart: restart the local cluster in PG_DATA with PG_BIN (as exported by pg_up) with a fast
# shutdown, which cuts every open connection, then start it again with the same settings and port.
# Used by the fault tier (tests/processes) to check that clients reconnect and nothing is lost.
pg_restart() {
  [[ -n "${PG_DATA:-}" && -n "${PG_BIN:-}" ]] || die "pg_restart needs PG_DATA and PG_BIN (set by pg_up for a local cluster)"
  local user
  user="$(_pg_run_user)" || exit 1
  log "restarting PostgreSQL cluster $PG_DATA"
  _pg_as "$user" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/postgres.log" -m fast -w -t 60 restart >/dev/null 2>&1 ||
    die "pg_ctl restart failed for $PG_DATA (log: $PG_DATA/postgres.log)"
}
