import { Migrator, sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { openTestDb, type TestDb } from './test-db.js';

/** A migrator over the project's migrations, in the test database's own schema (each test file has one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
export async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, migrationTableSchema: rows[0]!.schema, provider: { getMigrations: async () => migrations } });
}

/** A test database of its own, migrated up to `before` (the migration under test comes next), and its migrator. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
export async function openDbMigratedTo(before: string): Promise<{ t: TestDb; db: Kysely<any>; migrator: Migrator }> {
  const t = await openTestDb();
  const db = t.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const migrator = await migratorFor(db);
  expect((await migrator.migrateTo(before)).error).toBeUndefined();
  return { t, db, migrator };
}
