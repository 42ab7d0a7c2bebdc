# shellcheck shell=bash
# Time-skipping Temporal test server (the official Java one, io.temporal:temporal-test-server)
# without Docker and without the SDK's download. Sourced, never executed.
#
#   test_server_ensure
#       1. $TOOLS_DIR/test-server/lib holds the server and its dependencies, resolved by
#          Maven from tools/test-server/pom.xml (re-resolved when the pom changes);
#       2. a JVM class-data-sharing archive ($TOOLS_DIR/test-server/app.jsa) is created
#          once, which roughly halves JVM start time (the SDK gives the server only 5 s
#          to accept connections);
#       3. an executable wrapper $TOOLS_DIR/test-server/bin/temporal-test-server runs
#          `java ... io.temporal.testserver.TestServer "$@"` (the SDK calls it as
#          `<wrapper> <port> [extraArgs...]`).
#       Exports TEMPORAL_TEST_SERVER_EXE (wrapper path). If TEMPORAL_TEST_SERVER_EXE is
#       already set it is only checked and kept.
#       Use from TypeScript:
#         TestWorkflowEnvironment.createTimeSkipping({ server: { executable:
#           { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_EXE } } })
#       Env: TEMPORAL_TEST_SERVER_JAVA_OPTS  JVM options baked into the wrapper
#            (default: -XX:+UseSerialGC -XX:TieredStopAtLevel=1); the wrapper also honours
#            the variable at run time when set.

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TEST_SERVER_POM="$PROJECT_ROOT/tools/test-server/pom.xml"
TEST_SERVER_DIR="$TOOLS_DIR/test-server"
TEST_SERVER_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"

_ts_pom_hash() {
  sha256sum "$TEST_SERVER_POM" | cut -d' ' -f1
}

_ts_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java not found: install a Java runtime >= 11 (Debian: apt-get install -y openjdk-17-jre-headless) or set JAVA_HOME, or set TEMPORAL_TEST_SERVER_EXE to a test-server executable"
  fi
}

_ts_lib_ok() {
  local lib="$TEST_SERVER_DIR/lib"
  compgen -G "$lib/temporal-test-server-*.jar" >/dev/null || return 1
  # Jars resolved before the stamp existed are accepted only if the pom still matches
  # their content (same test-server version, slf4j binding present when required).
  if [[ -f "$lib/.pom.sha256" ]]; then
    [[ "$(cat "$lib/.pom.sha256")" == "$(_ts_pom_hash)" ]]
  else
    local v
    v="$(sed -n '/temporal-test-server/{n;s/.*<version>\(.*\)<\/version>.*/\1/p}' "$TEST_SERVER_POM")"
    [[ -f "$lib/temporal-test-server-$v.jar" ]] || return 1
    if grep -q slf4j-nop "$TEST_SERVER_POM"; then
      compgen -G "$lib/slf4j-nop-*.jar" >/dev/null || return 1
    fi
    _ts_pom_hash >"$lib/.pom.sha256"
  fi
}

_ts_resolve_jars() {
  _ts_lib_ok && return 0 # another run may have finished while we waited for the lock
  command -v mvn >/dev/null 2>&1 ||
    die "Maven (mvn) not found: install it (Debian: apt-get install -y maven) so the Temporal test server can be resolved from Maven Central, or set TEMPORAL_TEST_SERVER_EXE to a test-server executable"
  _ts_java >/dev/null
  local tmp="$TEST_SERVER_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  log "resolving the Temporal test server and its dependencies with Maven from $TEST_SERVER_POM (first run only; log: $TOOLS_DIR/logs/maven-test-server.log)"
  if ! run_with_progress "maven (test server jars)" "$TOOLS_DIR/logs/maven-test-server.log" \
    mvn -B -f "$TEST_SERVER_POM" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime; then
    rm -rf "$tmp"
    die "Maven could not resolve the test server (log above); check access to Maven Central (or a mirror in ~/.m2/settings.xml), or set TEMPORAL_TEST_SERVER_EXE"
  fi
  compgen -G "$tmp/temporal-test-server-*.jar" >/dev/null || die "Maven finished but no temporal-test-server jar is in $tmp"
  _ts_pom_hash >"$tmp/.pom.sha256"
  rm -rf "${TEST_SERVER_DIR:?}/lib" "${TEST_SERVER_DIR:?}/app.jsa"
  mv "$tmp" "$TEST_SERVER_DIR/lib"
}

# Run the server once with -XX:ArchiveClassesAtExit to create a class-data-sharing archive.
_ts_build_cds() {
  local java="$1" jsa="$TEST_SERVER_DIR/app.jsa"
  [[ -f "$jsa" ]] && return 0
  local tmp="$TEST_SERVER_DIR/app.jsa.tmp.$$" port pid start=$SECONDS
  port="$(free_port)"
  log "creating a JVM class-data-sharing archive for faster test-server start (one time, a few seconds)"
  # shellcheck disable=SC2086
  "$java" -XX:ArchiveClassesAtExit="$tmp" $TEST_SERVER_DEFAULT_JAVA_OPTS -cp "$TEST_SERVER_DIR/lib/*" \
    io.temporal.testserver.TestServer "$port" </dev/null >"$TOOLS_DIR/logs/test-server-cds.log" 2>&1 &
  pid=$!
  if wait_for_port 127.0.0.1 "$port" 60; then
    sleep 1
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -s "$tmp" ]]; then
    mv -f "$tmp" "$jsa"
    log "class-data-sharing archive ready ($((SECONDS - start))s)"
  else
    rm -f "$tmp"
    warn "could not create the class-data-sharing archive (see $TOOLS_DIR/logs/test-server-cds.log); the test server still works, it just starts slower"
  fi
}

_ts_write_wrapper() {
  local java="$1" wrapper="$TEST_SERVER_DIR/bin/temporal-test-server"
  local opts="${TEMPORAL_TEST_SERVER_JAVA_OPTS:-$TEST_SERVER_DEFAULT_JAVA_OPTS}"
  local cds=""
  [[ -f "$TEST_SERVER_DIR/app.jsa" ]] && cds="\"-XX:SharedArchiveFile=$TEST_SERVER_DIR/app.jsa\" -Xshare:auto"
  local content
  content="$(
    cat <<EOF
#!/bin/sh
# Generated by scripts/lib/test-server.sh (test_server_ensure); do not edit, it is rewritten.
# Temporal time-skipping test server. Usage: temporal-test-server <port> [--enable-time-skipping]
# (@temporalio/testing passes only the port plus extraArgs; it SIGKILLs this process on
# shutdown, hence 'exec' so that the JVM itself is the process that gets killed).
exec "$java" \${TEMPORAL_TEST_SERVER_JAVA_OPTS:-$opts} $cds \\
  -cp "$TEST_SERVER_DIR/lib/*" io.temporal.testserver.TestServer "\$@"
EOF
  )"
  mkdir -p "$(dirname "$wrapper")"
  if [[ ! -x "$wrapper" || "$(cat "$wrapper")" != "$content" ]]; then
    printf '%s\n' "$content" >"$wrapper.tmp.$$"
    chmod 755 "$wrapper.tmp.$$"
    mv -f "$wrapper.tmp.$$" "$wrapper"
    log "wrote test-server wrapper $wrapper"
  fi
}

_ts_ensure_locked() {
  local java
  java="$(_ts_java)"
  _ts_lib_ok || _ts_resolve_jars
  _ts_build_cds "$java"
  _ts_write_wrapper "$java"
}

test_server_ensure() {
  if [[ -n "${TEMPORAL_TEST_SERVER_EXE:-}" ]]; then
    [[ -x "$TEMPORAL_TEST_SERVER_EXE" ]] ||
      die "TEMPORAL_TEST_SERVER_EXE=$TEMPORAL_TEST_SERVER_EXE is not an executable file"
    export TEMPORAL_TEST_SERVER_EXE
    log "using time-skipping test server TEMPORAL_TEST_SERVER_EXE=$TEMPORAL_TEST_SERVER_EXE"
    return 0
  fi
  mkdir -p "$TEST_SERVER_DIR" "$TOOLS_DIR/logs"
  with_lock "$TEST_SERVER_DIR/.lock" _ts_ensure_locked || exit 1
  export TEMPORAL_TEST_SERVER_EXE="$TEST_SERVER_DIR/bin/temporal-test-server"
  log "time-skipping test server ready: TEMPORAL_TEST_SERVER_EXE=$TEMPORAL_TEST_SERVER_EXE"
}
