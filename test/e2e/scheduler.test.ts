import cron from 'node-cron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { startHarness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const NOW = new Date('2026-12-02T08:30:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const schedulerTasks = () => [...cron.getTasks().values()].filter((task) => task.name === 'scheduler');

describe('scheduled jobs in the running app', () => {
  it('the start runs one tick: old update ids and finished outbox rows are trimmed, recent ones kept', async () => {
    await t.db
      .insertInto('processed_updates')
      .values([
        { update_id: 1, processed_at: daysAgo(8) },
        { update_id: 2, processed_at: daysAgo(1) },
      ])
      .execute();
    await t.db
      .insertInto('outbox')
      .values([
        { kind: 'test', dedupe_key: 'old', state: 'done', available_at: daysAgo(40), created_at: daysAgo(40), done_at: daysAgo(40) },
        { kind: 'test', dedupe_key: 'recent', state: 'done', available_at: daysAgo(2), created_at: daysAgo(2), done_at: daysAgo(2) },
      ])
      .execute();
    const clock = new FixedClock(NOW);
    const h = await startHarness({ db: t.db, clock, runDispatcher: false });
    try {
      expect((await t.db.selectFrom('processed_updates').select('update_id').execute()).map((r) => Number(r.update_id))).toEqual([2]);
      expect((await t.db.selectFrom('outbox').select('dedupe_key').execute()).map((r) => r.dedupe_key)).toEqual(['recent']);
      expect(await t.db.selectFrom('scheduler_state').selectAll().orderBy('name').execute()).toEqual([
        { name: 'core.housekeeping', last_run_at: NOW, runs: 1 },
        { name: 'faq.housekeeping', last_run_at: NOW, runs: 1 },
      ]);
      // The next tick in the same hour has nothing to do; the next hour trims again (the FAQ's is daily).
      expect(await h.app.scheduler.tick()).toEqual({ 'core.housekeeping': 'not_due', 'faq.housekeeping': 'not_due' });
      clock.set(new Date('2026-12-02T09:00:00Z'));
      expect(await h.app.scheduler.tick()).toEqual({ 'core.housekeeping': 'ran', 'faq.housekeeping': 'not_due' });
    } finally {
      await h.stop();
    }
  });

  it('node-cron drives the scheduler while the app runs, and stop() leaves no timer behind', async () => {
    const before = schedulerTasks().length;
    const h = await startHarness({ db: t.db, clock: new FixedClock(NOW), runScheduler: true });
    const task = schedulerTasks().at(-1)!;
    expect(schedulerTasks()).toHaveLength(before + 1);
    expect(task.getNextRun()).not.toBeNull();
    // What the timer runs each minute is the scheduler's tick (the start already ran housekeeping).
    expect(await task.execute()).toEqual({ 'core.housekeeping': 'not_due', 'faq.housekeeping': 'not_due' });
    await h.stop();
    expect(task.getStatus()).toBe('destroyed');
    expect(schedulerTasks()).toHaveLength(before);
    expect(await h.app.scheduler.tick()).toEqual({});
  });

  it("without runScheduler (the tests' default) no node-cron task is started", async () => {
    const before = schedulerTasks().length;
    const h = await startHarness({ db: t.db });
    expect(schedulerTasks()).toHaveLength(before);
    await h.stop();
  });
});
