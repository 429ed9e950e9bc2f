import ExcelJS from 'exceljs';

/**
 * Files a secretary downloads: they open in Excel on Chinese Windows. CSV is UTF-8 with a BOM (else
 * Excel reads it as GBK) and CRLF lines; xlsx is written by exceljs. Either way a text cell that
 * starts like a formula (= + - @, or tab / CR) gets a leading ' so it stays text, never a live formula.
 */
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

export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.name.replace(SHEET_NAME_BAD, ' ').slice(0, 31) || 'Sheet1');
  worksheet.addRow(sheet.header.map(neutralise)).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : (cell ?? null))));
  worksheet.columns.forEach((column, i) => {
    const longest = Math.max(...[sheet.header[i] ?? '', ...sheet.rows.map((r) => r[i])].map((c) => (typeof c === 'string' ? c.length : 10)));
    column.width = Math.min(60, Math.max(8, longest * 2));
  });
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type SpreadsheetFormat = 'csv' | 'xlsx';

export async function writeSpreadsheet(sheet: Sheet, format: SpreadsheetFormat): Promise<Buffer> {
  return format === 'csv' ? toCsv(sheet) : toXlsx(sheet);
}
