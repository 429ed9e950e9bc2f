import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { faqSeed } from '../../db/migrations/data/2026-11-26-004-faq-seed.js';
import { faqExamples360 } from '../../db/migrations/data/2026-12-02-360-faq-examples-data.js';
import { faqExamples370 } from '../../db/migrations/data/2026-12-02-370-faq-examples-data.js';
import { faqExamples390 } from '../../db/migrations/data/2026-12-02-390-faq-examples-data.js';
import { faqExamples400 } from '../../db/migrations/data/2026-12-02-400-faq-examples-data.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { parseFaqFile } from '../../src/features/faq/kb-file.js';
import { allEntries, entryBySlug, faqBasis, faqVersion } from '../../src/features/faq/queries.js';
import type { FaqEntry } from '../../src/features/faq/schemas.js';
import { FAQ_FILE } from '../faq/setup.js';
import { migratorFor } from '../support/migrator.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

const MIGRATION = '2026-12-02-230-faq-review';

const file = parseFaqFile(readFileSync(FAQ_FILE, 'utf8'));
if (!file.ok) throw new Error('db/faq/faq.yaml is invalid');
const reviewed = new Map(file.entries.map((e) => [e.slug, e]));
const review = (slug: string): FaqEntry => reviewed.get(slug)!;
/** The examples migrations 360, 370, 390 and 400 add later, after the ones 230 leaves. */
const later = (slug: string) => [
  ...(faqExamples360[slug] ?? []),
  ...(faqExamples370[slug] ?? []),
  ...(faqExamples390[slug] ?? []),
  ...(faqExamples400[slug] ?? []),
];
const beforeLater = (slug: string) => review(slug).questions.filter((q) => !later(slug).includes(q));
const seed = new Map(faqSeed.map((r) => [r.slug, r]));
const shipped004 = (slug: string): FaqEntry => {
  const r = seed.get(slug)!;
  return {
    slug,
    category: r.category,
    title: r.title,
    answer: r.answer,
    answerEn: r.answer_en,
    questions: [...r.questions],
    keywords: [...r.keywords],
    live: r.live,
  };
};

describe(`migration ${MIGRATION}: the reviewed knowledge base reaches existing databases`, () => {
  let t: TestDb;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
  let db: Kysely<any>;
  let versionBefore: number | null;

  beforeAll(async () => {
    t = await openTestDb();
    db = t.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const migrator = await migratorFor(db);
    const names = Object.keys(migrations);
    const previous = names[names.indexOf(MIGRATION) - 1]!;
    expect((await migrator.migrateTo(previous)).error).toBeUndefined();

    // a database as it was before: what 004 seeded ...
    expect(await allEntries(t.db)).toEqual(faqSeed.map((r) => shipped004(r.slug)));
    // ... and what the branch did with it since
    const set = (slug: string, values: Record<string, unknown>) => db.updateTable('faq_entries').set(values).where('slug', '=', slug).execute();
    await set('dues', { answer: '本支部：学生党员每月0.2元，交给组织委员小王。' }); // the secretary rewrote the answer
    await set('timeline', { questions: JSON.stringify([...shipped004('timeline').questions, '入党到底要熬几年']) }); // a liaison taught an example
    await set('eligibility', { questions: JSON.stringify(shipped004('eligibility').questions.filter((q) => q !== '我能入党吗')) }); // removed one
    await set('contact-branch', { category: '联系我们' });
    await db.deleteFrom('faq_entries').where('slug', '=', 'oath').execute();
    await db
      .insertInto('faq_entries')
      .values({
        slug: 'religion',
        category: '支部补充',
        title: '本支部关于宗教信仰的说明',
        answer: '请找支部书记面谈。',
        answer_en: null,
        questions: JSON.stringify(['信教能入党吗']),
        keywords: JSON.stringify(['宗教']),
        live: false,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    versionBefore = await faqVersion(t.db);
    await migrateToLatest(db);
  });
  afterAll(async () => t.close());

  it('updates an entry nobody touched to the reviewed one', async () => {
    expect(await entryBySlug(t.db, 'league-recommendation')).toEqual(review('league-recommendation'));
    expect(await entryBySlug(t.db, 'party-school')).toEqual(review('party-school'));
  });

  it('keeps the text the branch wrote (both languages and the title), and still brings the new examples and keywords', async () => {
    const dues = await entryBySlug(t.db, 'dues');
    expect(dues).toEqual({
      ...review('dues'),
      title: shipped004('dues').title,
      answer: '本支部：学生党员每月0.2元，交给组织委员小王。',
      answerEn: shipped004('dues').answerEn,
    });
  });

  it('keeps examples the branch added and leaves out those it removed', async () => {
    expect((await entryBySlug(t.db, 'timeline'))!).toEqual({
      ...review('timeline'),
      questions: [...beforeLater('timeline'), '入党到底要熬几年', ...later('timeline')],
    });
    const eligibility = await entryBySlug(t.db, 'eligibility');
    expect(eligibility).toEqual({ ...review('eligibility'), questions: review('eligibility').questions.filter((q) => q !== '我能入党吗') });
    expect(eligibility!.questions).not.toContain('我能入党吗');
    expect((await entryBySlug(t.db, 'contact-branch'))!.category).toBe('联系我们');
  });

  it('leaves a deleted entry deleted and the branch’s own entry under a new slug alone', async () => {
    expect(await entryBySlug(t.db, 'oath')).toBeUndefined();
    expect(await entryBySlug(t.db, 'religion')).toMatchObject({ category: '支部补充', answer: '请找支部书记面谈。', questions: ['信教能入党吗'] });
  });

  it('adds the new entries, after the old ones, records the texts it follows, and makes every process rebuild its index', async () => {
    const slugs = (await allEntries(t.db)).map((e) => e.slug);
    for (const slug of ['discipline-record', 'motives-benefits', 'league-vs-party', 'rights-duties', 'leaving-party', 'public-notice']) {
      expect(await entryBySlug(t.db, slug), slug).toEqual(review(slug));
    }
    expect(slugs.slice(0, 27)).toEqual(faqSeed.map((r) => r.slug).filter((s) => s !== 'oath'));
    expect(slugs).toHaveLength(file.entries.length - 1); // oath deleted; religion is the branch's own
    expect(await faqBasis(t.db)).toEqual(file.basis);
    expect(await faqVersion(t.db)).not.toBe(versionBefore);
  });
});
