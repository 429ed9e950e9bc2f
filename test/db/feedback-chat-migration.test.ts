import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { ensureChat } from '../../src/features/groups/queries.js';
import { allFeatures, chatMigratedHooks } from '../../src/features/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
const now = new Date('2026-12-02T08:00:00Z');
const migrateChat = createChatMigrator(chatMigratedHooks(allFeatures()));

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const report = (chatId: number, messageId: number, excerpt: string) => ({
  class_id: null,
  branch_id: null,
  chat_id: chatId,
  message_id: messageId,
  link: null,
  excerpt,
  author_name: null,
  status: 'open' as const,
  note: null,
  handled_by: null,
  created_at: now,
  handled_at: null,
});

describe('reports follow a group into its supergroup', () => {
  it('moves every report, keeping one whose message id the supergroup already uses (negated)', async () => {
    const old = { id: await ensureChat(t.db, { id: -100, type: 'group' }) };
    const current = { id: await ensureChat(t.db, { id: -1001234567890, type: 'supergroup' }) };
    await t.db
      .insertInto('reports')
      .values([report(old.id, 5, 'old five'), report(old.id, 6, 'old six'), report(current.id, 5, 'new five')])
      .execute();
    await migrateChat(t.db, -100, -1001234567890, now);
    const rows = await t.db.selectFrom('reports').select(['chat_id', 'message_id', 'excerpt']).orderBy('excerpt').execute();
    expect(rows).toEqual([
      { chat_id: current.id, message_id: 5, excerpt: 'new five' },
      { chat_id: current.id, message_id: -5, excerpt: 'old five' },
      { chat_id: current.id, message_id: 6, excerpt: 'old six' },
    ]);
  });
});
