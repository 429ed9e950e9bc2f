import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { faqHousekeepingSchedule } from '../../src/features/faq/housekeeping.js';
import type { QuestionStatus } from '../../src/features/faq/tables.js';
import { createLogger } from '../../src/logging/logger.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { FixedClock } from '../../src/shared/clock.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
const T0 = new Date('2026-12-02T20:00:00Z'); // 04:00 in Asia/Shanghai, after the daily 03:40
const DAY = 86_400_000;
const clock = new FixedClock(T0);
const scheduler = () =>
  new Scheduler({ db: t.db, clock, logger: createLogger('silent'), timeZone: 'Asia/Shanghai' }, [faqHousekeepingSchedule({ batchSize: 2 })]);
const ago = (days: number, extraMs = 0) => new Date(T0.getTime() - days * DAY - extraMs);

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(T0);
});

async function seedQuestions(rows: Array<[string, QuestionStatus, Date]>): Promise<Map<string, number>> {
  const asker = await t.db
    .insertInto('people')
    .values({ telegram_user_id: 7, first_name: '小明', last_name: null, username: null, language: 'zh' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const chat = await t.db.insertInto('chats').values({ telegram_chat_id: 7, type: 'private' }).returning('id').executeTakeFirstOrThrow();
  const ids = new Map<string, number>();
  for (const [i, [label, status, at]] of rows.entries()) {
    const row = await t.db
      .insertInto('faq_questions')
      .values({
        asker_id: asker.id,
        chat_id: chat.id,
        message_id: i + 1,
        class_id: null,
        branch_id: null,
        question: label,
        matched_slug: null,
        score: 0.5,
        status,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(label, row.id);
  }
  return ids;
}

describe('FAQ housekeeping', () => {
  it('forgets the questions the bot settled itself once 30 days old, in batches, and keeps the liaison inbox’s', async () => {
    const ids = await seedQuestions([
      ['answered-old', 'answered', ago(31)],
      ['suggested-old', 'suggested', ago(40)],
      ['answered-just-old', 'answered', ago(30, 1)],
      ['answered-recent', 'answered', ago(30, -1000)],
      ['routed-old', 'routed', ago(90)],
      ['recorded-old', 'recorded', ago(90)],
      ['resolved-old', 'resolved', ago(90)],
      ['answered-old-with-item', 'answered', ago(60)],
    ]);
    await t.db
      .insertInto('inbox_items')
      .values({
        kind: 'faq_question',
        client_ref: ids.get('answered-old-with-item')!,
        class_id: null,
        branch_id: null,
        anonymous: false,
        asker_id: null,
        state: 'open',
        routing: 'recorded',
        claimed_by: null,
        answered_by: null,
        created_at: ago(60),
        updated_at: ago(60),
      })
      .execute();

    expect(await scheduler().tick()).toEqual(expect.objectContaining({ 'faq.housekeeping': 'ran' }));

    const left = await t.db.selectFrom('faq_questions').select('question').orderBy('id').execute();
    expect(left.map((r) => r.question)).toEqual(['answered-recent', 'routed-old', 'recorded-old', 'resolved-old', 'answered-old-with-item']);
  });

  it('runs once a day', async () => {
    const s = scheduler();
    expect((await s.tick())['faq.housekeeping']).toBe('ran');
    clock.advance(6 * 3_600_000);
    expect((await s.tick())['faq.housekeeping']).toBe('not_due');
    clock.advance(20 * 3_600_000);
    expect((await s.tick())['faq.housekeeping']).toBe('ran');
  });
});
