#!/bin/sh
# One-shot setup for the docker-compose Temporal server (run inside the temporalio/auto-setup
# image, which ships the `temporal` CLI): waits until the server and its namespace answer,
# then registers the project's custom search attributes unless they already exist.
# Idempotent: safe on every `docker compose up`.
set -eu

ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
TIMEOUT="${SETUP_TIMEOUT_SECONDS:-180}"
ATTRS="SafetyCaseId=Keyword SafetyCaseType=Keyword SafetyDepartmentId=Keyword SafetyCaseStatus=Keyword"

log() { echo "[temporal-setup] $*" >&2; }

waited=0
until temporal operator cluster health --address "$ADDRESS" 2>/dev/null | grep -q SERVING; do
  if [ "$waited" -ge "$TIMEOUT" ]; then
    log "Temporal at $ADDRESS not healthy after ${TIMEOUT}s"
    exit 1
  fi
  log "waiting for Temporal at $ADDRESS ..."
  sleep 2
  waited=$((waited + 2))
done

# auto-setup registers the default namespace in the background after the server starts;
# other namespaces are created here.
until temporal operator namespace describe --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; do
  if [ "$NAMESPACE" != default ]; then
    log "creating namespace $NAMESPACE"
    temporal operator namespace create --address "$ADDRESS" --namespace "$NAMESPACE" --retention 720h >/dev/null 2>&1 || true
  fi
  if [ "$waited" -ge "$TIMEOUT" ]; then
    log "namespace $NAMESPACE not available after ${TIMEOUT}s"
    exit 1
  fi
  log "waiting for namespace $NAMESPACE ..."
  sleep 2
  waited=$((waited + 2))
done

existing="$(temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE" -o json)"
for attr in $ATTRS; do
  name="${attr%%=*}"
  type="${attr#*=}"
  if printf '%s' "$existing" | grep -q "\"$name\""; then
    log "search attribute $name already registered"
  else
    log "registering search attribute $name ($type)"
    temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" --name "$name" --type "$type"
  fi
done
log "done"
