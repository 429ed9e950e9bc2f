import { parse } from 'csv-parse/sync';
import { excelCellDate } from './dates.js';

/** One cell as read from the file, before any column's rules. */
export type RawCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** An Excel date cell: its calendar date (null: not a real date). */
  | { kind: 'date'; date: string | null }
  /** A formula, never evaluated: refused wherever it is. */
  | { kind: 'formula'; text: string };

export interface RawRow {
  /** The line (CSV) or row number (xlsx) in the file, as the secretary sees it. */
  line: number;
  cells: Array<RawCell | null>;
}

export interface RawTable {
  header: string[];
  rows: RawRow[];
}

export type ReadResult = { ok: true; table: RawTable } | { ok: false; line: number; message: string };

export const MAX_ROWS = 20_000;

const FORMULA_START = /^[=+\-@]/;
/** Our export's neutralised text ('=…) reads back as the text itself. */
const QUOTED_FORMULA = /^'[=+\-@\t\r]/;
/** What people type for "nothing" in a sheet. */
const BLANK = /^[-—–/]$/;

/** A text cell: a formula-like text (=cmd|…, =HYPERLINK(…), +…, @…) is marked as a formula, never taken as text. */
const textCell = (text: string): RawCell | null => {
  const trimmed = text.trim();
  if (trimmed === '' || BLANK.test(trimmed)) return null;
  if (QUOTED_FORMULA.test(trimmed)) return { kind: 'text', text: trimmed.slice(1) };
  return FORMULA_START.test(trimmed) ? { kind: 'formula', text: trimmed } : { kind: 'text', text: trimmed };
};

const isEmpty = (row: RawRow) => row.cells.every((c) => c === null);

/**
 * The file's text: UTF-8 (with or without BOM), or — what Excel on Chinese Windows writes for
 * "CSV (逗号分隔)" — GB18030/GBK when the bytes are not valid UTF-8.
 */
export function csvText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

export function readCsv(content: Buffer): ReadResult {
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = (parse as (input: string, options: object) => typeof records)(csvText(content), {
      columns: false,
      bom: true,
      relax_column_count: true,
      info: true,
      raw: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, line, message: `not valid CSV (${(error as Error).message.split('\n')[0]}); save the sheet as "CSV UTF-8"` };
  }
  const rows = records.map(({ record, info, raw }) => ({ line: firstLineOf(info.lines, raw), cells: record.map(textCell) }));
  const [head, ...body] = rows.filter((r) => !isEmpty(r));
  if (!head) return { ok: false, line: 1, message: 'the file is empty: expected a header row and one person per line' };
  return { ok: true, table: { header: head.cells.map((c) => (c?.kind === 'text' ? c.text : '')), rows: body } };
}

/** csv-parse counts the lines up to a record's end; a record with quoted line breaks starts earlier. */
function firstLineOf(endLine: number, raw: string): number {
  const record = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (record.match(/\n/g)?.length ?? 0);
}

type ExcelValue = unknown;

function xlsxCell(value: ExcelValue): RawCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) return { kind: 'date', date: excelCellDate(value) };
  const object = value as { formula?: string; sharedFormula?: string; richText?: Array<{ text: string }>; text?: unknown; error?: string };
  if (object.formula !== undefined || object.sharedFormula !== undefined) return { kind: 'formula', text: `=${object.formula ?? object.sharedFormula}` };
  if (Array.isArray(object.richText)) return textCell(object.richText.map((r) => r.text).join(''));
  if (typeof object.text === 'string') return textCell(object.text); // a hyperlink cell: its text only
  if (object.error !== undefined) return { kind: 'formula', text: String(object.error) };
  return { kind: 'text', text: '?' };
}

export async function readXlsx(content: Buffer): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as never);
  } catch {
    return { ok: false, line: 1, message: 'not a readable .xlsx workbook (save it from Excel or WPS as "Excel 工作簿 (*.xlsx)")' };
  }
  if (book.worksheets.length !== 1) {
    const names = book.worksheets.map((s) => `"${s.name}"`).join(', ');
    return { ok: false, line: 1, message: `the workbook has ${book.worksheets.length} sheets (${names}); keep only the sheet to import and try again` };
  }
  const sheet = book.worksheets[0]!;
  if (sheet.rowCount > MAX_ROWS + 1) return { ok: false, line: MAX_ROWS + 2, message: `more than ${MAX_ROWS} rows; split the file` };
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Array<RawCell | null> = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(xlsxCell(row.getCell(i).value));
    rows.push({ line: number, cells });
  });
  const [head, ...body] = rows.filter((r) => !isEmpty(r));
  if (!head) return { ok: false, line: 1, message: 'the sheet is empty: expected a header row and one person per row' };
  if (head.line !== 1) return { ok: false, line: 1, message: 'the header must be on the first row' };
  const header = head.cells.map((c) => (c?.kind === 'text' ? c.text : c?.kind === 'formula' ? c.text : ''));
  return { ok: true, table: { header, rows: body } };
}
