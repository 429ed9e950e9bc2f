import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../logging/logger.js';
import { safeError } from '../logging/logger.js';
import { ChatQueues, DEFAULT_CHAT_QUEUE_LIMITS, type ChatQueueLimits } from './chat-queues.js';
import type { BotContext } from './context.js';
import type { PolledUpdateStore } from './polled-updates.js';
import type { Clock } from '../shared/clock.js';

const LONG_POLL_SECONDS = 25;
/** A long poll not answered by then was dropped on the way (telegraf's own timeout is 500 s). */
const LONG_POLL_REQUEST_TIMEOUT_MS = (LONG_POLL_SECONDS + 10) * 1000;
const MAX_BACKOFF_MS = 30_000;
const MAX_BATCH = 100;

export interface Poller {
  /** Stop asking for updates, finish every update fetched so far, confirm the offset. */
  stop(): Promise<void>;
}

export interface PollingOptions {
  allowedUpdates: readonly string[];
  logger: Logger;
  /** How to wait before retrying a failed getUpdates (tests pass one that does not wait). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Client-side timeout of one long poll (tests shorten it). */
  requestTimeoutMs?: number;
  limits?: ChatQueueLimits;
  /** Keeps fetched updates until handled, so a crash loses none of those still queued. */
  persist?: { store: PolledUpdateStore; clock: Clock };
}

type Fetched = { kind: 'updates'; updates: Update[] } | { kind: 'stopped' } | { kind: 'timeout' } | { kind: 'failed'; error: unknown };

/**
 * Long polling of our own (rather than telegraf's launch) so that "started" and "stopped" are
 * exact, and so that fetching does not wait for handling: fetched updates go to per-chat queues
 * (one slow chat holds up only itself) and the next getUpdates goes out at once, until the bound on
 * updates in hand is reached. Asking with offset N confirms every update below N to Telegram, so a
 * stop finishes every update fetched before confirming the last offset.
 */
export async function startPolling(bot: Telegraf<BotContext>, options: PollingOptions): Promise<Poller> {
  const abort = new AbortController();
  const store = options.persist?.store;
  const forget = (updateId: number) =>
    store
      ?.done(updateId)
      .catch((error: unknown) =>
        options.logger.warn({ event: 'polled_update_not_cleared', updateId, err: safeError(error) }, 'could not clear a handled update'),
      );
  const handle = async (update: Update) => {
    try {
      await bot.handleUpdate(update);
    } finally {
      await forget(update.update_id);
    }
  };
  const queues = new ChatQueues(handle, options.limits ?? DEFAULT_CHAT_QUEUE_LIMITS);
  await bot.telegram.deleteWebhook({ drop_pending_updates: false });
  const leftOver = (await store?.leftOver()) ?? [];
  if (leftOver.length > 0) options.logger.info({ event: 'polled_updates_resumed', count: leftOver.length }, 'handling updates fetched before a crash');
  for (const update of leftOver) if (!queues.push(update)) await forget(update.update_id);

  const state: PollState = { bot, options, queues, forget, signal: abort.signal, offset: 0 };
  const loop = pollLoop(state);

  return {
    stop: async () => {
      abort.abort();
      await loop;
      await queues.idle();
      if (state.offset > 0) {
        await bot.telegram.callApi('getUpdates', { offset: state.offset, limit: 1, timeout: 0 }).catch(() => undefined);
      }
    },
  };
}

interface PollState {
  bot: Telegraf<BotContext>;
  options: PollingOptions;
  queues: ChatQueues;
  forget: (updateId: number) => Promise<void> | undefined;
  signal: AbortSignal;
  /** The next update to ask for; asking confirms every one below it. */
  offset: number;
}

/** Fetches while there is room in the queues, until stopped (or the token is refused). */
async function pollLoop(state: PollState): Promise<void> {
  const { bot, options, queues, signal } = state;
  const sleep = options.sleep ?? abortableSleep;
  let backoff = 500;
  const retryLater = async () => {
    await sleep(backoff, signal);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  };
  while (!signal.aborted) {
    await queues.whenRoom(signal);
    if (signal.aborted) break;
    const fetched = await getUpdates(
      bot,
      { offset: state.offset, limit: Math.min(MAX_BATCH, queues.room), timeout: LONG_POLL_SECONDS, allowed_updates: [...options.allowedUpdates] },
      signal,
      options.requestTimeoutMs ?? LONG_POLL_REQUEST_TIMEOUT_MS,
    );
    if (fetched.kind === 'stopped') break;
    if (fetched.kind === 'timeout') {
      options.logger.warn({ event: 'polling_timeout' }, 'getUpdates was not answered in time; polling again');
      continue;
    }
    if (fetched.kind === 'failed') {
      const code = (fetched.error as { response?: { error_code?: number } }).response?.error_code;
      if (code === 401) {
        options.logger.fatal({ event: 'polling_unauthorized' }, 'Telegram refused the token; polling stops');
        break;
      }
      options.logger.warn({ event: 'polling_error', err: safeError(fetched.error), retryInMs: backoff }, 'getUpdates failed');
      await retryLater();
      continue;
    }
    try {
      if (options.persist) await options.persist.store.keep(fetched.updates, options.persist.clock.now());
    } catch (error) {
      // Not kept, so not confirmed: the same batch is fetched again once the database answers.
      options.logger.warn({ event: 'polling_store_failed', err: safeError(error), retryInMs: backoff }, 'could not keep fetched updates');
      await retryLater();
      continue;
    }
    backoff = 500;
    await enqueue(state, fetched.updates);
  }
}

/** Hands a fetched batch to the per-chat queues; an update for a chat with too many queued is dropped. */
async function enqueue(state: PollState, updates: Update[]): Promise<void> {
  for (const update of updates) {
    state.offset = update.update_id + 1;
    if (!state.queues.push(update)) {
      state.options.logger.warn({ event: 'update_dropped_chat_busy', updateId: update.update_id }, 'too many updates queued for one chat; update dropped');
      await state.forget(update.update_id);
    }
  }
}

/** One getUpdates, given up after `timeoutMs` (a dropped connection is never answered) or at stop. */
async function getUpdates(
  bot: Telegraf<BotContext>,
  params: { offset: number; limit: number; timeout: number; allowed_updates: string[] },
  stop: AbortSignal,
  timeoutMs: number,
): Promise<Fetched> {
  const request = new AbortController();
  let timedOut = false;
  const onStop = () => request.abort();
  stop.addEventListener('abort', onStop, { once: true });
  const timer = setTimeout(() => ((timedOut = true), request.abort()), timeoutMs);
  try {
    // telegraf types its option with the abort-controller polyfill; node-fetch accepts the native signal
    const updates = await bot.telegram.callApi('getUpdates', params as never, { signal: request.signal as never });
    return { kind: 'updates', updates };
  } catch (error) {
    if (stop.aborted) return { kind: 'stopped' };
    return timedOut ? { kind: 'timeout' } : { kind: 'failed', error };
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', onStop);
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
