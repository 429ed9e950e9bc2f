import { sql } from 'kysely';
import { Telegram } from 'telegraf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { noticeJobHandlers } from '../../src/features/notices/jobs.js';
import { correctNotice, createNotice, retractNotice } from '../../src/features/notices/service.js';
import { createLogger } from '../../src/logging/logger.js';
import { Dispatcher } from '../../src/outbox/dispatcher.js';
import { FixedClock } from '../../src/shared/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { migratorFor } from '../support/migrator.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let api: FakeBotApi;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const group = -8101;
const TEXT = '在途通知';
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
});
afterEach(() => api.clearFaults());

function dispatcher(): Dispatcher {
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  return new Dispatcher({ db: t.db, telegram, clock, logger: createLogger('silent'), migrateChat: createChatMigrator([]) }, noticeJobHandlers);
}

/** The next round, after the group's pacing (3 s) and with a full send budget. */
async function nextRound(d: Dispatcher): Promise<number> {
  clock.advance(3_100);
  const budget = { tokens: 1.5, refilled_at: clock.now(), paused_until: null };
  await t.db
    .insertInto('send_budget')
    .values({ id: 1, ...budget })
    .onConflict((oc) => oc.column('id').doUpdateSet(budget))
    .execute();
  return d.runOnce();
}

async function queueNotice(): Promise<number> {
  const branch = await t.db.insertInto('branches').values({ name: '测试支部' }).returning('id').executeTakeFirstOrThrow();
  const klass = await t.db.insertInto('classes').values({ branch_id: branch.id, name: '计科2101', code: 'CS2101' }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('chats').values({ telegram_chat_id: group, type: 'group', title: '计科2101班', class_id: klass.id, active: true }).execute();
  const now = clock.now();
  const content = { kind: 'text' as const, text: TEXT, entities: [], fileId: null };
  const { noticeId } = await createNotice(t.db, now, {
    ...content,
    branchId: branch.id,
    authorId: null,
    pin: false,
    askAck: false,
    sendAt: now,
    classIds: [klass.id],
  });
  return noticeId;
}

/** Starts a round whose send Telegram answers only when `release()` is called; resolves once the send has reached Telegram. */
async function sendInFlight(d: Dispatcher) {
  let release!: () => void;
  api.injectFault('sendMessage', { kind: 'held', release: new Promise<void>((resolve) => (release = resolve)) }, { chatId: group });
  const round = nextRound(d);
  const call = await api.waitForCall('sendMessage', (c) => c.params.text === TEXT, { since });
  const messageId = (call.response as { result: { message_id: number } }).result.message_id;
  return { round, release, messageId };
}

const calls = (method: string) => api.calls.slice(since).filter((c) => c.method === method && String(c.params.chat_id) === String(group));
const delivery = () => t.db.selectFrom('deliveries').select(['state', 'telegram_message_id']).executeTakeFirstOrThrow();

describe('a notice retracted or corrected while its send is in flight (issue 7, item 6)', () => {
  it('retracted: the copy that lands afterwards is deleted', async () => {
    const noticeId = await queueNotice();
    const d = dispatcher();
    const send = await sendInFlight(d);
    const retracted = await retractNotice(t.db, clock.now(), noticeId);
    expect(retracted).toMatchObject({ ok: true, value: { deleting: 0, cancelled: 1 } });
    send.release();
    await send.round;
    expect(await delivery()).toMatchObject({ state: 'sent', telegram_message_id: send.messageId });

    await nextRound(d);
    expect(calls('deleteMessage').map((c) => c.params.message_id)).toEqual([send.messageId]);
    expect(await delivery()).toMatchObject({ state: 'retracted' });
    expect(await nextRound(d)).toBe(0);
  });

  it('corrected: the copy that lands afterwards is edited to the new text', async () => {
    const noticeId = await queueNotice();
    const d = dispatcher();
    const send = await sendInFlight(d);
    const corrected = await correctNotice(t.db, clock.now(), noticeId, { kind: 'text', text: '更正后的在途通知', entities: [], fileId: null });
    expect(corrected).toMatchObject({ ok: true, value: { editing: 0 } });
    send.release();
    await send.round;

    await nextRound(d);
    const edits = calls('editMessageText');
    expect(edits.map((c) => [c.params.message_id, c.params.text])).toEqual([[send.messageId, '更正后的在途通知']]);
    expect(await nextRound(d)).toBe(0);
  });

  it('untouched: a send that lands is neither edited nor deleted', async () => {
    await queueNotice();
    const d = dispatcher();
    const send = await sendInFlight(d);
    send.release();
    await send.round;
    expect(await nextRound(d)).toBe(0);
    expect([...calls('editMessageText'), ...calls('deleteMessage')]).toEqual([]);
    expect(await delivery()).toMatchObject({ state: 'sent' });
  });
});

describe('migration 090 (outbox.delivery_id into the payload)', () => {
  it('keeps a send queued before it working', async () => {
    await queueNotice();
    const names = Object.keys(migrations);
    const before = names[names.indexOf('2026-12-02-090-notice-jobs') - 1]!;
    const migrator = await migratorFor(t.db);
    expect((await migrator.migrateTo(before)).error).toBeUndefined();
    // the row as the code before the migration wrote it: the delivery in its own column
    await sql`update outbox set delivery_id = (payload->>'deliveryId')::integer, payload = '{}'::jsonb`.execute(t.db);
    expect(await migrateToLatest(t.db)).toContain('2026-12-02-090-notice-jobs');
    await nextRound(dispatcher());
    expect(calls('sendMessage').filter((c) => c.params.text === TEXT && c.status === 200)).toHaveLength(1);
    expect(await delivery()).toMatchObject({ state: 'sent' });
  });
});
