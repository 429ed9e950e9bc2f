import type { Executor } from '../db/schema.js';
import type { JobHandler } from '../outbox/dispatcher.js';
import { htmlMessageJob, type MessagePayload } from '../outbox/messages.js';
import { withLateNote, REMINDER_JOB } from './remind.js';

/** The reason a reminder found stale when its turn came is recorded with. */
export const STALE = 'stale';

const base = htmlMessageJob(async (trx, ref, result, { clock, logger }) => {
  const id = Number(ref.reminder);
  const now = clock.now();
  const stale = result.kind === 'failed' && result.reason === STALE;
  const late = result.kind === 'done' && (Number(ref.late) === 1 || now.getTime() >= Number(ref.lateAt));
  await settleReminder(trx, id, result.kind === 'done' ? 'sent' : stale ? 'dropped' : 'failed', result.kind === 'failed' ? result.reason : null, late, now);
  if (stale) logger.info({ event: 'reminder_dropped', reminderId: id }, 'reminder past its moment when its turn came; dropped');
});

/**
 * Reminders as outbox jobs. The rule is checked again when the dispatcher takes the job, since the
 * dispatcher itself may have been down: past `staleAt` it is not sent (recorded as dropped); past
 * its late moment it gets the late note if it did not have it.
 */
export const reminderJobs: Record<string, JobHandler> = {
  [REMINDER_JOB]: {
    async run(job, ctx) {
      const payload = job.payload as Partial<MessagePayload>;
      const ref = payload.ref ?? {};
      const now = ctx.clock.now().getTime();
      if (now >= Number(ref.staleAt)) return { kind: 'rejected', reason: STALE };
      if (Number(ref.late) !== 1 && now >= Number(ref.lateAt) && job.telegramChatId !== null) {
        const person = await ctx.db.selectFrom('people').select('language').where('telegram_user_id', '=', job.telegramChatId).executeTakeFirst();
        const late = withLateNote({ html: String(payload.html ?? '') }, person?.language ?? 'zh');
        return base.run({ ...job, payload: { ...payload, html: late.html } }, ctx);
      }
      return base.run(job, ctx);
    },
    settle: (trx, job, result, ctx) => base.settle!(trx, job, result, ctx),
  },
};

async function settleReminder(trx: Executor, id: number, state: 'sent' | 'failed' | 'dropped', reason: string | null, late: boolean, now: Date) {
  await trx.updateTable('reminders').set({ state, reason, late, settled_at: now }).where('id', '=', id).where('state', '=', 'queued').execute();
}
