import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { addClass } from '../../src/features/classes/service.js';
import { FixedClock } from '../../src/shared/clock.js';
import { databaseEnvForProcess } from '../support/test-db.js';

let dbEnv: Awaited<ReturnType<typeof databaseEnvForProcess>>;
const dir = mkdtempSync(join(tmpdir(), 'cpa-people-'));
const clock = new FixedClock(new Date('2026-12-02T04:00:00Z')); // 12:00 in Asia/Shanghai

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...dbEnv.env, TZ: 'Asia/Shanghai' }, { out: (l) => out.push(l), err: (l) => err.push(l) }, clock);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(dbEnv.env.DATABASE_URL ? { kind: 'postgres', url: dbEnv.env.DATABASE_URL } : { kind: 'pglite', dataDir: dbEnv.env.DATA_DIR! });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** What the import wrote, in a form to compare before and after. */
const snapshot = () =>
  withDb(async (db) => ({
    records: await db.selectFrom('pipeline_records').selectAll().orderBy('id').execute(),
    stages: await db.selectFrom('pipeline_stage_changes').selectAll().orderBy('id').execute(),
    reports: await db.selectFrom('thought_reports').select(['record_id', 'received_on']).orderBy('id').execute(),
    changes: await db.selectFrom('record_changes').selectAll().orderBy('id').execute(),
  }));

const csvFile = (name: string, lines: string[], bom = true) => {
  const file = join(dir, name);
  writeFileSync(file, (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n');
  return file;
};

/** 姓名,阶段,申请书日期 / 赵八,申请人,2025-03-01 in GBK. */
const GBK_BYTES = [
  208, 213, 195, 251, 44, 189, 215, 182, 206, 44, 201, 234, 199, 235, 202, 233, 200, 213, 198, 218, 13, 10, 213, 212, 176, 203, 44, 201, 234, 199, 235, 200,
  203, 44, 50, 48, 50, 53, 45, 48, 51, 45, 48, 49, 13, 10,
];

const HEADER =
  '班级,姓名,学号,阶段,申请书日期,积极分子日期,发展对象日期,预备党员日期,转正日期,推优日期,党校日期,党校结果,培养联系人1,培养联系人2,思想汇报日期,备注';

beforeAll(async () => {
  dbEnv = await databaseEnvForProcess();
  await withDb(async (db) => {
    await migrateToLatest(db);
    const branch = await db.insertInto('branches').values({ name: '第一党支部' }).returning('id').executeTakeFirstOrThrow();
    await addClass(db, branch.id, { name: '计科2101', code: 'CS2101' });
    await addClass(db, branch.id, { name: '计科2102', code: 'CS2102' });
  });
});
afterAll(async () => dbEnv.cleanup());
beforeEach(async () => {
  await withDb(async (db) => {
    await db.deleteFrom('record_changes').execute();
    await db.deleteFrom('pipeline_records').execute();
  });
});

describe('npm run cli -- people import', () => {
  it('imports a CSV with the dates people type, and a second run of the same file changes nothing', async () => {
    const file = csvFile('class.csv', [
      HEADER,
      'CS2101,张三,2021001,积极分子,2025/3/1,2025年10月8日,,,,2025-09-01,2025-11-01,结业,李老师,王同学,2025-12-01;2026-03-01、2026-06-01,按时交汇报',
      '计科2101,李四,,申请人,2026-09-10,,,,,,,,,,,',
      'CS2102,王五,2022003,预备党员,2023-09-01,2024-03-01,2025-04-01,2025-11-20,,,,,,,,"引号,逗号"',
    ]);
    expect(await cli('people', 'import', file)).toEqual({ code: 0, out: `Imported ${file}: 3 added, 0 updated, 0 unchanged.`, err: '' });
    const first = await snapshot();
    expect(first.records.map((r) => [r.name, r.student_no, r.stage, r.applied_on, r.activist_on, r.party_school_result, r.note])).toEqual([
      ['张三', '2021001', 'activist', '2025-03-01', '2025-10-08', 'passed', '按时交汇报'],
      ['李四', null, 'applicant', '2026-09-10', null, null, null],
      ['王五', '2022003', 'probationary', '2023-09-01', '2024-03-01', null, '引号,逗号'],
    ]);
    expect(first.reports.map((r) => r.received_on)).toEqual(['2025-12-01', '2026-03-01', '2026-06-01']);
    expect(first.stages.map((s) => [s.from_stage, s.to_stage, s.effective_on])).toEqual([
      [null, 'activist', '2025-10-08'],
      [null, 'applicant', '2026-09-10'],
      [null, 'probationary', '2025-11-20'],
    ]);
    expect(first.changes.map((c) => [c.action, c.actor_id, (c.detail as { line: number }).line])).toEqual([
      ['import', null, 2],
      ['import', null, 3],
      ['import', null, 4],
    ]);

    expect(await cli('people', 'import', file)).toMatchObject({ code: 0, out: `Imported ${file}: 0 added, 0 updated, 3 unchanged.` });
    expect(await snapshot()).toEqual(first);

    // a later file moves 张三 on (matched on 学号, with another spelling of the name) and 李四 on 姓名
    const later = csvFile('later.csv', [
      'class,name,student_no,stage,applied_on,activist_on,target_on,thought_reports',
      'cs2101,张三,2021001,development target,2025-03-01,2025-10-08,2026-11-20,2026-09-01',
      'CS2101,李四,2021009,activist,2026-09-10,2026-11-30,,',
    ]);
    expect(await cli('people', 'import', later)).toMatchObject({ code: 0, out: `Imported ${later}: 0 added, 2 updated, 0 unchanged.` });
    const after = await snapshot();
    expect(after.records.find((r) => r.name === '张三')).toMatchObject({ stage: 'development_target', target_on: '2026-11-20', note: '按时交汇报' });
    expect(after.records.find((r) => r.name === '李四')).toMatchObject({ stage: 'activist', student_no: '2021009' });
    expect(after.stages.slice(3).map((s) => [s.from_stage, s.to_stage, s.effective_on])).toEqual([
      ['activist', 'development_target', '2026-11-20'],
      ['applicant', 'activist', '2026-11-30'],
    ]);
    expect(after.changes.slice(3).map((c) => c.detail)).toEqual([
      { line: 2, changes: { stage: ['activist', 'development_target'], target_on: [null, '2026-11-20'] }, thought_reports: ['2026-09-01'] },
      { line: 3, changes: { student_no: [null, '2021009'], stage: ['applicant', 'activist'], activist_on: [null, '2026-11-30'] } },
    ]);
  });

  it('refuses a file with broken rows: nothing is written and every bad line is listed with what was expected', async () => {
    const file = csvFile('broken.csv', [
      HEADER,
      'CS2101,好人,2021001,积极分子,2025-03-01,2025-10-08,,,,,,,,,,',
      'CS2101,坏阶段,,党员候选,2025-03-01,,,,,,,,,,,',
      'CS2101,未来,,申请人,2027-01-01,,,,,,,,,,,',
      'CS2101,乱序,,发展对象,2025-06-01,2025-03-01,2025-09-01,,,,,,,,,',
      'CS2199,无班级,,申请人,2025-03-01,,,,,,,,,,,',
      'CS2101,坏日期,,申请人,2025-02-30,,,,,,,,,,2025/13/1,',
      ',,,申请人,2025-03-01,,,,,,,,,,,',
      'CS2101,缺日期,,积极分子,2025-03-01,,,,,,,,,,,',
      'CS2101,好人,2021001,积极分子,2025-03-01,2025-10-08,,,,,,,,,,',
      'CS2101,早到,,申请人,2025-03-01,2025-04-01,,,,,,,,,,',
      'CS2101,跳级,,发展对象,2025-06-01,,2025-05-01,,,,,,,,,',
    ]);
    const result = await cli('people', 'import', file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    const lines = result.err.split('\n');
    expect(lines[0]).toBe('Nothing was imported; fix these rows and run again:');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}line 3: 阶段: "党员候选"; expected one of 申请人\/积极分子\/发展对象\/预备党员\/正式党员/),
      '  line 4: 申请书日期: "2027-01-01"; expected a date not after today (2026-12-02), got 2027-01-01',
      '  line 5: 积极分子日期: 2025-03-01 is before 申请书日期 2025-06-01; the stage dates must be in order',
      '  line 6: 班级: no class "CS2199"',
      '  line 7: 申请书日期: "2025-02-30"; expected a date such as 2026-03-01, 2026/3/1 or 2026年3月1日',
      '  line 7: 思想汇报日期: "2025/13/1"; expected a date such as 2026-03-01, 2026/3/1 or 2026年3月1日, several separated by ; or 、',
      '  line 8: 姓名: missing; expected a name of 1-50 characters',
      '  line 9: 积极分子日期: missing; a 积极分子 (activist) needs the date of that stage',
      '  line 10: the same person as line 2 (学号 2021001); each person once',
      '  line 11: 积极分子日期: 2025-04-01; a 申请人 has no date of a later stage (leave it empty)',
      '  line 12: 发展对象日期: 2025-05-01 is before 申请书日期 2025-06-01; the stage dates must be in order',
    ]);
    expect((await snapshot()).records).toEqual([]);
  });

  it('refuses a wrong or missing header, and formulas in any cell', async () => {
    expect(await cli('people', 'import', csvFile('h1.csv', ['班级,姓名,阶段,生日', 'CS2101,张三,申请人,2000-01-01']))).toMatchObject({
      code: 1,
      err: expect.stringContaining('line 1: unknown column "生日" (column 4); the header must be 班级,姓名,学号,阶段'),
    });
    expect(await cli('people', 'import', csvFile('h2.csv', ['班级,姓名,申请书日期', 'CS2101,张三,2025-03-01']))).toMatchObject({
      code: 1,
      err: expect.stringContaining('line 1: the header has no 阶段 (stage) column'),
    });
    // without 班级 the class comes from --class
    expect(await cli('people', 'import', csvFile('h3.csv', ['姓名,阶段,申请书日期', '张三,申请人,2025-03-01']))).toMatchObject({
      code: 1,
      err: expect.stringContaining('the header has no 班级 (class) column (or pass --class CODE)'),
    });
    expect(await cli('people', 'import', csvFile('h3.csv', ['姓名,阶段,申请书日期', '张三,申请人,2025-03-01']), '--class', 'CS2102')).toMatchObject({
      code: 0,
    });
    expect(await cli('people', 'import', csvFile('h4.csv', ['姓名,阶段,申请书日期', '张三,申请人,2025-03-01']), '--class', 'XX9')).toMatchObject({
      code: 1,
      err: 'Nothing was imported; fix these rows and run again:\n  no class "XX9"',
    });
    // "CSV (逗号分隔)" saved by Excel on Chinese Windows is GBK, not UTF-8: read as such
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.from(GBK_BYTES));
    expect(await cli('people', 'import', gbk, '--class', 'CS2102')).toMatchObject({ code: 0, out: `Imported ${gbk}: 1 added, 0 updated, 0 unchanged.` });

    const formulas = csvFile('formula.csv', [
      '班级,姓名,阶段,申请书日期,备注',
      `CS2101,"=cmd|' /C calc'!A0",申请人,2025-03-01,`,
      'CS2101,赵六,申请人,2025-03-01,"=HYPERLINK(""http://evil"",""点我"")"',
      "CS2101,钱七,申请人,2025-03-01,'=1+1 是文字",
    ]);
    const result = await cli('people', 'import', formulas);
    expect(result.code).toBe(1);
    expect(result.err.split('\n').slice(1)).toEqual([
      "  line 2: 姓名: a formula is not accepted (write the value itself; text that starts with = + - @ needs a leading ')",
      "  line 3: 备注: a formula is not accepted (write the value itself; text that starts with = + - @ needs a leading ')",
    ]);
    expect((await snapshot()).records.map((r) => r.name)).toEqual(['张三', '赵八']);
  });

  it('reads an xlsx with real date cells and numbers; refuses several sheets and formula cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    sheet.addRow(['班级', '姓名', '学号', '阶段', '申请书日期', '积极分子日期', '思想汇报日期']);
    sheet.addRow(['CS2101', '张三', 2021001, 'activist', new Date(Date.UTC(2025, 2, 1)), '2025年10月8日', new Date(Date.UTC(2026, 5, 1))]);
    sheet.addRow(['CS2101', '李四', null, '申请人', 46000, null, null]); // a date cell that lost its format: Excel's day 46000
    const file = join(dir, 'people.xlsx');
    await book.xlsx.writeFile(file);
    expect(await cli('people', 'import', file)).toMatchObject({ code: 0, out: `Imported ${file}: 2 added, 0 updated, 0 unchanged.` });
    const { records, reports } = await snapshot();
    expect(records.map((r) => [r.name, r.student_no, r.stage, r.applied_on, r.activist_on])).toEqual([
      ['张三', '2021001', 'activist', '2025-03-01', '2025-10-08'],
      ['李四', null, 'applicant', '2025-12-09', null],
    ]);
    expect(reports.map((r) => r.received_on)).toEqual(['2026-06-01']);

    book.addWorksheet('说明').addRow(['请填写第一个工作表']);
    const two = join(dir, 'two.xlsx');
    await book.xlsx.writeFile(two);
    expect(await cli('people', 'import', two)).toMatchObject({
      code: 1,
      err: expect.stringContaining('line 1: the workbook has 2 sheets ("名单", "说明"); keep only the sheet to import'),
    });

    const evil = new ExcelJS.Workbook();
    const s = evil.addWorksheet('名单');
    s.addRow(['班级', '姓名', '阶段', '申请书日期', '备注']);
    s.addRow(['CS2101', '王五', '申请人', '2025-03-01', { formula: 'HYPERLINK("http://evil","点我")', result: '点我' }]);
    s.addRow(['CS2101', '赵六', '申请人', '2025-03-01', "=cmd|' /C calc'!A0"]);
    const evilFile = join(dir, 'evil.xlsx');
    await evil.xlsx.writeFile(evilFile);
    const result = await cli('people', 'import', evilFile);
    expect(result.code).toBe(1);
    expect(result.err).toContain('line 2: 备注: a formula is not accepted');
    expect(result.err).toContain('line 3: 备注: a formula is not accepted');
    expect((await snapshot()).records).toHaveLength(2);
  });
});

describe('npm run cli -- people export', () => {
  it('writes CSV with a BOM and xlsx, formula-like text neutralised; each file imports back without a change', async () => {
    const file = csvFile('seed.csv', [
      HEADER,
      'CS2101,张三,2021001,积极分子,2025-03-01,2025-10-08,,,,2025-09-01,2025-11-01,已参加,李老师,,2025-12-01;2026-03-01,"\'=1+1 备注, 逗号"',
      'CS2101,李四,,正式党员,2021-03-01,2021-10-01,2022-11-01,2023-05-01,2024-05-01,,,,,,,',
      'CS2102,王五,,申请人,2026-10-01,,,,,,,,,,,',
    ]);
    expect((await cli('people', 'import', file)).code).toBe(0);
    const before = await snapshot();
    expect(before.records[0]!.note).toBe('=1+1 备注, 逗号');

    const csvOut = join(dir, 'out.csv');
    expect(await cli('people', 'export', '--class', 'CS2101', '--out', csvOut)).toEqual({ code: 0, out: `Wrote 2 people (计科2101) to ${csvOut}.`, err: '' });
    const csv = readFileSync(csvOut);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n')).toEqual([
      HEADER,
      `CS2101,张三,2021001,积极分子,2025-03-01,2025-10-08,,,,2025-09-01,2025-11-01,已参加,李老师,,2025-12-01、2026-03-01,"'=1+1 备注, 逗号"`,
      'CS2101,李四,,正式党员,2021-03-01,2021-10-01,2022-11-01,2023-05-01,2024-05-01,,,,,,,',
      '',
    ]);
    expect((await cli('people', 'import', csvOut)).out).toBe(`Imported ${csvOut}: 0 added, 0 updated, 2 unchanged.`);

    const xlsxOut = join(dir, 'out.xlsx');
    expect(await cli('people', 'export', '--format', 'xlsx', '--out', xlsxOut)).toMatchObject({ code: 0, out: `Wrote 3 people (all classes) to ${xlsxOut}.` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxOut);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(16).value).toBe("'=1+1 备注, 逗号");
    expect(sheet.getRow(2).getCell(16).formula).toBeUndefined();
    expect(sheet.getRow(4).getCell(1).value).toBe('CS2102');
    expect((await cli('people', 'import', xlsxOut)).out).toBe(`Imported ${xlsxOut}: 0 added, 0 updated, 3 unchanged.`);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad usage before opening the database', async () => {
    expect(await cli('people', 'export', '--format', 'pdf')).toMatchObject({ code: 2, err: expect.stringContaining('people export takes') });
    expect(await cli('people', 'import', 'file.txt')).toMatchObject({ code: 2, err: expect.stringContaining('people import needs FILE.csv') });
    expect(await cli('people', 'import')).toMatchObject({ code: 2 });
    expect(await cli('people', 'export', '--class', 'XX9')).toMatchObject({ code: 1, err: 'No class "XX9".' });
  });
});
