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
  const done = groupedDeletes(db);
  return {
    async keep(updates, now) {
      if (updates.length === 0) return;
      await db
        .insertInto('polled_updates')
        .values(updates.map((u) => ({ update_id: u.update_id, payload: JSON.stringify(u), received_at: now })))
        .onConflict((oc) => oc.column('update_id').doNothing())
        .execute();
    },
    done,
    async leftOver() {
      const rows = await db.selectFrom('polled_updates').select('payload').orderBy('update_id').execute();
      return rows.map((r) => r.payload as unknown as Update);
    },
  };
}

/**
 * `done` as a group commit: the updates finished while one delete is under way (or in the same tick)
 * are cleared together by the next, so a busy bot spends one statement on many of them. Each caller
 * still waits for its own update's delete. (A crash before it only means the update is read again at
 * the next start, where processed_updates keeps it from being handled twice, as before.)
 */
function groupedDeletes(db: Db): (updateId: number) => Promise<void> {
  let open: { ids: number[]; deleted: Promise<void> } | null = null;
  let previous: Promise<unknown> = Promise.resolve();
  return (updateId) => {
    if (open) {
      open.ids.push(updateId);
      return open.deleted;
    }
    const batch: { ids: number[]; deleted: Promise<void> } = { ids: [updateId], deleted: Promise.resolve() };
    batch.deleted = previous.then(async () => {
      if (open === batch) open = null;
      await db.deleteFrom('polled_updates').where('update_id', 'in', batch.ids).execute();
    });
    open = batch;
    previous = batch.deleted.catch(() => undefined);
    return batch.deleted;
  };
}
