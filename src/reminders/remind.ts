import type { Executor } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import type { Logger } from '../logging/logger.js';
import { cancelJobs } from '../outbox/store.js';
import { personDedupeKey, sendToPerson, type Rendered } from '../outbox/messages.js';
import { t } from '../i18n/i18n.js';
import { afterQuietHours } from './quiet.js';
import type { QuietHours } from './settings.js';

/** The outbox job kind of reminders (src/reminders/jobs.ts): checks staleness and lateness again when sent. */
export const REMINDER_JOB = 'reminder.message';

/** A reminder written this long after its moment says it is late. */
export const DEFAULT_LATE_AFTER_MS = 10 * 60_000;

export interface ReminderSpec {
  /** Who asks: 'meeting', 'deadline', … (part of the key). */
  kind: string;
  subjectId: number;
  occurrence: Date;
  /** Which reminder of the occurrence: '24h', '1h', 'escalation', 'overdue:2026-12-04'; include a revision if the subject can change. */
  slot: string;
  personId: number;
  /** When it is meant to go. */
  dueAt: Date;
  /** From then on it is useless (the meeting has begun): dropped and recorded instead of sent. */
  staleAt: Date;
  quietHours: QuietHours | null;
  timeZone: string;
  /** The message in the person's language; the late note is added by the core when it goes out late. */
  render: (language: Language) => Rendered | string;
  lateAfterMs?: number;
}

export type ReminderOutcome =
  /** Queued on time (maybe held until quiet hours end). */
  | 'queued'
  /** Queued after its moment (downtime): it carries the late note. */
  | 'queued_late'
  /** Its moment has passed (or quiet hours last past it): recorded as dropped, nothing sent. */
  | 'dropped'
  /** This reminder was written before (another process, a repeated tick): nothing done. */
  | 'exists';

/** `<kind>:<subject>:<occurrence>:<slot>:<person>`, unique in the ledger. */
export const reminderKey = (s: Pick<ReminderSpec, 'kind' | 'subjectId' | 'occurrence' | 'slot' | 'personId'>) =>
  `${s.kind}:${s.subjectId}:${s.occurrence.toISOString()}:${s.slot}:${s.personId}`;

/**
 * Writes one reminder to a person, exactly once: a ledger row with a unique key and, in the same
 * transaction, its outbox row (`sendToPerson`, dedupe key `reminder:<key>`) not before the end of
 * the branch's quiet hours. Late (written more than `lateAfterMs` after its moment) it is sent with
 * a note saying so; when it could only go out at or after `staleAt`, it is dropped and recorded.
 */
export async function writeReminder(trx: Executor, spec: ReminderSpec, now: Date, logger?: Logger): Promise<ReminderOutcome> {
  const key = reminderKey(spec);
  const sendAt = afterQuietHours(new Date(Math.max(spec.dueAt.getTime(), now.getTime())), spec.quietHours, spec.timeZone);
  const stale = sendAt.getTime() >= spec.staleAt.getTime();
  const late = !stale && now.getTime() - spec.dueAt.getTime() > (spec.lateAfterMs ?? DEFAULT_LATE_AFTER_MS);
  const outboxKey = stale ? null : personDedupeKey(spec.personId, `reminder:${key}`);
  const row = await trx
    .insertInto('reminders')
    .values({
      key,
      kind: spec.kind,
      subject_id: spec.subjectId,
      occurrence: spec.occurrence,
      slot: spec.slot,
      person_id: spec.personId,
      due_at: spec.dueAt,
      send_at: sendAt,
      stale_at: spec.staleAt,
      outbox_key: outboxKey,
      state: stale ? 'dropped' : 'queued',
      late,
      reason: stale ? 'stale' : null,
      created_at: now,
      settled_at: stale ? now : null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return 'exists';
  if (stale) {
    logger?.info(
      { event: 'reminder_dropped', reminderId: row.id, kind: spec.kind, subjectId: spec.subjectId, slot: spec.slot },
      'reminder past its moment; dropped',
    );
    return 'dropped';
  }
  const ref = {
    reminder: row.id,
    staleAt: spec.staleAt.getTime(),
    lateAt: sendAt.getTime() + (spec.lateAfterMs ?? DEFAULT_LATE_AFTER_MS),
    late: late ? 1 : 0,
  };
  const render = late ? (language: Language) => withLateNote(spec.render(language), language) : spec.render;
  const queued = await sendToPerson(trx, spec.personId, render, { dedupeKey: `reminder:${key}`, now, availableAt: sendAt, kind: REMINDER_JOB, ref });
  if (!queued) {
    // The person is gone (deleted) or the outbox already had this key: nothing will be sent.
    await trx.updateTable('reminders').set({ state: 'failed', reason: 'not queued', settled_at: now }).where('id', '=', row.id).execute();
    return 'exists';
  }
  return late ? 'queued_late' : 'queued';
}

export interface SubjectFilter {
  kind: string;
  subjectId: number;
  /** Only this occurrence; default every occurrence. */
  occurrence?: Date;
  /** Only occurrences after this moment (those still to come). */
  after?: Date;
}

/**
 * Cancels the reminders of a subject that have not gone out, and says who already got one (sent,
 * or under way so it cannot be taken back): the people to tell about an edit or a cancellation.
 */
export async function cancelReminders(trx: Executor, filter: SubjectFilter, now: Date): Promise<{ cancelled: number; reminded: number[] }> {
  let query = trx
    .selectFrom('reminders')
    .select(['id', 'outbox_key', 'state', 'person_id'])
    .where('kind', '=', filter.kind)
    .where('subject_id', '=', filter.subjectId);
  if (filter.occurrence) query = query.where('occurrence', '=', filter.occurrence);
  if (filter.after) query = query.where('occurrence', '>', filter.after);
  const rows = await query.where('state', 'in', ['queued', 'sent']).forUpdate().execute();
  const reminded = new Set<number>();
  let cancelled = 0;
  for (const row of rows) {
    if (row.state === 'queued' && row.outbox_key && (await cancelJobs(trx, [row.outbox_key], now)) === 1) {
      await trx.updateTable('reminders').set({ state: 'cancelled', settled_at: now }).where('id', '=', row.id).execute();
      cancelled++;
    } else {
      reminded.add(row.person_id);
    }
  }
  return { cancelled, reminded: [...reminded].sort((a, b) => a - b) };
}

/** The ledger rows of a subject (for details views and tests). */
export async function remindersOf(db: Executor, filter: SubjectFilter) {
  let query = db.selectFrom('reminders').selectAll().where('kind', '=', filter.kind).where('subject_id', '=', filter.subjectId);
  if (filter.occurrence) query = query.where('occurrence', '=', filter.occurrence);
  return query.orderBy('due_at').orderBy('person_id').execute();
}

/** The message with the late note above it. */
export function withLateNote(message: Rendered | string, language: Language): Rendered {
  const r = typeof message === 'string' ? { html: message } : message;
  return { ...r, html: `${t(language, 'reminders.late')}\n${r.html}` };
}
