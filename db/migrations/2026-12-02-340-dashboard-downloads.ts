import type { Kysely } from 'kysely';

// Frozen once shipped. The dashboard's xlsx inside Telegram's phone webviews (issue 13): the page asks
// for a one-off address and hands it to Telegram.WebApp.downloadFile. Only the token's hash is kept;
// it is bound to the person it was made for, lives five minutes and serves once (used_at). The filter
// and the language the file was asked with are kept so the file is the one the page showed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dashboard_downloads')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('tag', 'text')
    .addColumn('q', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('dashboard_downloads_expiry').on('dashboard_downloads').column('expires_at').execute();
  // the housekeeping deletes expired login codes by expiry too
  await db.schema.createIndex('dashboard_login_codes_expiry').on('dashboard_login_codes').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dashboard_login_codes_expiry').ifExists().execute();
  await db.schema.dropTable('dashboard_downloads').ifExists().execute();
}
