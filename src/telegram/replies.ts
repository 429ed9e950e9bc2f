import type { Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Db, Executor } from '../db/schema.js';
import type { Translate } from '../i18n/i18n.js';
import type { Logger } from '../logging/logger.js';
import { escapeHtml, mention } from '../i18n/html.js';
import { sendToChat, type MessagePayload } from '../outbox/messages.js';
import type { Clock } from '../shared/clock.js';
import { classifyError, withRequestDeadline, type SendOutcome } from './sender.js';
import { LocalRateLimit, SENDING_METHODS, sleep as realSleep, type SendGate } from './send-gate.js';

export interface ReplyExtras {
  /** In the same chat: sent as a reply to this message. */
  replyTo?: number;
  keyboard?: InlineKeyboardButton[][];
}

/** Where an answer went: at once, into the outbox for later, merged with an identical one waiting, or privately. */
export type ReplyResult = 'sent' | 'queued' | 'coalesced' | 'private' | 'failed';

export interface ReplySettings {
  /** A wait up to this long (429 retry_after, a chat's window or block) is waited out in the handler. */
  shortWaitMs: number;
  /** How many such waits one message may take before it goes to the outbox. */
  maxShortWaits: number;
  /**
   * The longest a handler waits for a slot of the process-wide pace. Past it the reply goes to the
   * outbox (which keeps the same pace) instead of holding its chat's queue (bench:load measures it).
   */
  paceWaitMs: number;
  /** The client-side deadline of each call (telegraf's own is 500 s); a reply cut off by it goes to the outbox. */
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultReplySettings: ReplySettings = { shortWaitMs: 4000, maxShortWaits: 2, paceWaitMs: 1000, timeoutMs: 10_000, sleep: realSleep };

/** What a reply needs to know about the update it answers. */
export interface ReplyOrigin {
  updateId: number;
  chat: { id: number; type: string; title?: string } | undefined;
  from: { id: number; name: string } | undefined;
  t: Translate;
}

interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  poke(): void;
}

/** What became of one gated call: done, not now (the chat's window or block, or the pace), or failed. */
type Gated<T> =
  | { kind: 'sent'; value: T }
  | { kind: 'later'; waitMs: number; reason: 'chat' | 'pace' }
  | { kind: 'failed'; outcome: Exclude<SendOutcome, { kind: 'ok' } | { kind: 'retry_after' }>; error: unknown };

/** A coalesced answer stops taking more askers' names well before Telegram's 4096 characters. */
const COALESCE_MAX_HTML = 3500;

/**
 * The one rate-aware path for what handlers send. Every call passes the process's SendGate (the pace,
 * each group's window of 20 a minute, a chat blocked by a 429): a short wait (or a 429 with a short
 * retry_after) is waited out; otherwise a text reply goes to the outbox, which sends it when allowed,
 * and any other message (a photo preview, …) fails with LocalRateLimit, which the error boundary
 * answers with an apology (through here). When a group is at its limit, the asker's answer goes to
 * them privately if they have started the bot (with a note why), else it waits in the outbox, where
 * an identical answer already waiting names them too. Nothing asked for is dropped: a reply fails
 * only when Telegram refuses it for good (blocked, kicked; a bad request is thrown to the handler).
 */
export class Replies {
  private readonly settings: ReplySettings;
  /** The replies' own client: every call has the reply deadline. */
  private readonly telegram: Telegram;
  /** Private chats that took a reply from this process (the person has started the bot). */
  private readonly started = new Set<number>();
  private readonly sequence = new WeakMap<ReplyOrigin, number>();
  /** Private chats with replies put in the outbox by this process: when the last one may go (keeps their order). */
  private readonly queuedPrivate = new Map<number, number>();

  constructor(
    private readonly deps: Deps,
    private readonly gate: SendGate,
    telegram: Telegram,
    settings: Partial<ReplySettings> = {},
  ) {
    this.settings = { ...defaultReplySettings, ...settings };
    this.telegram = withRequestDeadline(telegram, () => AbortSignal.timeout(this.settings.timeoutMs));
  }

  async send(origin: ReplyOrigin, chatId: number, html: string, extras: ReplyExtras = {}, fallback = true): Promise<ReplyResult> {
    // A private chat's replies keep their order: behind one waiting in the outbox, the next waits too.
    if (chatId > 0 && (await this.behindQueued(chatId))) return this.enqueue(origin, chatId, html, extras, 0);
    const result = await this.gated(chatId, () => this.telegram.sendMessage(chatId, html, messageOptions(extras)));
    switch (result.kind) {
      case 'sent':
        if (chatId > 0) this.started.add(chatId);
        return 'sent';
      case 'later':
        // The process is at its pace: the outbox keeps the same pace, so the answer only comes a little later.
        if (result.reason === 'pace') return this.enqueue(origin, chatId, html, extras, 0);
        return this.later(origin, chatId, html, extras, result.waitMs, fallback);
      case 'failed':
        if (result.outcome.kind === 'rejected') throw result.error;
        if (result.outcome.kind === 'chat_gone') {
          if (chatId > 0) await this.markGone(chatId);
          this.deps.logger.warn({ event: 'reply_failed', chatId, reason: result.outcome.reason }, 'reply not delivered');
          return 'failed';
        }
        // transient (network, 5xx, no answer by the deadline), migrated: the outbox retries and follows a migration
        this.deps.logger.warn({ event: 'reply_deferred', chatId, outcome: result.outcome.kind }, 'reply goes through the outbox');
        return this.enqueue(origin, chatId, html, extras, 0);
    }
  }

  /**
   * Any other Bot API call of a handler (what `ctx.telegram` does): a method that posts a message
   * passes the gate like a reply; one that cannot go within a short wait throws LocalRateLimit.
   */
  async call<T>(chatId: number, send: () => Promise<T>): Promise<T> {
    const result = await this.gated(chatId, send);
    if (result.kind === 'sent') return result.value;
    if (result.kind === 'later') throw new LocalRateLimit(result.waitMs);
    throw result.error;
  }

  /** A copy of `source` whose message-posting calls go through `call`, and every call has the reply deadline. */
  client(source: Telegram): Telegram {
    const telegram = Object.create(source) as Telegram;
    const call = source.callApi.bind(source);
    telegram.callApi = ((method, payload, options = {}) => {
      const withDeadline = {
        ...options,
        signal: options.signal ?? (AbortSignal.timeout(this.settings.timeoutMs) as unknown as NonNullable<typeof options.signal>),
      };
      const chatId = (payload as { chat_id?: number | string } | undefined)?.chat_id;
      if (!SENDING_METHODS.has(method) || chatId === undefined) return call(method, payload, withDeadline);
      return this.call(Number(chatId), () => call(method, payload, withDeadline));
    }) as Telegram['callApi'];
    return telegram;
  }

  /** One call through the gate: short waits waited out (at most maxShortWaits of them), the rest reported. */
  private async gated<T>(chatId: number, send: () => Promise<T>): Promise<Gated<T>> {
    const { shortWaitMs, maxShortWaits, paceWaitMs } = this.settings;
    for (let waits = 0; ; waits++) {
      const wait = this.gate.waitFor(chatId);
      if (wait > shortWaitMs || (wait > 0 && waits >= maxShortWaits)) return { kind: 'later', waitMs: wait, reason: 'chat' };
      const pace = this.gate.reservePace(Math.max(paceWaitMs, wait));
      if (pace === null) return { kind: 'later', waitMs: wait, reason: 'pace' };
      this.gate.reserveGroup(chatId, wait);
      await this.settings.sleep(Math.max(wait, pace));
      try {
        return { kind: 'sent', value: await send() };
      } catch (error) {
        const outcome = classifyError(error);
        // ('ok' is for edits and deletions already done; a posted message has no such answer)
        if (outcome.kind === 'ok') return { kind: 'failed', outcome: { kind: 'rejected', reason: 'unexpected' }, error };
        if (outcome.kind !== 'retry_after') return { kind: 'failed', outcome, error };
        this.gate.block(chatId, outcome.seconds);
        this.deps.logger.warn({ event: 'reply_rate_limited', chatId, retryAfter: outcome.seconds }, 'Telegram asked to wait');
        if (outcome.seconds * 1000 <= shortWaitMs && waits < maxShortWaits) continue;
        return { kind: 'later', waitMs: outcome.seconds * 1000, reason: 'chat' };
      }
    }
  }

  /** The chat's window or a 429 holds it back: a group's asker privately if possible, else the outbox. */
  private async later(origin: ReplyOrigin, chatId: number, html: string, extras: ReplyExtras, waitMs: number, fallback: boolean): Promise<ReplyResult> {
    const asker = origin.from?.id;
    if (fallback && chatId < 0 && chatId === origin.chat?.id && asker !== undefined && (await this.hasStarted(asker))) {
      const result = await this.send(origin, asker, `${origin.t('reply.groupBusy')}\n\n${html}`, extras.keyboard ? { keyboard: extras.keyboard } : {}, false);
      if (result !== 'failed') {
        this.deps.logger.info({ event: 'reply_private', chatId }, 'group at its limit; answered privately');
        return 'private';
      }
    }
    return this.enqueue(origin, chatId, chatId < 0 ? `${html}\n\n${origin.t('reply.groupBusyDeferred')}` : html, extras, waitMs);
  }

  private async enqueue(origin: ReplyOrigin, chatId: number, html: string, extras: ReplyExtras, waitMs: number): Promise<ReplyResult> {
    const { db, clock, logger } = this.deps;
    const now = clock.now();
    let availableAt = now.getTime() + waitMs;
    if (chatId > 0) availableAt = Math.max(availableAt, this.queuedPrivate.get(chatId) ?? 0);
    const seq = (this.sequence.get(origin) ?? 0) + 1;
    this.sequence.set(origin, seq);
    const result = await db.transaction().execute(async (trx) => {
      const same = origin.chat?.id === chatId ? origin.chat : undefined;
      await trx
        .insertInto('chats')
        .values({ telegram_chat_id: chatId, type: same?.type ?? (chatId < 0 ? 'group' : 'private'), title: same?.title ?? '', active: true, class_id: null })
        .onConflict((oc) => oc.column('telegram_chat_id').doNothing())
        .execute();
      const chat = await trx.selectFrom('chats').select('id').where('telegram_chat_id', '=', chatId).executeTakeFirstOrThrow();
      if (!extras.keyboard && chatId < 0 && (await this.coalesce(trx, chat.id, html, origin))) return 'coalesced' as const;
      await sendToChat(trx, chat.id, html, {
        dedupeKey: `reply:${origin.updateId}:${seq}`,
        now,
        availableAt: new Date(availableAt),
        ...(extras.replyTo !== undefined ? { replyTo: extras.replyTo } : {}),
        ...(extras.keyboard ? { buttons: extras.keyboard } : {}),
        ephemeral: true,
      });
      return 'queued' as const;
    });
    if (result === 'queued' && chatId > 0) this.queuedPrivate.set(chatId, availableAt);
    logger.info(
      { event: result === 'queued' ? 'reply_queued' : 'reply_coalesced', chatId, waitMs: Math.round(availableAt - now.getTime()) },
      'reply waits in the outbox',
    );
    if (result === 'queued') this.deps.poke();
    return result;
  }

  /**
   * An identical answer already waiting for this group (e.g. /liaisons) answers this asker too: their
   * name is added under it, so Telegram notifies them when it goes out.
   */
  private async coalesce(trx: Executor, chatRowId: number, html: string, origin: ReplyOrigin): Promise<boolean> {
    const waiting = await trx
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where('chat_id', '=', chatRowId)
      .where('state', '=', 'pending')
      .where('dedupe_key', 'like', `chat:${chatRowId}:reply:%`)
      .orderBy('id')
      .limit(50)
      .forUpdate()
      .execute();
    const same = waiting.find((row) => {
      const payload = row.payload as Partial<MessagePayload>;
      return typeof payload.html === 'string' && payload.buttons === undefined && payload.html.startsWith(html) && payload.html.length < COALESCE_MAX_HTML;
    });
    if (!same) return false;
    const payload = same.payload as unknown as MessagePayload;
    const name = origin.from ? mention(origin.from.id, origin.from.name).html : '';
    const also = payload.html === html ? `\n${origin.t('reply.alsoFor')}${name}` : `${escapeHtml(origin.t('reply.alsoSeparator'))}${name}`;
    await trx
      .updateTable('outbox')
      .set({ payload: JSON.stringify({ ...payload, html: `${payload.html}${also}` }) })
      .where('id', '=', same.id)
      .execute();
    return true;
  }

  /** Whether this private chat still has a reply waiting in the outbox (checked only after this process queued one). */
  private async behindQueued(chatId: number): Promise<boolean> {
    if (!this.queuedPrivate.has(chatId)) return false;
    const waiting = await this.deps.db
      .selectFrom('outbox as o')
      .innerJoin('chats as c', 'c.id', 'o.chat_id')
      .select('o.id')
      .where('c.telegram_chat_id', '=', chatId)
      .where('o.state', 'in', ['pending', 'sending'])
      .where('o.dedupe_key', 'like', 'chat:%:reply:%')
      .limit(1)
      .executeTakeFirst();
    if (!waiting) this.queuedPrivate.delete(chatId);
    return waiting !== undefined;
  }

  private async hasStarted(userId: number): Promise<boolean> {
    if (this.started.has(userId)) return true;
    const chat = await this.deps.db
      .selectFrom('chats')
      .select('id')
      .where('telegram_chat_id', '=', userId)
      .where('type', '=', 'private')
      .where('active', '=', true)
      .executeTakeFirst();
    return chat !== undefined;
  }

  private async markGone(userId: number): Promise<void> {
    this.started.delete(userId);
    await this.deps.db.updateTable('chats').set({ active: false, updated_at: this.deps.clock.now() }).where('telegram_chat_id', '=', userId).execute();
  }
}

const messageOptions = (extras: ReplyExtras) => ({
  parse_mode: 'HTML' as const,
  link_preview_options: { is_disabled: true },
  ...(extras.replyTo !== undefined ? { reply_parameters: { message_id: extras.replyTo, allow_sending_without_reply: true } } : {}),
  ...(extras.keyboard ? { reply_markup: { inline_keyboard: extras.keyboard } } : {}),
});
