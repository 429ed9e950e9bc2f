import { writeFile } from 'node:fs/promises';
import type { Db } from '../../db/schema.js';
import { translator } from '../../i18n/i18n.js';
import { exportPeriod, formatSchema, periodSchema } from './export.js';

export interface ReportsCliOptions {
  period: string | undefined;
  format: string | undefined;
  out: string | undefined;
  branch: string | undefined;
  timeZone: string;
}

export const reportsUsage = `  npm run cli -- reports export --period 2026-11 [--format csv|xlsx] [--out FILE] [--branch NAME]
        the class reports due in that month (in TZ), one row per class; CSV is UTF-8 with BOM (default reports-PERIOD.FORMAT)`;

/** `reports export`: the same file as the export button of /reports. Returns the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runReportsExport(db: Db, options: ReportsCliOptions, io: { out(line: string): void; err(line: string): void }): Promise<number> {
  const period = periodSchema.safeParse(options.period ?? '');
  const format = formatSchema.safeParse(options.format ?? 'csv');
  if (!period.success || !format.success) {
    io.err(`reports export needs --period YYYY-MM (e.g. 2026-11) and --format csv or xlsx.\n${reportsUsage}`);
    return 2;
  }
  const branches = await db.selectFrom('branches').select(['id', 'name']).orderBy('id').execute();
  const branch = options.branch !== undefined ? branches.find((b) => b.name === options.branch) : branches.length === 1 ? branches[0] : undefined;
  if (!branch) {
    io.err(options.branch !== undefined ? `No branch is named "${options.branch}".` : `There are ${branches.length} branches; name one with --branch NAME.`);
    return 1;
  }
  const result = await exportPeriod(db, branch.id, period.data, format.data, translator('zh'), options.timeZone);
  const file = options.out ?? result.filename;
  try {
    await writeFile(file, result.file);
  } catch {
    io.err(`Cannot write ${file}.`);
    return 1;
  }
  io.out(`Wrote ${result.rows} class reports of ${period.data} (${branch.name}) to ${file}.`);
  return 0;
}
