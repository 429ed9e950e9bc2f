import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../db/migrations/index.js';

export class MigrationError extends Error {}

/** Brings the schema up to date; the same migrations serve PGlite and PostgreSQL. */
/**
 * Migrates the schema the connection works in (search_path), so a deployment or test that keeps
 * its tables in its own schema never mistakes another schema's migration table for its own.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    migrationTableSchema: rows[0]?.schema ?? 'public',
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
