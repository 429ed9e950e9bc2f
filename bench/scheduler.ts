/**
 * `npm run bench:scheduler` — the scheduler with a branch-sized load, on PGlite and on PostgreSQL
 * when one answers. The real Scheduler runs the app's schedules (core housekeeping, reminders
 * housekeeping, and each workload's) with a fixed clock moved by hand, as node-cron would tick it:
 *
 *   materialise   the first tick after the workloads are seeded (every rule materialised ahead);
 *   idle tick     BENCH_IDLE_TICKS (200) minute ticks when nothing is due: p50 / p95 / p99 / max;
 *   burst         the tick at which the first burst of reminders comes due (2,000 weekly meetings at
 *                 one time: 4,000 liaison reminders), against the time Telegram's limits impose on
 *                 sending them (the outbox's 28 messages/s);
 *   month         BENCH_DAYS (30) simulated days, a tick every BENCH_STEP_MINUTES (10) minutes (less
 *                 than the 10-minute grace before a reminder counts as late, so none is); the
 *                 outbox is emptied once a simulated hour (as if the dispatcher had sent it all), the
 *                 JS heap (after GC) and RSS sampled each simulated day.
 *
 * Workloads (`workloads` below) seed their rows and bring their schedules; the meetings workload is
 * 2,000 classes with a weekly meeting each (Thursday 19:30); the deadlines workload adds a monthly report
 * deadline per branch (every class reports each month: about 20,000 reminders a month together).
 *
 * Results: bench/results/scheduler.json. BENCH_DATABASE_URL / TEST_DATABASE_URL as for the other
 * benchmarks (BENCH_DATABASE_URL=none skips PostgreSQL).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Db } from '../src/db/schema.js';
import { meetingsSchedule } from '../src/features/meetings/schedule.js';
import { deadlineSchedule } from '../src/features/reports/reminders.js';
import { createDeadline } from '../src/features/reports/service.js';
import { createLogger } from '../src/logging/logger.js';
import { telegramRates } from '../src/outbox/store.js';
import { remindersHousekeeping } from '../src/reminders/housekeeping.js';
import { housekeepingSchedule } from '../src/scheduler/housekeeping.js';
import type { Schedule } from '../src/scheduler/schedule.js';
import { Scheduler } from '../src/scheduler/scheduler.js';
import { FixedClock } from '../src/shared/clock.js';
import { statementLog } from '../test/support/statement-log.js';
import { createBenchSchema, openBench, postgresAnswers, type BenchTarget } from './support/broadcast-db.js';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results', 'scheduler.json');
const CLASSES = Number(process.env.BENCH_CLASSES ?? 2000);
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 20);
const IDLE_TICKS = Number(process.env.BENCH_IDLE_TICKS ?? 200);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const STEP_MINUTES = Number(process.env.BENCH_STEP_MINUTES ?? 10);
const TZ = 'Asia/Shanghai';
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const TARGETS = { idleTickP99Ms: { postgres: 20, pglite: 50 }, maxBurstShareOfPacing: 0.1, maxHeapGrowthMb: 20 };
const MINUTE = 60_000;
const DAY = 86_400_000;
// Monday 30 November 2026, 09:00 in Shanghai.
const START = new Date('2026-11-30T01:00:00Z');

interface Seeded {
  branchIds: number[];
  /** Class ids with their branch. */
  classes: Array<{ id: number; branchId: number }>;
}

/** A load on the scheduler: rows of its own on top of the seeded branches, and its schedules. */
interface Workload {
  name: string;
  describe: string;
  seed(db: Db, seeded: Seeded, now: Date): Promise<void>;
  schedules(): Schedule[];
  /** The first moment its first burst of reminders is due (for the burst measurement). */
  firstBurstAt: Date;
}

const meetingsWorkload: Workload = {
  name: 'meetings',
  describe: `${CLASSES} classes, each with a weekly meeting on Thursday 19:30 (reminders 24 h and 1 h before to 2 liaisons, escalation 2 h before)`,
  async seed(db, seeded, now) {
    const rule = JSON.stringify({ kind: 'weekly', weekday: 4, time: '19:30', everyWeeks: 1, from: '2026-11-30' });
    for (const part of chunks(seeded.classes, 1000)) {
      await db
        .insertInto('meetings')
        .values(
          part.map((c) => ({
            branch_id: c.branchId,
            class_id: c.id,
            created_by: null,
            rule,
            place: '教学楼A101',
            topic: '学习交流',
            present_figures: true,
            post_to_group: false,
            state: 'active' as const,
            materialised_until: now,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  },
  schedules: () => [meetingsSchedule()],
  firstBurstAt: new Date('2026-12-02T11:30:00Z'), // Wednesday 19:30: 24 h before the first meetings
};

const deadlinesWorkload: Workload = {
  name: 'deadlines',
  describe: `a monthly report deadline in every branch (day 31, 18:00: the last day in shorter months), one report per class each month; reminders 3 days and 1 day before and on the day to both liaisons, then overdue ones`,
  async seed(db, seeded, now) {
    for (const branchId of seeded.branchIds) {
      const created = await db
        .transaction()
        .execute((trx) =>
          createDeadline(trx, { branchId, name: '班级党建工作月报', rule: { kind: 'monthly', day: 31, time: '18:00' }, tag: null, createdBy: null }, now, TZ),
        );
      if (!created.ok) throw new Error(`deadline not created: ${created.error}`);
    }
  },
  schedules: () => [deadlineSchedule()],
  firstBurstAt: new Date('2026-12-28T10:00:00Z'), // 3 days before 31 December 18:00 in Shanghai
};

const workloads: Workload[] = [meetingsWorkload, deadlinesWorkload];

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** BRANCHES branches, CLASSES classes spread over them; per class 2 liaisons and a League secretary; a secretary per branch. */
async function seedBranches(db: Db): Promise<Seeded> {
  const branches = await db
    .insertInto('branches')
    .values(Array.from({ length: BRANCHES }, (_, i) => ({ name: `基准支部${i + 1}` })))
    .returning('id')
    .execute();
  const classes: Seeded['classes'] = [];
  for (const part of chunks(
    Array.from({ length: CLASSES }, (_, i) => i),
    1000,
  )) {
    const rows = await db
      .insertInto('classes')
      .values(part.map((i) => ({ branch_id: branches[i % BRANCHES]!.id, name: `基准${i + 1}班`, code: `K${i + 1}` })))
      .returning(['id', 'branch_id'])
      .execute();
    classes.push(...rows.map((r) => ({ id: r.id, branchId: r.branch_id })));
  }
  let nextUser = 1_000_000;
  const person = () => ({ telegram_user_id: nextUser++, first_name: `成员${nextUser}`, last_name: null, username: null, language: 'zh' as const });
  const roles: Array<{ person_id: number; role: 'liaison' | 'league_secretary' | 'secretary'; branch_id: number; class_id: number | null }> = [];
  for (const part of chunks(classes, 300)) {
    const people = await db
      .insertInto('people')
      .values(part.flatMap(() => [person(), person(), person()]))
      .returning('id')
      .execute();
    part.forEach((c, i) => {
      roles.push({ person_id: people[3 * i]!.id, role: 'liaison', branch_id: c.branchId, class_id: c.id });
      roles.push({ person_id: people[3 * i + 1]!.id, role: 'liaison', branch_id: c.branchId, class_id: c.id });
      roles.push({ person_id: people[3 * i + 2]!.id, role: 'league_secretary', branch_id: c.branchId, class_id: c.id });
    });
  }
  const secretaries = await db
    .insertInto('people')
    .values(branches.map(() => person()))
    .returning('id')
    .execute();
  secretaries.forEach((s, i) => roles.push({ person_id: s.id, role: 'secretary', branch_id: branches[i]!.id, class_id: null }));
  for (const part of chunks(roles, 1000)) await db.insertInto('role_assignments').values(part).execute();
  // Every person has pressed Start: their private chat rows exist, as in a live branch.
  await db
    .insertInto('chats')
    .columns(['telegram_chat_id', 'type', 'title', 'active'])
    .expression((eb) => eb.selectFrom('people').select(['telegram_user_id', eb.val('private').as('type'), eb.val('').as('title'), eb.val(true).as('active')]))
    .execute();
  return { branchIds: branches.map((b) => b.id), classes };
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2), p99: round(at(0.99), 2), max: round(sorted.at(-1) ?? 0, 2) };
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1048576, 1);
const gc = (globalThis as { gc?: () => void }).gc;

async function count(db: Db, table: 'outbox' | 'reminders' | 'meeting_occurrences'): Promise<number> {
  return Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** What the dispatcher would have done by now: every due pending job sent. */
const drainOutbox = (db: Db, now: Date) =>
  db.updateTable('outbox').set({ state: 'done', done_at: now }).where('state', '=', 'pending').where('available_at', '<=', now).execute();

interface Row {
  database: 'pglite' | 'postgres';
  seed: { classes: number; branches: number; people: number; seedMs: number };
  materialise: { ms: number; meetings: number; occurrences: number };
  idleTickMs: Percentiles & { ticks: number; statementsPerTick: number };
  burst: { reminders: number; schedulerMs: number; statements: number; telegramPacingSeconds: number; shareOfPacing: number };
  month: {
    days: number;
    stepMinutes: number;
    ticks: number;
    totalTickSeconds: number;
    tickMs: Percentiles;
    remindersWritten: number;
    remindersDropped: number;
    /** Dropped reminders by kind and reason (a reminder whose moment had passed when it could go out). */
    droppedByKind: Record<string, number>;
    occurrencesMaterialised: number;
    heapMb: { first: number; last: number; max: number };
    rssMb: { first: number; last: number; max: number };
  };
  /** The 1-minute load average of the machine at the start and the end of the run, and its CPUs. */
  machine: { loadStart: number; loadEnd: number; cpus: number };
  meetsTargets: boolean;
}

async function measure(database: Row['database'], target: BenchTarget): Promise<Row> {
  const db = await openBench(target);
  const loadStart = round(loadavg()[0]!, 1);
  try {
    await migrateToLatest(db);
    const clock = new FixedClock(START);
    const t0 = performance.now();
    const seeded = await seedBranches(db);
    for (const w of workloads) await w.seed(db, seeded, START);
    const seedMs = performance.now() - t0;
    const people = Number(
      (
        await db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const schedules = [housekeepingSchedule(), remindersHousekeeping(), ...workloads.flatMap((w) => w.schedules())];
    // Statements counted on the scheduler's handle: a measure the machine's load does not change.
    const log = statementLog(db);
    const scheduler = new Scheduler({ db: log.db, clock, logger: createLogger('silent'), timeZone: TZ }, schedules);
    const timedTick = async () => {
      const s = performance.now();
      await scheduler.tick();
      return performance.now() - s;
    };

    // The first tick materialises every rule ahead.
    const materialiseMs = await timedTick();
    const occurrences = await count(db, 'meeting_occurrences');

    // Nothing due: minute ticks on Monday morning.
    log.reset();
    const idle: number[] = [];
    for (let i = 1; i <= IDLE_TICKS; i++) {
      clock.set(new Date(START.getTime() + i * MINUTE));
      idle.push(await timedTick());
    }
    if ((await count(db, 'outbox')) !== 0) throw new Error('the idle ticks wrote something');
    const idleStatements = log.statements() / IDLE_TICKS;

    // The first burst: the tick before it, then the one at which it comes due.
    const burstAt = workloads.map((w) => w.firstBurstAt).sort((a, b) => a.getTime() - b.getTime())[0]!;
    clock.set(new Date(burstAt.getTime() - MINUTE));
    await timedTick();
    const before = await count(db, 'outbox');
    clock.set(burstAt);
    log.reset();
    const burstMs = await timedTick();
    const burstStatements = log.statements();
    const burstReminders = (await count(db, 'outbox')) - before;
    const pacingSeconds = burstReminders / telegramRates.perSecond;

    // A month, as node-cron would tick it; the outbox emptied hourly, memory sampled daily.
    const heap: number[] = [];
    const rss: number[] = [];
    const ticks: number[] = [];
    const remindersBefore = await count(db, 'reminders');
    const occurrencesBefore = occurrences;
    const end = burstAt.getTime() + DAYS * DAY;
    let nextDrain = burstAt.getTime() + 60 * MINUTE;
    let nextSample = burstAt.getTime();
    for (let at = burstAt.getTime() + STEP_MINUTES * MINUTE; at <= end; at += STEP_MINUTES * MINUTE) {
      clock.set(new Date(at));
      ticks.push(await timedTick());
      if (at >= nextDrain) {
        await drainOutbox(db, clock.now());
        nextDrain += 60 * MINUTE;
      }
      if (at >= nextSample) {
        gc?.();
        heap.push(process.memoryUsage().heapUsed);
        rss.push(process.memoryUsage().rss);
        nextSample += DAY;
      }
    }
    const remindersWritten = (await count(db, 'reminders')) - remindersBefore;
    const dropped = Number(
      (
        await db
          .selectFrom('reminders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('state', '=', 'dropped')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const idleTickMs = { ...percentiles(idle), ticks: idle.length, statementsPerTick: round(idleStatements, 1) };
    const month: Row['month'] = {
      days: DAYS,
      stepMinutes: STEP_MINUTES,
      ticks: ticks.length,
      totalTickSeconds: round(ticks.reduce((a, b) => a + b, 0) / 1000, 1),
      tickMs: percentiles(ticks),
      remindersWritten,
      remindersDropped: dropped,
      droppedByKind: Object.fromEntries(
        (
          await db
            .selectFrom('reminders')
            .select(['kind', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
            .where('state', '=', 'dropped')
            .groupBy(['kind', 'reason'])
            .execute()
        ).map((r) => [`${r.kind}:${r.reason ?? ''}`, Number(r.n)]),
      ),
      occurrencesMaterialised: (await count(db, 'meeting_occurrences')) - occurrencesBefore,
      heapMb: { first: mb(heap[1] ?? heap[0]!), last: mb(heap.at(-1)!), max: mb(Math.max(...heap)) },
      rssMb: { first: mb(rss[1] ?? rss[0]!), last: mb(rss.at(-1)!), max: mb(Math.max(...rss)) },
    };
    const share = burstMs / 1000 / pacingSeconds;
    return {
      database,
      seed: { classes: CLASSES, branches: BRANCHES, people, seedMs: round(seedMs) },
      materialise: { ms: round(materialiseMs), meetings: CLASSES, occurrences },
      idleTickMs,
      burst: {
        reminders: burstReminders,
        schedulerMs: round(burstMs),
        statements: burstStatements,
        telegramPacingSeconds: round(pacingSeconds),
        shareOfPacing: round(share, 3),
      },
      month,
      machine: { loadStart, loadEnd: round(loadavg()[0]!, 1), cpus: cpus().length },
      meetsTargets:
        idleTickMs.p99 < TARGETS.idleTickP99Ms[database] &&
        share <= TARGETS.maxBurstShareOfPacing &&
        month.heapMb.last - month.heapMb.first <= TARGETS.maxHeapGrowthMb,
    };
  } finally {
    await db.destroy();
  }
}

function table(rows: Row[]): string {
  const head = [
    'database',
    'materialise',
    'idle tick p50/p99/max ms (statements)',
    'burst (statements)',
    'scheduler / pacing',
    'month ticks (p99 ms, total s)',
    'reminders',
    'heap MB first→last day',
    'ok',
  ];
  const lines = rows.map((r) => [
    r.database,
    `${r.materialise.occurrences} occ. in ${r.materialise.ms} ms`,
    `${r.idleTickMs.p50} / ${r.idleTickMs.p99} / ${r.idleTickMs.max} (${r.idleTickMs.statementsPerTick})`,
    `${r.burst.reminders} in ${r.burst.schedulerMs} ms (${r.burst.statements})`,
    `${round(r.burst.schedulerMs / 1000, 2)} s / ${r.burst.telegramPacingSeconds} s (${round(r.burst.shareOfPacing * 100, 1)} %)`,
    `${r.month.ticks} (${r.month.tickMs.p99}, ${r.month.totalTickSeconds})`,
    `${r.month.remindersWritten} (${r.month.remindersDropped} dropped)`,
    `${r.month.heapMb.first} → ${r.month.heapMb.last}`,
    r.meetsTargets ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const pgUrl = given === 'none' || given === '' ? null : (given ?? DEFAULT_PG_URL);
  process.stdout.write(`bench:scheduler — ${CLASSES} classes in ${BRANCHES} branches; workloads: ${workloads.map((w) => w.name).join(', ')}; ${DAYS} days\n`);
  if (!gc) process.stdout.write('(run with node --expose-gc for heap samples after GC)\n');
  const rows: Row[] = [];
  process.stdout.write('pglite…\n');
  rows.push(await measure('pglite', { kind: 'pglite' }));
  let postgres = 'skipped (BENCH_DATABASE_URL=none)';
  if (pgUrl && (await postgresAnswers(pgUrl))) {
    process.stdout.write('postgres…\n');
    const schema = await createBenchSchema(pgUrl);
    try {
      rows.push(await measure('postgres', { kind: 'postgres', url: pgUrl, schema: schema.schema }));
      postgres = given ? 'from the environment' : `default ${DEFAULT_PG_URL}`;
    } finally {
      await schema.drop();
    }
  } else if (pgUrl) {
    postgres = 'skipped: no PostgreSQL answers';
  }
  process.stdout.write(`\n${table(rows)}\n`);
  process.stdout.write(
    `targets: idle tick p99 < ${TARGETS.idleTickP99Ms.postgres} ms (PostgreSQL), < ${TARGETS.idleTickP99Ms.pglite} ms (PGlite); burst ≤ ${TARGETS.maxBurstShareOfPacing * 100} % of Telegram's pacing; heap growth over the month ≤ ${TARGETS.maxHeapGrowthMb} MB\n`,
  );
  mkdirSync(dirname(RESULTS), { recursive: true });
  const result = {
    benchmark: 'scheduler',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    scenario: {
      classes: CLASSES,
      branches: BRANCHES,
      timeZone: TZ,
      start: START.toISOString(),
      workloads: workloads.map((w) => ({ name: w.name, describe: w.describe })),
      schedules: 'core.housekeeping, reminders.housekeeping, and the workloads’ (meetings.reminders: every minute)',
      idleTicks: IDLE_TICKS,
      days: DAYS,
      stepMinutes: STEP_MINUTES,
      outbox: 'not sent: the pending jobs due are marked done once a simulated hour (the dispatcher is measured by bench:dispatcher and bench:broadcast)',
      postgres,
    },
    targets: TARGETS,
    metrics: {
      materialise: 'the first tick after seeding: every meeting’s occurrences for the next 22 days, with their plans',
      idleTickMs: 'one Scheduler.tick() (every schedule’s claim transaction and work) when nothing is due',
      burst: 'the tick at which the first burst comes due (reminders written to the outbox and the ledger), against reminders / 28 per second',
      month: 'every tick over the simulated month; reminders written to the ledger (sent or dropped); heap after GC and RSS sampled daily (first = day 2)',
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
    process.stderr.write(`bench:scheduler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
