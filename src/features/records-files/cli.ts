import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { localIsoDate } from '../../shared/when.js';
import { classesNamed } from './class-ref.js';
import { exportPeople } from './export.js';
import { importPeople } from './import.js';
import { readCsv, readXlsx } from './read.js';

export const peopleUsage = `  npm run cli -- people import FILE.csv|FILE.xlsx [--class CODE]
        the class's membership-pipeline records (header 班级,姓名,学号,阶段,申请书日期,… — see README); all or nothing:
        each bad line is listed and nothing is written; rows match on class + 学号, else class + 姓名
  npm run cli -- people export [--class CODE] [--format csv|xlsx] [--out FILE]
        the same columns, every class without --class; CSV is UTF-8 with BOM (default people-CODE.FORMAT)`;

const MAX_FILE_BYTES = 10 * 1024 * 1024;

const argsSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('import'),
    file: z.string().regex(/\.(csv|xlsx)$/i, 'FILE.csv or FILE.xlsx'),
    classRef: z.string().trim().min(1).max(32).nullable(),
    format: z.literal('csv'), // the file's own extension says
    out: z.undefined(),
  }),
  z.object({
    action: z.literal('export'),
    file: z.undefined(),
    classRef: z.string().trim().min(1).max(32).nullable(),
    format: z.enum(['csv', 'xlsx']),
    out: z.string().min(1).optional(),
  }),
]);
export type PeopleArgs = z.output<typeof argsSchema>;

/** `people import|export` arguments, checked before the database is opened; null: bad usage. */
export function peopleArgs(
  action: string | undefined,
  file: string | undefined,
  values: { class?: string | undefined; format?: string | undefined; out?: string | undefined },
): PeopleArgs | null {
  const parsed = argsSchema.safeParse({
    action,
    file,
    classRef: values.class ?? null,
    format: values.format ?? 'csv',
    out: values.out,
  });
  return parsed.success ? parsed.data : null;
}

export const peopleBadUsage =
  'people import needs FILE.csv or FILE.xlsx (and optionally --class CODE); people export takes [--class CODE] [--format csv|xlsx] [--out FILE].';

type Io = { out(line: string): void; err(line: string): void };

export async function runPeopleCommand(db: Db, args: PeopleArgs, clock: Clock, timeZone: string, io: Io): Promise<number> {
  return args.action === 'import' ? runImport(db, args, clock, timeZone, io) : runExport(db, args, io);
}

async function runImport(db: Db, args: Extract<PeopleArgs, { action: 'import' }>, clock: Clock, timeZone: string, io: Io): Promise<number> {
  const file = args.file;
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    io.err(`Cannot read ${file}.`);
    return 1;
  }
  if (content.length > MAX_FILE_BYTES) {
    io.err(`${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it.`);
    return 1;
  }
  const read = extname(file).toLowerCase() === '.xlsx' ? await readXlsx(content) : readCsv(content);
  const now = clock.now();
  const result = read.ok
    ? await importPeople(db, read.table, { classRef: args.classRef, today: localIsoDate(now, timeZone), now, actorId: null })
    : { ok: false as const, errors: [{ line: read.line, message: read.message }] };
  if (result.ok) {
    io.out(`Imported ${file}: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged.`);
    return 0;
  }
  io.err(`Nothing was imported; fix these rows and run again:`);
  for (const e of result.errors) io.err(e.line > 0 ? `  line ${e.line}: ${e.message}` : `  ${e.message}`);
  return 1;
}

async function runExport(db: Db, args: Extract<PeopleArgs, { action: 'export' }>, io: Io): Promise<number> {
  const classes = await db.selectFrom('classes').select(['id', 'code', 'name']).orderBy('name').execute();
  let chosen = classes;
  if (args.classRef !== null) {
    chosen = classesNamed(classes, args.classRef);
    if (chosen.length !== 1) {
      io.err(chosen.length === 0 ? `No class "${args.classRef}".` : `Several classes are "${args.classRef}"; use the class code.`);
      return 1;
    }
  }
  const label = args.classRef === null ? 'all' : chosen[0]!.code;
  const result = await exportPeople(
    db,
    chosen.map((c) => c.id),
    args.format,
    'zh',
    label,
  );
  const out = args.out ?? result.filename;
  try {
    await writeFile(out, result.file);
  } catch {
    io.err(`Cannot write ${out}.`);
    return 1;
  }
  io.out(`Wrote ${result.rows} people (${args.classRef === null ? 'all classes' : chosen[0]!.name}) to ${out}.`);
  return 0;
}
