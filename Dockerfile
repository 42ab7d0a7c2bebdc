# syntax=docker/dockerfile:1
# One image for the API, the worker and the one-shot migrate job (see docker-compose.yml):
#   api     node dist/apps/api/src/main.js      (default CMD)
#   worker  node dist/apps/worker/src/main.js
#   migrate node dist/libs/persistence/src/cli/migrate.js up && node dist/seeds/run.js
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: full dependency tree, TypeScript build, prebuilt workflow bundle ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm run build` = tsc + tsc-alias + dist/workflow-bundle.js (so the worker needs no webpack at start)
RUN npm run build \
 && test -f dist/apps/api/src/main.js \
 && test -f dist/apps/worker/src/main.js \
 && test -f dist/workflow-bundle.js \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies + compiled output only ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
