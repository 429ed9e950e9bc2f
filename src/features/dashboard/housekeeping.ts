import type { Executor } from '../../db/schema.js';
import type { Schedule } from '../../scheduler/schedule.js';

/** Rows deleted per table per transaction. */
const BATCH = 500;

/**
 * Every quarter of an hour: deletes the login codes, browser sessions and download tokens whose time
 * is up (used or not). Nothing is kept past its expiry: only hashes are stored, but a table of dead
 * credentials has no use.
 */
export function dashboardHousekeepingSchedule(batchSize = BATCH): Schedule {
  return {
    name: 'dashboard.housekeeping',
    rule: { kind: 'cron', expression: '*/15 * * * *' },
    async tick(now, trx) {
      const deleted = await deleteExpiredCredentials(trx, now, batchSize);
      return deleted.some((n) => n === batchSize) ? 'more' : undefined;
    },
  };
}

/** Deleted rows of each table: login codes, sessions, download tokens. */
export async function deleteExpiredCredentials(db: Executor, now: Date, limit: number): Promise<[number, number, number]> {
  const codes = await db
    .deleteFrom('dashboard_login_codes')
    .where('code_hash', 'in', (eb) => eb.selectFrom('dashboard_login_codes').select('code_hash').where('expires_at', '<=', now).limit(limit))
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('dashboard_sessions')
    .where('token_hash', 'in', (eb) => eb.selectFrom('dashboard_sessions').select('token_hash').where('expires_at', '<=', now).limit(limit))
    .executeTakeFirst();
  const downloads = await db
    .deleteFrom('dashboard_downloads')
    .where('token_hash', 'in', (eb) => eb.selectFrom('dashboard_downloads').select('token_hash').where('expires_at', '<=', now).limit(limit))
    .executeTakeFirst();
  return [Number(codes.numDeletedRows), Number(sessions.numDeletedRows), Number(downloads.numDeletedRows)];
}
