import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { privateChatReachable } from '../../outbox/messages.js';
import { emptyCounts, pipelineCounts, totalOf, type PipelineCounts } from '../records/counts.js';
import type { DateString } from '../records/tables.js';

/** How many of a class's latest notices the acknowledgement rate is taken over. */
export const ACK_NOTICES = 5;

export interface OverviewLiaison {
  personId: number;
  name: string;
  /** A private message reaches them (pressed Start, has not blocked the bot). */
  reachable: boolean;
}

export type ReportStatus = 'on_time' | 'late' | 'missing' | 'none';

export interface OverviewRow {
  classId: number;
  name: string;
  code: string;
  tags: string[];
  liaisons: OverviewLiaison[];
  /** The "2+1" model wants exactly two liaisons. */
  liaisonWarning: boolean;
  chat: { title: string; active: boolean } | null;
  /**
   * The class's latest notices that asked for an acknowledgement and were delivered (up to
   * ACK_NOTICES): how many, their acknowledgements in all, the members the bot has seen in the
   * group, and the share of those members who acknowledged on average (null when none is known).
   */
  acks: { notices: number; acknowledgements: number; members: number; rate: number | null };
  /** The report of the latest occurrence already due (or submitted early). */
  lastReport: { status: ReportStatus; period: string | null; dueAt: Date | null };
  nextMeeting: { startsAt: Date; topic: string; place: string; liaisonConfirmed: boolean } | null;
  unansweredQuestions: number;
  openFeedback: number;
  counts: PipelineCounts;
}

export interface OverviewTotal {
  classes: number;
  liaisonWarnings: number;
  chatsActive: number;
  reports: Record<ReportStatus, number>;
  meetingsPlanned: number;
  unansweredQuestions: number;
  openFeedback: number;
  counts: PipelineCounts;
}

export interface Overview {
  rows: OverviewRow[];
  total: OverviewTotal;
}

export interface OverviewScope {
  branchId: number;
  /** Only these classes of the branch (a liaison's own); all of the branch when absent. */
  classIds?: readonly number[];
}

const displayName = (first: string, last: string | null) => (last ? `${first} ${last}` : first);

type ClassIds = readonly number[];

/** The rows of a per-class query by class id (each query gives at most one row a class). */
const byClass = <T extends { class_id: number | null }>(list: readonly T[]) => new Map(list.map((r) => [r.class_id!, r]));

async function classesInScope(db: Executor, scope: OverviewScope) {
  let query = db.selectFrom('classes').select(['id', 'name', 'code', 'tags']).where('branch_id', '=', scope.branchId);
  if (scope.classIds) query = query.where('id', 'in', scope.classIds.length > 0 ? [...scope.classIds] : [-1]);
  return query.orderBy('name').orderBy('id').execute();
}

/** Each class's liaisons in the order they were named, and whether a private message reaches them. */
async function liaisonsByClass(db: Executor, ids: ClassIds): Promise<Map<number, OverviewLiaison[]>> {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.class_id', 'p.id', 'p.first_name', 'p.last_name', privateChatReachable('p.telegram_user_id').as('reachable')])
    .where('r.role', '=', 'liaison')
    .where('r.class_id', 'in', ids)
    .orderBy('r.class_id')
    .orderBy('r.id')
    .execute();
  const liaisonsOf = new Map<number, OverviewLiaison[]>();
  for (const l of rows) {
    const list = liaisonsOf.get(l.class_id!) ?? [];
    if (!list.some((x) => x.personId === l.id)) list.push({ personId: l.id, name: displayName(l.first_name, l.last_name), reachable: l.reachable === true });
    liaisonsOf.set(l.class_id!, list);
  }
  return liaisonsOf;
}

/** Each class's group chat: an active one first, else the latest. */
async function groupChatByClass(db: Executor, ids: ClassIds): Promise<Map<number, OverviewRow['chat']>> {
  const chats = await db
    .selectFrom('chats')
    .select(['class_id', 'title', 'active'])
    .distinctOn('class_id')
    .where('class_id', 'in', ids)
    .where('type', '<>', 'private')
    .orderBy('class_id')
    .orderBy('active', 'desc')
    .orderBy('updated_at', 'desc')
    .execute();
  return new Map(chats.map((c) => [c.class_id!, { title: c.title, active: c.active }]));
}

/** The acknowledgements of each class's latest ACK_NOTICES notices asking for one, against the members seen in the group. */
async function acksByClass(db: Executor, ids: ClassIds): Promise<Map<number, OverviewRow['acks']>> {
  const [acks, members] = await Promise.all([
    sql<{ class_id: number; notices: number; acknowledgements: number }>`
      select class_id, count(*)::int as notices, coalesce(sum(acks), 0)::int as acknowledgements from (
        select d.class_id,
               (select count(*) from acknowledgements a where a.delivery_id = d.id) as acks,
               row_number() over (partition by d.class_id order by d.sent_at desc, d.id desc) as n
        from deliveries d join notices nt on nt.id = d.notice_id
        where d.class_id in (${sql.join(ids)}) and d.state = 'sent' and nt.ask_ack and nt.retracted_at is null
      ) latest
      where n <= ${ACK_NOTICES}
      group by class_id`.execute(db),
    db
      .selectFrom('class_members_seen')
      .select(['class_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('class_id', 'in', ids)
      .groupBy('class_id')
      .execute(),
  ]);
  const acksOf = byClass(acks.rows);
  const membersOf = byClass(members);
  return new Map(
    ids.map((id) => {
      const notices = Number(acksOf.get(id)?.notices ?? 0);
      const acknowledgements = Number(acksOf.get(id)?.acknowledgements ?? 0);
      const memberCount = Number(membersOf.get(id)?.n ?? 0);
      const rate = notices > 0 && memberCount > 0 ? Math.min(1, acknowledgements / (notices * memberCount)) : null;
      return [id, { notices, acknowledgements, members: memberCount, rate }];
    }),
  );
}

/** Each class's report of the latest occurrence already due (or submitted early). */
async function lastReportByClass(db: Executor, ids: ClassIds, now: Date): Promise<Map<number, OverviewRow['lastReport']>> {
  const reports = await db
    .selectFrom('class_reports as cr')
    .innerJoin('report_occurrences as o', 'o.id', 'cr.occurrence_id')
    .select(['cr.class_id', 'cr.state', 'cr.late', 'o.period', 'o.due_at'])
    .distinctOn('cr.class_id')
    .where('cr.class_id', 'in', ids)
    .where((eb) => eb.or([eb('o.due_at', '<=', now), eb('cr.state', '<>', 'open')]))
    .orderBy('cr.class_id')
    .orderBy('o.due_at', 'desc')
    .orderBy('cr.id', 'desc')
    .execute();
  return new Map(reports.map((r) => [r.class_id, { status: r.state === 'open' ? 'missing' : r.late ? 'late' : 'on_time', period: r.period, dueAt: r.due_at }]));
}

/** Each class's next meeting, and whether a liaison said they will come. */
async function nextMeetingByClass(db: Executor, ids: ClassIds, now: Date): Promise<Map<number, NonNullable<OverviewRow['nextMeeting']>>> {
  const meetings = await db
    .selectFrom('meeting_occurrences as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .select(['m.class_id', 'o.starts_at', 'm.topic', 'm.place'])
    .select(
      sql<boolean>`exists (
        select 1 from meeting_attendance a join role_assignments r on r.person_id = a.person_id
        where a.occurrence_id = o.id and a.answer = 'yes' and r.role = 'liaison' and r.class_id = m.class_id)`.as('confirmed'),
    )
    .distinctOn('m.class_id')
    .where('m.class_id', 'in', ids)
    .where('m.state', '=', 'active')
    .where('o.starts_at', '>', now)
    .orderBy('m.class_id')
    .orderBy('o.starts_at')
    .execute();
  return new Map(meetings.map((m) => [m.class_id, { startsAt: m.starts_at, topic: m.topic, place: m.place, liaisonConfirmed: m.confirmed === true }]));
}

/** How many questions wait for an answer and how much feedback is not handled yet, per class. */
async function openItemsByClass(db: Executor, ids: ClassIds): Promise<{ questions: Map<number, number>; feedback: Map<number, number> }> {
  const [questions, feedback] = await Promise.all([
    db
      .selectFrom('faq_questions as q')
      .innerJoin('inbox_items as i', (join) => join.onRef('i.client_ref', '=', 'q.id').on('i.kind', '=', 'faq_question'))
      .select(['q.class_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('q.class_id', 'in', ids)
      .where('i.state', 'in', ['open', 'claimed'])
      .groupBy('q.class_id')
      .execute(),
    db
      .selectFrom('feedback_items')
      .select(['class_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('class_id', 'in', ids)
      .where('status', '<>', 'handled')
      .groupBy('class_id')
      .execute(),
  ]);
  return {
    questions: new Map(questions.map((q) => [q.class_id!, Number(q.n)])),
    feedback: new Map(feedback.map((f) => [f.class_id!, Number(f.n)])),
  };
}

/**
 * One row per class of the branch (ordered by name) with everything the secretary's overview shows,
 * and the branch total. A fixed number of grouped queries, whatever the number of classes.
 */
export async function classOverviewRows(db: Executor, scope: OverviewScope, today: DateString, now: Date): Promise<Overview> {
  const classes = await classesInScope(db, scope);
  if (classes.length === 0) return { rows: [], total: totalOfRows([]) };
  const ids = classes.map((c) => c.id);
  const [liaisons, chats, acks, reports, meetings, open, counts] = await Promise.all([
    liaisonsByClass(db, ids),
    groupChatByClass(db, ids),
    acksByClass(db, ids),
    lastReportByClass(db, ids, now),
    nextMeetingByClass(db, ids, now),
    openItemsByClass(db, ids),
    pipelineCounts(db, ids, today),
  ]);
  const rows = classes.map((c): OverviewRow => {
    const list = liaisons.get(c.id) ?? [];
    return {
      classId: c.id,
      name: c.name,
      code: c.code,
      tags: c.tags,
      liaisons: list,
      liaisonWarning: list.length !== 2,
      chat: chats.get(c.id) ?? null,
      acks: acks.get(c.id)!,
      lastReport: reports.get(c.id) ?? { status: 'none', period: null, dueAt: null },
      nextMeeting: meetings.get(c.id) ?? null,
      unansweredQuestions: open.questions.get(c.id) ?? 0,
      openFeedback: open.feedback.get(c.id) ?? 0,
      counts: counts.get(c.id) ?? emptyCounts(),
    };
  });
  return { rows, total: totalOfRows(rows) };
}

export function totalOfRows(rows: readonly OverviewRow[]): OverviewTotal {
  const reports: Record<ReportStatus, number> = { on_time: 0, late: 0, missing: 0, none: 0 };
  for (const r of rows) reports[r.lastReport.status]++;
  return {
    classes: rows.length,
    liaisonWarnings: rows.filter((r) => r.liaisonWarning).length,
    chatsActive: rows.filter((r) => r.chat?.active).length,
    reports,
    meetingsPlanned: rows.filter((r) => r.nextMeeting).length,
    unansweredQuestions: rows.reduce((n, r) => n + r.unansweredQuestions, 0),
    openFeedback: rows.reduce((n, r) => n + r.openFeedback, 0),
    counts: totalOf(rows.map((r) => r.counts)),
  };
}
