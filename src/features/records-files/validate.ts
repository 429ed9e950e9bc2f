import { z } from 'zod';
import type { DateString, PartySchoolResult, Stage } from '../records/tables.js';
import {
  columnKeys,
  columnOfHeader,
  DATE_LIST_SEPARATOR,
  dateColumns,
  headers,
  resultLabels,
  resultOfText,
  stageDateOf,
  stageDates,
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

/**
 * One data row against the header: each cell to its column's type, then the row's own rules
 * (the stage's date given, no date of a later stage, stage dates in order, none in the future).
 * Every problem of the row is reported, each with what was expected.
 */
export function checkRow(row: RawRow, columns: Array<ColumnKey | null>, today: DateString): { ok: true; row: PersonRow } | { ok: false; errors: LineError[] } {
  const problems: string[] = [];
  const cellOf = (key: ColumnKey): Cell => {
    const i = columns.indexOf(key);
    return i < 0 ? null : (row.cells[i] ?? null);
  };
  const label = (key: ColumnKey) => headers.zh[key];
  for (const [i, cell] of row.cells.entries()) {
    const key = columns[i];
    if (cell?.kind === 'formula')
      problems.push(
        `${key ? label(key) : `column ${i + 1}`}: a formula is not accepted (write the value itself; text that starts with = + - @ needs a leading ')`,
      );
    else if (cell !== null && (key === null || key === undefined)) problems.push(`column ${i + 1} has a value but no header`);
  }
  const formula = (key: ColumnKey) => cellOf(key)?.kind === 'formula';
  const parseText = <T>(key: ColumnKey, schema: z.ZodType<T>, expected: string, required: boolean): T | null => {
    if (formula(key)) return null;
    const value = text(cellOf(key));
    if (value === null) {
      if (required) problems.push(`${label(key)}: missing; expected ${expected}`);
      return null;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) problems.push(`${label(key)}: ${describe(cellOf(key))}; expected ${expected}`);
    return parsed.success ? parsed.data : null;
  };

  const classRef = parseText('class', textSchema(32), 'the class code or name', false);
  const name = parseText('name', nameSchema, 'a name of 1-50 characters', true);
  const studentNo = parseText('student_no', studentNoSchema, 'a student number of 1-30 letters or digits', false);
  const stageText = text(cellOf('stage'));
  const stage = stageText === null ? undefined : stageOfText(stageText);
  if (!formula('stage') && !stage)
    problems.push(
      `${label('stage')}: ${describe(cellOf('stage'))}; expected one of ${Object.values(stageLabels.zh).join('/')} (or ${Object.values(stageLabels.en).join('/')})`,
    );

  const dates = {} as Record<DateColumn, DateString | null>;
  for (const key of dateColumns) {
    const checked = formula(key) ? { ok: true as const, value: null } : dateOf(cellOf(key), today);
    if (!checked.ok) problems.push(`${label(key)}: ${describe(cellOf(key))}; expected ${checked.expected}`);
    dates[key] = checked.ok ? checked.value : null;
  }
  const resultText = text(cellOf('party_school_result'));
  const partySchoolResult = resultText === null ? null : (resultOfText(resultText) ?? null);
  if (resultText !== null && !partySchoolResult)
    problems.push(
      `${label('party_school_result')}: "${resultText}"; expected ${Object.values(resultLabels.zh).join('/')} (or ${Object.values(resultLabels.en).join('/')}) or empty`,
    );
  const contactA = parseText('contact_a', nameSchema, 'a name of 1-50 characters', false);
  const contactB = parseText('contact_b', nameSchema, 'a name of 1-50 characters', false);
  const note = parseText('note', noteSchema, 'at most 500 characters', false);

  const thoughtReports: DateString[] = [];
  const reports = cellOf('thought_reports');
  if (reports !== null && reports.kind !== 'formula') {
    const parts = reports.kind === 'text' ? reports.text.split(DATE_LIST_SEPARATOR).filter((p) => p !== '') : [reports];
    for (const part of parts) {
      const checked = dateOf(typeof part === 'string' ? { kind: 'text', text: part } : part, today);
      if (!checked.ok)
        problems.push(
          `${label('thought_reports')}: ${typeof part === 'string' ? `"${part}"` : describe(part)}; expected ${checked.expected}, several separated by ; or 、`,
        );
      else if (checked.value && !thoughtReports.includes(checked.value)) thoughtReports.push(checked.value);
    }
  }

  if (stage) {
    const own = stageDateOf[stage];
    if (dates[own] === null && !formula(own) && !problems.some((p) => p.startsWith(label(own))))
      problems.push(`${label(own)}: missing; a ${stageLabels.zh[stage]} (${stageLabels.en[stage]}) needs the date of that stage`);
    for (const later of stageDates.slice(stageDates.indexOf(own) + 1)) {
      if (dates[later] !== null) problems.push(`${label(later)}: ${dates[later]}; a ${stageLabels.zh[stage]} has no date of a later stage (leave it empty)`);
    }
  }
  let previous: { key: DateColumn; date: DateString } | null = null;
  for (const key of stageDates) {
    const date = dates[key];
    if (date === null) continue;
    if (previous && date < previous.date)
      problems.push(`${label(key)}: ${date} is before ${label(previous.key)} ${previous.date}; the stage dates must be in order`);
    previous = { key, date };
  }

  if (problems.length > 0 || !name || !stage) return { ok: false, errors: problems.map((message) => ({ line: row.line, message })) };
  return {
    ok: true,
    row: { line: row.line, classRef, name, studentNo, stage, dates, partySchoolResult, contactA, contactB, thoughtReports: thoughtReports.sort(), note },
  };
}
