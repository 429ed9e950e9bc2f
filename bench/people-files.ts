/**
 * People files benchmark: `npm run bench:people-files`.
 * A branch of 300 classes and 15,000 people (issue 11's size): the CSV import that creates them,
 * the xlsx and CSV export of every class, and the re-import of the xlsx (nothing changes), on
 * PGlite and on PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test when it answers; `none` skips it). Prints a table and
 * writes bench/results/people-files.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import type { Db } from '../src/db/schema.js';
import { exportPeople } from '../src/features/records-files/export.js';
import { importPeople } from '../src/features/records-files/import.js';
import { readCsv, readXlsx } from '../src/features/records-files/read.js';

const CLASSES = 300;
const PER_CLASS = 50;
const stages = ['申请人', '积极分子', '发展对象', '预备党员', '正式党员'];
const now = new Date('2026-12-02T04:00:00Z');
const today = '2026-12-02';

function sourceCsv(): Buffer {
  const lines = ['班级,姓名,学号,阶段,申请书日期,积极分子日期,发展对象日期,预备党员日期,转正日期,党校日期,党校结果,培养联系人1,培养联系人2,思想汇报日期,备注'];
  for (let c = 0; c < CLASSES; c++) {
    for (let p = 0; p < PER_CLASS; p++) {
      const stage = (c + p) % 5;
      const dates = ['2022-03-01', '2022-10-01', '2023-11-01', '2024-06-01', '2025-06-01'].map((d, i) => (i <= stage ? d : ''));
      lines.push(
        [
          `C${c}`,
          `同学${c}-${p}`,
          `S${c}${String(p).padStart(3, '0')}`,
          stages[stage],
          ...dates,
          stage >= 1 ? '2023/5/1' : '',
          stage >= 1 ? '结业' : '',
          '李老师',
          '',
          '2026-03-01;2026-06-01',
          p % 7 === 0 ? '=注意' : '',
        ].join(','),
      );
    }
  }
  // '=注意' is written as the export writes such text: with a leading '
  return Buffer.from('\uFEFF' + lines.join('\r\n').replaceAll(',=注意', ",'=注意") + '\r\n');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - started)];
}

async function run(db: Db, label: string) {
  await migrateToLatest(db);
  const branch = await db.insertInto('branches').values({ name: '基准支部' }).returning('id').executeTakeFirstOrThrow();
  const classes = await db
    .insertInto('classes')
    .values(Array.from({ length: CLASSES }, (_, c) => ({ branch_id: branch.id, name: `班级${c}`, code: `C${c}` })))
    .returning('id')
    .execute();
  const classIds = classes.map((c) => c.id);
  const csv = sourceCsv();
  const read = readCsv(csv);
  if (!read.ok) throw new Error(read.message);
  const options = { classRef: null, today, now, actorId: null };
  const [created, importMs] = await timed(() => importPeople(db, read.table, options));
  if (!created.ok || created.created !== CLASSES * PER_CLASS) throw new Error(`import: ${JSON.stringify(created).slice(0, 300)}`);
  const [xlsx, xlsxMs] = await timed(() => exportPeople(db, classIds, 'xlsx', 'zh', 'all'));
  const [csvOut, csvMs] = await timed(() => exportPeople(db, classIds, 'csv', 'zh', 'all'));
  const [again, reimportMs] = await timed(async () => {
    const table = await readXlsx(xlsx.file);
    if (!table.ok) throw new Error(table.message);
    return importPeople(db, table.table, options);
  });
  if (!again.ok || again.unchanged !== CLASSES * PER_CLASS) throw new Error(`re-import: ${JSON.stringify(again).slice(0, 300)}`);
  return {
    database: label,
    people: xlsx.rows,
    importCsvMs: importMs,
    exportXlsxMs: xlsxMs,
    exportCsvMs: csvMs,
    xlsxBytes: xlsx.file.length,
    csvBytes: csvOut.file.length,
    reimportXlsxMs: reimportMs,
  };
}

async function postgresUrl(): Promise<string | null> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (given === 'none' || given === '') return null;
  const client = new pg.Client({ connectionString: given });
  try {
    await client.connect();
    const name = `bench_people_${process.pid}`;
    await client.query(`create database ${name}`);
    const url = new URL(given);
    url.pathname = `/${name}`;
    return url.toString();
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropDatabase(url: string) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists ${name}`);
  await client.end();
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'bench-people-'));
const lite = await openDatabase({ kind: 'pglite', dataDir: dir });
try {
  rows.push(await run(lite, 'pglite'));
} finally {
  await lite.destroy();
  rmSync(dir, { recursive: true, force: true });
}
const url = await postgresUrl();
if (url) {
  const db = await openDatabase({ kind: 'postgres', url });
  try {
    rows.push(await run(db, 'postgres'));
  } finally {
    await db.destroy();
    await dropDatabase(url);
  }
}
console.table(rows);
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('results/people-files.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), classes: CLASSES, people: CLASSES * PER_CLASS, rows }, null, 2) + '\n',
);
