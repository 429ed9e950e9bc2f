import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { enqueue } from '../../src/outbox/store.js';
import { occurrencesBetween, type RecurrenceRule } from '../../src/scheduler/recurrence.js';
import type { Schedule } from '../../src/scheduler/schedule.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { FixedClock } from '../../src/shared/clock.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// The shape the meeting reminders of issue 9 will take: a rule stored by the feature, a schedule
// that ticks every minute and writes one outbox row per (occurrence, offset), keyed so it is once.
let t: TestDb;
const clock = new FixedClock(new Date('2026-03-19T17:00:00Z'));
const logger = createLogger('silent');
const TZ = 'Europe/Berlin';
const fortnightly: RecurrenceRule = { kind: 'weekly', weekday: 4, time: '19:30', everyWeeks: 2, from: '2026-03-19' };
const HOUR = 3_600_000;

const reminders: Schedule = {
  name: 'test.reminders',
  async tick(now, trx, run) {
    const since = run.previous ?? new Date(now.getTime() - 60_000);
    // Occurrences whose reminder moment (1 hour before) is in (since, now].
    for (const meeting of occurrencesBetween(fortnightly, run.timeZone, new Date(since.getTime() + HOUR), new Date(now.getTime() + HOUR))) {
      await enqueue(trx, { kind: 'test.reminder', dedupeKey: `meeting:1:${meeting.toISOString()}:1h`, availableAt: now }, now);
    }
  },
};
const scheduler = (db: Db = t.db) => new Scheduler({ db, clock, logger, timeZone: TZ }, [reminders]);
const sent = async () => (await t.db.selectFrom('outbox').select('dedupe_key').orderBy('id').execute()).map((r) => r.dedupe_key);

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

describe('a fortnightly meeting with a reminder one hour before (Europe/Berlin)', () => {
  it('reminds once per meeting, at the right moment across the DST change, and not again when the clock moves back', async () => {
    const s = scheduler();
    const at = async (iso: string) => (clock.set(new Date(iso)), (await s.tick())['test.reminders']);
    expect(await at('2026-03-19T17:00:00Z')).toBe('ran'); // 18:00 CET: the reminder is due at 18:30
    expect(await sent()).toEqual([]);
    expect(await at('2026-03-19T17:31:00Z')).toBe('ran');
    expect(await sent()).toEqual(['meeting:1:2026-03-19T18:30:00.000Z:1h']);
    expect(await at('2026-03-19T17:20:00Z')).toBe('not_due'); // the clock stepped back
    expect(await at('2026-03-19T17:32:00Z')).toBe('ran');
    expect(await at('2026-03-26T17:31:00Z')).toBe('ran'); // the off week: no meeting
    expect(await sent()).toHaveLength(1);
    // Summer time since 29 March: 19:30 CEST is 17:30Z, the reminder 16:30Z.
    expect(await at('2026-04-02T16:29:00Z')).toBe('ran');
    expect(await sent()).toHaveLength(1);
    expect(await at('2026-04-02T16:30:00Z')).toBe('ran');
    expect(await sent()).toEqual(['meeting:1:2026-03-19T18:30:00.000Z:1h', 'meeting:1:2026-04-02T17:30:00.000Z:1h']);
  });

  it('after downtime, the reminders missed are written once, on the first tick back', async () => {
    const s = scheduler();
    clock.set(new Date('2026-03-19T12:00:00Z'));
    await s.tick();
    clock.set(new Date('2026-04-20T12:00:00Z'));
    await s.tick();
    await s.tick();
    // The feature decides what is still useful (issue 9: send late or drop); the scheduler gives each once.
    expect(await sent()).toEqual(['meeting:1:2026-03-19T18:30:00.000Z:1h', 'meeting:1:2026-04-02T17:30:00.000Z:1h', 'meeting:1:2026-04-16T17:30:00.000Z:1h']);
  });

  it('two processes ticking at the reminder moment write it once', async () => {
    const other = t.kind === 'pglite' ? { db: t.db, close: async () => {} } : await secondPool();
    try {
      clock.set(new Date('2026-03-19T17:29:00Z'));
      await scheduler().tick();
      clock.set(new Date('2026-03-19T17:30:00Z'));
      await Promise.all([scheduler().tick(), scheduler(other.db).tick(), scheduler().tick()]);
      expect(await sent()).toEqual(['meeting:1:2026-03-19T18:30:00.000Z:1h']);
    } finally {
      await other.close();
    }
  });
});

async function secondPool(): Promise<{ db: Db; close(): Promise<void> }> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
  const db = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema });
  return { db, close: () => db.destroy() };
}
