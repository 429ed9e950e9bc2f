import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeadline } from '../../src/features/reports/service.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type FakeUser, type UploadedFile } from '../support/fake-bot-api/index.js';
import { onboardBranch } from '../support/branch.js';
import { conversation } from '../support/conversation.js';
import { deliverAll } from '../support/drive.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-11-20T02:00:00Z')); // 10:00 in Asia/Shanghai

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const liaisonC = makeUser(203, '钱联络', { language_code: 'en' });
const student = makeUser(301, '小明');
const group = makeGroup(-7001, '计科2101班');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(new Date('2026-11-20T02:00:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
  await setUpBranch();
});
afterEach(async () => {
  const failed = h.logs.filter((l) => l.event === 'update_failed');
  await h.stop();
  expect(failed).toEqual([]);
});

/** Secretary, three classes; A and B are the liaisons of CS2101, C of CS2102; a monthly report due on the 30th at 18:00. */
async function setUpBranch() {
  await onboardBranch(
    h,
    say,
    secretary,
    ['/class_add 计科2101 CS2101', '/class_add 计科2102 CS2102', '/class_add 软工2101 SE2101'],
    [
      [liaisonA, 'CS2101'],
      [liaisonB, 'CS2101'],
      [liaisonC, 'CS2102'],
    ],
  );
  const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
  const created = await t.db
    .transaction()
    .execute((trx) =>
      createDeadline(
        trx,
        { branchId: branch.id, name: '班级党建工作月报', rule: { kind: 'monthly', day: 30, time: '18:00' }, tag: null, createdBy: null },
        clock.now(),
        'Asia/Shanghai',
      ),
    );
  expect(created).toMatchObject({ ok: true, value: { firstDue: new Date('2026-11-30T10:00:00Z'), classes: 3 } });
}

const deliver = (maxRounds = 40) => deliverAll(h, clock, { maxRounds });

const texts = (user: FakeUser, since = 0) =>
  h.api.calls
    .slice(since)
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && String(c.params.chat_id) === String(user.id))
    .map((c) => String(c.params.text));
const lastText = (user: FakeUser) => texts(user).at(-1)!;
const lastAlert = () => String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text ?? '');

async function reportOf(code: string) {
  return t.db
    .selectFrom('class_reports as r')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .selectAll('r')
    .where('c.code', '=', code)
    .orderBy('r.id', 'desc')
    .executeTakeFirstOrThrow();
}

/** Answers every field from the current one on; texts for the written parts, `null` presses "无". */
async function answerAll(user: FakeUser, answers: Array<string | null>) {
  for (const a of answers) {
    if (a === null) await say.press(user, user.id, 'rp:none');
    else await say.private(user, a);
  }
}

describe('a liaison fills in the class report', { timeout: 60_000 }, () => {
  it('step by step, saved as it goes; the other liaison carries on, submits, and the first is told through the outbox', async () => {
    const opening = await say.private(liaisonA, '/report');
    expect(opening[0]).toContain('每一步的回答都会立即保存');
    expect(opening[1]).toContain('(1/9) <b>收到入党申请书（份）</b>');

    // a figure must be a number; nothing is written for a bad one
    expect(await say.private(liaisonA, '三份')).toEqual(['请发送一个 0 到 9999 之间的整数，例如 3。']);
    expect(await say.private(liaisonA, '-1')).toEqual(['请发送一个 0 到 9999 之间的整数，例如 3。']);
    expect((await reportOf('CS2101')).applications).toBeNull();
    expect((await say.private(liaisonA, '３'))[0]).toContain('(2/9) <b>收到思想汇报（份）</b>');
    expect((await reportOf('CS2101')).applications).toBe(3); // full-width digits read as 3, saved at once
    await say.private(liaisonA, '5');
    await say.press(liaisonA, liaisonA.id, 'rp:close');
    expect(lastText(liaisonA)).toContain('已填写的内容都已保存');
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);
    // /cancel part-way says what is kept: the answers given so far
    await say.private(liaisonA, '/report');
    expect(await say.private(liaisonA, '/cancel')).toEqual(['已停止填写。已填的内容都已保存，再次发送 /report 可以接着填。']);
    expect(await reportOf('CS2101')).toMatchObject({ applications: 3, thought_reports: 5 });

    // B opens the same report: it goes on at the first field not answered yet
    const resumed = await say.private(liaisonB, '/report');
    expect(resumed[1]).toContain('(3/9)');
    await answerAll(liaisonB, ['2', '6', '1']);
    expect(lastText(liaisonB)).toContain('(6/9) <b>发现的问题</b>');
    // a written part over the limit is refused with its length; nothing is written
    expect(await say.private(liaisonB, '问'.repeat(801))).toEqual(['这段文字有 801 个字符，最多 800 个；请精简后再发送。']);
    expect((await reportOf('CS2101')).problems).toBeNull();
    await answerAll(liaisonB, ['个别同学对<入党>流程不了解', '=HYPERLINK("http://x","点我")', null, '组织了党史学习小组']);

    const preview = lastText(liaisonB);
    expect(preview).toContain('<b>班级党建工作月报</b> · <b>计科2101</b>');
    expect(preview).toContain('截止：2026-11-30 18:00');
    expect(preview).toContain('状态：填写中，尚未提交');
    expect(preview).toContain('• 收到入党申请书（份）：3');
    expect(preview).toContain('个别同学对&lt;入党&gt;流程不了解'); // user text escaped
    expect(preview).toContain('• 同学们的意见建议：无');

    await say.press(liaisonB, liaisonB.id, 'rp:submit');
    expect(lastText(liaisonB)).toContain('已提交 <b>计科2101</b> 的《班级党建工作月报》（截止 2026-11-30 18:00）');
    expect(await reportOf('CS2101')).toMatchObject({ state: 'submitted', late: false, submissions: 1, applications: 3, suggestions: '' });

    // A hears of it through the outbox (not directly), once
    expect(texts(liaisonA).filter((x) => x.includes('已提交'))).toEqual([]);
    await deliver();
    expect(texts(liaisonA).filter((x) => x.includes('赵联络 已提交 <b>计科2101</b> 的《班级党建工作月报》'))).toHaveLength(1);
    expect(texts(liaisonB).filter((x) => x.includes('赵联络 已提交'))).toEqual([]);
    const queued = await t.db.selectFrom('outbox').select(['dedupe_key', 'state']).execute();
    expect(queued).toEqual([{ dedupe_key: expect.stringMatching(/^person:\d+:report:\d+:submitted:1$/), state: 'done' }]);
  });

  it('amends a submitted report until the secretary marks it reviewed; a late report is accepted and marked late', async () => {
    await say.private(liaisonA, '/report');
    await answerAll(liaisonA, ['1', '2', '3', '4', '5', '问题', '办法', null, '亮点']);
    await say.press(liaisonA, liaisonA.id, 'rp:submit');

    // amending: /report opens the submitted report at its preview; one field changed, submitted again
    const again = await say.private(liaisonA, '/report');
    expect(again.at(-1)).toContain('状态：已提交（2026-11-20 10:00，李联络）');
    await say.press(liaisonA, liaisonA.id, 'rp:edit:0');
    expect(lastText(liaisonA)).toContain('已保存：1');
    await say.private(liaisonA, '7');
    expect(lastText(liaisonA)).toContain('• 收到入党申请书（份）：7'); // back at the preview
    await say.press(liaisonA, liaisonA.id, 'rp:submit');
    expect(lastText(liaisonA)).toContain('已提交对 <b>计科2101</b> 的《班级党建工作月报》的修改');
    expect(await reportOf('CS2101')).toMatchObject({ state: 'submitted', submissions: 2, applications: 7, late: false });
    await deliver();
    expect(texts(liaisonB).filter((x) => x.includes('李联络 修改了'))).toHaveLength(1);

    // after the due time: C (English) submits late
    clock.set(new Date('2026-12-01T01:00:00Z'));
    const late = await say.private(liaisonC, '/report');
    expect(late[1]).toContain('(1/9) <b>Applications to join the Party received</b>');
    await answerAll(liaisonC, ['0', '0', '0', '2', '1', 'none really', 'n/a', null, '-']);
    await say.press(liaisonC, liaisonC.id, 'rp:submit');
    expect(lastText(liaisonC)).toContain('it is marked <b>late</b>');
    expect(await reportOf('CS2102')).toMatchObject({ state: 'submitted', late: true });

    // the secretary's view: class by class
    const overview = await say.private(secretary, '/reports');
    expect(overview[0]).toContain('上一期 截止 2026-11-30 18:00：已交 2/3（其中逾期 1）· 未交 1 · 已审阅 0');
    const occurrence = await t.db.selectFrom('report_occurrences').select('id').executeTakeFirstOrThrow();
    await say.press(secretary, secretary.id, `rs:o:${occurrence.id}:0`);
    const list = lastText(secretary);
    expect(list).toContain('✅ 计科2101 已提交 2026-11-20 10:00');
    expect(list).toContain('⏰ 计科2102 逾期提交 2026-12-01 09:00');
    expect(list).toContain('❌ 软工2101 未交');

    const cs2101 = await reportOf('CS2101');
    await say.press(secretary, secretary.id, `rs:v:${cs2101.id}`);
    expect(lastText(secretary)).toContain('• 收到入党申请书（份）：7');
    await say.press(secretary, secretary.id, `rs:r:${cs2101.id}`);
    expect(lastText(secretary)).toContain('已把 <b>计科2101</b> 的《班级党建工作月报》标记为已审阅');
    expect(await reportOf('CS2101')).toMatchObject({ state: 'reviewed' });

    // reviewed: no longer offered, and a stale dialogue or button cannot change it
    expect(await say.private(liaisonA, '/report')).toEqual([expect.stringContaining('没有需要填写的报告')]);
    await say.press(secretary, secretary.id, `rs:r:${cs2101.id}`);
    expect(lastAlert()).toBe('这份报告已经审阅过了。');
  });

  it('a liaison part-way through when the secretary reviews cannot change the reviewed report', async () => {
    await say.private(liaisonA, '/report');
    await answerAll(liaisonA, ['1', '2', '3', '4', '5', '问题', '办法', null, '亮点']);
    await say.press(liaisonA, liaisonA.id, 'rp:submit');
    await say.private(liaisonB, '/report');
    await say.press(liaisonB, liaisonB.id, 'rp:edit:5');
    const report = await reportOf('CS2101');
    await say.private(secretary, '/reports');
    await say.press(secretary, secretary.id, `rs:o:${report.occurrence_id}:0`);
    await say.press(secretary, secretary.id, `rs:v:${report.id}`);
    await say.press(secretary, secretary.id, `rs:r:${report.id}`);
    expect(await say.private(liaisonB, '新的问题')).toEqual([expect.stringContaining('已经由支部书记审阅，不能再修改')]);
    expect((await reportOf('CS2101')).problems).toBe('问题');
  });
});

describe('who may use /report and /reports', { timeout: 60_000 }, () => {
  it('refuses students, secretaries who are not liaisons, other classes and forged buttons, writing nothing', async () => {
    expect(await say.private(student, '/report')).toEqual([expect.stringContaining('只有班级联络员可以用 /report 填写班级报告')]);
    expect(await say.private(secretary, '/report')).toEqual([expect.stringContaining('只有班级联络员可以用 /report')]);
    expect(await say.private(liaisonA, '/report CS2102')).toEqual(['“CS2102”不是你联系的班级。你只能填写自己班级的报告。']);
    expect(await say.private(liaisonA, '/report NOPE')).toEqual(['“NOPE”不是你联系的班级。你只能填写自己班级的报告。']);
    expect(await say.private(student, '/reports')).toEqual([expect.stringContaining('这个命令只有支部书记可以使用')]);

    // A has two reports to fill (a second deadline), so /report offers a choice; a forged choice names C's report
    const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
    await t.db
      .transaction()
      .execute((trx) =>
        createDeadline(
          trx,
          { branchId: branch.id, name: '周报', rule: { kind: 'weekly', weekday: 5, time: '20:00', from: '2026-11-01' }, tag: null, createdBy: null },
          clock.now(),
          'Asia/Shanghai',
        ),
      );
    const other = await t.db
      .selectFrom('class_reports as r')
      .innerJoin('classes as c', 'c.id', 'r.class_id')
      .select('r.id')
      .where('c.code', '=', 'CS2102')
      .executeTakeFirstOrThrow();
    const picker = await say.private(liaisonA, '/report');
    expect(picker).toEqual(['<b>请选择要填写的报告：</b>']);
    const pickButtons = JSON.stringify(h.api.callsTo('sendMessage').at(-1)!.params.reply_markup);
    expect(pickButtons).toContain('计科2101 · 周报 · 截止 11-20 20:00');
    expect(pickButtons).toContain('计科2101 · 班级党建工作月报 · 截止 11-30 18:00');
    expect(pickButtons).not.toContain(`rp:pick:${other.id}"`);
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, `rp:pick:${other.id}`));
    expect(lastAlert()).toBe('这份报告不属于你联系的班级。');
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);
    // the "fill in" button of a reminder, forged to name C's report
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, `rq:${other.id}`));
    expect(lastAlert()).toBe('这份报告不属于你联系的班级。');
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, 'rq:x'));
    expect(lastAlert()).toBe('这份报告不属于你联系的班级。');
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);
    // the secretary's buttons refuse everyone else, and other branches' reports
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, `rs:v:${other.id}`));
    expect(lastAlert()).toBe('找不到这份报告，或它不属于你的支部。');
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, `rs:r:${other.id + 1000}`));
    expect(lastAlert()).toBe('找不到这份报告，或它不属于你的支部。');
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, `rs:r:${other.id}`));
    expect(lastAlert()).toBe('这份报告还没有提交。');
    const rows = await t.db.selectFrom('class_reports').select(['state', 'applications', 'updated_at']).execute();
    expect(rows.every((r) => r.state === 'open' && r.applications === null && r.updated_at === null)).toBe(true);
  });

  it('leaves /report in a group and /report with a message link to the harmful-message reports', async () => {
    h.api.setChatMember(group.id, secretary.id, 'administrator');
    await say.group(group, secretary, '/bind CS2101');
    // in a group /report belongs to the message reports: they ask for a reply; nothing about class reports
    const inGroup = await say.group(group, liaisonA, '/report');
    expect(inGroup.join('\n')).toContain('回复');
    expect(inGroup.join('\n')).not.toMatch(/填写|班级报告/);
    const withLink = await say.private(liaisonA, '/report https://t.me/c/1234567/89');
    expect(withLink.join('\n')).not.toMatch(/填写|联络员/);
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);
  });
});

describe('exporting a period', { timeout: 60_000 }, () => {
  async function submitted() {
    await say.private(liaisonA, '/report');
    await answerAll(liaisonA, ['1', '2', '3', '4', '5', '=1+1 问题', '@SUM(A1)', null, '+亮点, "引号"']);
    await say.press(liaisonA, liaisonA.id, 'rp:submit');
    const occurrence = await t.db.selectFrom('report_occurrences').select('id').executeTakeFirstOrThrow();
    await say.private(secretary, '/reports');
    await say.press(secretary, secretary.id, `rs:o:${occurrence.id}:0`);
    return occurrence;
  }
  const documentOf = (since: number) => {
    const call = h.api.calls.slice(since).find((c) => c.method === 'sendDocument')!;
    return { file: call.params.document as UploadedFile, caption: String(call.params.caption) };
  };

  it('sends a CSV (UTF-8 with BOM, formulas neutralised) and an xlsx that reads back', async () => {
    const occurrence = await submitted();
    let since = h.api.mark();
    await say.press(secretary, secretary.id, `rs:csv:${occurrence.id}`);
    const csv = documentOf(since);
    expect(csv.file.filename).toBe('reports-2026-11.csv');
    expect(csv.caption).toBe('2026-11 的班级报告，共 3 行。');
    expect([...csv.file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.file.content.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '报告名称,截止时间,班级,班级代码,状态,提交时间,提交人,收到入党申请书（份）,收到思想汇报（份）,参加党校学习的入党积极分子（人）,走访宿舍（次）,参加班会（次）,发现的问题,建议的解决办法,同学们的意见建议,亮点与特色,审阅时间',
    );
    expect(lines[1]).toBe(
      `班级党建工作月报,2026-11-30 18:00,计科2101,CS2101,已提交,2026-11-20 10:00,李联络,1,2,3,4,5,'=1+1 问题,'@SUM(A1),,"'+亮点, ""引号""",`,
    );
    expect(lines[2]).toBe('班级党建工作月报,2026-11-30 18:00,计科2102,CS2102,未交,,,,,,,,,,,,');
    expect(lines).toHaveLength(5); // header, three classes, and the final line end

    since = h.api.mark();
    await say.press(secretary, secretary.id, `rs:xlsx:${occurrence.id}`);
    const xlsx = documentOf(since);
    expect(xlsx.file.filename).toBe('reports-2026-11.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.file.content as never);
    const sheet = book.getWorksheet('2026-11')!;
    expect(sheet.rowCount).toBe(4);
    const row = sheet.getRow(2).values as unknown[];
    expect(row.slice(1, 8)).toEqual(['班级党建工作月报', '2026-11-30 18:00', '计科2101', 'CS2101', '已提交', '2026-11-20 10:00', '李联络']);
    expect(row.slice(8, 13)).toEqual([1, 2, 3, 4, 5]);
    expect(row[13]).toBe("'=1+1 问题");
    expect(row[16]).toBe('\'+亮点, "引号"');
    expect(sheet.getRow(2).getCell(13).formula).toBeUndefined();
  });
});
