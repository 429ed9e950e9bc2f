import { sql, type RawBuilder } from 'kysely';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Executor } from '../db/schema.js';
import type { Language } from '../i18n/language.js';
import { attempt } from '../telegram/sender.js';
import type { ClaimedJob } from './store.js';
import type { JobContext, JobHandler, Settled } from './dispatcher.js';
import { enqueue, enqueueMany } from './store.js';

/**
 * Messages that are not a direct reply to a command: written to the outbox in the caller's
 * transaction, sent by the dispatcher after commit under the shared budget, once per dedupe key.
 */
export const MESSAGE_JOB = 'message.html';

export type Keyboard = InlineKeyboardButton[][];

export interface SendOptions {
  /** Unique per message meant: the same key never sends twice. */
  dedupeKey: string;
  now: Date;
  /** Inline buttons under the message. */
  buttons?: Keyboard;
  /** Sent as a reply to this message of the chat (sent anyway if it is gone). */
  replyTo?: number;
  /**
   * The job kind: a handler built with `htmlMessageJob(settle)` that also records the outcome on
   * the caller's rows (default MESSAGE_JOB, which records nothing).
   */
  kind?: string;
  /** Opaque to the outbox: handed to that handler's `settle` (ids of the caller's rows). */
  ref?: Record<string, number | string>;
  /** Delete the outbox row once it is finished (nothing about it stays in the database). */
  forget?: boolean;
  /** Keep the row but drop its text once it is finished (it may hold a one-time link). */
  ephemeral?: boolean;
  /** Not sent before this moment (a reminder held past quiet hours, a reply waiting out a 429); default `now`. */
  availableAt?: Date;
}

/** The message as the payload of a job (a zod-free shape: the outbox wrote it itself). */
export interface MessagePayload {
  html: string;
  buttons?: Keyboard;
  replyTo?: number;
  ref?: Record<string, number | string>;
  forget?: boolean;
  ephemeral?: boolean;
}

const payloadOf = (html: string, o: SendOptions): MessagePayload => ({
  html,
  ...(o.buttons ? { buttons: o.buttons } : {}),
  ...(o.replyTo !== undefined ? { replyTo: o.replyTo } : {}),
  ...(o.ref ? { ref: o.ref } : {}),
  ...(o.forget ? { forget: true } : {}),
  ...(o.ephemeral ? { ephemeral: true } : {}),
});

/** A message rendered in the recipient's language, with buttons in that language. */
export interface Rendered {
  html: string;
  buttons?: Keyboard;
}

const rendered = (r: string | Rendered, o: SendOptions): MessagePayload =>
  typeof r === 'string' ? payloadOf(r, o) : payloadOf(r.html, r.buttons ? { ...o, buttons: r.buttons } : o);

export async function sendToChat(trx: Executor, chatRowId: number, html: string, options: SendOptions): Promise<boolean> {
  return enqueue(
    trx,
    {
      kind: options.kind ?? MESSAGE_JOB,
      dedupeKey: `chat:${chatRowId}:${options.dedupeKey}`,
      chatId: chatRowId,
      payload: { ...payloadOf(html, options) },
      availableAt: options.availableAt ?? options.now,
    },
    options.now,
  );
}

/** The outbox key of `sendToPerson(…, personId, …, { dedupeKey })` (to cancel it later). */
export const personDedupeKey = (personId: number, dedupeKey: string) => `person:${personId}:${dedupeKey}`;

/**
 * A private message to a person, in their language. The private chat's row is created here if the
 * bot never wrote to them; whether they can be reached (pressed Start, not blocked) is that row's
 * `active` flag, kept up to date by the dispatcher's outcomes and by the person writing again.
 */
export async function sendToPerson(trx: Executor, personId: number, render: (language: Language) => string | Rendered, options: SendOptions): Promise<boolean> {
  const [queued] = await sendToPeople(trx, [{ personId, render, options }]);
  return queued!;
}

export interface PersonMessage {
  personId: number;
  render: (language: Language) => string | Rendered;
  options: SendOptions;
}

/** `sendToPerson` for many messages in a few statements (a burst of reminders); true for each one queued now. */
export async function sendToPeople(trx: Executor, messages: PersonMessage[]): Promise<boolean[]> {
  if (messages.length === 0) return [];
  const ids = [...new Set(messages.map((m) => m.personId))];
  const people = new Map(
    (await trx.selectFrom('people').select(['id', 'telegram_user_id', 'language']).where('id', 'in', ids).execute()).map((p) => [p.id, p]),
  );
  // One upsert per distinct user: ON CONFLICT cannot touch a row twice in one statement.
  const users = [...new Set([...people.values()].map((p) => p.telegram_user_id))];
  const chatOf = new Map<number, number>();
  for (let i = 0; i < users.length; i += 500) {
    const chats = await trx
      .insertInto('chats')
      .values(users.slice(i, i + 500).map((u) => ({ telegram_chat_id: u, type: 'private', title: '', active: true, class_id: null })))
      .onConflict((oc) => oc.column('telegram_chat_id').doUpdateSet({ type: 'private' }))
      .returning(['id', 'telegram_chat_id'])
      .execute();
    for (const c of chats) chatOf.set(c.telegram_chat_id, c.id);
  }
  const jobs = messages.map((m) => {
    const person = people.get(m.personId);
    if (!person) return null;
    return {
      kind: m.options.kind ?? MESSAGE_JOB,
      dedupeKey: personDedupeKey(m.personId, m.options.dedupeKey),
      chatId: chatOf.get(person.telegram_user_id)!,
      payload: { ...rendered(m.render(person.language), m.options) },
      availableAt: m.options.availableAt ?? m.options.now,
    };
  });
  const now = messages[0]!.options.now;
  const added = await enqueueMany(
    trx,
    jobs.filter((j) => j !== null),
    now,
  );
  return jobs.map((j) => j !== null && added.has(j.dedupeKey));
}

/**
 * Whether a private message reaches the person whose Telegram user id is in `telegramUserId` (a
 * column of the outer query, such as 'p.telegram_user_id'): their private chat row is active. They
 * are unreachable when they never wrote to the bot (no private chat row, or one created by
 * `sendToPerson` whose send Telegram refused) or blocked it: the dispatcher records this on the chat
 * row (`active = false` on a chat-gone answer), and writing to the bot again makes them reachable.
 * One rule for every query that asks (the outbox's own checks, the secretary's overview).
 */
export const privateChatReachable = (telegramUserId: string): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from chats reach where reach.telegram_chat_id = ${sql.ref(telegramUserId)} and reach.type = 'private' and reach.active)`;

/** Of these people, the ones a private message cannot reach (see `privateChatReachable`). */
export async function unreachablePeople(db: Executor, personIds: number[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('people as p')
    .select('p.id')
    .where('p.id', 'in', personIds)
    .where((eb) => eb.not(privateChatReachable('p.telegram_user_id')))
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Whether a private message to the person can be expected to arrive: `unreachablePeople` for one.
 * Called after `sendToPerson`, which creates the private chat row, so it is the row's `active` flag.
 */
export async function personReachable(db: Executor, personId: number): Promise<boolean> {
  return (await unreachablePeople(db, [personId])).length === 0;
}

/** What a message job's owner learns when it is finished: its `ref` and the result. */
export type MessageSettle = (trx: Executor, ref: Record<string, number | string>, result: Settled, ctx: JobContext) => Promise<void>;

/** A job handler that sends a message written by sendToChat / sendToPerson, then calls `settle`. */
export function htmlMessageJob(settle?: MessageSettle): JobHandler {
  return {
    async run(job, { telegram }) {
      const payload = job.payload as Partial<MessagePayload>;
      const html = String(payload.html ?? '');
      if (job.telegramChatId === null || html === '') return { kind: 'rejected', reason: 'no chat or empty message' };
      return attempt(
        () =>
          telegram.sendMessage(job.telegramChatId!, html, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(payload.buttons ? { reply_markup: { inline_keyboard: payload.buttons } } : {}),
            ...(payload.replyTo !== undefined ? { reply_parameters: { message_id: payload.replyTo, allow_sending_without_reply: true } } : {}),
          }),
        (m) => m.message_id,
      );
    },
    async settle(trx, job: ClaimedJob, result, ctx) {
      const payload = job.payload as Partial<MessagePayload>;
      if (settle && payload.ref) await settle(trx, payload.ref, result, ctx);
      if (payload.forget) await trx.deleteFrom('outbox').where('id', '=', job.id).execute();
      // A one-time link must not stay readable in the database once it went out (or could not).
      else if (payload.ephemeral)
        await trx
          .updateTable('outbox')
          .set({ payload: JSON.stringify({ ephemeral: true }) })
          .where('id', '=', job.id)
          .execute();
    },
  };
}

export const messageJobs: Record<string, JobHandler> = {
  [MESSAGE_JOB]: htmlMessageJob(),
};
