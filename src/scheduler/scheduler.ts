import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/schema.js';
import { safeError, type Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import { nextOccurrence, type RecurrenceRule } from './recurrence.js';
import type { Schedule } from './schedule.js';

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The branch time zone the rules are read in. */
  timeZone: string;
  /** Called after a tick that ran something (it may have written outbox rows). */
  afterRun?: () => void;
}

/** What one tick did with a schedule: ran it, found it not due (or due with nothing to do), found another process running it, or failed. */
export type TickOutcome = 'ran' | 'not_due' | 'idle' | 'busy' | 'failed';

const EVERY_MINUTE: RecurrenceRule = { kind: 'cron', expression: '* * * * *' };

const MINUTE_MS = 60_000;

/**
 * Due when the rule has an occurrence after the last run and not after now (never, if the clock went
 * back). Never run: due at once, or without `catchUp` only when an occurrence falls within this minute.
 */
export function isDue(rule: RecurrenceRule, timeZone: string, previous: Date | null, now: Date, catchUp = true): boolean {
  if (previous === null && catchUp) return true;
  const next = nextOccurrence(rule, timeZone, previous ?? new Date(now.getTime() - MINUTE_MS));
  return next !== null && next.getTime() <= now.getTime();
}

/**
 * Runs the schedules. Something outside (node-cron in app.ts, a test) calls `tick()`; each
 * schedule then runs in its own transaction holding its claim row (`scheduler_state`, locked
 * FOR UPDATE SKIP LOCKED), so processes ticking at the same moment do each schedule's work once.
 */
export class Scheduler {
  private running: Promise<Record<string, TickOutcome>> | null = null;
  private stopped = false;
  private readonly known = new Set<string>();

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly schedules: Schedule[],
    /** Batches a schedule may run back to back in one tick when it answers 'more'. */
    private readonly maxRounds = 200,
  ) {
    const names = schedules.map((s) => s.name);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated) throw new Error(`two schedules are named ${repeated}`);
  }

  /** One pass over every schedule at the clock's now. A pass already under way is joined, never doubled. */
  tick(): Promise<Record<string, TickOutcome>> {
    if (this.stopped) return Promise.resolve({});
    return (this.running ??= this.pass().finally(() => (this.running = null)));
  }

  /** No new ticks; resolves when the one under way (if any) has finished its current batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async pass(): Promise<Record<string, TickOutcome>> {
    const now = this.deps.clock.now();
    const outcomes: Record<string, TickOutcome> = {};
    // One read of every schedule's last run: a schedule plainly not due costs no transaction. The claim
    // below checks again under the row lock (last_run_at only moves forward, so this read can only be early).
    const lastRuns = await this.lastRuns();
    for (const schedule of this.schedules) {
      if (this.stopped) break;
      try {
        const last = lastRuns.get(schedule.name);
        // a schedule that never ran goes on to its claim, which records its first pass even when it is not due
        if (last !== undefined && last !== null && !isDue(schedule.rule ?? EVERY_MINUTE, this.deps.timeZone, last, now)) {
          outcomes[schedule.name] = 'not_due';
          continue;
        }
        // nothing to do for a schedule that can tell cheaply: no claim transaction, no write
        if (last !== undefined && last !== null && schedule.idle && (await schedule.idle(this.deps.db, now))) {
          outcomes[schedule.name] = 'idle';
          continue;
        }
        outcomes[schedule.name] = await this.runSchedule(schedule, now, last);
      } catch (error) {
        outcomes[schedule.name] = 'failed';
        this.deps.logger.error({ event: 'schedule_failed', schedule: schedule.name, err: safeError(error) }, 'scheduled job failed');
      }
    }
    if (Object.values(outcomes).includes('ran')) this.deps.afterRun?.();
    return outcomes;
  }

  /** Every schedule's last run; empty when the read fails (each schedule then tries, and fails, on its own). */
  private async lastRuns(): Promise<Map<string, Date | null>> {
    try {
      const rows = await this.deps.db.selectFrom('scheduler_state').select(['name', 'last_run_at']).execute();
      return new Map(rows.map((r) => [r.name, r.last_run_at]));
    } catch {
      return new Map();
    }
  }

  /**
   * Claims a schedule whose last run was read as `seen` in one statement: the row locked (SKIP LOCKED)
   * and moved to now only if nobody ran it since. Null when the row has moved on (then the claim is
   * made the long way), 'busy' when another process holds it.
   */
  private async claimSeen(trx: Transaction<Database>, name: string, seen: Date | null, now: Date): Promise<'busy' | 'claimed' | null> {
    const { rows } = await sql<{ locked: number; claimed: number }>`
      with old as (select name, runs, last_run_at from scheduler_state where name = ${name} for update skip locked),
      moved as (
        update scheduler_state s set last_run_at = ${now}, runs = old.runs + 1 from old
        where s.name = old.name and old.last_run_at is not distinct from ${seen} returning s.name
      )
      select (select count(*) from old)::int as locked, (select count(*) from moved)::int as claimed`.execute(trx);
    const row = rows[0]!;
    return row.locked === 0 ? 'busy' : row.claimed === 1 ? 'claimed' : null;
  }

  /** Under the row lock: due by the last run recorded now? Then it is moved to now. */
  private async claimLocked(trx: Transaction<Database>, schedule: Schedule, now: Date, previous: (p: Date | null) => void): Promise<boolean> {
    const row = await trx.selectFrom('scheduler_state').select(['last_run_at', 'runs']).where('name', '=', schedule.name).executeTakeFirstOrThrow();
    if (!isDue(schedule.rule ?? EVERY_MINUTE, this.deps.timeZone, row.last_run_at, now, schedule.catchUp ?? true)) {
      // the first pass of a schedule that does not catch up: from now on it waits for the rule's next occurrence
      if (row.last_run_at === null) await trx.updateTable('scheduler_state').set({ last_run_at: now }).where('name', '=', schedule.name).execute();
      return false;
    }
    previous(row.last_run_at);
    await trx
      .updateTable('scheduler_state')
      .set({ last_run_at: now, runs: row.runs + 1 })
      .where('name', '=', schedule.name)
      .execute();
    return true;
  }

  private async runSchedule(schedule: Schedule, now: Date, seen: Date | null | undefined): Promise<TickOutcome> {
    const { db, timeZone, logger } = this.deps;
    if (!this.known.has(schedule.name)) {
      // Look before inserting: an INSERT … ON CONFLICT would wait for a process holding the row.
      const exists = await db.selectFrom('scheduler_state').select('name').where('name', '=', schedule.name).executeTakeFirst();
      if (!exists)
        await db
          .insertInto('scheduler_state')
          .values({ name: schedule.name, last_run_at: null })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
      this.known.add(schedule.name);
    }
    let previous: Date | null = null;
    for (let round = 0; round < this.maxRounds; round++) {
      const result = await db.transaction().execute(async (trx) => {
        // a schedule that does not catch up is claimed the long way the first time (see claimLocked)
        if (round === 0 && seen !== undefined && (seen !== null || schedule.catchUp !== false)) {
          const claimed = await this.claimSeen(trx, schedule.name, seen, now);
          if (claimed === 'busy') return 'busy' as const;
          if (claimed === 'claimed') previous = seen;
          else if (!(await this.claimLocked(trx, schedule, now, (p) => (previous = p)))) return 'not_due' as const;
        } else if (round === 0) {
          const claim = await trx.selectFrom('scheduler_state').select('name').where('name', '=', schedule.name).forUpdate().skipLocked().executeTakeFirst();
          if (!claim) return 'busy' as const;
          if (!(await this.claimLocked(trx, schedule, now, (p) => (previous = p)))) return 'not_due' as const;
        }
        const more = await schedule.tick(now, trx, { previous, timeZone, logger });
        return more === 'more' ? ('more' as const) : ('ran' as const);
      });
      if (round === 0 && (result === 'busy' || result === 'not_due')) return result;
      if (result !== 'more' || this.stopped) break;
    }
    logger.debug({ event: 'schedule_ran', schedule: schedule.name }, 'scheduled job ran');
    return 'ran';
  }
}
