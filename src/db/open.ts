import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; schema?: string }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

const INT8 = 20;
const parseInt8 = (value: string) => Number(value); // Telegram ids and counts fit in a double.

/** Opens the database: PostgreSQL through pg, or the embedded PGlite. */
export async function openDatabase(target: DatabaseTarget): Promise<Kysely<Database>> {
  if (target.kind === 'postgres') {
    const types = {
      getTypeParser: (oid: number, format?: string) =>
        oid === INT8 ? parseInt8 : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
    } as pg.CustomTypesConfig;
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      types,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Nothing to do here.
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  let release = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    release = lockDataDir(target.dataDir);
  }
  const pglite = new PGlite({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
    parsers: { [INT8]: parseInt8 },
  });
  await pglite.waitReady;
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite, release) });
}

export class DatabaseInUseError extends Error {}

/**
 * PGlite is one process's database: a second process opening the same directory would silently
 * lose writes. A lock file with the owner's pid refuses that; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'bot.lock');
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new DatabaseInUseError(`the embedded database in ${dataDir} is in use by process ${owner}; stop it first`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new DatabaseInUseError(`could not lock the embedded database in ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
