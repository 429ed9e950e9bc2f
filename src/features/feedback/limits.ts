import { createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/schema.js';
import { formatLocalDate } from './time.js';

/**
 * Abuse limits without a trace: a person is counted under HMAC(dayKey, purpose:userId), where the
 * day key is HMAC(configured key, today's random salt). Salt and counts are deleted at each daily
 * rotation, so yesterday's counts cannot be linked to anyone, even by whoever holds the configured
 * key. Without a configured key the salt alone keys the hash (a reader of today's tables could then
 * test a user id against today's counts — see README).
 */
export type LimitPurpose = 'feedback' | 'reply' | 'report';

export const DAILY_LIMITS: Record<LimitPurpose, number> = { feedback: 5, reply: 30, report: 5 };

async function todaysSalt(trx: Executor, day: string): Promise<string> {
  const existing = await trx.selectFrom('feedback_limit_keys').select('salt').where('day', '=', day).executeTakeFirst();
  if (existing) return existing.salt;
  // The first use of a new day rotates, whether or not the scheduled rotation ran yet.
  await rotateLimits(trx, day);
  await trx
    .insertInto('feedback_limit_keys')
    .values({ day, salt: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  return (await trx.selectFrom('feedback_limit_keys').select('salt').where('day', '=', day).executeTakeFirstOrThrow()).salt;
}

/** Empties the counts and forgets every salt but today's. */
export async function rotateLimits(trx: Executor, today: string): Promise<void> {
  await trx.deleteFrom('feedback_limits').execute();
  await trx.deleteFrom('feedback_limit_keys').where('day', '<>', today).execute();
}

async function hashOf(trx: Executor, key: Buffer | null, purpose: LimitPurpose, telegramUserId: number, now: Date, timeZone: string): Promise<string> {
  const salt = await todaysSalt(trx, formatLocalDate(now, timeZone));
  const dayKey = createHmac('sha256', key ?? Buffer.alloc(0))
    .update(salt)
    .digest();
  return createHmac('sha256', dayKey).update(`${purpose}:${telegramUserId}`).digest('base64url');
}

export interface LimitInput {
  key: Buffer | null;
  purpose: LimitPurpose;
  telegramUserId: number;
  now: Date;
  timeZone: string;
}

/** Whether one more is allowed today (nothing written). */
export async function underLimit(trx: Executor, input: LimitInput): Promise<boolean> {
  const hash = await hashOf(trx, input.key, input.purpose, input.telegramUserId, input.now, input.timeZone);
  const row = await trx.selectFrom('feedback_limits').select('count').where('hash', '=', hash).executeTakeFirst();
  return (row?.count ?? 0) < DAILY_LIMITS[input.purpose];
}

/** Counts one more; false (and nothing counted) when today's limit is reached. */
export async function takeLimit(trx: Executor, input: LimitInput): Promise<boolean> {
  const hash = await hashOf(trx, input.key, input.purpose, input.telegramUserId, input.now, input.timeZone);
  const max = DAILY_LIMITS[input.purpose];
  const row = await trx
    .insertInto('feedback_limits')
    .values({ hash, count: 1 })
    .onConflict((oc) =>
      oc
        .column('hash')
        .doUpdateSet((eb) => ({ count: eb(eb.ref('feedback_limits.count'), '+', 1) }))
        .where('feedback_limits.count', '<', max),
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}
