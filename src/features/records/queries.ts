import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { RoleView } from '../../people/queries.js';
import { recordAccess, recordScopes } from './access.js';
import { stages, type DateString, type PipelineRecord } from './tables.js';

export interface RecordClass {
  id: number;
  branchId: number;
  name: string;
  code: string;
}

/** The classes whose records (names) the caller may see: their own, and every class of a branch they are secretary of. */
export async function recordClasses(db: Executor, roles: readonly RoleView[]): Promise<RecordClass[]> {
  const { classIds, branchIds } = recordScopes(roles);
  if (classIds.length === 0 && branchIds.length === 0) return [];
  const rows = await db
    .selectFrom('classes')
    .select(['id', 'branch_id', 'name', 'code'])
    .where((eb) => eb.or([...(classIds.length > 0 ? [eb('id', 'in', classIds)] : []), ...(branchIds.length > 0 ? [eb('branch_id', 'in', branchIds)] : [])]))
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, branchId: r.branch_id, name: r.name, code: r.code }));
}

/** A class of the list by its code (any case) or exact name. */
export function classByRef(classes: readonly RecordClass[], ref: string): RecordClass | undefined {
  return classes.find((c) => c.code.toLowerCase() === ref.toLowerCase()) ?? classes.find((c) => c.name === ref);
}

export interface RecordWithClass extends PipelineRecord {
  class_name: string;
  branch_id: number;
}

/** One record and its class, when the caller may see its names; null for a record that does not exist or is not theirs (the same answer). */
export async function visibleRecord(db: Executor, roles: readonly RoleView[], recordId: number): Promise<RecordWithClass | null> {
  const row = await db
    .selectFrom('pipeline_records as p')
    .innerJoin('classes as c', 'c.id', 'p.class_id')
    .selectAll('p')
    .select(['c.name as class_name', 'c.branch_id'])
    .where('p.id', '=', recordId)
    .executeTakeFirst();
  if (!row || recordAccess(roles, { id: row.class_id, branchId: row.branch_id }) !== 'names') return null;
  return row;
}

const stageOrder = sql<number>`case stage ${sql.join(
  stages.map((s, i) => sql`when ${s} then ${i}`),
  sql` `,
)} end`;

/** The class's current (not archived) people, by stage then name. */
export async function classRecords(db: Executor, classId: number): Promise<PipelineRecord[]> {
  return db
    .selectFrom('pipeline_records')
    .selectAll()
    .where('class_id', '=', classId)
    .where('archived_at', 'is', null)
    .orderBy(stageOrder)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The current records of these classes with this exact name or student number. */
export async function findRecords(db: Executor, classIds: readonly number[], wanted: string): Promise<PipelineRecord[]> {
  if (classIds.length === 0 || wanted === '') return [];
  return db
    .selectFrom('pipeline_records')
    .selectAll()
    .where('class_id', 'in', classIds)
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('name', '=', wanted), eb('student_no', '=', wanted)]))
    .limit(5)
    .execute();
}

export async function thoughtReportDates(db: Executor, recordId: number): Promise<DateString[]> {
  const rows = await db.selectFrom('thought_reports').select('received_on').where('record_id', '=', recordId).orderBy('received_on', 'desc').execute();
  return rows.map((r) => r.received_on);
}

/** The record linked to this Telegram account (not archived). */
export async function linkedRecord(db: Executor, personId: number): Promise<PipelineRecord | null> {
  return (await db.selectFrom('pipeline_records').selectAll().where('person_id', '=', personId).where('archived_at', 'is', null).executeTakeFirst()) ?? null;
}

export interface HistoryLine {
  id: number;
  action: string;
  detail: Record<string, unknown>;
  created_at: Date;
  record_name: string | null;
  actor_first: string | null;
  actor_last: string | null;
}

/** A page of the class's audit trail, newest first; one more row than asked tells whether there is a next page. */
export async function historyPage(db: Executor, classId: number, offset: number, limit: number): Promise<HistoryLine[]> {
  return db
    .selectFrom('record_changes as h')
    .leftJoin('pipeline_records as p', 'p.id', 'h.record_id')
    .leftJoin('people as a', 'a.id', 'h.actor_id')
    .select(['h.id', 'h.action', 'h.detail', 'h.created_at', 'p.name as record_name', 'a.first_name as actor_first', 'a.last_name as actor_last'])
    .where('h.class_id', '=', classId)
    .orderBy('h.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}
