import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/schema.js';
import type { Logger } from '../../logging/logger.js';
import type { Clock } from '../../shared/clock.js';
import type { WebAssets } from './assets.js';
import { authenticate } from './auth.js';
import { chartsFor } from './charts.js';
import { classPage } from './class-page.js';
import { downloadByToken, downloadLink } from './download-routes.js';
import { filterSchema } from './filter.js';
import { login } from './login-route.js';
import { filteredOverview, overviewXlsx } from './overview.js';
import { badRequest, json, sendXlsx, serveAsset } from './responses.js';
import { mayOpenClass, type Viewer } from './viewer.js';

export interface DashboardDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'botToken' | 'timeZone'> & { web: Pick<Config['web'], 'appUrl'> };
}

/** One request as a route sees it: the query as an object (a parameter given twice is refused before), the clock read once. */
export interface RouteRequest {
  deps: DashboardDeps;
  assets: Promise<WebAssets>;
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  now: Date;
  today: string;
}

export interface ViewerRequest extends RouteRequest {
  viewer: Viewer;
}

/** GET routes answer HEAD too. `viewer`: the route needs a signed-in secretary or liaison (401/403 before it runs otherwise). */
export type Route =
  { method: 'GET' | 'POST'; viewer: true; handle(r: ViewerRequest): Promise<void> } | { method: 'GET'; viewer: false; handle(r: RouteRequest): Promise<void> };

const classQuerySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'must be a class id')
    .transform(Number),
});
const emptyQuerySchema = z.strictObject({});

async function me({ res, params, viewer }: ViewerRequest): Promise<void> {
  if (!emptyQuerySchema.safeParse(params).success) return badRequest(res, 'no query parameters expected');
  json(res, 200, { name: viewer.name, language: viewer.language, secretary: viewer.scope.kind === 'branch', classes: viewer.classIds.length });
}

async function overview({ deps, res, params, viewer, now }: ViewerRequest): Promise<void> {
  const filter = filterSchema.safeParse(params);
  if (!filter.success) return badRequest(res, 'expected tag and q of 1-64 characters, or none');
  json(res, 200, await filteredOverview(deps.db, viewer, filter.data, now, deps.config.timeZone));
}

async function overviewSpreadsheet({ deps, res, params, viewer, now }: ViewerRequest): Promise<void> {
  const filter = filterSchema.safeParse(params);
  if (!filter.success) return badRequest(res, 'expected tag and q of 1-64 characters, or none');
  sendXlsx(res, await overviewXlsx(deps.db, viewer, filter.data, now, deps.config.timeZone));
}

async function charts({ deps, res, params, viewer, now, today }: ViewerRequest): Promise<void> {
  if (!emptyQuerySchema.safeParse(params).success) return badRequest(res, 'no query parameters expected');
  json(res, 200, await chartsFor(deps.db, viewer.classIds, now, today, deps.config.timeZone));
}

async function oneClass({ deps, res, params, viewer, now, today }: ViewerRequest): Promise<void> {
  const parsed = classQuerySchema.safeParse(params);
  if (!parsed.success) return badRequest(res, 'expected id=<class id>');
  if (!mayOpenClass(viewer, parsed.data.id)) return json(res, 403, { error: 'not_your_class' });
  const page = await classPage(deps.db, parsed.data.id, viewer.roles, now, today);
  return page ? json(res, 200, page) : json(res, 404, { error: 'not_found' });
}

const asset: Route = { method: 'GET', viewer: false, handle: async (r) => serveAsset(r.path, r.res, await r.assets) };

/** Every path the dashboard answers; anything else is not its (the webhook server answers 404). */
export const routes: Readonly<Record<string, Route>> = {
  '/': asset,
  '/index.html': asset,
  '/app.js': asset,
  '/app.css': asset,
  '/login': { method: 'GET', viewer: false, handle: login },
  '/api/me': { method: 'GET', viewer: true, handle: me },
  '/api/overview': { method: 'GET', viewer: true, handle: overview },
  '/api/overview.xlsx': { method: 'GET', viewer: true, handle: overviewSpreadsheet },
  '/api/overview.xlsx/link': { method: 'POST', viewer: true, handle: downloadLink },
  '/api/download': { method: 'GET', viewer: false, handle: downloadByToken },
  '/api/charts': { method: 'GET', viewer: true, handle: charts },
  '/api/class': { method: 'GET', viewer: true, handle: oneClass },
};

/** An unknown /api/ path: 404, after the credentials are checked (a stranger learns nothing from it). */
export const unknownApiRoute: Route = { method: 'GET', viewer: true, handle: async ({ res }) => json(res, 404, { error: 'not_found' }) };

export async function runRoute(route: Route, r: RouteRequest): Promise<void> {
  if (!route.viewer) return route.handle(r);
  const auth = await authenticate(r.deps, r.req);
  if (!auth.ok) return json(r.res, auth.status, { error: auth.error });
  if (r.query.size !== Object.keys(r.params).length) return json(r.res, 400, { error: 'bad_request', detail: 'a query parameter is given twice' });
  return route.handle({ ...r, viewer: auth.viewer });
}
