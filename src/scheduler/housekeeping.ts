import type { Executor } from '../db/schema.js';
import type { Schedule } from './schedule.js';

const DAY_MS = 86_400_000;

export interface HousekeepingOptions {
  /** How long an update id is remembered against Telegram's redeliveries (default 7 days). */
  updateRetentionMs?: number;
  /** How long finished outbox rows (done, failed, cancelled) are kept (default 30 days). */
  outboxRetentionMs?: number;
  /** Rows deleted per table per transaction (default 500). */
  batchSize?: number;
}

/** Hourly: forgets old update ids and finished outbox rows, a small batch per transaction. */
export function housekeepingSchedule(options: HousekeepingOptions = {}): Schedule {
  const updateRetentionMs = options.updateRetentionMs ?? 7 * DAY_MS;
  const outboxRetentionMs = options.outboxRetentionMs ?? 30 * DAY_MS;
  const batch = options.batchSize ?? 500;
  return {
    name: 'core.housekeeping',
    rule: { kind: 'cron', expression: '0 * * * *' },
    async tick(now, trx) {
      const updates = await trimProcessedUpdates(trx, new Date(now.getTime() - updateRetentionMs), batch);
      const outbox = await trimFinishedOutbox(trx, new Date(now.getTime() - outboxRetentionMs), batch);
      return updates === batch || outbox === batch ? 'more' : undefined;
    },
  };
}

export async function trimProcessedUpdates(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('processed_updates')
    .where('update_id', 'in', (eb) => eb.selectFrom('processed_updates').select('update_id').where('processed_at', '<', before).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Finished rows only; a row cancelled without a finish time counts from when it was due. */
export async function trimFinishedOutbox(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('state', 'in', ['done', 'failed', 'cancelled'])
        .where((e) => e.fn.coalesce('done_at', 'available_at'), '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
