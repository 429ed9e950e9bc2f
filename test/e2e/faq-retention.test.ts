import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { buttonsOf, deliverOutbox, lastSentTo, messageIdOf, pressOnLatest, setUpClass } from '../faq/setup.js';
import { loadLearningKb } from '../faq/learning-kb.js';

// Issue 12: classmates' questions are kept for QUESTION_RETENTION_DAYS (default 180), then a daily
// job deletes them with their inbox threads and the proposals nobody took up.

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
let clock: FixedClock;

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const student = makeUser(301, '小明');
const admin = makeUser(401, '群主');
const group = makeGroup(-5001, '计科2101班');
const DAY = 86_400_000;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadLearningKb(t.db);
  clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false, env: { QUESTION_RETENTION_DAYS: '30' } });
  say = conversation(h);
  await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group, admin });
});
afterEach(async () => h.stop());

const deliver = () => deliverOutbox(h, clock);
const lastTo = (chatId: number) => lastSentTo(h, chatId);
const questions = async () => (await t.db.selectFrom('faq_questions').select('question').orderBy('id').execute()).map((r) => r.question);

describe('stored questions are deleted after the retention time', () => {
  it(
    'deletes questions older than QUESTION_RETENTION_DAYS with their threads and undecided proposals; keeps younger ones and the knowledge it learnt',
    { timeout: 60_000 },
    async () => {
      await say.group(group, student, '/ask 党费交多少');
      // an old question, answered by a liaison, who files it under an entry; the secretary approves
      await say.private(student, '我想问一下党支部的培训');
      await deliver();
      const handoff = lastTo(liaisonA.id);
      await say.press(liaisonA, liaisonA.id, buttonsOf(handoff)[0]!.callback_data);
      await say.private(liaisonA, '发展对象要参加党校集中培训。');
      await deliver();
      await pressOnLatest(h, liaisonA, buttonsOf(lastTo(liaisonA.id))[1]!.callback_data);
      await say.private(secretary, '/faq_learn');
      await say.press(secretary, secretary.id, buttonsOf(lastTo(secretary.id))[0]!.callback_data);
      // and a "did you mean" press nobody decided on
      await say.private(student, '支部多久联系我');
      await say.press(student, student.id, buttonsOf(lastTo(student.id))[0]!.callback_data);
      expect(await t.db.selectFrom('inbox_messages').select('body').execute()).toEqual([{ body: '发展对象要参加党校集中培训。' }]);

      clock.advance(20 * DAY);
      await say.private(student, '党员活动室在哪里');
      clock.advance(9 * DAY);
      expect((await h.app.scheduler.tick())['faq.retention']).toBe('ran');
      expect(await questions()).toHaveLength(4); // 29 days: nothing is old enough yet

      clock.advance(2 * DAY); // the first three are 31 days old now, the last 11
      expect((await h.app.scheduler.tick())['faq.retention']).toBe('ran');
      expect(await questions()).toEqual(['党员活动室在哪里']);
      expect(await t.db.selectFrom('inbox_items').select(['state']).execute()).toEqual([{ state: 'open' }]);
      expect(await t.db.selectFrom('inbox_messages').select('body').execute()).toEqual([]);
      expect(await t.db.selectFrom('inbox_handoffs').select('state').execute()).toHaveLength(2); // the young item's two hand-offs
      // the approved example stays (it is knowledge-base content now); the undecided proposal went
      expect(await t.db.selectFrom('faq_examples').select(['question', 'state']).execute()).toEqual([
        { question: '我想问一下党支部的培训', state: 'approved' },
      ]);
      expect((await say.private(student, '我想问一下党支部的培训'))[0]).toContain('不少于三天');

      const list = (await say.private(secretary, '/unanswered')).join('\n');
      expect(list).toContain('（共 1 个）');
      expect(list).not.toContain('我想问一下党支部的培训');
      // the old hand-off's button finds nothing
      const since = h.api.mark();
      await h.handled(
        h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: messageIdOf(handoff) }, buttonsOf(handoff)[0]!.callback_data),
      );
      expect(h.api.calls.slice(since).find((c) => c.method === 'answerCallbackQuery')!.params.text).toBe('这个按钮已失效。');
      // a second run the same day does nothing
      expect((await h.app.scheduler.tick())['faq.retention']).toBe('not_due');
    },
  );
});
