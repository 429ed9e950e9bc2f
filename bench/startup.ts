/**
 * `npm run bench:startup` — the bot's footprint as a process, run the way `npm start` and the Docker
 * image run it (`node dist/src/main.js`; BENCH_BOT=source runs `node --import tsx src/main.ts`):
 *
 *   start      time from spawn to the `ready` log line, and resident memory (the process tree's RSS)
 *              1.5 s after ready, median of BENCH_RUNS (5) starts each: PostgreSQL (an existing,
 *              migrated schema), PGlite warm (an existing data directory), PGlite first start (a new
 *              data directory each time); the peak RSS (VmHWM) too, and each start-up phase from the
 *              bot's own `startup_phase` debug lines;
 *   idle       CPU of the idle bot over 30 s (both databases side by side), and the log lines it wrote then;
 *   load       RSS idle, after the first 1,000 updates (warmed up), after 20,000 mixed updates (private
 *              /start, /help, /whoami, FAQ questions, group /liaisons and /ask, stale buttons) and a
 *              500-group broadcast composed through the real /notice dialogue, then 30 s later; table sizes.
 *
 * Everything talks to the fake Bot API on 127.0.0.1. Prints a table; writes bench/results/startup.json
 * with the load average, since other work on the machine moves these figures.
 *
 * Environment: BENCH_DATABASE_URL / TEST_DATABASE_URL (PostgreSQL; default postgres://postgres@127.0.0.1:5432/test
 * when it answers, BENCH_DATABASE_URL=none to skip), BENCH_RUNS (5), BENCH_IDLE_SECONDS (30),
 * BENCH_UPDATES (20000), BENCH_GROUPS (500), BENCH_SCENARIOS (start,idle,load), BENCH_LOAD_DBS (postgres,pglite).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open.js';
import type { Db } from '../src/db/schema.js';
import { makeUser, startFakeBotApi, type FakeBotApi, type FakeChat, type FakeUser } from '../test/support/fake-bot-api/index.js';
import { botCommand, cpuTicks, memoryOf, sleep, startBot, type BotCommand, type BotProcess } from './support/bot-process.js';
import { BENCH_TEXT, createBenchSchema, postgresAnswers, seedBoundClasses } from './support/broadcast-db.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(root, 'bench', 'results', 'startup.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
/** From ready to the start of the idle window. */
const SETTLE_SECONDS = 60;
const UPDATES = Number(process.env.BENCH_UPDATES ?? 20_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 500);
const SETTLE_MS = 1500;
const WARM_UP = 1000;
const TARGETS = {
  readyMs: { postgres: 1500, pgliteWarm: 2500, pgliteFirst: 5000 },
  rssMb: { postgresIdle: 120, pgliteWarm: 350 },
  idleCpuPercent: 1,
  rssAfterLoadWithinIdle: 0.1,
};
const scenarios = new Set((process.env.BENCH_SCENARIOS ?? 'start,idle,load').split(',').map((s) => s.trim()));
const loadDbs = new Set((process.env.BENCH_LOAD_DBS ?? 'postgres,pglite').split(',').map((s) => s.trim()));
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

type Kind = 'postgres' | 'pglite';
interface Target {
  kind: Kind;
  env: Record<string, string>;
  /** Opens the same database from this process (PGlite: only while the bot is stopped). */
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const load = () => loadavg().map((l) => round(l, 2));

async function postgresUrl(): Promise<string | null> {
  const configured = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (configured === 'none') return null;
  const url = configured ?? DEFAULT_PG_URL;
  return (await postgresAnswers(url)) ? url : null;
}

async function postgresTarget(url: string): Promise<Target> {
  const { schema, drop } = await createBenchSchema(url);
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return { kind: 'postgres', env: { DATABASE_URL: withSchema.toString() }, open: () => openDatabase({ kind: 'postgres', url, schema }), cleanup: drop };
}

function pgliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'cpa-bench-'));
  return {
    kind: 'pglite',
    env: { DATA_DIR: dir },
    open: () => openDatabase({ kind: 'pglite', dataDir: dir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface StartSample {
  readyMs: number;
  /** CPU time (user + system) the process used up to ready: what the machine's other load moves least. */
  cpuMsToReady: number;
  rssMb: number;
  peakRssMb: number;
  phases: Record<string, { ms: number; rssMb: number; heapUsedMb: number; externalMb: number }>;
}

/** One start: spawn → ready → 1.5 s → RSS → SIGTERM. */
async function measureStart(cmd: BotCommand, api: FakeBotApi, env: Record<string, string>): Promise<StartSample> {
  const bot = startBot(root, cmd, { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'debug', ...env });
  try {
    const readyMs = await bot.ready;
    const cpuMsToReady = cpuTicks(bot.pid) * 10;
    await sleep(SETTLE_MS);
    const { rss, peak } = memoryOf(bot.pid);
    const phases = Object.fromEntries(
      bot.lines
        .filter((l) => l.event === 'startup_phase')
        .map((l) => [String(l.phase), { ms: Number(l.ms), rssMb: Number(l.rssMb), heapUsedMb: Number(l.heapUsedMb), externalMb: Number(l.externalMb) }]),
    );
    return { readyMs: round(readyMs), cpuMsToReady, rssMb: round(rss, 1), peakRssMb: round(peak, 1), phases };
  } finally {
    await bot.stop();
  }
}

interface StartRow {
  case: 'postgres' | 'pglite warm' | 'pglite first start';
  runs: number;
  readyMsMedian: number;
  readyMsAll: number[];
  cpuMsToReadyMedian: number;
  rssMbMedian: number;
  peakRssMbMedian: number;
  phasesOfMedianRun: StartSample['phases'];
}

function startRow(name: StartRow['case'], samples: StartSample[]): StartRow {
  const byReady = [...samples].sort((a, b) => a.readyMs - b.readyMs);
  return {
    case: name,
    runs: samples.length,
    readyMsMedian: round(median(samples.map((s) => s.readyMs))),
    readyMsAll: samples.map((s) => s.readyMs),
    cpuMsToReadyMedian: round(median(samples.map((s) => s.cpuMsToReady))),
    rssMbMedian: round(median(samples.map((s) => s.rssMb)), 1),
    peakRssMbMedian: round(median(samples.map((s) => s.peakRssMb)), 1),
    phasesOfMedianRun: byReady[Math.floor((byReady.length - 1) / 2)]?.phases ?? {},
  };
}

async function startScenarios(cmd: BotCommand, api: FakeBotApi, pgUrl: string | null): Promise<StartRow[]> {
  const rows: StartRow[] = [];
  if (pgUrl) {
    const target = await postgresTarget(pgUrl);
    try {
      await measureStart(cmd, api, target.env); // migrates the new schema; not counted
      const samples: StartSample[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await measureStart(cmd, api, target.env));
      rows.push(startRow('postgres', samples));
    } finally {
      await target.cleanup();
    }
  }
  const warm = pgliteTarget();
  try {
    const first: StartSample[] = [await measureStart(cmd, api, warm.env)];
    const samples: StartSample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await measureStart(cmd, api, warm.env));
    rows.push(startRow('pglite warm', samples));
    for (let i = 1; i < RUNS; i++) {
      const fresh = pgliteTarget();
      try {
        first.push(await measureStart(cmd, api, fresh.env));
      } finally {
        await fresh.cleanup();
      }
    }
    rows.push(startRow('pglite first start', first));
  } finally {
    await warm.cleanup();
  }
  return rows;
}

interface IdleRow {
  database: Kind;
  seconds: number;
  cpuPercent: number;
  rssMb: number;
  logLines: number;
  /** The events of those lines. */
  logEvents: string[];
}

/**
 * The bot on each database, idle side by side (each with a fake Bot API of its own: two bots polling
 * one token get 409 Conflict): CPU over the window and what it logged meanwhile.
 */
async function idleScenario(cmd: BotCommand, pgUrl: string | null): Promise<IdleRow[]> {
  const targets = [...(pgUrl ? [await postgresTarget(pgUrl)] : []), pgliteTarget()];
  const bots: Array<{ target: Target; bot: BotProcess }> = [];
  const apis: FakeBotApi[] = [];
  try {
    for (const target of targets) {
      const api = await startFakeBotApi();
      apis.push(api);
      const bot = startBot(root, cmd, { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...target.env });
      bots.push({ target, bot });
      await bot.ready;
    }
    // start-up's tail, not idle: the first scheduler tick, the outbox's first look, the FAQ warm-up,
    // and V8's memory reducer, which compacts the heap once some 10–15 s after start-up's
    // allocations end (~150 ms of CPU; measured from 5 s after ready it was most of the idle figure).
    // Since the FAQ's classifier trains at warm-up (done ~2 s after ready), that compaction comes
    // 20–35 s after ready, later with a second bot warming up beside it (RSS ~128 MB before it, ~111 MB after, on PostgreSQL; a full GC forced at the
    // end of the warm-up, a shorter reducer delay or a lower heap growth did not bring it sooner)
    await sleep(SETTLE_SECONDS * 1000);
    const before = bots.map(({ bot }) => ({ ticks: cpuTicks(bot.pid), lines: bot.lines.length, at: performance.now() }));
    await sleep(IDLE_SECONDS * 1000);
    return bots.map(({ target, bot }, i) => {
      const seconds = (performance.now() - before[i]!.at) / 1000;
      return {
        database: target.kind,
        seconds: round(seconds, 1),
        cpuPercent: round(((cpuTicks(bot.pid) - before[i]!.ticks) / 100 / seconds) * 100, 2),
        rssMb: round(memoryOf(bot.pid).rss, 1),
        logLines: bot.lines.length - before[i]!.lines,
        logEvents: bot.lines.slice(before[i]!.lines).map((l) => String(l.event ?? l.raw)),
      };
    });
  } finally {
    for (const { bot } of bots) await bot.stop();
    for (const api of apis) await api.close();
    for (const target of targets) await target.cleanup();
  }
}

interface LoadRow {
  database: Kind;
  updates: number;
  updatesPerSecond: number;
  broadcastGroups: number;
  broadcastSeconds: number;
  rssMb: { idle: number; warmedUp: number; afterUpdates: number; afterBroadcast: number; after30s: number; peak: number };
  /** after30s / idle − 1: includes what the first updates set up once (the FAQ index, compiled code, Postgres' caches). */
  growth: number;
  /** after30s / warmedUp − 1: what the rest of the load left behind. */
  growthAfterWarmUp: number;
  tableRows: Record<string, number>;
}

const SECRETARY = makeUser(90_001, '基准书记');
const students = Array.from({ length: 1000 }, (_, i) => makeUser(500_001 + i, `学生${i + 1}`));

function faqQuestions(): string[] {
  return readFileSync(join(root, 'test', 'faq', 'dev-set.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('-\t'))
    .map((l) => l.split('\t')[1]!);
}

type Mixed = (api: FakeBotApi, user: FakeUser, group: FakeChat, question: string) => void;
const asStart: Mixed = (api, user) => api.sendPrivateText(user, '/start');
const asHelp: Mixed = (api, user) => api.sendPrivateText(user, '/help');
const asWhoami: Mixed = (api, user) => api.sendPrivateText(user, '/whoami');
const inGroupLiaisons: Mixed = (api, user, group) => api.sendGroupText(group, user, '/liaisons');
const inGroupAsk: Mixed = (api, user, group, question) => api.sendGroupText(group, user, `/ask ${question}`);
const privateQuestion: Mixed = (api, user, _group, question) => api.sendPrivateText(user, question);
const staleButton: Mixed = (api, user) => api.pressButton(user, { chat: { id: user.id, type: 'private' }, message_id: 1 }, 'nd:all');
/** Out of every 20 updates: 5 /start, 3 /help, 2 /whoami, 3 group /liaisons, 3 group /ask, 2 private questions, 2 stale buttons. */
const MIX: Mixed[] = [
  ...Array<Mixed>(5).fill(asStart),
  ...Array<Mixed>(3).fill(asHelp),
  ...Array<Mixed>(2).fill(asWhoami),
  ...Array<Mixed>(3).fill(inGroupLiaisons),
  ...Array<Mixed>(3).fill(inGroupAsk),
  ...Array<Mixed>(2).fill(privateQuestion),
  ...Array<Mixed>(2).fill(staleButton),
];

function pushMixed(api: FakeBotApi, i: number, groups: FakeChat[], questions: string[]): void {
  MIX[i % MIX.length]!(api, students[i % students.length]!, groups[i % groups.length]!, questions[i % questions.length]!);
}

/** Every update fetched (the last long poll got none), then no call to the Bot API for `quietMs`. */
async function untilHandled(api: FakeBotApi, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await sleep(250);
    const polls = api.callsTo('getUpdates');
    const lastPoll = polls.at(-1);
    const drained = lastPoll && (lastPoll.response === undefined || (lastPoll.response as { result: unknown[] }).result.length === 0);
    const last = api.calls.findLast((c) => c.method !== 'getUpdates');
    if (drained && (!last || Date.now() - last.at > quietMs)) return;
  }
  throw new Error('the bot did not finish the updates in time');
}

async function reply(api: FakeBotApi, push: () => number, method = 'sendMessage'): Promise<void> {
  const since = api.mark();
  push();
  await api.waitForCall(method, (c) => method === 'answerCallbackQuery' || String(c.params.chat_id) === String(SECRETARY.id), { since, timeoutMs: 30_000 });
}

/** Presses the secretary's button with this data once the bot has shown it (its edit may follow the answer to the last press). */
async function press(api: FakeBotApi, data: string): Promise<void> {
  const shown = () =>
    api.calls.findLast((c) => String(c.params.chat_id) === String(SECRETARY.id) && JSON.stringify(c.params.reply_markup ?? '').includes(`"${data}"`));
  const deadline = Date.now() + 30_000;
  let call = shown();
  while (!call && Date.now() < deadline) {
    await sleep(50);
    call = shown();
  }
  if (!call) throw new Error(`no button ${data} for the secretary`);
  const messageId = (call.response as { result: { message_id: number } }).result.message_id;
  await reply(api, () => api.pressButton(SECRETARY, { chat: { id: SECRETARY.id, type: 'private' }, message_id: messageId }, data), 'answerCallbackQuery');
}

/** The secretary sends one text notice to every class through /notice, as in test/e2e/notices.test.ts. */
async function composeBroadcast(api: FakeBotApi): Promise<void> {
  await reply(api, () => api.sendPrivateText(SECRETARY, '/notice'));
  await reply(api, () => api.sendPrivateText(SECRETARY, BENCH_TEXT));
  for (const data of ['nd:all', 'nd:ack', 'nd:next', 'nd:now', 'nd:send']) await press(api, data);
}

async function tableRows(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  const out: Record<string, number> = {};
  for (const { name } of rows) {
    const counted = await sql<{ n: string }>`select count(*) as n from ${sql.id(name)}`.execute(db);
    const n = Number(counted.rows[0]?.n ?? 0);
    if (n > 0) out[name] = n;
  }
  return out;
}

async function loadScenario(cmd: BotCommand, api: FakeBotApi, target: Target): Promise<LoadRow> {
  const seedDb = await target.open();
  let groupIds: number[];
  try {
    await migrateToLatest(seedDb);
    const seeded = await seedBoundClasses(seedDb, GROUPS, new Date());
    groupIds = seeded.telegramChatIds;
    const person = await seedDb
      .insertInto('people')
      .values({ telegram_user_id: SECRETARY.id, first_name: SECRETARY.first_name, last_name: null, username: null, language: 'zh' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await seedDb.insertInto('role_assignments').values({ person_id: person.id, role: 'secretary', branch_id: seeded.branchId, class_id: null }).execute();
  } finally {
    await seedDb.destroy();
  }
  const groups: FakeChat[] = groupIds.map((id, i) => ({ id, type: 'group', title: `基准${i + 1}班群` }));
  for (const g of groups) api.setChat(g);
  const questions = faqQuestions();

  const bot = startBot(root, cmd, { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...target.env });
  try {
    await bot.ready;
    await sleep(5_000);
    const idle = memoryOf(bot.pid).rss;
    diagnose(bot);

    // The first WARM_UP updates, then the rest: one-time set-up apart from what the load leaves.
    const push = async (from: number, to: number) => {
      for (let i = from; i < to; i += 500) {
        for (let j = i; j < Math.min(to, i + 500); j++) pushMixed(api, j, groups, questions);
        await sleep(10); // lets the fake answer polls between batches
      }
      await untilHandled(api, 2_000, 30 * 60_000);
    };
    const warmUp = Math.min(WARM_UP, UPDATES);
    await push(0, warmUp);
    await sleep(5_000);
    const warmedUp = memoryOf(bot.pid).rss;
    const started = performance.now();
    await push(warmUp, UPDATES);
    const updateSeconds = (performance.now() - started - 2_000) / 1000;
    const afterUpdates = memoryOf(bot.pid).rss;

    const broadcastStart = performance.now();
    await composeBroadcast(api);
    const ids = new Set(groupIds.map(String));
    const delivered = () =>
      api.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && ids.has(String(c.params.chat_id)) && c.params.text === BENCH_TEXT).length;
    while (delivered() < groupIds.length) {
      if (performance.now() - broadcastStart > 180_000) throw new Error(`broadcast: ${delivered()} of ${groupIds.length} delivered after 180 s`);
      await sleep(250);
    }
    const broadcastSeconds = (performance.now() - broadcastStart) / 1000;
    await sleep(1_000);
    const afterBroadcast = memoryOf(bot.pid).rss;
    await sleep(30_000);
    const { rss: after30s, peak } = memoryOf(bot.pid);
    diagnose(bot);
    const rowsWhileRunning = target.kind === 'postgres' ? await withDb(target, tableRows) : null;
    await bot.stop();
    const rows = rowsWhileRunning ?? (await withDb(target, tableRows));
    return {
      database: target.kind,
      updates: UPDATES,
      updatesPerSecond: round((UPDATES - warmUp) / updateSeconds),
      broadcastGroups: groupIds.length,
      broadcastSeconds: round(broadcastSeconds, 1),
      rssMb: {
        idle: round(idle, 1),
        warmedUp: round(warmedUp, 1),
        afterUpdates: round(afterUpdates, 1),
        afterBroadcast: round(afterBroadcast, 1),
        after30s: round(after30s, 1),
        peak: round(peak, 1),
      },
      growth: round(after30s / idle - 1, 3),
      growthAfterWarmUp: round(after30s / warmedUp - 1, 3),
      tableRows: rows,
    };
  } finally {
    await bot.stop();
  }
}

/**
 * BENCH_DIAGNOSE=1 with BENCH_NODE_OPTIONS="--report-on-signal --report-signal=SIGUSR2 --report-directory=DIR":
 * a Node diagnostic report (heap spaces, native memory) when idle and at the end of the load.
 */
function diagnose(bot: BotProcess): void {
  if (process.env.BENCH_DIAGNOSE) bot.child.kill('SIGUSR2');
}

async function withDb<T>(target: Target, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await target.open();
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

function printTables(start: StartRow[], idle: IdleRow[], loads: LoadRow[]): void {
  if (start.length) {
    console.log('\nstart (median of runs; RSS 1.5 s after ready)');
    console.table(
      start.map((r) => ({
        case: r.case,
        runs: r.runs,
        'ready ms': r.readyMsMedian,
        'CPU ms to ready': r.cpuMsToReadyMedian,
        'RSS MB': r.rssMbMedian,
        'peak RSS MB': r.peakRssMbMedian,
      })),
    );
  }
  if (idle.length) {
    console.log(`\nidle (${IDLE_SECONDS} s)`);
    console.table(idle.map((r) => ({ database: r.database, 'CPU %': r.cpuPercent, 'RSS MB': r.rssMb, 'log lines': r.logLines })));
  }
  if (loads.length) {
    console.log(`\nload (${UPDATES} updates, then a ${GROUPS}-group broadcast)`);
    console.table(
      loads.map((r) => ({
        database: r.database,
        'updates/s': r.updatesPerSecond,
        'broadcast s': r.broadcastSeconds,
        'RSS idle': r.rssMb.idle,
        'warmed up': r.rssMb.warmedUp,
        'after updates': r.rssMb.afterUpdates,
        'after broadcast': r.rssMb.afterBroadcast,
        '+30 s': r.rssMb.after30s,
        peak: r.rssMb.peak,
        growth: `${round(r.growth * 100, 1)}%`,
        'after warm-up': `${round(r.growthAfterWarmUp * 100, 1)}%`,
      })),
    );
  }
}

async function main(): Promise<void> {
  const cmd = botCommand(root);
  const pgUrl = await postgresUrl();
  const loadBefore = load();
  const api = await startFakeBotApi();
  let start: StartRow[] = [];
  let idle: IdleRow[] = [];
  const loads: LoadRow[] = [];
  try {
    if (scenarios.has('start')) start = await startScenarios(cmd, api, pgUrl);
    if (scenarios.has('idle')) idle = await idleScenario(cmd, pgUrl);
    if (scenarios.has('load')) {
      for (const kind of ['postgres', 'pglite'] as const) {
        if (!loadDbs.has(kind) || (kind === 'postgres' && !pgUrl)) continue;
        const target = kind === 'postgres' ? await postgresTarget(pgUrl!) : pgliteTarget();
        try {
          loads.push(await loadScenario(cmd, api, target));
        } finally {
          await target.cleanup();
        }
        api.calls.length = 0;
      }
    }
  } finally {
    await api.close();
  }
  printTables(start, idle, loads);
  const loadAfter = load();
  console.log(`\nload average (1, 5, 15 min): before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')} on ${navigatorCores()} cores`);
  // Each scenario keeps its own date, command and load average: a run of some scenarios (BENCH_SCENARIOS)
  // updates theirs and keeps the others' from the last run.
  const run = {
    date: new Date().toISOString(),
    command: cmd.label,
    postgres: pgUrl ? 'reachable' : 'skipped',
    loadAverage: { before: loadBefore, after: loadAfter },
  };
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  const section = (name: string, rows: unknown[]) => (scenarios.has(name) ? { run, rows } : (previous[name] ?? null));
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        benchmark: 'startup',
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cores: navigatorCores(),
        note: "measured on a shared 2-core machine while other work ran: see each section's load average",
        targets: TARGETS,
        start: section('start', start),
        idle: section('idle', idle),
        load: section('load', loads),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`results: ${RESULTS}`);
}

const navigatorCores = () => availableParallelism();

await main();
