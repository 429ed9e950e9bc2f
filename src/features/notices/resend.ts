import type { Db, Executor } from '../../db/schema.js';
import { enqueue } from '../../outbox/store.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { deliveryJob, jobKey } from './service.js';

/** Why a failed delivery cannot be sent again: its class has no group, or the bot is no longer in it. */
export type ResendBlock = 'no_group' | 'bot_removed';

export interface FailedDelivery {
  deliveryId: number;
  className: string;
  resends: number;
  /** The class's group now (it may have been bound anew since), if the bot is still in it. */
  chatId: number | null;
  blocked: ResendBlock | null;
}

/** The failed deliveries of a notice and whether each could go out again now. */
export async function failedDeliveries(db: Executor, noticeId: number): Promise<FailedDelivery[]> {
  const rows = await db
    .selectFrom('deliveries as d')
    .innerJoin('classes as k', 'k.id', 'd.class_id')
    .leftJoin('chats as ch', 'ch.class_id', 'd.class_id')
    .select(['d.id', 'd.resends', 'k.name', 'ch.id as chatId', 'ch.active'])
    .where('d.notice_id', '=', noticeId)
    .where('d.state', '=', 'failed')
    .orderBy('k.name')
    .orderBy('d.id')
    .orderBy('ch.active', 'desc')
    .execute();
  const seen = new Set<number>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => {
      const blocked: ResendBlock | null = r.chatId === null ? 'no_group' : r.active ? null : 'bot_removed';
      return { deliveryId: r.id, className: r.name, resends: r.resends, chatId: blocked ? null : r.chatId, blocked };
    });
}

export interface Resent {
  queued: number;
  blocked: Array<{ className: string; reason: ResendBlock }>;
}

/**
 * Queues the failed deliveries of a notice again, each as a new outbox job with a key of its own
 * (`jobKey.send(…, resend)`), to the class's group as it is now. Deliveries whose class has no
 * group or whose group the bot has left are reported, not queued.
 */
export async function resendFailed(db: Db, now: Date, noticeId: number): Promise<Result<Resent, 'not_found' | 'retracted' | 'none_failed'>> {
  return db.transaction().execute(async (trx) => {
    const notice = await trx.selectFrom('notices').select(['id', 'retracted_at']).where('id', '=', noticeId).forUpdate().executeTakeFirst();
    if (!notice) return fail('not_found');
    if (notice.retracted_at) return fail('retracted');
    const failed = await failedDeliveries(trx, noticeId);
    if (failed.length === 0) return fail('none_failed');
    const blocked: Resent['blocked'] = [];
    let queued = 0;
    for (const d of failed) {
      if (d.blocked !== null || d.chatId === null) {
        blocked.push({ className: d.className, reason: d.blocked ?? 'no_group' });
        continue;
      }
      const resend = d.resends + 1;
      await trx.updateTable('deliveries').set({ state: 'pending', failure: null, chat_id: d.chatId, resends: resend }).where('id', '=', d.deliveryId).execute();
      const dedupeKey = jobKey.send(noticeId, d.deliveryId, resend);
      await enqueue(trx, { kind: 'notice.send', dedupeKey, chatId: d.chatId, payload: deliveryJob(d.deliveryId), availableAt: now }, now);
      queued++;
    }
    return ok({ queued, blocked });
  });
}
