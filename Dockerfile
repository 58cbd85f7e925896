# syntax=docker/dockerfile:1
# kms-review as a container: the GitHub App's webhook receiver (default) or, in queue mode, a worker:
#   docker run -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET -p 3000:3000 kms-review
#   docker run -e REDIS_URL ... kms-review node bin/kms-review.js worker
# Configured only by environment variables (see README, "Docker").

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --chown=node:node --from=build /app/lib ./lib
COPY --chown=node:node bin ./bin
COPY --chown=node:node docs ./docs
COPY --chown=node:node app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "lib/server.js"]
