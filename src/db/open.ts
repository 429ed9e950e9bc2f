import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';

export { DatabaseInUseError } from './data-dir-lock.js';

export type DatabaseTarget = { kind: 'postgres'; url: string; schema?: string } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface OpenOptions {
  /** A PostgreSQL connection died (server restart, failover, terminated backend); called once per connection. */
  onConnectionLost?: (error: Error) => void;
}

const INT8 = 20;
const parseInt8 = (value: string) => Number(value); // Telegram ids and counts fit in a double.
/** Shown in pg_stat_activity unless DATABASE_URL (`?application_name=`) or PGAPPNAME names it. */
const APPLICATION_NAME = 'class-party-assistant';

/** Opens the database: PostgreSQL through pg, or the embedded PGlite. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Kysely<Database>> {
  if (target.kind === 'postgres') return new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPool(target, options) }) });
  let release: () => Promise<void> = async () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    release = await lockDataDir(target.dataDir);
  }
  try {
    const pglite = new PGlite({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { [INT8]: parseInt8 },
    });
    await pglite.waitReady;
    return new Kysely<Database>({ dialect: new PGliteDialect(pglite, release) });
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * A pool that survives its connections dying. pg emits 'error' on a client whose server went away;
 * the pool listens only while the client is idle, so a client checked out by kysely (mid-transaction,
 * between two queries) had no listener and the process died with "Unhandled 'error' event". Every
 * client gets its own listener for its whole life: the query in flight fails (the update gets the
 * apology), the pool drops the broken client, and the next query opens a new connection.
 */
function openPool(target: { url: string; schema?: string }, options: OpenOptions): pg.Pool {
  const types = {
    getTypeParser: (oid: number, format?: string) => (oid === INT8 ? parseInt8 : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format)),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: target.url,
    fallback_application_name: APPLICATION_NAME,
    max: 10,
    types,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  pool.on('connect', (client) => {
    let reported = false;
    client.on('error', (error) => {
      if (reported) return;
      reported = true;
      options.onConnectionLost?.(error);
    });
  });
  pool.on('error', () => {
    // An idle client lost its connection; its own listener above reported it, and the pool replaces it.
  });
  return pool;
}
