import { sql, type Kysely } from 'kysely';

// Frozen once shipped. The reminders core: per-branch reminder settings (JSON, validated and
// completed with defaults by src/reminders/settings.ts), and the ledger of reminders to people —
// one row per reminder meant (unique key), whether it was queued, sent, failed, dropped as stale
// or cancelled. The ledger carries no user text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('branch_settings')
    .addColumn('branch_id', 'integer', (c) => c.primaryKey().references('branches.id').onDelete('cascade'))
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('occurrence', 'timestamptz', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('send_at', 'timestamptz', (c) => c.notNull())
    .addColumn('stale_at', 'timestamptz', (c) => c.notNull())
    .addColumn('outbox_key', 'text')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'sent', 'failed', 'dropped', 'cancelled')`))
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('settled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('reminders_subject').on('reminders').columns(['kind', 'subject_id', 'occurrence']).execute();
  await db.schema.createIndex('reminders_created').on('reminders').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders').ifExists().execute();
  await db.schema.dropTable('branch_settings').ifExists().execute();
}
