import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';

export interface TestDb {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Empty every table (between tests in one file). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** One database per test file: a PGlite cloned from the migrated template, or a fresh PostgreSQL schema. */
export async function openTestDb(options: { applicationName?: string; onConnectionLost?: () => void } = {}): Promise<TestDb> {
  const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    // A test that terminates the app's connections finds exactly them by this name.
    const appUrl = new URL(url);
    if (options.applicationName) appUrl.searchParams.set('application_name', options.applicationName);
    const db = await openDatabase(
      { kind: 'postgres', url: appUrl.toString(), schema },
      options.onConnectionLost ? { onConnectionLost: options.onConnectionLost } : {},
    );
    await migrateToLatest(db);
    return {
      kind,
      db,
      reset: () => truncateAll(db),
      close: async () => {
        await db.destroy();
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      },
    };
  }
  const template = readFileSync(inject('pgliteTemplate'));
  const db = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([template]) });
  return { kind, db, reset: () => truncateAll(db), close: () => db.destroy() };
}

/** Every table of the app in the current schema (new features' tables are included without a list). */
async function truncateAll(db: Db): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db);
  if (rows.length === 0) return;
  await sql`truncate ${sql.join(rows.map((r) => sql.id(r.name)))} restart identity cascade`.execute(db);
}

/**
 * Database settings for a separate process (npm start, the CLI): a fresh PostgreSQL schema through
 * DATABASE_URL's search_path, or a fresh PGlite data directory.
 */
export async function databaseEnvForProcess(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  if (process.env.TEST_DB_KIND === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `p_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    return {
      env: { DATABASE_URL: withSchema.toString() },
      cleanup: async () => {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'cpa-data-'));
  return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}
