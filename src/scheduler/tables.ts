import type { Generated } from 'kysely';

/** One row per schedule name: the claim row a tick locks, and when that schedule last ran. */
export interface SchedulerStateTable {
  name: string;
  /** The clock time of the last tick that ran; only ever moves forward. */
  last_run_at: Date | null;
  runs: Generated<number>;
}
