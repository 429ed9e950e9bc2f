/**
 * `npm run bench:load` — mixed traffic from 200 users in 50 class groups against the real app (startApp,
 * polling) and the fake Bot API: /ask with a question the FAQ answers (50%), /liaisons (25%) and presses
 * of the "收到 ✅" button under a notice already delivered to every group (25%). Per database (PGlite,
 * and PostgreSQL when reachable):
 *
 *   burst (limits on)   2,000 updates within 3 s, the fake enforcing 30 messages/s and 20/min per group:
 *                       updates handled per second, replies owed vs delivered (in the group, privately
 *                       with a note, later through the outbox) vs merged with an identical one waiting,
 *                       the longest wait for one, the busiest minute of any group, 429s seen;
 *   steady 30/s, 100/s  10 s of open-loop traffic with Telegram's limits and the bot's own send gate
 *   (limits off)        lifted: reply latency p50/p99 (push → the fake records the answer), and the SQL
 *                       statements the app sent per update (bench:load-statements counts them per kind).
 *
 * Peak RSS is sampled in this process, which also runs the fake. Results: bench/results/load.json.
 * Environment: BENCH_DATABASE_URL / TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test
 * when it answers; BENCH_DATABASE_URL=none to skip), BENCH_DATABASES (postgres,pglite), BENCH_PHASES
 * (burst,steady), BENCH_BURST (2000), BENCH_SEED. The machine may be shared: each result carries the load average.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import type { RecordedCall } from '../test/support/fake-bot-api/index.js';
import { statementLog, type StatementLog } from '../test/support/statement-log.js';
import {
  benchPostgresUrl,
  buildWorld,
  pushBenchUpdate,
  type BenchKind as Kind,
  type BenchUser,
  type DatabaseKind,
  type LoadWorld,
} from './support/load-setup.js';

const BURST = Number(process.env.BENCH_BURST ?? 2000);
const BURST_SECONDS = 3;
const STEADY_SECONDS = 10;
const DRAIN_TIMEOUT_MS = 150_000;
const LIMITS = { perSecond: 30, perChatPerMinute: 20 };
const LIFTED = { perSecond: 100_000, groupLimit: 100_000 };
const QUESTIONS = ['入党申请书要怎么写啊', '入党积极分子是怎么确定的', '预备党员的预备期是多长时间', '入党需要什么条件'];
const BUSY_NOTE = '每分钟 20 条';
/** BENCH_PACE_WAIT_MS: the longest a handler waits for a send slot (the reply path's paceWaitMs) — to compare. */
const replySettings = process.env.BENCH_PACE_WAIT_MS ? { paceWaitMs: Number(process.env.BENCH_PACE_WAIT_MS) } : undefined;

interface Sent {
  kind: Kind;
  user: BenchUser;
  messageId: number;
  callbackId: string;
  pushedAt: number;
}

let seed = Number(process.env.BENCH_SEED ?? 20261202);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
let nextMessageId = 2_000_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function push(world: LoadWorld): Sent {
  const user = world.users[Math.floor(random() * world.users.length)]!;
  const r = random();
  const kind: Kind = r < 0.5 ? 'ask' : r < 0.75 ? 'liaisons' : 'ack';
  const messageId = nextMessageId++;
  const pushedAt = Date.now();
  const callbackId = pushBenchUpdate(world, kind, user, messageId, QUESTIONS[messageId % QUESTIONS.length]!);
  return { kind, user, messageId, callbackId, pushedAt };
}

/** Open loop: update i goes out at start + i / rate, however the bot keeps up. */
async function traffic(world: LoadWorld, count: number, perSecond: number): Promise<Sent[]> {
  const sent: Sent[] = [];
  const start = Date.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    sent.push(push(world));
  }
  return sent;
}

interface Resolution {
  /** Per update: when its answer arrived (ms epoch) and how; null: not (yet) delivered. */
  at: Array<{ at: number; how: 'group' | 'later' | 'private' | 'coalesced' | 'callback' } | null>;
  unresolved: number;
}

function resolve(calls: RecordedCall[], sent: Sent[]): Resolution {
  const inGroup = new Map<number, { at: number; later: boolean }>();
  const privateNotes = new Map<number, number[]>();
  const callbacks = new Map<string, number>();
  /** Askers named under an identical answer that stood for theirs (coalesced), by user id. */
  const named = new Map<number, number[]>();
  for (const c of calls) {
    if (c.status !== 200) continue;
    if (c.method === 'answerCallbackQuery') callbacks.set(String(c.params.callback_query_id), c.at);
    if (c.method !== 'sendMessage') continue;
    const chatId = Number(c.params.chat_id);
    const text = String(c.params.text ?? '');
    const replyTo = (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id;
    if (chatId < 0 && replyTo !== undefined) inGroup.set(replyTo, { at: c.at, later: text.includes('晚到') });
    if (chatId > 0 && text.includes(BUSY_NOTE)) privateNotes.set(chatId, [...(privateNotes.get(chatId) ?? []), c.at]);
    if (chatId < 0) for (const m of text.matchAll(/tg:\/\/user\?id=(\d+)/g)) named.set(Number(m[1]), [...(named.get(Number(m[1])) ?? []), c.at]);
  }
  const at: Resolution['at'] = sent.map((s) => {
    if (s.kind === 'ack') {
      const t = callbacks.get(s.callbackId);
      return t === undefined ? null : { at: t, how: 'callback' };
    }
    const g = inGroup.get(s.messageId);
    if (g) return { at: g.at, how: g.later ? 'later' : 'group' };
    const notes = privateNotes.get(s.user.id);
    const i = notes?.findIndex((t) => t >= s.pushedAt) ?? -1;
    if (i >= 0) return { at: notes!.splice(i, 1)[0]!, how: 'private' };
    const mentions = named.get(s.user.id);
    const j = mentions?.findIndex((t) => t >= s.pushedAt) ?? -1;
    if (j >= 0) return { at: mentions!.splice(j, 1)[0]!, how: 'coalesced' };
    return null;
  });
  return { at, unresolved: at.filter((a) => a === null).length };
}

async function pendingReplies(world: LoadWorld): Promise<number> {
  const row = await world.db
    .selectFrom('outbox')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('state', 'in', ['pending', 'sending'])
    .where('dedupe_key', 'like', '%:reply:%')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waits until every update is handled and no reply waits in the outbox (or the timeout). */
async function drain(world: LoadWorld, count: number, baseHandled: number): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (world.handledAt.length - baseHandled >= count && (await pendingReplies(world)) === 0) return;
    await sleep(250);
  }
}

function busiestMinute(calls: RecordedCall[]): number {
  const perChat = new Map<string, number[]>();
  for (const c of calls)
    if (c.method === 'sendMessage' && c.status === 200 && Number(c.params.chat_id) < 0)
      perChat.set(String(c.params.chat_id), [...(perChat.get(String(c.params.chat_id)) ?? []), c.at]);
  let most = 0;
  for (const times of perChat.values()) {
    times.sort((a, b) => a - b);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 60_000) j++;
      most = Math.max(most, i - j + 1);
    }
  }
  return most;
}

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return () => (clearInterval(timer), Math.round(peak / 2 ** 20));
}

async function burst(kind: DatabaseKind, url: string | null) {
  const world = await buildWorld(kind, url, undefined, replySettings);
  try {
    world.api.setRateLimits(LIMITS);
    const since = world.api.mark();
    const base = world.handledAt.length;
    const rss = rssSampler();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sent = await traffic(world, BURST, BURST / BURST_SECONDS);
    await drain(world, sent.length, base);
    const handledSeconds = ((world.handledAt[base + sent.length - 1] ?? performance.now()) - t0) / 1000;
    const calls = world.api.calls.slice(since);
    const r = resolve(calls, sent);
    const cpu = process.cpuUsage(cpu0);
    // Still owed when the drain timed out: replies waiting in the outbox, updates not yet handled. Not lost.
    const stillQueued = await pendingReplies(world);
    const unhandled = Math.max(0, sent.length - (world.handledAt.length - base));
    const waits = r.at.map((a, i) => (a ? a.at - sent[i]!.pushedAt : 0));
    const how = (h: string) => r.at.filter((a) => a?.how === h).length;
    return {
      database: kind,
      updates: sent.length,
      updatesPerSecond: Math.round(sent.length / handledSeconds),
      repliesOwed: sent.length,
      delivered: sent.length - r.unresolved,
      deliveredInGroupAtOnce: how('group'),
      deliveredInGroupLater: how('later'),
      deliveredPrivately: how('private'),
      callbacksAnswered: how('callback'),
      coalesced: how('coalesced'),
      coalescedLogged: world.coalesced(),
      stillQueuedAtTimeout: stillQueued,
      unhandledAtTimeout: unhandled,
      lost: Math.max(0, r.unresolved - stillQueued - unhandled),
      longestWaitSeconds: Math.round(Math.max(...waits) / 100) / 10,
      busiestGroupMinute: busiestMinute(calls),
      rateLimited429: calls.filter((c) => c.status === 429).length,
      peakRssMb: rss(),
      cpuMsPerUpdate: Math.round(((cpu.user + cpu.system) / 1000 / sent.length) * 10) / 10,
      loadAverage1m: load1(),
    };
  } finally {
    await world.close();
  }
}

async function steady(kind: DatabaseKind, url: string | null, perSecond: number) {
  let log: StatementLog | undefined;
  const world = await buildWorld(kind, url, LIFTED, replySettings, (db) => (log = statementLog(db)).db);
  try {
    log!.reset();
    const since = world.api.mark();
    const base = world.handledAt.length;
    const rss = rssSampler();
    const cpu0 = process.cpuUsage();
    const sent = await traffic(world, perSecond * STEADY_SECONDS, perSecond);
    await drain(world, sent.length, base);
    const cpu = process.cpuUsage(cpu0);
    const r = resolve(world.api.calls.slice(since), sent);
    const latencies = r.at.flatMap((a, i) => (a ? [a.at - sent[i]!.pushedAt] : [])).sort((a, b) => a - b);
    return {
      database: kind,
      perSecond,
      updates: sent.length,
      answered: latencies.length,
      p50Ms: pct(latencies, 50),
      p99Ms: pct(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
      peakRssMb: rss(),
      cpuMsPerUpdate: Math.round(((cpu.user + cpu.system) / 1000 / sent.length) * 10) / 10,
      statementsPerUpdate: Math.round((log!.statements() / sent.length) * 10) / 10,
      loadAverage1m: load1(),
    };
  } finally {
    await world.close();
  }
}

/** The machine is shared: each result carries the 1-minute load average when it was measured. */
const load1 = () => Math.round(loadavg()[0]! * 100) / 100;
const loadAtStart = load1();
const pgUrl = await benchPostgresUrl((url) => console.log(`PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//…@')} does not answer; PGlite only`));
const databases: DatabaseKind[] = (pgUrl ? ['postgres', 'pglite'] : ['pglite']).filter(
  (d) => !process.env.BENCH_DATABASES || process.env.BENCH_DATABASES.includes(d),
) as DatabaseKind[];
/** BENCH_PHASES=burst or steady runs only that part (default both). */
const phases = process.env.BENCH_PHASES ?? 'burst,steady';
const bursts = [];
const steadies = [];
for (const kind of databases) {
  if (phases.includes('burst')) {
    console.log(`${kind}: burst of ${BURST} updates, limits on …`);
    bursts.push(await burst(kind, pgUrl));
  }
  for (const rate of phases.includes('steady') ? [30, 100] : []) {
    console.log(`${kind}: ${rate} updates/s for ${STEADY_SECONDS} s, limits off …`);
    steadies.push(await steady(kind, pgUrl, rate));
  }
}

const targets = { lost: 0, busiestGroupMinuteMax: 20, postgresP99At100Ms: 500 };
const pg100 = steadies.find((s) => s.database === 'postgres' && s.perSecond === 100);
const meets = bursts.every((b) => b.lost === 0 && b.busiestGroupMinute <= 20) && (pg100 === undefined || pg100.p99Ms < targets.postgresP99At100Ms);

console.log('\nBurst, Telegram limits enforced (30/s, 20/min per group)\n');
console.log(
  '| database | updates | handled/s | owed | delivered | at once | later | privately | callbacks | coalesced | still queued | unhandled | lost | longest wait s | busiest group min | 429s | peak RSS MB | CPU ms/update | load 1m |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const b of bursts)
  console.log(
    `| ${b.database} | ${b.updates} | ${b.updatesPerSecond} | ${b.repliesOwed} | ${b.delivered} | ${b.deliveredInGroupAtOnce} | ${b.deliveredInGroupLater} | ${b.deliveredPrivately} | ${b.callbacksAnswered} | ${b.coalesced} | ${b.stillQueuedAtTimeout} | ${b.unhandledAtTimeout} | ${b.lost} | ${b.longestWaitSeconds} | ${b.busiestGroupMinute} | ${b.rateLimited429} | ${b.peakRssMb} | ${b.cpuMsPerUpdate} | ${b.loadAverage1m} |`,
  );
console.log('\nSteady traffic, limits off (reply latency: update pushed → answer recorded by the fake)\n');
console.log('| database | updates/s | updates | answered | p50 ms | p99 ms | max ms | peak RSS MB | CPU ms/update | SQL/update | load 1m |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of steadies)
  console.log(
    `| ${s.database} | ${s.perSecond} | ${s.updates} | ${s.answered} | ${s.p50Ms} | ${s.p99Ms} | ${s.maxMs} | ${s.peakRssMb} | ${s.cpuMsPerUpdate} | ${s.statementsPerUpdate} | ${s.loadAverage1m} |`,
  );
console.log(`\n${meets ? 'targets met' : 'TARGETS MISSED'} (none lost, no group over 20/min, p99 < 500 ms at 100/s on PostgreSQL)`);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cpus: cpus().length, loadAverage1m: { atStart: loadAtStart, atEnd: load1() } },
  bursts,
  steady: steadies,
  targets,
  meetsTargets: meets,
};
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/load.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log('written to bench/results/load.json');
process.exit(0);
