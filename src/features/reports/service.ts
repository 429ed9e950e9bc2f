import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { Language } from '../../i18n/language.js';
import { sendToPerson } from '../../outbox/messages.js';
import { cancelReminders } from '../../reminders/remind.js';
import { localDate } from '../../scheduler/recurrence.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { figureFields, textFields, type ReportField } from './fields.js';
import { liaisonsOf, reportView, type ReportView } from './queries.js';
import { nextDue, type DeadlineRule } from './rule.js';
import type { ReportDeadline } from './tables.js';

/** The reminders ledger's kind for a liaison's reminder about one class report (subject: the report). */
export const REPORT_REMINDER = 'report';

export type EditError = 'not_found' | 'reviewed';

/** Saves one answer as it is given (the dialogue keeps no copy). A reviewed report is closed. */
export async function saveField(
  db: Executor,
  reportId: number,
  field: ReportField,
  value: number | string,
  personId: number,
  now: Date,
): Promise<Result<void, EditError>> {
  const updated = await db
    .updateTable('class_reports')
    .set({ [field]: value, updated_at: now, updated_by: personId })
    .where('id', '=', reportId)
    .where('state', '<>', 'reviewed')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return ok(undefined);
  const exists = await db.selectFrom('class_reports').select('id').where('id', '=', reportId).executeTakeFirst();
  return fail(exists ? 'reviewed' : 'not_found');
}

/** The fields still unanswered (a submit needs every figure and every written part; "none" counts as an answer). */
export function missingFields(report: Pick<ReportView, ReportField>): ReportField[] {
  return [...figureFields, ...textFields].filter((f) => report[f] === null);
}

export interface Submitted {
  report: ReportView;
  /** true: this was a change to a report already submitted. */
  amended: boolean;
  late: boolean;
}

/**
 * Submit (or submit again after a change): marked late when the first submission comes after the
 * due time; the class's other liaisons are told through the outbox (once per submission).
 */
export async function submitReport(
  trx: Executor,
  reportId: number,
  submitter: { id: number; name: string },
  now: Date,
  render: (language: Language, report: ReportView, amended: boolean) => string,
): Promise<Result<Submitted, EditError | 'incomplete'>> {
  const locked = await trx.selectFrom('class_reports').select(['id', 'state']).where('id', '=', reportId).forUpdate().executeTakeFirst();
  if (!locked) return fail('not_found');
  if (locked.state === 'reviewed') return fail('reviewed');
  const before = (await reportView(trx, reportId))!;
  if (missingFields(before).length > 0) return fail('incomplete');
  const amended = before.state === 'submitted';
  const late = amended ? before.late : now.getTime() > before.dueAt.getTime();
  await trx
    .updateTable('class_reports')
    .set((eb) => ({
      state: 'submitted',
      submitted_at: amended ? before.submitted_at : now,
      submitted_by: amended ? before.submitted_by : submitter.id,
      submissions: eb('submissions', '+', 1),
      late,
      updated_at: now,
      updated_by: submitter.id,
    }))
    .where('id', '=', reportId)
    .execute();
  const report = (await reportView(trx, reportId))!;
  // Reminders written but held (quiet hours) have nothing left to remind of.
  await cancelReminders(trx, { kind: REPORT_REMINDER, subjectId: reportId }, now);
  for (const personId of await liaisonsOf(trx, report.class_id)) {
    if (personId === submitter.id) continue;
    await sendToPerson(trx, personId, (language) => render(language, report, amended), {
      dedupeKey: `report:${reportId}:submitted:${report.submissions}`,
      now,
    });
  }
  return ok({ report, amended, late });
}

/** The secretary has read it: from now on the liaisons cannot change it. */
export async function markReviewed(
  db: Executor,
  reportId: number,
  branchId: number,
  personId: number,
  now: Date,
): Promise<Result<void, 'not_found' | 'not_submitted' | 'already'>> {
  const report = await reportView(db, reportId);
  if (!report || report.branchId !== branchId) return fail('not_found');
  if (report.state === 'reviewed') return fail('already');
  if (report.state !== 'submitted') return fail('not_submitted');
  const updated = await db
    .updateTable('class_reports')
    .set({ state: 'reviewed', reviewed_at: now, reviewed_by: personId })
    .where('id', '=', reportId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? ok(undefined) : fail('already');
}

/** YYYY-MM of an instant in the branch time zone. */
export function periodOf(instant: Date, timeZone: string): string {
  const { year, month } = localDate(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The classes a deadline covers right now: all of the branch, or those with its tag. */
export function coveredClasses(db: Executor, branchId: number, tag: string | null) {
  let query = db.selectFrom('classes').select(['id', 'name']).where('branch_id', '=', branchId);
  if (tag !== null) query = query.where(sql<boolean>`${tag} = any(tags)`);
  return query.orderBy('name');
}

/**
 * Opens the occurrence due at `dueAt`: one row per (deadline, due time), and one report per covered
 * class. Repeating it (two processes, a retried tick) adds nothing.
 */
export async function openOccurrence(
  trx: Executor,
  deadline: Pick<ReportDeadline, 'id' | 'branch_id' | 'tag'>,
  dueAt: Date,
  now: Date,
  timeZone: string,
): Promise<number | null> {
  const inserted = await trx
    .insertInto('report_occurrences')
    .values({ deadline_id: deadline.id, due_at: dueAt, period: periodOf(dueAt, timeZone), opened_at: now })
    .onConflict((oc) => oc.columns(['deadline_id', 'due_at']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await trx
    .insertInto('class_reports')
    .columns(['occurrence_id', 'class_id'])
    .expression(
      coveredClasses(trx, deadline.branch_id, deadline.tag)
        .clearSelect()
        .clearOrderBy()
        .select([sql<number>`${inserted.id}::integer`.as('occurrence_id'), 'id']),
    )
    .onConflict((oc) => oc.columns(['occurrence_id', 'class_id']).doNothing())
    .execute();
  return inserted.id;
}

/**
 * The next occurrence of a deadline opens when the one before it falls due (the first at once), so
 * each deadline has one report open ahead per class. After downtime every occurrence missed is
 * opened, in order. Returns how many were opened; at `limit` the caller runs it again.
 */
export async function openDueOccurrences(trx: Executor, now: Date, timeZone: string, limit = 100): Promise<number> {
  let opened = 0;
  while (opened < limit) {
    const deadline = await trx
      .selectFrom('report_deadlines')
      .selectAll()
      .where('stopped_at', 'is', null)
      .where('next_due_at', 'is not', null)
      .where((eb) => eb.or([eb('opened_due_at', 'is', null), eb('opened_due_at', '<=', now)]))
      .orderBy('next_due_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!deadline) break;
    const dueAt = deadline.next_due_at!;
    await openOccurrence(trx, deadline, dueAt, now, timeZone);
    await trx
      .updateTable('report_deadlines')
      .set({ opened_due_at: dueAt, next_due_at: nextDue(deadline.rule as DeadlineRule, timeZone, dueAt) })
      .where('id', '=', deadline.id)
      .execute();
    opened++;
  }
  return opened;
}

export type CreateDeadlineError = 'bad_name' | 'no_occurrence' | 'too_frequent' | 'no_classes' | 'duplicate_name';

/** Two due times of one deadline are at least this far apart (a cron rule could say every minute). */
const MIN_GAP_MS = 86_400_000;

export const DEADLINE_NAME_MAX = 64;

/** A new deadline, its first occurrence opened at once. */
export async function createDeadline(
  trx: Executor,
  input: { branchId: number; name: string; rule: DeadlineRule; tag: string | null; createdBy: number | null },
  now: Date,
  timeZone: string,
): Promise<Result<{ id: number; firstDue: Date; classes: number }, CreateDeadlineError>> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > DEADLINE_NAME_MAX) return fail('bad_name');
  const firstDue = nextDue(input.rule, timeZone, now);
  if (!firstDue) return fail('no_occurrence');
  const second = nextDue(input.rule, timeZone, firstDue);
  if (second && second.getTime() - firstDue.getTime() < MIN_GAP_MS) return fail('too_frequent');
  const classes = await coveredClasses(trx, input.branchId, input.tag).execute();
  if (classes.length === 0) return fail('no_classes');
  const clash = await trx
    .selectFrom('report_deadlines')
    .select('id')
    .where('branch_id', '=', input.branchId)
    .where('name', '=', name)
    .where('stopped_at', 'is', null)
    .executeTakeFirst();
  if (clash) return fail('duplicate_name', { name });
  const row = await trx
    .insertInto('report_deadlines')
    .values({
      branch_id: input.branchId,
      name,
      rule: JSON.stringify(input.rule),
      tag: input.tag,
      created_by: input.createdBy,
      created_at: now,
      next_due_at: firstDue,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await openOccurrence(trx, row, firstDue, now, timeZone);
  await trx
    .updateTable('report_deadlines')
    .set({ opened_due_at: firstDue, next_due_at: nextDue(input.rule, timeZone, firstDue) })
    .where('id', '=', row.id)
    .execute();
  return ok({ id: row.id, firstDue, classes: classes.length });
}

/** No further occurrences; the reports already opened stay (they can still be submitted and reviewed). */
export async function stopDeadline(db: Executor, deadlineId: number, branchId: number, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('report_deadlines')
    .set({ stopped_at: now })
    .where('id', '=', deadlineId)
    .where('branch_id', '=', branchId)
    .where('stopped_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
