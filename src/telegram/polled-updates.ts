import type { Update } from 'telegraf/types';
import type { Db } from '../db/schema.js';

/**
 * The updates a poller has fetched and not yet handled. Asking Telegram for the next batch confirms
 * the one before for good, so a batch is written here first: after a crash, the next start handles
 * what was still queued (an update already started is in `processed_updates` and is not redone).
 */
export interface PolledUpdateStore {
  keep(updates: Update[], now: Date): Promise<void>;
  done(updateId: number): Promise<void>;
  leftOver(): Promise<Update[]>;
}

export function polledUpdateStore(db: Db): PolledUpdateStore {
  return {
    async keep(updates, now) {
      if (updates.length === 0) return;
      await db
        .insertInto('polled_updates')
        .values(updates.map((u) => ({ update_id: u.update_id, payload: JSON.stringify(u), received_at: now })))
        .onConflict((oc) => oc.column('update_id').doNothing())
        .execute();
    },
    async done(updateId) {
      await db.deleteFrom('polled_updates').where('update_id', '=', updateId).execute();
    },
    async leftOver() {
      const rows = await db.selectFrom('polled_updates').select('payload').orderBy('update_id').execute();
      return rows.map((r) => r.payload as unknown as Update);
    },
  };
}
