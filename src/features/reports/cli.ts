import { branchForCommand, writeCommandFile } from '../../cli/branch-file.js';
import type { Db } from '../../db/schema.js';
import { translator } from '../../i18n/i18n.js';
import type { SpreadsheetFormat } from '../../shared/spreadsheet.js';
import { exportPeriod, formatSchema, periodSchema } from './export.js';

export const reportsUsage = `  npm run cli -- reports export --period 2026-11 [--format csv|xlsx] [--out FILE] [--branch NAME]
        the class reports due in that month (in TZ), one row per class; CSV is UTF-8 with BOM (default reports-PERIOD.FORMAT)`;

export interface ReportsExportArgs {
  period: string;
  format: SpreadsheetFormat;
  out: string | undefined;
  branch: string | undefined;
}

/** The arguments of `reports export`, checked before the database is opened; null: bad usage. */
export function reportsExportArgs(values: {
  period?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  branch?: string | undefined;
}): ReportsExportArgs | null {
  const period = periodSchema.safeParse(values.period ?? '');
  const format = formatSchema.safeParse(values.format ?? 'csv');
  if (!period.success || !format.success) return null;
  return { period: period.data, format: format.data, out: values.out, branch: values.branch };
}

export const reportsExportBadUsage = 'reports export needs --period YYYY-MM (e.g. 2026-11) and --format csv or xlsx.';

/** `reports export`: the same file as the export button of /reports. Returns the exit code (0 ok, 1 failed). */
export async function runReportsExport(
  db: Db,
  args: ReportsExportArgs,
  timeZone: string,
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  const branch = await branchForCommand(db, args.branch, io);
  if (!branch) return 1;
  const result = await exportPeriod(db, branch.id, args.period, args.format, translator('zh'), timeZone);
  const file = args.out ?? result.filename;
  if (!(await writeCommandFile(file, result.file, io))) return 1;
  io.out(`Wrote ${result.rows} class reports of ${args.period} (${branch.name}) to ${file}.`);
  return 0;
}
