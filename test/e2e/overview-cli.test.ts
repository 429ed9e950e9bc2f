import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { addClass } from '../../src/features/classes/service.js';
import { FixedClock } from '../../src/shared/clock.js';
import { databaseEnvForProcess } from '../support/test-db.js';

// Issue 11: `npm run cli -- overview` writes the secretary's overview as a file (CSV with BOM or xlsx).

let dbEnv: Awaited<ReturnType<typeof databaseEnvForProcess>>;
const dir = mkdtempSync(join(tmpdir(), 'cpa-overview-'));
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...dbEnv.env, TZ: 'Asia/Shanghai' }, { out: (l) => out.push(l), err: (l) => err.push(l) }, clock);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dbEnv = await databaseEnvForProcess();
  const db = await openDatabase(dbEnv.env.DATABASE_URL ? { kind: 'postgres', url: dbEnv.env.DATABASE_URL } : { kind: 'pglite', dataDir: dbEnv.env.DATA_DIR! });
  try {
    await migrateToLatest(db);
    const branch = await db.insertInto('branches').values({ name: '第一党支部' }).returning('id').executeTakeFirstOrThrow();
    const a = await addClass(db, branch.id, { name: '计科2101', code: 'CS2101' });
    await db.insertInto('classes').values({ branch_id: branch.id, name: '+计科2102', code: 'CS2102' }).execute();
    const classId = (await db.selectFrom('classes').select('id').where('code', '=', 'CS2101').executeTakeFirstOrThrow()).id;
    expect(a).toBeTruthy();
    const now = clock.now();
    await db
      .insertInto('pipeline_records')
      .values([
        { class_id: classId, name: '甲', stage: 'probationary', created_at: now, updated_at: now },
        { class_id: classId, name: '乙', stage: 'applicant', applied_on: '2026-11-01', created_at: now, updated_at: now },
      ])
      .execute();
  } finally {
    await db.destroy();
  }
});
afterAll(async () => dbEnv.cleanup());

describe('npm run cli -- overview', () => {
  it('writes the overview as CSV with a BOM (the default) and as an xlsx that opens', async () => {
    const csvFile = join(dir, 'overview.csv');
    expect(await cli('overview', '--out', csvFile)).toEqual({ code: 0, out: `Wrote the overview of 2 classes (第一党支部) to ${csvFile}.`, err: '' });
    const csv = readFileSync(csvFile);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '班级,代码,标签,联络员,联络员人数,联络员不是 2 人,无法私信的联络员,班级群,群在用,通知已读率,上次报告期,上次报告,下次班会,联络员已确认,待答问题,未处理反馈,本学期申请书,本季度思想汇报,申请人,积极分子,积极分子参加党校,发展对象,预备党员,正式党员',
    );
    const cs2101 = lines.find((l) => l.startsWith('计科2101,'))!;
    expect(cs2101).toBe('计科2101,CS2101,,,0,是,,,,,,暂无,,,0,0,1,0,1,0,0,0,1,0');
    expect(lines.some((l) => l.startsWith("'+计科2102,CS2102,"))).toBe(true); // neutralised, never a formula
    expect(lines[3]).toBe('合计,,,,,2,,,0,,,,,,0,0,1,0,1,0,0,0,1,0');

    const xlsxFile = join(dir, 'overview.xlsx');
    expect((await cli('overview', '--format', 'xlsx', '--branch', '第一党支部', '--out', xlsxFile)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('第一党支部');
    expect(sheet.getRow(1).getCell(1).value).toBe('班级');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getColumn(1).values).toContain("'+计科2102");
    expect(sheet.getRow(4).getCell(23).value).toBe(1); // probationary members in all
  });

  it('refuses a bad format or an unknown branch without writing a file', async () => {
    expect(await cli('overview', '--format', 'pdf', '--out', join(dir, 'bad.csv'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('--format csv or xlsx'),
    });
    expect(await cli('overview', '--branch', '别的支部', '--out', join(dir, 'bad.csv'))).toMatchObject({ code: 1, err: 'No branch is named "别的支部".' });
    expect(await cli('overview', 'extra')).toMatchObject({ code: 2 });
    expect(() => readFileSync(join(dir, 'bad.csv'))).toThrow();
  });
});
