import type { Update } from 'telegraf/types';

export interface ChatQueueLimits {
  /** Updates queued or being handled, over all chats; the poller stops fetching at this bound. */
  maxPending: number;
  /** Updates queued or being handled for one chat; more are refused (a flood must not take every slot). */
  maxPerChat: number;
}

export const DEFAULT_CHAT_QUEUE_LIMITS: ChatQueueLimits = { maxPending: 500, maxPerChat: 100 };

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

/**
 * One serial queue per chat: the updates of a chat are handled one after the other, in the order
 * they were pushed; different chats run side by side. A queue lives while it has work, so a slow
 * chat holds up only itself.
 */
export class ChatQueues {
  private readonly chats = new Map<string, Update[]>();
  private pending = 0;
  private waiters: Waiter[] = [];

  constructor(
    private readonly handle: (update: Update) => Promise<void>,
    private readonly limits: ChatQueueLimits = DEFAULT_CHAT_QUEUE_LIMITS,
  ) {}

  /** Updates queued or being handled. */
  get size(): number {
    return this.pending;
  }

  /** How many more updates may be pushed before the global bound is reached. */
  get room(): number {
    return Math.max(0, this.limits.maxPending - this.pending);
  }

  /** Queues an update behind the others of its chat; false when that chat's queue is full. */
  push(update: Update): boolean {
    const key = chatKey(update);
    const queue = this.chats.get(key);
    if (queue && queue.length >= this.limits.maxPerChat) return false;
    this.pending += 1;
    if (queue) {
      queue.push(update);
    } else {
      const fresh = [update];
      this.chats.set(key, fresh);
      void this.run(key, fresh);
    }
    return true;
  }

  /** Resolves when there is room for at least one more update, or when `signal` aborts. */
  whenRoom(signal?: AbortSignal): Promise<void> {
    return this.when(() => this.room > 0, signal);
  }

  /** Resolves when every pushed update has been handled. */
  idle(): Promise<void> {
    return this.when(() => this.pending === 0);
  }

  private async run(key: string, queue: Update[]): Promise<void> {
    while (queue.length > 0) {
      try {
        await this.handle(queue[0]!);
      } catch {
        // The handler logs its own failures; one failed update must not stop its chat.
      }
      queue.shift();
      this.pending -= 1;
      this.wake();
    }
    this.chats.delete(key);
  }

  private when(ready: () => boolean, signal?: AbortSignal): Promise<void> {
    if (ready() || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const onAbort = () => this.wake();
      const waiter: Waiter = {
        ready: () => ready() || signal?.aborted === true,
        resolve: () => (signal?.removeEventListener('abort', onAbort), resolve()),
      };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wake(): void {
    const done = this.waiters.filter((w) => w.ready());
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve();
  }
}

/** The chat an update belongs to (the sender for updates without a chat); unknown kinds run alone. */
export function chatKey(update: Update): string {
  const u = update as unknown as Record<string, { chat?: { id: number }; message?: { chat?: { id: number } }; from?: { id: number } } | undefined>;
  for (const field of ['message', 'edited_message', 'my_chat_member', 'chat_member', 'callback_query']) {
    const part = u[field];
    if (!part) continue;
    const id = part.chat?.id ?? part.message?.chat?.id ?? part.from?.id;
    if (id !== undefined) return String(id);
  }
  return `update:${update.update_id}`;
}
