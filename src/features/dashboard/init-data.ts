import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Telegram Mini App `initData`, checked as Telegram documents it ("Validating data received via the
 * Mini App"): every field but `hash` (and `signature`, which is for third parties and is itself part of
 * the checked string when present) sorted by key as `key=value` lines joined by "\n"; the hash is
 * HMAC-SHA256 of that string with the key HMAC-SHA256(bot_token) keyed by "WebAppData". The answer
 * compares in constant time, and `auth_date` must be at most `maxAgeSeconds` old.
 */
export const INIT_DATA_MAX_AGE_SECONDS = 3600;

const userSchema = z.looseObject({
  id: z.number().int().positive(),
  first_name: z.string().max(256).default(''),
  last_name: z.string().max(256).optional(),
  username: z.string().max(64).optional(),
  language_code: z.string().max(35).optional(),
});

export type InitDataUser = z.infer<typeof userSchema>;

export type InitDataResult = { ok: true; user: InitDataUser; authDate: Date } | { ok: false; reason: 'malformed' | 'bad_hash' | 'expired' | 'no_user' };

export function initDataSecret(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

function checkString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

export function validateInitData(raw: string, botToken: string, now: Date, maxAgeSeconds = INIT_DATA_MAX_AGE_SECONDS): InitDataResult {
  if (raw.length === 0 || raw.length > 8192) return { ok: false, reason: 'malformed' };
  const params = new URLSearchParams(raw);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash) || params.getAll('hash').length !== 1) return { ok: false, reason: 'malformed' };
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', initDataSecret(botToken)).update(checkString(params)).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return { ok: false, reason: 'bad_hash' };
  const authDate = Number(params.get('auth_date'));
  if (!Number.isInteger(authDate) || authDate <= 0) return { ok: false, reason: 'malformed' };
  const age = now.getTime() / 1000 - authDate;
  // a little slack for a clock ahead of ours, none for data older than the limit
  if (age > maxAgeSeconds || age < -60) return { ok: false, reason: 'expired' };
  const userJson = params.get('user');
  if (!userJson) return { ok: false, reason: 'no_user' };
  let user;
  try {
    user = userSchema.safeParse(JSON.parse(userJson));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!user.success) return { ok: false, reason: 'malformed' };
  return { ok: true, user: user.data, authDate: new Date(authDate * 1000) };
}

/** Signs fields the way Telegram does (tests, the bench and the browser tests make initData with it). */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const params = new URLSearchParams(fields);
  params.delete('hash');
  const hash = createHmac('sha256', initDataSecret(botToken)).update(checkString(params)).digest('hex');
  params.set('hash', hash);
  return params.toString();
}
