import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { addClass } from '../../src/features/classes/service.js';
import { figureFields } from '../../src/features/reports/fields.js';
import { createDeadline, saveField, submitReport } from '../../src/features/reports/service.js';
import { databaseEnvForProcess } from '../support/test-db.js';

let dbEnv: Awaited<ReturnType<typeof databaseEnvForProcess>>;
const dir = mkdtempSync(join(tmpdir(), 'cpa-reports-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...dbEnv.env, TZ: 'Asia/Shanghai' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A branch with two classes and a monthly deadline; one class submitted, with a formula-like answer. */
beforeAll(async () => {
  dbEnv = await databaseEnvForProcess();
  const db = await openDatabase(dbEnv.env.DATABASE_URL ? { kind: 'postgres', url: dbEnv.env.DATABASE_URL } : { kind: 'pglite', dataDir: dbEnv.env.DATA_DIR! });
  try {
    await migrateToLatest(db);
    const branch = await db.insertInto('branches').values({ name: '第一党支部' }).returning('id').executeTakeFirstOrThrow();
    await addClass(db, branch.id, { name: '计科2101', code: 'CS2101' });
    await addClass(db, branch.id, { name: '计科2102', code: 'CS2102' });
    const person = await db.insertInto('people').values({ telegram_user_id: 9, first_name: '李', language: 'zh' }).returning('id').executeTakeFirstOrThrow();
    const now = new Date('2026-11-02T00:00:00Z');
    await db
      .transaction()
      .execute((trx) =>
        createDeadline(
          trx,
          { branchId: branch.id, name: '月报', rule: { kind: 'monthly', day: 31, time: '12:00' }, tag: null, createdBy: null },
          now,
          'Asia/Shanghai',
        ),
      );
    const report = await db.selectFrom('class_reports').select('id').orderBy('id').executeTakeFirstOrThrow();
    for (const field of figureFields) await saveField(db, report.id, field, 2, person.id, now);
    for (const [field, text] of [
      ['problems', '-1 问题'],
      ['solutions', '办法'],
      ['suggestions', ''],
      ['highlights', '\t制表'],
    ] as const)
      await saveField(db, report.id, field, text, person.id, now);
    const submitted = await db.transaction().execute((trx) => submitReport(trx, report.id, { id: person.id, name: '李' }, now, () => ''));
    expect(submitted.ok).toBe(true);
  } finally {
    await db.destroy();
  }
});
afterAll(async () => dbEnv.cleanup());

describe('npm run cli -- reports export', () => {
  it('writes the period as CSV with a BOM (the default) and as xlsx', async () => {
    const csvFile = join(dir, 'nov.csv');
    expect(await cli('reports', 'export', '--period', '2026-11', '--out', csvFile)).toEqual({
      code: 0,
      out: `Wrote 2 class reports of 2026-11 (第一党支部) to ${csvFile}.`,
      err: '',
    });
    const csv = readFileSync(csvFile);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').split('\r\n');
    expect(lines[1]).toBe("月报,2026-11-30 12:00,计科2101,CS2101,已提交,2026-11-02 08:00,李,2,2,2,2,2,'-1 问题,办法,,'\t制表,");
    expect(lines[2]).toBe('月报,2026-11-30 12:00,计科2102,CS2102,未交,,,,,,,,,,,,');

    const xlsxFile = join(dir, 'nov.xlsx');
    expect((await cli('reports', 'export', '--period', '2026-11', '--format', 'xlsx', '--out', xlsxFile)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('报告名称');
    expect(sheet.getRow(2).getCell(13).value).toBe("'-1 问题");
    expect(sheet.getRow(3).getCell(5).value).toBe('未交');

    // a month with nothing due: a file with the header only
    expect(await cli('reports', 'export', '--period', '2026-10', '--out', join(dir, 'oct.csv'))).toMatchObject({
      code: 0,
      out: expect.stringContaining('Wrote 0 class reports'),
    });
  });

  it('refuses a bad period, format or branch without writing a file', async () => {
    for (const args of [['--period', '2026-13'], ['--period', '2026-11', '--format', 'pdf'], []]) {
      expect(await cli('reports', 'export', ...args, '--out', join(dir, 'bad.csv'))).toMatchObject({
        code: 2,
        err: expect.stringContaining('--period YYYY-MM'),
      });
    }
    expect(await cli('reports', 'export', '--period', '2026-11', '--branch', '别的支部', '--out', join(dir, 'bad.csv'))).toMatchObject({
      code: 1,
      err: 'No branch is named "别的支部".',
    });
    expect(() => readFileSync(join(dir, 'bad.csv'))).toThrow();
  });
});
