import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/schema.js';
import type { Logger } from '../../logging/logger.js';
import { safeError } from '../../logging/logger.js';
import type { Clock } from '../../shared/clock.js';
import { localIsoDate } from '../../shared/when.js';
import { classPage } from './class-page.js';
import { chartsFor } from './charts.js';
import { validateInitData } from './init-data.js';
import { dashboardSheet, filteredOverview, type OverviewFilter } from './overview.js';
import { redeemLoginCode, SESSION_COOKIE, SESSION_TTL_MS, sessionPerson } from './sessions.js';
import { mayOpenClass, viewerByPersonId, viewerByTelegramId, type Viewer } from './viewer.js';
import { loadWebAssets, type WebAssets } from './assets.js';
import { writeSpreadsheet } from '../../shared/spreadsheet.js';
import { translator } from '../../i18n/i18n.js';

export interface DashboardDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'botToken' | 'timeZone'>;
}

/** Handles one request; false when the path is not the dashboard's (the webhook server answers 404). */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const filterSchema = z.strictObject({
  tag: z.string().trim().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(64).optional(),
});
const classQuerySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'must be a class id')
    .transform(Number),
});
const loginQuerySchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });
const emptyQuerySchema = z.strictObject({});

type Auth = { ok: true; viewer: Viewer } | { ok: false; status: 401 | 403; error: string };

export function createDashboardHandler(deps: DashboardDeps, assets: Promise<WebAssets> = loadWebAssets()): DashboardHandler {
  // a failed bundle must not become an unhandled rejection before the first request
  assets.catch(() => undefined);

  async function authenticate(req: IncomingMessage): Promise<Auth> {
    const header = req.headers.authorization;
    if (header?.startsWith('tma ')) {
      const checked = validateInitData(header.slice(4), deps.config.botToken, deps.clock.now());
      if (!checked.ok) {
        deps.logger.info({ event: 'dashboard_init_data_refused', reason: checked.reason }, 'dashboard: initData refused');
        return { ok: false, status: 401, error: checked.reason === 'expired' ? 'expired' : 'unauthorized' };
      }
      return asAuth(await viewerByTelegramId(deps.db, checked.user.id, checked.user.language_code));
    }
    const token = cookieOf(req, SESSION_COOKIE);
    if (token) {
      const personId = await sessionPerson(deps.db, token, deps.clock.now());
      if (personId !== null) return asAuth(await viewerByPersonId(deps.db, personId));
    }
    return { ok: false, status: 401, error: 'unauthorized' };
  }

  const asAuth = (result: Awaited<ReturnType<typeof viewerByPersonId>>): Auth => (result.ok ? result : { ok: false, status: 403, error: 'not_for_you' });

  async function api(path: string, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const auth = await authenticate(req);
    if (!auth.ok) return json(res, auth.status, { error: auth.error });
    const viewer = auth.viewer;
    const now = deps.clock.now();
    const today = localIsoDate(now, deps.config.timeZone);
    const params = Object.fromEntries(query);
    if (query.size !== Object.keys(params).length) return json(res, 400, { error: 'bad_request', detail: 'a query parameter is given twice' });

    if (path === '/api/me') {
      if (!emptyQuerySchema.safeParse(params).success) return badRequest(res, 'no query parameters expected');
      return json(res, 200, {
        name: viewer.name,
        language: viewer.language,
        secretary: viewer.scope.kind === 'branch',
        classes: viewer.classIds.length,
      });
    }
    if (path === '/api/overview' || path === '/api/overview.xlsx') {
      const filter = filterSchema.safeParse(params);
      if (!filter.success) return badRequest(res, 'expected tag and q of 1-64 characters, or none');
      const overview = await filteredOverview(deps.db, viewer, filter.data satisfies OverviewFilter, now, deps.config.timeZone);
      if (path === '/api/overview') return json(res, 200, overview);
      const t = translator(viewer.language);
      const file = await writeSpreadsheet(dashboardSheet(overview, viewer, t, deps.config.timeZone), 'xlsx');
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="overview-${today}.xlsx"`,
        'cache-control': 'no-store',
      });
      res.end(file);
      return;
    }
    if (path === '/api/charts') {
      if (!emptyQuerySchema.safeParse(params).success) return badRequest(res, 'no query parameters expected');
      return json(res, 200, await chartsFor(deps.db, viewer.classIds, now, today, deps.config.timeZone));
    }
    if (path === '/api/class') {
      const parsed = classQuerySchema.safeParse(params);
      if (!parsed.success) return badRequest(res, 'expected id=<class id>');
      if (!mayOpenClass(viewer, parsed.data.id)) return json(res, 403, { error: 'not_your_class' });
      const page = await classPage(deps.db, parsed.data.id, viewer.roles, now, today);
      return page ? json(res, 200, page) : json(res, 404, { error: 'not_found' });
    }
    json(res, 404, { error: 'not_found' });
  }

  async function login(query: URLSearchParams, res: ServerResponse): Promise<void> {
    const parsed = loginQuerySchema.safeParse(Object.fromEntries(query));
    const session = parsed.success ? await deps.db.transaction().execute((trx) => redeemLoginCode(trx, parsed.data.code, deps.clock.now())) : null;
    if (!session) {
      const assetsNow = await assets;
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(assetsNow.linkRefused);
      return;
    }
    res.writeHead(303, {
      location: './',
      'cache-control': 'no-store',
      'set-cookie': `${SESSION_COOKIE}=${session.token}; Path=/; Max-Age=${SESSION_TTL_MS / 1000}; HttpOnly; Secure; SameSite=Lax`,
    });
    res.end();
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const path = url.pathname;
    const isApi = path.startsWith('/api/');
    const isPage = path === '/' || path === '/index.html' || path === '/app.js' || path === '/app.css' || path === '/login';
    if (!isApi && !isPage) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    try {
      if (isApi) await api(path, url.searchParams, req, res);
      else if (path === '/login') await login(url.searchParams, res);
      else await serveAsset(path, res, await assets);
    } catch (error) {
      deps.logger.error({ event: 'dashboard_request_failed', path, err: safeError(error) }, 'dashboard request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal' });
      else res.destroy();
    }
    return true;
  };
}

function serveAsset(path: string, res: ServerResponse, assets: WebAssets): void {
  const [body, type] =
    path === '/app.js'
      ? [assets.js, 'text/javascript; charset=utf-8']
      : path === '/app.css'
        ? [assets.css, 'text/css; charset=utf-8']
        : [assets.html, 'text/html; charset=utf-8'];
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'",
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function badRequest(res: ServerResponse, detail: string): void {
  json(res, 400, { error: 'bad_request', detail });
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
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
