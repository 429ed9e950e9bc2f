import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { addClass } from '../../src/features/classes/service.js';
import { insertQuestion } from '../../src/features/faq/queries.js';
import { bindByCode } from '../../src/features/groups/bind.js';
import { createBindCode } from '../../src/features/groups/bind-codes.js';
import { systemClock } from '../../src/shared/clock.js';
import { ensureChat, upsertChat } from '../../src/features/groups/queries.js';
import { allFeatures, chatMigratedHooks } from '../../src/features/index.js';
import { upsertPerson } from '../../src/people/queries.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migratorFor } from '../support/migrator.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
const now = new Date('2026-12-02T08:00:00Z');
const SUPER = -1001234567890;
const migrateChat = createChatMigrator(chatMigratedHooks(allFeatures()));

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function boundClass(telegramChatId: number) {
  const branch = await t.db.insertInto('branches').values({ name: '计算机学院第一党支部' }).returning('id').executeTakeFirstOrThrow();
  const klass = await addClass(t.db, branch.id, { name: '计科2101', code: 'CS2101' });
  if (!klass.ok) throw new Error('class not created');
  const code = await createBindCode(t.db, systemClock, { classId: klass.value.id, createdBy: null, canMove: true });
  await bindByCode(t.db, systemClock, { id: telegramChatId, type: 'group', title: '计科2101班群' }, code, { personId: null, name: '', roles: [] });
  return { branchId: branch.id, classId: klass.value.id };
}

describe('a group and its supergroup merge (the supergroup was seen first)', () => {
  it('moves FAQ questions, the auto-answer limit, notice deliveries and outbox jobs to the supergroup row', async () => {
    const { branchId, classId } = await boundClass(-100);
    const old = await ensureChat(t.db, { id: -100, type: 'group' });
    const asker = await upsertPerson(t.db, { id: 7, first_name: '小明' }, 'zh', now);
    const base = { askerId: asker.id, messageId: 5, classId, branchId, question: '入党申请书怎么写', matchedSlug: null, score: 0, status: 'routed' as const };
    await insertQuestion(t.db, { ...base, chatId: old }, now);
    await t.db.insertInto('faq_group_auto').values({ chat_id: old, last_at: now }).execute();
    const notice = await t.db
      .insertInto('notices')
      .values({ branch_id: branchId, kind: 'text', text: '通知', send_at: now, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('deliveries').values({ notice_id: notice.id, class_id: classId, chat_id: old, state: 'pending' }).execute();
    await t.db
      .insertInto('outbox')
      .values({ kind: 'notice.send', chat_id: old, dedupe_key: 'k1', state: 'pending', available_at: now, created_at: now })
      .execute();

    const superRow = (await upsertChat(t.db, { id: -1001, type: 'supergroup', title: '计科2101班群' }, true, now)).id;
    await t.db
      .insertInto('faq_group_auto')
      .values({ chat_id: superRow, last_at: new Date(now.getTime() - 60_000) })
      .execute();
    await insertQuestion(t.db, { ...base, chatId: superRow, messageId: 9 }, now);

    await migrateChat(t.db, -100, -1001, now);
    await migrateChat(t.db, -100, -1001, now); // the second service message changes nothing

    expect(await t.db.selectFrom('chats').select(['id', 'telegram_chat_id', 'class_id']).execute()).toEqual([
      { id: superRow, telegram_chat_id: -1001, class_id: classId },
    ]);
    expect(await t.db.selectFrom('faq_questions').select(['chat_id', 'message_id']).orderBy('message_id').execute()).toEqual([
      { chat_id: superRow, message_id: 5 },
      { chat_id: superRow, message_id: 9 },
    ]);
    expect(await t.db.selectFrom('faq_group_auto').selectAll().execute()).toEqual([{ chat_id: superRow, last_at: now }]);
    expect(await t.db.selectFrom('deliveries').select('chat_id').execute()).toEqual([{ chat_id: superRow }]);
    expect(await t.db.selectFrom('outbox').select(['chat_id', 'state']).execute()).toEqual([{ chat_id: superRow, state: 'pending' }]);
  });

  it('renames the only row in place when the supergroup is new (every reference stays valid)', async () => {
    await boundClass(-200);
    const row = await ensureChat(t.db, { id: -200, type: 'group' });
    await migrateChat(t.db, -200, -1002, now);
    expect(await t.db.selectFrom('chats').select(['id', 'telegram_chat_id', 'type']).execute()).toEqual([
      { id: row, telegram_chat_id: -1002, type: 'supergroup' },
    ]);
  });
});

describe('migration 2026-12-02-030: FAQ rows reference chats', () => {
  it('turns raw Telegram ids into chats rows, adding rows for private and unknown chats, and back', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
    const db = t.db as unknown as Kysely<any>;
    const migrator = await migratorFor(db);
    const down = await migrator.migrateTo('2026-11-26-005-current-branch');
    expect(down.error).toBeUndefined();
    try {
      // a known group, bound by hand: the bind codes of later migrations do not exist at this point
      const branch = await db.insertInto('branches').values({ name: '支部' }).returning('id').executeTakeFirstOrThrow();
      const klass = await db.insertInto('classes').values({ branch_id: branch.id, name: '计科2101', code: 'CS2101' }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('chats').values({ telegram_chat_id: -300, type: 'group', title: '计科2101班群', class_id: klass.id }).execute();
      const asker = await upsertPerson(t.db, { id: 7, first_name: '小明' }, 'zh', now);
      const question = (chatId: number, messageId: number) => ({
        asker_id: asker.id,
        chat_id: chatId,
        message_id: messageId,
        question: 'q',
        status: 'routed',
        created_at: now,
        updated_at: now,
      });
      await db
        .insertInto('faq_questions')
        .values([question(-300, 1), question(7, 2), question(-400, 3), question(SUPER, 4), question(7, 5)])
        .execute();
      await db
        .insertInto('faq_group_auto')
        .values([
          { chat_id: -300, last_at: now },
          { chat_id: SUPER, last_at: now },
        ])
        .execute();
    } finally {
      await migrateToLatest(db);
    }
    const chats = await t.db.selectFrom('chats').select(['id', 'telegram_chat_id', 'type', 'class_id']).orderBy('id').execute();
    const byId = chats.map((c) => [c.telegram_chat_id, c.type] as const).sort((a, b) => a[0] - b[0]);
    expect(byId).toEqual([
      [SUPER, 'supergroup'],
      [-400, 'group'],
      [-300, 'group'],
      [7, 'private'],
    ]);
    const idOf = (telegramId: number) => chats.find((c) => c.telegram_chat_id === telegramId)!.id;
    expect(await t.db.selectFrom('faq_questions').select(['message_id', 'chat_id']).orderBy('message_id').execute()).toEqual([
      { message_id: 1, chat_id: idOf(-300) },
      { message_id: 2, chat_id: idOf(7) },
      { message_id: 3, chat_id: idOf(-400) },
      { message_id: 4, chat_id: idOf(SUPER) },
      { message_id: 5, chat_id: idOf(7) },
    ]);
    expect(await t.db.selectFrom('faq_group_auto').select('chat_id').orderBy('chat_id').execute()).toEqual(
      [idOf(-300), idOf(SUPER)].sort((a, b) => a - b).map((chat_id) => ({ chat_id })),
    );
  });
});
