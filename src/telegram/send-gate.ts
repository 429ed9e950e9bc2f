import type { Telegram } from 'telegraf';
import type { Clock } from '../shared/clock.js';

/** Bot API methods that post a message: Telegram's per-second and per-group limits count these. */
export const SENDING_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendVideo',
  'sendAudio',
  'sendVoice',
  'sendAnimation',
  'sendSticker',
  'sendMediaGroup',
  'sendPoll',
  'sendLocation',
  'sendContact',
  'copyMessage',
  'forwardMessage',
]);

export interface GateSettings {
  /** Messages per second from this process (Telegram: about 30 in total). */
  perSecond: number;
  /** Messages to one group within `groupWindowMs` (Telegram: 20 a minute). */
  groupLimit: number;
  /** Telegram's minute plus a margin for the time a request takes to arrive. */
  groupWindowMs: number;
}

// 28/s with a tolerance of half an interval starts at most 29 sends in any second (Telegram: 30);
// a 61 s window keeps a request that arrives late from making a 21st message in Telegram's minute.
export const telegramGateSettings: GateSettings = { perSecond: 28, groupLimit: 20, groupWindowMs: 61_000 };

/** A send the gate holds back before Telegram would: the dispatcher treats it as a local 429. */
export class LocalRateLimit extends Error {
  readonly local = true;
  constructor(readonly waitMs: number) {
    super('group at its message limit');
    this.name = 'LocalRateLimit';
  }
}

const isGroupId = (chatId: unknown) => (typeof chatId === 'number' ? chatId < 0 : typeof chatId === 'string' && chatId.startsWith('-'));

/**
 * Every message this process posts passes here — direct replies and the outbox's sends alike:
 *  - a process-wide pace (real time, so a test's frozen clock never stalls it): each send reserves
 *    the next slot of a 28/s schedule and waits for it;
 *  - per group, a sliding window of the last 20 sends (on the injected Clock, like the outbox's
 *    `chats.next_send_at`): a send that would be the 21st in a minute is held back;
 *  - a 429 for a chat blocks that chat until its `retry_after` has passed.
 */
export class SendGate {
  private readonly intervalMs: number;
  private nextSlot = 0;
  private readonly windows = new Map<string, number[]>();
  /** Per chat: until when a 429 blocks it, and how long that block was (a longer wait means the clock stepped back). */
  private readonly blocked = new Map<string, { until: number; ms: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: GateSettings = telegramGateSettings,
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    this.intervalMs = 1000 / settings.perSecond;
  }

  /** Reserves a slot of the process-wide pace: ms to wait for it, or null (nothing reserved) past `maxWaitMs`. */
  reservePace(maxWaitMs = Infinity): number | null {
    const now = this.monotonic();
    const start = Math.max(now, this.nextSlot - this.intervalMs / 2);
    if (start - now > maxWaitMs) return null;
    this.nextSlot = Math.max(this.nextSlot, now) + this.intervalMs;
    return start - now;
  }

  /** When a send to this chat may go, in ms from now (0: at once), by its window and any 429 block. */
  waitFor(chatId: number | string): number {
    const now = this.clock.now().getTime();
    const key = String(chatId);
    const block = this.blocked.get(key);
    if (block && (block.until <= now || block.until - now > block.ms)) this.blocked.delete(key);
    let at = Math.max(now, this.blocked.get(key)?.until ?? 0);
    if (isGroupId(chatId)) {
      const window = this.window(key, now);
      if (window.length >= this.settings.groupLimit) at = Math.max(at, window[window.length - this.settings.groupLimit]! + this.settings.groupWindowMs);
    }
    return at - now;
  }

  /** Takes a place in the group's window for a send `inMs` from now (call after waitFor allowed it). */
  reserveGroup(chatId: number | string, inMs = 0): void {
    if (!isGroupId(chatId)) return;
    const key = String(chatId);
    const window = this.window(key, this.clock.now().getTime());
    window.push(this.clock.now().getTime() + inMs);
    window.sort((a, b) => a - b);
    this.windows.set(key, window);
  }

  /** Telegram answered 429 for this chat: nothing goes there before `retry_after` has passed. */
  block(chatId: number | string, seconds: number): void {
    const ms = seconds * 1000;
    const now = this.clock.now().getTime();
    const key = String(chatId);
    const known = this.blocked.get(key);
    if (!known || known.until < now + ms || known.until - now > known.ms) this.blocked.set(key, { until: now + ms, ms });
  }

  /**
   * A copy of the client whose sends go through the gate: paced, and refused with LocalRateLimit
   * when the group is at its limit (the dispatcher puts the job back for that long). Other methods
   * (edits, pins, answers) pass as they are.
   */
  wrap(source: Telegram): Telegram {
    const telegram = Object.create(source) as Telegram;
    const call = source.callApi.bind(source);
    telegram.callApi = (async (method: string, payload: { chat_id?: number | string }, options?: unknown) => {
      if (!SENDING_METHODS.has(method) || payload?.chat_id === undefined) return call(method as never, payload as never, options as never);
      const chatId = payload.chat_id;
      const wait = this.waitFor(chatId);
      if (wait > 0) throw new LocalRateLimit(wait);
      this.reserveGroup(chatId);
      await sleep(this.reservePace()!);
      try {
        return await call(method as never, payload as never, options as never);
      } catch (error) {
        const retryAfter = (error as { response?: { error_code?: number; parameters?: { retry_after?: number } } }).response;
        if (retryAfter?.error_code === 429) this.block(chatId, retryAfter.parameters?.retry_after ?? 1);
        throw error;
      }
    }) as Telegram['callApi'];
    return telegram;
  }

  /** The window's entries still inside it; entries far in the future (a clock stepped back) are dropped. */
  private window(key: string, now: number): number[] {
    const all = this.windows.get(key) ?? [];
    const kept = all.filter((t) => t > now - this.settings.groupWindowMs && t <= now + this.settings.groupWindowMs);
    if (kept.length === 0) this.windows.delete(key);
    else if (kept.length !== all.length) this.windows.set(key, kept);
    return kept;
  }
}

export const sleep = (ms: number) => (ms <= 0 ? Promise.resolve() : new Promise<void>((resolve) => setTimeout(resolve, ms)));
