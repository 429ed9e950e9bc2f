import { Writable } from 'node:stream';
import { startApp, type RunningApp, type StartOptions } from '../../src/app.js';
import type { Db } from '../../src/db/schema.js';
import type { Clock } from '../../src/shared/clock.js';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api/index.js';

export interface LogLine {
  level: number;
  msg: string;
  event?: string;
  [key: string]: unknown;
}

export interface Harness {
  api: FakeBotApi;
  app: RunningApp;
  logs: LogLine[];
  rawLogs: string[];
  /** Resolves once the app has finished handling the update (success or failure). */
  handled(updateId: number): Promise<void>;
  stop(): Promise<void>;
}

/** Captures pino's JSON lines so tests can read what was logged (and what was not). */
export function logCapture() {
  const rawLogs: string[] = [];
  const logs: LogLine[] = [];
  const waiters: Array<{ test: (l: LogLine) => boolean; resolve: () => void }> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        rawLogs.push(line);
        const parsed = JSON.parse(line) as LogLine;
        logs.push(parsed);
        for (const w of [...waiters]) {
          if (w.test(parsed)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
      }
      done();
    },
  });
  const waitForLog = (test: (l: LogLine) => boolean, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (logs.some(test)) return resolve();
      const timer = setTimeout(() => reject(new Error('timed out waiting for a log line')), timeoutMs);
      waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  return { stream, logs, rawLogs, waitForLog };
}

/** The real app, started through the same function as `npm start`, against the fake Bot API. */
export async function startHarness(options: {
  db: Db;
  clock?: Clock;
  env?: Record<string, string>;
  api?: FakeBotApi;
  runDispatcher?: boolean;
  /** true: the real node-cron timer ticks the scheduler each minute (tests otherwise call `app.scheduler.tick()`). */
  runScheduler?: boolean;
  pollingSleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  pollingRequestTimeoutMs?: number;
  replies?: StartOptions['replies'];
  paceClock?: StartOptions['paceClock'];
}): Promise<Harness> {
  const api = options.api ?? (await startFakeBotApi());
  const { stream, logs, rawLogs, waitForLog } = logCapture();
  const result = await startApp({
    env: { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'debug', ...options.env },
    db: options.db,
    logDestination: stream,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.runDispatcher === false ? { runDispatcher: false } : {}),
    runScheduler: options.runScheduler === true,
    ...(options.pollingSleep ? { pollingSleep: options.pollingSleep } : {}),
    ...(options.pollingRequestTimeoutMs ? { pollingRequestTimeoutMs: options.pollingRequestTimeoutMs } : {}),
    ...(options.replies ? { replies: options.replies } : {}),
    ...(options.paceClock ? { paceClock: options.paceClock } : {}),
  });
  if (!result.ok) throw new Error(result.message);
  const app = result.app;
  return {
    api,
    app,
    logs,
    rawLogs,
    handled: async (updateId) => {
      // generous: a loaded CI machine can take seconds for one update; a passing test never waits this long
      await waitForLog((l) => l.event === 'update_handled' && l.updateId === updateId, 15_000);
    },
    stop: async () => {
      await app.stop('test');
      if (!options.api) await api.close();
    },
  };
}

/** The invite code inside a deep link (https://t.me/bot?start=inv_CODE). */
export function inviteCodeIn(text: string): string {
  const match = /\?start=(inv_[A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no invite link in: ${text}`);
  return match[1]!;
}

export const textOf = (call: { params: Record<string, unknown> }) => String(call.params.text ?? '');
