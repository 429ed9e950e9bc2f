import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqReviewBasis } from '../../db/migrations/data/2026-12-02-230-faq-review-data.js';
import { faqBasis420, faqEntries420 } from '../../db/migrations/data/2026-12-03-420-faq-entries-data.js';
import { allEntries, faqBasis, faqVersion } from '../../src/features/faq/queries.js';
import { FaqMatcher } from '../../src/features/faq/matcher.js';
import { openDbMigratedTo } from '../support/migrator.js';
import type { TestDb } from '../support/test-db.js';

const MIGRATION = '2026-12-03-420-faq-entries';
const BEFORE = '2026-12-02-410-faq-answers';

// Migration 2026-12-03-420: three entries join the base set (organisational life, sanctions, proof of
// membership) and the basis names the regulations they follow; an operator's own entry under one of
// the slugs, or a basis they imported, stays. Going down takes out only what it added.
describe(`migration ${MIGRATION}`, () => {
  let t: TestDb;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
  let db: Kysely<any>;
  let migrator: Migrator;
  const slugs = () => allEntries(t.db).then((entries) => entries.map((e) => e.slug));

  beforeAll(async () => {
    ({ t, db, migrator } = await openDbMigratedTo(BEFORE));
  });
  afterAll(async () => t.close());

  it('adds the entries after the others and names the new texts, and goes back down exactly', async () => {
    const before = await slugs();
    expect(before).not.toContain('organisational-life');
    expect(await faqBasis(t.db)).toEqual(faqReviewBasis);
    const versionBefore = await faqVersion(t.db);

    expect((await migrator.migrateTo(MIGRATION)).error).toBeUndefined();
    expect(await slugs()).toEqual([...before, 'organisational-life', 'member-discipline', 'membership-proof']);
    expect(await faqBasis(t.db)).toEqual(faqBasis420);
    expect(faqBasis420.texts.join()).toContain('支部工作条例');
    expect(await faqVersion(t.db)).not.toBe(versionBefore);
    // the new entries answer what they were made for, in a database's own knowledge base
    const matcher = new FaqMatcher(await allEntries(t.db));
    expect(matcher.match('三会一课是什么')).toMatchObject({ slug: 'organisational-life', outcome: 'answer' });
    expect(matcher.match('党纪处分有哪几种')).toMatchObject({ slug: 'member-discipline', outcome: 'answer' });
    expect(matcher.match('入党以后会发党员证吗')).toMatchObject({ slug: 'membership-proof', outcome: 'answer' });

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await slugs()).toEqual(before);
    expect(await faqBasis(t.db)).toEqual(faqReviewBasis);
  });

  it('keeps an operator’s own entry under one of the slugs, and a basis they imported', async () => {
    const own = { ...faqEntries420[0]!, title: '本校：组织生活安排', answer: '见学院通知。', questions: ['组织生活什么时候'], keywords: [] };
    await db
      .insertInto('faq_entries')
      .values({ ...own, questions: JSON.stringify(own.questions), keywords: JSON.stringify(own.keywords), created_at: new Date(), updated_at: new Date() })
      .execute();
    const imported = { texts: ['本校发展党员实施办法'], reviewed: '2026-11-01' };
    await db
      .updateTable('faq_meta')
      .set({ basis: JSON.stringify(imported) })
      .where('id', '=', 1)
      .execute();

    expect((await migrator.migrateTo(MIGRATION)).error).toBeUndefined();
    const entries = await allEntries(t.db);
    expect(entries.filter((e) => e.slug === own.slug)).toMatchObject([{ title: own.title, answer: own.answer }]);
    expect(entries.map((e) => e.slug)).toContain('member-discipline');
    expect(await faqBasis(t.db)).toEqual(imported);

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect((await allEntries(t.db)).filter((e) => e.slug === own.slug)).toMatchObject([{ title: own.title }]);
    expect(await faqBasis(t.db)).toEqual(imported);
  });
});
