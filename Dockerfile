# 班级党建助手 — production image. Node 20 is the project's target (see README).
FROM node:20-bookworm-slim

WORKDIR /app

# Runtime dependencies only: `tsx` (which runs the TypeScript sources) is a regular dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY db ./db

ENV NODE_ENV=production \
    DATA_DIR=/data

# PGlite data when DATABASE_URL is not set; owned by the unprivileged user the bot runs as.
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node

# Webhook mode listens here (WEBHOOK_PORT); polling mode opens no port.
EXPOSE 8080

# Node itself, not `npm start`: npm does not reliably pass SIGTERM on, and the bot needs it to stop
# cleanly. Run with `--init` (compose: `init: true`) so a signal during start-up is handled too.
CMD ["node", "--import", "tsx", "src/main.ts"]
