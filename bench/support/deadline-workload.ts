/**
 * The monthly-deadline workload of `bench:scheduler` (issue 9), ready to be folded into it:
 * 2,000 classes with two liaisons each, one monthly report deadline (every class gets a report
 * each month, and 3 + 1 + 1 reminders per liaison before the due time, then overdue ones).
 *
 *   seedMonthlyDeadline   the branch, classes, liaisons (with private chats, as after /start) and the
 *                         deadline through the real createDeadline (its first occurrence opens 2,000 reports);
 *   runDeadlineWorkload   the real Scheduler with the real `reports.deadlines` schedule, on a fixed clock:
 *                         idle ticks (minutes with nothing due), the due burst at the first reminder moment
 *                         (4,000 reminders into the ledger and the outbox, batched by the schedule), and a
 *                         simulated month ticked hour by hour, 95 % of the classes submitting in time
 *                         (heap measured before and after).
 *
 * Run alone: `npx tsx bench/support/deadline-workload.ts` (PGlite in memory; BENCH_DATABASE_URL for PostgreSQL).
 */
import { pathToFileURL } from 'node:url';
import type { Db } from '../../src/db/schema.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { deadlineSchedule } from '../../src/features/reports/reminders.js';
import { createDeadline } from '../../src/features/reports/service.js';
import { createLogger } from '../../src/logging/logger.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createBenchSchema, openBench, type BenchTarget } from './broadcast-db.js';

const TZ = 'Asia/Shanghai';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export async function seedMonthlyDeadline(db: Db, classes: number, now: Date): Promise<{ firstDue: Date }> {
  await migrateToLatest(db);
  const branch = await db.insertInto('branches').values({ name: '基准支部（报告）' }).returning('id').executeTakeFirstOrThrow();
  const classRows = await db
    .insertInto('classes')
    .values(Array.from({ length: classes }, (_, i) => ({ branch_id: branch.id, name: `报告${String(i + 1).padStart(4, '0')}班`, code: `R${i + 1}` })))
    .returning('id')
    .execute();
  for (let start = 0; start < classRows.length; start += 500) {
    const slice = classRows.slice(start, start + 500);
    const people = await db
      .insertInto('people')
      .values(
        slice.flatMap((_, i) =>
          [0, 1].map((k) => ({ telegram_user_id: 1_000_000 + (start + i) * 2 + k, first_name: `联络员${start + i}-${k}`, language: 'zh' as const })),
        ),
      )
      .returning(['id', 'telegram_user_id'])
      .execute();
    await db
      .insertInto('role_assignments')
      .values(people.map((p, j) => ({ person_id: p.id, role: 'liaison' as const, branch_id: branch.id, class_id: slice[Math.floor(j / 2)]!.id })))
      .execute();
    await db
      .insertInto('chats')
      .values(people.map((p) => ({ telegram_chat_id: p.telegram_user_id, type: 'private', title: '', active: true, class_id: null })))
      .execute();
  }
  const created = await db
    .transaction()
    .execute((trx) =>
      createDeadline(
        trx,
        { branchId: branch.id, name: '班级党建工作月报', rule: { kind: 'monthly', day: 31, time: '18:00' }, tag: null, createdBy: null },
        now,
        TZ,
      ),
    );
  if (!created.ok) throw new Error(`deadline not created: ${created.error}`);
  return { firstDue: created.value.firstDue };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

export interface DeadlineWorkloadResult {
  classes: number;
  idleTicks: number;
  idleP50Ms: number;
  idleP99Ms: number;
  burstReminders: number;
  burstMs: number;
  /** The time Telegram's 30 private messages a second impose on the burst. */
  burstTelegramMs: number;
  monthTicks: number;
  monthReminders: number;
  heapStartMb: number;
  heapEndMb: number;
}

export async function runDeadlineWorkload(db: Db, classes = 2000): Promise<DeadlineWorkloadResult> {
  const start = new Date('2026-11-02T02:00:00Z'); // due 30 November 18:00; first reminders 27 November 09:00
  const clock = new FixedClock(start);
  await seedMonthlyDeadline(db, classes, start);
  const scheduler = new Scheduler({ db, clock, logger: createLogger('silent'), timeZone: TZ }, [deadlineSchedule()]);
  await scheduler.tick();

  const idle: number[] = [];
  for (let i = 1; i <= 200; i++) {
    clock.set(new Date(start.getTime() + i * MINUTE));
    const t0 = performance.now();
    await scheduler.tick();
    idle.push(performance.now() - t0);
  }
  idle.sort((a, b) => a - b);

  const count = async () =>
    Number(
      (
        await db
          .selectFrom('reminders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  clock.set(new Date('2026-11-27T00:59:00Z'));
  await scheduler.tick();
  clock.set(new Date('2026-11-27T01:00:00Z'));
  const t0 = performance.now();
  await scheduler.tick();
  const burstMs = performance.now() - t0;
  const burstReminders = await count();

  // Most classes submit in time (95 %, the day after the first reminder); the rest get reminded until they do.
  clock.set(new Date('2026-11-28T02:00:00Z'));
  const reports = await db.selectFrom('class_reports').select('id').orderBy('id').execute();
  const late = new Set(reports.filter((_, i) => i % 20 === 0).map((r) => r.id));
  await db
    .updateTable('class_reports')
    .set({
      state: 'submitted',
      submitted_at: clock.now(),
      submissions: 1,
      applications: 1,
      thought_reports: 1,
      school_attendees: 0,
      dorm_visits: 1,
      meetings_attended: 1,
    })
    .where('id', 'not in', [...late])
    .execute();
  // The rest of the month, hour by hour, to the next month's first reminders.
  global.gc?.();
  const heapStartMb = process.memoryUsage().heapUsed / 2 ** 20;
  let monthTicks = 0;
  for (let at = new Date('2026-11-27T02:00:00Z').getTime(); at <= new Date('2026-12-28T02:00:00Z').getTime(); at += HOUR) {
    clock.set(new Date(at));
    await scheduler.tick();
    monthTicks++;
  }
  global.gc?.();
  const heapEndMb = process.memoryUsage().heapUsed / 2 ** 20;
  return {
    classes,
    idleTicks: idle.length,
    idleP50Ms: round(percentile(idle, 50)),
    idleP99Ms: round(percentile(idle, 99)),
    burstReminders,
    burstMs: Math.round(burstMs),
    burstTelegramMs: Math.round((burstReminders / 30) * 1000),
    monthTicks,
    monthReminders: await count(),
    heapStartMb: round(heapStartMb),
    heapEndMb: round(heapEndMb),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.BENCH_DATABASE_URL;
  const schema = url ? await createBenchSchema(url) : null;
  const target: BenchTarget = url && schema ? { kind: 'postgres', url, schema: schema.schema } : { kind: 'pglite' };
  const db = await openBench(target);
  try {
    console.table([{ database: target.kind, ...(await runDeadlineWorkload(db, Number(process.env.BENCH_CLASSES ?? 2000))) }]);
  } finally {
    await db.destroy();
    await schema?.drop();
  }
}
