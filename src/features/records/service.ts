import type { Db, Executor } from '../../db/schema.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { hashOneTimeCode, newOneTimeCode } from '../../shared/one-time-code.js';
import { checkExtension, checkRecordDates, checkStageChange, stageDateField, type Breach, type RuleId, type StageDates } from './rules.js';
import type { DateString, PartySchoolResult, PipelineRecord, Stage } from './tables.js';

/*
 * Every change to the records, each in one transaction with its line in record_changes (who, when,
 * what: field → [before, after]). The rules are checked again here, on the locked row, so a button
 * pressed twice or a record changed meanwhile cannot slip past them.
 */

export interface Actor {
  personId: number;
  /** The branch secretary of the record's class: may confirm an exception to a minimum period. */
  isSecretary: boolean;
}

/** A confirmed exception: the rules it covers and why. */
export interface Exception {
  rules: RuleId[];
  reason: string;
}

export type Refusal = { kind: 'breach'; breaches: Breach[] } | { kind: 'gone' } | { kind: 'not_allowed' } | { kind: 'duplicate_student_no' };
/** A change done, or refused for a reason the caller turns into a message. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };
const refuse = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

type Json = Record<string, unknown>;

async function audit(db: Executor, line: { classId: number; recordId: number; actorId: number; action: string; detail: Json; now: Date }): Promise<void> {
  await db
    .insertInto('record_changes')
    .values({
      class_id: line.classId,
      record_id: line.recordId,
      actor_id: line.actorId,
      action: line.action,
      detail: JSON.stringify(line.detail),
      created_at: line.now,
    })
    .execute();
}

/** field → [before, after] for the fields that differ. */
function changes(before: Partial<Record<string, unknown>>, after: Record<string, unknown>): Json {
  const diff: Json = {};
  for (const [key, value] of Object.entries(after)) if ((before[key] ?? null) !== (value ?? null)) diff[key] = [before[key] ?? null, value ?? null];
  return diff;
}

/** Why the change may not be made, or null: every breach must be covered by an exception only the branch secretary may confirm. */
function judge(breaches: Breach[], exception: Exception | null, actor: Actor): Refusal | null {
  if (exception && (!actor.isSecretary || breaches.some((b) => !b.exceptable))) return { kind: 'not_allowed' };
  const left = breaches.filter((b) => !exception?.rules.includes(b.rule));
  return left.length > 0 ? { kind: 'breach', breaches: left } : null;
}

async function studentNoTaken(db: Executor, classId: number, studentNo: string | null | undefined, recordId: number | null): Promise<boolean> {
  if (!studentNo) return false;
  const taken = await db
    .selectFrom('pipeline_records')
    .select('id')
    .where('class_id', '=', classId)
    .where('student_no', '=', studentNo)
    .where('id', '!=', recordId ?? 0)
    .executeTakeFirst();
  return taken !== undefined;
}

const exceptionColumns = (exception: Exception | null, breaches: Breach[], actor: Actor) =>
  exception && breaches.length > 0
    ? { exception_rule: breaches.map((b) => b.rule).join(','), exception_reason: exception.reason, exception_by: actor.personId }
    : { exception_rule: null, exception_reason: null, exception_by: null };

export interface NewRecord extends Omit<StageDates, 'probation_until'> {
  classId: number;
  name: string;
  studentNo: string | null;
  stage: Stage;
}

export async function createRecord(
  db: Db,
  input: NewRecord,
  actor: Actor,
  now: Date,
  today: DateString,
  exception: Exception | null = null,
): Promise<Outcome<{ id: number }>> {
  const dates = { ...input, probation_until: null };
  const breaches = checkRecordDates(dates, input.stage, today);
  const refusal = judge(breaches, exception, actor);
  if (refusal) return refuse(refusal);
  return db.transaction().execute(async (trx) => {
    if (await studentNoTaken(trx, input.classId, input.studentNo, null)) return refuse({ kind: 'duplicate_student_no' });
    const fields = {
      name: input.name,
      student_no: input.studentNo,
      stage: input.stage,
      applied_on: input.applied_on,
      activist_on: input.activist_on,
      target_on: input.target_on,
      probationary_on: input.probationary_on,
      full_on: input.full_on,
    };
    const { id } = await trx
      .insertInto('pipeline_records')
      .values({ class_id: input.classId, ...fields, created_at: now, updated_at: now, updated_by: actor.personId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const excepted = exceptionColumns(exception, breaches, actor);
    await trx
      .insertInto('pipeline_stage_changes')
      .values({
        record_id: id,
        from_stage: null,
        to_stage: input.stage,
        effective_on: input[stageDateField[input.stage]]!,
        ...excepted,
        changed_by: actor.personId,
        created_at: now,
      })
      .execute();
    await audit(trx, {
      classId: input.classId,
      recordId: id,
      actorId: actor.personId,
      action: 'create',
      detail: { ...changes({}, fields), ...exceptionDetail(excepted) },
      now,
    });
    return ok({ id });
  });
}

const exceptionDetail = (excepted: ReturnType<typeof exceptionColumns>): Json =>
  excepted.exception_rule ? { exception_rule: [null, excepted.exception_rule], exception_reason: [null, excepted.exception_reason] } : {};

async function lockRecord(trx: Executor, recordId: number): Promise<PipelineRecord | undefined> {
  return trx.selectFrom('pipeline_records').selectAll().where('id', '=', recordId).where('archived_at', 'is', null).forUpdate().executeTakeFirst();
}

export async function changeStage(
  db: Db,
  recordId: number,
  to: Stage,
  date: DateString,
  actor: Actor,
  now: Date,
  today: DateString,
  exception: Exception | null = null,
): Promise<Outcome<{ from: Stage }>> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, recordId);
    if (!record) return refuse({ kind: 'gone' });
    const breaches = checkStageChange(record, to, date, today);
    const refusal = judge(breaches, exception, actor);
    if (refusal) return refuse(refusal);
    const field = stageDateField[to];
    await trx
      .updateTable('pipeline_records')
      .set({ stage: to, [field]: date, updated_at: now, updated_by: actor.personId })
      .where('id', '=', recordId)
      .execute();
    const excepted = exceptionColumns(exception, breaches, actor);
    await trx
      .insertInto('pipeline_stage_changes')
      .values({ record_id: recordId, from_stage: record.stage, to_stage: to, effective_on: date, ...excepted, changed_by: actor.personId, created_at: now })
      .execute();
    const detail = { ...changes(record, { stage: to, [field]: date }), ...exceptionDetail(excepted) };
    await audit(trx, { classId: record.class_id, recordId, actorId: actor.personId, action: 'stage', detail, now });
    return ok({ from: record.stage });
  });
}

export async function addThoughtReport(db: Db, recordId: number, date: DateString, actor: Actor, now: Date): Promise<'added' | 'duplicate' | 'gone'> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, recordId);
    if (!record) return 'gone';
    const inserted = await trx
      .insertInto('thought_reports')
      .values({ record_id: recordId, received_on: date, created_by: actor.personId, created_at: now })
      .onConflict((oc) => oc.columns(['record_id', 'received_on']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'duplicate';
    await audit(trx, { classId: record.class_id, recordId, actorId: actor.personId, action: 'thought_report', detail: { received_on: [null, date] }, now });
    return 'added';
  });
}

/** The fields the edit dialogue changes; stage dates change only through a stage change. */
export interface RecordPatch {
  name?: string;
  student_no?: string | null;
  applied_on?: DateString | null;
  probation_until?: DateString | null;
  league_recommended_on?: DateString | null;
  party_school_on?: DateString | null;
  party_school_result?: PartySchoolResult | null;
  contact_a?: string | null;
  contact_b?: string | null;
  note?: string | null;
}

/** Applies the patch, once the rules for dates hold on the locked row (an extension must fit the probation it extends). Nothing is written when nothing changes. */
export async function updateRecord(db: Db, recordId: number, patch: RecordPatch, actor: Actor, now: Date): Promise<Outcome<{ changed: number }>> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, recordId);
    if (!record) return refuse({ kind: 'gone' });
    const breaches = patch.probation_until ? checkExtension(record, patch.probation_until) : [];
    if (breaches.length > 0) return refuse({ kind: 'breach', breaches });
    if (await studentNoTaken(trx, record.class_id, patch.student_no, recordId)) return refuse({ kind: 'duplicate_student_no' });
    const detail = changes(record, patch as Record<string, unknown>);
    const changed = Object.keys(detail).length;
    if (changed === 0) return ok({ changed });
    await trx
      .updateTable('pipeline_records')
      .set({ ...patch, updated_at: now, updated_by: actor.personId })
      .where('id', '=', recordId)
      .execute();
    await audit(trx, { classId: record.class_id, recordId, actorId: actor.personId, action: 'update', detail, now });
    return ok({ changed });
  });
}

export async function archiveRecord(db: Db, recordId: number, actor: Actor, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, recordId);
    if (!record) return false;
    await trx
      .updateTable('pipeline_records')
      .set({ archived_at: now, person_id: null, updated_at: now, updated_by: actor.personId })
      .where('id', '=', recordId)
      .execute();
    await audit(trx, { classId: record.class_id, recordId, actorId: actor.personId, action: 'archive', detail: { archived: [false, true] }, now });
    return true;
  });
}

export const RECORD_LINK_PREFIX = 'rec_';
export const RECORD_LINK_LIFETIME_MS = 7 * 24 * 3600_000;

/** A one-time link for the person themselves; earlier unused links of the record stop working. */
export async function createRecordLink(db: Db, recordId: number, actor: Actor, now: Date): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, recordId);
    if (!record) return null;
    await trx
      .updateTable('record_links')
      .set({ expires_at: now })
      .where('record_id', '=', recordId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
    const code = newOneTimeCode();
    await trx
      .insertInto('record_links')
      .values({
        code_hash: hashOneTimeCode(code),
        record_id: recordId,
        created_by: actor.personId,
        created_at: now,
        expires_at: new Date(now.getTime() + RECORD_LINK_LIFETIME_MS),
      })
      .execute();
    await audit(trx, { classId: record.class_id, recordId, actorId: actor.personId, action: 'link_created', detail: {}, now });
    return code;
  });
}

export type LinkError = 'invalid' | 'used' | 'expired' | 'linked_elsewhere';

/** Links the opener's account to the record; one transaction, so a code works once. */
export async function redeemRecordLink(db: Db, code: string, personId: number, now: Date): Promise<Result<{ name: string }, LinkError>> {
  return db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom('record_links').selectAll().where('code_hash', '=', hashOneTimeCode(code)).forUpdate().executeTakeFirst();
    if (!link) return fail('invalid' as const);
    if (link.used_at) return fail('used' as const);
    if (link.expires_at.getTime() <= now.getTime()) return fail('expired' as const);
    const record = await lockRecord(trx, link.record_id);
    if (!record) return fail('invalid' as const);
    const other = await trx
      .selectFrom('pipeline_records')
      .select('id')
      .where('person_id', '=', personId)
      .where('archived_at', 'is', null)
      .where('id', '!=', record.id)
      .executeTakeFirst();
    if (other) return fail('linked_elsewhere' as const);
    await trx.updateTable('pipeline_records').set({ person_id: personId, updated_at: now }).where('id', '=', record.id).execute();
    await trx.updateTable('record_links').set({ used_at: now, used_by: personId }).where('id', '=', link.id).execute();
    await audit(trx, {
      classId: record.class_id,
      recordId: record.id,
      actorId: personId,
      action: 'link',
      detail: { person_id: [record.person_id, personId] },
      now,
    });
    return ok({ name: record.name });
  });
}
