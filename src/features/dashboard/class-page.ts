import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { classMembers, displayName } from '../../people/queries.js';
import type { RoleView } from '../../people/queries.js';
import { recordAccess } from '../records/access.js';
import { pipelineCounts, type PipelineCounts } from '../records/counts.js';
import type { DateString, Stage } from '../records/tables.js';
import { timelinessOf, type Timeliness } from './charts.js';

export const CLASS_NOTICES_SHOWN = 20;
export const CLASS_REPORTS_SHOWN = 8;

export interface ContactLink {
  name: string;
  /** https://t.me/username when there is one, else tg://user?id=… (opens the chat in a Telegram client). */
  link: string;
}

export interface ClassPage {
  id: number;
  name: string;
  code: string;
  tags: string[];
  liaisons: ContactLink[];
  group: { title: string; active: boolean; link: string | null } | null;
  notices: Array<{ noticeId: number; title: string; sentAt: string | null; state: string; askAck: boolean; acks: number; members: number }>;
  reports: Array<{ name: string; period: string; dueAt: string; timeliness: Timeliness; submittedAt: string | null; reviewed: boolean }>;
  meetings: Array<{ topic: string; place: string; startsAt: string; confirmed: string[]; declined: string[] }>;
  counts: PipelineCounts;
  /** Names: only for the roles of src/features/records/access.ts; null for everyone else. */
  records: Array<{
    name: string;
    stage: Stage;
    appliedOn: DateString | null;
    activistOn: DateString | null;
    targetOn: DateString | null;
    probationaryOn: DateString | null;
    fullOn: DateString | null;
  }> | null;
}

/** A private supergroup's link for its members (https://t.me/c/ID/…); a basic group has none. */
export function groupLink(telegramChatId: number): string | null {
  const id = String(telegramChatId);
  return id.startsWith('-100') ? `https://t.me/c/${id.slice(4)}/999999999` : null;
}

export const personLink = (telegramUserId: number, username: string | null): string =>
  username ? `https://t.me/${username}` : `tg://user?id=${telegramUserId}`;

type ClassRow = { id: number; branch_id: number; name: string; code: string; tags: string[] };
const nameOf = (a: { first_name: string; last_name: string | null }) => displayName(a.first_name, a.last_name);

export async function classPage(db: Executor, classId: number, roles: readonly RoleView[], now: Date, today: DateString): Promise<ClassPage | null> {
  const klass = await db.selectFrom('classes').where('id', '=', classId).select(['id', 'branch_id', 'name', 'code', 'tags']).executeTakeFirst();
  if (!klass) return null;
  const [liaisons, group, notices, reports, meetings, counts, records] = await Promise.all([
    classLiaisons(db, classId),
    classGroup(db, classId),
    classNotices(db, classId),
    classReports(db, classId, now),
    upcomingMeetings(db, classId, now),
    pipelineCounts(db, [classId], today),
    classRecords(db, klass, roles),
  ]);
  return {
    id: klass.id,
    name: klass.name,
    code: klass.code,
    tags: klass.tags,
    liaisons,
    group,
    notices,
    reports,
    meetings,
    counts: counts.get(classId)!,
    records,
  };
}

async function classLiaisons(db: Executor, classId: number): Promise<ClassPage['liaisons']> {
  const members = await classMembers(db, [classId]);
  return (members.get(classId) ?? []).filter((m) => m.role === 'liaison').map((l) => ({ name: l.name, link: personLink(l.telegramUserId, l.username) }));
}

/** The class's group chat: the active one first, else the latest seen. */
async function classGroup(db: Executor, classId: number): Promise<ClassPage['group']> {
  const chat = await db
    .selectFrom('chats')
    .where('class_id', '=', classId)
    .select(['telegram_chat_id', 'title', 'active'])
    .orderBy('active', 'desc')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return chat ? { title: chat.title, active: chat.active, link: chat.active ? groupLink(chat.telegram_chat_id) : null } : null;
}

/** The latest notices delivered to the class, with their receipts out of the members the bot has seen in the group. */
async function classNotices(db: Executor, classId: number): Promise<ClassPage['notices']> {
  const [notices, membersSeen] = await Promise.all([
    db
      .selectFrom('deliveries as d')
      .innerJoin('notices as n', 'n.id', 'd.notice_id')
      .where('d.class_id', '=', classId)
      .select([
        'n.id',
        'n.text',
        'n.ask_ack',
        'd.state',
        'd.sent_at',
        sql<number>`(select count(*)::int from acknowledgements a where a.delivery_id = d.id)`.as('acks'),
      ])
      .orderBy('n.send_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(CLASS_NOTICES_SHOWN)
      .execute(),
    db
      .selectFrom('class_members_seen')
      .where('class_id', '=', classId)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return notices.map((n) => ({
    noticeId: n.id,
    title: n.text.split('\n', 1)[0]!.slice(0, 60),
    sentAt: n.sent_at ? n.sent_at.toISOString() : null,
    state: n.state,
    askAck: n.ask_ack,
    acks: n.acks,
    members: Math.max(membersSeen.n, n.acks),
  }));
}

async function classReports(db: Executor, classId: number, now: Date): Promise<ClassPage['reports']> {
  const reports = await db
    .selectFrom('class_reports as r')
    .innerJoin('report_occurrences as o', 'o.id', 'r.occurrence_id')
    .innerJoin('report_deadlines as d', 'd.id', 'o.deadline_id')
    .where('r.class_id', '=', classId)
    .select(['d.name', 'o.period', 'o.due_at', 'r.state', 'r.late', 'r.submitted_at'])
    .orderBy('o.due_at', 'desc')
    .limit(CLASS_REPORTS_SHOWN)
    .execute();
  return reports.map((r) => ({
    name: r.name,
    period: r.period,
    dueAt: r.due_at.toISOString(),
    timeliness: timelinessOf(r, r.due_at, now),
    submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    reviewed: r.state === 'reviewed',
  }));
}

/** The next five meetings, with who said they come and who said they do not. */
async function upcomingMeetings(db: Executor, classId: number, now: Date): Promise<ClassPage['meetings']> {
  const meetings = await db
    .selectFrom('meeting_occurrences as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .where('m.class_id', '=', classId)
    .where('m.state', '=', 'active')
    .where('o.starts_at', '>=', now)
    .select(['o.id', 'o.starts_at', 'm.topic', 'm.place'])
    .orderBy('o.starts_at')
    .limit(5)
    .execute();
  if (meetings.length === 0) return [];
  const answers = await db
    .selectFrom('meeting_attendance as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .where(
      'a.occurrence_id',
      'in',
      meetings.map((m) => m.id),
    )
    .select(['a.occurrence_id', 'a.answer', 'p.first_name', 'p.last_name'])
    .execute();
  return meetings.map((m) => ({
    topic: m.topic,
    place: m.place,
    startsAt: m.starts_at.toISOString(),
    confirmed: answers.filter((a) => a.occurrence_id === m.id && a.answer === 'yes').map(nameOf),
    declined: answers.filter((a) => a.occurrence_id === m.id && a.answer === 'no').map(nameOf),
  }));
}

/** The class's people in the pipeline by name, for the roles that may see names (src/features/records/access.ts); null otherwise. */
async function classRecords(db: Executor, klass: ClassRow, roles: readonly RoleView[]): Promise<ClassPage['records']> {
  if (recordAccess(roles, { id: klass.id, branchId: klass.branch_id }) !== 'names') return null;
  const records = await db
    .selectFrom('pipeline_records')
    .where('class_id', '=', klass.id)
    .where('archived_at', 'is', null)
    .select(['name', 'stage', 'applied_on', 'activist_on', 'target_on', 'probationary_on', 'full_on'])
    .orderBy('name')
    .execute();
  return records.map((r) => ({
    name: r.name,
    stage: r.stage,
    appliedOn: r.applied_on,
    activistOn: r.activist_on,
    targetOn: r.target_on,
    probationaryOn: r.probationary_on,
    fullOn: r.full_on,
  }));
}
