import type { Db, Executor } from '../../db/schema.js';
import type { DateString, PipelineRecord, Stage } from '../records/tables.js';
import { classesNamed, type ClassRef } from './class-ref.js';
import { stageDateField } from '../records/rules.js';
import { columnKeys, type ColumnKey } from './columns.js';
import { MAX_ROWS, type RawTable } from './read.js';
import { checkHeader, checkRow, type LineError, type PersonRow } from './validate.js';

export interface ImportOptions {
  /** The class (code or name) every row belongs to; a row naming another class is refused. */
  classRef: string | null;
  today: DateString;
  now: Date;
  actorId: number | null;
}

export type ImportResult = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; errors: LineError[] };

/** The record's columns an import writes: each file column of the same name, but the class, the name (the key) and the thought reports (a table of their own). */
const fields = columnKeys.filter(
  (k): k is Exclude<ColumnKey, 'class' | 'name' | 'thought_reports'> => k !== 'class' && k !== 'name' && k !== 'thought_reports',
);
type Field = (typeof fields)[number];
type Values = Partial<Pick<PipelineRecord, Field>>;

function valuesOf(row: PersonRow, present: Set<ColumnKey>): Values {
  const all: Required<Values> = {
    student_no: row.studentNo,
    stage: row.stage,
    ...row.dates,
    party_school_result: row.partySchoolResult,
    contact_a: row.contactA,
    contact_b: row.contactB,
    note: row.note,
  };
  const values: Values = {};
  for (const field of fields) {
    // an empty 学号 never clears a number already kept: the row was matched by name
    if (present.has(field) && !(field === 'student_no' && all.student_no === null)) Object.assign(values, { [field]: all[field] });
  }
  return values;
}

class Rollback extends Error {}

type Failed = { ok: false; errors: LineError[] };
type Placed = { row: PersonRow; klass: ClassRef };

/**
 * Imports the people of a CSV/xlsx table, all or nothing: every row is checked first (each bad
 * line reported with what was expected), then matched to the class's records — on 学号 when the
 * row has one, else on the name — and created or updated in one transaction, with the stage
 * history and an audit row ('import') per changed record. A row that changes nothing writes nothing.
 */
export async function importPeople(db: Db, table: RawTable, options: ImportOptions): Promise<ImportResult> {
  const checked = checkTable(table, options);
  if (!checked.ok) return checked;
  const { present, rows, errors } = checked;
  const classes = await db.selectFrom('classes').select(['id', 'name', 'code']).execute();
  const placing = placeRows(classes, rows, options.classRef, errors);
  if (!placing.ok) return placing;
  const tally = await writeRows(db, placing.placed, present, options, errors);
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, ...tally };
}

/** The header and every row checked: the good rows, and the bad lines (a bad header or no rows fails at once). */
function checkTable(table: RawTable, options: ImportOptions): Failed | { ok: true; present: Set<ColumnKey>; rows: PersonRow[]; errors: LineError[] } {
  if (table.rows.length > MAX_ROWS) return { ok: false, errors: [{ line: 1, message: `more than ${MAX_ROWS} rows; split the file` }] };
  const header = checkHeader(table.header, options.classRef !== null);
  if (!header.ok) return { ok: false, errors: [{ line: 1, message: header.message }] };
  if (table.rows.length === 0) return { ok: false, errors: [{ line: 2, message: 'no people below the header' }] };
  const errors: LineError[] = [];
  const rows: PersonRow[] = [];
  for (const raw of table.rows) {
    const checked = checkRow(raw, header.columns, options.today);
    if (checked.ok) rows.push(checked.row);
    else errors.push(...checked.errors);
  }
  return { ok: true, present: header.present, rows, errors };
}

/** Each row's class: its own 班级 or the import's --class (an unknown --class fails at once); bad lines go to `errors`. */
function placeRows(
  classes: readonly ClassRef[],
  rows: readonly PersonRow[],
  classRef: string | null,
  errors: LineError[],
): Failed | { ok: true; placed: Placed[] } {
  let fixed: ClassRef | null = null;
  if (classRef !== null) {
    const found = classesNamed(classes, classRef);
    if (found.length !== 1)
      return {
        ok: false,
        errors: [{ line: 0, message: found.length === 0 ? `no class "${classRef}"` : `several classes are "${classRef}"; use the class code` }],
      };
    fixed = found[0]!;
  }
  const placed: Placed[] = [];
  for (const row of rows) {
    if (row.classRef === null) {
      if (fixed) placed.push({ row, klass: fixed });
      else errors.push({ line: row.line, message: '班级: missing; expected the class code or name' });
      continue;
    }
    const found = classesNamed(classes, row.classRef);
    if (found.length !== 1) {
      errors.push({
        line: row.line,
        message: found.length === 0 ? `班级: no class "${row.classRef}"` : `班级: several classes are "${row.classRef}"; use the class code`,
      });
    } else if (fixed && found[0]!.id !== fixed.id) {
      errors.push({ line: row.line, message: `班级: "${row.classRef}", but this import is for ${fixed.code} (--class)` });
    } else placed.push({ row, klass: found[0]! });
  }
  return { ok: true, placed };
}

/** In one transaction: the rows matched to the classes' records, then written; nothing is written when any line is bad. */
async function writeRows(
  db: Db,
  placed: readonly Placed[],
  present: Set<ColumnKey>,
  options: ImportOptions,
  errors: LineError[],
): Promise<{ created: number; updated: number; unchanged: number }> {
  const tally = { created: 0, updated: 0, unchanged: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      const classIds = [...new Set(placed.map((p) => p.klass.id))].sort((a, b) => a - b);
      // Two imports (or an import and a chat edit adding a person) of a class one after the other: no person added twice.
      if (classIds.length > 0) await trx.selectFrom('classes').select('id').where('id', 'in', classIds).orderBy('id').forUpdate().execute();
      const existing =
        classIds.length === 0 ? [] : await trx.selectFrom('pipeline_records').selectAll().where('class_id', 'in', classIds).forUpdate().execute();
      const { updates, creates } = matchRows(existing, placed, errors);
      if (errors.length > 0) throw new Rollback();
      const kept = await keptThoughtReports(trx, classIds);
      for (const { record, row } of updates) tally[(await updateRecord(trx, record, row, present, kept.get(record.id), options)) ? 'updated' : 'unchanged']++;
      await createRecords(trx, creates, present, options);
      tally.created = creates.length;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return tally;
}

/** Each row to the record it updates or to a new one; a row naming a person another row already named is a bad line. */
function matchRows(existing: readonly PipelineRecord[], placed: readonly Placed[], errors: LineError[]) {
  const byClass = new Map<number, PipelineRecord[]>();
  for (const r of existing) (byClass.get(r.class_id) ?? byClass.set(r.class_id, []).get(r.class_id)!).push(r);
  const updates: Array<{ record: PipelineRecord; row: PersonRow }> = [];
  const creates: Array<{ row: PersonRow; classId: number }> = [];
  const seen = new Map<string, number>(); // the person a row names (a record, or a new one's class and key) → the line
  for (const { row, klass } of placed) {
    const match = matchRecord(byClass.get(klass.id) ?? [], row);
    if (typeof match === 'string') {
      errors.push({ line: row.line, message: match });
      continue;
    }
    const person = match ? `record:${match.id}` : `new:${klass.id}:${row.studentNo ?? `name:${row.name}`}`;
    const earlier = seen.get(person);
    if (earlier !== undefined) {
      errors.push({ line: row.line, message: `the same person as line ${earlier} (${keyText(row)}); each person once` });
      continue;
    }
    seen.set(person, row.line);
    if (match) updates.push({ record: match, row });
    else creates.push({ row, classId: klass.id });
  }
  return { updates, creates };
}

const keyText = (row: PersonRow) => (row.studentNo ? `学号 ${row.studentNo}` : `姓名 ${row.name}`);

/** The class's record a row is about: by 学号 when given (else a record of that name without one), by name otherwise. */
function matchRecord(ofClass: readonly PipelineRecord[], row: PersonRow): PipelineRecord | null | string {
  if (row.studentNo !== null) {
    const byNumber = ofClass.find((r) => r.student_no === row.studentNo);
    if (byNumber) {
      if (byNumber.archived_at !== null) return `学号 ${row.studentNo}: this person was removed from the class's list; restore them in the bot first`;
      return byNumber;
    }
    const unnumbered = ofClass.filter((r) => r.archived_at === null && r.student_no === null && r.name === row.name);
    return unnumbered.length === 1 ? unnumbered[0]! : null;
  }
  const byName = ofClass.filter((r) => r.archived_at === null && r.name === row.name);
  if (byName.length > 1) return `姓名 ${row.name}: the class has ${byName.length} people of this name; add the 学号 column to tell them apart`;
  return byName[0] ?? null;
}

/** When the stage was entered: its own date (the row's check made sure it is there), else today. */
const stageDate = (row: PersonRow, today: DateString): DateString => row.dates[stageDateField[row.stage]] ?? today;

/** Rows per statement when adding people: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/** Adds the new people a few hundred per statement, with their first stage, thought reports and audit rows. */
async function createRecords(
  trx: Executor,
  creates: ReadonlyArray<{ row: PersonRow; classId: number }>,
  present: Set<ColumnKey>,
  options: ImportOptions,
): Promise<void> {
  for (let i = 0; i < creates.length; i += CHUNK) {
    const chunk = creates.slice(i, i + CHUNK);
    const values = chunk.map(({ row }) => valuesOf(row, present));
    const ids = await trx
      .insertInto('pipeline_records')
      .values(
        chunk.map(({ row, classId }, j) => ({
          ...values[j],
          class_id: classId,
          name: row.name,
          stage: row.stage,
          created_at: options.now,
          updated_at: options.now,
          updated_by: options.actorId,
        })),
      )
      .returning('id')
      .execute();
    // RETURNING gives no order guarantee: the rows are matched back on their key (unique among the file's new people).
    const keyOf = (r: { class_id: number; student_no: string | null; name: string }) => `${r.class_id}:${r.student_no ?? ''}:${r.name}`;
    const created = await trx
      .selectFrom('pipeline_records')
      .select(['id', 'class_id', 'student_no', 'name'])
      .where(
        'id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    const idOf = new Map(created.map((r) => [keyOf(r), r.id]));
    const recordIds = chunk.map(({ row, classId }, j) => idOf.get(keyOf({ class_id: classId, student_no: values[j]!.student_no ?? null, name: row.name }))!);
    await trx
      .insertInto('pipeline_stage_changes')
      .values(
        chunk.map(({ row }, j) => ({
          record_id: recordIds[j]!,
          from_stage: null,
          to_stage: row.stage,
          effective_on: stageDate(row, options.today),
          exception_rule: null,
          exception_reason: null,
          exception_by: null,
          changed_by: options.actorId,
          created_at: options.now,
        })),
      )
      .execute();
    const reports = chunk.flatMap(({ row }, j) =>
      row.thoughtReports.map((received_on) => ({ record_id: recordIds[j]!, received_on, created_by: options.actorId, created_at: options.now })),
    );
    if (reports.length > 0) await trx.insertInto('thought_reports').values(reports).execute();
    await trx
      .insertInto('record_changes')
      .values(
        chunk.map(({ row, classId }, j) => ({
          class_id: classId,
          record_id: recordIds[j]!,
          actor_id: options.actorId,
          action: 'import',
          detail: JSON.stringify({
            line: row.line,
            created: { name: row.name, ...values[j] },
            ...(row.thoughtReports.length > 0 ? { thought_reports: row.thoughtReports } : {}),
          }),
          created_at: options.now,
        })),
      )
      .execute();
  }
}

/** The thought reports already kept for the classes' records: record id → dates. */
async function keptThoughtReports(trx: Executor, classIds: readonly number[]): Promise<Map<number, Set<DateString>>> {
  const kept = new Map<number, Set<DateString>>();
  if (classIds.length === 0) return kept;
  const rows = await trx
    .selectFrom('thought_reports as t')
    .innerJoin('pipeline_records as p', 'p.id', 't.record_id')
    .select(['t.record_id', 't.received_on'])
    .where('p.class_id', 'in', classIds)
    .execute();
  for (const r of rows) (kept.get(r.record_id) ?? kept.set(r.record_id, new Set()).get(r.record_id)!).add(r.received_on);
  return kept;
}

async function updateRecord(
  trx: Executor,
  record: PipelineRecord,
  row: PersonRow,
  present: Set<ColumnKey>,
  kept: ReadonlySet<DateString> | undefined,
  options: ImportOptions,
): Promise<boolean> {
  const values = valuesOf(row, present);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(values) as Array<[Field, unknown]>) {
    if (record[field] !== value) changes[field] = [record[field], value];
  }
  const missing = present.has('thought_reports') ? row.thoughtReports.filter((d) => !kept?.has(d)) : [];
  const reports = await addThoughtReports(trx, record.id, missing, options);
  if (Object.keys(changes).length === 0 && reports.length === 0) return false;
  if (Object.keys(changes).length > 0) {
    await trx
      .updateTable('pipeline_records')
      .set({ ...values, updated_at: options.now, updated_by: options.actorId })
      .where('id', '=', record.id)
      .execute();
    if (changes.stage) await stageChange(trx, record.id, record.stage, row.stage, stageDate(row, options.today), options);
  }
  await audit(trx, record.class_id, record.id, { line: row.line, changes, ...(reports.length > 0 ? { thought_reports: reports } : {}) }, options);
  return true;
}

async function stageChange(trx: Executor, recordId: number, from: Stage | null, to: Stage, on: DateString, options: ImportOptions): Promise<void> {
  await trx
    .insertInto('pipeline_stage_changes')
    .values({
      record_id: recordId,
      from_stage: from,
      to_stage: to,
      effective_on: on,
      exception_rule: null,
      exception_reason: null,
      exception_by: null,
      changed_by: options.actorId,
      created_at: options.now,
    })
    .execute();
}

/** Adds the thought reports not kept yet (never removes one); the dates added. */
async function addThoughtReports(trx: Executor, recordId: number, dates: DateString[], options: ImportOptions): Promise<DateString[]> {
  if (dates.length === 0) return [];
  const added = await trx
    .insertInto('thought_reports')
    .values(dates.map((received_on) => ({ record_id: recordId, received_on, created_by: options.actorId, created_at: options.now })))
    .onConflict((oc) => oc.columns(['record_id', 'received_on']).doNothing())
    .returning('received_on')
    .execute();
  return added.map((r) => r.received_on).sort();
}

async function audit(trx: Executor, classId: number, recordId: number, detail: Record<string, unknown>, options: ImportOptions): Promise<void> {
  await trx
    .insertInto('record_changes')
    .values({ class_id: classId, record_id: recordId, actor_id: options.actorId, action: 'import', detail: JSON.stringify(detail), created_at: options.now })
    .execute();
}
