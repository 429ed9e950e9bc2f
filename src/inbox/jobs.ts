import { t } from '../i18n/i18n.js';
import { htmlMessageJob } from '../outbox/messages.js';
import type { JobHandler } from '../outbox/dispatcher.js';
import { sendToAsker } from './asker.js';
import { itemById, setItem, settleHandoff } from './queries.js';
import { parseSealKey } from './sealed.js';
import { HANDOFF_JOB } from './service.js';

/**
 * The inbox's outbox jobs. A hand-off that cannot be delivered (the liaison blocked the bot, never
 * pressed Start) is recorded; when none of an item's hand-offs arrived, the item is recorded for
 * the branch and the asker is told so.
 */
export function inboxJobs(config: { inboxKey: string | null }): Record<string, JobHandler> {
  const key = config.inboxKey ? parseSealKey(config.inboxKey) : null;
  return {
    [HANDOFF_JOB]: htmlMessageJob(async (trx, ref, result, { clock, logger }) => {
      const itemId = Number(ref.item);
      const personId = Number(ref.person);
      const now = clock.now();
      const left = await settleHandoff(trx, itemId, personId, result.kind === 'done' ? 'delivered' : 'failed', now);
      if (result.kind === 'done') return;
      logger.warn({ event: 'inbox_handoff_failed', itemId, personId, reason: result.reason }, 'liaison not reached');
      const item = await itemById(trx, itemId, true);
      if (!item || left > 0 || item.routing === 'recorded' || item.state === 'answered' || item.state === 'closed') return;
      await setItem(trx, item.id, now, { routing: 'recorded' });
      logger.info({ event: 'inbox_recorded', itemId, kind: item.kind }, 'no liaison reached; recorded for the branch');
      await sendToAsker(trx, item, { kind: 'asker', render: (lang) => t(lang, 'inbox.undelivered') }, key, `inbox:${item.id}:undelivered`, now);
    }),
  };
}
