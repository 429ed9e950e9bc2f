import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logging/logger.js';
import { safeError } from '../logging/logger.js';

const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });
const MAX_BODY = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;

export interface WebhookServer {
  listen(): Promise<number>;
  /** Stops taking requests and waits for the updates being handled. */
  close(): Promise<void>;
}

/**
 * Receives Telegram's webhook POSTs: checks X-Telegram-Bot-Api-Secret-Token, validates the body,
 * answers 200 once the update is handled (so Telegram retries what we could not take), and keeps
 * count of updates in flight for a clean shutdown.
 */
export function createWebhookServer(options: {
  path: string;
  port: number;
  secret: string;
  logger: Logger;
  handleUpdate: (update: Update) => Promise<void>;
  /** Other requests on this port (the dashboard); resolves false for a path it does not serve. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}): WebhookServer {
  const inFlight = new Set<Promise<void>>();
  let closing = false;
  const expected = Buffer.from(options.secret);

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== options.path) {
      const handled = options.fallback ? await options.fallback(req, res).catch(() => false) : false;
      if (!handled && !res.headersSent) res.writeHead(404).end();
      return;
    }
    const given = Buffer.from(String(req.headers['x-telegram-bot-api-secret-token'] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      options.logger.warn({ event: 'webhook_bad_secret' }, 'webhook request without the right secret');
      res.writeHead(401).end();
      return;
    }
    if (closing) {
      res.writeHead(503).end();
      return;
    }
    let update: Update;
    try {
      const parsed = updateSchema.safeParse(JSON.parse(await readBody(req)));
      if (!parsed.success) throw new Error('not an update');
      update = parsed.data as unknown as Update;
    } catch {
      res.writeHead(400).end();
      return;
    }
    // In flight until the 200 has been written out, so a stop never cuts an answer Telegram waits for.
    const work = options
      .handleUpdate(update)
      .catch((error) => {
        options.logger.error({ event: 'webhook_update_failed', err: safeError(error) }, 'webhook update failed');
      })
      .then(() => new Promise<void>((resolve) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}', resolve)));
    inFlight.add(work);
    await work;
    inFlight.delete(work);
  });
  // A client that sends headers and then nothing must not hold a connection (and a stop) for minutes.
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : options.port);
        });
      }),
    close: async () => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all(inFlight);
      // What is left is idle or stalled (a body that never came): nothing to wait for.
      server.closeAllConnections();
      await closed;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
