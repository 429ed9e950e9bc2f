import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../../db/schema.js';
import { translator } from '../../i18n/i18n.js';
import type { SpreadsheetFormat } from '../../shared/spreadsheet.js';
import { localIsoDate } from '../../shared/when.js';
import { classOverviewRows } from './rows.js';
import { overviewFile } from './service.js';

export const overviewUsage = `  npm run cli -- overview [--branch NAME] [--format csv|xlsx] [--out FILE]
        the secretary's overview, one row per class and a total row (default overview-DATE.FORMAT; CSV is UTF-8 with BOM)`;

export const overviewBadUsage = 'overview needs --format csv or xlsx (and --branch NAME when there are several branches).';

const argsSchema = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  out: z.string().min(1).optional(),
  branch: z.string().min(1).max(64).optional(),
});

export interface OverviewArgs {
  format: SpreadsheetFormat;
  out: string | undefined;
  branch: string | undefined;
}

/** The arguments of `overview`, checked before the database is opened; null: bad usage. */
export function overviewArgs(values: { format?: string | undefined; out?: string | undefined; branch?: string | undefined }): OverviewArgs | null {
  const parsed = argsSchema.safeParse({
    format: values.format,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.branch !== undefined ? { branch: values.branch } : {}),
  });
  return parsed.success ? { format: parsed.data.format, out: parsed.data.out, branch: parsed.data.branch } : null;
}

/** `overview`: the same file as the download buttons of /overview. Returns the exit code (0 ok, 1 failed). */
export async function runOverviewExport(
  db: Db,
  args: OverviewArgs,
  timeZone: string,
  now: Date,
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  const branches = await db.selectFrom('branches').select(['id', 'name']).orderBy('id').execute();
  const branch = args.branch !== undefined ? branches.find((b) => b.name === args.branch) : branches.length === 1 ? branches[0] : undefined;
  if (!branch) {
    io.err(args.branch !== undefined ? `No branch is named "${args.branch}".` : `There are ${branches.length} branches; name one with --branch NAME.`);
    return 1;
  }
  const today = localIsoDate(now, timeZone);
  const overview = await classOverviewRows(db, { branchId: branch.id }, today, now);
  const result = await overviewFile(translator('zh'), overview, branch.name, args.format, timeZone, today);
  const file = args.out ?? result.filename;
  try {
    await writeFile(file, result.file);
  } catch {
    io.err(`Cannot write ${file}.`);
    return 1;
  }
  io.out(`Wrote the overview of ${overview.rows.length} classes (${branch.name}) to ${file}.`);
  return 0;
}
