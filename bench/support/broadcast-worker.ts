/**
 * The bot's sending side as its own process, for the kill-and-restart broadcast benchmark: opens the
 * database, runs the real Dispatcher with the notice handlers against BENCH_API_ROOT, prints one JSON
 * line per event on stdout, and exits by itself once no notice job is pending or 'sending'.
 *
 * Environment:
 *   BENCH_API_ROOT, BENCH_TOKEN       the (fake) Bot API
 *   BENCH_DB_KIND=pglite|postgres
 *   BENCH_DATA_DIR                    PGlite on disk (this process owns it while it runs)
 *   BENCH_DB_URL, BENCH_DB_SCHEMA     PostgreSQL
 *   BENCH_DISPATCHER                  DispatcherOptions as JSON, e.g. {"leaseMs":2000}
 */
import { Telegram } from 'telegraf';
import { createLogger } from '../../src/logging/logger.js';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { noticesOnChatMigrated } from '../../src/features/notices/chat-migrated.js';
import { noticeJobHandlers } from '../../src/features/notices/jobs.js';
import { Dispatcher } from '../../src/outbox/dispatcher.js';
import { systemClock } from '../../src/shared/clock.js';
import { openBench, openJobStates, openJobs, parseDispatcherOptions, type BenchTarget } from './broadcast-db.js';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`broadcast-worker: ${name} is not set`);
  return value;
}

function say(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ event, pid: process.pid, at: Date.now(), ...fields })}\n`);
}

const target: BenchTarget =
  env('BENCH_DB_KIND') === 'postgres'
    ? { kind: 'postgres', url: env('BENCH_DB_URL'), schema: env('BENCH_DB_SCHEMA') }
    : { kind: 'pglite', dataDir: env('BENCH_DATA_DIR') };
const options = parseDispatcherOptions(process.env.BENCH_DISPATCHER);

const db = await openBench(target);
const telegram = new Telegram(env('BENCH_TOKEN'), { apiRoot: env('BENCH_API_ROOT'), webhookReply: false });
const logger = createLogger(process.env.BENCH_LOG_LEVEL ?? 'error');
const dispatcher = new Dispatcher(
  { db, telegram, clock: systemClock, logger, migrateChat: createChatMigrator([noticesOnChatMigrated]) },
  noticeJobHandlers,
  options,
);

const states = await openJobStates(db);
say('started', { open: states.pending + states.sending, ...states, options });
dispatcher.start();

for (let round = 1; ; round++) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const open = await openJobs(db);
  if (open === 0) break;
  if (round % 4 === 0) say('progress', { open });
}
await dispatcher.stop();
await db.destroy();
say('finished');
