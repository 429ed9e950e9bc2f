import { sql, type Kysely } from 'kysely';

// Frozen. The scheduler's claim rows (one per schedule name: when it last ran), and the indexes
// that let the housekeeping schedule find old rows without scanning whole tables.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scheduler_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index processed_updates_at on processed_updates (processed_at)`.execute(db);
  await sql`create index outbox_finished on outbox ((coalesce(done_at, available_at))) where state in ('done', 'failed', 'cancelled')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists outbox_finished`.execute(db);
  await sql`drop index if exists processed_updates_at`.execute(db);
  await db.schema.dropTable('scheduler_state').ifExists().execute();
}
