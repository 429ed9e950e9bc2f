import { randomUUID } from 'node:crypto';
import type { Telegram } from 'telegraf';
import type { ChatMigrator } from '../chats/migrate.js';
import type { Db, Executor } from '../db/schema.js';
import { safeError, type Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import { withRequestDeadline, type SendOutcome } from '../telegram/sender.js';
import { DatabaseHealth } from './health.js';
import {
  CHAT_WAIT_HORIZON_MS,
  claimDue,
  MAX_PAUSE_MS,
  nextDue,
  pauseAll,
  releaseStale,
  releaseUnheld,
  telegramRates,
  type ClaimedJob,
  type RateSettings,
} from './store.js';
import type { WakeSource } from './wakeups.js';

/** Final outcomes a job's owner records on its own rows (a delivery sent, failed, …). */
export type Settled = { kind: 'done'; messageId?: number } | { kind: 'failed'; reason: string };

export interface JobContext {
  db: Db;
  telegram: Telegram;
  clock: Clock;
  logger: Logger;
  /** Follows a chat that became a supergroup (built from every feature's `onChatMigrated` hook). */
  migrateChat: ChatMigrator;
}

export interface JobHandler {
  /** Performs the Telegram call(s). `job.telegramChatId` is the chat's id now (after any migration). */
  run(job: ClaimedJob, ctx: JobContext): Promise<SendOutcome>;
  /** Records the final outcome, in the same transaction that closes the job. */
  settle?(trx: Executor, job: ClaimedJob, result: Settled, ctx: JobContext): Promise<void>;
}

export interface DispatcherOptions {
  rates?: RateSettings;
  maxInFlight?: number;
  /** How many times a job may follow a chat migration before it fails. */
  maxAttempts?: number;
  leaseMs?: number;
  /** The pause after a claim that found nothing although something looked due (another process took it). */
  tickMs?: number;
  /** The longest idle sleep: with nothing due, the dispatcher looks again after this at the latest. */
  idleMaxMs?: number;
  /** Transient failures (5xx, network, timeouts) are retried until this long after the first one. */
  retryForMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Wakes the idle dispatcher when another process enqueues (PostgreSQL LISTEN/NOTIFY). */
  wakeups?: WakeSource;
  /** The deadline of each Bot API call (default: AbortSignal.timeout(REQUEST_TIMEOUT_MS)). */
  requestSignal?: () => AbortSignal;
}

const MAX_BACKOFF_MS = 5 * 60_000;
const HOUR_MS = 3600_000;
/** Tries at recording a job's outcome while the database is away (about 50 s in all, under the lease). */
const RECORD_ATTEMPTS = 8;

/** How long to wait before the next round; an idle wait ends early on poke() or a finished job. */
interface Wait {
  ms: number;
  idle: boolean;
}

/**
 * Sends what the outbox holds: claims due jobs (SKIP LOCKED, shared budget), runs them with a
 * bounded number in flight, and acts on each outcome — wait out a 429, follow a migrated chat,
 * retire a chat the bot was removed from, back off on 5xx/network errors for up to `retryForMs`.
 * Idle, it costs one plain read per sleep: it sleeps until the next job is due (at most
 * `idleMaxMs`), woken by poke() in this process and by NOTIFY from others.
 */
export class Dispatcher {
  private readonly ctx: JobContext;
  private readonly rates: RateSettings;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly tickMs: number;
  private readonly idleMaxMs: number;
  private readonly retryForMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly wakeups: WakeSource | undefined;
  private readonly health: DatabaseHealth;
  /** The loop's jobs in flight, each with its job's id (runOnce waits for its own before it returns). */
  private readonly inFlight = new Map<Promise<void>, number>();
  /** Written on the jobs this dispatcher claims. */
  private readonly owner = randomUUID();
  /** A claim failed in an unknown state: the next round first puts back what it may have claimed. */
  private claimUncertain = false;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Set by poke() and finished jobs; an idle wait that follows returns at once. */
  private poked = false;
  private idleWaiting = false;
  /** The last claim took jobs (or was held back by the budget): claim again without looking first. */
  private busy = false;
  private lastRelease = 0;

  constructor(
    ctx: JobContext,
    private readonly handlers: Record<string, JobHandler>,
    options: DispatcherOptions = {},
  ) {
    this.ctx = { ...ctx, telegram: withRequestDeadline(ctx.telegram, options.requestSignal) };
    this.rates = options.rates ?? telegramRates;
    this.maxInFlight = options.maxInFlight ?? 16;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.tickMs = options.tickMs ?? 50;
    this.idleMaxMs = options.idleMaxMs ?? 2000;
    this.retryForMs = options.retryForMs ?? 24 * HOUR_MS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.wakeups = options.wakeups;
    this.health = new DatabaseHealth(ctx.logger, () => ctx.clock.now().getTime());
  }

  /** One round: claim what is due now and wait for all of it (tests drive time with this). */
  async runOnce(): Promise<number> {
    const now = this.ctx.clock.now();
    await this.putBackUncertainClaim();
    await releaseStale(this.ctx.db, now, this.leaseMs);
    const { jobs } = await this.claim(now, this.maxInFlight);
    await Promise.all(jobs.map((job) => this.execute(job)));
    return jobs.length;
  }

  /**
   * claimDue as this dispatcher. A claim that fails may still have been committed (the connection
   * died between the commit and its answer, as in a PostgreSQL restart): its jobs would sit as
   * 'sending' until the lease ran out, so the next round first puts back any this dispatcher holds
   * without running (putBackUncertainClaim).
   */
  private async claim(now: Date, room: number) {
    try {
      return await claimDue(this.ctx.db, now, this.rates, room, this.owner);
    } catch (error) {
      this.claimUncertain = true;
      throw error;
    }
  }

  private async putBackUncertainClaim(): Promise<void> {
    if (!this.claimUncertain) return;
    await releaseUnheld(this.ctx.db, this.owner, [...this.inFlight.values()]);
    this.claimUncertain = false;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.wakeups?.start(() => this.poke());
    this.loop = this.run();
  }

  /** Stop claiming, finish the calls in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.inFlight.keys());
    await this.wakeups?.stop();
  }

  /** Something was enqueued: look now instead of at the end of the idle sleep. */
  poke(): void {
    this.poked = true;
    if (this.idleWaiting) this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let wait: Wait;
      try {
        wait = await this.round(this.ctx.clock.now());
        this.health.succeeded();
      } catch (error) {
        this.busy = false;
        wait = { ms: this.health.failed(error), idle: false };
      }
      await this.pause(wait);
    }
  }

  private async pause(wait: Wait): Promise<void> {
    if (!this.running || wait.ms <= 0 || (wait.idle && this.poked)) return;
    this.idleWaiting = wait.idle;
    try {
      await Promise.race([this.sleep(wait.ms), new Promise<void>((resolve) => (this.wake = resolve))]);
    } finally {
      this.idleWaiting = false;
      this.wake = null;
    }
  }

  /** Idle: a plain read of when the next job is due, and a claim only when one is. Busy: claim. */
  private async round(now: Date): Promise<Wait> {
    this.poked = false;
    await this.putBackUncertainClaim();
    const room = this.maxInFlight - this.inFlight.size;
    if (room <= 0) return { ms: this.idleMaxMs, idle: true }; // a finished job wakes the loop
    if (this.busy) {
      if (now.getTime() - this.lastRelease > this.leaseMs / 4) {
        await releaseStale(this.ctx.db, now, this.leaseMs);
        this.lastRelease = now.getTime();
      }
    } else {
      const due = await nextDue(this.ctx.db, now);
      const staleAt = due.oldestClaimAt === null ? null : due.oldestClaimAt.getTime() + this.leaseMs + 1;
      if (staleAt !== null && staleAt <= now.getTime()) {
        await releaseStale(this.ctx.db, now, this.leaseMs);
        return { ms: 0, idle: true };
      }
      if (due.nextAt === null || due.nextAt > now) {
        const next = Math.min(due.nextAt?.getTime() ?? Infinity, staleAt ?? Infinity);
        return { ms: Math.max(1, Math.min(this.idleMaxMs, next - now.getTime())), idle: true };
      }
    }
    const { jobs, budgetWaitMs } = await this.claim(now, room);
    for (const job of jobs) {
      const work: Promise<void> = this.execute(job)
        .catch((error: unknown) => void this.health.failed(error)) // left 'sending': released after the lease
        .finally(() => {
          this.inFlight.delete(work);
          this.poke(); // it may have enqueued a follow-up (a pin) and it freed a slot
        });
      this.inFlight.set(work, job.id);
    }
    // Sending: come back exactly when the budget earns the next send, so no fraction of the budget
    // is lost to the loop's rhythm (a fixed 50 ms tick capped it near 26/s).
    this.busy = jobs.length > 0 || budgetWaitMs !== null;
    if (this.busy) return { ms: Math.min(this.idleMaxMs, Math.max(1, budgetWaitMs ?? this.tickMs)), idle: false };
    return { ms: this.tickMs, idle: true };
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const handler = this.handlers[job.kind];
    if (!handler) return this.finish(job, { kind: 'failed', reason: `no handler for ${job.kind}` });
    if (job.chat_id !== null && job.chatActive === false) {
      return this.finish(job, { kind: 'failed', reason: 'bot_removed' });
    }
    let outcome: SendOutcome;
    try {
      outcome = await handler.run(job, this.ctx);
    } catch (error) {
      this.ctx.logger.error({ event: 'job_crashed', jobId: job.id, kind: job.kind, err: { type: (error as Error).name } }, 'job crashed');
      outcome = { kind: 'transient', reason: 'internal error' };
    }
    await this.record(job, outcome);
  }

  /**
   * Records the outcome, retrying when the database drops the connection (a PostgreSQL restart):
   * the message went out, so losing the record would send it again after the lease. Never rejects.
   */
  private async record(job: ClaimedJob, outcome: SendOutcome): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.apply(job, outcome);
      } catch (error) {
        const gaveUp = attempt >= RECORD_ATTEMPTS;
        this.ctx.logger[gaveUp ? 'error' : 'warn'](
          { event: gaveUp ? 'job_record_failed' : 'job_record_retry', jobId: job.id, attempt, err: safeError(error) },
          gaveUp ? 'could not record a job outcome; the lease will release the job' : 'recording a job outcome failed; retrying',
        );
        if (gaveUp) return;
        await this.sleep(Math.min(MAX_BACKOFF_MS, 200 * 2 ** (attempt - 1)));
      }
    }
  }

  private async apply(job: ClaimedJob, outcome: SendOutcome): Promise<void> {
    const { db, clock, logger } = this.ctx;
    const now = clock.now();
    switch (outcome.kind) {
      case 'ok':
        return this.finish(job, outcome.messageId === undefined ? { kind: 'done' } : { kind: 'done', messageId: outcome.messageId });
      case 'retry_after': {
        const until = new Date(now.getTime() + outcome.seconds * 1000);
        if (outcome.local) logger.debug({ event: 'group_paced', jobId: job.id, wait: outcome.seconds }, 'group at its message limit; job put back');
        else logger.warn({ event: 'rate_limited', jobId: job.id, retryAfter: outcome.seconds }, 'Telegram asked to wait');
        await db
          .updateTable('outbox')
          .set({ state: 'pending', available_at: until, last_error: `429 retry after ${outcome.seconds}s` })
          .where('id', '=', job.id)
          .execute();
        // the chat waits at most CHAT_WAIT_HORIZON_MS (a pacing time further ahead counts as a clock that stepped back)
        const chatUntil = new Date(Math.min(until.getTime(), now.getTime() + CHAT_WAIT_HORIZON_MS));
        if (job.chat_id !== null) await db.updateTable('chats').set({ next_send_at: chatUntil }).where('id', '=', job.chat_id).execute();
        // Telegram's 429 may be about the whole bot: pause everything briefly. Our own gate's is about one group.
        if (!outcome.local) await pauseAll(db, new Date(now.getTime() + Math.min(outcome.seconds * 1000, MAX_PAUSE_MS)));
        return;
      }
      case 'migrated': {
        if (job.telegramChatId !== null) await this.ctx.migrateChat(db, job.telegramChatId, outcome.newChatId, now);
        logger.info({ event: 'chat_migrated_on_send', jobId: job.id }, 'chat became a supergroup; sending there');
        if (job.attempts + 1 >= this.maxAttempts) return this.finish(job, { kind: 'failed', reason: 'chat kept migrating' });
        await db
          .updateTable('outbox')
          .set({ state: 'pending', available_at: now, attempts: job.attempts + 1 })
          .where('id', '=', job.id)
          .execute();
        return;
      }
      case 'chat_gone': {
        if (job.chat_id !== null) await db.updateTable('chats').set({ active: false, updated_at: now }).where('id', '=', job.chat_id).execute();
        logger.warn({ event: 'chat_gone', jobId: job.id, chatId: job.telegramChatId }, 'chat unreachable; marked inactive');
        return this.finish(job, { kind: 'failed', reason: outcome.reason });
      }
      case 'transient': {
        // An outage of the Bot API (or of the network) is waited out: retried with capped backoff
        // until `retryForMs` after the first failure, however many attempts that takes.
        const attempts = job.attempts + 1;
        const firstFailedAt = job.first_failed_at ?? now;
        if (now.getTime() - firstFailedAt.getTime() >= this.retryForMs) {
          const span = `${Math.round((this.retryForMs / HOUR_MS) * 10) / 10} h`;
          return this.finish(job, { kind: 'failed', reason: `gave up after ${span} (${attempts} attempts): ${outcome.reason}` });
        }
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts - 1, 20));
        await db
          .updateTable('outbox')
          .set({ state: 'pending', attempts, available_at: new Date(now.getTime() + backoff), last_error: outcome.reason, first_failed_at: firstFailedAt })
          .where('id', '=', job.id)
          .execute();
        return;
      }
      case 'rejected':
        return this.finish(job, { kind: 'failed', reason: outcome.reason });
    }
  }

  private async finish(job: ClaimedJob, result: Settled): Promise<void> {
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('outbox')
        .set({
          state: result.kind === 'done' ? 'done' : 'failed',
          done_at: now,
          last_error: result.kind === 'failed' ? result.reason : null,
        })
        .where('id', '=', job.id)
        .where('state', '=', 'sending')
        .execute();
      await this.handlers[job.kind]?.settle?.(trx, job, result, this.ctx);
    });
  }
}
