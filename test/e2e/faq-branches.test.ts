import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportFaq } from '../../src/features/faq/service.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type FakeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { buttonsOf, deliverOutbox, lastSentTo, pressOnLatest, setUpClass, setUpOtherBranch } from '../faq/setup.js';
import { loadLearningKb } from '../faq/learning-kb.js';

// Issue 7 item 9: branches are separated. The base set is shared; each branch's changes, questions,
// unanswered list and learning proposals are its own, and no button, forged or not, reaches across.

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
let clock: FixedClock;
let branchA: number;
let branchB: number;

const secretaryA = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonA2 = makeUser(202, '赵联络');
const studentA = makeUser(301, '小明');
const groupA = makeGroup(-5001, '计科2101班');
const secretaryB = makeUser(111, '陈书记');
const liaisonB = makeUser(211, '周联络');
const liaisonB2 = makeUser(212, '吴联络');
const studentB = makeUser(311, '小刚');
const groupB = makeGroup(-5002, '软件2201班');
const stranger = makeUser(901, '路人');
const admin = makeUser(401, '群主');

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
  await setUpClass(h, { secretary: secretaryA, liaisons: [liaisonA, liaisonA2], group: groupA, admin });
  branchA = (await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow()).id;
  branchB = await setUpOtherBranch(h, t.db, {
    branch: '软件学院党支部',
    secretary: secretaryB,
    liaisons: [liaisonB, liaisonB2],
    group: groupB,
    admin,
    className: '软件2201',
    code: 'SE2201',
  });
  // the classmates used their class groups, so the bot knows their class (and branch) in private too
  await say.group(groupA, studentA, '/ask 党费交多少');
  await say.group(groupB, studentB, '/ask 党费交多少');
});
afterEach(async () => h.stop());

const deliver = () => deliverOutbox(h, clock);
const lastTo = (chatId: number) => lastSentTo(h, chatId);
const pressAs = (user: FakeUser, data: string) => pressOnLatest(h, user, data);
const entryYaml = (slug: string, title: string, answer: string, questions: string[], keywords: string[]) =>
  [
    `slug: ${slug}`,
    'category: 支部补充',
    `title: ${title}`,
    'answer: |',
    `  ${answer}`,
    'questions:',
    ...questions.map((q) => `  - ${q}`),
    `keywords: [${keywords.join(', ')}]`,
  ].join('\n');
const baseRows = () => t.db.selectFrom('faq_entries').selectAll().orderBy('id').execute();

describe('each branch has its own knowledge base on top of the shared base set', () => {
  // the first test of the file also warms up the matcher and the segmenter: a loaded machine needs more than the default
  it('edits and additions stay in the branch that made them', { timeout: 60_000 }, async () => {
    const base = await baseRows();

    // A changes a base entry and adds one of its own
    await say.private(secretaryA, '/faq_edit dues');
    expect(
      await say.private(
        secretaryA,
        entryYaml('dues', '学生党员交多少党费？', '本支部每学期初统一收取，每月0.2元。', ['党费交多少', '学生党费每月多少钱'], ['党费']),
      ),
    ).toEqual(['已保存 <code>dues</code>，立即生效。']);
    await say.private(secretaryA, '/faq_add');
    expect(
      await say.private(secretaryA, entryYaml('activity-room', '党员活动室在哪里？', '在学院楼 301。', ['党员活动室在哪'], ['党员活动室', '活动室'])),
    ).toEqual(['已新增 <code>activity-room</code>，立即生效。']);
    expect((await say.group(groupA, studentA, '/ask 党费交多少'))[0]).toContain('本支部每学期初统一收取');
    expect((await say.private(studentA, '党员活动室在哪里'))[0]).toContain('在学院楼 301');

    // B sees the base set: not A's version, not A's entry
    expect((await say.group(groupB, studentB, '/ask 党费交多少'))[0]).toContain('没有收入的学生党员每月交纳党费0.2元');
    expect((await say.private(studentB, '党员活动室在哪里')).join('\n')).not.toContain('学院楼 301');
    const listB = (await say.private(secretaryB, '/faq')).join('\n');
    expect(listB).toContain('（共 6 条）');
    expect(listB).not.toContain('activity-room');
    expect(listB).not.toMatch(/（本支部(修改过|新增)）/);
    const listA = (await say.private(secretaryA, '/faq')).join('\n');
    expect(listA).toContain('（共 7 条）');
    expect(listA).toContain('<code>dues</code> 学生党员交多少党费？（本支部修改过）');
    expect(listA).toContain('<code>activity-room</code> 党员活动室在哪里？（本支部新增）');

    // B can neither see nor change A's entry
    expect(await say.private(secretaryB, '/faq_edit activity-room')).toEqual([expect.stringContaining('没有找到条目“activity-room”')]);
    expect(await say.private(secretaryB, '/faq_delete activity-room')).toEqual([expect.stringContaining('没有找到条目“activity-room”')]);
    expect(await say.private(secretaryB, '/faq_reset dues')).toEqual(['本支部没有修改或删除过 <code>dues</code>。']);
    const [, yamlB] = await say.private(secretaryB, '/faq_edit dues');
    expect(yamlB).toContain('没有收入的学生党员每月交纳党费0.2元');
    await say.private(secretaryB, '/cancel');

    // the base set itself never changed; `faq export` is the base set
    expect(await baseRows()).toEqual(base);
    expect(await exportFaq(t.db)).not.toContain('本支部每学期初统一收取');
  });

  it('a base entry a branch deletes is gone for that branch only, and comes back with /faq_reset', async () => {
    const base = await baseRows();
    await say.private(secretaryA, '/faq_add');
    await say.private(secretaryA, entryYaml('activity-room', '党员活动室在哪里？', '在学院楼 301。', ['党员活动室在哪'], ['党员活动室', '活动室']));
    expect(await say.private(secretaryA, '/faq_delete party-school')).toEqual([
      '已在本支部删除 <code>party-school</code>，立即生效，其他支部不受影响。可以用 /faq_reset party-school 恢复。',
    ]);
    expect((await say.private(studentA, '党校培训要多久')).join('\n')).not.toContain('不少于三天');
    expect((await say.private(studentB, '党校培训要多久'))[0]).toContain('不少于三天');
    expect(await say.private(secretaryA, '/faq_reset party-school')).toEqual(['已恢复 <code>party-school</code> 的基础版本，立即生效。']);
    expect((await say.private(studentA, '党校培训要多久'))[0]).toContain('不少于三天');
    expect(await say.private(secretaryA, '/faq_reset activity-room')).toEqual([
      '<code>activity-room</code> 不是基础条目。本支部新增的条目可以用 /faq_delete activity-room 删除。',
    ]);
    expect(await say.private(secretaryA, '/faq_reset')).toEqual([expect.stringContaining('用法：/faq_reset slug')]);
    expect(await say.private(secretaryA, '/faq_delete activity-room')).toEqual(['已删除 <code>activity-room</code>，立即生效。']);
    expect((await say.private(studentA, '党员活动室在哪里')).join('\n')).not.toContain('学院楼 301');
    expect(await say.private(secretaryA, '/faq_delete class-liaisons')).toEqual([expect.stringContaining('不能删除')]);
    expect(await baseRows()).toEqual(base);
  });

  it('a secretary of two branches edits the branch they opened the edit in', async () => {
    await t.db
      .insertInto('role_assignments')
      .values({ person_id: (await personId(secretaryA))!, role: 'secretary', branch_id: branchB, class_id: null })
      .execute();
    await say.private(secretaryA, '/faq_add'); // their current branch: A, the first
    // they switch to B (as /branch does) before sending the entry: it still goes to A
    await t.db.updateTable('people').set({ current_branch_id: branchB }).where('telegram_user_id', '=', secretaryA.id).execute();
    expect(await say.private(secretaryA, entryYaml('activity-room', '党员活动室在哪里？', '在学院楼 301。', ['党员活动室在哪'], ['活动室']))).toEqual([
      '已新增 <code>activity-room</code>，立即生效。',
    ]);
    expect(await t.db.selectFrom('faq_branch_entries').select(['branch_id', 'slug']).execute()).toEqual([{ branch_id: branchA, slug: 'activity-room' }]);
  });
});

const personId = async (u: FakeUser) => (await t.db.selectFrom('people').select('id').where('telegram_user_id', '=', u.id).executeTakeFirst())?.id;

describe('questions and what they teach stay in their branch', () => {
  it('B’s secretary neither sees A’s questions nor answers, dismisses or decides on them with forged buttons', async () => {
    const since = h.api.mark();
    expect(await say.private(studentA, '党员活动室在哪里')).toEqual([expect.stringContaining('转给本班联络员')]);
    await deliver();
    const handoff = lastTo(liaisonA.id);
    const qid = Number(buttonsOf(handoff)[0]!.callback_data.split(':')[2]);
    const toB = h.api.calls.slice(since).filter((c) => [liaisonB.id, liaisonB2.id, secretaryB.id].map(String).includes(String(c.params.chat_id)));
    expect(toB).toEqual([]);

    expect(await say.private(secretaryB, '/unanswered')).toEqual(['目前没有待回复的问题。']);
    expect((await say.private(secretaryA, '/unanswered'))[0]).toContain('党员活动室在哪里');

    // forged buttons of B's secretary and B's liaison on A's question
    for (const someone of [secretaryB, liaisonB]) {
      expect((await pressAs(someone, `faq:a:${qid}`)).answers).toEqual(['只有该班的联络员或支部书记可以回复这个问题。']);
      expect((await pressAs(someone, `faq:d:${qid}`)).answers).toEqual(['这个按钮已失效。']);
    }
    const item = () => t.db.selectFrom('inbox_items').select(['state', 'claimed_by']).where('client_ref', '=', qid).executeTakeFirstOrThrow();
    expect(await item()).toEqual({ state: 'open', claimed_by: null });

    // A's liaison answers and proposes; B's secretary cannot decide on it, nor make entries from it
    await say.press(liaisonA, liaisonA.id, buttonsOf(handoff)[0]!.callback_data);
    await say.private(liaisonA, '在学院楼 301。');
    const [make, fileUnder] = buttonsOf(lastTo(liaisonA.id));
    await pressAs(liaisonA, make!.callback_data);
    await pressAs(liaisonA, fileUnder!.callback_data);
    for (const data of [make!.callback_data, fileUnder!.callback_data]) {
      expect((await pressAs(secretaryB, data)).answers).toEqual(['只有该班的联络员或支部书记可以回复这个问题。']);
    }
    expect(await say.private(secretaryB, '/faq_learn')).toEqual([expect.stringContaining('目前没有待审核的内容')]);
    const exampleId = (await t.db.selectFrom('faq_examples').select('id').executeTakeFirstOrThrow()).id;
    const entryId = (await t.db.selectFrom('faq_branch_entries').select('id').executeTakeFirstOrThrow()).id;
    const before = [await t.db.selectFrom('faq_examples').selectAll().execute(), await t.db.selectFrom('faq_branch_entries').selectAll().execute()];
    for (const data of [`fl:ok:${exampleId}:dues`, `fl:no:${exampleId}`, `fl:pub:${entryId}`, `fl:drop:${entryId}`]) {
      expect((await pressAs(secretaryB, data)).answers, data).toEqual(['这个按钮已失效。']);
    }
    expect([await t.db.selectFrom('faq_examples').selectAll().execute(), await t.db.selectFrom('faq_branch_entries').selectAll().execute()]).toEqual(before);
    // B's knowledge base did not learn A's question
    expect(await say.private(studentB, '/faq_learn')).toEqual(['抱歉，这个命令只有支部书记可以使用。']);
    const [header, ...items] = (await say.private(secretaryA, '/faq_learn')).slice(0, 3);
    expect(header).toContain('问法 1 条，新条目 1 个');
    expect(items).toHaveLength(2);
  });

  it('the secretary dismisses questions from /unanswered; the list is rewritten', async () => {
    for (const q of ['党员活动室在哪里', '党员活动室几点开门', '支部的党员活动室有空调吗']) await say.private(studentA, q);
    const [list] = await say.private(secretaryA, '/unanswered');
    expect(list).toContain('<b>待回复的问题</b>（共 3 个）');
    expect(list).toContain('1. ');
    const buttons = buttonsOf(lastTo(secretaryA.id));
    expect(buttons.map((b) => b.text)).toEqual(['✖ 1', '✖ 2', '✖ 3']);
    const dismissed = await pressAs(secretaryA, buttons[0]!.callback_data);
    expect(dismissed.answers).toEqual(['已忽略。']);
    expect(dismissed.edits).toEqual([expect.stringContaining('<b>待回复的问题</b>（共 2 个）')]);
    expect(dismissed.edits[0]).not.toContain('支部的党员活动室有空调吗'); // the latest was number 1
    // pressing it again: the item is closed, nothing else changes
    expect((await pressAs(secretaryA, buttons[0]!.callback_data)).edits).toEqual([expect.stringContaining('（共 2 个）')]);
    expect(await t.db.selectFrom('inbox_items').select('state').orderBy('id').execute()).toEqual([{ state: 'open' }, { state: 'open' }, { state: 'closed' }]);
  });
});

describe('private text from someone whose class the bot does not know', () => {
  it('is not stored and reaches no secretary; Party questions are still answered from the base set', async () => {
    for (let i = 0; i < 12; i++) {
      expect(await say.private(stranger, `加我微信领优惠券 ${i} 号`)).toEqual([
        '我只了解入党方面的问题。我还不知道你是哪个班的，没法转给你们班的联络员：请在班级群里用 /ask 提问，或在群里发送 /liaisons 找到他们。',
      ]);
    }
    expect(await say.private(stranger, '党员活动室在哪里')).toEqual([expect.stringContaining('我还不知道你是哪个班的')]);
    expect(
      await t.db
        .selectFrom('faq_questions')
        .select('id')
        .where('asker_id', '=', (await personId(stranger))!)
        .execute(),
    ).toEqual([]);
    expect(await t.db.selectFrom('inbox_items').select('id').execute()).toEqual([]);
    for (const s of [secretaryA, secretaryB]) expect(await say.private(s, '/unanswered')).toEqual(['目前没有待回复的问题。']);

    // two branches: a stranger gets the base set, not a branch's version
    await say.private(secretaryA, '/faq_edit dues');
    await say.private(secretaryA, entryYaml('dues', '学生党员交多少党费？', '本支部每学期初统一收取。', ['党费交多少'], ['党费']));
    const [answer] = await say.private(stranger, '党费交多少');
    expect(answer).toContain('没有收入的学生党员每月交纳党费0.2元');
    // "that didn't help": nobody to pass it to; the stranger is told where to ask
    const since = h.api.mark();
    await say.press(stranger, stranger.id, buttonsOf(lastTo(stranger.id))[0]!.callback_data);
    expect(
      h.api.calls
        .slice(since)
        .filter((c) => c.method === 'answerCallbackQuery')
        .map((c) => c.params.text),
    ).toEqual(['我还不知道你是哪个班的，没法转给联络员。请在班级群里用 /ask 提问，或在群里发送 /liaisons 找到本班联络员。']);
    expect(await t.db.selectFrom('inbox_items').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('faq_examples').select('id').execute()).toEqual([]);
  });

  it('an old item of no branch (stored before this version) is nobody’s: not listed, not answerable by any secretary', async () => {
    const asker = (await personId(studentA))!;
    const chat = (await t.db.selectFrom('chats').select('id').where('telegram_chat_id', '=', groupA.id).executeTakeFirstOrThrow()).id;
    const now = clock.now();
    const q = await t.db
      .insertInto('faq_questions')
      .values({
        asker_id: asker,
        chat_id: chat,
        message_id: 1,
        class_id: null,
        branch_id: null,
        question: '旧问题',
        status: 'recorded',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('inbox_items')
      .values({
        kind: 'faq_question',
        client_ref: q.id,
        class_id: null,
        branch_id: null,
        anonymous: false,
        asker_id: asker,
        state: 'open',
        routing: 'recorded',
        claimed_by: null,
        answered_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const s of [secretaryA, secretaryB]) {
      expect(await say.private(s, '/unanswered')).toEqual(['目前没有待回复的问题。']);
      expect((await pressAs(s, `faq:a:${q.id}`)).answers).toEqual(['只有该班的联络员或支部书记可以回复这个问题。']);
      expect((await pressAs(s, `faq:d:${q.id}`)).answers).toEqual(['这个按钮已失效。']);
    }
  });
});
