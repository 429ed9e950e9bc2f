import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logging/logger.js';
import { safeError } from '../logging/logger.js';
import type { BotContext } from './context.js';

const LONG_POLL_SECONDS = 25;
const MAX_BACKOFF_MS = 30_000;

export interface Poller {
  /** Stop asking for updates, let the batch in hand finish, confirm the offset. */
  stop(): Promise<void>;
}

/**
 * Long polling of our own (rather than telegraf's launch) so that "started" and "stopped" are
 * exact: a stop during start-up cannot leave a loop running, and the last offset is confirmed so a
 * restart does not see handled updates again.
 */
export async function startPolling(
  bot: Telegraf<BotContext>,
  options: { allowedUpdates: readonly string[]; logger: Logger; sleep?: (ms: number, signal: AbortSignal) => Promise<void> },
): Promise<Poller> {
  const sleep = options.sleep ?? abortableSleep;
  const abort = new AbortController();
  let offset = 0;
  await bot.telegram.deleteWebhook({ drop_pending_updates: false });

  const loop = (async () => {
    let backoff = 500;
    while (!abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await bot.telegram.callApi(
          'getUpdates',
          { offset, timeout: LONG_POLL_SECONDS, allowed_updates: [...options.allowedUpdates] as never },
          // telegraf types its option with the abort-controller polyfill; node-fetch accepts the native signal
          { signal: abort.signal as never },
        );
        backoff = 500;
      } catch (error) {
        if (abort.signal.aborted) break;
        const code = (error as { response?: { error_code?: number } }).response?.error_code;
        if (code === 401) {
          options.logger.fatal({ event: 'polling_unauthorized' }, 'Telegram refused the token; polling stops');
          break;
        }
        options.logger.warn({ event: 'polling_error', err: safeError(error), retryInMs: backoff }, 'getUpdates failed');
        await sleep(backoff, abort.signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        continue;
      }
      if (updates.length === 0) continue;
      offset = updates[updates.length - 1]!.update_id + 1;
      await handleInChatOrder(updates, (update) => bot.handleUpdate(update));
    }
  })();

  return {
    stop: async () => {
      abort.abort();
      await loop;
      if (offset > 0) {
        await bot.telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
      }
    },
  };
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Updates of one chat are handled in order; different chats in parallel. */
export async function handleInChatOrder(updates: Update[], handle: (update: Update) => Promise<void>): Promise<void> {
  const byChat = new Map<string, Update[]>();
  for (const update of updates) {
    const key = chatKey(update);
    byChat.set(key, [...(byChat.get(key) ?? []), update]);
  }
  await Promise.all(
    [...byChat.values()].map(async (queue) => {
      for (const update of queue) await handle(update);
    }),
  );
}

function chatKey(update: Update): string {
  const u = update as unknown as Record<string, { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } } | undefined>;
  for (const field of ['message', 'edited_message', 'my_chat_member', 'chat_member', 'callback_query']) {
    const part = u[field];
    if (!part) continue;
    const id = part.chat?.id ?? part.message?.chat?.id ?? part.from?.id;
    if (id !== undefined) return String(id);
  }
  return `update:${update.update_id}`;
}
