import { z } from 'zod';
import { checkRecordDates, type Breach } from '../records/rules.js';
import type { DateString, PartySchoolResult, Stage } from '../records/tables.js';
import {
  columnKeys,
  columnOfHeader,
  DATE_LIST_SEPARATOR,
  dateColumns,
  headers,
  resultLabels,
  resultOfText,
  stageLabels,
  stageOfText,
  type ColumnKey,
  type DateColumn,
} from './columns.js';
import { excelSerialDate, parseTypedDate } from './dates.js';
import type { RawCell, RawRow } from './read.js';

export interface LineError {
  line: number;
  message: string;
}

/** A person's row, checked; only the columns the file has are in `present`. */
export interface PersonRow {
  line: number;
  classRef: string | null;
  name: string;
  studentNo: string | null;
  stage: Stage;
  dates: Record<DateColumn, DateString | null>;
  partySchoolResult: PartySchoolResult | null;
  contactA: string | null;
  contactB: string | null;
  thoughtReports: DateString[];
  note: string | null;
}

export type HeaderResult = { ok: true; columns: Array<ColumnKey | null>; present: Set<ColumnKey> } | { ok: false; message: string };

const expectedHeader = `${columnKeys.map((k) => headers.zh[k]).join(',')} (or the English ${columnKeys.map((k) => headers.en[k]).join(',')})`;

/** The header row: every column known, none twice; 姓名 and 阶段 always, 班级 unless the import names the class. */
export function checkHeader(header: string[], classGiven: boolean): HeaderResult {
  const columns: Array<ColumnKey | null> = [];
  const present = new Set<ColumnKey>();
  for (const [i, text] of header.entries()) {
    if (text.trim() === '') {
      columns.push(null);
      continue;
    }
    const key = columnOfHeader(text);
    if (!key) return { ok: false, message: `unknown column "${text}" (column ${i + 1}); the header must be ${expectedHeader}` };
    if (present.has(key)) return { ok: false, message: `column "${text}" appears twice` };
    present.add(key);
    columns.push(key);
  }
  const required: ColumnKey[] = classGiven ? ['name', 'stage'] : ['class', 'name', 'stage'];
  const missing = required.filter((k) => !present.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => `${headers.zh[k]} (${headers.en[k]})`).join(', ');
    return { ok: false, message: `the header has no ${names} column${classGiven ? '' : ' (or pass --class CODE)'}; expected ${expectedHeader}` };
  }
  return { ok: true, columns, present };
}

const textSchema = (max: number) => z.string().trim().min(1).max(max);
const nameSchema = textSchema(50).refine((s) => !/[\r\n\t]/.test(s));
const studentNoSchema = z.string().regex(/^[A-Za-z0-9_-]{1,30}$/);
const noteSchema = textSchema(500);

type Cell = RawCell | null;
type Check<T> = { ok: true; value: T } | { ok: false; expected: string };

function text(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'number') return String(cell.value);
  return null;
}

function dateOf(cell: Cell, today: DateString): Check<DateString | null> {
  if (cell === null) return { ok: true, value: null };
  const date =
    cell.kind === 'date' ? cell.date : cell.kind === 'number' ? excelSerialDate(cell.value) : cell.kind === 'text' ? parseTypedDate(cell.text) : null;
  if (date === null) return { ok: false, expected: 'a date such as 2026-03-01, 2026/3/1 or 2026年3月1日' };
  if (date > today) return { ok: false, expected: `a date not after today (${today}), got ${date}` };
  return { ok: true, value: date };
}

function describe(cell: Cell): string {
  if (cell === null) return 'empty';
  if (cell.kind === 'formula') return 'a formula';
  if (cell.kind === 'date') return cell.date ?? 'a date';
  return `"${text(cell)!.slice(0, 40)}"`;
}

/** One row's cells by column, and the problems found so far. */
class RowReader {
  readonly problems: string[] = [];
  constructor(
    private readonly row: RawRow,
    private readonly columns: Array<ColumnKey | null>,
  ) {}

  cell(key: ColumnKey): Cell {
    const i = this.columns.indexOf(key);
    return i < 0 ? null : (this.row.cells[i] ?? null);
  }

  formula(key: ColumnKey): boolean {
    return this.cell(key)?.kind === 'formula';
  }

  /** Formulas anywhere and values under no header. */
  checkCells(): void {
    for (const [i, cell] of this.row.cells.entries()) {
      const key = this.columns[i];
      if (cell?.kind === 'formula')
        this.problems.push(
          `${key ? label(key) : `column ${i + 1}`}: a formula is not accepted (write the value itself; text that starts with = + - @ needs a leading ')`,
        );
      else if (cell !== null && (key === null || key === undefined)) this.problems.push(`column ${i + 1} has a value but no header`);
    }
  }

  text<T>(key: ColumnKey, schema: z.ZodType<T>, expected: string, required = false): T | null {
    if (this.formula(key)) return null;
    const value = text(this.cell(key));
    if (value === null) {
      if (required) this.problems.push(`${label(key)}: missing; expected ${expected}`);
      return null;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) this.problems.push(`${label(key)}: ${describe(this.cell(key))}; expected ${expected}`);
    return parsed.success ? parsed.data : null;
  }

  stage(): Stage | undefined {
    const stageText = text(this.cell('stage'));
    const stage = stageText === null ? undefined : stageOfText(stageText);
    if (!this.formula('stage') && !stage)
      this.problems.push(
        `${label('stage')}: ${describe(this.cell('stage'))}; expected one of ${Object.values(stageLabels.zh).join('/')} (or ${Object.values(stageLabels.en).join('/')})`,
      );
    return stage;
  }

  dates(today: DateString): Record<DateColumn, DateString | null> {
    const dates = {} as Record<DateColumn, DateString | null>;
    for (const key of dateColumns) {
      const checked = this.formula(key) ? { ok: true as const, value: null } : dateOf(this.cell(key), today);
      if (!checked.ok) this.problems.push(`${label(key)}: ${describe(this.cell(key))}; expected ${checked.expected}`);
      dates[key] = checked.ok ? checked.value : null;
    }
    return dates;
  }

  partySchoolResult(): PartySchoolResult | null {
    const resultText = text(this.cell('party_school_result'));
    const result = resultText === null ? null : (resultOfText(resultText) ?? null);
    if (resultText !== null && !result)
      this.problems.push(
        `${label('party_school_result')}: "${resultText}"; expected ${Object.values(resultLabels.zh).join('/')} (or ${Object.values(resultLabels.en).join('/')}) or empty`,
      );
    return result;
  }

  /** The thought reports' dates, sorted, each once. */
  thoughtReports(today: DateString): DateString[] {
    const reports = this.cell('thought_reports');
    if (reports === null || reports.kind === 'formula') return [];
    const found = new Set<DateString>();
    const parts = reports.kind === 'text' ? reports.text.split(DATE_LIST_SEPARATOR).filter((p) => p !== '') : [reports];
    for (const part of parts) {
      const checked = dateOf(typeof part === 'string' ? { kind: 'text', text: part } : part, today);
      if (!checked.ok)
        this.problems.push(
          `${label('thought_reports')}: ${typeof part === 'string' ? `"${part}"` : describe(part)}; expected ${checked.expected}, several separated by ; or 、`,
        );
      else if (checked.value) found.add(checked.value);
    }
    return [...found].sort();
  }

  /** The stage dates against the records' rules, but the minimum periods: a record kept elsewhere may be imported as it is. */
  checkStageDates(stage: Stage, dates: Record<DateColumn, DateString | null>, today: DateString): void {
    const breaches = checkRecordDates({ ...dates, probation_until: null }, stage, today, { periods: false, earlierDates: 'optional' });
    for (const b of breaches) {
      const message = breachMessage(b, breaches, stage, dates, today);
      // a bad or formula cell is reported already
      if (message && b.field && !this.formula(b.field) && !this.problems.some((p) => p.startsWith(label(b.field!)))) this.problems.push(message);
    }
  }
}

const label = (key: ColumnKey) => headers.zh[key];

/** A row's line message for a breach of the stage dates' rules; one order message a date, against the nearest earlier date. */
function breachMessage(b: Breach, all: readonly Breach[], stage: Stage, dates: Record<DateColumn, DateString | null>, today: DateString): string | null {
  if (!b.field) return null;
  const date = dates[b.field];
  switch (b.rule) {
    case 'missing_date':
      return `${label(b.field)}: missing; a ${stageLabels.zh[stage]} (${stageLabels.en[stage]}) needs the date of that stage`;
    case 'later_date':
      return `${label(b.field)}: ${date}; a ${stageLabels.zh[stage]} has no date of a later stage (leave it empty)`;
    case 'future_date':
      return `${label(b.field)}: ${date}; expected a date not after today (${today})`;
    case 'before_application':
    case 'before_previous': {
      // the nearest earlier date given is the one to name when the date is before both it and the application
      const named = b.rule === 'before_previous' || !all.some((o) => o.rule === 'before_previous' && o.field === b.field);
      return named && b.against ? `${label(b.field)}: ${date} is before ${label(b.against)} ${dates[b.against]}; the stage dates must be in order` : null;
    }
    default:
      return null;
  }
}

/**
 * One data row against the header: each cell to its column's type, then the row's stage dates
 * against the records' rules (the stage's date given, no date of a later stage, in order).
 * Every problem of the row is reported, each with what was expected.
 */
export function checkRow(row: RawRow, columns: Array<ColumnKey | null>, today: DateString): { ok: true; row: PersonRow } | { ok: false; errors: LineError[] } {
  const read = new RowReader(row, columns);
  read.checkCells();
  const classRef = read.text('class', textSchema(32), 'the class code or name');
  const name = read.text('name', nameSchema, 'a name of 1-50 characters', true);
  const studentNo = read.text('student_no', studentNoSchema, 'a student number of 1-30 letters or digits');
  const stage = read.stage();
  const dates = read.dates(today);
  const partySchoolResult = read.partySchoolResult();
  const contactA = read.text('contact_a', nameSchema, 'a name of 1-50 characters');
  const contactB = read.text('contact_b', nameSchema, 'a name of 1-50 characters');
  const note = read.text('note', noteSchema, 'at most 500 characters');
  const thoughtReports = read.thoughtReports(today);
  if (stage) read.checkStageDates(stage, dates, today);

  if (read.problems.length > 0 || !name || !stage) return { ok: false, errors: read.problems.map((message) => ({ line: row.line, message })) };
  return { ok: true, row: { line: row.line, classRef, name, studentNo, stage, dates, partySchoolResult, contactA, contactB, thoughtReports, note } };
}
