import { Telegraf } from 'telegraf';
import type { Feature } from '../features/feature.js';
import { safeError } from '../logging/logger.js';
import { t } from '../i18n/i18n.js';
import { languageFromTelegram } from '../i18n/language.js';
import type { AppDeps, BotContext } from './context.js';
import { handleOnce, loadCaller } from './middleware.js';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Builds the bot: error boundary, dedup, caller loading, then each feature in order. Nothing starts here. */
export function createBot(deps: AppDeps, features: Feature[]): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(deps.config.botToken, {
    telegram: { apiRoot: deps.config.telegramApiRoot, webhookReply: false },
    handlerTimeout: 60_000,
  });

  bot.catch(async (error, ctx) => {
    deps.logger.error({ event: 'update_failed', updateId: ctx.update.update_id, err: safeError(error) }, 'update failed');
    // Apologise where the user was talking to the bot; stay quiet about background updates in groups.
    const chatId = ctx.chat?.id;
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
    if (chatId === undefined || (ctx.chat?.type !== 'private' && !text.startsWith('/'))) return;
    try {
      await ctx.telegram.sendMessage(chatId, t(languageFromTelegram(ctx.from?.language_code), 'error.generic'));
    } catch (replyError) {
      deps.logger.warn({ event: 'apology_failed', err: safeError(replyError) }, 'could not send apology');
    }
  });

  bot.use(handleOnce(deps));
  bot.use(loadCaller(deps));
  for (const feature of features) bot.use(feature.composer(deps));
  return bot;
}
