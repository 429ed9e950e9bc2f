import { sql, type Kysely } from 'kysely';
import { faqReviewBasis } from './data/2026-12-02-230-faq-review-data.js';
import { faqBasis420, faqEntries420 } from './data/2026-12-03-420-faq-entries-data.js';

// Frozen once shipped. Three entries join the shared base set (see the data file), after the others; a
// slug the base set already has (an operator's own entry under the same name) is left as it is. The
// texts the knowledge base follows become 420's where they are still the ones 230 wrote: a basis the
// operator imported with their own file stays.
type Row = (typeof faqEntries420)[number];
const values = (r: Row) => ({ ...r, questions: JSON.stringify(r.questions), keywords: JSON.stringify(r.keywords) });

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date();
  for (const row of faqEntries420) {
    const existing = await db.selectFrom('faq_entries').select('id').where('slug', '=', row.slug).executeTakeFirst();
    if (!existing)
      await db
        .insertInto('faq_entries')
        .values({ ...values(row), created_at: now, updated_at: now })
        .execute();
  }
  await replaceBasis(db, faqReviewBasis, faqBasis420);
  await bumpVersion(db);
}

/** Removes the entries where they are still exactly as added, and puts 230's basis back where 420's is there. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const row of faqEntries420) {
    await db
      .deleteFrom('faq_entries')
      .where('slug', '=', row.slug)
      .where('title', '=', row.title)
      .where('answer', '=', row.answer)
      .where(sql<boolean>`questions = ${JSON.stringify(row.questions)}::jsonb`)
      .execute();
  }
  await replaceBasis(db, faqBasis420, faqReviewBasis);
  await bumpVersion(db);
}

async function replaceBasis(db: Kysely<any>, from: unknown, to: unknown): Promise<void> {
  await db
    .updateTable('faq_meta')
    .set({ basis: JSON.stringify(to) })
    .where('id', '=', 1)
    .where(sql<boolean>`basis = ${JSON.stringify(from)}::jsonb`)
    .execute();
}

const bumpVersion = (db: Kysely<any>) =>
  sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
      on conflict (id) do update set version = excluded.version`.execute(db);
