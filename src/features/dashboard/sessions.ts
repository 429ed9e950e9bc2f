import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/schema.js';
import { hashOneTimeCode, newOneTimeCode } from '../../shared/one-time-code.js';

/** A login link works once, within 10 minutes; the browser session it opens lasts a working day. */
export const LOGIN_CODE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 12 * 3600_000;
export const SESSION_COOKIE = 'dashboard_session';

export async function createLoginCode(db: Executor, personId: number, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const code = newOneTimeCode();
  const expiresAt = new Date(now.getTime() + LOGIN_CODE_TTL_MS);
  await db
    .insertInto('dashboard_login_codes')
    .values({ code_hash: hashOneTimeCode(code), person_id: personId, created_at: now, expires_at: expiresAt })
    .execute();
  return { code, expiresAt };
}

/**
 * Spends a login code and opens a session in one statement each, in one transaction: a code used
 * twice (a replayed link, two tabs at once) opens one session, the second gets null.
 */
export async function redeemLoginCode(db: Executor, code: string, now: Date): Promise<{ token: string; personId: number; expiresAt: Date } | null> {
  const used = await db
    .updateTable('dashboard_login_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hashOneTimeCode(code))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('person_id')
    .executeTakeFirst();
  if (!used) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('dashboard_sessions')
    .values({ token_hash: hashOneTimeCode(token), person_id: used.person_id, created_at: now, expires_at: expiresAt })
    .execute();
  return { token, personId: used.person_id, expiresAt };
}

export async function sessionPerson(db: Executor, token: string, now: Date): Promise<number | null> {
  const row = await db
    .selectFrom('dashboard_sessions')
    .where('token_hash', '=', hashOneTimeCode(token))
    .where('expires_at', '>', now)
    .select('person_id')
    .executeTakeFirst();
  return row?.person_id ?? null;
}
