import type { Kysely } from 'kysely';
import { changeFaqExamples } from './data/add-faq-examples.js';
import { faqReviewEntries } from './data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from './data/2026-12-02-260-faq-updates-data.js';
import { faqExamples400 } from './data/2026-12-02-400-faq-examples-data.js';

// Frozen once shipped. The questions of the third outside set and of the second blind tuning set that
// the matcher did not answer right become examples of the entries that answer them (see the data file).
// An entry is the shipped one when it has one of the examples 230 or 260 shipped with it: the later
// examples are students' own wordings (信教能入党吗), which a branch's own entry under the same slug may
// well hold too.
const shipped = new Map([...faqReviewEntries, ...faqUpdate260].map((r) => [r.slug, r.questions]));

export async function up(db: Kysely<any>): Promise<void> {
  await changeFaqExamples(db, faqExamples400, shipped, 'up');
}

export async function down(db: Kysely<any>): Promise<void> {
  await changeFaqExamples(db, faqExamples400, shipped, 'down');
}
