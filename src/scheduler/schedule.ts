import type { Transaction } from 'kysely';
import type { Database, Executor } from '../db/schema.js';
import type { Logger } from '../logging/logger.js';
import type { RecurrenceRule } from './recurrence.js';

export interface ScheduleRun {
  /** When this schedule last ran (the clock time of its previous tick), null the first time ever. */
  previous: Date | null;
  /** The branch time zone (`TZ`), for rules stored by the feature. */
  timeZone: string;
  logger: Logger;
}

/** 'more': the tick stopped at a batch limit; the scheduler commits and calls it again at once. */
export type TickResult = void | 'more';

/**
 * Something a feature (or the core) does on a schedule. The scheduler ticks once a minute and at
 * start in every process; a schedule's tick runs when its rule has an occurrence after `previous`
 * that is not after `now`, inside one transaction that holds the schedule's claim row, so two
 * processes never run it at once and a clock that moves back never runs it again.
 *
 * A tick must still be safe to repeat: write what it produces keyed per occurrence (an outbox
 * `dedupeKey`, a unique key on a materialised occurrence), so a crash after the work but before
 * the commit, or a rule change, cannot double anything. Use `now`, never the system time.
 */
export interface Schedule {
  /** Unique across the app, e.g. `reminders.materialise`; it names the claim row. */
  name: string;
  /** When the tick is due, in the branch time zone. Default: every minute. */
  rule?: RecurrenceRule;
  /**
   * Whether a schedule that never ran runs at its first pass (default true: a fresh install does at
   * once what it would otherwise wait for). false: the first pass only records itself as the last run
   * (the tick runs only if an occurrence falls within the minute of that pass), so the first tick is
   * at the rule's next occurrence; for work about a period (a week's alerts) that began before the
   * deployment did.
   */
  catchUp?: boolean;
  tick(now: Date, trx: Transaction<Database>, run: ScheduleRun): Promise<TickResult>;
  /**
   * A cheap read (one statement) saying that a tick now would do nothing: the scheduler then skips
   * the claim transaction and does not record a run. Only for a tick that does not use `previous`
   * (it finds its work in the rows, not in the time since the last run).
   */
  idle?(db: Executor, now: Date): Promise<boolean>;
}
