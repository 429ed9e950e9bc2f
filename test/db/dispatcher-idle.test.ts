import { createChatMigrator } from '../../src/chats/migrate.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Telegram } from 'telegraf';
import { openDatabase } from '../../src/db/open.js';
import { createLogger } from '../../src/logging/logger.js';
import { Dispatcher, type DispatcherOptions, type JobHandler } from '../../src/outbox/dispatcher.js';
import { enqueue } from '../../src/outbox/store.js';
import { postgresWakeups } from '../../src/outbox/wakeups.js';
import { FixedClock } from '../../src/shared/clock.js';
import { attempt } from '../../src/telegram/sender.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { logCapture } from '../support/harness.js';
import { statementLog, type StatementLog } from '../support/statement-log.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let api: FakeBotApi;
let counted: StatementLog;
let dispatcher: Dispatcher | null = null;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const chatId = -7001;
const capture = logCapture();

/** A job that says its payload's text in the test group. */
const say: JobHandler = {
  run: (job, { telegram }) =>
    attempt(
      () => telegram.sendMessage(chatId, String(job.payload.text)),
      (m) => m.message_id,
    ),
};

/** The dispatcher's sleeps, ended by the test (or never): time passes only when the test says so. */
function controlledSleep() {
  const requests: Array<{ ms: number; release: () => void }> = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let spinning = false;
  let open: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      requests.push({ ms, release: resolve });
      for (const w of waiters.filter((w) => requests.length >= w.n)) w.resolve();
      if (spinning) resolve();
      else open = resolve;
    });
  const nth = (n: number) => new Promise<void>((resolve) => (requests.length >= n ? resolve() : waiters.push({ n, resolve })));
  return {
    sleep,
    requests,
    /** Resolves once the dispatcher has asked for its n-th sleep. */
    nth,
    /** Every sleep ends at once (a loop that spins through its backoff steps), or, off, none does. */
    spin: (on: boolean) => (spinning = on),
    /** Ends the sleep the dispatcher is in (once it is in one). */
    release: async () => {
      if (!open) await nth(requests.length + 1);
      const release = open!;
      open = null;
      release();
    },
  };
}

function start(options: DispatcherOptions): Dispatcher {
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  dispatcher = new Dispatcher(
    { db: counted.db, telegram, clock, logger: createLogger('info', capture.stream), migrateChat: createChatMigrator([]) },
    { 'test.say': say },
    options,
  );
  dispatcher.start();
  return dispatcher;
}

const job = (text: string, availableAt = clock.now()) => ({ kind: 'test.say', dedupeKey: `say:${text}`, payload: { text }, availableAt });

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
  clock.set(new Date('2026-12-02T02:00:00Z'));
  counted = statementLog(t.db);
  capture.logs.length = 0;
});
afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = null;
});

describe('an idle dispatcher', () => {
  it('reads once per sleep, writes nothing, sleeps until the next job is due, and wakes at once on poke()', async () => {
    const time = controlledSleep();
    start({ sleep: time.sleep });
    await time.nth(1);
    expect(time.requests[0]!.ms).toBe(2000); // nothing queued: the long cap
    await time.release();
    await time.nth(2);
    expect(counted.statements()).toBe(2); // one plain read per round
    expect(counted.writes()).toBe(0); // in particular no send_budget write

    await enqueue(t.db, job('稍后', new Date(clock.now().getTime() + 700)), clock.now());
    dispatcher!.poke(); // ends the sleep at once: the next round sees the job due in 700 ms
    await time.nth(3);
    expect(time.requests[2]!.ms).toBe(700);
    expect(counted.writes()).toBe(0);

    await enqueue(t.db, job('现在'), clock.now());
    dispatcher!.poke();
    await time.nth(4); // due now: claimed, but the shared budget starts empty and this clock stands still
    clock.advance(1000);
    await time.release();
    await api.waitForMessage(chatId, '现在');
    expect(counted.writes('send_budget')).toBeGreaterThan(0); // the claim that sent
  });

  it('is woken through NOTIFY by another process inserting into the outbox (PostgreSQL)', async (context) => {
    if (t.kind !== 'postgres') return context.skip();
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
    const schema = rows[0]!.schema;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    let listening!: () => void;
    const ready = new Promise<void>((resolve) => (listening = resolve));
    const wakeups = postgresWakeups(url.toString(), { onState: (on) => on && listening() });
    // The idle sleep never ends by itself: only a wake-up can get the job sent (with a token ready,
    // since this clock stands still).
    await t.db.insertInto('send_budget').values({ id: 1, tokens: 1, refilled_at: clock.now() }).execute();
    const time = controlledSleep();
    start({ sleep: time.sleep, wakeups });
    await ready;
    await time.nth(time.requests.length + 1); // the round that follows connecting is over: asleep again
    const other = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema });
    try {
      await enqueue(other, job('另一个进程'), clock.now()); // no poke(): only the notification can wake us
      await api.waitForMessage(chatId, '另一个进程');
    } finally {
      await other.destroy();
    }
  });
});

describe('a database outage', () => {
  it('is logged once when it starts and once when it ends, with the rounds backing off in between', async () => {
    const time = controlledSleep();
    counted.down = true;
    time.spin(true);
    start({ sleep: time.sleep });
    await time.nth(8);
    time.spin(false);
    const failing = time.requests.slice(0, 8).map((r) => r.ms);
    expect(failing).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(capture.logs.filter((l) => l.event === 'dispatcher_db_down')).toHaveLength(1);
    expect(capture.logs.filter((l) => l.level >= 50)).toHaveLength(1);

    counted.down = false;
    await time.release();
    await capture.waitForLog((l) => l.event === 'dispatcher_db_up');
    expect(capture.logs.filter((l) => l.event === 'dispatcher_db_up')).toHaveLength(1);
    expect(capture.logs.filter((l) => l.event === 'dispatcher_db_down')).toHaveLength(1);
  });
});
