import { sql, type Kysely } from 'kysely';

// Frozen once shipped. FAQ questions and the group auto-answer limit referred to chats by their raw
// Telegram id, so a group upgraded to a supergroup left them behind. They now reference `chats.id`
// like everything else. A chat the bot has no row for yet (a private chat, or a group it never
// recorded) gets one, typed by the shape of its id.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into chats (telegram_chat_id, type, title, active)
    select distinct ids.chat_id,
           case when ids.chat_id > 0 then 'private' when ids.chat_id <= -1000000000000 then 'supergroup' else 'group' end,
           '', true
    from (select chat_id from faq_questions union select chat_id from faq_group_auto) ids
    where not exists (select 1 from chats c where c.telegram_chat_id = ids.chat_id)`.execute(db);

  // faq_questions.chat_id: Telegram id → chats.id (no cascade: a merge moves questions, never drops them)
  await db.schema
    .alterTable('faq_questions')
    .addColumn('chat_row_id', 'integer', (c) => c.references('chats.id'))
    .execute();
  await sql`update faq_questions q set chat_row_id = c.id from chats c where c.telegram_chat_id = q.chat_id`.execute(db);
  await db.schema.alterTable('faq_questions').dropColumn('chat_id').execute();
  await db.schema.alterTable('faq_questions').renameColumn('chat_row_id', 'chat_id').execute();
  await db.schema
    .alterTable('faq_questions')
    .alterColumn('chat_id', (c) => c.setNotNull())
    .execute();
  await db.schema.createIndex('faq_questions_chat').on('faq_questions').column('chat_id').execute();

  // faq_group_auto: keyed by chats.id (a rate limit: it goes when its chat goes)
  await db.schema.alterTable('faq_group_auto').renameTo('faq_group_auto_old').execute();
  await db.schema
    .createTable('faq_group_auto')
    .addColumn('chat_id', 'integer', (c) => c.primaryKey().references('chats.id').onDelete('cascade'))
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`insert into faq_group_auto (chat_id, last_at)
            select c.id, o.last_at from faq_group_auto_old o join chats c on c.telegram_chat_id = o.chat_id`.execute(db);
  await db.schema.dropTable('faq_group_auto_old').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('faq_questions').addColumn('telegram_chat_id', 'bigint').execute();
  await sql`update faq_questions q set telegram_chat_id = c.telegram_chat_id from chats c where c.id = q.chat_id`.execute(db);
  await db.schema.dropIndex('faq_questions_chat').ifExists().execute();
  await db.schema.alterTable('faq_questions').dropColumn('chat_id').execute();
  await db.schema.alterTable('faq_questions').renameColumn('telegram_chat_id', 'chat_id').execute();
  await db.schema
    .alterTable('faq_questions')
    .alterColumn('chat_id', (c) => c.setNotNull())
    .execute();

  await db.schema.alterTable('faq_group_auto').renameTo('faq_group_auto_new').execute();
  await db.schema
    .createTable('faq_group_auto')
    .addColumn('chat_id', 'bigint', (c) => c.primaryKey())
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`insert into faq_group_auto (chat_id, last_at)
            select c.telegram_chat_id, n.last_at from faq_group_auto_new n join chats c on c.id = n.chat_id`.execute(db);
  await db.schema.dropTable('faq_group_auto_new').execute();
}
