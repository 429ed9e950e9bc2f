import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
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

/**
 * One row per class of the branch (ordered by name) with everything the secretary's overview shows,
 * and the branch total. A fixed number of grouped queries, whatever the number of classes.
 */
export async function classOverviewRows(db: Executor, scope: OverviewScope, today: DateString, now: Date): Promise<Overview> {
  let classQuery = db.selectFrom('classes').select(['id', 'name', 'code', 'tags']).where('branch_id', '=', scope.branchId);
  if (scope.classIds) classQuery = classQuery.where('id', 'in', scope.classIds.length > 0 ? [...scope.classIds] : [-1]);
  const classes = await classQuery.orderBy('name').orderBy('id').execute();
  if (classes.length === 0) return { rows: [], total: totalOfRows([]) };
  const ids = classes.map((c) => c.id);
  const idList = sql.join(ids);

  const [liaisons, chats, acks, members, reports, meetings, questions, feedback, counts] = await Promise.all([
    db
      .selectFrom('role_assignments as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .leftJoin('chats as ch', (join) => join.onRef('ch.telegram_chat_id', '=', 'p.telegram_user_id').on('ch.type', '=', 'private'))
      .select(['r.class_id', 'p.id', 'p.first_name', 'p.last_name', 'ch.active'])
      .where('r.role', '=', 'liaison')
      .where('r.class_id', 'in', ids)
      .orderBy('r.class_id')
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('chats')
      .select(['class_id', 'title', 'active'])
      .distinctOn('class_id')
      .where('class_id', 'in', ids)
      .where('type', '<>', 'private')
      .orderBy('class_id')
      .orderBy('active', 'desc')
      .orderBy('updated_at', 'desc')
      .execute(),
    sql<{ class_id: number; notices: number; acknowledgements: number }>`
      select class_id, count(*)::int as notices, coalesce(sum(acks), 0)::int as acknowledgements from (
        select d.class_id,
               (select count(*) from acknowledgements a where a.delivery_id = d.id) as acks,
               row_number() over (partition by d.class_id order by d.sent_at desc, d.id desc) as n
        from deliveries d join notices nt on nt.id = d.notice_id
        where d.class_id in (${idList}) and d.state = 'sent' and nt.ask_ack and nt.retracted_at is null
      ) latest
      where n <= ${ACK_NOTICES}
      group by class_id`.execute(db),
    db
      .selectFrom('class_members_seen')
      .select(['class_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('class_id', 'in', ids)
      .groupBy('class_id')
      .execute(),
    db
      .selectFrom('class_reports as cr')
      .innerJoin('report_occurrences as o', 'o.id', 'cr.occurrence_id')
      .select(['cr.class_id', 'cr.state', 'cr.late', 'o.period', 'o.due_at'])
      .distinctOn('cr.class_id')
      .where('cr.class_id', 'in', ids)
      .where((eb) => eb.or([eb('o.due_at', '<=', now), eb('cr.state', '<>', 'open')]))
      .orderBy('cr.class_id')
      .orderBy('o.due_at', 'desc')
      .orderBy('cr.id', 'desc')
      .execute(),
    db
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
      .execute(),
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
    pipelineCounts(db, ids, today),
  ]);

  const byClass = <T extends { class_id: number | null }>(list: T[]) => new Map(list.map((r) => [r.class_id!, r]));
  const liaisonsOf = new Map<number, OverviewLiaison[]>();
  for (const l of liaisons) {
    const list = liaisonsOf.get(l.class_id!) ?? [];
    if (!list.some((x) => x.personId === l.id)) list.push({ personId: l.id, name: displayName(l.first_name, l.last_name), reachable: l.active === true });
    liaisonsOf.set(l.class_id!, list);
  }
  const chatOf = byClass(chats);
  const acksOf = byClass(acks.rows);
  const membersOf = byClass(members);
  const reportOf = byClass(reports);
  const meetingOf = byClass(meetings);
  const questionsOf = byClass(questions);
  const feedbackOf = byClass(feedback);

  const rows = classes.map((c): OverviewRow => {
    const list = liaisonsOf.get(c.id) ?? [];
    const chat = chatOf.get(c.id);
    const ack = acksOf.get(c.id);
    const memberCount = Number(membersOf.get(c.id)?.n ?? 0);
    const report = reportOf.get(c.id);
    const meeting = meetingOf.get(c.id);
    const noticeCount = Number(ack?.notices ?? 0);
    const acknowledgements = Number(ack?.acknowledgements ?? 0);
    return {
      classId: c.id,
      name: c.name,
      code: c.code,
      tags: c.tags,
      liaisons: list,
      liaisonWarning: list.length !== 2,
      chat: chat ? { title: chat.title, active: chat.active } : null,
      acks: {
        notices: noticeCount,
        acknowledgements,
        members: memberCount,
        rate: noticeCount > 0 && memberCount > 0 ? Math.min(1, acknowledgements / (noticeCount * memberCount)) : null,
      },
      lastReport: report
        ? { status: report.state === 'open' ? 'missing' : report.late ? 'late' : 'on_time', period: report.period, dueAt: report.due_at }
        : { status: 'none', period: null, dueAt: null },
      nextMeeting: meeting ? { startsAt: meeting.starts_at, topic: meeting.topic, place: meeting.place, liaisonConfirmed: meeting.confirmed === true } : null,
      unansweredQuestions: Number(questionsOf.get(c.id)?.n ?? 0),
      openFeedback: Number(feedbackOf.get(c.id)?.n ?? 0),
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
