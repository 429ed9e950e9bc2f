import { forgetReturnRoutes } from '../../inbox/queries.js';
import { parseSealKey } from '../../inbox/sealed.js';
import type { Schedule } from '../../scheduler/schedule.js';
import { rotateLimits } from './limits.js';
import { digestSchedule } from './overview.js';
import { deliverBatches, hasGatheredBatch } from './queue.js';
import { formatLocalDate } from './time.js';

const DAY_MS = 86_400_000;
/** A way back to a writer is deleted after this long without a message either way. */
export const ROUTE_SILENCE_MS = 30 * DAY_MS;

/**
 * Batches (every minute: classes where three have gathered; at each full hour: everything queued),
 * the daily rotation of the abuse-limit key with the 30-day forgetting of ways back, and the
 * secretaries' weekly digest.
 */
export function feedbackSchedules(config: { inboxKey: string | null }): Schedule[] {
  const key = config.inboxKey ? parseSealKey(config.inboxKey) : null;
  return [
    {
      name: 'feedback.batch_gathered',
      idle: async (db) => !(await hasGatheredBatch(db)),
      tick: async (now, trx, run) => void (await deliverBatches(trx, now, { key, timeZone: run.timeZone, logger: run.logger }, false)),
    },
    {
      name: 'feedback.batch_hourly',
      rule: { kind: 'cron', expression: '0 * * * *' },
      tick: async (now, trx, run) => void (await deliverBatches(trx, now, { key, timeZone: run.timeZone, logger: run.logger }, true)),
    },
    {
      name: 'feedback.daily_rotation',
      rule: { kind: 'cron', expression: '0 0 * * *' },
      async tick(now, trx, run) {
        await rotateLimits(trx, formatLocalDate(now, run.timeZone));
        const forgotten = await forgetReturnRoutes(trx, new Date(now.getTime() - ROUTE_SILENCE_MS));
        run.logger.info({ event: 'feedback_rotated', routesForgotten: forgotten }, 'abuse-limit key rotated');
      },
    },
    digestSchedule(),
  ];
}
