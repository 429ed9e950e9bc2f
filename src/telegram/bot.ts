import { Telegraf } from 'telegraf';
import type { Feature } from '../feature.js';
import { dialogueRules } from '../dialogue/router.js';
import { safeError } from '../logging/logger.js';
import type { AppDeps, BotContext } from './context.js';
import { claimAndLoadCaller, errorBoundary } from './middleware.js';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Builds the bot: error boundary, dedup with caller loading, then each feature in order. Nothing starts here. */
export function createBot(deps: AppDeps, features: Feature[]): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(deps.config.botToken, {
    telegram: { apiRoot: deps.config.telegramApiRoot, webhookReply: false },
    handlerTimeout: 60_000,
  });

  // Last resort only: errorBoundary below catches what handlers throw.
  bot.catch((error, ctx) => {
    deps.logger.error({ event: 'update_failed_outside_boundary', updateId: ctx.update.update_id, err: safeError(error) }, 'update failed');
  });

  bot.use(errorBoundary(deps));
  bot.use(claimAndLoadCaller(deps, dialogueRules(features.flatMap((f) => f.dialogues ?? []))));
  for (const feature of features) bot.use(feature.composer(deps));
  return bot;
}
