import type { BotContext } from '../telegram/context.js';

/** The chat an update came from, as recorded: its row, and the class (with its branch) a group is bound to. */
export interface ChatOfUpdate {
  id: number;
  classId: number | null;
  branchId: number | null;
  className: string | null;
}

const read = new WeakMap<BotContext, Promise<ChatOfUpdate | null>>();

/**
 * One read per update, shared by the handlers that only look (the FAQ's "which group does this person
 * use", /ask's class, /liaisons): the row as it was when first asked for in this update. A handler
 * that changes the chat's row (binding, membership) reads it itself.
 */
export function chatOfUpdate(ctx: BotContext): Promise<ChatOfUpdate | null> {
  const known = read.get(ctx);
  if (known) return known;
  const chatId = ctx.chat?.id;
  const loading =
    chatId === undefined
      ? Promise.resolve(null)
      : ctx.deps.db
          .selectFrom('chats as ch')
          .leftJoin('classes as c', 'c.id', 'ch.class_id')
          .select(['ch.id', 'ch.class_id as classId', 'c.branch_id as branchId', 'c.name as className'])
          .where('ch.telegram_chat_id', '=', chatId)
          .executeTakeFirst()
          .then((row) => row ?? null);
  read.set(ctx, loading);
  return loading;
}
