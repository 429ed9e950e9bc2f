import { Telegram } from 'telegraf';
import { Replies } from '../../src/telegram/replies.js';
import { SendGate, telegramGateSettings } from '../../src/telegram/send-gate.js';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { createConfig } from '../../src/config/config.js';
import type { Db } from '../../src/db/schema.js';
import type { Feature } from '../../src/feature.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Clock } from '../../src/shared/clock.js';
import { ALLOWED_UPDATES, createBot } from '../../src/telegram/bot.js';
import type { AppDeps } from '../../src/telegram/context.js';
import { startPolling } from '../../src/telegram/polling.js';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api/index.js';
import { logCapture, type LogLine } from './harness.js';

export interface BotHarness {
  api: FakeBotApi;
  logs: LogLine[];
  handled(updateId: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real bot (createBot: error boundary, dedup, caller loading, then the given features) polling
 * the fake Bot API, without the app's features: for testing a core seam with features of the test's own.
 */
export async function startBotHarness(options: { db: Db; clock: Clock; features: Feature[] }): Promise<BotHarness> {
  const api = await startFakeBotApi();
  const { stream, logs, waitForLog } = logCapture();
  const configured = createConfig({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'debug' });
  if (!configured.ok) throw new Error('test config refused');
  const logger = createLogger('debug', stream);
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock,
    logger,
    config: configured.config,
    botUsername: () => api.bot.username,
    outbox: { poke: () => undefined },
    migrateChat: createChatMigrator([]),
    replies: new Replies(
      { db: options.db, clock: options.clock, logger, poke: () => undefined },
      new SendGate(options.clock, telegramGateSettings),
      new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false }),
    ),
  };
  const bot = createBot(deps, options.features);
  bot.botInfo = await bot.telegram.getMe();
  const poller = await startPolling(bot, { allowedUpdates: ALLOWED_UPDATES, logger });
  return {
    api,
    logs,
    handled: (updateId) => waitForLog((l) => l.event === 'update_handled' && l.updateId === updateId),
    stop: async () => {
      await poller.stop();
      await api.close();
    },
  };
}
