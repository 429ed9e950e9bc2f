import type { Composer, NarrowedContext } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { CallbackCodec } from '../dialogue/callback.js';
import type { Person } from '../people/tables.js';
import type { BotContext } from './context.js';

export type ButtonContext = NarrowedContext<BotContext & { match: RegExpExecArray }, Update.CallbackQueryUpdate>;

export interface ButtonOptions {
  /** The answer to a press that cannot be taken (data forged or outdated, or someone the bot does not know): a note on the button by default. */
  refuse?: (ctx: ButtonContext) => Promise<unknown>;
}

/**
 * Routes the presses of one kind of button: its data read back by the codec (or a stricter reader
 * with the codec's prefix), and handed on with the presser's person row. A press that cannot be
 * taken is always answered, so the client stops spinning.
 */
export function onButton<T>(
  composer: Composer<BotContext>,
  codec: Pick<CallbackCodec<T>, 'prefix' | 'decode'>,
  handle: (ctx: ButtonContext, value: T, person: Person) => Promise<unknown>,
  options: ButtonOptions = {},
): void {
  composer.action(new RegExp(`^${codec.prefix}(:|$)`), async (ctx) => {
    const value = codec.decode('data' in ctx.callbackQuery ? ctx.callbackQuery.data : '');
    if (value === null || !ctx.person) return options.refuse ? options.refuse(ctx) : ctx.answerCbQuery(ctx.t('dialogue.stale'));
    return handle(ctx, value, ctx.person);
  });
}
