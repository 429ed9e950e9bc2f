import { sql } from 'kysely';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import type { FixedClock } from '../../src/shared/clock.js';
import type { Harness } from './harness.js';
import type { TestDb } from './test-db.js';

/** Lets the app's dispatcher send what is due, moving the fixed clock on as Telegram's pacing needs, until it is idle. */
export async function deliverAll(h: Pick<Harness, 'app'>, clock: FixedClock, { stepMs = 1_100, maxRounds = 40, idleRounds = 3 } = {}): Promise<void> {
  let idle = 0;
  for (let i = 0; i < maxRounds && idle < idleRounds; i++) {
    clock.advance(stepMs);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

/** A second connection pool on the test database, as another process would have (PGlite has one process: the same db). */
export async function secondPool(t: TestDb): Promise<{ db: Db; close(): Promise<void> }> {
  if (t.kind === 'pglite') return { db: t.db, close: async () => {} };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
  const db = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema });
  return { db, close: () => db.destroy() };
}
