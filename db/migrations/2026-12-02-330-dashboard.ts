import { sql, type Kysely } from 'kysely';

// Frozen once shipped. The dashboard (issue 13): one-time login links for a desktop browser (only
// the code's hash is kept; used once), the browser sessions they open (the cookie's hash), and the
// private chats whose menu button already opens the dashboard.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dashboard_login_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('dashboard_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dashboard_sessions_expiry').on('dashboard_sessions').column('expires_at').execute();
  await db.schema
    .createTable('dashboard_menu_buttons')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    // the address the button opens: a changed WEB_APP_URL sets the buttons again
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dashboard_menu_buttons').ifExists().execute();
  await db.schema.dropTable('dashboard_sessions').ifExists().execute();
  await db.schema.dropTable('dashboard_login_codes').ifExists().execute();
}
