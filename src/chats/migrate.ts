import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/schema.js';
import { outboxOnChatMigrated } from '../outbox/chat-migrated.js';

/** A row of `chats` (`chats.id`), never a Telegram chat id. */
export type ChatRowId = number;

/**
 * Moves what refers to chat row `from` over to chat row `to`, inside the transaction that merges the
 * two rows; `from` is deleted when the hooks return. A feature whose tables reference `chats.id`
 * gives one (`Feature.onChatMigrated`), so nothing it owns is lost or left pointing at the dead group.
 */
export type ChatMigratedHook = (trx: Transaction<Database>, from: ChatRowId, to: ChatRowId) => Promise<void>;

/** Follows a group that became a supergroup: `oldTelegramChatId` → `newTelegramChatId`. */
export type ChatMigrator = (db: Db, oldTelegramChatId: number, newTelegramChatId: number, now: Date) => Promise<void>;

/**
 * A group upgraded to a supergroup gets a new Telegram id. Telegram sends two service messages (one
 * in each chat), either may come first or twice, and a send to the old id answers with the new one:
 * so this is idempotent, and runs in one transaction.
 * - Usually only the old row exists: it takes the new id, and every reference to it stays valid.
 * - If the supergroup was seen first (its own row exists), the two rows merge into the new one: the
 *   core (outbox) and then each feature's hook move their rows over, the binding is carried over,
 *   and the old row is deleted.
 */
export function createChatMigrator(hooks: readonly ChatMigratedHook[]): ChatMigrator {
  return async (db, oldTelegramChatId, newTelegramChatId, now) => {
    if (oldTelegramChatId === newTelegramChatId) return;
    await db.transaction().execute(async (trx) => {
      const byTelegramId = (id: number) => trx.selectFrom('chats').selectAll().where('telegram_chat_id', '=', id).forUpdate().executeTakeFirst();
      const old = await byTelegramId(oldTelegramChatId);
      if (!old) return;
      const current = await byTelegramId(newTelegramChatId);
      if (!current) {
        await trx.updateTable('chats').set({ telegram_chat_id: newTelegramChatId, type: 'supergroup', updated_at: now }).where('id', '=', old.id).execute();
        return;
      }
      for (const hook of [outboxOnChatMigrated, ...hooks]) await hook(trx, old.id, current.id);
      const classId = current.class_id ?? old.class_id;
      await trx.deleteFrom('chats').where('id', '=', old.id).execute();
      await trx.updateTable('chats').set({ class_id: classId, active: true, type: 'supergroup', updated_at: now }).where('id', '=', current.id).execute();
    });
  };
}
