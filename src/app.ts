import http from 'node:http';
import https from 'node:https';
import cron from 'node-cron';
import { Telegram } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { DestinationStream } from 'pino';
import { createConfig, formatConfigProblems, type Config } from './config/config.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { describeDatabaseError } from './db/open-error.js';
import type { Db } from './db/schema.js';
import { createChatMigrator } from './chats/migrate.js';
import type { Feature } from './feature.js';
import { allFeatures, chatMigratedHooks, featureSchedules } from './features/index.js';
import { inviteLink } from './features/invites/codes.js';
import { ensureSetupInvite } from './features/invites/service.js';
import { Dispatcher, type DispatcherOptions, type JobHandler } from './outbox/dispatcher.js';
import { messageJobs } from './outbox/messages.js';
import { inboxJobs } from './inbox/jobs.js';
import { reminderJobs } from './reminders/jobs.js';
import { remindersHousekeeping } from './reminders/housekeeping.js';
import { createLogger, safeError, type Logger } from './logging/logger.js';
import { startupPhases } from './logging/phases.js';
import { housekeepingSchedule } from './scheduler/housekeeping.js';
import { Scheduler } from './scheduler/scheduler.js';
import { systemClock, type Clock } from './shared/clock.js';
import { ALLOWED_UPDATES, createBot } from './telegram/bot.js';
import { publishCommandMenu } from './telegram/commands-menu.js';
import { startPolling, type Poller } from './telegram/polling.js';
import { polledUpdateStore } from './telegram/polled-updates.js';
import { describeBotApiError } from './telegram/startup-error.js';
import type { AppDeps } from './telegram/context.js';
import { postgresWakeups } from './outbox/wakeups.js';
import { createWebhookServer, type WebhookServer } from './telegram/webhook-server.js';
import { Replies, type ReplySettings } from './telegram/replies.js';
import { SendGate, telegramGateSettings, type GateSettings } from './telegram/send-gate.js';
import { createDashboardHandler, createDashboardServer, type DashboardServer } from './features/dashboard/http.js';
import { setMenuButtons } from './features/dashboard/menu-button.js';

export interface StartOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
  logDestination?: DestinationStream;
  /** An already opened and migrated database (tests share one per file); otherwise opened from the config. */
  db?: Db;
  /** false: tests drive the outbox with `app.dispatcher.runOnce()` and their own clock. */
  runDispatcher?: boolean;
  dispatcher?: DispatcherOptions;
  /** How polling waits before retrying a failed getUpdates (tests pass one that does not wait). */
  pollingSleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** false: no node-cron timer; the scheduler still ticks once at start, tests call `app.scheduler.tick()`. */
  runScheduler?: boolean;
  /** Client-side timeout of one long poll (tests shorten it to see a dropped poll replaced at once). */
  pollingRequestTimeoutMs?: number;
  /** How long start-up waits for the Bot API's getMe (default 30 s). */
  botApiTimeoutMs?: number;
  /** The reply path's waits (tests pass a sleep that records instead of waiting). */
  replies?: Partial<ReplySettings>;
  /** The process-wide send limits (benches lift them to measure the bot itself). */
  sendGate?: Partial<GateSettings>;
  /**
   * The real-time clock of the process-wide pace (default performance.now). A test whose reply
   * sleeps are recorded, not slept, passes one that moves on by what was "slept".
   */
  paceClock?: () => number;
}

export interface RunningApp {
  botUsername: string;
  config: Config;
  /** For tests: the port the webhook server listens on (webhook mode only). */
  webhookPort: number | null;
  /** The port the dashboard is served on: WEB_PORT's server in polling mode, the webhook port in webhook mode; null: not served. */
  webPort: number | null;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  /** Settles when the features' warm-up after ready is done (benches wait for it before measuring). */
  warmedUp: Promise<void>;
  /** Stop taking updates, finish those in flight, close the database (unless it was passed in). */
  stop(reason?: string): Promise<void>;
}

export type StartResult = { ok: true; app: RunningApp } | { ok: false; exitCode: number; message: string };

/** The composition root behind `npm start`: config → logger → database → bot → updates. */
export async function startApp(options: StartOptions): Promise<StartResult> {
  const configResult = createConfig(options.env);
  if (!configResult.ok) return { ok: false, exitCode: 2, message: formatConfigProblems(configResult.problems) };
  const config = configResult.config;
  const logger = createLogger(config.logLevel, options.logDestination);
  const phase = startupPhases(logger);
  phase('loaded');
  const clock = options.clock ?? systemClock;

  // getMe goes out while the database opens; its answer is awaited once the database is up, so a
  // database error still comes first.
  const getMeTimeoutMs = options.botApiTimeoutMs ?? 30_000;
  const botInfo = fetchBotInfo(config, getMeTimeoutMs);

  const opened = await openAppDatabase(options, config, logger, phase);
  if (!opened.ok) return opened;
  const db = opened.db;
  const closeDb = async () => {
    if (!options.db) await db.destroy();
  };

  const info = await botInfo;
  if (!info.ok) {
    await closeDb();
    return botApiFailure(info.error, config, logger, getMeTimeoutMs);
  }
  phase('bot_api_answered');

  const runtime = buildRuntime(options, config, logger, db, clock, info.botInfo);
  const { deps, bot, features, dispatcher, scheduler } = runtime;
  // The menu's calls wait on the Bot API, the other two on the database: side by side.
  await Promise.all([scheduler.tick(), announceSetupLink(deps, logger), publishMenu(bot.telegram, features, logger)]);
  phase('ticked_setup_link_menu');

  const updates = await startUpdates(options, config, logger, db, clock, bot);
  phase('updates_started');
  if (options.runDispatcher !== false) dispatcher.start();
  const everyMinute = options.runScheduler === false ? null : cron.schedule('* * * * *', () => scheduler.tick(), { name: 'scheduler' });
  const botUsername = info.botInfo.username;
  logger.info({ event: 'ready', pid: process.pid, mode: config.mode.kind, database: config.database.kind, bot: botUsername }, 'ready');
  const web = await startDashboard(config, logger, db, bot, updates);
  const warmedUp = warmUp(features, deps, logger).then(() => phase('warmed_up'));

  let stopping: Promise<void> | null = null;
  const stop = (reason = 'stop') =>
    (stopping ??= (async () => {
      logger.info({ event: 'stopping', reason }, 'stopping');
      await web.close();
      await warmedUp;
      if (updates.webhook) await updates.webhook.close();
      if (updates.poller) await updates.poller.stop();
      await everyMinute?.destroy();
      await scheduler.stop();
      await dispatcher.stop();
      await closeDb();
      logger.info({ event: 'stopped' }, 'stopped');
    })());

  return { ok: true, app: { botUsername, config, webhookPort: updates.webhookPort, webPort: web.port, dispatcher, scheduler, warmedUp, stop } };
}

type Phase = ReturnType<typeof startupPhases>;

/** Each feature's warm-up, one after the other in the background; a failure only costs the first update its speed. */
async function warmUp(features: readonly Feature[], deps: AppDeps, logger: Logger): Promise<void> {
  for (const feature of features) {
    try {
      await feature.warmUp?.(deps);
    } catch (error) {
      logger.warn({ event: 'warm_up_failed', feature: feature.name, err: safeError(error) }, 'warm-up failed');
    }
  }
}

/** The database passed in, or the configured one opened and migrated; a failure is the start's answer. */
async function openAppDatabase(
  options: StartOptions,
  config: Config,
  logger: Logger,
  phase: Phase,
): Promise<{ ok: true; db: Db } | { ok: false; exitCode: number; message: string }> {
  let db: Db | undefined = options.db;
  try {
    if (!db) {
      db = await openDatabase(config.database, {
        onConnectionLost: (error) => logger.warn({ event: 'db_connection_lost', err: safeError(error) }, 'a database connection was lost; reconnecting'),
        onCreated: (how) => logger.info({ event: 'database_created', how }, 'created the embedded database'),
      });
      phase('database_opened');
      const applied = await migrateToLatest(db);
      phase('migrated');
      if (applied.length > 0) logger.info({ event: 'migrated', migrations: applied }, 'database migrated');
    }
    return { ok: true, db };
  } catch (error) {
    if (db && !options.db) await db.destroy().catch(() => undefined);
    const reason = describeDatabaseError(error, config.database);
    logger.fatal({ event: 'database_unavailable', reason, err: safeError(error) }, 'cannot open the database');
    return { ok: false, exitCode: 1, message: `The bot cannot start: the database could not be opened: ${reason}.` };
  }
}

/** getMe failed: a refused token is a configuration error (exit 2), anything else a network one (exit 1). */
function botApiFailure(error: unknown, config: Config, logger: Logger, timeoutMs: number): StartResult {
  const problem = describeBotApiError(error, config.telegramApiRoot, config.botToken, timeoutMs);
  logger.fatal(
    { event: 'telegram_unavailable', ...(problem.kind === 'unreachable' ? { reason: problem.reason } : {}), err: safeError(error) },
    'cannot reach the Bot API',
  );
  return problem.kind === 'token_refused'
    ? { ok: false, exitCode: 2, message: 'The bot cannot start: Telegram refused BOT_TOKEN (401 Unauthorized). Check the token BotFather gave you.' }
    : { ok: false, exitCode: 1, message: `The bot cannot start: ${problem.reason}. Check TELEGRAM_API_ROOT and the network.` };
}

/** The features, the bot, the outbox dispatcher and the scheduler, wired together. */
function buildRuntime(options: StartOptions, config: Config, logger: Logger, db: Db, clock: Clock, botInfo: UserFromGetMe) {
  let dispatcher: Dispatcher | null = null;
  const features = allFeatures(config);
  const migrateChat = createChatMigrator(chatMigratedHooks(features));
  // Every message of this process passes one gate: replies (below) and the outbox (its client is wrapped).
  const gate = new SendGate(clock, { ...telegramGateSettings, ...options.sendGate }, options.paceClock);
  const replyClient = new Telegram(config.botToken, { apiRoot: config.telegramApiRoot, webhookReply: false });
  const replies = new Replies({ db, clock, logger, poke: () => dispatcher?.poke() }, gate, replyClient, options.replies);
  const botUsername = botInfo.username;
  const deps: AppDeps = { db, clock, logger, config, botUsername: () => botUsername, outbox: { poke: () => dispatcher?.poke() }, migrateChat, replies };
  const bot = createBot(deps, features);
  bot.botInfo = botInfo;
  const jobs = Object.assign({}, messageJobs, reminderJobs, inboxJobs(config), ...features.map((f) => f.jobs ?? {})) as Record<string, JobHandler>;
  const created = new Dispatcher({ db, telegram: gate.wrap(bot.telegram), clock, logger, migrateChat }, jobs, {
    ...dispatcherWakeups(config, logger),
    ...options.dispatcher,
  });
  dispatcher = created;
  const schedules = [housekeepingSchedule(), remindersHousekeeping(), ...featureSchedules(features, config)];
  const scheduler = new Scheduler({ db, clock, logger, timeZone: config.timeZone, afterRun: () => dispatcher?.poke() }, schedules);
  return { deps, bot, features, dispatcher: created, scheduler };
}

type Bot = ReturnType<typeof createBot>;

/** Updates start coming in: the webhook server with its registration, or long polling. */
async function startUpdates(options: StartOptions, config: Config, logger: Logger, db: Db, clock: Clock, bot: Bot) {
  let webhook: WebhookServer | null = null;
  let webhookPort: number | null = null;
  let poller: Poller | null = null;
  const dashboard = createDashboardHandler({ db, clock, logger, config });
  if (config.mode.kind === 'webhook') {
    webhook = createWebhookServer({
      path: new URL(config.mode.url).pathname,
      port: config.mode.port,
      secret: config.mode.secret,
      logger,
      handleUpdate: (update) => bot.handleUpdate(update),
      fallback: dashboard,
    });
    webhookPort = await webhook.listen();
    await bot.telegram.setWebhook(config.mode.url, { secret_token: config.mode.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } else {
    poller = await startPolling(bot, {
      allowedUpdates: ALLOWED_UPDATES,
      logger,
      persist: { store: polledUpdateStore(db), clock },
      ...(options.pollingSleep ? { sleep: options.pollingSleep } : {}),
      ...(options.pollingRequestTimeoutMs ? { requestTimeoutMs: options.pollingRequestTimeoutMs } : {}),
    });
  }
  return { webhook, webhookPort, poller, dashboard };
}

/**
 * The dashboard after ready: on the webhook server in webhook mode (already there), else on WEB_PORT
 * when set; the menu buttons of the people who may open it, set in the background.
 */
async function startDashboard(
  config: Config,
  logger: Logger,
  db: Db,
  bot: Bot,
  updates: Awaited<ReturnType<typeof startUpdates>>,
): Promise<{ port: number | null; close(): Promise<void> }> {
  let server: DashboardServer | null = null;
  let port: number | null = updates.webhookPort;
  if (config.mode.kind === 'polling' && config.web.port !== null) {
    server = createDashboardServer(updates.dashboard, config.web.port, logger);
    try {
      port = await server.listen();
      logger.info({ event: 'dashboard_listening', port }, 'dashboard listening');
    } catch (error) {
      server = null;
      logger.error({ event: 'dashboard_listen_failed', port: config.web.port, err: safeError(error) }, 'the dashboard could not listen on WEB_PORT');
    }
  }
  const menuButtons = config.web.appUrl
    ? setMenuButtons({ db, logger }, bot.telegram, config.web.appUrl).catch((error: unknown) => {
        logger.warn({ event: 'dashboard_menu_buttons_failed', err: safeError(error) }, 'could not set the dashboard menu buttons');
        return 0;
      })
    : Promise.resolve(0);
  return {
    port,
    async close() {
      if (server) await server.close();
      await menuButtons;
    },
  };
}

type BotInfoResult = { ok: true; botInfo: UserFromGetMe } | { ok: false; error: unknown };

/**
 * getMe on a connection of its own, closed after the answer: PGlite's start blocks the event loop
 * for a while, long enough for the server to close an idle kept-alive connection unseen, and the
 * next call on it would fail with ECONNRESET.
 */
function fetchBotInfo(config: Config, timeoutMs: number): Promise<BotInfoResult> {
  const telegram = new Telegram(config.botToken, { apiRoot: config.telegramApiRoot, webhookReply: false });
  telegram.options.agent = config.telegramApiRoot.startsWith('https:') ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
  return telegram.callApi('getMe', {}, { signal: AbortSignal.timeout(timeoutMs) as never }).then(
    (botInfo) => ({ ok: true as const, botInfo }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** The "/" menu; a failure is logged, never fatal. Its six calls go out side by side. */
async function publishMenu(telegram: Telegram, features: Feature[], logger: Logger): Promise<void> {
  try {
    await publishCommandMenu(
      telegram,
      features.flatMap((f) => f.commands),
    );
  } catch (error) {
    logger.warn({ event: 'command_menu_failed', err: safeError(error) }, 'could not publish the command menu');
  }
}

/** On PostgreSQL other processes' enqueues wake the dispatcher through NOTIFY; PGlite has one process, which pokes. */
function dispatcherWakeups(config: Config, logger: Logger): DispatcherOptions {
  if (config.database.kind !== 'postgres') return {};
  const onState = (listening: boolean, error?: unknown) =>
    listening
      ? logger.info({ event: 'outbox_listening' }, 'listening for outbox notifications')
      : logger.warn({ event: 'outbox_listen_lost', err: safeError(error) }, 'lost the outbox notification connection; reconnecting');
  return { wakeups: postgresWakeups(config.database.url, { onState }) };
}

async function announceSetupLink(deps: AppDeps, logger: Logger): Promise<void> {
  const invite = await ensureSetupInvite(deps.db, deps.clock, deps.config.defaultBranchName);
  if (!invite) return;
  // The one log line that carries a secret, on purpose: the operator needs it to become secretary.
  logger.info(
    { event: 'setup_link', link: inviteLink(deps.botUsername(), invite.code), expiresAt: invite.expiresAt.toISOString() },
    'no secretary yet: open this link in Telegram to become the branch secretary',
  );
}
