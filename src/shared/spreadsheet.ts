/**
 * Files a secretary downloads and opens in Excel on Chinese Windows: CSV in UTF-8 with a BOM (so
 * Excel does not read it as GBK), CRLF line ends, every field quoted. A cell that Excel would take
 * for a formula (starting with = + - @, or a tab / carriage return) is neutralised with a leading '.
 */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text that can never become a live formula. */
export function neutralise(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A CSV file (header row first) as bytes: BOM + UTF-8. */
export function csvFile(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): Buffer {
  const lines = [header, ...rows].map((row) => row.map((cell) => quote(neutralise(cell))).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
