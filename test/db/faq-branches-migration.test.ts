import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faqSeed } from '../../db/migrations/data/2026-11-26-004-faq-seed.js';
import { faqReviewEntries } from '../../db/migrations/data/2026-12-02-230-faq-review-data.js';
import { faqAnswers410 } from '../../db/migrations/data/2026-12-02-410-faq-answers-data.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migratorFor } from '../support/migrator.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/** The base text a row ends with: 410's where it rewrote the answer, else the reviewed one of migration 230 (which runs before 235), else the 004 seed. */
const shippedAnswer = (slug: string) =>
  faqAnswers410[slug]?.answer ?? (faqReviewEntries.find((e) => e.slug === slug) ?? faqSeed.find((e) => e.slug === slug))!.answer;

// Migration 2026-12-02-235: the knowledge base is split into the shared base set and each branch's
// rows; what secretaries had edited through the bot becomes their branch's; open FAQ items of no
// branch go to the only branch, or are closed when nobody can tell whose they are.

let t: TestDb;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema (kysely's own advice)
let db: Kysely<any>;
const now = new Date('2026-12-01T02:00:00Z');

beforeAll(async () => {
  t = await openTestDb();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  db = t.db as unknown as Kysely<any>;
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  const migrator = await migratorFor(db);
  expect((await migrator.migrateTo('2026-12-02-110-polled-updates')).error).toBeUndefined();
});

const seedRow = (slug: string) => {
  const e = faqSeed.find((s) => s.slug === slug)!;
  return {
    slug: e.slug,
    category: e.category,
    title: e.title,
    answer: e.answer,
    answer_en: e.answer_en,
    questions: JSON.stringify(e.questions),
    keywords: JSON.stringify(e.keywords),
    live: e.live,
    created_at: now,
    updated_at: now,
  };
};

async function person(telegramId: number, name: string): Promise<number> {
  return (await db.insertInto('people').values({ telegram_user_id: telegramId, first_name: name }).returning('id').executeTakeFirstOrThrow()).id;
}
async function branchWithClass(name: string): Promise<{ branchId: number; classId: number }> {
  const branchId = (await db.insertInto('branches').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
  const classId = (
    await db
      .insertInto('classes')
      .values({ branch_id: branchId, name: `${name}班`, code: name })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  return { branchId, classId };
}
/** An open FAQ question of no branch with its inbox item, as stored before (private text from someone of unknown class). */
async function questionOfNoBranch(askerId: number): Promise<number> {
  const chat = await db
    .insertInto('chats')
    .values({ telegram_chat_id: 9000 + askerId, type: 'private', title: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const q = await db
    .insertInto('faq_questions')
    .values({ asker_id: askerId, chat_id: chat.id, message_id: 1, question: '广告', status: 'recorded', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inbox_items')
    .values({
      kind: 'faq_question',
      client_ref: q.id,
      anonymous: false,
      asker_id: askerId,
      state: 'open',
      routing: 'recorded',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return q.id;
}

describe('migration 2026-12-02-235: FAQ branches', () => {
  it('with one branch: the secretary’s edits and the liaison’s entry become the branch’s, the base rows go back to the seed, items of no branch go to it', async () => {
    const { branchId, classId } = await branchWithClass('党支部');
    const secretary = await person(101, '书记');
    const liaison = await person(201, '联络员');
    const student = await person(301, '同学');
    await db.insertInto('role_assignments').values({ person_id: secretary, role: 'secretary', branch_id: branchId }).execute();
    await db.insertInto('role_assignments').values({ person_id: liaison, role: 'liaison', branch_id: branchId, class_id: classId }).execute();
    await db
      .insertInto('faq_entries')
      .values([
        { ...seedRow('eligibility') },
        { ...seedRow('dues'), answer: '本支部每学期初统一收取。', updated_by: secretary },
        { ...seedRow('oath'), slug: 'q-5', title: '党员活动室在哪里？', answer: '学院楼 301。', updated_by: liaison },
      ])
      .execute();
    await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq')) on conflict (id) do update set version = excluded.version`.execute(db);
    const qid = await questionOfNoBranch(student);

    await migrateToLatest(db);

    expect(await t.db.selectFrom('faq_branch_entries').select(['branch_id', 'slug', 'state', 'answer', 'updated_by']).orderBy('slug').execute()).toEqual([
      { branch_id: branchId, slug: 'dues', state: 'published', answer: '本支部每学期初统一收取。', updated_by: secretary },
      { branch_id: branchId, slug: 'q-5', state: 'published', answer: '学院楼 301。', updated_by: liaison },
    ]);
    // migration 230 also adds the reviewed knowledge base's new entries to the base: look at the rows this test wrote
    const base = await t.db
      .selectFrom('faq_entries')
      .select(['slug', 'answer', 'updated_by'])
      .where('slug', 'in', ['eligibility', 'dues', 'oath', 'q-5'])
      .orderBy('id')
      .execute();
    expect(base).toEqual([
      { slug: 'eligibility', answer: shippedAnswer('eligibility'), updated_by: null },
      { slug: 'dues', answer: shippedAnswer('dues'), updated_by: null },
    ]);
    expect(await t.db.selectFrom('faq_branch_meta').select('branch_id').execute()).toEqual([{ branch_id: branchId }]);
    expect(await t.db.selectFrom('faq_questions').select('branch_id').where('id', '=', qid).execute()).toEqual([{ branch_id: branchId }]);
    expect(await t.db.selectFrom('inbox_items').select(['branch_id', 'state']).execute()).toEqual([{ branch_id: branchId, state: 'open' }]);
  });

  it('with several branches: edits go to the editor’s branch, and items of no branch are closed', async () => {
    const a = await branchWithClass('一支部');
    const b = await branchWithClass('二支部');
    const secretaryB = await person(111, '二支部书记');
    const formerSecretary = await person(121, '已卸任');
    const student = await person(301, '同学');
    await db.insertInto('role_assignments').values({ person_id: secretaryB, role: 'secretary', branch_id: b.branchId }).execute();
    await db
      .insertInto('faq_entries')
      .values([
        { ...seedRow('dues'), answer: '二支部的说法。', updated_by: secretaryB },
        // edited by someone who holds no role now: nobody can tell whose it is, it stays in the base set
        { ...seedRow('oath'), answer: '无主的修改。', updated_by: formerSecretary },
      ])
      .execute();
    await questionOfNoBranch(student);

    await migrateToLatest(db);

    expect(await t.db.selectFrom('faq_branch_entries').select(['branch_id', 'slug', 'answer']).execute()).toEqual([
      { branch_id: b.branchId, slug: 'dues', answer: '二支部的说法。' },
    ]);
    expect(await t.db.selectFrom('faq_entries').select(['slug', 'answer']).where('slug', 'in', ['dues', 'oath']).orderBy('id').execute()).toEqual([
      { slug: 'dues', answer: shippedAnswer('dues') },
      { slug: 'oath', answer: '无主的修改。' },
    ]);
    expect(await t.db.selectFrom('inbox_items').select(['branch_id', 'state']).execute()).toEqual([{ branch_id: null, state: 'closed' }]);
    expect(a.branchId).not.toBe(b.branchId);
  });
});
