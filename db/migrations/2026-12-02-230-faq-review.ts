import { sql, type Kysely } from 'kysely';
import { faqSeed } from './data/2026-11-26-004-faq-seed.js';
import { faqReviewBasis, faqReviewEntries, type FaqReviewRow } from './data/2026-12-02-230-faq-review-data.js';

// Frozen. Issue 12: the reviewed knowledge base (corrected articles and claims, new entries) and the
// texts it follows, stored in faq_meta.basis and shown by /faq. It carries its own data and compares
// with what migration 004 shipped, so the branch's own work is never overwritten:
//   - an entry's text (title, answer and answer_en together, so the two languages never disagree),
//     its category and its live flag are replaced only where they are still what 004 shipped;
//   - its example questions and keywords become the new list, minus what the branch removed and plus
//     what it added (examples the liaisons taught the bot survive);
//   - a shipped entry the branch deleted stays deleted, and an entry the branch made under one of the
//     new slugs stays theirs.
// Every process rebuilds its index on the next question (the version number changes).

type Row = FaqReviewRow;
interface Stored {
  category: string;
  title: string;
  answer: string;
  answer_en: string | null;
  questions: readonly string[];
  keywords: readonly string[];
  live: boolean;
}

const MAX_LIST = 50; // the entry schema's limit for questions and keywords

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** next, without what the branch removed from old, plus what it added; the branch's list when that would be too long. */
function mergeList(old: readonly string[], stored: readonly string[], next: readonly string[]): string[] {
  if (sameList(stored, old)) return [...next];
  const removed = new Set(old.filter((x) => !stored.includes(x)));
  const added = stored.filter((x) => !old.includes(x));
  const merged = [...new Set([...next.filter((x) => !removed.has(x)), ...added])];
  return merged.length <= MAX_LIST ? merged : [...stored];
}

/** The stored entry moved from `old` to `next` where the branch left it alone. */
function merge(old: Row, stored: Stored, next: Row): Stored {
  const textUntouched = stored.title === old.title && stored.answer === old.answer && stored.answer_en === old.answer_en;
  return {
    category: stored.category === old.category ? next.category : stored.category,
    title: textUntouched ? next.title : stored.title,
    answer: textUntouched ? next.answer : stored.answer,
    answer_en: textUntouched ? next.answer_en : stored.answer_en,
    questions: mergeList(old.questions, stored.questions, next.questions),
    keywords: mergeList(old.keywords, stored.keywords, next.keywords),
    live: stored.live === old.live ? next.live : stored.live,
  };
}

const sameEntry = (a: Stored, b: Stored) =>
  a.category === b.category &&
  a.title === b.title &&
  a.answer === b.answer &&
  a.answer_en === b.answer_en &&
  a.live === b.live &&
  sameList(a.questions, b.questions) &&
  sameList(a.keywords, b.keywords);

const columns = ['category', 'title', 'answer', 'answer_en', 'questions', 'keywords', 'live'] as const;
const stored = (db: Kysely<any>, slug: string): Promise<Stored | undefined> =>
  db.selectFrom('faq_entries').select(columns).where('slug', '=', slug).executeTakeFirst();
const values = (e: Stored) => ({ ...e, questions: JSON.stringify(e.questions), keywords: JSON.stringify(e.keywords) });
const bumpVersion = (db: Kysely<any>) =>
  sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
      on conflict (id) do update set version = excluded.version`.execute(db);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('faq_meta').addColumn('basis', 'jsonb').execute();
  const shipped = new Map(faqSeed.map((r) => [r.slug, r as Row]));
  const now = new Date();
  for (const next of faqReviewEntries) {
    const old = shipped.get(next.slug);
    const current = await stored(db, next.slug);
    if (!current) {
      // deleted by the branch: leave it deleted; new: add it (in file order, so ids follow the file)
      if (!old)
        await db
          .insertInto('faq_entries')
          .values({ slug: next.slug, ...values(next), created_at: now, updated_at: now })
          .execute();
      continue;
    }
    if (!old) continue; // the branch's own entry under a slug that is new here
    const merged = merge(old, current, next);
    if (!sameEntry(merged, current)) {
      await db
        .updateTable('faq_entries')
        .set({ ...values(merged), updated_at: now })
        .where('slug', '=', next.slug)
        .execute();
    }
  }
  await bumpVersion(db);
  await db
    .updateTable('faq_meta')
    .set({ basis: JSON.stringify(faqReviewBasis) })
    .where('id', '=', 1)
    .execute();
}

/** Puts back what 004 shipped where an entry is still exactly as this migration left it; removes unchanged new entries. */
export async function down(db: Kysely<any>): Promise<void> {
  const shipped = new Map(faqSeed.map((r) => [r.slug, r as Row]));
  const now = new Date();
  for (const next of faqReviewEntries) {
    const current = await stored(db, next.slug);
    if (!current || !sameEntry(current, next)) continue;
    const old = shipped.get(next.slug);
    if (old) {
      await db
        .updateTable('faq_entries')
        .set({ ...values(old), updated_at: now })
        .where('slug', '=', next.slug)
        .execute();
    } else {
      await db.deleteFrom('faq_entries').where('slug', '=', next.slug).execute();
    }
  }
  await bumpVersion(db);
  await db.schema.alterTable('faq_meta').dropColumn('basis').execute();
}
