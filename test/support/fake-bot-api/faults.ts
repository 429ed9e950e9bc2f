import { ApiError, chatNotFound, migratedError, tooManyRequests } from './errors.js';
import type { Fault, FaultOptions, RateLimits } from './types.js';
import { STATUS_CODES } from 'node:http';

interface FaultEntry {
  method: string; // lower-cased
  fault: Fault;
  remaining: number;
  chatId?: string;
}

/** Queue of one-shot (or n-shot) faults, consumed in injection order. */
export class FaultRegistry {
  private entries: FaultEntry[] = [];

  add(method: string, fault: Fault, opts: FaultOptions = {}): void {
    const times = opts.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`injectFault: times must be a positive integer, got ${times}`);
    this.entries.push({
      method: method.toLowerCase(),
      fault,
      remaining: times,
      ...(opts.chatId !== undefined ? { chatId: String(opts.chatId) } : {}),
    });
  }

  clear(): void {
    this.entries = [];
  }

  /** Consumes and returns the first fault matching this call, if any. */
  take(method: string, params: Record<string, unknown>): Fault | undefined {
    const lower = method.toLowerCase();
    const idx = this.entries.findIndex((e) => e.method === lower && (e.chatId === undefined || String(params.chat_id) === e.chatId));
    if (idx < 0) return undefined;
    const entry = this.entries[idx]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries.splice(idx, 1);
    return entry.fault;
  }
}

/** The error a fault answers with; `undefined` for `slow`, `held` and `dropped` (which answer late or never). */
export function faultToError(fault: Fault): ApiError | undefined {
  switch (fault.kind) {
    case 'retryAfter':
      return tooManyRequests(Math.max(1, Math.ceil(fault.seconds)));
    case 'forbidden':
      return new ApiError(403, fault.description ?? 'Forbidden: bot was kicked from the group chat');
    case 'migrated':
      return migratedError(fault.newChatId);
    case 'chatNotFound':
      return chatNotFound();
    case 'serverError': {
      const status = fault.status ?? 500;
      return new ApiError(status, STATUS_CODES[status] ?? 'Internal Server Error');
    }
    case 'badRequest':
      return new ApiError(400, fault.description);
    case 'slow':
    case 'held':
    case 'dropped':
      return undefined;
  }
}

export const RATE_LIMITED_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'copyMessage', 'forwardMessage']);

/** Sliding-window rate limiter (overall per second, and per group chat per minute). Uses Date.now(), no timers. */
export class RateLimiter {
  private limits: RateLimits | null = null;
  private global: number[] = [];
  private perChat = new Map<number, number[]>();

  /** Setting limits (or null) also resets the windows. */
  set(limits: RateLimits | null): void {
    this.limits = limits;
    this.global = [];
    this.perChat.clear();
  }

  check(method: string, chatId: number | undefined, now: number): ApiError | undefined {
    const limits = this.limits;
    if (!limits || !RATE_LIMITED_METHODS.has(method)) return undefined;
    if (limits.perSecond !== undefined) {
      this.global = this.global.filter((t) => t > now - 1000);
      const err = overLimit(this.global, limits.perSecond, 1000, now);
      if (err) return err;
    }
    if (limits.perChatPerMinute !== undefined && chatId !== undefined && chatId < 0) {
      const window = (this.perChat.get(chatId) ?? []).filter((t) => t > now - 60_000);
      this.perChat.set(chatId, window);
      const err = overLimit(window, limits.perChatPerMinute, 60_000, now);
      if (err) return err;
    }
    return undefined;
  }

  /** Counts a successful send. */
  note(method: string, chatId: number | undefined, now: number): void {
    if (!this.limits || !RATE_LIMITED_METHODS.has(method)) return;
    this.global.push(now);
    if (chatId !== undefined && chatId < 0) {
      const window = this.perChat.get(chatId) ?? [];
      window.push(now);
      this.perChat.set(chatId, window);
    }
  }
}

function overLimit(window: number[], limit: number, windowMs: number, now: number): ApiError | undefined {
  if (window.length < limit) return undefined;
  // The slot frees up when the entry `limit` places from the end leaves the window.
  const freeing = window[window.length - limit];
  const waitMs = freeing === undefined ? windowMs : freeing + windowMs - now;
  return tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
}
