import { type Kysely } from 'kysely';

// Frozen once shipped. One-time links a liaison gives a person in the pipeline, so that their own
// Telegram account is linked to their record (/my_progress). Only the code's hash is stored.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('record_links')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('pipeline_records.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('record_links_record').on('record_links').columns(['record_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_links').ifExists().execute();
}
