import { z } from 'zod';
import type { RouteRequest } from './routes.js';
import { redeemLoginCode, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.js';

const loginQuerySchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{22}$/) });

/** A one-time login link: a session cookie and the page, once; a used or expired link gets a page saying so. */
export async function login({ deps, assets, query, res }: RouteRequest): Promise<void> {
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
