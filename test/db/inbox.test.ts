import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { Telegram } from 'telegraf';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { inboxJobs } from '../../src/inbox/jobs.js';
import { parseSealKey, seal, unseal } from '../../src/inbox/sealed.js';
import { answer, claim, close, replyFromAsker, route, type RouteInput } from '../../src/inbox/service.js';
import { createLogger } from '../../src/logging/logger.js';
import { Dispatcher } from '../../src/outbox/dispatcher.js';
import { messageJobs } from '../../src/outbox/messages.js';
import { FixedClock } from '../../src/shared/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { migratorFor } from '../support/migrator.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// The inbox's anonymous path (issue 10 will be its client): a reply reaches the asker, and nothing
// the liaisons see or the database keeps names them.
let t: TestDb;
let api: FakeBotApi;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const KEY_TEXT = 'a'.repeat(64);
const key = parseSealKey(KEY_TEXT)!;
const WRITER_TG = 777_000_123;
const LIAISONS_TG = [777_000_201, 777_000_202];

let classId: number;
let branchId: number;
let liaisonIds: number[];
let secretaryRoles: Array<{ role: string; branchId: number; classId: number | null }>;

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
  clock.set(new Date('2026-12-02T02:00:00Z'));
  const branch = await t.db.insertInto('branches').values({ name: '测试支部' }).returning('id').executeTakeFirstOrThrow();
  const klass = await t.db.insertInto('classes').values({ branch_id: branch.id, name: '计科2101', code: 'CS2101' }).returning('id').executeTakeFirstOrThrow();
  [branchId, classId] = [branch.id, klass.id];
  liaisonIds = [];
  for (const [i, tg] of LIAISONS_TG.entries()) {
    const p = await t.db
      .insertInto('people')
      .values({ telegram_user_id: tg, first_name: `联络员${i}`, last_name: null, username: null, language: 'zh' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('role_assignments').values({ person_id: p.id, role: 'liaison', branch_id: branchId, class_id: classId }).execute();
    liaisonIds.push(p.id);
  }
  // the writer talks to the bot, so they are a person like anyone else
  await t.db
    .insertInto('people')
    .values({ telegram_user_id: WRITER_TG, first_name: '匿名者', last_name: null, username: 'writer_x', language: 'zh' })
    .execute();
  secretaryRoles = [{ role: 'secretary', branchId, classId: null }];
});

function dispatcher(): Dispatcher {
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  const jobs = { ...messageJobs, ...inboxJobs({ inboxKey: KEY_TEXT }) };
  return new Dispatcher({ db: t.db, telegram, clock, logger: createLogger('silent'), migrateChat: createChatMigrator([]) }, jobs);
}
async function deliver(d: Dispatcher) {
  for (let idle = 0, i = 0; i < 30 && idle < 3; i++) {
    clock.advance(1_100);
    idle = (await d.runOnce()) === 0 ? idle + 1 : 0;
  }
}

const anonymousItem = (clientRef: number, returnTo: boolean): RouteInput => ({
  kind: 'feedback',
  clientRef,
  classId,
  branchId,
  asker: { anonymous: true, returnTo: returnTo ? { chatId: WRITER_TG, language: 'zh' } : null },
  handoff: () => ({ html: `匿名意见 #${clientRef}`, buttons: [[{ text: '回复', callback_data: `fb:r:${clientRef}` }]] }),
  key,
  now: clock.now(),
});

/** Every row of every table the inbox and the outbox write, as text. */
async function dump(): Promise<string> {
  const tables = ['inbox_items', 'inbox_handoffs', 'inbox_messages', 'inbox_return_routes', 'outbox'] as const;
  const rows = await Promise.all(tables.map((name) => t.db.selectFrom(name).selectAll().execute()));
  return JSON.stringify(rows);
}

describe('liaison inbox: anonymous items', () => {
  it('routes to both liaisons, takes a reply to the writer and one back, and keeps the writer out of the database', async () => {
    const writer = (await t.db.selectFrom('people').select('id').where('telegram_user_id', '=', WRITER_TG).executeTakeFirstOrThrow()).id;
    const routed = await t.db.transaction().execute((trx) => route(trx, anonymousItem(1, true)));
    expect(routed).toEqual({ kind: 'routed', itemId: expect.any(Number), liaisons: 2 });
    const itemId = routed.kind === 'routed' ? routed.itemId : 0;
    const d = dispatcher();
    await deliver(d);
    for (const tg of LIAISONS_TG) await api.waitForMessage(tg, '匿名意见 #1');

    const liaison = { personId: liaisonIds[0]!, roles: [{ role: 'liaison', branchId, classId }] };
    expect((await t.db.transaction().execute((trx) => claim(trx, itemId, liaison, clock.now()))).kind).toBe('claimed');
    const answered = await t.db.transaction().execute((trx) =>
      answer(trx, {
        itemId,
        by: liaison,
        body: '收到，会反映给学院。',
        to: { kind: 'asker', render: () => '联络员回复：收到，会反映给学院。' },
        once: false,
        key,
        now: clock.now(),
      }),
    );
    expect(answered).toEqual({ kind: 'answered', delivery: 'sent', messageId: expect.any(Number) });
    await deliver(d);
    await api.waitForMessage(WRITER_TG, '联络员回复');

    // only the writer can answer back, proven by the sealed route, not by a stored id
    const back = (tg: number) =>
      t.db
        .transaction()
        .execute((trx) =>
          replyFromAsker(trx, { itemId, telegramUserId: tg, body: '谢谢', render: () => ({ html: '匿名同学回复：谢谢' }), key, now: clock.now() }),
        );
    expect(await back(LIAISONS_TG[1]!)).toEqual({ kind: 'not_yours' });
    expect(await back(WRITER_TG)).toEqual({ kind: 'sent', liaisons: 2 });
    await deliver(d);
    await api.waitForMessage(LIAISONS_TG[0]!, '匿名同学回复');

    const everything = await dump();
    expect(everything).not.toContain(String(WRITER_TG));
    expect(everything).not.toContain('writer_x');
    const item = await t.db.selectFrom('inbox_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ anonymous: true, asker_id: null, state: 'open' });
    expect(await t.db.selectFrom('inbox_messages').select(['direction', 'author_id']).orderBy('id').execute()).toEqual([
      { direction: 'to_asker', author_id: liaisonIds[0] },
      { direction: 'to_liaisons', author_id: null },
    ]);
    // the reply to the writer left no outbox row behind (it would join the item to their chat)
    const writerChat = await t.db.selectFrom('chats').select('id').where('telegram_chat_id', '=', WRITER_TG).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('outbox').select('id').where('chat_id', '=', writerChat.id).execute()).toEqual([]);
    expect(everything).not.toMatch(new RegExp(`"asker_id":${writer}\\b`));

    // closing forgets the way back
    expect(await t.db.transaction().execute((trx) => close(trx, itemId, { roles: secretaryRoles }, clock.now()))).toBe('closed');
    expect(await t.db.selectFrom('inbox_return_routes').selectAll().execute()).toEqual([]);
  });

  it('refuses a sealed route without a key, and a sealed value moved to another item does not open', async () => {
    const noKey = await t.db.transaction().execute((trx) => route(trx, { ...anonymousItem(2, true), key: null }));
    expect(noKey).toEqual({ kind: 'no_key' });
    const sealed = seal(key, 10, { chatId: WRITER_TG, language: 'en' });
    expect(unseal(key, 10, sealed)).toEqual({ chatId: WRITER_TG, language: 'en' });
    expect(unseal(key, 11, sealed)).toBeNull();
    expect(unseal(parseSealKey('b'.repeat(64))!, 10, sealed)).toBeNull();
  });

  it('records the item for the branch when both liaisons blocked the bot, and tells the writer through the sealed route', async () => {
    api.setChatMember(LIAISONS_TG[0]!, api.bot.id, 'kicked');
    api.setChatMember(LIAISONS_TG[1]!, api.bot.id, 'kicked');
    const routed = await t.db.transaction().execute((trx) => route(trx, anonymousItem(3, true)));
    expect(routed.kind).toBe('routed');
    await deliver(dispatcher());
    const item = await t.db.selectFrom('inbox_items').select(['routing', 'state']).executeTakeFirstOrThrow();
    expect(item).toEqual({ routing: 'recorded', state: 'open' });
    expect(await t.db.selectFrom('inbox_handoffs').select('state').execute()).toEqual([{ state: 'failed' }, { state: 'failed' }]);
    await api.waitForMessage(WRITER_TG, '暂时没能联系上本班联络员');
    // the next item knows at once: nobody reachable, recorded
    const next = await t.db.transaction().execute((trx) => route(trx, anonymousItem(4, false)));
    expect(next).toEqual({ kind: 'recorded', itemId: expect.any(Number), reason: 'unreachable' });
  });
});

describe('migration 2026-12-02-070: open FAQ questions become inbox items', () => {
  it('moves routed and recorded questions in as open items, answered ones as answered, and leaves the rest', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
    const db = t.db as unknown as Kysely<any>;
    const migrator = await migratorFor(db);
    expect((await migrator.migrateTo('2026-12-02-060-bind-codes')).error).toBeUndefined();
    const now = clock.now();
    try {
      const asker = await db.selectFrom('people').select('id').where('telegram_user_id', '=', WRITER_TG).executeTakeFirstOrThrow();
      const chat = await db.insertInto('chats').values({ telegram_chat_id: WRITER_TG, type: 'private', title: '' }).returning('id').executeTakeFirstOrThrow();
      const question = (messageId: number, status: string, extra: object = {}) => ({
        asker_id: asker.id,
        chat_id: chat.id,
        message_id: messageId,
        class_id: classId,
        branch_id: branchId,
        question: `q${messageId}`,
        status,
        created_at: now,
        updated_at: now,
        ...extra,
      });
      await db
        .insertInto('faq_questions')
        .values([
          question(1, 'routed'),
          question(2, 'recorded'),
          question(3, 'answered'),
          question(4, 'suggested'),
          question(5, 'resolved', { answer: '答', answered_by: liaisonIds[0] }),
        ])
        .execute();
    } finally {
      await migrateToLatest(db);
    }
    const items = await t.db
      .selectFrom('inbox_items as i')
      .innerJoin('faq_questions as q', 'q.id', 'i.client_ref')
      .select(['q.message_id', 'i.kind', 'i.state', 'i.routing', 'i.anonymous', 'i.class_id', 'i.answered_by'])
      .orderBy('q.message_id')
      .execute();
    expect(items).toEqual([
      { message_id: 1, kind: 'faq_question', state: 'open', routing: 'routed', anonymous: false, class_id: classId, answered_by: null },
      { message_id: 2, kind: 'faq_question', state: 'open', routing: 'recorded', anonymous: false, class_id: classId, answered_by: null },
      { message_id: 5, kind: 'faq_question', state: 'answered', routing: 'routed', anonymous: false, class_id: classId, answered_by: liaisonIds[0] },
    ]);
    expect(await t.db.selectFrom('inbox_messages').select(['direction', 'body']).execute()).toEqual([{ direction: 'to_asker', body: '答' }]);
  });
});
