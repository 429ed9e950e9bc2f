import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { localIsoDate } from '../../shared/when.js';
import { pipelineCounts, totalOf, type PipelineCounts } from '../records/counts.js';
import type { DateString } from '../records/tables.js';

/** How far back the charts look. */
export const NOTICES_SHOWN = 30;
export const REPORT_PERIODS_SHOWN = 6;
export const FAQ_WEEKS_SHOWN = 12;

export interface AckPoint {
  noticeId: number;
  sentAt: string;
  /** The notice's first line, cut short (for the tooltip). */
  title: string;
  acks: number;
  /** Members seen in the classes it reached (the rate's denominator). */
  members: number;
  rate: number | null;
}

export type Timeliness = 'on_time' | 'late' | 'missing' | 'open';

export interface TimelinessGrid {
  periods: Array<{ occurrenceId: number; name: string; period: string; dueAt: string }>;
  /** Per class (in the order asked), one state per period; null where the class was not asked. */
  classes: Array<{ classId: number; states: Array<Timeliness | null> }>;
}

export interface FaqWeek {
  /** Monday of the week, YYYY-MM-DD in the branch's time zone. */
  week: string;
  bot: number;
  liaisons: number;
}

export interface Charts {
  acknowledgements: AckPoint[];
  timeliness: TimelinessGrid;
  funnel: PipelineCounts;
  faqWeeks: FaqWeek[];
}

export async function chartsFor(db: Executor, classIds: readonly number[], now: Date, today: DateString, timeZone: string): Promise<Charts> {
  const [acknowledgements, timeliness, counts, faqWeeks] = await Promise.all([
    ackRates(db, classIds),
    reportTimeliness(db, classIds, now),
    pipelineCounts(db, classIds, today),
    faqPerWeek(db, classIds, now, timeZone),
  ]);
  return { acknowledgements, timeliness, funnel: totalOf(counts.values()), faqWeeks };
}

/**
 * Acknowledgements of the latest notices that asked for them, over the classes given: per notice the
 * acknowledgements in the classes it reached and the members seen there (each class's count taken once).
 */
export async function ackRates(db: Executor, classIds: readonly number[]): Promise<AckPoint[]> {
  if (classIds.length === 0) return [];
  const ids = sql.join(classIds);
  const { rows } = await sql<{ id: number; text: string; sent_at: Date; acks: number | null; members: number | null }>`
    with recent as (
      select n.id, n.text, min(d.sent_at) as sent_at from notices n join deliveries d on d.notice_id = n.id
      where n.ask_ack and n.retracted_at is null and d.state = 'sent' and d.class_id in (${ids})
      group by n.id, n.text order by min(d.sent_at) desc limit ${NOTICES_SHOWN}
    ),
    reached as (
      select d.id, d.notice_id, d.class_id from deliveries d join recent r on r.id = d.notice_id
      where d.state = 'sent' and d.class_id in (${ids})
    ),
    members as (select class_id, count(*)::int as n from class_members_seen where class_id in (${ids}) group by class_id),
    -- counted per delivery on the primary key's index: a join would hash every acknowledgement of the term
    acks as (
      select x.notice_id, sum(c.n)::int as n from reached x
      cross join lateral (select count(*) as n from acknowledgements a where a.delivery_id = x.id) c group by x.notice_id
    ),
    seen as (select x.notice_id, sum(m.n)::int as n from reached x join members m on m.class_id = x.class_id group by x.notice_id)
    select r.id, r.text, r.sent_at, acks.n as acks, seen.n as members
    from recent r left join acks on acks.notice_id = r.id left join seen on seen.notice_id = r.id
    order by r.sent_at`.execute(db);
  return rows.map((r) => {
    const acks = r.acks ?? 0;
    const members = Math.max(r.members ?? 0, acks);
    return {
      noticeId: r.id,
      sentAt: new Date(r.sent_at).toISOString(),
      title: firstLine(r.text),
      acks,
      members,
      rate: members === 0 ? null : acks / members,
    };
  });
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

export function timelinessOf(report: { state: string; late: boolean }, dueAt: Date, now: Date): Timeliness {
  if (report.state !== 'open') return report.late ? 'late' : 'on_time';
  return dueAt.getTime() < now.getTime() ? 'missing' : 'open';
}

/** Each class's report of the latest report periods already opened. */
export async function reportTimeliness(db: Executor, classIds: readonly number[], now: Date): Promise<TimelinessGrid> {
  if (classIds.length === 0) return { periods: [], classes: [] };
  const occurrences = await db
    .selectFrom('report_occurrences as o')
    .innerJoin('report_deadlines as d', 'd.id', 'o.deadline_id')
    .where('o.opened_at', '<=', now)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('class_reports as r')
          .whereRef('r.occurrence_id', '=', 'o.id')
          .where('r.class_id', 'in', classIds)
          .select(sql`1`.as('one')),
      ),
    )
    .select(['o.id', 'o.due_at', 'o.period', 'd.name'])
    .orderBy('o.due_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(REPORT_PERIODS_SHOWN)
    .execute();
  occurrences.reverse();
  const index = new Map(occurrences.map((o, i) => [o.id, i]));
  const byClass = new Map(classIds.map((id) => [id, occurrences.map((): Timeliness | null => null)]));
  if (occurrences.length > 0) {
    const reports = await db
      .selectFrom('class_reports')
      .where(
        'occurrence_id',
        'in',
        occurrences.map((o) => o.id),
      )
      .where('class_id', 'in', classIds)
      .select(['occurrence_id', 'class_id', 'state', 'late'])
      .execute();
    for (const r of reports) {
      const i = index.get(r.occurrence_id)!;
      byClass.get(r.class_id)![i] = timelinessOf(r, occurrences[i]!.due_at, now);
    }
  }
  return {
    periods: occurrences.map((o) => ({ occurrenceId: o.id, name: o.name, period: o.period, dueAt: o.due_at.toISOString() })),
    classes: classIds.map((classId) => ({ classId, states: byClass.get(classId)! })),
  };
}

/** The FAQ's questions per week: answered by the bot (answered, suggested) or handed to the liaisons (the rest). */
export async function faqPerWeek(db: Executor, classIds: readonly number[], now: Date, timeZone: string): Promise<FaqWeek[]> {
  const weeks = lastMondays(now, timeZone, FAQ_WEEKS_SHOWN);
  if (classIds.length === 0) return weeks.map((week) => ({ week, bot: 0, liaisons: 0 }));
  const week = sql<string>`to_char(date_trunc('week', created_at at time zone ${timeZone}), 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom('faq_questions')
    .where('class_id', 'in', classIds)
    .where(sql<boolean>`created_at >= (${weeks[0]}::date)::timestamp at time zone ${timeZone}`)
    .select([
      week.as('week'),
      sql<number>`count(*) filter (where status in ('answered', 'suggested'))::int`.as('bot'),
      sql<number>`count(*) filter (where status not in ('answered', 'suggested'))::int`.as('liaisons'),
    ])
    // by position: the time zone is a parameter, so the select's expression and a repeated one would differ
    .groupBy(sql`1`)
    .execute();
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return weeks.map((w) => ({ week: w, bot: byWeek.get(w)?.bot ?? 0, liaisons: byWeek.get(w)?.liaisons ?? 0 }));
}

/** The Mondays of the last `count` weeks up to `now`'s week, in the time zone, oldest first. */
export function lastMondays(now: Date, timeZone: string, count: number): string[] {
  const local = new Date(`${localIsoDate(now, timeZone)}T00:00:00Z`);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * 86_400_000);
  return Array.from({ length: count }, (_, i) => new Date(monday.getTime() - (count - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
}
