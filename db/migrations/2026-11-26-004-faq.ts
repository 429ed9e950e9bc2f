import { sql, type Kysely } from 'kysely';
import { faqSeed } from './data/2026-11-26-004-faq-seed.js';

// Frozen. The FAQ knowledge base, the questions people asked (needed to route, answer and list
// them), which bound group a person last used (to know a private asker's class), and the group
// auto-answer rate limit. Seeds the branch's initial entries.
// 2026-12-02 (issue 8): it used to read db/faq/faq.yaml through the live parser, so a later change
// to either would have changed what a new database gets. It now carries its own frozen copy of that
// data (./data/2026-11-26-004-faq-seed.ts, the same rows it inserted then) and imports nothing from
// src/: its effect is unchanged. Later knowledge-base changes ship as new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('faq_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answer_en', 'text')
    .addColumn('questions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('keywords', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('live', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Every change to faq_entries stores a fresh number here; a process compares it with the one its
  // in-memory index was built from before matching (one cheap read) and rebuilds when it differs.
  // A sequence, so the number never repeats, even after the table is emptied.
  await sql`create sequence faq_version_seq`.execute(db);
  await db.schema
    .createTable('faq_meta')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('faq_questions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('asker_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('chat_id', 'bigint', (c) => c.notNull()) // Telegram chat the question was asked in
    .addColumn('message_id', 'integer', (c) => c.notNull())
    .addColumn('class_id', 'integer', (c) => c.references('classes.id').onDelete('set null'))
    .addColumn('branch_id', 'integer', (c) => c.references('branches.id').onDelete('set null'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('matched_slug', 'text')
    .addColumn('score', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('answered', 'suggested', 'routed', 'recorded', 'resolved')`))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('faq_slug', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('faq_questions_open').on('faq_questions').columns(['status', 'class_id', 'created_at']).execute();

  await db.schema
    .createTable('class_members_seen')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('last_seen', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_members_seen_pk', ['person_id', 'class_id'])
    .execute();

  await db.schema
    .createTable('faq_group_auto')
    .addColumn('chat_id', 'bigint', (c) => c.primaryKey())
    .addColumn('last_at', 'timestamptz', (c) => c.notNull())
    .execute();

  const now = new Date();
  for (const e of faqSeed) {
    await db
      .insertInto('faq_entries')
      .values({
        slug: e.slug,
        category: e.category,
        title: e.title,
        answer: e.answer,
        answer_en: e.answer_en,
        questions: JSON.stringify(e.questions),
        keywords: JSON.stringify(e.keywords),
        live: e.live,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['faq_group_auto', 'class_members_seen', 'faq_questions', 'faq_meta', 'faq_entries']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await sql`drop sequence if exists faq_version_seq`.execute(db);
}
