import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type FakeUser, type UploadedFile } from '../support/fake-bot-api/index.js';
import { onboardBranch } from '../support/branch.js';
import { conversation } from '../support/conversation.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Issue 11: the secretary's /overview — every class of the branch at a glance, paged, downloadable;
// a liaison sees their own classes, a student nothing.

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));

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
      [liaisonB, 'CS2101'],
      [liaisonC, 'CS2102'],
    ],
  );
  h.api.setChatMember(group.id, secretary.id, 'administrator');
  await say.group(group, secretary, '/bind CS2101');
  const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
  // 23 more classes (25 in all: three pages of ten), one with a formula-like name
  await t.db
    .insertInto('classes')
    .values(
      Array.from({ length: 23 }, (_, i) => ({
        branch_id: branch.id,
        name: i === 0 ? '=HYPERLINK("x")班' : `机械${String(i).padStart(2, '0')}`,
        code: `ME${i}`,
      })),
    )
    .execute();
  const cs2101 = await t.db.selectFrom('classes').select('id').where('code', '=', 'CS2101').executeTakeFirstOrThrow();
  await t.db
    .insertInto('pipeline_records')
    .values([
      {
        class_id: cs2101.id,
        name: '甲同学',
        stage: 'activist',
        applied_on: '2026-10-01',
        party_school_on: '2026-11-01',
        created_at: clock.now(),
        updated_at: clock.now(),
      },
      { class_id: cs2101.id, name: '乙同学', stage: 'full_member', created_at: clock.now(), updated_at: clock.now() },
    ])
    .execute();
});
afterEach(async () => {
  const failed = h.logs.filter((l) => l.event === 'update_failed');
  await h.stop();
  expect(failed).toEqual([]);
});

const lastTo = (user: FakeUser) =>
  String(h.api.calls.filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && String(c.params.chat_id) === String(user.id)).at(-1)!.params.text);
const lastAlert = () => String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text ?? '');
const documentOf = (since: number) => {
  const call = h.api.calls.slice(since).find((c) => c.method === 'sendDocument')!;
  return { file: call.params.document as UploadedFile, caption: String(call.params.caption) };
};

describe('/overview', { timeout: 120_000 }, () => {
  it('shows the secretary the branch ten classes a page with a total line, pages with ◀ ▶, refuses forged pages', async () => {
    const first = (await say.private(secretary, '/overview'))[0]!;
    expect(first).toContain('共 25 个班');
    expect(first).toContain('第 1/3 页');
    expect(first).toContain('<b>合计 25 个班</b>：联络员不是 2 人的 24 个班 · 群在用 1');
    expect(first.match(/\n<b>[^<]+<\/b>（/g)).toHaveLength(10);

    await say.press(secretary, secretary.id, 'ov:p:1');
    const second = lastTo(secretary);
    expect(second).toContain('第 2/3 页');
    await say.press(secretary, secretary.id, 'ov:p:2');
    const third = lastTo(secretary);
    expect(third).toContain('第 3/3 页');
    expect(third.match(/\n<b>[^<]+<\/b>（/g)).toHaveLength(5);
    expect(third).toContain('<b>合计 25 个班</b>');
    const all = [first, second, third].join('');
    const names = [...all.matchAll(/\n<b>([^<]+)<\/b>（/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(25); // every class once
    const cs2101 = all.slice(all.indexOf('<b>计科2101</b>（CS2101）')).split('\n\n')[0]!;
    expect(cs2101).toContain('联络员：李联络、赵联络');
    expect(cs2101).toContain('班级群：计科2101班');
    expect(cs2101).toContain('积极分子 1（党校 1）');
    expect(cs2101).not.toContain('⚠️');
    expect(all.slice(all.indexOf('<b>计科2102</b>')).split('\n\n')[0]).toContain('⚠️ 联络员 1 人，“2+1”要求 2 人');
    expect(all).toContain('⚠️ 联络员 0 人'); // the classes added without liaisons
    expect(all).toContain('=HYPERLINK(&quot;x&quot;)班');
    // back again
    await say.press(secretary, secretary.id, 'ov:p:1');
    expect(lastTo(secretary)).toBe(second);

    // forged or outdated buttons: an alert, the message unchanged
    const before = h.api.callsTo('editMessageText').length;
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, 'ov:p:7'));
    expect(lastAlert()).toContain('没有这一页了');
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, 'ov:p:-1'));
    expect(lastAlert()).toContain('这个按钮已过期');
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, 'ov:p'));
    expect(lastAlert()).toContain('这个按钮已过期');
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, 'ov:zz:1'));
    expect(lastAlert()).toContain('这个按钮已过期');
    expect(h.api.callsTo('editMessageText').length).toBe(before);
  });

  it('gives a liaison their own class only, a student a polite refusal, and in a group points to the private chat', async () => {
    const [own] = await say.private(liaisonC, '/overview');
    expect(own).toContain('<b>My classes</b> (page 1/1, 1 classes)');
    expect(own).toContain('计科2102');
    expect(own).not.toContain('计科2101');
    expect(own).not.toContain('机械');
    // a page button that is not theirs to have
    await h.handled(h.api.pressButton(liaisonC, { chat: { id: liaisonC.id, type: 'private' }, message_id: 1 }, 'ov:p:1'));
    expect(lastAlert()).toContain('That page no longer exists');

    expect(await say.private(student, '/overview')).toEqual(['抱歉，/overview 是支部书记查看各班情况用的；班级联络员可以查看自己联系的班级。']);
    await h.handled(h.api.pressButton(student, { chat: { id: student.id, type: 'private' }, message_id: 1 }, 'ov:csv'));
    expect(lastAlert()).toContain('这个按钮已过期');
    expect(h.api.callsTo('sendDocument')).toHaveLength(0);

    const [inGroup] = await say.group(group, secretary, '/overview');
    expect(inGroup).toBeDefined();
    expect(inGroup).not.toContain('合计');
  });

  it('downloads the overview as CSV (UTF-8 with BOM, formulas neutralised) and as an xlsx that opens', async () => {
    await say.private(secretary, '/overview');
    let since = h.api.mark();
    await say.press(secretary, secretary.id, 'ov:csv');
    const csv = documentOf(since);
    expect(csv.file.filename).toBe('overview-2026-12-02.csv');
    expect([...csv.file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.file.content.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('班级,代码,标签,联络员,联络员人数')).toBe(true);
    expect(lines).toHaveLength(28); // header, 25 classes, the total, the last line end
    expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/^"'=HYPERLINK\(""x""\)班"/);
    expect(lines.find((l) => l.startsWith('计科2101,CS2101'))).toContain(',李联络、赵联络,2,否,');
    expect(lines[26]!.startsWith('合计,')).toBe(true);

    since = h.api.mark();
    await say.press(secretary, secretary.id, 'ov:xlsx');
    const xlsx = documentOf(since);
    expect(xlsx.file.filename).toBe('overview-2026-12-02.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.file.content as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(27);
    expect(sheet.getRow(1).getCell(1).value).toBe('班级');
    const values = sheet.getColumn(1).values as unknown[];
    expect(values).toContain('\'=HYPERLINK("x")班');
    expect(values).toContain('合计');
  });
});
