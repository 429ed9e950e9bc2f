import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { ReportState } from './tables.js';

const DAY_MS = 86_400_000;
/** A liaison is offered reports due at most this long ago (older ones are the secretary's business). */
const LIAISON_LOOKBACK_MS = 62 * DAY_MS;

/** Class reports with what names them: the class, the deadline, its due time and period, who submitted. */
export function reportsWithContext(db: Executor) {
  return db
    .selectFrom('class_reports as r')
    .innerJoin('report_occurrences as o', 'o.id', 'r.occurrence_id')
    .innerJoin('report_deadlines as d', 'd.id', 'o.deadline_id')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .leftJoin('people as s', 's.id', 'r.submitted_by')
    .selectAll('r')
    .select([
      'c.name as className',
      'c.code as classCode',
      'd.name as deadlineName',
      'd.branch_id as branchId',
      'o.due_at as dueAt',
      'o.id as occurrenceId',
      'o.period',
      's.first_name as submitterFirst',
      's.last_name as submitterLast',
    ]);
}

export async function reportView(db: Executor, reportId: number) {
  return reportsWithContext(db).where('r.id', '=', reportId).executeTakeFirst();
}
export type ReportView = NonNullable<Awaited<ReturnType<typeof reportView>>>;

export interface OpenReport {
  id: number;
  className: string;
  deadlineName: string;
  dueAt: Date;
  state: ReportState;
}

/** The reports a liaison of these classes may fill in or amend: not reviewed, due recently or later; unsubmitted first, then by due time. */
export async function reportsToFill(db: Executor, classIds: number[], now: Date, limit = 8): Promise<OpenReport[]> {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('class_reports as r')
    .innerJoin('report_occurrences as o', 'o.id', 'r.occurrence_id')
    .innerJoin('report_deadlines as d', 'd.id', 'o.deadline_id')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .select(['r.id', 'c.name as className', 'd.name as deadlineName', 'o.due_at as dueAt', 'r.state'])
    .where('r.class_id', 'in', classIds)
    .where('r.state', '<>', 'reviewed')
    .where('o.due_at', '>', new Date(now.getTime() - LIAISON_LOOKBACK_MS))
    .orderBy(sql`r.state = 'open'`, 'desc')
    .orderBy('o.due_at')
    .orderBy('c.name')
    .limit(limit)
    .execute();
}

/** The other people who hold a liaison role for the class (told when one of them submits). */
export async function liaisonsOf(db: Executor, classId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select('person_id')
    .where('class_id', '=', classId)
    .where('role', '=', 'liaison')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function activeDeadlines(db: Executor, branchId: number) {
  return db
    .selectFrom('report_deadlines')
    .selectAll()
    .where('branch_id', '=', branchId)
    .where('stopped_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface OccurrenceCounts {
  total: number;
  submitted: number;
  late: number;
  reviewed: number;
}

/** For one deadline: the occurrence due most recently (at or before now) and the next one already open. */
export async function currentOccurrences(db: Executor, deadlineId: number, now: Date) {
  const last = await db
    .selectFrom('report_occurrences')
    .selectAll()
    .where('deadline_id', '=', deadlineId)
    .where('due_at', '<=', now)
    .orderBy('due_at', 'desc')
    .executeTakeFirst();
  const next = await db
    .selectFrom('report_occurrences')
    .selectAll()
    .where('deadline_id', '=', deadlineId)
    .where('due_at', '>', now)
    .orderBy('due_at')
    .executeTakeFirst();
  return { last, next };
}

export async function occurrenceCounts(db: Executor, occurrenceId: number): Promise<OccurrenceCounts> {
  const row = await db
    .selectFrom('class_reports')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where state <> 'open')`.as('submitted'),
      sql<number>`count(*) filter (where state <> 'open' and late)`.as('late'),
      sql<number>`count(*) filter (where state = 'reviewed')`.as('reviewed'),
    ])
    .where('occurrence_id', '=', occurrenceId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), submitted: Number(row.submitted), late: Number(row.late), reviewed: Number(row.reviewed) };
}

export async function occurrenceWithDeadline(db: Executor, occurrenceId: number) {
  return db
    .selectFrom('report_occurrences as o')
    .innerJoin('report_deadlines as d', 'd.id', 'o.deadline_id')
    .select(['o.id', 'o.due_at as dueAt', 'o.period', 'd.id as deadlineId', 'd.name as deadlineName', 'd.branch_id as branchId'])
    .where('o.id', '=', occurrenceId)
    .executeTakeFirst();
}

/** One page of an occurrence's classes, by class name. */
export async function occurrenceReports(db: Executor, occurrenceId: number, offset: number, limit: number) {
  return db
    .selectFrom('class_reports as r')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .select(['r.id', 'r.state', 'r.late', 'r.submitted_at as submittedAt', 'r.submissions', 'c.name as className'])
    .where('r.occurrence_id', '=', occurrenceId)
    .orderBy('c.name')
    .orderBy('r.id')
    .offset(offset)
    .limit(limit)
    .execute();
}
