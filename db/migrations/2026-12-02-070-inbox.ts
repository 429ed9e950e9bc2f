import { sql, type Kysely } from 'kysely';

// Frozen once shipped. The liaison inbox: items handed to a class's liaisons, who was told, the
// thread, and sealed return routes to anonymous askers. FAQ questions still waiting for a person
// (status routed or recorded) become open items; answered ones become answered items, so the
// per-asker hourly limit counts them as before.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('client_ref', 'integer', (c) => c.notNull())
    .addColumn('class_id', 'integer', (c) => c.references('classes.id').onDelete('set null'))
    .addColumn('branch_id', 'integer', (c) => c.references('branches.id').onDelete('set null'))
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('asker_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'claimed', 'answered', 'closed')`))
    .addColumn('routing', 'text', (c) => c.notNull().check(sql`routing in ('routed', 'recorded')`))
    .addColumn('claimed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('answered_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('inbox_items_client', ['kind', 'client_ref'])
    .addCheckConstraint('inbox_items_anonymous_no_asker', sql`not anonymous or asker_id is null`)
    .execute();
  await db.schema.createIndex('inbox_items_asker').on('inbox_items').columns(['asker_id', 'created_at']).execute();
  await db.schema.createIndex('inbox_items_open').on('inbox_items').columns(['branch_id', 'state']).execute();

  await db.schema
    .createTable('inbox_handoffs')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'delivered', 'failed')`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbox_handoffs_pk', ['item_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('inbox_messages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('inbox_items.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('to_asker', 'to_liaisons')`))
    .addColumn('author_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_messages_item').on('inbox_messages').columns(['item_id', 'id']).execute();

  await db.schema
    .createTable('inbox_return_routes')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('inbox_items.id').onDelete('cascade'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await sql`
    insert into inbox_items (kind, client_ref, class_id, branch_id, anonymous, asker_id, state, routing, answered_by, created_at, updated_at)
    select 'faq_question', q.id, q.class_id, q.branch_id, false, q.asker_id,
           case when q.status = 'resolved' then 'answered' else 'open' end,
           case when q.status = 'recorded' then 'recorded' else 'routed' end,
           q.answered_by, q.created_at, q.updated_at
    from faq_questions q
    where q.status in ('routed', 'recorded')
       or (q.status = 'resolved' and q.answered_by is not null)`.execute(db);
  await sql`
    insert into inbox_messages (item_id, direction, author_id, body, created_at)
    select i.id, 'to_asker', q.answered_by, q.answer, q.updated_at
    from faq_questions q join inbox_items i on i.kind = 'faq_question' and i.client_ref = q.id
    where q.answer is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbox_return_routes').execute();
  await db.schema.dropTable('inbox_messages').execute();
  await db.schema.dropTable('inbox_handoffs').execute();
  await db.schema.dropTable('inbox_items').execute();
}
