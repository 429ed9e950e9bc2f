import type { IncomingMessage } from 'node:http';
import type { Db } from '../../db/schema.js';
import type { Logger } from '../../logging/logger.js';
import type { Clock } from '../../shared/clock.js';
import { validateInitData } from './init-data.js';
import { cookieOf } from './responses.js';
import { SESSION_COOKIE, sessionPerson } from './sessions.js';
import { viewerByPersonId, viewerByTelegramId, type Viewer, type ViewerResult } from './viewer.js';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: { botToken: string };
}

export type Auth = { ok: true; viewer: Viewer } | { ok: false; status: 401 | 403; error: string };

/** Who a request says it is: Telegram's initData (`Authorization: tma …`), else a session cookie from a login link. */
type Identity =
  | { kind: 'none' }
  | { kind: 'refused'; error: 'expired' | 'unauthorized' }
  | { kind: 'telegram'; telegramUserId: number; languageCode: string | undefined }
  | { kind: 'session'; personId: number };

async function identify(deps: AuthDeps, req: IncomingMessage): Promise<Identity> {
  const header = req.headers.authorization;
  if (header?.startsWith('tma ')) {
    const checked = validateInitData(header.slice(4), deps.config.botToken, deps.clock.now());
    if (!checked.ok) {
      deps.logger.info({ event: 'dashboard_init_data_refused', reason: checked.reason }, 'dashboard: initData refused');
      return { kind: 'refused', error: checked.reason === 'expired' ? 'expired' : 'unauthorized' };
    }
    return { kind: 'telegram', telegramUserId: checked.user.id, languageCode: checked.user.language_code };
  }
  const token = cookieOf(req, SESSION_COOKIE);
  if (token) {
    const personId = await sessionPerson(deps.db, token, deps.clock.now());
    if (personId !== null) return { kind: 'session', personId };
  }
  return { kind: 'none' };
}

const asAuth = (result: ViewerResult): Auth => (result.ok ? result : { ok: false, status: 403, error: 'not_for_you' });

export async function authenticate(deps: AuthDeps, req: IncomingMessage): Promise<Auth> {
  const identity = await identify(deps, req);
  switch (identity.kind) {
    case 'telegram':
      return asAuth(await viewerByTelegramId(deps.db, identity.telegramUserId, identity.languageCode));
    case 'session':
      return asAuth(await viewerByPersonId(deps.db, identity.personId));
    case 'refused':
      return { ok: false, status: 401, error: identity.error };
    case 'none':
      return { ok: false, status: 401, error: 'unauthorized' };
  }
}

/**
 * The person a request's own credentials name: 'anonymous' when it carries none that hold (the
 * Telegram client fetching a download address sends none), null for someone the bot does not know.
 */
export async function requesterPersonId(deps: AuthDeps, req: IncomingMessage): Promise<number | null | 'anonymous'> {
  const identity = await identify(deps, req);
  if (identity.kind === 'session') return identity.personId;
  if (identity.kind !== 'telegram') return 'anonymous';
  const person = await deps.db.selectFrom('people').where('telegram_user_id', '=', identity.telegramUserId).select('id').executeTakeFirst();
  return person?.id ?? null;
}
