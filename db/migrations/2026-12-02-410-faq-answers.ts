import { sql, type Kysely } from 'kysely';
import { faqReviewEntries } from './data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from './data/2026-12-02-260-faq-updates-data.js';
import { faqAnswers410 } from './data/2026-12-02-410-faq-answers-data.js';

// Frozen once shipped. New answers of some entries of the base set (see the data file). An answer is
// replaced only where it is still the one shipped before (230's or 260's): an entry whose text a
// branch rewrote keeps it, and so does a branch's own copy (faq_branch_entries, since 235).
const shippedBefore = new Map([...faqReviewEntries, ...faqUpdate260].map((r) => [r.slug, { answer: r.answer, answer_en: r.answer_en }]));

export async function up(db: Kysely<any>): Promise<void> {
  for (const [slug, next] of Object.entries(faqAnswers410)) await replace(db, slug, shippedBefore.get(slug)!, next);
  await bumpVersion(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [slug, next] of Object.entries(faqAnswers410)) await replace(db, slug, next, shippedBefore.get(slug)!);
  await bumpVersion(db);
}

type Texts = { readonly answer: string; readonly answer_en: string | null };

async function replace(db: Kysely<any>, slug: string, from: Texts, to: Texts): Promise<void> {
  await db
    .updateTable('faq_entries')
    .set({ answer: to.answer, answer_en: to.answer_en, updated_at: new Date() })
    .where('slug', '=', slug)
    .where('answer', '=', from.answer)
    .where(sql<boolean>`answer_en is not distinct from ${from.answer_en}`)
    .execute();
}

// every process rebuilds its index on the next question
async function bumpVersion(db: Kysely<any>): Promise<void> {
  await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
      on conflict (id) do update set version = excluded.version`.execute(db);
}
