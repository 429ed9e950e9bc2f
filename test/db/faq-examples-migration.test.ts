import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqExamples370 } from '../../db/migrations/data/2026-12-02-370-faq-examples-data.js';
import { faqExamples390 } from '../../db/migrations/data/2026-12-02-390-faq-examples-data.js';
import { faqExamples400 } from '../../db/migrations/data/2026-12-02-400-faq-examples-data.js';
import { faqVersion } from '../../src/features/faq/queries.js';
import { openDbMigratedTo } from '../support/migrator.js';
import type { TestDb } from '../support/test-db.js';

// Migrations 2026-12-02-370, 390 and 400: questions written by outsiders become examples of the base
// set's entries, after the examples an entry has; a branch's own entry under a shipped slug is left
// alone, and going down removes exactly the examples it added.
describe.each([
  { MIGRATION: '2026-12-02-370-faq-examples', BEFORE: '2026-12-02-360-faq-examples', examples: faqExamples370, own: 'religion' },
  { MIGRATION: '2026-12-02-390-faq-examples', BEFORE: '2026-12-02-380-outbox-claim-owner', examples: faqExamples390, own: 'public-notice' },
  { MIGRATION: '2026-12-02-400-faq-examples', BEFORE: '2026-12-02-390-faq-examples', examples: faqExamples400, own: 'religion' },
])('migration $MIGRATION', ({ MIGRATION, BEFORE, examples, own }) => {
  let t: TestDb;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
  let db: Kysely<any>;
  let migrator: Migrator;
  const questionsOf = async (slug: string): Promise<string[]> => {
    const row = await db.selectFrom('faq_entries').select('questions').where('slug', '=', slug).executeTakeFirstOrThrow();
    return (typeof row.questions === 'string' ? JSON.parse(row.questions) : row.questions) as string[];
  };
  const setQuestions = (slug: string, questions: string[]) =>
    db
      .updateTable('faq_entries')
      .set({ questions: JSON.stringify(questions) })
      .where('slug', '=', slug)
      .execute();

  beforeAll(async () => {
    ({ t, db, migrator } = await openDbMigratedTo(BEFORE));
  });
  afterAll(async () => t.close());

  it('appends the examples after an entry’s own, keeps a branch’s own entry as it is, and goes back down exactly', async () => {
    const timeline = [...(await questionsOf('timeline')), '入党到底要熬几年'];
    await setQuestions('timeline', timeline); // a liaison taught an example
    const dues = await questionsOf('dues');
    const already = examples.dues![0]!;
    await setQuestions('dues', [...dues, already]); // one of the new examples was taught already
    expect(examples[own]).toBeDefined();
    await setQuestions(own, ['本支部：信教的同学请找书记面谈']); // a branch's own entry under a shipped slug
    const versionBefore = await faqVersion(t.db);

    expect((await migrator.migrateTo(MIGRATION)).error).toBeUndefined();
    expect(await questionsOf('timeline')).toEqual([...timeline, ...examples.timeline!]);
    expect(await questionsOf('dues')).toEqual([...dues, already, ...examples.dues!.slice(1)]);
    expect(await questionsOf(own)).toEqual(['本支部：信教的同学请找书记面谈']);
    expect(await faqVersion(t.db)).not.toBe(versionBefore);

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await questionsOf('timeline')).toEqual(timeline);
    expect(await questionsOf('dues')).toEqual(dues); // down removes every example the migration carries, the one taught before too
    expect(await questionsOf(own)).toEqual(['本支部：信教的同学请找书记面谈']);
  });
});
