/**
 * Files a secretary downloads: they open in Excel on Chinese Windows. CSV is UTF-8 with a BOM (else
 * Excel reads it as GBK) and CRLF lines; xlsx is written by exceljs. Either way a text cell that
 * starts like a formula (= + - @, or tab / CR) gets a leading ' so it stays text, never a live formula.
 */
import { PassThrough } from 'node:stream';

export type Cell = string | number | Date | null | undefined;

export interface Sheet {
  /** The worksheet's name (xlsx); at most 31 characters, no []:*?/\ (cut and replaced here). */
  name: string;
  header: string[];
  rows: Cell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text that Excel would read as a formula (or a DDE payload) becomes plain text. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const BOM = '\uFEFF';

function csvField(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = cell instanceof Date ? cell.toISOString() : typeof cell === 'number' ? String(cell) : neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.header, ...sheet.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** A column's width: the longest text in it (a CJK character is about two widths), between 8 and 60. */
function columnWidths(sheet: Sheet): number[] {
  return sheet.header.map((title, i) => {
    let longest = title.length;
    for (const row of sheet.rows) {
      const cell = row[i];
      longest = Math.max(longest, typeof cell === 'string' ? cell.length : 10);
    }
    return Math.min(60, Math.max(8, longest * 2));
  });
}

/**
 * Written with exceljs's streaming writer (each row serialised as it is added, not a whole workbook
 * model kept and written at the end): a few times faster for a branch's 15,000 people.
 */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  // Loaded on first use: exceljs is large, and most processes never write a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const worksheet = workbook.addWorksheet(sheet.name.replace(SHEET_NAME_BAD, ' ').slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // the widths go out with the sheet's head, before the first row
  worksheet.columns = columnWidths(sheet).map((width) => ({ width }));
  const header = worksheet.addRow(sheet.header.map(neutralise));
  header.font = { bold: true };
  header.commit();
  for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : (cell ?? null)))).commit();
  worksheet.commit();
  // together: a failed commit that also errors the stream leaves no rejection unheard
  await Promise.all([workbook.commit(), finished]);
  return Buffer.concat(chunks);
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

export async function writeSpreadsheet(sheet: Sheet, format: SpreadsheetFormat): Promise<Buffer> {
  return format === 'csv' ? toCsv(sheet) : toXlsx(sheet);
}
