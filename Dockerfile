# The Topograph server in a container, for `docker compose up` (docker-compose.yml): the
# explorer built at image build time, the server run as the unprivileged `node` user.
# Node 20 on Debian bookworm, as the development machines; the full dependency tree is kept
# because the server and ingest run TypeScript through tsx.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the embedded store) compiles when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# Node 20 ships npm 10; the lockfile is npm 11's (as on the development machines).
RUN npm install -g npm@11
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=5173
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 5173
# Ingest the sample corpus when the store is empty, then serve the explorer and the API.
CMD ["sh", "-c", "node --max-old-space-size=1536 --import tsx ingest/cli.ts --if-empty data/samples && exec node --import tsx server/main.ts"]
