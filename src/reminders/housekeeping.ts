import type { Schedule } from '../scheduler/schedule.js';

const DAY_MS = 86_400_000;

/** Daily: forgets ledger rows older than `retentionMs` (default 90 days), 500 per transaction. */
export function remindersHousekeeping(retentionMs = 90 * DAY_MS, batch = 500): Schedule {
  return {
    name: 'reminders.housekeeping',
    rule: { kind: 'cron', expression: '17 4 * * *' },
    async tick(now, trx) {
      const before = new Date(now.getTime() - retentionMs);
      const result = await trx
        .deleteFrom('reminders')
        .where('id', 'in', (eb) => eb.selectFrom('reminders').select('id').where('created_at', '<', before).limit(batch))
        .executeTakeFirst();
      return Number(result.numDeletedRows) === batch ? 'more' : undefined;
    },
  };
}
