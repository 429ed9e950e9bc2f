import { z } from 'zod';
import type { Executor } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { hashOneTimeCode, newOneTimeCode, ONE_TIME_CODE_PATTERN } from '../../shared/one-time-code.js';

export const BIND_PREFIX = 'bind_';
export const BIND_CODE_LIFETIME_DAYS = 7;

export const bindPayloadSchema = z
  .string()
  .regex(new RegExp(`^${BIND_PREFIX}${ONE_TIME_CODE_PATTERN}$`))
  .transform((payload) => payload.slice(BIND_PREFIX.length));

/** Telegram's "add to group" deep link: the user picks a group, the bot joins it and gets `/start <payload>`. */
export function bindLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?startgroup=${BIND_PREFIX}${code}`;
}

export async function createBindCode(db: Executor, clock: Clock, input: { classId: number; createdBy: number | null; canMove: boolean }): Promise<string> {
  const code = newOneTimeCode();
  const now = clock.now();
  await db
    .insertInto('bind_codes')
    .values({
      code_hash: hashOneTimeCode(code),
      class_id: input.classId,
      created_by: input.createdBy,
      can_move: input.canMove,
      created_at: now,
      expires_at: new Date(now.getTime() + BIND_CODE_LIFETIME_DAYS * 24 * 3600 * 1000),
    })
    .execute();
  return code;
}

/** The code's row, locked, if it can still be used. */
export async function lockUsableBindCode(trx: Executor, code: string, now: Date) {
  const row = await trx.selectFrom('bind_codes').selectAll().where('code_hash', '=', hashOneTimeCode(code)).forUpdate().executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at.getTime() <= now.getTime()) return null;
  return row;
}
