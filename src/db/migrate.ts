import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../db/migrations/index.js';

export class MigrationError extends Error {}

/** Brings the schema up to date; the same migrations serve PGlite and PostgreSQL. */
/** `schema`: the PostgreSQL schema the app's tables live in, when not the default one (tests). */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
