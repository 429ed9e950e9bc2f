import { sql, type Kysely } from 'kysely';

// Frozen once shipped. Anonymous feedback (issue 10) and message reports. Nothing here names a
// writer or a reporter: no user, chat or message id of theirs, no writing time.
export async function up(db: Kysely<any>): Promise<void> {
  const categories = sql`category in ('study', 'life', 'college', 'party', 'other')`;

  // Written, not yet delivered: a random id and no time, so neither the id nor a timestamp tells the order of writing.
  await db.schema
    .createTable('feedback_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull().check(categories))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('photo_file_id', 'text')
    .addColumn('allow_reply', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feedback_queue_class').on('feedback_queue').column('class_id').execute();
  await db.schema
    .createTable('feedback_queue_routes')
    .addColumn('queue_id', 'text', (c) => c.primaryKey().references('feedback_queue.id').onDelete('cascade'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();

  // Delivered: ids are given in the (shuffled) order of delivery; the only time is the batch's.
  await db.schema
    .createTable('feedback_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.references('classes.id').onDelete('set null'))
    .addColumn('branch_id', 'integer', (c) => c.references('branches.id').onDelete('set null'))
    .addColumn('category', 'text', (c) => c.notNull().check(categories))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('photo_file_id', 'text')
    .addColumn('allow_reply', 'boolean', (c) => c.notNull())
    .addColumn('muted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'handled', 'escalated')`))
    .addColumn('note', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('batch_at', 'timestamptz', (c) => c.notNull())
    .addColumn('handled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('feedback_items_class').on('feedback_items').columns(['class_id', 'status']).execute();
  await db.schema.createIndex('feedback_items_branch').on('feedback_items').columns(['branch_id', 'batch_at']).execute();

  // Abuse limits: keyed hashes under a key that changes every day; both tables are emptied at rotation.
  await db.schema
    .createTable('feedback_limit_keys')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('feedback_limits')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  // A reported message: one row per message however many report it; the reporters are not stored.
  await db.schema
    .createTable('reports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('class_id', 'integer', (c) => c.references('classes.id').onDelete('set null'))
    .addColumn('branch_id', 'integer', (c) => c.references('branches.id').onDelete('set null'))
    .addColumn('chat_id', 'integer', (c) => c.notNull().references('chats.id').onDelete('cascade'))
    .addColumn('message_id', 'integer', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text')
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('times', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'handled', 'escalated')`))
    .addColumn('note', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('handled_at', 'timestamptz')
    .addUniqueConstraint('reports_message', ['chat_id', 'message_id'])
    .execute();

  // Who was told once that their /report stays visible in a group where the bot cannot delete it
  // (the group saw that command anyway); not linked to any report.
  await db.schema
    .createTable('report_hints')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_hints', 'reports', 'feedback_limits', 'feedback_limit_keys', 'feedback_items', 'feedback_queue_routes', 'feedback_queue']) {
    await db.schema.dropTable(table).execute();
  }
}
