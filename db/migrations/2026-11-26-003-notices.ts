import { sql, type Kysely } from 'kysely';

// Frozen. Branch notices, their per-class deliveries, acknowledgements, and the durable outbox
// every outgoing Telegram call of a broadcast goes through.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('classes')
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await db.schema.alterTable('chats').addColumn('next_send_at', 'timestamptz').execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'photo', 'document')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('entities', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('file_id', 'text')
    .addColumn('pin', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('ask_ack', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('send_at', 'timestamptz', (c) => c.notNull())
    .addColumn('nudge_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retracted_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('chat_id', 'integer', (c) => c.references('chats.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'sent', 'failed', 'retracted', 'cancelled')`))
    .addColumn('telegram_message_id', 'bigint')
    .addColumn('failure', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('ack_count_shown', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('deliveries_notice_class_unique', ['notice_id', 'class_id'])
    .execute();

  await db.schema
    .createTable('acknowledgements')
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('acknowledged_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('acknowledgements_pk', ['delivery_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'integer', (c) => c.references('chats.id').onDelete('cascade'))
    .addColumn('delivery_id', 'integer', (c) => c.references('deliveries.id').onDelete('cascade'))
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'sending', 'done', 'failed', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .execute();
  // A job happens once: one row per key, ever (throttled jobs put a time bucket in their key).
  await sql`create unique index outbox_dedupe on outbox (dedupe_key)`.execute(db);
  await sql`create index outbox_due on outbox (available_at, id) where state = 'pending'`.execute(db);
  await sql`create index outbox_sending on outbox (claimed_at) where state = 'sending'`.execute(db);

  // The shared send budget (Telegram's ~30 messages/s for the whole bot), one row for all processes.
  await db.schema
    .createTable('send_budget')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('tokens', 'double precision', (c) => c.notNull())
    .addColumn('refilled_at', 'timestamptz', (c) => c.notNull())
    .addColumn('paused_until', 'timestamptz')
    .execute();
  await sql`insert into send_budget (id, tokens, refilled_at) values (1, 0, now())`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['send_budget', 'outbox', 'acknowledgements', 'deliveries', 'notices']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.alterTable('chats').dropColumn('next_send_at').execute();
  await db.schema.alterTable('classes').dropColumn('tags').execute();
}
