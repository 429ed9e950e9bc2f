import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db, Executor } from '../../db/schema.js';
import { tagsSchema } from './schemas.js';
import { addClass, takenCodes, type AddClassError } from './service.js';

export interface RowError {
  line: number;
  message: string;
}

export type ImportResult = { ok: true; imported: number } | { ok: false; errors: RowError[] };

const rowSchema = z.object({
  branch: z.string().trim().optional(),
  name: z.string(),
  code: z.string().trim().optional(),
  tags: z.string().trim().optional(),
});

const explain: Record<AddClassError, string> = {
  bad_name: 'name must be 1-32 letters/digits (e.g. 计科2101), no line breaks or symbols',
  bad_code: 'code must be 1-16 of A-Z a-z 0-9 _ -',
  duplicate_name: 'a class with this name already exists in the branch',
  duplicate_code: 'this code is already used in the branch',
};

/**
 * Imports classes from CSV with a header row: name (required), code, tags (";"-separated) (optional), branch (optional when
 * --branch is given or only one branch exists). All rows are checked; any error imports nothing.
 */
export async function importClassesCsv(db: Db, csvText: string, options: { branch?: string }): Promise<ImportResult> {
  let records: Array<{ record: Record<string, string>; line: number }>;
  try {
    const parsed: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }> = parse(csvText, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
      info: true,
      raw: true,
    });
    records = parsed.map((p) => ({ record: p.record, line: firstLineOf(p.info.lines, p.raw) }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line, message: `not valid CSV (${(error as Error).message.split('\n')[0]})` }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 1, message: 'no rows: expected a header "name,code" and one class per line' }] };
  if (!('name' in records[0]!.record))
    return { ok: false, errors: [{ line: 1, message: 'the header must have a "name" column (and optionally "code", "branch")' }] };

  const branches = await db.selectFrom('branches').select(['id', 'name']).execute();
  const errors: RowError[] = [];
  let imported = 0;
  // Codes already taken per branch, read once and kept up to date, not re-read for every row.
  const taken = new Map<number, Set<string>>();
  const codesOf = async (trx: Executor, branchId: number) => taken.get(branchId) ?? taken.set(branchId, await takenCodes(trx, branchId)).get(branchId)!;
  const rollback = new Error('rollback');
  try {
    await db.transaction().execute(async (trx) => {
      for (const { record, line } of records) {
        const row = rowSchema.safeParse(record);
        if (!row.success) {
          errors.push({ line, message: 'missing the name column' });
          continue;
        }
        const branchName = row.data.branch || options.branch || (branches.length === 1 ? branches[0]!.name : undefined);
        const branch = branches.find((b) => b.name === branchName);
        if (!branch) {
          errors.push({
            line,
            message: branchName
              ? `branch "${branchName}" does not exist (create it with: npm run cli -- invite secretary --branch "${branchName}")`
              : 'no branch: add a "branch" column or pass --branch NAME',
          });
          continue;
        }
        const tags = tagsSchema.safeParse((row.data.tags ?? '').split(/[;；\s]+/).filter(Boolean));
        if (!tags.success) {
          errors.push({ line, message: 'tags must be up to 8 words of letters/digits, separated by ";"' });
          continue;
        }
        const result = await addClass(trx, branch.id, { name: row.data.name, code: row.data.code, tags: tags.data }, await codesOf(trx, branch.id));
        if (result.ok) imported++;
        else errors.push({ line, message: explain[result.error] });
      }
      if (errors.length > 0) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, imported };
}

/** csv-parse reports the line a record ends on; a quoted field may span lines, so count back to where it began. */
function firstLineOf(endLine: number, raw: string): number {
  const record = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (record.match(/\n/g)?.length ?? 0);
}
