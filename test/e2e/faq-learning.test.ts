import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type FakeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, textOf, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { buttonsOf, deliverOutbox, lastSentTo, pressOnLatest, setUpClass } from '../faq/setup.js';
import { loadLearningKb } from '../faq/learning-kb.js';

// Issue 12 "a knowledge base that learns" and issue 7 item 10: presses and liaisons propose, the
// branch's secretary decides in /faq_learn, and an approval takes effect at once in every process.

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
let clock: FixedClock;

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const student = makeUser(301, '小明');
const other = makeUser(302, '小红');
const admin = makeUser(401, '群主');
const group = makeGroup(-5001, '计科2101班');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadLearningKb(t.db);
  clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
  await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group, admin });
  // both classmates used the class group, so the bot knows their class (and branch) in private
  await say.group(group, student, '/ask 党费交多少');
  await say.group(group, other, '/ask 党费交多少');
});
afterEach(async () => h.stop());

const deliver = () => deliverOutbox(h, clock);
const lastTo = (chatId: number, api = h.api) => lastSentTo({ api }, chatId);
const pressAs = (user: FakeUser, data: string) => pressOnLatest(h, user, data);
const examples = () => t.db.selectFrom('faq_examples').selectAll().orderBy('id').execute();
const branchEntries = () => t.db.selectFrom('faq_branch_entries').select(['slug', 'state', 'title', 'answer']).orderBy('id').execute();
/** The /faq_learn messages: the header, then one message per item with its buttons. */
async function learnList() {
  const since = h.api.mark();
  await h.handled(h.api.sendPrivateText(secretary, '/faq_learn'));
  return h.api.calls.slice(since).filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(secretary.id));
}

async function secondPool(): Promise<{ db: Db; close(): Promise<void> }> {
  if (t.kind === 'pglite') return { db: t.db, close: async () => {} };
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
  const db = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema });
  return { db, close: () => db.destroy() };
}

describe('the knowledge base learns from classmates’ presses', () => {
  it('a "did you mean" press proposes the question; once the secretary approves it, every app on the database answers it', async () => {
    // a second app on the same database (on PostgreSQL through its own pool): its index is built before the approval
    const pool = await secondPool();
    const h2 = await startHarness({ db: pool.db, clock, runDispatcher: false });
    const say2 = conversation(h2);
    try {
      // its fake Bot API numbers updates apart from the first one's (both record update ids in the one database)
      const from = { id: 999, is_bot: false, first_name: '路人' };
      const message = { message_id: 1, date: 0, chat: { id: 999, type: 'private', first_name: '路人' }, from, text: '/help' };
      await h2.handled(h2.api.pushUpdate(<never>{ update_id: 1_000_000, message }));
      expect(await say2.private(other, '支部多久联系我')).toEqual(['你是不是想问：']);

      expect(await say.private(student, '支部多久联系我')).toEqual(['你是不是想问：']);
      const talk = buttonsOf(lastTo(student.id)).find((b) => b.callback_data.endsWith(':application-talk'))!;
      await say.press(student, student.id, talk.callback_data);
      expect(textOf(lastTo(student.id))).toContain('一个月内派人同入党申请人谈话');
      // the question text only: no asker, no question id, nobody has decided yet
      expect(await examples()).toEqual([
        {
          id: expect.any(Number),
          branch_id: expect.any(Number),
          question: '支部多久联系我',
          slug: 'application-talk',
          not_slug: null,
          source: 'suggestion',
          state: 'pending',
          proposed_by: null,
          decided_by: null,
          created_at: expect.any(Date),
          decided_at: null,
        },
      ]);
      // proposed is not approved: nothing changes for the next asker
      expect(await say.private(other, '支部多久联系我')).toEqual(['你是不是想问：']);

      const [header, item] = await learnList();
      expect(textOf(header!)).toBe('<b>待审核</b>：问法 1 条，新条目 0 个。下面是最早的几条；处理完后再发送 /faq_learn 查看其余的。');
      expect(textOf(item!)).toBe(
        '<b>问法</b> · 同学在“你是不是想问”里选了这一条\n问：支部多久联系我\n归入：递交申请书后会有谈话吗？（<code>application-talk</code>）',
      );
      expect(buttonsOf(item!).map((b) => b.text)).toEqual(['✅ 加入', '❌ 不要']);
      const approve = await pressAs(secretary, buttonsOf(item!)[0]!.callback_data);
      expect(approve.edits).toEqual(['✅ 已把“支部多久联系我”归入“递交申请书后会有谈话吗？”，立即生效。']);

      // no restart: this app and the other one both answer it now
      expect((await say.private(other, '支部多久联系我'))[0]).toContain('一个月内派人同入党申请人谈话');
      expect((await say2.private(other, '支部多久联系我'))[0]).toContain('一个月内派人同入党申请人谈话');
      expect(await say.private(secretary, '/faq_learn')).toEqual([expect.stringContaining('目前没有待审核的内容')]);
      // pressing the decided button again changes nothing
      expect((await pressAs(secretary, buttonsOf(item!)[0]!.callback_data)).answers).toEqual(['这一条已经处理过了。']);
    } finally {
      await h2.stop();
      await pool.close();
    }
  });

  it('"that didn’t help" proposes the question without an entry; the secretary files it under a close entry (never the one that did not help) or rejects it', async () => {
    await say.group(group, student, '/ask 积极分子要上课多久');
    const wrong = lastTo(group.id);
    expect(textOf(wrong)).toContain('积极分子要培养多久');
    await say.press(student, group.id, buttonsOf(wrong)[0]!.callback_data);
    await deliver();
    expect(textOf(lastTo(liaisonA.id))).toContain('积极分子要上课多久'); // it still goes to the liaisons

    expect(await say.private(student, '党员活动室是哪个房间')).toEqual([expect.stringContaining('转给本班联络员')]);

    const [, first] = await learnList();
    expect(textOf(first!)).toBe('<b>问法</b> · 同学觉得回答“积极分子要培养多久？”没有帮助\n问：积极分子要上课多久\n应该归入哪个条目？选一个，或者不要。');
    expect(buttonsOf(first!).map((b) => b.text)).toEqual(['➕ 党校培训是什么？', '➕ 递交申请书后会有谈话吗？', '❌ 不要']);
    const filed = await pressAs(secretary, buttonsOf(first!)[0]!.callback_data);
    expect(filed.edits).toEqual(['✅ 已把“积极分子要上课多久”归入“党校培训是什么？”，立即生效。']);
    expect((await say.group(group, other, '/ask 积极分子要上课多久'))[0]).toContain('不少于三天');

    // a question to reject: "none of these" under suggestions
    await say.private(other, '交完申请书多久有回音');
    await say.press(other, other.id, buttonsOf(lastTo(other.id)).at(-1)!.callback_data);
    const [, second] = await learnList();
    expect(textOf(second!)).toContain('同学觉得几个建议都不对\n问：交完申请书多久有回音');
    const rejected = await pressAs(secretary, buttonsOf(second!).at(-1)!.callback_data);
    expect(rejected.edits).toEqual(['❌ 不采用：交完申请书多久有回音']);
    // the same question pressed again later is not proposed twice
    await say.private(student, '交完申请书多久有回音');
    await say.press(student, student.id, buttonsOf(lastTo(student.id)).at(-1)!.callback_data);
    expect((await examples()).map((e) => [e.question, e.state, e.slug])).toEqual([
      ['积极分子要上课多久', 'approved', 'party-school'],
      ['交完申请书多久有回音', 'rejected', null],
    ]);
  });
});

describe('the knowledge base learns from the liaisons, after the secretary’s review (issue 7 item 10)', () => {
  /** A classmate's private question nobody could answer, answered by liaison A; returns the confirmation A got. */
  async function answeredByLiaison(question: string, answer: string) {
    await say.private(student, question);
    await deliver();
    await say.press(liaisonA, liaisonA.id, buttonsOf(lastTo(liaisonA.id))[0]!.callback_data);
    const [done] = await say.private(liaisonA, answer);
    expect(done).toBe(
      '已把你的回答发给提问的同学。\n\n要让我以后自己回答类似的问题，可以把回答存为新条目，或把这个问题归入下面某个已有条目。提交后由支部书记在 /faq_learn 审核，通过后生效。',
    );
    return lastTo(liaisonA.id);
  }

  it('one tap files the question under an existing entry, or makes a new entry; both wait for the secretary', async () => {
    const confirmation = await answeredByLiaison('我想问一下党支部的培训', '发展对象要参加党校集中培训，一般三天。');
    expect(buttonsOf(confirmation).map((b) => b.text)).toEqual(['存为问答条目', '➕ 归入：党校培训是什么？', '➕ 归入：积极分子要培养多久？']);
    const [make, fileUnder] = buttonsOf(confirmation);

    // nobody but the liaison who answered (or the secretary) may use these buttons
    for (const someone of [liaisonB, student]) {
      expect((await pressAs(someone, fileUnder!.callback_data)).answers).toEqual(['只有该班的联络员或支部书记可以回复这个问题。']);
      expect((await pressAs(someone, make!.callback_data)).answers).toEqual(['只有该班的联络员或支部书记可以回复这个问题。']);
    }
    expect(await examples()).toEqual([]);

    expect((await pressAs(liaisonA, fileUnder!.callback_data)).sent).toEqual(['已提交给支部书记审核：把这个问题归入“党校培训是什么？”。']);
    expect((await pressAs(liaisonA, make!.callback_data)).sent).toEqual([
      expect.stringMatching(/^已提交给支部书记审核（<code>q-\d+<\/code>）。审核通过后，类似的问题我会直接回答。$/),
    ]);
    expect((await pressAs(liaisonA, make!.callback_data)).sent).toEqual([expect.stringMatching(/^这个问题已经存为问答条目/)]);
    // nothing is published yet
    expect(await say.private(other, '我想问一下党支部的培训')).toEqual([expect.stringContaining('转给本班联络员')]);
    expect((await say.private(secretary, '/faq')).join('\n')).not.toContain('q-');

    const [header, entryItem, exampleItem] = await learnList();
    expect(textOf(header!)).toContain('问法 1 条，新条目 1 个');
    expect(textOf(entryItem!)).toMatch(
      /^<b>新条目<\/b> <code>q-\d+<\/code> · 联络员 李联络 提议\n<b>我想问一下党支部的培训<\/b>\n发展对象要参加党校集中培训，一般三天。$/,
    );
    expect(textOf(exampleItem!)).toBe('<b>问法</b> · 联络员 李联络 提议\n问：我想问一下党支部的培训\n归入：党校培训是什么？（<code>party-school</code>）');

    expect((await pressAs(secretary, buttonsOf(exampleItem!)[0]!.callback_data)).edits).toEqual([
      '✅ 已把“我想问一下党支部的培训”归入“党校培训是什么？”，立即生效。',
    ]);
    expect((await say.private(other, '我想问一下党支部的培训'))[0]).toContain('不少于三天');

    // the secretary turns the proposed entry down: it is gone, and the question may be proposed again
    const dropped = await pressAs(secretary, buttonsOf(entryItem!)[1]!.callback_data);
    expect(dropped.edits).toEqual([expect.stringMatching(/^❌ 不采用 <code>q-\d+<\/code>（我想问一下党支部的培训）。$/)]);
    expect(await branchEntries()).toEqual([]);
    expect((await pressAs(liaisonA, make!.callback_data)).sent).toEqual([expect.stringMatching(/^已提交给支部书记审核/)]);
    const [, again] = await learnList();
    expect((await pressAs(secretary, buttonsOf(again!)[0]!.callback_data)).edits).toEqual([expect.stringMatching(/^✅ 已发布 <code>q-\d+<\/code>/)]);
    expect(await branchEntries()).toEqual([
      { slug: expect.stringMatching(/^q-\d+$/), state: 'published', title: '我想问一下党支部的培训', answer: '发展对象要参加党校集中培训，一般三天。' },
    ]);
    expect((await say.private(secretary, '/faq')).join('\n')).toMatch(/<code>q-\d+<\/code> 我想问一下党支部的培训（本支部新增）/);
  });

  it('the answer step takes one text message of at most 3000 characters; anything else gets a short note and the step waits', async () => {
    await say.private(student, '党员活动室在哪里');
    await deliver();
    await say.press(liaisonA, liaisonA.id, buttonsOf(lastTo(liaisonA.id))[0]!.callback_data);
    const sticker = {
      message_id: 77,
      date: 0,
      chat: { id: liaisonA.id, type: 'private', first_name: liaisonA.first_name },
      from: { ...liaisonA, is_bot: false },
    };
    const since = h.api.mark();
    await h.handled(
      h.api.pushUpdate(<never>{
        message: { ...sticker, sticker: { file_id: 'x', file_unique_id: 'x', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } },
      }),
    );
    expect(
      h.api.calls
        .slice(since)
        .filter((c) => c.method === 'sendMessage')
        .map(textOf),
    ).toEqual(['请用文字发送回答，或发送 /cancel 取消。']);
    expect(await say.private(liaisonA, '长'.repeat(3001))).toEqual(['回答太长了（最多 3000 字），请精简后重新发送，或发送 /cancel 取消。']);
    expect(await say.private(liaisonA, '在学院楼 301。')).toEqual([expect.stringMatching(/^已把你的回答发给提问的同学。/)]);
    // the dialogue is over: the next private text is a question again, not a second answer
    expect(await say.private(liaisonA, '党费交多少')).toEqual([expect.stringContaining('0.2元')]);
    expect(await t.db.selectFrom('inbox_messages').select('body').execute()).toEqual([{ body: '在学院楼 301。' }]);
  });

  it('what the secretary files or makes from an answered question takes effect at once', async () => {
    const confirmation = await answeredByLiaison('党员活动室在哪里', '在学院楼 301，工作日开放。');
    const [make] = buttonsOf(confirmation);
    expect((await pressAs(secretary, make!.callback_data)).sent).toEqual([expect.stringMatching(/^已加入知识库（<code>q-\d+<\/code>）/)]);
    expect((await say.private(other, '支部的党员活动室在什么地方'))[0]).toContain('在学院楼 301');
  });

  it('refuses forged, stale and malformed learning buttons and changes nothing', async () => {
    await say.private(student, '支部多久联系我');
    await say.press(student, student.id, buttonsOf(lastTo(student.id))[0]!.callback_data);
    const [, item] = await learnList();
    const id = (await examples())[0]!.id;
    const before = await examples();
    for (const data of [`fl:ok:${id}`, `fl:ok:${id}:Bad_Slug`, 'fl:ok:999999:dues', `fl:pub:${id}`, `fl:drop:${id}`, 'fl:maybe:1', `fl:no:${id}:dues`, 'fl']) {
      expect((await pressAs(secretary, data)).answers, data).toEqual(['这个按钮已失效。']);
    }
    // an entry the branch does not have
    expect((await pressAs(secretary, `fl:ok:${id}:no-such-entry`)).answers).toEqual(['这个条目已不在本支部的知识库里。']);
    // a classmate or a liaison pressing the secretary's button
    for (const someone of [student, liaisonA]) expect((await pressAs(someone, buttonsOf(item!)[0]!.callback_data)).answers).toEqual(['这个按钮已失效。']);
    expect(await examples()).toEqual(before);
    expect(await say.private(student, '/faq_learn')).toEqual(['抱歉，这个命令只有支部书记可以使用。']);
    expect(await say.private(liaisonA, '/faq_learn')).toEqual(['抱歉，这个命令只有支部书记可以使用。']);
    expect(await say.group(group, secretary, '/faq_learn')).toEqual(['请在与我的私聊中使用这个命令。']);
  });
});
