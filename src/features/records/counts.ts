import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { quarterOf, termOf } from './periods.js';
import type { DateString } from './tables.js';

/** The figures a class announces (issue 11 "What the class sees"): counts only, never names. */
export interface PipelineCounts {
  /** Application letters dated in the current term. */
  applicationsThisTerm: number;
  /** Thought reports received in the current quarter. */
  thoughtReportsThisQuarter: number;
  applicants: number;
  activists: number;
  /** Activists who have attended Party school (any result). */
  activistsAtPartySchool: number;
  developmentTargets: number;
  probationary: number;
  fullMembers: number;
}

export const emptyCounts = (): PipelineCounts => ({
  applicationsThisTerm: 0,
  thoughtReportsThisQuarter: 0,
  applicants: 0,
  activists: 0,
  activistsAtPartySchool: 0,
  developmentTargets: 0,
  probationary: 0,
  fullMembers: 0,
});

/**
 * The counts of the given classes (every class appears, with zeros when it has no records), as of
 * `today` in the branch's time zone. Two grouped queries, whatever the number of classes.
 */
export async function pipelineCounts(db: Executor, classIds: readonly number[], today: DateString): Promise<Map<number, PipelineCounts>> {
  const result = new Map(classIds.map((id) => [id, emptyCounts()]));
  if (classIds.length === 0) return result;
  const term = termOf(today);
  const quarter = quarterOf(today);
  const n = (expression: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${expression})::int`;
  const rows = await db
    .selectFrom('pipeline_records')
    .where('class_id', 'in', classIds)
    .where('archived_at', 'is', null)
    .select([
      'class_id',
      n(sql`applied_on >= ${term.start}::date and applied_on < ${term.end}::date`).as('applications'),
      n(sql`stage = 'applicant'`).as('applicants'),
      n(sql`stage = 'activist'`).as('activists'),
      n(sql`stage = 'activist' and party_school_on is not null`).as('at_school'),
      n(sql`stage = 'development_target'`).as('targets'),
      n(sql`stage = 'probationary'`).as('probationary'),
      n(sql`stage = 'full_member'`).as('full'),
    ])
    .groupBy('class_id')
    .execute();
  for (const r of rows) {
    Object.assign(result.get(r.class_id)!, {
      applicationsThisTerm: r.applications,
      applicants: r.applicants,
      activists: r.activists,
      activistsAtPartySchool: r.at_school,
      developmentTargets: r.targets,
      probationary: r.probationary,
      fullMembers: r.full,
    });
  }
  const reports = await db
    .selectFrom('thought_reports as t')
    .innerJoin('pipeline_records as p', 'p.id', 't.record_id')
    .where('p.class_id', 'in', classIds)
    .where('p.archived_at', 'is', null)
    .where(sql<boolean>`t.received_on >= ${quarter.start}::date and t.received_on < ${quarter.end}::date`)
    .select(['p.class_id', sql<number>`count(*)::int`.as('n')])
    .groupBy('p.class_id')
    .execute();
  for (const r of reports) result.get(r.class_id)!.thoughtReportsThisQuarter = r.n;
  return result;
}

/** The sum of several classes' counts (a branch total line). */
export function totalOf(counts: Iterable<PipelineCounts>): PipelineCounts {
  const total = emptyCounts();
  for (const c of counts) for (const key of Object.keys(total) as Array<keyof PipelineCounts>) total[key] += c[key];
  return total;
}
