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

export async function chatByTelegramId(db: Executor, telegramChatId: number): Promise<ChatRow | undefined> {
  return db.selectFrom('chats').selectAll().where('telegram_chat_id', '=', telegramChatId).executeTakeFirst();
}

export async function setChatTitle(db: Executor, telegramChatId: number, title: string, now: Date): Promise<void> {
  await db.updateTable('chats').set({ title, updated_at: now }).where('telegram_chat_id', '=', telegramChatId).execute();
}
