import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { polledUpdateStore } from '../../src/telegram/polled-updates.js';
import { statementLog } from '../support/statement-log.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const update = (id: number) =>
  ({ update_id: id, message: { message_id: id, date: 0, chat: { id: -1, type: 'group', title: 'g' }, text: 'x' } }) as unknown as Update;
const kept = async () => (await t.db.selectFrom('polled_updates').select('update_id').orderBy('update_id').execute()).map((r) => Number(r.update_id));

describe('polled updates', () => {
  it('clears updates finished together in one statement, and each caller waits for its own', async () => {
    const log = statementLog(t.db);
    const store = polledUpdateStore(log.db);
    await store.keep([1, 2, 3, 4, 5].map(update), new Date());
    log.reset();
    // finished in the same tick: one delete
    await Promise.all([store.done(1), store.done(2)]);
    expect(await kept()).toEqual([3, 4, 5]);
    expect(log.statements()).toBe(1);
    // 3's delete under way: 4 and 5 wait for it, then go together
    log.reset();
    const third = store.done(3);
    await Promise.resolve();
    const later = [store.done(4), store.done(5)];
    await third;
    await Promise.all(later);
    expect(log.statements()).toBe(2);
    expect(await kept()).toEqual([]);
    expect(await store.leftOver()).toEqual([]);
  });

  it('a failed delete fails the callers of its batch only; the rows stay for the next start', async () => {
    const log = statementLog(t.db);
    const store = polledUpdateStore(log.db);
    await store.keep([1, 2].map(update), new Date());
    log.down = true;
    await expect(store.done(1)).rejects.toThrow(/outage/);
    log.down = false;
    await store.done(2);
    expect(await kept()).toEqual([1]);
    expect((await store.leftOver()).map((u) => u.update_id)).toEqual([1]);
  });
});
