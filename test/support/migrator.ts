import { Migrator, sql, type Kysely } from 'kysely';
import { migrations } from '../../db/migrations/index.js';

/** A migrator over the project's migrations, in the test database's own schema (each test file has one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
export async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, migrationTableSchema: rows[0]!.schema, provider: { getMigrations: async () => migrations } });
}
