import { createChatMigrator } from '../../src/chats/migrate.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Telegram } from 'telegraf';
import { noticeJobHandlers } from '../../src/features/notices/jobs.js';
import { createNotice } from '../../src/features/notices/service.js';
import { createLogger } from '../../src/logging/logger.js';
import { Dispatcher, type DispatcherOptions } from '../../src/outbox/dispatcher.js';
import { nextDue } from '../../src/outbox/store.js';
import { FixedClock } from '../../src/shared/clock.js';
import { REQUEST_TIMEOUT_MS } from '../../src/telegram/sender.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import type { Db } from '../../src/db/schema.js';

let t: TestDb;
let api: FakeBotApi;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const group = -8001;
const TEXT = '故障测试通知';
let since = 0;

beforeAll(async () => {
  t = await openTestDb();
  api = await startFakeBotApi();
});
afterAll(async () => {
  await api.close();
  await t.close();
});
beforeEach(async () => {
  await t.reset();
  api.clearFaults();
  since = api.mark();
  clock.set(new Date('2026-12-02T02:00:00Z'));
  // a full budget, so each round may send at once under this standing clock
  await t.db.insertInto('send_budget').values({ id: 1, tokens: 1.5, refilled_at: clock.now() }).execute();
});
afterEach(() => api.clearFaults());

function dispatcher(options: DispatcherOptions = {}, db: Db = t.db): Dispatcher {
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  return new Dispatcher({ db, telegram, clock, logger: createLogger('silent'), migrateChat: createChatMigrator([]) }, noticeJobHandlers, options);
}

/** One class bound to one group, and a text notice to it, queued now. */
async function queueNotice(): Promise<void> {
  const branch = await t.db.insertInto('branches').values({ name: '测试支部' }).returning('id').executeTakeFirstOrThrow();
  const klass = await t.db.insertInto('classes').values({ branch_id: branch.id, name: '计科2101', code: 'CS2101' }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('chats').values({ telegram_chat_id: group, type: 'group', title: '计科2101班', class_id: klass.id, active: true }).execute();
  const now = clock.now();
  const content = { kind: 'text' as const, text: TEXT, entities: [], fileId: null };
  await createNotice(t.db, now, { ...content, branchId: branch.id, authorId: null, pin: false, askAck: false, sendAt: now, classIds: [klass.id] });
}

const job = () => t.db.selectFrom('outbox').selectAll().where('kind', '=', 'notice.send').executeTakeFirstOrThrow();
const delivery = () => t.db.selectFrom('deliveries').select(['state', 'failure']).executeTakeFirstOrThrow();
const delivered = () => api.calls.slice(since).filter((c) => c.method === 'sendMessage' && c.params.text === TEXT && c.status === 200);

/** Moves the clock to when the job may be tried again, and tries. */
async function retry(d: Dispatcher): Promise<void> {
  const { nextAt } = await nextDue(t.db, clock.now()); // its backoff or the group's pacing, whichever is later
  clock.set(new Date(Math.max(clock.now().getTime(), nextAt!.getTime())));
  await t.db.updateTable('send_budget').set({ tokens: 1.5, refilled_at: clock.now() }).execute();
  await d.runOnce();
}

describe('a Bot API call that hangs', () => {
  it('is cut off by its deadline, frees the slot, and is retried as a transient failure', async () => {
    expect(REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(60_000 / 3); // well below the 60 s lease
    await queueNotice();
    api.injectFault('sendMessage', { kind: 'slow', ms: 600_000 }, { chatId: group }); // a hang
    const deadlines: AbortController[] = [];
    const d = dispatcher({
      requestSignal: () => {
        const deadline = new AbortController();
        deadlines.push(deadline);
        return deadline.signal;
      },
    });
    const round = d.runOnce();
    await api.waitForCall('sendMessage', (c) => c.params.text === TEXT);
    deadlines.at(-1)!.abort(); // the deadline passes
    await round; // the round ends although Telegram never answered
    expect(await job()).toMatchObject({ state: 'pending', attempts: 1, last_error: 'network: timeout' });

    await retry(d);
    expect(await job()).toMatchObject({ state: 'done' });
    expect(await delivery()).toMatchObject({ state: 'sent' });
  });
});

describe('a Bot API outage', () => {
  it('of a few minutes (more than 8 failed attempts) is waited out and the notice is delivered', async () => {
    await queueNotice();
    api.injectFault('sendMessage', { kind: 'serverError', status: 502 }, { chatId: group, times: 12 });
    const d = dispatcher();
    await d.runOnce();
    for (let i = 0; i < 12; i++) await retry(d);
    expect(await job()).toMatchObject({ state: 'done', attempts: 12 });
    expect(await delivery()).toMatchObject({ state: 'sent' });
    expect(delivered()).toHaveLength(1);
    const waited = clock.now().getTime() - new Date('2026-12-02T02:00:00Z').getTime();
    expect(waited).toBeGreaterThan(3 * 60_000);
  });

  it('gives up only a day after the first failure', async () => {
    await queueNotice();
    api.injectFault('sendMessage', { kind: 'serverError' }, { chatId: group, times: 1000 });
    const d = dispatcher();
    await d.runOnce();
    const firstFailure = clock.now().getTime();
    for (let i = 0; i < 10; i++) await retry(d);
    expect(await job()).toMatchObject({ state: 'pending', attempts: 11 });

    clock.set(new Date(firstFailure + 24 * 3600_000 - 1));
    await retry(d);
    expect(await delivery()).toMatchObject({ state: 'pending' });

    clock.set(new Date(firstFailure + 24 * 3600_000));
    await retry(d);
    expect(await job()).toMatchObject({ state: 'failed' });
    expect(await delivery()).toMatchObject({ state: 'failed', failure: expect.stringMatching(/^gave up after 24 h \(13 attempts\): 500/) });
  });
});

/**
 * The database as a dispatcher sees it when its connection dies right after a commit (a PostgreSQL
 * restart): the first transaction is committed, and its caller gets the connection's error.
 */
function losingFirstCommitAnswer(db: Db): Db {
  let lost = false;
  return new Proxy(db, {
    get(target, property) {
      if (property !== 'transaction' || lost) {
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () => ({
        execute: async <T>(fn: Parameters<ReturnType<Db['transaction']>['execute']>[0]): Promise<T> => {
          await target.transaction().execute(fn);
          lost = true;
          throw new Error('Connection terminated unexpectedly');
        },
      });
    },
  });
}

describe('a claim whose commit is not acknowledged', () => {
  it('is put back by the dispatcher at its next round, so the job goes out without waiting for the lease', async () => {
    await queueNotice();
    const d = dispatcher({}, losingFirstCommitAnswer(t.db));
    await expect(d.runOnce()).rejects.toThrow(/terminated/);
    expect(await job()).toMatchObject({ state: 'sending' }); // claimed, though the dispatcher was told otherwise

    await d.runOnce(); // the group's pacing holds it back now, but it is pending again
    expect(await job()).toMatchObject({ state: 'pending' });
    await retry(d);
    expect(await job()).toMatchObject({ state: 'done' });
    expect(delivered()).toHaveLength(1);
    expect(clock.now().getTime() - new Date('2026-12-02T02:00:00Z').getTime()).toBeLessThan(60_000 / 4); // the lease is 60 s
  });

  it('leaves alone a job another dispatcher claimed and is still sending', async () => {
    await queueNotice();
    api.injectFault('sendMessage', { kind: 'slow', ms: 600_000 }, { chatId: group }); // the other's send hangs
    const deadline = new AbortController();
    const hung = dispatcher({ requestSignal: () => deadline.signal }).runOnce();
    await api.waitForCall('sendMessage', (c) => c.params.text === TEXT);
    const d = dispatcher({}, losingFirstCommitAnswer(t.db));
    await expect(d.runOnce()).rejects.toThrow(/terminated/); // claimed nothing: the job is the other's
    await d.runOnce();
    expect(await job()).toMatchObject({ state: 'sending' });
    deadline.abort();
    await hung;
  });
});
