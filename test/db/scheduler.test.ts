import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import type { Database, Db } from '../../src/db/schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { enqueue } from '../../src/outbox/store.js';
import type { OutboxState } from '../../src/outbox/tables.js';
import { housekeepingSchedule } from '../../src/scheduler/housekeeping.js';
import type { Schedule } from '../../src/scheduler/schedule.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { FixedClock } from '../../src/shared/clock.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
const T0 = new Date('2026-12-02T08:00:00Z');
const DAY = 86_400_000;
const clock = new FixedClock(T0);
const logger = createLogger('silent');
const scheduler = (schedules: Schedule[], db: Db = t.db, maxRounds?: number) =>
  new Scheduler({ db, clock, logger, timeZone: 'Asia/Shanghai' }, schedules, maxRounds);

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(T0);
});

/** A schedule that counts its runs, optionally waiting on a gate inside its transaction. */
function counting(name: string, rule?: Schedule['rule']) {
  const runs: Array<{ now: string; previous: string | null }> = [];
  let gate: Promise<void> | null = null;
  let entered = () => {};
  const schedule: Schedule = {
    name,
    ...(rule ? { rule } : {}),
    async tick(now, _trx, run) {
      runs.push({ now: now.toISOString(), previous: run.previous?.toISOString() ?? null });
      entered();
      if (gate) await gate;
    },
  };
  const hold = () => {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const inside = new Promise<void>((r) => (entered = r));
    return { inside, release: () => (release(), (gate = null)) };
  };
  return { schedule, runs, hold };
}

async function addOutboxRow(key: string, state: OutboxState, availableAt: Date, doneAt: Date | null) {
  await t.db
    .insertInto('outbox')
    .values({ kind: 'test', dedupe_key: key, state, available_at: availableAt, created_at: availableAt, done_at: doneAt })
    .execute();
}

describe('housekeeping schedule', () => {
  it('trims exactly the update ids older than 7 days and finished outbox rows older than 30, in batches', async () => {
    const ago = (days: number, extraMs = 0) => new Date(T0.getTime() - days * DAY - extraMs);
    const updates = [
      [1, ago(8)],
      [2, ago(7, 1)],
      [3, ago(7, -1)],
      [4, ago(1)],
      [5, ago(30)],
      [6, ago(9)],
      [7, ago(10)],
    ] as const;
    await t.db
      .insertInto('processed_updates')
      .values(updates.map(([id, at]) => ({ update_id: id, processed_at: at })))
      .execute();
    await addOutboxRow('old-done', 'done', ago(40), ago(31));
    await addOutboxRow('old-failed', 'failed', ago(40), ago(35));
    await addOutboxRow('old-cancelled-no-finish-time', 'cancelled', ago(32), null);
    await addOutboxRow('done-recently-though-due-long-ago', 'done', ago(60), ago(29));
    await addOutboxRow('old-pending', 'pending', ago(40), null);
    await addOutboxRow('old-sending', 'sending', ago(40), null);
    await addOutboxRow('new-done', 'done', ago(1), ago(1));

    const outcome = await scheduler([housekeepingSchedule({ batchSize: 2 })]).tick();

    expect(outcome).toEqual({ 'core.housekeeping': 'ran' });
    const leftUpdates = await t.db.selectFrom('processed_updates').select('update_id').orderBy('update_id').execute();
    expect(leftUpdates.map((r) => Number(r.update_id))).toEqual([3, 4]);
    const leftOutbox = await t.db.selectFrom('outbox').select('dedupe_key').orderBy('dedupe_key').execute();
    expect(leftOutbox.map((r) => r.dedupe_key)).toEqual(['done-recently-though-due-long-ago', 'new-done', 'old-pending', 'old-sending']);
  });

  it('runs hourly: not again within the hour, again after it', async () => {
    const s = scheduler([housekeepingSchedule()]);
    expect(await s.tick()).toEqual({ 'core.housekeeping': 'ran' });
    clock.advance(30 * 60_000);
    expect(await s.tick()).toEqual({ 'core.housekeeping': 'not_due' });
    clock.set(new Date('2026-12-02T09:00:00Z'));
    expect(await s.tick()).toEqual({ 'core.housekeeping': 'ran' });
  });
});

describe('scheduler', () => {
  it('runs a schedule once per occurrence, and never again when the clock moves back', async () => {
    const hourly = counting('test.hourly', { kind: 'cron', expression: '0 * * * *' });
    const s = scheduler([hourly.schedule]);
    const at = async (iso: string) => (clock.set(new Date(iso)), (await s.tick())['test.hourly']);
    expect(await at('2026-12-02T08:10:00Z')).toBe('ran'); // first sight
    expect(await at('2026-12-02T08:10:00Z')).toBe('not_due');
    expect(await at('2026-12-02T08:59:59Z')).toBe('not_due');
    expect(await at('2026-12-02T09:00:00Z')).toBe('ran');
    expect(await at('2026-12-02T08:10:00Z')).toBe('not_due'); // the clock stepped back an hour
    expect(await at('2026-12-02T09:00:30Z')).toBe('not_due'); // 09:00 already ran
    expect(await at('2026-12-02T13:20:00Z')).toBe('ran'); // after downtime: once, not once per missed hour
    expect(await at('2026-12-02T13:59:00Z')).toBe('not_due');
    expect(hourly.runs).toEqual([
      { now: '2026-12-02T08:10:00.000Z', previous: null },
      { now: '2026-12-02T09:00:00.000Z', previous: '2026-12-02T08:10:00.000Z' },
      { now: '2026-12-02T13:20:00.000Z', previous: '2026-12-02T09:00:00.000Z' },
    ]);
    const state = await t.db.selectFrom('scheduler_state').selectAll().where('name', '=', 'test.hourly').executeTakeFirstOrThrow();
    expect(state).toMatchObject({ last_run_at: new Date('2026-12-02T13:20:00Z'), runs: 3 });
  });

  it('without catchUp, a schedule that never ran waits for its next occurrence; from then on it catches up as usual', async () => {
    const weekly = counting('test.weekly', { kind: 'cron', expression: '0 9 * * 1' }); // Mondays 09:00 in Shanghai
    const s = scheduler([{ ...weekly.schedule, catchUp: false }]);
    const at = async (iso: string) => (clock.set(new Date(iso)), (await s.tick())['test.weekly']);
    expect(await at('2026-12-02T08:00:00Z')).toBe('not_due'); // first pass on a Wednesday: this week's Monday is past
    expect(await t.db.selectFrom('scheduler_state').selectAll().where('name', '=', 'test.weekly').executeTakeFirstOrThrow()).toMatchObject({
      last_run_at: new Date('2026-12-02T08:00:00Z'),
      runs: 0,
    });
    expect(await at('2026-12-06T08:00:00Z')).toBe('not_due');
    expect(await at('2026-12-07T01:05:00Z')).toBe('ran'); // Monday 09:05: due since 09:00, a tick may come late
    expect(await at('2026-12-14T03:00:00Z')).toBe('ran');
    expect(weekly.runs).toEqual([
      { now: '2026-12-07T01:05:00.000Z', previous: '2026-12-02T08:00:00.000Z' },
      { now: '2026-12-14T03:00:00.000Z', previous: '2026-12-07T01:05:00.000Z' },
    ]);

    // a first pass in the very minute of an occurrence runs it
    const fresh = counting('test.weekly_fresh', { kind: 'cron', expression: '0 9 * * 1' });
    clock.set(new Date('2026-12-21T01:00:20Z'));
    expect((await scheduler([{ ...fresh.schedule, catchUp: false }]).tick())['test.weekly_fresh']).toBe('ran');
    expect(fresh.runs).toEqual([{ now: '2026-12-21T01:00:20.000Z', previous: null }]);
  });

  it('a schedule without a rule runs at most once a minute', async () => {
    const minutely = counting('test.minutely');
    const s = scheduler([minutely.schedule]);
    await s.tick();
    clock.advance(59_000);
    await s.tick();
    clock.advance(1_000);
    await s.tick();
    expect(minutely.runs.map((r) => r.now)).toEqual(['2026-12-02T08:00:00.000Z', '2026-12-02T08:01:00.000Z']);
  });

  it('a schedule that says it is idle costs no claim and records no run; when it has work it runs with its last run', async () => {
    let work = false;
    const minutely = counting('test.idle');
    const s = scheduler([{ ...minutely.schedule, idle: async () => !work }]);
    expect(await s.tick()).toEqual({ 'test.idle': 'ran' }); // the first run ever is always claimed
    const state = () => t.db.selectFrom('scheduler_state').select(['last_run_at', 'runs']).where('name', '=', 'test.idle').executeTakeFirstOrThrow();
    const after = await state();
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      expect(await s.tick()).toEqual({ 'test.idle': 'idle' });
    }
    expect(await state()).toEqual(after);
    work = true;
    clock.advance(60_000);
    expect(await s.tick()).toEqual({ 'test.idle': 'ran' });
    expect(minutely.runs).toEqual([
      { now: '2026-12-02T08:00:00.000Z', previous: null },
      { now: '2026-12-02T08:04:00.000Z', previous: '2026-12-02T08:00:00.000Z' },
    ]);
    expect(await state()).toEqual({ last_run_at: new Date('2026-12-02T08:04:00.000Z'), runs: after.runs + 1 });
  });

  it('a failing tick writes nothing, is logged, leaves the others running, and is retried at the next tick', async () => {
    let fail = true;
    const flaky: Schedule = {
      name: 'test.flaky',
      rule: { kind: 'cron', expression: '0 * * * *' },
      async tick(now, trx) {
        await enqueue(trx, { kind: 'test', dedupeKey: 'flaky', availableAt: now }, now);
        if (fail) throw new Error('boom');
      },
    };
    const other = counting('test.other');
    const s = scheduler([flaky, other.schedule]);
    expect(await s.tick()).toEqual({ 'test.flaky': 'failed', 'test.other': 'ran' });
    expect(await t.db.selectFrom('outbox').select('dedupe_key').execute()).toEqual([]);
    fail = false;
    clock.advance(60_000);
    expect((await s.tick())['test.flaky']).toBe('ran');
    expect(await t.db.selectFrom('outbox').select('dedupe_key').execute()).toEqual([{ dedupe_key: 'flaky' }]);
  });

  it('stop() waits for the tick under way and refuses new ones', async () => {
    const slow = counting('test.slow');
    const s = scheduler([slow.schedule]);
    const held = slow.hold();
    const ticking = s.tick();
    await held.inside;
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    held.release();
    await stopping;
    expect(await ticking).toEqual({ 'test.slow': 'ran' });
    clock.advance(60_000);
    expect(await s.tick()).toEqual({});
    expect(slow.runs).toHaveLength(1);
  });

  it('two ticks at once in one process are one tick', async () => {
    const once = counting('test.once');
    const s = scheduler([once.schedule]);
    const [a, b] = await Promise.all([s.tick(), s.tick()]);
    expect(a).toBe(b);
    expect(once.runs).toHaveLength(1);
  });
});

describe('two processes on one database', () => {
  /** A second connection pool on the same database (PostgreSQL), or the same PGlite (it has one connection). */
  async function secondConnection(): Promise<{ db: Db; close(): Promise<void> }> {
    if (t.kind === 'pglite') return { db: t.db, close: async () => {} };
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    const db = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema });
    return { db, close: () => db.destroy() };
  }

  it('ticking at the same moment does the work once', async () => {
    const other = await secondConnection();
    try {
      await t.db
        .insertInto('processed_updates')
        .values({ update_id: 1, processed_at: new Date(T0.getTime() - 8 * DAY) })
        .execute();
      const housekeepingRuns: number[] = [];
      const hk = housekeepingSchedule();
      const spied: Schedule = { ...hk, tick: (now, trx: Transaction<Database>, run) => (housekeepingRuns.push(1), hk.tick(now, trx, run)) };
      const once = counting('test.once');
      const a = scheduler([spied, once.schedule]);
      const b = scheduler([spied, once.schedule], other.db);
      const outcomes = await Promise.all([a.tick(), b.tick()]);
      expect(housekeepingRuns).toHaveLength(1);
      expect(once.runs).toHaveLength(1);
      expect(outcomes.map((o) => o['test.once']).sort()).toEqual([expect.stringMatching(/^(busy|not_due)$/), 'ran'].sort());
      expect(await t.db.selectFrom('processed_updates').selectAll().execute()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')(
    'PostgreSQL: while one process runs a schedule, the other skips it (SKIP LOCKED), then finds it done',
    async () => {
      const other = await secondConnection();
      try {
        const once = counting('test.once');
        const a = scheduler([once.schedule]);
        const b = scheduler([once.schedule], other.db);
        const held = once.hold();
        const first = a.tick();
        await held.inside;
        expect(await b.tick()).toEqual({ 'test.once': 'busy' });
        held.release();
        expect(await first).toEqual({ 'test.once': 'ran' });
        expect(await b.tick()).toEqual({ 'test.once': 'not_due' });
        expect(once.runs).toHaveLength(1);
      } finally {
        await other.close();
      }
    },
  );
});
