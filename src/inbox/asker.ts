import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import { sendToChat, sendToPerson, personReachable, type Rendered } from '../outbox/messages.js';
import { returnRoute } from './queries.js';
import { unseal, type SealKey } from './sealed.js';
import type { InboxItem } from './tables.js';

/** Where a message for the asker goes. */
export type AskerTarget =
  /** A chat the client chose (the FAQ: the group or private chat the question was asked in). */
  | { kind: 'chat'; chatRowId: number; replyTo?: number; html: string }
  /** The asker in private: by person for a named asker, through the sealed route for an anonymous one. */
  | { kind: 'asker'; render: (language: Language) => string | Rendered };

/** sent: queued to a chat not known to be unreachable; unreachable: queued, but the chat is known gone; no_route: nowhere to send. */
export type ToAskerOutcome = 'sent' | 'unreachable' | 'no_route';

/**
 * Queues a message to an item's asker. For an anonymous item the chat comes only from the sealed
 * route, and the outbox row is written with a random key and deleted once sent, so nothing that
 * stays joins the item to a chat.
 */
export async function sendToAsker(
  trx: Executor,
  item: InboxItem,
  target: AskerTarget,
  key: SealKey | null,
  dedupeKey: string,
  now: Date,
): Promise<ToAskerOutcome> {
  if (target.kind === 'chat') {
    await sendToChat(trx, target.chatRowId, target.html, { dedupeKey, now, ...(target.replyTo !== undefined ? { replyTo: target.replyTo } : {}) });
    const chat = await trx.selectFrom('chats').select('active').where('id', '=', target.chatRowId).executeTakeFirst();
    return chat?.active === false ? 'unreachable' : 'sent';
  }
  if (!item.anonymous) {
    if (item.asker_id === null) return 'no_route';
    await sendToPerson(trx, item.asker_id, target.render, { dedupeKey, now });
    return (await personReachable(trx, item.asker_id)) ? 'sent' : 'unreachable';
  }
  const sealed = key ? await returnRoute(trx, item.id) : undefined;
  const address = key && sealed ? unseal(key, item.id, sealed) : null;
  if (!address) return 'no_route';
  const chat = await trx
    .insertInto('chats')
    .values({ telegram_chat_id: address.chatId, type: 'private', title: '', active: true, class_id: null })
    .onConflict((oc) => oc.column('telegram_chat_id').doUpdateSet({ type: 'private' }))
    .returning(['id', 'active'])
    .executeTakeFirstOrThrow();
  const message = target.render(address.language);
  const html = typeof message === 'string' ? message : message.html;
  const buttons = typeof message === 'string' ? undefined : message.buttons;
  await sendToChat(trx, chat.id, html, { dedupeKey: randomUUID(), now, forget: true, ...(buttons ? { buttons } : {}) });
  await trx.updateTable('inbox_return_routes').set({ updated_at: now }).where('item_id', '=', item.id).execute();
  return chat.active ? 'sent' : 'unreachable';
}

/** Whether `telegramUserId` is the asker of the item (for an anonymous one: the sealed route opens to their chat). */
export async function isAsker(trx: Executor, item: InboxItem, telegramUserId: number, key: SealKey | null): Promise<boolean> {
  if (!item.anonymous) {
    if (item.asker_id === null) return false;
    const person = await trx.selectFrom('people').select('telegram_user_id').where('id', '=', item.asker_id).executeTakeFirst();
    return person?.telegram_user_id === telegramUserId;
  }
  const sealed = key ? await returnRoute(trx, item.id) : undefined;
  return key !== null && sealed !== undefined && unseal(key, item.id, sealed)?.chatId === telegramUserId;
}
