import { sql, type Kysely } from 'kysely';

// Frozen. One-time codes that let whoever holds one bind a class's group (the "add to group" deep link).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bind_codes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    // Made by the secretary or a liaison: may also move the class away from a group it is bound to.
    .addColumn('can_move', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('used_in_chat_id', 'integer', (c) => c.references('chats.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bind_codes').ifExists().execute();
}
