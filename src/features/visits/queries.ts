import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { localIsoDate } from '../../shared/when.js';
import type { DateString } from '../records/tables.js';
import { nextDay } from './dates.js';

export interface NewVisit {
  classId: number;
  visitedOn: DateString;
  dormitory: string;
  learned: string;
  suggestions: string[];
  createdBy: number;
}

/** Saves a visit and its audit row ('visit') together. */
export async function saveVisit(trx: Executor, visit: NewVisit, now: Date): Promise<number> {
  const row = await trx
    .insertInto('dorm_visits')
    .values({
      class_id: visit.classId,
      visited_on: visit.visitedOn,
      dormitory: visit.dormitory,
      learned: visit.learned,
      suggestions: visit.suggestions.length > 0 ? visit.suggestions.join('\n') : null,
      created_by: visit.createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('record_changes')
    .values({
      class_id: visit.classId,
      record_id: null,
      actor_id: visit.createdBy,
      action: 'visit',
      detail: JSON.stringify({ visit_id: row.id, visited_on: visit.visitedOn, dormitory: visit.dormitory, suggestions: visit.suggestions.length }),
      created_at: now,
    })
    .execute();
  return row.id;
}

export async function recentVisits(db: Executor, classIds: readonly number[], limit: number) {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('dorm_visits as v')
    .innerJoin('classes as c', 'c.id', 'v.class_id')
    .select(['v.id', 'v.visited_on', 'v.dormitory', 'v.learned', 'c.name as className'])
    .where('v.class_id', 'in', classIds)
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
}

export interface ReportPeriod {
  from: DateString;
  to: DateString;
}

/**
 * The days a class report covers (its figures count "since the last report"): from the day after
 * the deadline's previous due date (or the first of the due month for its first report) to the due
 * date, as calendar dates in the branch's time zone.
 */
export async function reportPeriod(db: Executor, report: { occurrenceId: number; dueAt: Date }, timeZone: string): Promise<ReportPeriod> {
  const previous = await db
    .selectFrom('report_occurrences as o')
    .innerJoin('report_occurrences as prev', 'prev.deadline_id', 'o.deadline_id')
    .select('prev.due_at')
    .where('o.id', '=', report.occurrenceId)
    .where('prev.due_at', '<', report.dueAt)
    .orderBy('prev.due_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const to = localIsoDate(report.dueAt, timeZone);
  return { from: previous ? nextDay(localIsoDate(previous.due_at, timeZone)) : `${to.slice(0, 8)}01`, to };
}

export async function countVisits(db: Executor, classId: number, period: ReportPeriod): Promise<number> {
  const row = await db
    .selectFrom('dorm_visits')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('class_id', '=', classId)
    .where(sql<boolean>`visited_on between ${period.from}::date and ${period.to}::date`)
    .executeTakeFirstOrThrow();
  return row.n;
}
