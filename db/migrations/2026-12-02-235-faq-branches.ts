import { sql, type Kysely } from 'kysely';
import { faqSeed } from './data/2026-11-26-004-faq-seed.js';
import { faqReviewEntries } from './data/2026-12-02-230-faq-review-data.js';

// Frozen once shipped. The knowledge base is separated by branch (issue 7 item 9) and learns (issue 12):
//   - faq_entries stays the shared base set (db/faq/faq.yaml, `faq import`), edited by the operator only;
//   - faq_branch_entries holds each branch's own entries and its overrides of base entries
//     (published), base entries it removed (hidden), and entries liaisons proposed (pending);
//   - faq_examples holds questions proposed as further ways of asking an entry (from "did you mean"
//     and "that didn't help" presses, and from liaisons): the question text only, no asker;
//   - faq_branch_meta: a version number per branch, next to faq_meta's base version, so a change in
//     one branch rebuilds only that branch's index in each process.
// Existing data: entries edited through the bot (updated_by set) become the editor's branch's, and
// base rows they had changed go back to the shipped text (230's reviewed entries, else the 004 seed); open FAQ items of no branch go to the only branch,
// or are closed when there are several (nobody could tell whose they are).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('faq_branch_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('published', 'hidden', 'pending')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answer_en', 'text')
    .addColumn('questions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('keywords', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('live', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('proposed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('faq_branch_entries_slug', ['branch_id', 'slug'])
    .execute();
  await db.schema.createIndex('faq_branch_entries_pending').on('faq_branch_entries').columns(['state', 'created_at']).execute();

  await db.schema
    .createTable('faq_branch_meta')
    .addColumn('branch_id', 'integer', (c) => c.primaryKey().references('branches.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('faq_examples')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('slug', 'text')
    .addColumn('not_slug', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('suggestion', 'not_helpful', 'liaison')`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'approved', 'rejected')`))
    .addColumn('proposed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decided_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addUniqueConstraint('faq_examples_question', ['branch_id', 'question'])
    .addCheckConstraint('faq_examples_approved_slug', sql`state <> 'approved' or slug is not null`)
    .execute();
  await db.schema.createIndex('faq_examples_state').on('faq_examples').columns(['branch_id', 'state', 'created_at']).execute();
  // the retention schedule deletes questions by age
  await db.schema.createIndex('faq_questions_created').on('faq_questions').column('created_at').execute();

  await sql`
    insert into faq_branch_entries
      (branch_id, slug, state, category, title, answer, answer_en, questions, keywords, live, updated_by, created_at, updated_at)
    select b.branch_id, e.slug, 'published', e.category, e.title, e.answer, e.answer_en, e.questions, e.keywords, e.live,
           e.updated_by, e.created_at, e.updated_at
    from faq_entries e
    cross join lateral (
      select coalesce(
        (select r.branch_id from role_assignments r where r.person_id = e.updated_by order by (r.role = 'secretary') desc, r.id limit 1),
        (select min(id) from branches having count(*) = 1)
      ) as branch_id
    ) b
    where e.updated_by is not null and b.branch_id is not null`.execute(db);
  const moved = await sql<{ slug: string }>`
    select e.slug from faq_entries e where e.updated_by is not null
      and exists (select 1 from faq_branch_entries x where x.slug = e.slug)`.execute(db);
  // the base goes back to what was shipped last: the reviewed entries of migration 230, else the 004 seed
  const seed = new Map([...faqSeed, ...faqReviewEntries].map((e) => [e.slug, e]));
  for (const { slug } of moved.rows) {
    const base = seed.get(slug);
    if (!base) {
      await db.deleteFrom('faq_entries').where('slug', '=', slug).execute();
      continue;
    }
    await db
      .updateTable('faq_entries')
      .set({
        category: base.category,
        title: base.title,
        answer: base.answer,
        answer_en: base.answer_en,
        questions: JSON.stringify(base.questions),
        keywords: JSON.stringify(base.keywords),
        live: base.live,
        updated_by: null,
      })
      .where('slug', '=', slug)
      .execute();
  }
  if (moved.rows.length > 0) {
    await sql`update faq_meta set version = nextval('faq_version_seq') where id = 1`.execute(db);
    await sql`insert into faq_branch_meta (branch_id, version)
              select b.branch_id, nextval('faq_version_seq') from (select distinct branch_id from faq_branch_entries) b`.execute(db);
  }

  const only = await sql<{ id: number }>`select min(id) as id from branches having count(*) = 1`.execute(db);
  const branchId = only.rows[0]?.id ?? null;
  if (branchId !== null) {
    await sql`update faq_questions set branch_id = ${branchId} where branch_id is null`.execute(db);
    await sql`update inbox_items set branch_id = ${branchId} where branch_id is null and kind = 'faq_question'`.execute(db);
  } else {
    await sql`update inbox_items set state = 'closed', updated_at = now()
              where branch_id is null and kind = 'faq_question' and state in ('open', 'claimed')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('faq_questions_created').ifExists().execute();
  await db.schema.dropTable('faq_examples').execute();
  await db.schema.dropTable('faq_branch_meta').execute();
  await db.schema.dropTable('faq_branch_entries').execute();
}
