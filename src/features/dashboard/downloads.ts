import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/schema.js';
import type { Language } from '../../i18n/language.js';
import { hashOneTimeCode } from '../../shared/one-time-code.js';
import type { OverviewFilter } from './overview.js';

/**
 * One-off download addresses for Telegram.WebApp.downloadFile (Telegram's phone webviews cannot save
 * a blob): the Telegram client fetches the address itself, without the page's initData, so the token
 * in it is the credential. Only its hash is stored; it serves once, within five minutes, the file of
 * the person it was made for.
 */
export const DOWNLOAD_TTL_MS = 5 * 60_000;
export const DOWNLOAD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface DownloadRequest {
  personId: number;
  filter: OverviewFilter;
  language: Language;
}

export async function createDownloadToken(db: Executor, request: DownloadRequest, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + DOWNLOAD_TTL_MS);
  await db
    .insertInto('dashboard_downloads')
    .values({
      token_hash: hashOneTimeCode(token),
      person_id: request.personId,
      tag: request.filter.tag ?? null,
      q: request.filter.q ?? null,
      language: request.language,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

export type DownloadCheck = { ok: true; request: DownloadRequest } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** What a token is for, without spending it (a HEAD, or before checking who is asking). */
export async function peekDownloadToken(db: Executor, token: string, now: Date): Promise<DownloadCheck> {
  const row = await db
    .selectFrom('dashboard_downloads')
    .where('token_hash', '=', hashOneTimeCode(token))
    .select(['person_id', 'tag', 'q', 'language', 'expires_at', 'used_at'])
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at !== null) return { ok: false, reason: 'used' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired' };
  return { ok: true, request: { personId: row.person_id, filter: { tag: row.tag ?? undefined, q: row.q ?? undefined }, language: row.language } };
}

/** Spends the token in one statement: two fetches at once get one file. False when it was spent or has expired meanwhile. */
export async function spendDownloadToken(db: Executor, token: string, now: Date): Promise<boolean> {
  const spent = await db
    .updateTable('dashboard_downloads')
    .set({ used_at: now })
    .where('token_hash', '=', hashOneTimeCode(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(spent.numUpdatedRows) === 1;
}
