/**
 * `npm run bench:dashboard` — the dashboard's data endpoints for a branch of 300 classes with a term of
 * history (18 weeks: 36 notices to every class, 30 students seen per class and their acknowledgements,
 * five monthly reports, FAQ questions every week, pipeline records, meetings), over real HTTP against
 * the dashboard's own server, on PostgreSQL (the target: p95 under 200 ms for the data endpoint), and
 * the size of the page's JavaScript gzipped (the target: under 500 KB).
 *
 * Environment: BENCH_DATABASE_URL / TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * BENCH_CLASSES (300), BENCH_REQUESTS (60 per endpoint). Results: bench/results/dashboard.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import { createDashboardHandler, createDashboardServer } from '../src/features/dashboard/http.js';
import { signInitData } from '../src/features/dashboard/init-data.js';
import { createLogger } from '../src/logging/logger.js';
import { FixedClock } from '../src/shared/clock.js';
import { seedBranchHistory } from '../test/support/dashboard-seed.js';
import { bundleWeb } from '../web/bundle.mjs';

const CLASSES = Number(process.env.BENCH_CLASSES ?? 300);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const P95_TARGET_MS = 200;
const JS_TARGET_KB = 500;
const URL_ = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TOKEN = '123456:BENCH-TOKEN';
const NOW = new Date('2026-12-02T02:00:00Z');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const schema = `bench_dashboard_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: URL_ });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = await openDatabase({ kind: 'postgres', url: URL_, schema });
  try {
    await migrateToLatest(db);
    const seedStarted = Date.now();
    const branch = await db.insertInto('branches').values({ name: '计算机学院第一党支部' }).returning('id').executeTakeFirstOrThrow();
    await sql`insert into classes (branch_id, name, code, tags)
      select ${branch.id}, '班级' || lpad(i::text, 3, '0'), 'C' || lpad(i::text, 3, '0'), array[(2021 + i % 4) || '级']
      from generate_series(1, ${CLASSES}) i`.execute(db);
    const classIds = (await db.selectFrom('classes').select('id').orderBy('id').execute()).map((c) => c.id);
    const secretary = await db
      .insertInto('people')
      .values({ telegram_user_id: 101, first_name: '王书记', language: 'zh' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_assignments').values({ person_id: secretary.id, role: 'secretary', branch_id: branch.id, class_id: null }).execute();
    // two liaisons a class
    await sql`insert into people (telegram_user_id, first_name, language)
      select 2000000 + c.id * 2 + k, '联络员' || c.id || '-' || k, 'zh' from classes c cross join generate_series(0, 1) k`.execute(db);
    await sql`insert into role_assignments (person_id, role, branch_id, class_id)
      select p.id, 'liaison', c.branch_id, c.id from classes c join people p on p.telegram_user_id in (2000000 + c.id * 2, 2000001 + c.id * 2)`.execute(db);
    await seedBranchHistory(db, { branchId: branch.id, classIds, now: NOW, students: 30, notices: 36, reportPeriods: 5, weeks: 18 });
    await sql`analyze`.execute(db);
    const counts = await sql<{ acks: number; deliveries: number; questions: number; records: number }>`select
      (select count(*)::int from acknowledgements) as acks, (select count(*)::int from deliveries) as deliveries,
      (select count(*)::int from faq_questions) as questions, (select count(*)::int from pipeline_records) as records`.execute(db);
    const seedMs = Date.now() - seedStarted;

    const clock = new FixedClock(NOW);
    const logger = createLogger('silent');
    const server = createDashboardServer(
      createDashboardHandler({ db, clock, logger, config: { botToken: TOKEN, timeZone: 'Asia/Shanghai', web: { appUrl: null } } }),
      0,
      logger,
    );
    const port = await server.listen();
    const initData = signInitData({ user: JSON.stringify({ id: 101, first_name: '王书记' }), auth_date: String(NOW.getTime() / 1000) }, TOKEN);
    const endpoints = ['/api/overview', '/api/charts', `/api/class?id=${classIds[Math.floor(CLASSES / 2)]}`, '/api/overview?tag=2022级', '/api/overview.xlsx'];
    const results = [];
    for (const path of endpoints) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS + 5; i++) {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}${encodeURI(path)}`, { headers: { authorization: `tma ${initData}` } });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        if (i >= 5) times.push(performance.now() - started); // the first five warm the pool and the plans
        bytes = body.byteLength;
      }
      times.sort((a, b) => a - b);
      results.push({ path, requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, bytes });
    }
    await server.close();

    const files = await bundleWeb();
    const jsGzip = gzipSync(files['app.js']!).length;
    const pageGzip = Object.values(files).reduce((n, f) => n + gzipSync(f).length, 0);

    const round = (n: number) => Math.round(n * 10) / 10;
    console.log(`\ndashboard bench: ${CLASSES} classes on PostgreSQL (seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(counts.rows[0])})`);
    console.log(
      `load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} on ${cpus().length} cores\n`,
    );
    console.log('| endpoint | requests | p50 ms | p95 ms | max ms | bytes |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) console.log(`| ${r.path} | ${r.requests} | ${round(r.p50)} | ${round(r.p95)} | ${round(r.max)} | ${r.bytes} |`);
    console.log(
      `\npage JavaScript: ${(files['app.js']!.length / 1024).toFixed(0)} KB, ${(jsGzip / 1024).toFixed(0)} KB gzipped (target < ${JS_TARGET_KB} KB); whole page ${(pageGzip / 1024).toFixed(0)} KB gzipped`,
    );
    const data = results.find((r) => r.path === '/api/overview')!;
    const verdict = {
      overviewP95Ms: round(data.p95),
      overviewP95Ok: data.p95 < P95_TARGET_MS,
      jsGzipKb: round(jsGzip / 1024),
      jsGzipOk: jsGzip < JS_TARGET_KB * 1024,
    };
    console.log(
      `targets: /api/overview p95 ${verdict.overviewP95Ms} ms < ${P95_TARGET_MS} ms: ${verdict.overviewP95Ok ? 'ok' : 'MISSED'}; JS ${verdict.jsGzipKb} KB < ${JS_TARGET_KB} KB: ${verdict.jsGzipOk ? 'ok' : 'MISSED'}`,
    );
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/dashboard.json',
      `${JSON.stringify({ at: new Date().toISOString(), classes: CLASSES, rows: counts.rows[0], loadavg: loadavg(), endpoints: results.map((r) => ({ ...r, p50: round(r.p50), p95: round(r.p95), max: round(r.max) })), page: { jsBytes: files['app.js']!.length, jsGzipBytes: jsGzip, pageGzipBytes: pageGzip }, verdict }, null, 2)}\n`,
    );
    if (!verdict.overviewP95Ok || !verdict.jsGzipOk) process.exitCode = 1;
  } finally {
    await db.destroy();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  }
}

await main();
