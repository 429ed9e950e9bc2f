import type { Executor } from '../../db/schema.js';
import type { RoleView } from '../../people/queries.js';
import { classMembers, type ClassMember } from '../../people/queries.js';

export interface MeetingClass {
  id: number;
  branchId: number;
  name: string;
  code: string;
}

/** The classes whose meetings the caller may arrange: the branch's for a secretary, their own for a liaison or League secretary. */
export async function meetingScope(db: Executor, roles: RoleView[]): Promise<MeetingClass[] | null> {
  const secretaryOf = [...new Set(roles.filter((r) => r.role === 'secretary').map((r) => r.branchId))];
  const own = roles.filter((r) => (r.role === 'liaison' || r.role === 'league_secretary') && r.classId !== null).map((r) => r.classId!);
  if (secretaryOf.length === 0 && own.length === 0) return null;
  const rows = await db
    .selectFrom('classes')
    .select(['id', 'branch_id', 'name', 'code'])
    .where((eb) => {
      const ors = [];
      if (secretaryOf.length > 0) ors.push(eb('branch_id', 'in', secretaryOf));
      if (own.length > 0) ors.push(eb('id', 'in', own));
      return eb.or(ors);
    })
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, branchId: r.branch_id, name: r.name, code: r.code }));
}

/** A class of the scope by its code (any case) or its exact name. */
export function classInScope(scope: MeetingClass[], ref: string): MeetingClass | undefined {
  return scope.find((c) => c.code.toLowerCase() === ref.toLowerCase()) ?? scope.find((c) => c.name === ref);
}

export interface ClassPeople {
  liaisons: ClassMember[];
  league: ClassMember[];
  /** The branch's secretaries. */
  secretaries: Array<{ personId: number }>;
}

/** The people a meeting's messages go to, for several classes at once. */
export async function peopleOfClasses(db: Executor, classes: Array<{ id: number; branchId: number }>): Promise<Map<number, ClassPeople>> {
  const members = await classMembers(
    db,
    classes.map((c) => c.id),
  );
  const branchIds = [...new Set(classes.map((c) => c.branchId))];
  const secretaries =
    branchIds.length === 0
      ? []
      : await db
          .selectFrom('role_assignments')
          .select(['branch_id', 'person_id'])
          .where('role', '=', 'secretary')
          .where('branch_id', 'in', branchIds)
          .orderBy('id')
          .execute();
  const out = new Map<number, ClassPeople>();
  for (const c of classes) {
    const list = members.get(c.id) ?? [];
    out.set(c.id, {
      liaisons: list.filter((m) => m.role === 'liaison'),
      league: list.filter((m) => m.role === 'league_secretary'),
      secretaries: secretaries.filter((s) => s.branch_id === c.branchId).map((s) => ({ personId: s.person_id })),
    });
  }
  return out;
}

/** The chat row of each class's bound, active group. */
export async function groupChats(db: Executor, classIds: number[]): Promise<Map<number, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('chats')
    .select(['id', 'class_id'])
    .where('class_id', 'in', classIds)
    .where('active', '=', true)
    .where('type', 'in', ['group', 'supergroup'])
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.class_id!, r.id]));
}

export async function meetingWithClass(db: Executor, meetingId: number) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('classes as c', 'c.id', 'm.class_id')
    .selectAll('m')
    .select(['c.name as class_name', 'c.code as class_code'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}
export type MeetingWithClass = NonNullable<Awaited<ReturnType<typeof meetingWithClass>>>;

/** The active meetings of these classes with their next materialised occurrence (if any). */
export async function activeMeetings(db: Executor, classIds: number[], now: Date) {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('meetings as m')
    .innerJoin('classes as c', 'c.id', 'm.class_id')
    .selectAll('m')
    .select(['c.name as class_name', 'c.code as class_code'])
    .select((eb) =>
      eb
        .selectFrom('meeting_occurrences as o')
        .select('o.id')
        .whereRef('o.meeting_id', '=', 'm.id')
        .where('o.starts_at', '>', now)
        .orderBy('o.starts_at')
        .limit(1)
        .as('next_occurrence_id'),
    )
    .where('m.class_id', 'in', classIds)
    .where('m.state', '=', 'active')
    .orderBy('c.name')
    .orderBy('m.id')
    .execute();
}

export async function attendanceOf(db: Executor, occurrenceIds: number[]): Promise<Map<number, Map<number, 'yes' | 'no'>>> {
  const out = new Map<number, Map<number, 'yes' | 'no'>>();
  if (occurrenceIds.length === 0) return out;
  const rows = await db.selectFrom('meeting_attendance').selectAll().where('occurrence_id', 'in', occurrenceIds).execute();
  for (const r of rows) {
    const m = out.get(r.occurrence_id) ?? new Map<number, 'yes' | 'no'>();
    m.set(r.person_id, r.answer);
    out.set(r.occurrence_id, m);
  }
  return out;
}

export async function occurrenceWithMeeting(db: Executor, occurrenceId: number, lock = false) {
  let q = db
    .selectFrom('meeting_occurrences as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .innerJoin('classes as c', 'c.id', 'm.class_id')
    .select(['o.id', 'o.starts_at', 'o.revision', 'm.id as meeting_id', 'm.class_id', 'm.branch_id', 'm.place', 'm.topic', 'm.state', 'c.name as class_name'])
    .where('o.id', '=', occurrenceId);
  if (lock) q = q.forUpdate(['o']);
  return q.executeTakeFirst();
}

/** Deletes the occurrences of a meeting that start after `after` (their reminders are cancelled first by the caller). */
export async function deleteOccurrencesAfter(db: Executor, meetingId: number, after: Date): Promise<void> {
  await db.deleteFrom('meeting_occurrences').where('meeting_id', '=', meetingId).where('starts_at', '>', after).execute();
}

export const lockMeeting = (db: Executor, meetingId: number) =>
  db.selectFrom('meetings').selectAll().where('id', '=', meetingId).forUpdate().executeTakeFirst();
