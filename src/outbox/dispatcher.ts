import type { Telegram } from 'telegraf';
import type { Db, Executor } from '../db/schema.js';
import { migrateChat } from '../features/groups/service.js';
import { safeError, type Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import type { SendOutcome } from '../telegram/sender.js';
import { claimDue, pauseAll, releaseStale, telegramRates, type ClaimedJob, type RateSettings } from './store.js';

/** Final outcomes a job's owner records on its own rows (a delivery sent, failed, …). */
export type Settled = { kind: 'done'; messageId?: number } | { kind: 'failed'; reason: string };

export interface JobContext {
  db: Db;
  telegram: Telegram;
  clock: Clock;
  logger: Logger;
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
  maxAttempts?: number;
  leaseMs?: number;
  tickMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const MAX_BACKOFF_MS = 60_000;
const RECORD_ATTEMPTS = 8;

/**
 * Sends what the outbox holds: claims due jobs (SKIP LOCKED, shared budget), runs them with a
 * bounded number in flight, and acts on each outcome — wait out a 429, follow a migrated chat,
 * retire a chat the bot was removed from, back off on 5xx/network errors up to a cap.
 */
export class Dispatcher {
  private readonly rates: RateSettings;
  private readonly maxInFlight: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly tickMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly ctx: JobContext,
    private readonly handlers: Record<string, JobHandler>,
    options: DispatcherOptions = {},
  ) {
    this.rates = options.rates ?? telegramRates;
    this.maxInFlight = options.maxInFlight ?? 16;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.tickMs = options.tickMs ?? 50;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** One round: claim what is due now and wait for all of it (tests drive time with this). */
  async runOnce(): Promise<number> {
    const now = this.ctx.clock.now();
    await releaseStale(this.ctx.db, now, this.leaseMs);
    const { jobs } = await claimDue(this.ctx.db, now, this.rates, this.maxInFlight);
    await Promise.all(jobs.map((job) => this.execute(job)));
    return jobs.length;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stop claiming, finish the calls in flight. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  /** Something was enqueued: look now instead of at the next tick. */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let lastRelease = 0;
    while (this.running) {
      // Idle: look every tick. Sending: come back exactly when the budget earns the next send, so
      // no fraction of the budget is lost to the loop's rhythm (a fixed 50 ms tick capped it near 26/s).
      let waitMs = this.tickMs;
      try {
        const now = this.ctx.clock.now();
        if (now.getTime() - lastRelease > this.leaseMs / 4) {
          await releaseStale(this.ctx.db, now, this.leaseMs);
          lastRelease = now.getTime();
        }
        const room = this.maxInFlight - this.inFlight.size;
        if (room > 0) {
          const { jobs, budgetWaitMs } = await claimDue(this.ctx.db, now, this.rates, room);
          if (budgetWaitMs !== null) waitMs = Math.min(this.tickMs * 20, Math.max(1, budgetWaitMs));
          for (const job of jobs) {
            const work: Promise<void> = this.execute(job)
              .catch((error: unknown) => this.ctx.logger.error({ event: 'job_record_failed', jobId: job.id, err: safeError(error) }, 'job failed'))
              .finally(() => this.inFlight.delete(work));
            this.inFlight.add(work);
          }
        }
      } catch (error) {
        this.ctx.logger.error({ event: 'dispatcher_error', err: { type: (error as Error).name } }, 'dispatcher round failed');
      }
      await Promise.race([this.sleep(waitMs), new Promise<void>((resolve) => (this.wake = resolve))]);
    }
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
        logger.warn({ event: 'rate_limited', jobId: job.id, retryAfter: outcome.seconds }, 'Telegram asked to wait');
        await db.updateTable('outbox').set({ state: 'pending', available_at: until, last_error: `429 retry after ${outcome.seconds}s` }).where('id', '=', job.id).execute();
        if (job.chat_id !== null) await db.updateTable('chats').set({ next_send_at: until }).where('id', '=', job.chat_id).execute();
        await pauseAll(db, new Date(now.getTime() + Math.min(outcome.seconds, 1) * 1000));
        return;
      }
      case 'migrated': {
        if (job.telegramChatId !== null) await migrateChat(db, job.telegramChatId, outcome.newChatId);
        logger.info({ event: 'chat_migrated_on_send', jobId: job.id }, 'chat became a supergroup; sending there');
        if (job.attempts + 1 >= this.maxAttempts) return this.finish(job, { kind: 'failed', reason: 'chat kept migrating' });
        await db.updateTable('outbox').set({ state: 'pending', available_at: now, attempts: job.attempts + 1 }).where('id', '=', job.id).execute();
        return;
      }
      case 'chat_gone': {
        if (job.chat_id !== null) await db.updateTable('chats').set({ active: false, updated_at: now }).where('id', '=', job.chat_id).execute();
        logger.warn({ event: 'chat_gone', jobId: job.id, chatId: job.telegramChatId }, 'chat unreachable; marked inactive');
        return this.finish(job, { kind: 'failed', reason: outcome.reason });
      }
      case 'transient': {
        const attempts = job.attempts + 1;
        if (attempts >= this.maxAttempts) return this.finish(job, { kind: 'failed', reason: `gave up after ${attempts} attempts: ${outcome.reason}` });
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempts - 1));
        await db
          .updateTable('outbox')
          .set({ state: 'pending', attempts, available_at: new Date(now.getTime() + backoff), last_error: outcome.reason })
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
