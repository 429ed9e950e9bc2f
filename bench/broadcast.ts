/**
 * `npm run bench:broadcast` — one notice to 500 class groups, sent by the real Dispatcher against the
 * fake Bot API enforcing Telegram's limits (30 messages/s overall, 20/min per group) with ~1% of the
 * chats answering one 500 first. Two scenarios per database (PGlite, and PostgreSQL when reachable):
 *
 *   broadcast       the dispatcher in this process, from the first claim to the last delivery settled;
 *   kill+restart    the dispatcher in a separate worker process, SIGKILLed once ~40% of the chats have
 *                   the message, then started again (with a short lease so the jobs it left 'sending'
 *                   are released) until every delivery is settled.
 *
 * Counts come from what the fake recorded: a chat got the notice "exactly once" when exactly one
 * sendMessage to it succeeded. Results: bench/results/broadcast.json.
 *
 * Environment: BENCH_DATABASE_URL / TEST_DATABASE_URL (PostgreSQL; default postgres://postgres@127.0.0.1:5432/test
 * when it answers, BENCH_DATABASE_URL=none to skip), BENCH_CLASSES (500), BENCH_SEED (fault chats),
 * BENCH_DISPATCHER (DispatcherOptions as JSON, for every run; default: the production defaults).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { destination } from 'pino';
import { Telegram } from 'telegraf';
import { createChatMigrator } from '../src/chats/migrate.js';
import { noticesOnChatMigrated } from '../src/features/notices/chat-migrated.js';
import { noticeJobHandlers } from '../src/features/notices/jobs.js';
import { createLogger } from '../src/logging/logger.js';
import { Dispatcher } from '../src/outbox/dispatcher.js';
import { telegramRates } from '../src/outbox/store.js';
import { systemClock } from '../src/shared/clock.js';
import { startFakeBotApi, type FakeBotApi, type RecordedCall } from '../test/support/fake-bot-api/index.js';
import {
  BENCH_TEXT,
  createBenchSchema,
  openBench,
  openJobs,
  parseDispatcherOptions,
  postgresAnswers,
  seedBroadcast,
  settledSummary,
  type BenchTarget,
  type PlainDispatcherOptions,
  type Seeded,
  type SettledSummary,
} from './support/broadcast-db.js';

const here = dirname(fileURLToPath(import.meta.url));
const WORKER = join(here, 'support', 'broadcast-worker.ts');
const RESULTS = join(here, 'results', 'broadcast.json');

const CLASSES = Number(process.env.BENCH_CLASSES ?? 500);
const FAULT_SHARE = 0.01;
const KILL_AT_SHARE = 0.4;
const RESTART_LEASE_MS = 2000;
const SCENARIO_TIMEOUT_MS = 90_000;
const LIMITS = { perSecond: 30, perChatPerMinute: 20 };
const TARGETS = { minSustainedMessagesPerSecond: 27, lost: 0, duplicated: 0 };
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const baseOptions: PlainDispatcherOptions = parseDispatcherOptions(process.env.BENCH_DISPATCHER);
const seed = Number(process.env.BENCH_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** For investigating one case: BENCH_SCENARIOS=broadcast or kill+restart (default: both). */
const scenarios = new Set((process.env.BENCH_SCENARIOS ?? 'broadcast,kill+restart').split(',').map((s) => s.trim()));

type DatabaseKind = 'pglite' | 'postgres';
type Scenario = 'broadcast' | 'kill+restart';

interface Row {
  database: DatabaseKind;
  scenario: Scenario;
  chats: number;
  wallSeconds: number;
  messagesPerSecond: number;
  /**
   * The steady rate: successful sends between the 10th and the 90th percentile of the broadcast, per
   * second of sending (start-up, the tail of retried chats and, after a kill, the restart gap left out).
   */
  sustainedPerSecond: number;
  exactlyOnce: number;
  lost: number;
  duplicated: number;
  duplicateSends: number;
  rateLimited429: number;
  serverErrorsInjected: number;
  deliveries: Record<string, number>;
  jobsRetried: number;
  dispatcher: PlainDispatcherOptions;
  restart?: {
    killedAfterChats: number;
    killedAtSeconds: number;
    /** From the SIGKILL to the new worker's first claim opportunity (process start-up). */
    restartGapSeconds: number;
    restartedWorkerLeaseMs: number;
    /** Jobs the killed worker had claimed and not settled: each is sent again after the lease (maybe a duplicate). */
    leftSendingByKilledWorker: number;
    sendRateBeforeKill: number;
    sendRateAfterRestart: number;
  };
  /** Dispatcher rounds while the broadcast ran (in-process scenario): claim transaction + tickMs sleep. */
  loopRoundMs?: { rounds: number; p10: number; median: number; p90: number; mean: number };
  /** Duplicates beyond the sends that were in flight when the process was killed (the documented window): must be 0. */
  duplicatedOutsideWindow: number;
  meetsTargets: boolean;
}

function roundStats(starts: number[], until: number): Row['loopRoundMs'] {
  const gaps = starts
    .filter((t) => t <= until)
    .slice(1)
    .map((t, i) => t - starts[i]!)
    .sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0;
  const mean = gaps.reduce((sum, g) => sum + g, 0) / Math.max(1, gaps.length);
  return { rounds: gaps.length, p10: at(0.1), median: at(0.5), p90: at(0.9), mean: round(mean, 1) };
}

// ---------------------------------------------------------------------------------------------

function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One `serverError` on sendMessage for a random 1% of the chats (each answers 500 once, then normally). */
function injectTransientErrors(api: FakeBotApi, chats: number[], salt: number): number {
  const random = rng(seed + salt);
  const shuffled = [...chats];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const picked = shuffled.slice(0, Math.max(1, Math.round(chats.length * FAULT_SHARE)));
  for (const chatId of picked) api.injectFault('sendMessage', { kind: 'serverError' }, { times: 1, chatId });
  return picked.length;
}

async function freshFake(): Promise<FakeBotApi> {
  const api = await startFakeBotApi();
  api.setRateLimits(LIMITS);
  return api;
}

const isNoticeSend = (c: RecordedCall) => c.method === 'sendMessage' && c.params.text === BENCH_TEXT;
const succeeded = (c: RecordedCall) => isNoticeSend(c) && c.status === 200;

interface Tally {
  exactlyOnce: number;
  lost: number;
  duplicated: number;
  duplicateSends: number;
  rateLimited429: number;
  successes: RecordedCall[];
}

function tally(api: FakeBotApi, chats: number[]): Tally {
  const perChat = new Map<string, number>(chats.map((id) => [String(id), 0]));
  const successes = api.calls.filter(succeeded);
  for (const c of successes) {
    const key = String(c.params.chat_id);
    if (perChat.has(key)) perChat.set(key, perChat.get(key)! + 1);
  }
  const counts = [...perChat.values()];
  return {
    exactlyOnce: counts.filter((n) => n === 1).length,
    lost: counts.filter((n) => n === 0).length,
    duplicated: counts.filter((n) => n > 1).length,
    duplicateSends: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    rateLimited429: api.calls.filter((c) => c.status === 429).length,
    successes,
  };
}

function rate(calls: RecordedCall[]): number {
  if (calls.length < 2) return 0;
  return (calls.length - 1) / ((calls.at(-1)!.at - calls[0]!.at) / 1000);
}

/** Sends per second between the 10th and 90th percentile send, not counting time in `pause` (the restart gap). */
function sustained(successes: RecordedCall[], pause?: { from: number; to: number }): number {
  const times = successes.map((c) => c.at).sort((a, b) => a - b);
  const first = Math.floor(times.length * 0.1);
  const last = Math.ceil(times.length * 0.9) - 1;
  if (last <= first) return 0;
  const from = times[first]!;
  const to = times[last]!;
  const paused = pause ? Math.max(0, Math.min(to, pause.to) - Math.max(from, pause.from)) : 0;
  return (last - first) / ((to - from - paused) / 1000);
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function row(
  database: DatabaseKind,
  scenario: Scenario,
  startedAt: number,
  summary: SettledSummary,
  counts: Tally,
  faults: number,
  dispatcher: PlainDispatcherOptions,
  restart?: Row['restart'],
  pause?: { from: number; to: number },
): Row {
  if (summary.lastSettledAt === null) throw new Error(`${database}/${scenario}: no job was settled`);
  const wallSeconds = (summary.lastSettledAt - startedAt) / 1000;
  const delivered = CLASSES - counts.lost;
  const r: Row = {
    database,
    scenario,
    chats: CLASSES,
    wallSeconds: round(wallSeconds, 2),
    messagesPerSecond: round(delivered / wallSeconds),
    sustainedPerSecond: round(sustained(counts.successes, pause)),
    exactlyOnce: counts.exactlyOnce,
    lost: counts.lost,
    duplicated: counts.duplicated,
    duplicateSends: counts.duplicateSends,
    rateLimited429: counts.rateLimited429,
    serverErrorsInjected: faults,
    deliveries: summary.deliveries,
    jobsRetried: summary.retried,
    dispatcher,
    ...(restart ? { restart } : {}),
    duplicatedOutsideWindow: 0,
    meetsTargets: false,
  };
  // A send in flight at SIGKILL may have reached Telegram without its answer coming back; it is sent
  // again after the lease (README: the one duplicate window). Only duplicates beyond those count.
  r.duplicatedOutsideWindow = Math.max(0, r.duplicated - (restart?.leftSendingByKilledWorker ?? 0));
  r.meetsTargets = r.sustainedPerSecond >= TARGETS.minSustainedMessagesPerSecond && r.lost === TARGETS.lost && r.duplicatedOutsideWindow === TARGETS.duplicated;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Scenario 1: the dispatcher in this process.

async function inProcess(database: DatabaseKind, target: BenchTarget): Promise<Row> {
  const api = await freshFake();
  const db = await openBench(target);
  try {
    const seeded = await seedBroadcast(db, CLASSES, new Date());
    const faults = injectTransientErrors(api, seeded.telegramChatIds, 1);
    const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
    const logger = createLogger('error', destination(2));
    // The loop sleeps once per round: the time between two sleeps is one round (claim + tickMs).
    const rounds: number[] = [];
    const sleepAndCount = (ms: number) => {
      rounds.push(Date.now());
      return sleep(ms);
    };
    const dispatcher = new Dispatcher(
      { db, telegram, clock: systemClock, logger, migrateChat: createChatMigrator([noticesOnChatMigrated]) },
      noticeJobHandlers,
      { ...baseOptions, sleep: sleepAndCount },
    );
    const startedAt = Date.now();
    dispatcher.start();
    try {
      while ((await openJobs(db)) > 0) {
        if (Date.now() - startedAt > SCENARIO_TIMEOUT_MS) throw new Error(`${database}/broadcast: not settled after ${SCENARIO_TIMEOUT_MS / 1000}s`);
        await sleep(100);
      }
    } finally {
      await dispatcher.stop();
    }
    const summary = await settledSummary(db, seeded.noticeId);
    const r = row(database, 'broadcast', startedAt, summary, tally(api, seeded.telegramChatIds), faults, baseOptions);
    r.loopRoundMs = roundStats(rounds, summary.lastSettledAt ?? Date.now());
    return r;
  } finally {
    await db.destroy();
    await api.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Scenario 2: a worker process, SIGKILLed in the middle and started again.

interface Worker {
  child: ChildProcess;
  started: Promise<{ at: number; sending: number }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `node --import tsx` rather than the `tsx` CLI: the CLI runs the script in a child process of its
 * own, and a SIGKILL to the CLI would leave that child sending. This way the pid is the worker.
 */
function spawnWorker(env: Record<string, string>, label: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let resolveStarted!: (started: { at: number; sending: number }) => void;
  let rejectStarted!: (e: Error) => void;
  const started = new Promise<{ at: number; sending: number }>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  started.catch(() => {});
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let message: { event?: string; at?: number; open?: number; sending?: number };
    try {
      message = JSON.parse(line) as typeof message;
    } catch {
      return;
    }
    if (message.event === 'started') {
      resolveStarted({ at: message.at!, sending: message.sending ?? 0 });
      process.stdout.write(`    ${label} pid ${child.pid} started: ${message.open} jobs open, ${message.sending} of them left 'sending'\n`);
    } else if (message.event === 'finished') {
      process.stdout.write(`    ${label} pid ${child.pid} finished: nothing left to send\n`);
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) {
        const error = new Error(`${label} exited with code ${code}: ${stderr.join('').trim().split('\n').slice(-5).join('\n')}`);
        rejectStarted(error);
      } else {
        rejectStarted(new Error(`${label} exited before it started`));
      }
      resolve({ code, signal });
    }),
  );
  return { child, started, exited };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000}s`)), ms))),
  ]);
}

async function killAndRestart(database: DatabaseKind, target: BenchTarget, workerEnv: Record<string, string>): Promise<Row> {
  const api = await freshFake();
  const workers: Worker[] = [];
  try {
    // Seed, then close: for PGlite the worker must own the data directory alone.
    let seeded: Seeded;
    {
      const db = await openBench(target);
      try {
        seeded = await seedBroadcast(db, CLASSES, new Date());
      } finally {
        await db.destroy();
      }
    }
    const faults = injectTransientErrors(api, seeded.telegramChatIds, 2);
    const env = { ...workerEnv, BENCH_API_ROOT: api.apiRoot, BENCH_TOKEN: api.token };

    const killAfter = Math.round(CLASSES * KILL_AT_SHARE);
    const delivered = new Set<string>();
    const reachedKillPoint = api.waitForCall(
      'sendMessage',
      (c) => {
        if (succeeded(c)) delivered.add(String(c.params.chat_id));
        return delivered.size >= killAfter;
      },
      { timeoutMs: SCENARIO_TIMEOUT_MS },
    );
    reachedKillPoint.catch(() => {});

    const first = spawnWorker({ ...env, BENCH_DISPATCHER: JSON.stringify(baseOptions) }, 'worker 1');
    workers.push(first);
    const startedAt = (await withTimeout(first.started, 30_000, 'worker 1 start')).at;
    await withTimeout(
      Promise.race([reachedKillPoint, first.exited.then(() => Promise.reject(new Error('worker 1 exited before the kill point')))]),
      SCENARIO_TIMEOUT_MS,
      'kill point',
    );
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    const beforeKill = api.calls.filter(succeeded);
    const killedAfterChats = new Set(beforeKill.map((c) => String(c.params.chat_id))).size;
    await first.exited;
    process.stdout.write(`    worker 1 killed (SIGKILL) after ${killedAfterChats} chats had the notice\n`);

    const restartedOptions = { ...baseOptions, leaseMs: RESTART_LEASE_MS };
    const mark = api.mark();
    const second = spawnWorker({ ...env, BENCH_DISPATCHER: JSON.stringify(restartedOptions) }, 'worker 2');
    workers.push(second);
    const { at: restartedAt, sending: leftSending } = await withTimeout(second.started, 30_000, 'worker 2 start');
    const exit = await withTimeout(second.exited, SCENARIO_TIMEOUT_MS, 'worker 2 finishing');
    if (exit.code !== 0) throw new Error(`worker 2 ended with ${exit.signal ?? `code ${exit.code}`}`);
    const afterRestart = api.calls.slice(mark).filter(succeeded);

    const db = await openBench(target);
    let summary: SettledSummary;
    try {
      summary = await settledSummary(db, seeded.noticeId);
      const open = await openJobs(db);
      if (open > 0) throw new Error(`${database}/kill+restart: ${open} jobs still open after the worker finished`);
    } finally {
      await db.destroy();
    }
    return row(
      database,
      'kill+restart',
      startedAt,
      summary,
      tally(api, seeded.telegramChatIds),
      faults,
      restartedOptions,
      {
        killedAfterChats,
        killedAtSeconds: round((killedAt - startedAt) / 1000, 2),
        restartGapSeconds: round((restartedAt - killedAt) / 1000, 2),
        restartedWorkerLeaseMs: RESTART_LEASE_MS,
        leftSendingByKilledWorker: leftSending,
        sendRateBeforeKill: round(rate(beforeKill)),
        sendRateAfterRestart: round(rate(afterRestart)),
      },
      { from: beforeKill.at(-1)!.at, to: afterRestart[0]?.at ?? killedAt },
    );
  } finally {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await api.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function postgresUrl(): Promise<{ url: string | null; note: string }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given === 'none' || given === '') return { url: null, note: 'skipped (BENCH_DATABASE_URL=none)' };
  const url = given ?? DEFAULT_PG_URL;
  if (await postgresAnswers(url)) return { url, note: given ? 'from the environment' : `default ${DEFAULT_PG_URL}` };
  return { url: null, note: `skipped: no PostgreSQL answers at ${url.replace(/\/\/[^@]*@/, '//…@')}` };
}

async function runDatabase(database: DatabaseKind, pgUrl: string | null): Promise<Row[]> {
  const rows: Row[] = [];
  if (scenarios.has('broadcast')) {
    process.stdout.write(`\n${database}: broadcast to ${CLASSES} groups (dispatcher in this process)\n`);
    if (database === 'pglite') {
      rows.push(await inProcess(database, { kind: 'pglite' }));
    } else {
      const schema = await createBenchSchema(pgUrl!);
      try {
        rows.push(await inProcess(database, { kind: 'postgres', url: pgUrl!, schema: schema.schema }));
      } finally {
        await schema.drop();
      }
    }
    report(rows.at(-1)!);
  }

  if (!scenarios.has('kill+restart')) return rows;
  process.stdout.write(`${database}: broadcast with the bot process killed at ${KILL_AT_SHARE * 100}% and restarted\n`);
  if (database === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-broadcast-pglite-'));
    try {
      rows.push(await killAndRestart(database, { kind: 'pglite', dataDir: dir }, { BENCH_DB_KIND: 'pglite', BENCH_DATA_DIR: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const schema = await createBenchSchema(pgUrl!);
    try {
      rows.push(
        await killAndRestart(
          database,
          { kind: 'postgres', url: pgUrl!, schema: schema.schema },
          { BENCH_DB_KIND: 'postgres', BENCH_DB_URL: pgUrl!, BENCH_DB_SCHEMA: schema.schema },
        ),
      );
    } finally {
      await schema.drop();
    }
  }
  report(rows.at(-1)!);
  return rows;
}

function report(r: Row): void {
  process.stdout.write(
    `    ${r.wallSeconds}s, ${r.messagesPerSecond} msg/s (sustained ${r.sustainedPerSecond}/s), once ${r.exactlyOnce}, lost ${r.lost}, duplicated ${r.duplicated}, 429s ${r.rateLimited429}\n`,
  );
}

function table(rows: Row[]): string {
  const header = ['database', 'scenario', 'wall s', 'msg/s', 'sustained/s', 'exactly once', 'lost', 'duplicated', '429s', 'targets'];
  const body = rows.map((r) => [
    r.database,
    r.scenario,
    r.wallSeconds.toFixed(2),
    r.messagesPerSecond.toFixed(1),
    r.sustainedPerSecond.toFixed(1),
    `${r.exactlyOnce}/${r.chats}`,
    String(r.lost),
    r.duplicated > r.duplicatedOutsideWindow ? `${r.duplicated} (${r.duplicated - r.duplicatedOutsideWindow} in window)` : String(r.duplicated),
    String(r.rateLimited429),
    r.meetsTargets ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const began = Date.now();
  const pg = await postgresUrl();
  process.stdout.write(
    `bench:broadcast — ${CLASSES} groups, fake Bot API limits ${LIMITS.perSecond}/s and ${LIMITS.perChatPerMinute}/min per group, ` +
      `${FAULT_SHARE * 100}% one-off 500s (seed ${seed}); dispatcher options ${JSON.stringify(baseOptions)}; PostgreSQL ${pg.note}\n`,
  );
  const rows = [...(await runDatabase('pglite', null)), ...(pg.url ? await runDatabase('postgres', pg.url) : [])];

  process.stdout.write(`\n${table(rows)}\n`);
  process.stdout.write(
    `targets: ≥${TARGETS.minSustainedMessagesPerSecond} msg/s sustained, ${TARGETS.lost} lost, ${TARGETS.duplicated} duplicated; whole run ${round((Date.now() - began) / 1000)}s\n`,
  );

  mkdirSync(dirname(RESULTS), { recursive: true });
  const result = {
    benchmark: 'broadcast',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    scenario: {
      classes: CLASSES,
      fakeBotApiLimits: LIMITS,
      transientErrors: { share: FAULT_SHARE, fault: 'serverError on sendMessage, once per picked chat', seed },
      killAtShare: KILL_AT_SHARE,
      restartedWorkerLeaseMs: RESTART_LEASE_MS,
      budget: baseOptions.rates ?? telegramRates,
      dispatcherOptions:
        Object.keys(baseOptions).length > 0
          ? baseOptions
          : 'production defaults (src/outbox/dispatcher.ts: tickMs 50, idleMaxMs 2000, maxInFlight 16, leaseMs 60000, telegramRates)',
      postgres: pg.note,
    },
    targets: TARGETS,
    metrics: {
      wallSeconds: 'first dispatch (worker 1 ready) → outbox.done_at of the last notice job',
      messagesPerSecond: 'chats that received the notice / wallSeconds',
      sustainedPerSecond:
        'successful sends between the 10th and 90th percentile send / seconds of sending (restart gap excluded); the ≥27 target applies to this',
      exactlyOnce: 'chats with exactly one successful sendMessage of the notice',
      lost: 'chats with none',
      duplicated: 'chats with more than one',
      rateLimited429: '429 answers from the fake',
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
    process.stderr.write(`bench:broadcast failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
