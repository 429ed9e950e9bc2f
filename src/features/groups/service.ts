import type { Db } from '../../db/schema.js';
import { classMembers, type ClassMember } from '../people/queries.js';
import { chatByTelegramId } from './queries.js';

/**
 * A group upgraded to a supergroup gets a new id; the binding follows it. Telegram sends two service
 * messages (one in each chat) and either may come first or twice, so this is idempotent.
 */
export async function migrateChat(db: Db, oldTelegramId: number, newTelegramId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('chats').selectAll().where('telegram_chat_id', '=', oldTelegramId).forUpdate().executeTakeFirst();
    if (!old) return;
    const current = await trx.selectFrom('chats').selectAll().where('telegram_chat_id', '=', newTelegramId).forUpdate().executeTakeFirst();
    if (!current) {
      await trx
        .updateTable('chats')
        .set({ telegram_chat_id: newTelegramId, type: 'supergroup', updated_at: new Date() })
        .where('id', '=', old.id)
        .execute();
      return;
    }
    // Both rows exist (the new supergroup was seen first): keep the new row, carry the binding over.
    const classId = current.class_id ?? old.class_id;
    await trx.deleteFrom('chats').where('id', '=', old.id).execute();
    await trx
      .updateTable('chats')
      .set({ class_id: classId, active: true, type: 'supergroup', updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
  });
}

export interface ChatClass {
  className: string;
  liaisons: ClassMember[];
}

export async function classOfChat(db: Db, telegramChatId: number): Promise<ChatClass | null> {
  const chat = await chatByTelegramId(db, telegramChatId);
  if (!chat?.class_id) return null;
  const klass = await db.selectFrom('classes').select(['id', 'name']).where('id', '=', chat.class_id).executeTakeFirstOrThrow();
  const members = (await classMembers(db, [klass.id])).get(klass.id) ?? [];
  return { className: klass.name, liaisons: members.filter((m) => m.role === 'liaison') };
}
