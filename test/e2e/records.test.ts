import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { createRecord, type NewRecord } from '../../src/features/records/service.js';
import { makeGroup, makeUser, type FakeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
// Tuesday 1 December 2026, 10:00 in Shanghai.
const START = new Date('2026-12-01T02:00:00Z');
const clock = new FixedClock(START);

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '张联络');
const league = makeUser(211, '赵团支书');
const counselor = makeUser(212, '钱辅导员');
const otherLiaison = makeUser(203, '陈联络');
const student = makeUser(301, '小明');
const stranger = makeUser(302, '路人');
const group = makeGroup(-9101, '计科2101班');
const otherGroup = makeGroup(-9102, '计科2102班');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(START);
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
  await setUpBranch();
});
afterEach(async () => {
  await h.stop();
  // bad input and forged buttons get an answer, never a crash
  expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
});

/** Secretary; CS2101 with two liaisons and a League secretary; CS2102 with one liaison. */
async function setUpBranch() {
  const setup = h.logs.find((l) => l.event === 'setup_link')!;
  await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
  for (const [g, code] of [
    [group, 'CS2101'],
    [otherGroup, 'CS2102'],
  ] as const) {
    await say.private(secretary, `/class_add ${g.title.replace('班', '')} ${code}`);
  }
  for (const [who, role, code] of [
    [liaisonA, 'liaison', 'CS2101'],
    [liaisonB, 'liaison', 'CS2101'],
    [league, 'league', 'CS2101'],
    [counselor, 'counselor', 'CS2101'],
    [otherLiaison, 'liaison', 'CS2102'],
  ] as const) {
    const [invite] = await say.private(secretary, `/invite ${role} ${code}`);
    await say.private(who, `/start ${inviteCodeIn(invite!)}`);
  }
}

const classId = async (code: string) => (await t.db.selectFrom('classes').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const personId = async (user: FakeUser) => (await t.db.selectFrom('people').select('id').where('telegram_user_id', '=', user.id).executeTakeFirstOrThrow()).id;
const lastAnswer = () => String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text ?? '');
const sinceMark = (since: number, user: FakeUser) =>
  h.api.calls
    .slice(since)
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && String(c.params.chat_id) === String(user.id))
    .map((c) => String(c.params.text ?? ''));

/** A press of any data by `user` in their private chat, as a forged or outdated button would arrive; returns what the bot sent. */
async function forge(user: FakeUser, data: string): Promise<string[]> {
  const since = h.api.mark();
  const anyMessage = h.api.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(user.id)).at(-1)!;
  const messageId = (anyMessage.response as { result: { message_id: number } }).result.message_id;
  await h.handled(h.api.pressButton(user, { chat: { id: user.id, type: 'private' }, message_id: messageId }, data));
  return sinceMark(since, user);
}

async function press(user: FakeUser, data: string): Promise<string[]> {
  const since = h.api.mark();
  await say.press(user, user.id, data);
  return sinceMark(since, user);
}

async function seed(code: string, record: Partial<NewRecord> & { name: string }): Promise<number> {
  const input: NewRecord = {
    classId: await classId(code),
    studentNo: null,
    stage: 'applicant',
    applied_on: '2023-09-10',
    activist_on: null,
    target_on: null,
    probationary_on: null,
    full_on: null,
    ...record,
  };
  const result = await createRecord(t.db, input, { personId: await personId(secretary), isSecretary: true }, clock.now(), '2026-12-01', {
    rules: ['activist_training', 'probation_year'],
    reason: 'seed',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return result.value.id;
}

const counts = async () => ({
  records: (await t.db.selectFrom('pipeline_records').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  changes: (await t.db.selectFrom('record_changes').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  stages: (await t.db.selectFrom('pipeline_stage_changes').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
});

describe('/person_add', () => {
  it('adds a person with the dates their stage needs, with history and an audit line', async () => {
    expect((await say.private(liaisonA, '/person_add')).join()).toContain('请输入姓名');
    expect((await say.private(liaisonA, '张三 2021001')).join()).toContain('张三 目前处于哪个阶段');
    expect((await press(liaisonA, 'ra:s:1')).join()).toContain('申请日期 → 积极分子日期');
    const confirm = await say.private(liaisonA, '2025-09-10 2026-03-01');
    expect(confirm.join()).toContain('确认添加到 <b>计科2101</b>');
    expect((await press(liaisonA, 'ra:ok')).join()).toContain('✅ 已把 张三（入党积极分子）添加到 计科2101');
    const record = await t.db.selectFrom('pipeline_records').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({ name: '张三', student_no: '2021001', stage: 'activist', applied_on: '2025-09-10', activist_on: '2026-03-01' });
    const history = await t.db.selectFrom('pipeline_stage_changes').selectAll().execute();
    expect(history).toEqual([expect.objectContaining({ from_stage: null, to_stage: 'activist', effective_on: '2026-03-01', exception_rule: null })]);
    const audit = await t.db.selectFrom('record_changes').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_id: await personId(liaisonA), record_id: record.id });
    expect(audit[0]!.detail).toMatchObject({ name: [null, '张三'], stage: [null, 'activist'], activist_on: [null, '2026-03-01'] });
  });

  it('answers bad input and writes nothing: a too-long name, bad and impossible dates, a wrong count', async () => {
    await say.private(liaisonA, '/person_add');
    expect((await say.private(liaisonA, '张'.repeat(51))).join()).toContain('姓名需要 1–50 个字');
    expect((await say.private(liaisonA, '<b>坏</b>')).join()).toContain('姓名需要');
    await say.private(liaisonA, '李四');
    await press(liaisonA, 'ra:s:1');
    expect((await say.private(liaisonA, '2025-09-10')).join()).toContain('需要 2 个日期');
    expect((await say.private(liaisonA, '2025-09-10 2026-02-30')).join()).toContain('第 2 个日期“2026-02-30”看不懂');
    expect((await say.private(liaisonA, '2025-09-10 2026-12-02')).join()).toContain('日期不能晚于今天');
    expect((await say.private(liaisonA, '2025-09-10 2025-09-01')).join()).toContain('不能早于递交入党申请书的日期');
    // A one-line form with a bad name is refused before anything opens.
    expect((await say.private(liaisonA, `/person_add ${'名'.repeat(60)}`)).join()).toContain('姓名需要');
    await say.private(liaisonA, '/cancel');
    expect(await counts()).toEqual({ records: 0, changes: 0, stages: 0 });
  });

  it('refuses a liaison a development target trained exactly a year; the secretary confirms an exception with a reason', async () => {
    await say.private(liaisonA, '/person_add 王五');
    await press(liaisonA, 'ra:s:2');
    const refused = await say.private(liaisonA, '2024-09-10 2025-11-20 2026-11-20');
    expect(refused.join()).toContain('第十三条');
    expect(refused.join()).toContain('最早 2026-11-21');
    expect(refused.join()).toContain('只有支部书记可以确认');
    expect(await counts()).toEqual({ records: 0, changes: 0, stages: 0 });

    await say.private(secretary, '/person_add 王五');
    await press(secretary, `ra:c:${await classId('CS2101')}`);
    await press(secretary, 'ra:s:2');
    const offer = await say.private(secretary, '2024-09-10 2025-11-20 2026-11-20');
    expect(offer.join()).toContain('你是支部书记，可以确认例外');
    await press(secretary, 'ra:exc');
    expect((await say.private(secretary, '跨学期培养，支委会已讨论')).join()).toContain('例外已记录');
    const change = await t.db.selectFrom('pipeline_stage_changes').selectAll().executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      exception_rule: 'activist_training',
      exception_reason: '跨学期培养，支委会已讨论',
      exception_by: await personId(secretary),
    });
  });
});

describe('/people', () => {
  it('lists the class by stage with counts, pages a long list and offers the export button', async () => {
    await seed('CS2101', { name: '甲', stage: 'activist', activist_on: '2026-03-01' });
    for (let i = 0; i < 24; i++) await seed('CS2101', { name: `申请人${String(i).padStart(2, '0')}` });
    await seed('CS2102', { name: '别班的人' });
    const id = await classId('CS2101');
    const list = await say.private(liaisonA, '/people');
    expect(list.join()).toContain('<b>计科2101</b> 入党培养名单：共 25 人');
    expect(list.join()).toContain('申请人 24 · 入党积极分子 1 · 发展对象 0');
    expect(list.join()).toContain('第 1/2 页');
    expect(list.join()).not.toContain('别班的人');
    const markup = JSON.stringify(h.api.callsTo('sendMessage').at(-1)!.params.reply_markup);
    expect(markup).toContain(`"callback_data":"px:${id}:xlsx"`);
    // the history pages too: 25 lines, ten a page
    const history = await say.private(liaisonA, '/record_history');
    expect(history.join()).toContain('（第 1 页）');
    expect(history.join()).toContain('添加 <b>申请人23</b>');
    expect(history.join()).not.toContain('别班的人');
    expect((await press(liaisonA, `pc:h:${id}:1`)).join()).toContain('（第 2 页）');
    expect((await press(liaisonA, `pc:h:${id}:2`)).join()).toContain('添加 <b>甲</b>');
    const page2 = await press(liaisonA, `pc:l:${id}:1`);
    expect(page2.join()).toContain('第 2/2 页');
    expect(page2.join()).toContain('24. 申请人23');
    expect(page2.join()).toContain('<b>入党积极分子</b>（1）\n25. 甲');
  });

  it('asks a secretary which class, and opens a person’s card', async () => {
    const recordId = await seed('CS2101', { name: '甲', stage: 'activist', activist_on: '2026-03-01', studentNo: 'S001' });
    expect((await say.private(secretary, '/people')).join()).toContain('请选择班级');
    await press(secretary, `pc:l:${await classId('CS2101')}:0`);
    const card = await press(secretary, `pc:o:${recordId}`);
    expect(card.join()).toContain('<b>甲</b>（S001） · 计科2101');
    expect(card.join()).toContain('确定为入党积极分子：2026-03-01');
    expect(card.join()).toContain('下一步：发展对象，按规定最早 2027-03-02');
    expect(card.join()).toContain('还缺：党校培训结业、两名培养联系人、本季度的思想汇报');
  });
});

describe('access', () => {
  it('shows a student nothing, and a liaison of another class nothing of this one', async () => {
    const recordId = await seed('CS2101', { name: '秘密的名字' });
    for (const command of ['/people', '/stage', '/person_add', '/thought_report', '/record_history']) {
      expect(await say.private(student, command)).toEqual([expect.stringContaining('只有本班联络员、团支书、辅导员和支部书记可以查看')]);
    }
    expect((await say.private(otherLiaison, '/people')).join()).not.toContain('秘密的名字');
    expect((await say.private(counselor, '/people')).join()).toContain('1. 秘密的名字');
    expect((await say.private(counselor, '/record_history')).join()).toContain('只有支部书记和本班联络员可以查看');
    expect((await say.private(otherLiaison, '/people CS2101')).join()).toContain('你负责的班级中没有“CS2101”');
    expect((await say.private(otherLiaison, '/record_history CS2101')).join()).toContain('你负责的班级中没有');
    // forged buttons naming the other class's person or class
    for (const data of [`pc:o:${recordId}`, `pc:s:${recordId}`, `pc:k:${recordId}`, `pc:ax:${recordId}`, `pc:l:${await classId('CS2101')}:0`]) {
      const sent = await forge(otherLiaison, data);
      expect(sent.join()).not.toContain('秘密的名字');
      expect(lastAnswer()).toContain('不在你负责的班级里');
    }
    expect(await forge(student, `pc:o:${recordId}`)).toEqual([]);
    expect(lastAnswer()).toContain('不在你负责的班级里');
    // garbage data is refused as out of date
    await forge(otherLiaison, 'pc:o:abc');
    expect(lastAnswer()).toContain('过期');
    const row = await t.db.selectFrom('pipeline_records').select(['archived_at']).where('id', '=', recordId).executeTakeFirstOrThrow();
    expect(row.archived_at).toBeNull();
    expect(await t.db.selectFrom('record_links').selectAll().execute()).toEqual([]);
  });

  it('refuses a forged pick of another class’s person inside the stage dialogue', async () => {
    const other = await seed('CS2102', { name: '别班的人' });
    await seed('CS2101', { name: '本班的人' });
    await say.private(liaisonA, '/stage');
    const sent = await forge(liaisonA, `rd:p:${other}`);
    expect(sent.join()).not.toContain('别班的人');
    expect(lastAnswer()).toContain('不在你负责的班级里');
  });
});

describe('/stage', () => {
  it('refuses exactly one year of training and takes a day more, keeping history and audit', async () => {
    const recordId = await seed('CS2101', { name: '甲', stage: 'activist', activist_on: '2025-11-20' });
    await say.private(liaisonA, '/stage');
    expect((await press(liaisonA, `rd:p:${recordId}`)).join()).toContain('入党积极分子 → <b>发展对象</b>');
    const refused = await say.private(liaisonA, '2026-11-20');
    expect(refused.join()).toContain('《中国共产党发展党员工作细则》第十三条');
    expect(refused.join()).toContain('只有支部书记可以确认');
    expect((await say.private(liaisonA, '2026-13-01')).join()).toContain('没看懂这个日期');
    expect((await say.private(liaisonA, '2026-12-05')).join()).toContain('日期不能晚于今天');
    expect((await say.private(liaisonA, '2026-11-21')).join()).toContain('确认：甲 入党积极分子 → <b>发展对象</b>，日期 2026-11-21');
    // a forged exception button from a liaison is refused
    await forge(liaisonA, 'rd:exc');
    expect(lastAnswer()).toContain('只有支部书记可以确认');
    expect((await press(liaisonA, 'rd:ok')).join()).toContain('✅ 已记录：甲 入党积极分子 → 发展对象（2026-11-21）');
    const record = await t.db.selectFrom('pipeline_records').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ stage: 'development_target', target_on: '2026-11-21' });
    const change = await t.db
      .selectFrom('pipeline_stage_changes')
      .selectAll()
      .where('record_id', '=', recordId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ from_stage: 'activist', to_stage: 'development_target', effective_on: '2026-11-21', changed_by: await personId(liaisonA) });
    const audit = await t.db.selectFrom('record_changes').selectAll().where('action', '=', 'stage').executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ stage: ['activist', 'development_target'], target_on: [null, '2026-11-21'] });
  });

  it('lets the branch secretary confirm an early full membership as an exception, recorded with the reason', async () => {
    const recordId = await seed('CS2101', {
      name: '乙',
      stage: 'probationary',
      activist_on: '2024-03-01',
      target_on: '2025-03-05',
      probationary_on: '2026-01-10',
    });
    await say.private(secretary, '/people CS2101');
    await press(secretary, `pc:o:${recordId}`);
    await press(secretary, `pc:s:${recordId}`);
    const offer = await say.private(secretary, '2026-11-30');
    expect(offer.join()).toContain('第三十二条');
    expect(offer.join()).toContain('最早 2027-01-10 转正');
    await press(secretary, 'rd:exc');
    expect((await say.private(secretary, '毕业离校前转正，上级党委同意')).join()).toContain('例外已记录');
    const change = await t.db
      .selectFrom('pipeline_stage_changes')
      .selectAll()
      .where('record_id', '=', recordId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({
      to_stage: 'full_member',
      exception_rule: 'probation_year',
      exception_reason: '毕业离校前转正，上级党委同意',
      exception_by: await personId(secretary),
    });
    // the history shows it
    const history = await say.private(secretary, '/record_history CS2101');
    expect(history.join()).toContain('变更阶段 <b>乙</b>');
    expect(history.join()).toContain('阶段：预备党员 → 正式党员');
    expect(history.join()).toContain('例外理由：— → 毕业离校前转正，上级党委同意');
  });
});

describe('thought reports, edits and archiving from the card', () => {
  it('records a thought report once, edits Party school, archives — each in the audit trail', async () => {
    const recordId = await seed('CS2101', { name: '丙', stage: 'activist', activist_on: '2026-03-01' });
    await forge(liaisonA, `pc:t:${recordId}`);
    expect((await press(liaisonA, 'rd:today')).join()).toContain('✅ 已登记 丙 2026-12-01 的思想汇报');
    await forge(liaisonA, `pc:t:${recordId}`);
    expect((await say.private(liaisonA, '2026年12月1日')).join()).toContain('已经登记过一份');
    expect(await t.db.selectFrom('thought_reports').selectAll().execute()).toHaveLength(1);

    await forge(liaisonA, `pc:e:${recordId}`);
    await press(liaisonA, 're:f:0');
    expect((await say.private(liaisonA, '2026-05-01 优秀')).join()).toContain('请写日期和结果');
    const saved = await say.private(liaisonA, '2026-05-01 结业');
    expect(saved.join()).toContain('✅ 已保存');
    expect(saved.join()).toContain('党校培训：2026-05-01 结业');
    await forge(liaisonA, `pc:e:${recordId}`);
    await press(liaisonA, 're:f:2');
    expect((await say.private(liaisonA, '王老师 李同学')).join()).toContain('培养联系人：王老师、李同学');

    await forge(liaisonA, `pc:a:${recordId}`);
    expect((await press(liaisonA, `pc:ax:${recordId}`)).join()).toContain('已归档 丙');
    expect((await say.private(liaisonA, '/people')).join()).toContain('名单还是空的');
    // the card's buttons are dead once the record is archived
    await forge(liaisonA, `pc:s:${recordId}`);
    expect(lastAnswer()).toContain('不在你负责的班级里');

    const audit = await t.db.selectFrom('record_changes').select(['action', 'detail']).where('record_id', '=', recordId).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'thought_report', 'update', 'update', 'archive']);
    expect(audit[2]!.detail).toEqual({ party_school_on: [null, '2026-05-01'], party_school_result: [null, 'passed'] });
    // the League secretary sees names but not the history; the liaison does
    expect((await say.private(league, '/record_history')).join()).toContain('只有支部书记和本班联络员可以查看');
    expect((await say.private(liaisonA, '/record_history')).join()).toContain('登记思想汇报 <b>丙</b>');
  });
});

describe('/my_progress', () => {
  it('shows the linked person their own progress, and nobody else anything', async () => {
    const recordId = await seed('CS2101', { name: '丁', stage: 'activist', activist_on: '2026-03-01', studentNo: 'S9' });
    await seed('CS2101', { name: '别人' });
    expect(await say.private(student, '/my_progress')).toEqual([expect.stringContaining('还没有绑定入党培养记录')]);
    await forge(liaisonA, `pc:k:${recordId}`);
    const linkText = h.api.callsTo('sendMessage').at(-1)!.params.text as string;
    const code = /\?start=(rec_[A-Za-z0-9_-]+)/.exec(linkText)![1]!;
    expect(await t.db.selectFrom('record_links').select('code_hash').executeTakeFirstOrThrow()).not.toMatchObject({ code_hash: code });
    expect((await say.private(student, `/start ${code}`)).join()).toContain('✅ 已绑定');
    const mine = (await say.private(student, '/my_progress')).join();
    expect(mine).toContain('<b>丁</b> 的入党进度');
    expect(mine).toContain('当前阶段：<b>入党积极分子</b>');
    expect(mine).toContain('下一步：发展对象，按规定最早 2027-03-02');
    expect(mine).toContain('本季度的思想汇报');
    expect(mine).not.toContain('别人');
    // the link works once; anybody else sees nothing
    expect((await say.private(stranger, `/start ${code}`)).join()).toContain('已经用过了');
    expect((await say.private(stranger, '/my_progress')).join()).toContain('还没有绑定');
    expect((await say.private(stranger, '/start rec_short')).join()).toContain('链接无效');
    const link = await t.db.selectFrom('record_changes').select(['action', 'actor_id']).where('action', '=', 'link').executeTakeFirstOrThrow();
    expect(link.actor_id).toBe(await personId(student));
  });
});

describe('one-line forms and probation extensions', () => {
  it('takes /thought_report NAME DATE and /stage NAME DATE among the caller’s own classes', async () => {
    await seed('CS2101', { name: '戊', applied_on: '2026-09-01' });
    await seed('CS2102', { name: '戊' });
    expect((await say.private(liaisonA, '/thought_report 戊 2026-08-31')).join()).toContain('不能早于递交入党申请书的日期');
    await say.private(liaisonA, '/cancel');
    expect((await say.private(liaisonA, '/thought_report 戊 2026-11-30')).join()).toContain('✅ 已登记 戊 2026-11-30 的思想汇报');
    expect((await say.private(liaisonA, '/stage 戊 2026-11-01')).join()).toContain('确认：戊 申请人 → <b>入党积极分子</b>，日期 2026-11-01');
    expect((await press(liaisonA, 'rd:ok')).join()).toContain('✅ 已记录');
    expect((await say.private(liaisonA, '/stage 戊 2026-08-31')).join()).toContain('日期不能早于上一阶段的日期（2026-11-01）');
    await say.private(liaisonA, '/cancel');
    expect((await say.private(liaisonA, '/stage 没有这人')).join()).toContain('没有找到“没有这人”');
    expect((await say.private(liaisonA, '/stage 戊 2026-02-30')).join()).toContain('没看懂这个日期');
    expect((await say.private(secretary, '/thought_report 戊')).join()).toContain('有不止一位“戊”');
    expect(await t.db.selectFrom('thought_reports').selectAll().execute()).toHaveLength(1);
  });

  it('extends probation by half a year to a year, and full membership waits for the extension', async () => {
    const recordId = await seed('CS2101', {
      name: '己',
      stage: 'probationary',
      activist_on: '2024-03-01',
      target_on: '2025-03-05',
      probationary_on: '2026-01-10',
    });
    await forge(liaisonA, `pc:e:${recordId}`);
    await press(liaisonA, 're:f:5');
    expect((await say.private(liaisonA, '2027-03-01')).join()).toContain('延长预备期不能少于半年（最早到 2027-07-10）');
    expect((await say.private(liaisonA, '2028-02-01')).join()).toContain('延长预备期最长不超过一年');
    const saved = (await say.private(liaisonA, '2027-08-01')).join();
    expect(saved).toContain('预备期延长至：2027-08-01');
    expect(saved).toContain('下一步：正式党员，按规定最早 2027-08-01');
    const audit = await t.db.selectFrom('record_changes').select('detail').where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ probation_until: [null, '2027-08-01'] });
  });
});
