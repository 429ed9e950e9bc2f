import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { createLogger } from '../../src/logging/logger.js';
import { Dispatcher } from '../../src/outbox/dispatcher.js';
import { messageJobs, sendToChat } from '../../src/outbox/messages.js';
import { nextDue } from '../../src/outbox/store.js';
import { FixedClock } from '../../src/shared/clock.js';
import { SendGate } from '../../src/telegram/send-gate.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Issue 7, item 14: a clock stepped back an hour made sends to recently used groups wait that hour.
let t: TestDb;
let api: FakeBotApi;
const start = new Date('2026-12-02T03:00:00Z');
const clock = new FixedClock(start);
const group = -8101;
let chatRowId = 0;

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
  clock.set(start);
  await t.db.insertInto('send_budget').values({ id: 1, tokens: 1.5, refilled_at: clock.now() }).execute();
  chatRowId = (
    await t.db
      .insertInto('chats')
      .values({ telegram_chat_id: group, type: 'group', title: '计科2101班', active: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

/** The dispatcher as the app builds it: its client passes the process's send gate, on the same clock. */
function dispatcher(): Dispatcher {
  const telegram = new SendGate(clock).wrap(new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false }));
  return new Dispatcher({ db: t.db, telegram, clock, logger: createLogger('silent'), migrateChat: createChatMigrator([]) }, messageJobs);
}

const queue = (text: string) => sendToChat(t.db, chatRowId, text, { dedupeKey: `clock:${text}`, now: clock.now() });
let since = 0;
const sent = (text: string) => api.calls.slice(since).filter((c) => c.method === 'sendMessage' && c.params.text === text && c.status === 200);

describe('a clock stepped back an hour', () => {
  it('does not hold a group that was just used, nor the send budget, a pause or a 429 block', async () => {
    const d = dispatcher();
    // a 429 for the group: the chat is paced by retry_after, the outbox paused, the gate blocks the chat
    api.injectFault('sendMessage', { kind: 'retryAfter', seconds: 5 }, { chatId: group, times: 1 });
    await queue('第一条');
    await d.runOnce();
    expect(sent('第一条')).toHaveLength(0);
    clock.advance(6_000);
    await d.runOnce();
    expect(sent('第一条')).toHaveLength(1); // the group is paced again (3 s), the budget spent

    clock.advance(-3600_000);
    await queue('第二条');
    const { nextAt } = await nextDue(t.db, clock.now());
    expect(nextAt!.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    await d.runOnce(); // the budget counts from the new time: a fraction of a send is left, so it earns one more
    clock.advance(100);
    await d.runOnce();
    expect(sent('第二条')).toHaveLength(1);

    // and the pacing goes on from the new time: the next one waits the group's 3 s, not more
    await queue('第三条');
    await d.runOnce();
    expect(sent('第三条')).toHaveLength(0);
    clock.advance(3_000);
    await d.runOnce();
    expect(sent('第三条')).toHaveLength(1);
  });

  it('still keeps a group waiting for what Telegram asked when the clock did not move', async () => {
    const d = dispatcher();
    api.injectFault('sendMessage', { kind: 'retryAfter', seconds: 30 }, { chatId: group, times: 1 });
    await queue('第一条');
    await d.runOnce();
    await queue('第二条');
    clock.advance(10_000);
    await d.runOnce();
    expect([...sent('第一条'), ...sent('第二条')]).toHaveLength(0);
    clock.advance(21_000);
    await d.runOnce();
    expect([...sent('第一条'), ...sent('第二条')]).toHaveLength(1);
  });
});
