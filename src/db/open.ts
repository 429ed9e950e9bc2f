import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { lockDataDir } from './data-dir-lock.js';
import { buildDir } from '../shared/build-dir.js';
import { PGliteDialect } from './pglite-dialect.js';

export { DatabaseInUseError } from './data-dir-lock.js';

export type DatabaseTarget = { kind: 'postgres'; url: string; schema?: string } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface OpenOptions {
  /** A PostgreSQL connection died (server restart, failover, terminated backend); called once per connection. */
  onConnectionLost?: (error: Error) => void;
  /** PGlite made a new database in its data directory: from the build's initial data directory, or by initdb. */
  onCreated?: (how: 'copied' | 'initdb') => void;
}

const INT8 = 20;
const parseInt8 = (value: string) => Number(value); // Telegram ids and counts fit in a double.
const DATE = 1082;
/** A calendar date stays the 'YYYY-MM-DD' it is: a Date would put it at a midnight of the process's time zone. */
const keepDate = (value: string) => value;
/** Shown in pg_stat_activity unless DATABASE_URL (`?application_name=`) or PGAPPNAME names it. */
const APPLICATION_NAME = 'class-party-assistant';

/**
 * The data directory PGlite's initdb makes, made by `npm run build` (scripts/build.mjs) as
 * dist/pglite-initdb/: a first start copies it instead of running initdb, which starts a second
 * Postgres in WebAssembly, costs ~7 s of CPU and peaks at ~900 MB. Run from the sources (tsx) there
 * is none, and PGlite runs initdb as before.
 */
const INITIAL_DATA_DIR = buildDir === null ? null : join(buildDir, 'pglite-initdb');
const initialDataDir = (): string | null => (INITIAL_DATA_DIR !== null && existsSync(join(INITIAL_DATA_DIR, 'PG_VERSION')) ? INITIAL_DATA_DIR : null);

/**
 * Postgres settings for the embedded database (PGlite's defaults, then these). PGlite's initdb sets
 * shared_buffers to 128 MB, which it touches at start: ~130 MB of the process's memory for a
 * database of a few megabytes, whose files the operating system caches anyway.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

/**
 * PGlite's Postgres is 9 MB of WebAssembly. V8 compiles it with its baseline compiler (Liftoff) and,
 * by default, recompiles the hot functions with its optimising one (TurboFan) in the background: on
 * a start that is ~1 s of CPU and 60–90 MB more memory, for queries that this bot's few per second
 * do not need faster. Set before the first PGlite is compiled in this process; PostgreSQL runs no wasm.
 */
let baselineOnly = false;
function compileWasmWithBaselineOnly(): void {
  if (baselineOnly) return;
  v8.setFlagsFromString('--liftoff-only');
  baselineOnly = true;
}

/** Opens the database: PostgreSQL through pg, or the embedded PGlite. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Kysely<Database>> {
  if (target.kind === 'postgres') return new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPool(target, options) }) });
  let release: () => Promise<void> = async () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    release = await lockDataDir(target.dataDir);
  }
  try {
    compileWasmWithBaselineOnly();
    // Loaded only here: a bot on PostgreSQL never loads PGlite's code.
    const { PGlite } = await import('@electric-sql/pglite');
    const created = target.dataDir && !target.loadDataDir && !existsSync(join(target.dataDir, 'PG_VERSION'));
    if (created) seedDataDir(target.dataDir!);
    const pglite = new PGlite({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { [INT8]: parseInt8, [DATE]: keepDate },
      startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
    });
    await pglite.waitReady;
    if (created) options.onCreated?.(initialDataDir() ? 'copied' : 'initdb');
    return new Kysely<Database>({ dialect: new PGliteDialect(pglite, release) });
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Copies the initial data directory into a data directory that has no database yet. PGlite takes a
 * directory with PG_VERSION for a database, so that file is copied last: a copy cut off (a crash, a
 * full disk) leaves none, and the next start copies again over what it left.
 */
function seedDataDir(dataDir: string): void {
  const initial = initialDataDir();
  if (!initial) return;
  for (const entry of readdirSync(initial)) {
    if (entry !== 'PG_VERSION') cpSync(join(initial, entry), join(dataDir, entry), { recursive: true });
  }
  cpSync(join(initial, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
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
    getTypeParser: (oid: number, format?: string) =>
      oid === INT8 ? parseInt8 : oid === DATE ? keepDate : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: target.url,
    fallback_application_name: APPLICATION_NAME,
    max: 10,
    types,
    // JIT off: the bot's queries are short, and PostgreSQL's JIT compiled the dashboard's grouped
    // queries over a term's rows for longer than they ran (bench:dashboard: 310 → 120 ms).
    options: `-c jit=off${target.schema ? ` -c search_path=${target.schema}` : ''}`,
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
