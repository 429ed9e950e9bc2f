import type { Executor } from '../../db/schema.js';
import type { ChatRow } from './tables.js';

export interface TelegramChatLike {
  id: number;
  type: string;
  title?: string;
}

export async function upsertChat(db: Executor, chat: TelegramChatLike, active: boolean, now: Date): Promise<ChatRow> {
  return db
    .insertInto('chats')
    .values({ telegram_chat_id: chat.id, type: chat.type, title: chat.title ?? '', active, class_id: null })
    .onConflict((oc) =>
      oc.column('telegram_chat_id').doUpdateSet({
        type: chat.type,
        ...(chat.title ? { title: chat.title } : {}),
        active,
        updated_at: now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The chat's row id, adding a row for a chat the bot has not recorded yet (a private chat, a group it
 * was in before it tracked groups) without touching a known chat's binding or state.
 */
export async function ensureChat(db: Executor, chat: TelegramChatLike): Promise<number> {
  const known = await db.selectFrom('chats').select('id').where('telegram_chat_id', '=', chat.id).executeTakeFirst();
  if (known) return known.id;
  const row = await db
    .insertInto('chats')
    .values({ telegram_chat_id: chat.id, type: chat.type, title: chat.title ?? '', active: true, class_id: null })
    .onConflict((oc) => oc.column('telegram_chat_id').doUpdateSet({ type: chat.type }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function chatByTelegramId(db: Executor, telegramChatId: number): Promise<ChatRow | undefined> {
  return db.selectFrom('chats').selectAll().where('telegram_chat_id', '=', telegramChatId).executeTakeFirst();
}

export async function setChatTitle(db: Executor, telegramChatId: number, title: string, now: Date): Promise<void> {
  await db.updateTable('chats').set({ title, updated_at: now }).where('telegram_chat_id', '=', telegramChatId).execute();
}
