import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../logging/logger.js';
import { safeError } from '../../logging/logger.js';
import { loadWebAssets, type WebAssets } from './assets.js';
import { json } from './responses.js';
import { localIsoDate } from '../../shared/when.js';
import { routes, runRoute, unknownApiRoute, type DashboardDeps, type Route } from './routes.js';

export type { DashboardDeps } from './routes.js';

/** Handles one request; false when the path is not the dashboard's (the webhook server answers 404). */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const routeOf = (path: string): Route | undefined => (Object.hasOwn(routes, path) ? routes[path] : path.startsWith('/api/') ? unknownApiRoute : undefined);

const allowed = (route: Route): string => (route.method === 'GET' ? 'GET, HEAD' : route.method);

/** The dashboard's pages and API (./routes.ts), answered by path; errors become a 500 without details. */
export function createDashboardHandler(deps: DashboardDeps, assets: Promise<WebAssets> = loadWebAssets()): DashboardHandler {
  // a failed bundle must not become an unhandled rejection before the first request
  assets.catch(() => undefined);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const path = url.pathname;
    const route = routeOf(path);
    if (!route) return false;
    const method = req.method === 'HEAD' && route.method === 'GET' ? 'GET' : req.method;
    if (method !== route.method) {
      res.writeHead(405, { allow: allowed(route) }).end();
      return true;
    }
    try {
      const now = deps.clock.now();
      const query = url.searchParams;
      await runRoute(route, { deps, assets, req, res, path, query, params: Object.fromEntries(query), now, today: localIsoDate(now, deps.config.timeZone) });
    } catch (error) {
      deps.logger.error({ event: 'dashboard_request_failed', path, err: safeError(error) }, 'dashboard request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.destroy();
    }
    return true;
  };
}

export interface DashboardServer {
  listen(): Promise<number>;
  close(): Promise<void>;
}

/** The dashboard on a port of its own (polling mode, WEB_PORT). */
export function createDashboardServer(handler: DashboardHandler, port: number, logger: Logger): DashboardServer {
  const server: Server = createServer((req, res) => {
    handler(req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      },
      (error: unknown) => {
        logger.error({ event: 'dashboard_request_failed', err: safeError(error) }, 'dashboard request failed');
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      server.closeAllConnections();
      await closed;
    },
  };
}
