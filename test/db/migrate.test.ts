import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { statementLog } from '../support/statement-log.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

describe('migrating at start', () => {
  it('finds an up-to-date database in two reads, without loading a migration or taking the migrator’s lock', async () => {
    const log = statementLog(t.db);
    expect(await migrateToLatest(log.db)).toEqual([]);
    expect(log.statements()).toBe(2);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(t.db);
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
  });

  it('still refuses a database migrated by a newer version (a migration this one does not know)', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-999-from-a-newer-version', '2099-01-01T00:00:00Z')`.execute(t.db);
    try {
      await expect(migrateToLatest(t.db)).rejects.toThrow(/2099-01-01-999-from-a-newer-version/);
    } finally {
      await sql`delete from kysely_migration where name = '2099-01-01-999-from-a-newer-version'`.execute(t.db);
    }
  });
});
