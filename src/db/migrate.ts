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
  const { rows } = await sql<{ schema: string; migrated: boolean }>`
    select current_schema() as schema, to_regclass(quote_ident(current_schema()) || '.kysely_migration') is not null as migrated`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  if (rows[0]?.migrated && (await upToDate(db, schema))) return [];
  const migrator = new Migrator({
    db,
    migrationTableSchema: schema,
    provider: { getMigrations: async () => migrations },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the database has applied exactly the migrations this version knows: one read, where
 * kysely's migrator would introspect the catalog and take its lock (most starts have nothing to do).
 * Anything else (a migration missing, or one this version does not know) is the migrator's to
 * handle or refuse.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see migrateToLatest
async function upToDate(db: Kysely<any>, schema: string): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(`${schema}.kysely_migration`)}`.execute(db);
  const known = Object.keys(migrations);
  const applied = new Set(rows.map((r) => r.name));
  return applied.size === known.length && known.every((name) => applied.has(name));
}
