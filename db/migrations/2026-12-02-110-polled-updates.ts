import type { Kysely } from 'kysely';

// Frozen. Updates fetched by long polling, kept until handled: fetching the next batch confirms the
// one before to Telegram, so what is still queued must survive a crash in the database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('polled_updates')
    .addColumn('update_id', 'bigint', (c) => c.primaryKey())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('polled_updates').ifExists().execute();
}
