import { sql, type Kysely } from 'kysely';
import { faqReviewEntries, type FaqReviewRow } from './data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from './data/2026-12-02-260-faq-updates-data.js';

// Frozen once shipped. Entries of db/faq/faq.yaml rewritten since migration 230, written whole into
// the shared base set. Since migration 235 a branch's own edits live in faq_branch_entries, so the
// base rows are the shipped text and can be replaced; a branch's copy of an entry stays as it is.
export async function up(db: Kysely<any>): Promise<void> {
  await write(db, faqUpdate260);
}

/** Back to 230's texts of the same entries. */
export async function down(db: Kysely<any>): Promise<void> {
  const slugs = new Set(faqUpdate260.map((r) => r.slug));
  await write(
    db,
    faqReviewEntries.filter((r) => slugs.has(r.slug)),
  );
}

async function write(db: Kysely<any>, rows: readonly FaqReviewRow[]): Promise<void> {
  const now = new Date();
  for (const row of rows) {
    const values = { ...row, questions: JSON.stringify(row.questions), keywords: JSON.stringify(row.keywords), updated_at: now };
    const updated = await db.updateTable('faq_entries').set(values).where('slug', '=', row.slug).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('faq_entries')
        .values({ ...values, created_at: now })
        .execute();
  }
  // every process rebuilds its index on the next question
  await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
      on conflict (id) do update set version = excluded.version`.execute(db);
}
