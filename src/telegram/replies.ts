import type { Telegram } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Db, Executor } from '../db/schema.js';
import type { Translate } from '../i18n/i18n.js';
import type { Logger } from '../logging/logger.js';
import { sendToChat } from '../outbox/messages.js';
import type { Clock } from '../shared/clock.js';
import { classifyError, type SendOutcome } from './sender.js';
import { sleep as realSleep, type SendGate } from './send-gate.js';

export interface ReplyExtras {
  /** In the same chat: sent as a reply to this message. */
  replyTo?: number;
  keyboard?: InlineKeyboardButton[][];
}

/** Where an answer went: at once, into the outbox for later, merged with an identical one waiting, or privately. */
export type ReplyResult = 'sent' | 'queued' | 'coalesced' | 'private' | 'failed';

export interface ReplySettings {
  /** A wait up to this long (429 retry_after, a group's window, the pace) is waited out in the handler. */
  shortWaitMs: number;
  /** How many such waits one message may take before it goes to the outbox. */
  maxShortWaits: number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultReplySettings: ReplySettings = { shortWaitMs: 4000, maxShortWaits: 2, sleep: realSleep };
/** The client-side deadline of one reply (telegraf's own is 500 s). */
export const REPLY_TIMEOUT_MS = 10_000;

/** What a reply needs to know about the update it answers. */
export interface ReplyOrigin {
  updateId: number;
  chat: { id: number; type: string; title?: string } | undefined;
  fromId: number | undefined;
  t: Translate;
}

interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  poke(): void;
}

/**
 * The one rate-aware path for answers to commands. A message goes at once when the group's window
 * and the pace allow; a short wait (or a 429 with a short retry_after) is waited out; a longer one,
 * or a network failure, puts it in the outbox, which sends it when allowed. When a group is at its
 * limit, the asker's answer goes to them privately if they have started the bot (with a note why),
 * else it waits in the outbox, where identical answers to that group are merged. Nothing asked for
 * is dropped: a reply fails only when Telegram refuses it for good (blocked, bad request).
 */
export class Replies {
  private readonly settings: ReplySettings;
  /** Private chats that took a reply from this process (the person has started the bot). */
  private readonly started = new Set<number>();
  private readonly sequence = new WeakMap<ReplyOrigin, number>();

  constructor(
    private readonly deps: Deps,
    private readonly gate: SendGate,
    private readonly telegram: Telegram,
    settings: Partial<ReplySettings> = {},
  ) {
    this.settings = { ...defaultReplySettings, ...settings };
  }

  async send(origin: ReplyOrigin, chatId: number, html: string, extras: ReplyExtras = {}, fallback = true): Promise<ReplyResult> {
    const { shortWaitMs, maxShortWaits } = this.settings;
    for (let waits = 0; ; waits++) {
      const wait = this.gate.waitFor(chatId);
      if (wait > shortWaitMs || (wait > 0 && waits >= maxShortWaits)) return this.later(origin, chatId, html, extras, wait, fallback);
      const pace = this.gate.reservePace(shortWaitMs - wait);
      if (pace === null) return this.later(origin, chatId, html, extras, 0, fallback);
      this.gate.reserveGroup(chatId, wait);
      await this.settings.sleep(Math.max(wait, pace));
      const outcome = await this.attempt(chatId, html, extras);
      switch (outcome.kind) {
        case 'ok':
          if (chatId > 0) this.markStarted(chatId);
          return 'sent';
        case 'retry_after':
          this.gate.block(chatId, outcome.seconds);
          this.deps.logger.warn({ event: 'reply_rate_limited', chatId, retryAfter: outcome.seconds }, 'Telegram asked to wait');
          if (outcome.seconds * 1000 <= shortWaitMs && waits < maxShortWaits) continue;
          return this.later(origin, chatId, html, extras, outcome.seconds * 1000, fallback);
        case 'chat_gone':
          if (chatId > 0) await this.markGone(chatId);
          this.deps.logger.warn({ event: 'reply_failed', chatId, reason: outcome.reason }, 'reply not delivered');
          return 'failed';
        default: // transient, migrated: the outbox retries (and follows a migrated group)
          this.deps.logger.warn({ event: 'reply_deferred', chatId, outcome: outcome.kind }, 'reply goes through the outbox');
          return this.later(origin, chatId, html, extras, 0, false);
      }
    }
  }

  /** One sendMessage; a refusal that no retry can fix (bad HTML, …) is thrown to the handler as before. */
  private async attempt(chatId: number, html: string, extras: ReplyExtras): Promise<SendOutcome> {
    try {
      const message = await this.telegram.sendMessage(chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(extras.replyTo !== undefined ? { reply_parameters: { message_id: extras.replyTo, allow_sending_without_reply: true } } : {}),
        ...(extras.keyboard ? { reply_markup: { inline_keyboard: extras.keyboard } } : {}),
      });
      return { kind: 'ok', messageId: message.message_id };
    } catch (error) {
      const outcome = classifyError(error);
      if (outcome.kind === 'rejected') throw error;
      return outcome;
    }
  }

  /** The group is at its limit (or Telegram asked for a long wait): privately if possible, else the outbox. */
  private async later(origin: ReplyOrigin, chatId: number, html: string, extras: ReplyExtras, waitMs: number, fallback: boolean): Promise<ReplyResult> {
    const asker = origin.fromId;
    if (fallback && chatId < 0 && chatId === origin.chat?.id && asker !== undefined && (await this.hasStarted(asker))) {
      const result = await this.send(
        origin,
        asker,
        `${origin.t('reply.groupBusy')}\n\n${html}`,
        { ...(extras.keyboard ? { keyboard: extras.keyboard } : {}) },
        false,
      );
      if (result !== 'failed') {
        this.deps.logger.info({ event: 'reply_private', chatId }, 'group at its limit; answered privately');
        return 'private';
      }
    }
    return this.enqueue(origin, chatId, chatId < 0 && waitMs > 0 ? `${html}\n\n${origin.t('reply.groupBusyDeferred')}` : html, extras, waitMs);
  }

  private async enqueue(origin: ReplyOrigin, chatId: number, html: string, extras: ReplyExtras, waitMs: number): Promise<ReplyResult> {
    const { db, clock, logger } = this.deps;
    const now = clock.now();
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
      if (!extras.keyboard && chatId < 0 && (await this.identicalWaiting(trx, chat.id, html))) return 'coalesced' as const;
      await sendToChat(trx, chat.id, html, {
        dedupeKey: `reply:${origin.updateId}:${seq}`,
        now,
        availableAt: new Date(now.getTime() + waitMs),
        ...(extras.replyTo !== undefined ? { replyTo: extras.replyTo } : {}),
        ...(extras.keyboard ? { buttons: extras.keyboard } : {}),
        ephemeral: true,
      });
      return 'queued' as const;
    });
    logger.info({ event: result === 'queued' ? 'reply_queued' : 'reply_coalesced', chatId, waitMs: Math.round(waitMs) }, 'reply waits in the outbox');
    if (result === 'queued') this.deps.poke();
    return result;
  }

  /** An identical answer already waiting for this group answers this asker too (e.g. /liaisons). */
  private async identicalWaiting(trx: Executor, chatRowId: number, html: string): Promise<boolean> {
    const waiting = await trx
      .selectFrom('outbox')
      .select('payload')
      .where('chat_id', '=', chatRowId)
      .where('state', '=', 'pending')
      .where('dedupe_key', 'like', `chat:${chatRowId}:reply:%`)
      .limit(50)
      .execute();
    return waiting.some((row) => {
      const payload = row.payload as { html?: unknown; keyboard?: unknown };
      return payload.html === html && payload.keyboard === undefined;
    });
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

  /** A private reply went through: the person has started the bot (kept in memory; `chats` rows count too). */
  private markStarted(userId: number): void {
    this.started.add(userId);
  }

  private async markGone(userId: number): Promise<void> {
    this.started.delete(userId);
    await this.deps.db.updateTable('chats').set({ active: false, updated_at: this.deps.clock.now() }).where('telegram_chat_id', '=', userId).execute();
  }
}
