/**
 * `npm run bench:dispatcher` — what an idle dispatcher costs the database, and how soon a notice
 * leaves once Send is pressed. The real Dispatcher (production options, real clock and timers, the
 * notice handlers) runs against the fake Bot API, on PGlite and on PostgreSQL when one answers:
 *
 *   idle          an empty outbox for BENCH_IDLE_SECONDS (10): statements per second sent by the
 *                 dispatcher (each query, plus begin/commit per transaction, counted client-side by
 *                 test/support/statement-log.ts) and writes to `send_budget`;
 *   send → first  BENCH_SAMPLES (10) notices to one class each, created at random moments of the
 *                 idle sleep (after two not counted): time from the start of the Send transaction to the fake recording the
 *                 sendMessage. `poke`: in the same process (what the Send button does);
 *                 `notify`: created through a second connection pool without poke (another process;
 *                 PostgreSQL only, through LISTEN/NOTIFY).
 *
 * Results: bench/results/dispatcher.json. Environment: BENCH_DATABASE_URL / TEST_DATABASE_URL as for
 * bench:broadcast (BENCH_DATABASE_URL=none skips PostgreSQL).
 */
import { createChatMigrator } from '../src/chats/migrate.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Telegram } from 'telegraf';
import type { Db } from '../src/db/schema.js';
import { noticeJobHandlers } from '../src/features/notices/jobs.js';
import { createNotice } from '../src/features/notices/service.js';
import { createLogger } from '../src/logging/logger.js';
import { Dispatcher } from '../src/outbox/dispatcher.js';
import { postgresWakeups } from '../src/outbox/wakeups.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/shared/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../test/support/fake-bot-api/index.js';
import { statementLog } from '../test/support/statement-log.js';
import { createBenchSchema, openBench, postgresAnswers, type BenchTarget } from './support/broadcast-db.js';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'dispatcher.json');
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 10);
/** Sends per path before the measured ones (first queries and JIT), not counted. */
const WARMUP = 2;
const TARGETS = { maxIdleStatementsPerSecond: 1, maxSendToFirstDeliveryMs: 100 };
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

type Path = 'poke' | 'notify';
interface Latency {
  path: Path;
  samples: number;
  p50Ms: number;
  maxMs: number;
  commitP50Ms: number;
  allMs: number[];
}
interface Row {
  database: 'pglite' | 'postgres';
  idleSeconds: number;
  idleStatements: number;
  idleStatementsPerSecond: number;
  idleSendBudgetWrites: number;
  latency: Latency[];
  meetsTargets: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One branch with `count` classes, each bound to its own group (a notice per sample, so no group pacing applies). */
async function seed(db: Db, count: number): Promise<{ branchId: number; classIds: number[] }> {
  await migrateToLatest(db);
  const branch = await db.insertInto('branches').values({ name: '基准支部' }).returning('id').executeTakeFirstOrThrow();
  const classes = await db
    .insertInto('classes')
    .values(Array.from({ length: count }, (_, i) => ({ branch_id: branch.id, name: `延迟${i + 1}班`, code: `L${i + 1}` })))
    .returning('id')
    .execute();
  await db
    .insertInto('chats')
    .values(classes.map((c, i) => ({ telegram_chat_id: -2_000_000_000 - i, type: 'group', title: `延迟${i + 1}班群`, class_id: c.id, active: true })))
    .execute();
  return { branchId: branch.id, classIds: classes.map((c) => c.id) };
}

interface Sample {
  totalMs: number;
  /** Of which the Send transaction itself (createNotice, until its commit). */
  commitMs: number;
}

async function sendToFirstDelivery(api: FakeBotApi, db: Db, branchId: number, classId: number, text: string, afterCommit: () => void): Promise<Sample> {
  const mark = api.mark();
  const delivered = api.waitForCall('sendMessage', (c) => c.params.text === text && c.status === 200, { since: mark, timeoutMs: 10_000 });
  const started = Date.now();
  const now = new Date();
  await createNotice(db, now, {
    kind: 'text',
    text,
    entities: [],
    fileId: null,
    branchId,
    authorId: null,
    pin: false,
    askAck: false,
    sendAt: now,
    classIds: [classId],
  });
  const committed = Date.now();
  afterCommit();
  return { totalMs: (await delivered).at - started, commitMs: committed - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function latency(path: Path, samples: Sample[]): Latency {
  const all = samples.map((s) => s.totalMs);
  return { path, samples: all.length, p50Ms: median(all), maxMs: Math.max(...all), commitP50Ms: median(samples.map((s) => s.commitMs)), allMs: all };
}

async function measure(database: Row['database'], target: BenchTarget, url?: string): Promise<Row> {
  const api = await startFakeBotApi();
  const db = await openBench(target);
  const other = target.kind === 'postgres' ? await openBench(target) : null; // "another process": its own pool
  const { branchId, classIds } = await seed(db, (SAMPLES + WARMUP) * 2);
  const counted = statementLog(db);
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  const wakeups = url ? postgresWakeups(url) : undefined;
  const dispatcher = new Dispatcher(
    { db: counted.db, telegram, clock: systemClock, logger: createLogger('error'), migrateChat: createChatMigrator([]) },
    noticeJobHandlers,
    wakeups ? { wakeups } : {},
  );
  try {
    dispatcher.start();
    await sleep(500); // past start-up (and the LISTEN connection)
    counted.reset();
    await sleep(IDLE_SECONDS * 1000);
    const idleStatements = counted.statements();
    const idleSendBudgetWrites = counted.writes('send_budget');

    const paths: Path[] = other ? ['poke', 'notify'] : ['poke'];
    const results: Latency[] = [];
    let next = 0;
    for (const path of paths) {
      const all: Sample[] = [];
      for (let i = -WARMUP; i < SAMPLES; i++) {
        await sleep(300 + Math.random() * 1500); // somewhere in the idle sleep
        const viaDb = path === 'poke' ? db : other!;
        const sample = await sendToFirstDelivery(api, viaDb, branchId, classIds[next++]!, `延迟测试 ${path} ${i}`, () => path === 'poke' && dispatcher.poke());
        if (i >= 0) all.push(sample);
      }
      results.push(latency(path, all));
    }
    const row: Row = {
      database,
      idleSeconds: IDLE_SECONDS,
      idleStatements,
      idleStatementsPerSecond: round(idleStatements / IDLE_SECONDS, 2),
      idleSendBudgetWrites,
      latency: results,
      meetsTargets: false,
    };
    row.meetsTargets = row.idleStatementsPerSecond < TARGETS.maxIdleStatementsPerSecond && results.every((l) => l.maxMs <= TARGETS.maxSendToFirstDeliveryMs);
    return row;
  } finally {
    await dispatcher.stop();
    await other?.destroy();
    await db.destroy();
    await api.close();
  }
}

function table(rows: Row[]): string {
  const header = ['database', 'idle stmts/s', 'budget writes', 'send→first p50 ms', 'max ms', 'of which commit p50', 'path', 'targets'];
  const body = rows.flatMap((r) =>
    r.latency.map((l) => [
      r.database,
      String(r.idleStatementsPerSecond),
      String(r.idleSendBudgetWrites),
      String(l.p50Ms),
      String(l.maxMs),
      String(l.commitP50Ms),
      l.path,
      r.meetsTargets ? 'met' : 'MISSED',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const pgUrl = given === 'none' || given === '' ? null : (given ?? DEFAULT_PG_URL);
  const rows: Row[] = [];
  process.stdout.write(`bench:dispatcher — ${IDLE_SECONDS}s idle, ${SAMPLES} notices per path\npglite…\n`);
  rows.push(await measure('pglite', { kind: 'pglite' }));
  let postgres = 'skipped (BENCH_DATABASE_URL=none)';
  if (pgUrl && (await postgresAnswers(pgUrl))) {
    process.stdout.write('postgres…\n');
    const schema = await createBenchSchema(pgUrl);
    const url = new URL(pgUrl);
    url.searchParams.set('options', `-c search_path=${schema.schema}`);
    try {
      rows.push(await measure('postgres', { kind: 'postgres', url: pgUrl, schema: schema.schema }, url.toString()));
      postgres = given ? 'from the environment' : `default ${DEFAULT_PG_URL}`;
    } finally {
      await schema.drop();
    }
  } else if (pgUrl) {
    postgres = 'skipped: no PostgreSQL answers';
  }
  process.stdout.write(`\n${table(rows)}\n`);
  process.stdout.write(`targets: < ${TARGETS.maxIdleStatementsPerSecond} statement/s idle, Send → first delivery ≤ ${TARGETS.maxSendToFirstDeliveryMs} ms\n`);
  mkdirSync(dirname(RESULTS), { recursive: true });
  const result = {
    benchmark: 'dispatcher',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    scenario: {
      idleSeconds: IDLE_SECONDS,
      samplesPerPath: SAMPLES,
      warmupSendsPerPath: WARMUP,
      dispatcherOptions: 'production defaults (idleMaxMs 2000, LISTEN/NOTIFY on PostgreSQL)',
      postgres,
    },
    before: 'issue 8: about 96 statements/s idle (a claim transaction with a send_budget write every 50 ms)',
    targets: TARGETS,
    metrics: {
      idleStatementsPerSecond:
        "statements the dispatcher sent through its database handle (queries + begin/commit), per second, outbox empty; the LISTEN connection's two statements at start are not in it",
      idleSendBudgetWrites: 'insert/update of send_budget while idle',
      latency: 'start of the Send transaction (createNotice) → the fake Bot API recording the successful sendMessage',
    },
    results: rows,
    allTargetsMet: rows.every((r) => r.meetsTargets),
  };
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`results: ${RESULTS}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:dispatcher failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
