import type { Message } from 'telegraf/types';
import type { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.js';
import type { BotContext } from '../telegram/context.js';
import type { CallbackCodec } from './callback.js';
import { inputOf, type DialogueInput, type InputKind } from './input.js';
import { replyHtml } from '../telegram/reply.js';
import { clearDialogue, DIALOGUE_LIFETIME_MS } from './store.js';
import { DialogueTurn, type ButtonValue, type Turn } from './turn.js';

export type { ButtonValue, Turn } from './turn.js';

/*
 * A dialogue is declared once and listed in its feature's `dialogues`:
 *
 *   const button = defineCallback('mt', z.object({ action: z.enum(['yes', 'no', 'cancel']) }));
 *   export const meeting = defineDialogue({
 *     kind: 'meeting', schema: z.object({ when: z.string().nullable() }), callback: button, cancelAction: 'cancel',
 *     start: 'when',
 *     steps: {
 *       when: { enter: (turn) => turn.reply(turn.t(...)),
 *               message: { accepts: ['text'], unsupported: '…', handle: (turn, { text }) => turn.goto('confirm', { when: text }) } },
 *       confirm: { enter: …, buttons: { yes: async (turn) => { …; await turn.finish(); } } },
 *     },
 *   });
 *   // a command or another feature's button opens it: await meeting.begin(ctx, { when: null });
 *
 * src/dialogue/router.ts routes messages and buttons to the step, answers stale buttons and /cancel;
 * the middleware drops a row that outlived `lifetimeMs` or no longer fits `schema` / `steps`.
 */

/** What a step does with a message: the kinds it takes, the reply to any other, and the handler. */
export interface MessageStep<T> {
  accepts: readonly InputKind[];
  unsupported: MessageKey;
  handle(turn: T, input: DialogueInput): Promise<unknown>;
}

export interface StepSpec<D, C extends ButtonValue, S, K extends string> {
  /** Runs when `goto` lands here: usually the prompt and its buttons. */
  enter?: (turn: Turn<D, C, S, K>) => Promise<unknown>;
  /** A text / photo / document sent while the dialogue is at this step; without it the message goes on to the next handlers. */
  message?: MessageStep<Turn<D, C, S, K>>;
  /** This step's buttons by action; any other button of the dialogue pressed now is stale. */
  buttons?: { [A in C['action']]?: (turn: Turn<D, C, S, K>, value: C & { action: A }) => Promise<unknown> };
}

export interface DialogueSpec<Schema extends z.ZodType, C extends ButtonValue, S, K extends string> {
  /** The `dialogues.kind` of its rows; unique. */
  kind: string;
  /** The data between steps; a stored row that no longer fits is dropped as expired. Keep it transform-free. */
  schema: Schema;
  start: NoInfer<K>;
  steps: Record<K, StepSpec<z.output<Schema>, C, S, K>>;
  /** The dialogue's buttons; its prefix is unique among the dialogues. */
  callback?: CallbackCodec<C>;
  /** The button action that abandons the dialogue at any step, like /cancel. */
  cancelAction?: C['action'];
  /** What /cancel (or the cancel button) says; default "cancelled, nothing was saved" — a dialogue that saves as it goes says so. */
  cancelled?: MessageKey;
  /** How long it waits for the next step (default 24 h). */
  lifetimeMs?: number;
  /** Loaded for every turn (e.g. the classes the caller may address); null: the caller may not go on, stale. */
  scope?: (ctx: BotContext) => Promise<S | null>;
}

/** A declared dialogue as the router and the store see it, whatever its types. */
export interface DeclaredDialogue {
  readonly kind: string;
  readonly lifetimeMs: number;
  /** What /cancel says when it abandons this dialogue. */
  readonly cancelled: MessageKey;
  readonly callback: CallbackCodec<ButtonValue> | undefined;
  /** Whether a stored step and data fit the declaration. */
  accepts(step: string, data: unknown): boolean;
  /** A message while this dialogue is open: 'pass' when the step takes no messages. */
  onMessage(ctx: BotContext, message: Message): Promise<'handled' | 'pass'>;
  /** A press of one of this dialogue's buttons (data owned by its codec). */
  onButton(ctx: BotContext, data: string): Promise<void>;
}

export interface Dialogue<D, K extends string> extends DeclaredDialogue {
  /** Opens the dialogue at `step` (default: `start`) in the private chat of this update, replacing any open one; false when the scope refuses the caller. */
  begin(ctx: BotContext, data: D, step?: K): Promise<boolean>;
}

export function defineDialogue<Schema extends z.ZodType, C extends ButtonValue = ButtonValue, S = undefined, K extends string = string>(
  spec: DialogueSpec<Schema, C, S, K>,
): Dialogue<z.output<Schema>, K> {
  type D = z.output<Schema>;
  type T = Turn<D, C, S, K>;
  const steps = spec.steps as Record<string, StepSpec<D, C, S, K> | undefined>;
  const stepOf = (step: string) => (Object.hasOwn(steps, step) ? steps[step] : undefined);
  const parse = (step: string, data: unknown): D | null => {
    if (!stepOf(step)) return null;
    const parsed = spec.schema.safeParse(data);
    return parsed.success ? (parsed.data as D) : null;
  };
  const source = {
    kind: spec.kind,
    schema: spec.schema as z.ZodType<D>,
    callback: spec.callback,
    enter: async (turn: T, step: K) => void (await stepOf(step)?.enter?.(turn)),
  };
  const loadScope = async (ctx: BotContext): Promise<S | null> => (spec.scope ? spec.scope(ctx) : (undefined as S));

  /** The caller's open dialogue of this kind as a turn; null when there is none or the caller lost the scope. */
  const current = async (ctx: BotContext, answersButton: boolean): Promise<DialogueTurn<D, C, S, K> | null> => {
    const open = ctx.dialogue;
    if (!ctx.person || open?.kind !== spec.kind) return null;
    const data = parse(open.step, open.data);
    if (data === null) return null;
    const scope = await loadScope(ctx);
    return scope === null ? null : new DialogueTurn(ctx, ctx.person, scope, open.step as K, data, source, answersButton);
  };

  return {
    kind: spec.kind,
    lifetimeMs: spec.lifetimeMs ?? DIALOGUE_LIFETIME_MS,
    cancelled: spec.cancelled ?? 'dialogue.cancelled',
    callback: spec.callback as CallbackCodec<ButtonValue> | undefined,
    accepts: (step, data) => parse(step, data) !== null,

    async begin(ctx, data, step = spec.start) {
      const scope = await loadScope(ctx);
      if (scope === null || !ctx.person) return false;
      await new DialogueTurn(ctx, ctx.person, scope, step, data, source, false).goto(step, data);
      return true;
    },

    async onMessage(ctx, message) {
      const turn = await current(ctx, false);
      if (!turn) {
        // The scope refused (a role was taken away): the dialogue cannot go on.
        if (ctx.person) await clearDialogue(ctx.deps.db, ctx.person.id);
        ctx.dialogue = null;
        await replyHtml(ctx, ctx.t('dialogue.stale'));
        return 'handled';
      }
      const handler = stepOf(turn.step)?.message;
      if (!handler) return 'pass';
      const input = inputOf(message);
      if (!input || !handler.accepts.includes(input.kind)) await turn.reply(ctx.t(handler.unsupported));
      else await handler.handle(turn, input);
      return 'handled';
    },

    async onButton(ctx, data) {
      const value = spec.callback?.decode(data) ?? null;
      const turn = value === null ? null : await current(ctx, true);
      if (!turn || value === null) return void (await ctx.answerCbQuery(ctx.t('dialogue.stale')));
      if (spec.cancelAction !== undefined && value.action === spec.cancelAction) {
        await turn.finish();
        await turn.answer();
        return turn.reply(ctx.t(spec.cancelled ?? 'dialogue.cancelled'));
      }
      const buttons = stepOf(turn.step)?.buttons as Record<string, ((turn: T, value: C) => Promise<unknown>) | undefined> | undefined;
      const handler = buttons?.[value.action];
      if (!handler) return turn.stale();
      await handler(turn, value);
      await turn.answer();
    },
  };
}
