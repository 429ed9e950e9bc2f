import type { QueryCreator } from 'kysely';
import type { Database, Db } from '../db/schema.js';
import type { BotContext } from '../telegram/context.js';

/** The chat an update came from, as recorded: its row, and the class (with its branch) a group is bound to. */
export interface ChatOfUpdate {
  id: number;
  classId: number | null;
  branchId: number | null;
  className: string | null;
}

const read = new WeakMap<BotContext, Promise<ChatOfUpdate | null>>();

/** Reads the chat's row; a first reader may do more in the same statement (see chatOfUpdate). */
export type ChatReader = (db: Db, telegramChatId: number) => Promise<ChatOfUpdate | null>;

export const readChat: ChatReader = async (db, telegramChatId) => (await chatQuery(db, telegramChatId).executeTakeFirst()) ?? null;

/** The select of readChat, for a reader that wraps it (as a CTE) in a statement of its own. */
export function chatQuery(db: QueryCreator<Database>, telegramChatId: number) {
  return db
    .selectFrom('chats as ch')
    .leftJoin('classes as c', 'c.id', 'ch.class_id')
    .select(['ch.id', 'ch.class_id as classId', 'c.branch_id as branchId', 'c.name as className'])
    .where('ch.telegram_chat_id', '=', telegramChatId);
}

/**
 * One read per update, shared by the handlers that only look (the FAQ's "which group does this person
 * use", /ask's class, /liaisons): the row as it was when first asked for in this update. A handler
 * that changes the chat's row (binding, membership) reads it itself. `reader` is used only by the
 * first caller in an update (the FAQ marks the asker seen in the same statement).
 */
export function chatOfUpdate(ctx: BotContext, reader: ChatReader = readChat): Promise<ChatOfUpdate | null> {
  const known = read.get(ctx);
  if (known) return known;
  const chatId = ctx.chat?.id;
  const loading = chatId === undefined ? Promise.resolve(null) : reader(ctx.deps.db, chatId);
  read.set(ctx, loading);
  return loading;
}
