import type { Executor } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import { attempt } from '../telegram/sender.js';
import type { JobHandler } from './dispatcher.js';
import { enqueue } from './store.js';

/**
 * Messages that are not a direct reply to a command: written to the outbox in the caller's
 * transaction, sent by the dispatcher after commit under the shared budget, once per dedupe key.
 */
export const MESSAGE_JOB = 'message.html';

interface SendOptions {
  /** Unique per message meant: the same key never sends twice. */
  dedupeKey: string;
  now: Date;
}

export async function sendToChat(trx: Executor, chatRowId: number, html: string, options: SendOptions): Promise<boolean> {
  return enqueue(
    trx,
    { kind: MESSAGE_JOB, dedupeKey: `chat:${chatRowId}:${options.dedupeKey}`, chatId: chatRowId, payload: { html }, availableAt: options.now },
    options.now,
  );
}

/**
 * A private message to a person, in their language. The private chat's row is created here if the
 * bot never wrote to them; whether they can be reached (pressed Start, not blocked) is that row's
 * `active` flag, kept up to date by the dispatcher's outcomes and by the person writing again.
 */
export async function sendToPerson(
  trx: Executor,
  personId: number,
  render: (language: Language) => string,
  options: SendOptions,
): Promise<boolean> {
  const person = await trx.selectFrom('people').select(['telegram_user_id', 'language']).where('id', '=', personId).executeTakeFirst();
  if (!person) return false;
  const chat = await trx
    .insertInto('chats')
    .values({ telegram_chat_id: person.telegram_user_id, type: 'private', title: '', active: true, class_id: null })
    .onConflict((oc) => oc.column('telegram_chat_id').doUpdateSet({ type: 'private' }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return enqueue(
    trx,
    {
      kind: MESSAGE_JOB,
      dedupeKey: `person:${personId}:${options.dedupeKey}`,
      chatId: chat.id,
      payload: { html: render(person.language) },
      availableAt: options.now,
    },
    options.now,
  );
}

/**
 * Of these people, the ones a private message cannot reach: they never wrote to the bot (no private
 * chat row, or one created by `sendToPerson` whose send Telegram refused), or they blocked it. The
 * dispatcher records this on the chat row (`active = false` on a chat-gone answer); writing to the
 * bot again makes them reachable.
 */
export async function unreachablePeople(db: Executor, personIds: number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('chats as c', (join) => join.onRef('c.telegram_chat_id', '=', 'p.telegram_user_id').on('c.type', '=', 'private'))
    .select('p.id')
    .where('p.id', 'in', personIds)
    .where((eb) => eb.or([eb('c.id', 'is', null), eb('c.active', '=', false)]))
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

export const messageJobs: Record<string, JobHandler> = {
  [MESSAGE_JOB]: {
    async run(job, { telegram }) {
      const html = String((job.payload as { html?: unknown }).html ?? '');
      if (job.telegramChatId === null || html === '') return { kind: 'rejected', reason: 'no chat or empty message' };
      return attempt(
        () => telegram.sendMessage(job.telegramChatId!, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
        (m) => m.message_id,
      );
    },
  },
};
