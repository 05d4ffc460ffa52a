# passdesk: a two-stage build on Node 24 slim. The first stage compiles the TypeScript with the
# dev dependencies; the image keeps only the production dependencies and the built JavaScript,
# and runs as the unprivileged `node` user.
#
#   docker build -t passdesk .
#   docker run --env-file .env -v passdesk-data:/app/data passdesk

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The SQLite store (DATABASE_URL default below) lives on a volume the node user can write.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
ENV DATABASE_URL=sqlite:/app/data/passdesk.sqlite \
    PORT=3000 \
    HEALTH_PORT=3000
EXPOSE 3000
USER node
# /healthz on PORT (HTTP mode) or HEALTH_PORT (Socket Mode), whichever the bot serves.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/cli/healthcheck.js"]
# node runs as PID 1 (it starts no children): `docker stop`'s SIGTERM reaches passdesk directly,
# which drains within SHUTDOWN_TIMEOUT_SECONDS (default 8), inside docker's 10 s.
CMD ["node", "dist/main.js"]
