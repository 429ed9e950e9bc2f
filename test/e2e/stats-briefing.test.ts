import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { onboardBranch } from '../support/branch.js';
import { loadShippedFaq } from '../faq/setup.js';
import { conversation } from '../support/conversation.js';
import { deliverAll } from '../support/drive.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Issue 11 "What the class sees": /stats in the class group and the FAQ's class-stats answer (counts
// only, never a name), and the liaison's /briefing for the class meeting.

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const DAY = 86_400_000;

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const student = makeUser(301, '小明');
const group = makeGroup(-7001, '计科2101班');
const otherGroup = makeGroup(-7002, '计科2102班');
let cs2101 = 0;

/** Names that must never reach the class group, and names the briefing may announce. */
const PRIVATE_NAMES = ['丙秘密', '丁秘密', '戊秘密'];

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadShippedFaq(t.db);
  clock.set(new Date('2026-12-02T02:00:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
  await onboardBranch(
    h,
    say,
    secretary,
    ['/class_add 计科2101 CS2101', '/class_add 计科2102 CS2102'],
    [
      [liaisonA, 'CS2101'],
      [liaisonA, 'CS2102'],
      [liaisonB, 'CS2101'],
    ],
  );
  for (const [g, code] of [
    [group, 'CS2101'],
    [otherGroup, 'CS2102'],
  ] as const) {
    h.api.setChatMember(g.id, secretary.id, 'administrator');
    await say.group(g, secretary, `/bind ${code}`);
  }
  cs2101 = (await t.db.selectFrom('classes').select('id').where('code', '=', 'CS2101').executeTakeFirstOrThrow()).id;
  const now = clock.now();
  const record = (name: string, stage: string, extra: Record<string, string> = {}) => ({
    class_id: cs2101,
    name,
    stage: stage as 'activist',
    created_at: now,
    updated_at: now,
    ...extra,
  });
  const ids = await t.db
    .insertInto('pipeline_records')
    .values([
      record('丙秘密', 'applicant', { applied_on: '2026-10-10' }),
      record('丁秘密', 'applicant', { applied_on: '2026-03-01' }), // last term
      record('党校甲', 'activist', { applied_on: '2025-09-10', activist_on: '2025-11-01', party_school_on: '2026-11-15' }),
      record('戊秘密', 'activist', { applied_on: '2025-09-10', activist_on: '2025-11-01' }),
      record('推优乙', 'development_target', { league_recommended_on: '2026-09-20' }),
      record('预备丁', 'probationary', { probationary_on: '2026-06-01' }),
      record('正式戊', 'full_member', {}),
    ])
    .returning('id')
    .execute();
  await t.db
    .insertInto('thought_reports')
    .values([
      { record_id: ids[2]!.id, received_on: '2026-11-20', created_at: now },
      { record_id: ids[3]!.id, received_on: '2026-10-05', created_at: now },
      { record_id: ids[3]!.id, received_on: '2026-09-05', created_at: now }, // last quarter
    ])
    .execute();
});
afterEach(async () => {
  const failed = h.logs.filter((l) => l.event === 'update_failed');
  await h.stop();
  expect(failed).toEqual([]);
});

const FIGURES = [
  '<b>计科2101 党建情况</b>',
  '本学期递交入党申请书：1 份',
  '本季度收到思想汇报：2 份',
  '入党积极分子：2 名（其中参加党校学习 1 名）',
  '发展对象：1 名',
  '预备党员：1 名',
  '正式党员：1 名',
].join('\n');

const lastTo = (chatId: number) =>
  String(
    h.api.calls.filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && String(c.params.chat_id) === String(chatId)).at(-1)?.params.text ?? '',
  );

describe('/stats and the class-stats answer', { timeout: 120_000 }, () => {
  it('gives the class group its counts, never a name; an unbound group and a private chat are told where it works', async () => {
    const [answer] = await say.group(group, student, '/stats');
    expect(answer).toBe(FIGURES);
    for (const name of [...PRIVATE_NAMES, '党校甲', '推优乙']) expect(answer).not.toContain(name);

    const [other] = await say.group(otherGroup, student, '/stats');
    expect(other).toContain('<b>计科2102 党建情况</b>');
    expect(other).toContain('正式党员：0 名');

    const unbound = makeGroup(-7003, '随便聊');
    expect(await say.group(unbound, student, '/stats')).toEqual(['本群还没有绑定班级，暂时没有统计。请本班联络员发送 /bind 班级代码。']);
    expect(await say.private(student, '/stats')).toEqual(['这个命令请在班级群里使用。']);
  });

  it('answers the FAQ question about the class’s figures with the same counts in the group and in private once the class is known', async () => {
    const inGroup = await say.group(group, student, '/ask 我们班有几个党员');
    expect(inGroup.join('\n')).toContain(FIGURES);
    for (const name of PRIVATE_NAMES) expect(inGroup.join('\n')).not.toContain(name);

    // in private: the student has spoken in the class group, so their class is known
    const inPrivate = await say.private(student, '我们班有几个党员');
    expect(inPrivate.join('\n')).toContain(FIGURES);

    // somebody whose class is not known is told how to find out
    const stranger = makeUser(399, '路人');
    const unknown = await say.private(stranger, '我们班有几个党员');
    expect(unknown.join('\n')).toContain('我还不知道你是哪个班的');
  });
});

describe('/briefing', { timeout: 120_000 }, () => {
  async function seedReportAndNotices() {
    const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
    const now = clock.now();
    const deadline = await t.db
      .insertInto('report_deadlines')
      .values({
        branch_id: branch.id,
        name: '月报',
        rule: {},
        tag: null,
        created_by: null,
        created_at: now,
        stopped_at: null,
        opened_due_at: null,
        next_due_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const occurrence = await t.db
      .insertInto('report_occurrences')
      .values({ deadline_id: deadline.id, due_at: new Date(now.getTime() - 2 * DAY), period: '2026-11', opened_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('class_reports')
      .values({ occurrence_id: occurrence.id, class_id: cs2101, state: 'submitted', highlights: '组织了<读书会>', submitted_at: now })
      .execute();
    const notice = (text: string, daysAgo: number, retracted = false) => ({
      branch_id: branch.id,
      author_id: null,
      kind: 'text' as const,
      text,
      file_id: null,
      send_at: new Date(now.getTime() - daysAgo * DAY),
      nudge_at: null,
      created_at: now,
      retracted_at: retracted ? now : null,
    });
    await t.db
      .insertInto('notices')
      .values([notice('\n党课：学习二十大精神\n地点：图书馆', 3), notice('志愿服务活动报名', 20), notice('很久以前的通知', 40), notice('撤回的通知', 2, true)])
      .execute();
  }

  it('prepares the briefing for a liaison’s class (chosen when several), posts it to the class group once through the outbox', async () => {
    await seedReportAndNotices();
    const [pick] = await say.private(liaisonA, '/briefing');
    expect(pick).toBe('<b>为哪个班准备班会通报？</b>');
    await say.press(liaisonA, liaisonA.id, `bf:class:${cs2101}`);
    const briefing = lastTo(liaisonA.id);
    expect(briefing).toContain('<b>【计科2101 · 班会党建通报】</b>');
    expect(briefing).toContain('· 本学期递交入党申请书 1 份');
    expect(briefing).toContain('· 本季度收到思想汇报 2 份');
    expect(briefing).toContain('· 入党积极分子 2 名，其中 1 名参加了党校学习');
    expect(briefing).toContain('  参加党校学习：党校甲');
    expect(briefing).toContain('· 现有党员 2 名（预备党员 1 名，正式党员 1 名）');
    expect(briefing).toContain('· 本学期团组织推优：推优乙');
    expect(briefing).toContain('<b>上次报告（2026-11）的亮点</b>\n组织了&lt;读书会&gt;');
    expect(briefing).toContain('· 党课：学习二十大精神');
    expect(briefing).toContain('· 志愿服务活动报名');
    expect(briefing).not.toContain('很久以前');
    expect(briefing).not.toContain('撤回');
    for (const name of PRIVATE_NAMES) expect(briefing).not.toContain(name);
    const intro = h.api.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === liaisonA.id).at(-2)!.params.text;
    expect(String(intro)).toContain('它会原样转发到班级群');

    await say.press(liaisonA, liaisonA.id, 'bf:post');
    expect(lastTo(liaisonA.id)).toBe('好的，通报会发到班级群里。');
    await deliverAll(h, clock);
    expect(lastTo(group.id)).toBe(briefing);
    // a second press of the same button posts nothing more
    const sent = h.api.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === group.id).length;
    await say.press(liaisonA, liaisonA.id, 'bf:post');
    await deliverAll(h, clock);
    expect(h.api.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === group.id)).toHaveLength(sent);
    expect(String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text)).toBe('这个操作已过期，请重新开始。');
  });

  it('lets the liaison send an edited text (escaped, length checked) and post that; refuses others', async () => {
    const opened = await say.private(liaisonB, '/briefing'); // one class: straight to the briefing
    expect(opened[1]).toContain('<b>【计科2101 · 班会党建通报】</b>');
    await say.press(liaisonB, liaisonB.id, 'bf:edit');
    expect(lastTo(liaisonB.id)).toContain('请把改好的通报作为一条文字消息发给我');
    expect(await say.private(liaisonB, '长'.repeat(3501))).toEqual(['这段通报有 3501 个字，需要 1 到 3500 个字；请修改后再发送。']);
    const edited = await say.private(liaisonB, '本周班会：<b>党课</b> & 推优');
    expect(edited[1]).toBe('本周班会：&lt;b&gt;党课&lt;/b&gt; &amp; 推优');
    await say.press(liaisonB, liaisonB.id, 'bf:post');
    await deliverAll(h, clock);
    expect(lastTo(group.id)).toBe('本周班会：&lt;b&gt;党课&lt;/b&gt; &amp; 推优');

    // a forged class button: not the liaison's class
    await say.private(liaisonA, '/briefing');
    const cs2102 = (await t.db.selectFrom('classes').select('id').where('code', '=', 'CS2102').executeTakeFirstOrThrow()).id;
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, `bf:class:${cs2101 + cs2102 + 100}`));
    expect(String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text)).toBe('这个操作已过期，请重新开始。');

    expect(await say.private(student, '/briefing')).toEqual(['/briefing 是班级联络员准备班会党建通报用的。你目前不是任何班级的联络员。']);
    expect(await say.group(group, liaisonB, '/briefing')).toEqual(['请在与我的私聊中使用这个命令。']);
  });

  it('says so when the class has no bound group, and keeps the briefing to forward', async () => {
    await t.db.updateTable('chats').set({ active: false }).where('telegram_chat_id', '=', group.id).execute();
    await say.private(liaisonB, '/briefing');
    await say.press(liaisonB, liaisonB.id, 'bf:post');
    expect(lastTo(liaisonB.id)).toContain('这个班还没有绑定班级群');
    expect(await t.db.selectFrom('dialogues').select('step').execute()).toEqual([{ step: 'preview' }]);
  });
});
