import type { Executor } from '../../db/schema.js';
import type { Schedule } from '../../scheduler/schedule.js';
import { FAQ_ITEM } from './tables.js';

const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_DAYS = 180;

/**
 * Daily: classmates' questions older than the retention time are deleted with what hangs on them —
 * their liaison-inbox items (the thread of answers, the hand-offs) — and so are proposals nobody
 * decided on or that were turned down (example questions, liaisons' entries). Approved examples and
 * published entries are knowledge-base content and stay. A batch per transaction.
 */
export function retentionSchedule(retentionDays: number, batchSize = 500): Schedule {
  return {
    name: 'faq.retention',
    rule: { kind: 'cron', expression: '30 3 * * *' },
    async tick(now, trx) {
      const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
      const counts = await forgetOldQuestions(trx, cutoff, batchSize);
      return Object.values(counts).some((n) => n === batchSize) ? 'more' : undefined;
    },
  };
}

export async function forgetOldQuestions(db: Executor, before: Date, limit: number): Promise<{ questions: number; examples: number; entries: number }> {
  const old = await db.selectFrom('faq_questions').select('id').where('created_at', '<', before).orderBy('id').limit(limit).execute();
  const ids = old.map((r) => r.id);
  if (ids.length > 0) {
    // inbox_handoffs, inbox_messages and inbox_return_routes go with their item (on delete cascade)
    await db.deleteFrom('inbox_items').where('kind', '=', FAQ_ITEM).where('client_ref', 'in', ids).execute();
    await db.deleteFrom('faq_questions').where('id', 'in', ids).execute();
  }
  const examples = await db
    .deleteFrom('faq_examples')
    .where('id', 'in', (eb) =>
      eb.selectFrom('faq_examples').select('id').where('state', 'in', ['pending', 'rejected']).where('created_at', '<', before).limit(limit),
    )
    .executeTakeFirst();
  const entries = await db
    .deleteFrom('faq_branch_entries')
    .where('id', 'in', (eb) => eb.selectFrom('faq_branch_entries').select('id').where('state', '=', 'pending').where('created_at', '<', before).limit(limit))
    .executeTakeFirst();
  return { questions: ids.length, examples: Number(examples.numDeletedRows), entries: Number(entries.numDeletedRows) };
}
