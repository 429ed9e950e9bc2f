import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { z } from 'zod';
import type { Person } from '../people/tables.js';
import type { MessageKey } from '../i18n/i18n.js';
import type { AppDeps, BotContext } from '../telegram/context.js';
import { replyHtml } from '../telegram/reply.js';
import type { CallbackCodec } from './callback.js';
import { clearDialogue, saveDialogue } from './store.js';

/** Every dialogue button names an action; the step's `buttons` are keyed by it. */
export interface ButtonValue {
  action: string;
}

/**
 * One update inside an open dialogue: its typed data and step, what the dialogue's `scope` loaded
 * for this update, and the moves a step can make. `goto` saves and runs the next step's `enter`;
 * `save` stays on the step. Buttons are answered once: after the handler, unless it did.
 */
export interface Turn<D, C extends ButtonValue, S, K extends string> {
  readonly ctx: BotContext;
  readonly deps: AppDeps;
  readonly person: Person;
  readonly scope: S;
  readonly step: K;
  readonly data: D;
  goto(step: K, data: D): Promise<void>;
  save(data: D): Promise<void>;
  /** The dialogue is over (done or abandoned): the row goes. */
  finish(): Promise<void>;
  /** Answers the pressed button (no-op for a message, or once it was answered). */
  answer(text?: string, options?: { alert?: boolean }): Promise<void>;
  /** "This is out of date, start again": an alert-free answer to a button, a reply to a message. */
  stale(): Promise<void>;
  /** An inline button carrying this dialogue's callback data. */
  button(label: string, value: C): InlineKeyboardButton.CallbackButton;
  reply(html: string): Promise<void>;
  t(key: MessageKey, params?: Parameters<BotContext['t']>[1]): string;
}

/** What a turn needs from its dialogue's declaration. */
export interface TurnSource<D, C extends ButtonValue, S, K extends string> {
  kind: string;
  schema: z.ZodType<D>;
  callback: CallbackCodec<C> | undefined;
  enter(turn: Turn<D, C, S, K>, step: K): Promise<void>;
}

export class DialogueTurn<D, C extends ButtonValue, S, K extends string> implements Turn<D, C, S, K> {
  readonly deps: AppDeps;
  /** Only a turn started by one of the dialogue's own buttons answers it; `begin` leaves the caller's button to the caller. */
  private answered: boolean;

  constructor(
    readonly ctx: BotContext,
    readonly person: Person,
    readonly scope: S,
    public step: K,
    public data: D,
    private readonly source: TurnSource<D, C, S, K>,
    answersButton: boolean,
  ) {
    this.deps = ctx.deps;
    this.answered = !answersButton;
  }

  async goto(step: K, data: D): Promise<void> {
    await this.write(step, data);
    // The button did its job: stop the client's spinner before the next prompt goes out.
    await this.answer();
    await this.source.enter(this, step);
  }

  save(data: D): Promise<void> {
    return this.write(this.step, data);
  }

  private async write(step: K, data: D): Promise<void> {
    const checked = this.source.schema.safeParse(data);
    if (!checked.success) throw new Error(`dialogue ${this.source.kind}: data for step ${step} does not fit its schema`);
    const dialogue = { kind: this.source.kind, step, data: checked.data as Record<string, unknown> };
    await saveDialogue(this.deps.db, this.person.id, dialogue, this.deps.clock.now());
    this.ctx.dialogue = dialogue;
    this.step = step;
    this.data = checked.data;
  }

  async finish(): Promise<void> {
    await clearDialogue(this.deps.db, this.person.id);
    this.ctx.dialogue = null;
  }

  async answer(text?: string, options: { alert?: boolean } = {}): Promise<void> {
    if (this.answered || !this.ctx.callbackQuery) return;
    this.answered = true;
    await this.ctx.answerCbQuery(text, options.alert ? { show_alert: true } : undefined);
  }

  async stale(): Promise<void> {
    if (this.ctx.callbackQuery) return this.answer(this.ctx.t('dialogue.stale'));
    return this.reply(this.ctx.t('dialogue.stale'));
  }

  button(label: string, value: C): InlineKeyboardButton.CallbackButton {
    if (!this.source.callback) throw new Error(`dialogue ${this.source.kind} declares no callback codec`);
    return Markup.button.callback(label, this.source.callback.encode(value));
  }

  reply(html: string): Promise<void> {
    return replyHtml(this.ctx, html);
  }

  t(key: MessageKey, params?: Parameters<BotContext['t']>[1]): string {
    return this.ctx.t(key, params);
  }
}
