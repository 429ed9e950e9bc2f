import { sql, type Kysely } from 'kysely';
import { faqReviewEntries } from './data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from './data/2026-12-02-260-faq-updates-data.js';
import { faqExamples360 } from './data/2026-12-02-360-faq-examples-data.js';
import { faqExamples370 } from './data/2026-12-02-370-faq-examples-data.js';

// Frozen once shipped. Adds example questions (the outside tester's answerable questions) to the
// entries of the shared base set, after the examples an entry has (its own and 360's): nothing a
// branch wrote (titles, answers, its own examples) is replaced, and a branch's own copy of an entry
// (faq_branch_entries, since 235) is left as it is, and so is an entry of a branch's own under one of
// the shipped slugs (it has none of the examples 230, 260 and 360 shipped).
export async function up(db: Kysely<any>): Promise<void> {
  await change(db, (questions, added) => [...questions, ...added.filter((q) => !questions.includes(q))]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await change(db, (questions, added) => questions.filter((q) => !added.includes(q)));
}

async function change(db: Kysely<any>, next: (questions: string[], added: readonly string[]) => string[]): Promise<void> {
  const rows: Array<{ id: number; slug: string; questions: unknown }> = await db
    .selectFrom('faq_entries')
    .select(['id', 'slug', 'questions'])
    .where('slug', 'in', Object.keys(faqExamples370))
    .execute();
  const shipped = new Map([...faqReviewEntries, ...faqUpdate260].map((r) => [r.slug, [...r.questions, ...(faqExamples360[r.slug] ?? [])]]));
  for (const row of rows) {
    const questions = (typeof row.questions === 'string' ? JSON.parse(row.questions) : row.questions) as string[];
    if (!questions.some((q) => shipped.get(row.slug)?.includes(q))) continue;
    const changed = next(questions, faqExamples370[row.slug]!);
    await db
      .updateTable('faq_entries')
      .set({ questions: JSON.stringify(changed), updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }
  // every process rebuilds its index on the next question
  await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
      on conflict (id) do update set version = excluded.version`.execute(db);
}
