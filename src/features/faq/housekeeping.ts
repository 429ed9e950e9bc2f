import type { Executor } from '../../db/schema.js';
import type { Schedule } from '../../scheduler/schedule.js';
import { FAQ_ITEM } from './tables.js';

const DAY_MS = 86_400_000;

export interface FaqHousekeepingOptions {
  /** How long a question the bot answered itself is kept (default 30 days). */
  retentionMs?: number;
  /** Rows deleted per transaction (default 500). */
  batchSize?: number;
}

/**
 * Daily: forgets the questions the bot settled itself (an answer, or "did you mean" buttons) once
 * they are 30 days old. Every question asked is a row with the asker's own words; these are needed
 * only while their buttons ("that didn't help", a suggestion) may still be pressed, and a button
 * pressed later gets the polite "no longer valid" answer. Questions handed to the liaisons (routed,
 * recorded, resolved) are the liaison inbox's history and stay.
 */
export function faqHousekeepingSchedule(options: FaqHousekeepingOptions = {}): Schedule {
  const retentionMs = options.retentionMs ?? 30 * DAY_MS;
  const batch = options.batchSize ?? 500;
  return {
    name: 'faq.housekeeping',
    rule: { kind: 'cron', expression: '40 3 * * *' },
    async tick(now, trx) {
      const deleted = await forgetSettledQuestions(trx, new Date(now.getTime() - retentionMs), batch);
      return deleted === batch ? 'more' : undefined;
    },
  };
}

export async function forgetSettledQuestions(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('faq_questions')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('faq_questions as q')
        .select('q.id')
        .where('q.status', 'in', ['answered', 'suggested'])
        .where('q.updated_at', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('inbox_items as i').select('i.id').where('i.kind', '=', FAQ_ITEM).whereRef('i.client_ref', '=', 'q.id'))),
        )
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
