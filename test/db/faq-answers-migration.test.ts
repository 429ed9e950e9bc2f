import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqReviewEntries } from '../../db/migrations/data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from '../../db/migrations/data/2026-12-02-260-faq-updates-data.js';
import { faqAnswers410 } from '../../db/migrations/data/2026-12-02-410-faq-answers-data.js';
import { faqVersion } from '../../src/features/faq/queries.js';
import { openDbMigratedTo } from '../support/migrator.js';
import type { TestDb } from '../support/test-db.js';

const MIGRATION = '2026-12-02-410-faq-answers';
const BEFORE = '2026-12-02-400-faq-examples';
const shippedBefore = (slug: string) => [...faqUpdate260, ...faqReviewEntries].find((r) => r.slug === slug)!;

// Migration 2026-12-02-410: answers that now speak to the follow-ups their examples invite replace
// the shipped ones in the base set, but not an answer a branch rewrote; going down puts them back.
describe(`migration ${MIGRATION}`, () => {
  let t: TestDb;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
  let db: Kysely<any>;
  let migrator: Migrator;
  const textsOf = (slug: string) =>
    db.selectFrom('faq_entries').select(['answer', 'answer_en', 'questions']).where('slug', '=', slug).executeTakeFirstOrThrow();

  beforeAll(async () => {
    ({ t, db, migrator } = await openDbMigratedTo(BEFORE));
  });
  afterAll(async () => t.close());

  it('replaces the shipped answers, keeps one a branch rewrote, and goes back down exactly', async () => {
    expect(Object.keys(faqAnswers410)).toEqual(expect.arrayContaining(['party-school', 'thought-report', 'probation']));
    const partySchool = await textsOf('party-school');
    expect(partySchool.answer).toBe(shippedBefore('party-school').answer);
    const branchWrote = '本支部：党校安排见群公告。';
    await db.updateTable('faq_entries').set({ answer: branchWrote }).where('slug', '=', 'thought-report').execute();
    const versionBefore = await faqVersion(t.db);

    expect((await migrator.migrateTo(MIGRATION)).error).toBeUndefined();
    const after = await textsOf('party-school');
    expect(after.answer).toBe(faqAnswers410['party-school']!.answer);
    expect(after.answer).toContain('补考');
    expect(after.answer_en).toBe(faqAnswers410['party-school']!.answer_en);
    expect(after.questions).toEqual(partySchool.questions); // the examples are not touched
    expect((await textsOf('probation')).answer).toContain('党龄');
    expect((await textsOf('thought-report')).answer).toBe(branchWrote);
    expect(await faqVersion(t.db)).not.toBe(versionBefore);

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await textsOf('party-school')).toEqual(partySchool);
    expect((await textsOf('probation')).answer).toBe(shippedBefore('probation').answer);
    expect((await textsOf('thought-report')).answer).toBe(branchWrote);
  });
});
