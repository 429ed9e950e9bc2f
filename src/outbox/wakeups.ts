import pg from 'pg';

/** Tells a sleeping dispatcher that another process enqueued something. */
export interface WakeSource {
  /** Starts listening; `wake` is called for every notification (and after each reconnect). */
  start(wake: () => void): void;
  stop(): Promise<void>;
}

export const OUTBOX_CHANNEL = 'outbox_ready';

export interface PostgresWakeupOptions {
  /** Called once per change: listening (true) or lost the connection (false). */
  onState?: (listening: boolean, error?: unknown) => void;
  /** Waits before reconnecting after the n-th failure in a row (default: 1 s doubling to 30 s). */
  retryDelayMs?: (failures: number) => number;
}

/**
 * LISTEN on PostgreSQL with one dedicated connection (a pool connection cannot be held for
 * notifications). Every insert into the outbox notifies `outbox_ready` with its schema at commit
 * (migration 2026-12-02-020); notifications for other schemas of the same database are ignored.
 * A lost connection is reopened with backoff, and a reconnect wakes the dispatcher once, since a
 * notification may have been missed meanwhile.
 */
export function postgresWakeups(connectionString: string, options: PostgresWakeupOptions = {}): WakeSource {
  const retryDelayMs = options.retryDelayMs ?? ((n: number) => Math.min(30_000, 1000 * 2 ** Math.max(0, n - 1)));
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  let listening: boolean | null = null;
  let timer: NodeJS.Timeout | null = null;

  const report = (now: boolean, error?: unknown) => {
    if (listening === now) return;
    listening = now;
    options.onState?.(now, error);
  };

  const connect = async (wake: () => void) => {
    if (stopped) return;
    const c = new pg.Client({ connectionString });
    client = c;
    const lost = (error?: unknown) => {
      if (client !== c) return;
      client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (stopped) return;
      failures += 1;
      report(false, error);
      timer = setTimeout(() => void connect(wake), retryDelayMs(failures));
      timer.unref();
    };
    // Without an 'error' listener a dropped connection would crash the process.
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      const { rows } = await c.query<{ schema: string }>('select current_schema() as schema');
      const schema = rows[0]?.schema;
      c.on('notification', (message) => {
        if (message.channel === OUTBOX_CHANNEL && message.payload === schema) wake();
      });
      await c.query(`listen ${OUTBOX_CHANNEL}`);
      failures = 0;
      report(true);
      wake();
    } catch (error) {
      lost(error);
    }
  };

  return {
    start(wake) {
      stopped = false;
      void connect(wake);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
