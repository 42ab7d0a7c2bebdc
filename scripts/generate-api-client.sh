#!/usr/bin/env bash
# Regenerates the console's typed API client (apps/web/src/api/openapi.d.ts) from the API's OpenAPI
# document, so a change to the API that the console does not follow fails its type check.
#   bash scripts/generate-api-client.sh           regenerate (needs dist/ from `npm run build:server`)
#   bash scripts/generate-api-client.sh --check   fail when the committed file is not current
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$PROJECT_ROOT"

target=apps/web/src/api/openapi.d.ts
[[ -f dist/scripts/openapi-document.js ]] || die "dist/scripts/openapi-document.js is missing: run npm run build:server first"
work="$(mktemp -d)"
on_exit "rm -rf '$work'"
node dist/scripts/openapi-document.js "$work/openapi.json"
npx openapi-typescript "$work/openapi.json" --output "$work/openapi.d.ts" >&2
{
  echo '// Generated from the API'"'"'s OpenAPI document by scripts/generate-api-client.sh: do not edit.'
  cat "$work/openapi.d.ts"
} >"$work/client.d.ts"
npx prettier --stdin-filepath "$target" <"$work/client.d.ts" >"$work/formatted.d.ts"
if [[ "${1:-}" == "--check" ]]; then
  cmp -s "$work/formatted.d.ts" "$target" ||
    die "$target is out of date with the API: run npm run api:client and fix the console where it no longer type-checks"
  log "the console's API client matches the API"
else
  cp "$work/formatted.d.ts" "$target"
  log "wrote $target"
fi
