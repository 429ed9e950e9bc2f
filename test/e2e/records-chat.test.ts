import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDeadline } from '../../src/features/reports/service.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeUser, type FakeUser, type UploadedFile } from '../support/fake-bot-api/index.js';
import { onboardBranch } from '../support/branch.js';
import { conversation } from '../support/conversation.js';
import { deliverAll } from '../support/drive.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z')); // 10:00 in Asia/Shanghai

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const liaisonOther = makeUser(203, '钱联络', { language_code: 'en' });
const league = makeUser(204, '孙团支书');
const counselor = makeUser(205, '周辅导员');
const student = makeUser(301, '小明');

let cs2101: number;
let cs2102: number;

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
      [liaisonOther, 'CS2102'],
    ],
  );
  for (const [user, role] of [
    [league, 'league'],
    [counselor, 'counselor'],
  ] as const) {
    const [invite] = await say.private(secretary, `/invite ${role} CS2101`);
    await say.private(user, `/start ${inviteCodeIn(invite!)}`);
  }
  const classes = await t.db.selectFrom('classes').select(['id', 'code']).execute();
  cs2101 = classes.find((c) => c.code === 'CS2101')!.id;
  cs2102 = classes.find((c) => c.code === 'CS2102')!.id;
  const now = clock.now();
  await t.db
    .insertInto('pipeline_records')
    .values([
      {
        class_id: cs2101,
        name: '张三',
        student_no: '2021001',
        stage: 'activist',
        applied_on: '2025-03-01',
        activist_on: '2025-10-08',
        note: '=cmd|calc',
        created_at: now,
        updated_at: now,
      },
      { class_id: cs2102, name: '王五', stage: 'applicant', applied_on: '2026-10-01', created_at: now, updated_at: now },
    ])
    .execute();
});
afterEach(async () => {
  const failed = h.logs.filter((l) => l.event === 'update_failed');
  await h.stop();
  expect(failed).toEqual([]);
});

const texts = (user: FakeUser, since = 0) =>
  h.api.calls
    .slice(since)
    .filter((c) => ['sendMessage', 'editMessageText'].includes(c.method) && String(c.params.chat_id) === String(user.id))
    .map((c) => String(c.params.text));
const lastText = (user: FakeUser) => texts(user).at(-1)!;
const lastAlert = () => String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text ?? '');
const documentsTo = (user: FakeUser, since: number) =>
  h.api.calls.slice(since).filter((c) => c.method === 'sendDocument' && String(c.params.chat_id) === String(user.id));
const buttonData = (user: FakeUser) => {
  const call = [...h.api.calls].reverse().find((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(user.id) && c.params.reply_markup)!;
  const markup = (typeof call.params.reply_markup === 'string' ? JSON.parse(call.params.reply_markup) : call.params.reply_markup) as {
    inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
  };
  return markup.inline_keyboard.flat().map((b) => b.callback_data);
};

describe('/people_export and its px: buttons', { timeout: 60_000 }, () => {
  it('sends the class file to its liaisons, League secretary and counselor, and every class to the secretary', async () => {
    for (const user of [liaisonA, league, counselor]) {
      expect(await say.private(user, '/people_export')).toEqual(['导出 <b>计科2101</b> 的党员发展名单，请选择格式：']);
      expect(buttonData(user)).toEqual([`px:${cs2101}:xlsx`, `px:${cs2101}:csv`]);
      const since = h.api.mark();
      await say.press(user, user.id, `px:${cs2101}:xlsx`);
      const [doc] = documentsTo(user, since);
      const file = doc!.params.document as UploadedFile;
      expect(file.filename).toBe('people-CS2101.xlsx');
      expect(String(doc!.params.caption)).toContain('计科2101 的党员发展名单，共 1 人');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.content as never);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('姓名');
      expect(sheet.getRow(2).getCell(2).value).toBe('张三');
      expect(sheet.getRow(2).getCell(16).value).toBe("'=cmd|calc"); // neutralised, never a live formula
      expect(sheet.getRow(3).getCell(2).value).toBeNull();
    }

    // the secretary chooses a class or all classes, then the format
    await say.private(secretary, '/people_export');
    expect(buttonData(secretary)).toEqual(['px:0', `px:${cs2101}`, `px:${cs2102}`]);
    await say.press(secretary, secretary.id, 'px:0');
    expect(lastText(secretary)).toBe('导出 <b>全部班级</b> 的党员发展名单，请选择格式：');
    const since = h.api.mark();
    await say.press(secretary, secretary.id, 'px:0:csv');
    const file = documentsTo(secretary, since)[0]!.params.document as UploadedFile;
    expect(file.filename).toBe('people-all.csv');
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.content.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, 3)).toEqual(["CS2101,张三,2021001,积极分子,2025-03-01,2025-10-08,,,,,,,,,,'=cmd|calc", 'CS2102,王五,,申请人,2026-10-01,,,,,,,,,,,']);

    // an English-speaking liaison gets English headers for their own class
    const before = h.api.mark();
    await say.private(liaisonOther, '/people_export');
    await say.press(liaisonOther, liaisonOther.id, `px:${cs2102}:csv`);
    const en = (documentsTo(liaisonOther, before)[0]!.params.document as UploadedFile).content.toString('utf8');
    expect(en.slice(1).split('\r\n')[1]).toBe('CS2102,王五,,applicant,2026-10-01,,,,,,,,,,,');
  });

  it('refuses everyone else politely, forged and other-class buttons too, and sends no file', async () => {
    const since = h.api.mark();
    expect(await say.private(student, '/people_export')).toEqual(['抱歉，党员发展名单只有本班的联络员、团支书、辅导员和支部书记可以导出。']);
    // a forged button: a student, a liaison of another class, "all classes" without being secretary, nonsense data
    for (const [user, data] of [
      [student, `px:${cs2101}:xlsx`],
      [liaisonOther, `px:${cs2101}:csv`],
      [liaisonA, 'px:0:xlsx'],
      [liaisonA, `px:${cs2102}`],
      [liaisonA, 'px:abc:xlsx'],
      [liaisonA, `px:${cs2101}:pdf`],
      [liaisonA, 'px:99999:csv'],
    ] as const) {
      await h.handled(h.api.pressButton(user, { chat: { id: user.id, type: 'private' }, message_id: 1 }, data));
      expect(lastAlert()).toContain(user === liaisonOther ? 'Sorry, only' : '抱歉，党员发展名单只有');
    }
    expect(h.api.calls.slice(since).filter((c) => c.method === 'sendDocument')).toEqual([]);
    expect(await say.private(liaisonA, '/people_export CS2102')).toEqual(['没有找到你可以导出的班级“CS2102”。请发送 /people_export 从按钮中选择。']);
  });
});

describe('/visit: dormitory visits', { timeout: 60_000 }, () => {
  it('logs a visit step by step, refuses bad dates, and files a suggestion as anonymous feedback without a trace of the liaison', async () => {
    expect(await say.private(student, '/visit')).toEqual(['走访宿舍记录由本班的联络员或团支书填写。']);
    expect(await say.private(counselor, '/visit')).toEqual(['走访宿舍记录由本班的联络员或团支书填写。']);

    expect((await say.private(liaisonA, '/visit'))[0]).toContain('<b>计科2101</b> 的走访宿舍记录（1/4）');
    expect(await say.private(liaisonA, '下周一')).toEqual(['没看懂这个日期。请发送“今天”“昨天”“12月1日”或“2026-12-01”这样的日期。']);
    expect(await say.private(liaisonA, '12月25日')).toEqual(['2026-12-25 还没到，走访日期不能晚于今天（2026-12-02）。']);
    expect(await say.private(liaisonA, '2026-02-30')).toEqual(['没看懂这个日期。请发送“今天”“昨天”“12月1日”或“2026-12-01”这样的日期。']);
    expect(await say.private(liaisonA, '2025-01-01')).toEqual(['2025-01-01 太早了，只能记录一年以内的走访。']);
    expect((await say.private(liaisonA, '昨天'))[0]).toContain('（2/4）走访的是哪间宿舍');
    expect(await say.private(liaisonA, '宿'.repeat(51))).toEqual(['请用 1 到 50 个字写宿舍，例如：12号楼 305。']);
    await say.private(liaisonA, '12号楼 305');
    await say.private(liaisonA, '大家作息正常，<b>有同学</b>准备考研。');
    await say.private(liaisonA, '1. 希望热水供应时间延长\n2. 洗衣机经常坏');
    expect(lastText(liaisonA)).toBe('已记下 2 条建议。继续发送，或点“完成”。');
    await say.private(liaisonA, '晚上楼道太吵');
    await say.press(liaisonA, liaisonA.id, 'vs:done');
    expect(lastText(liaisonA)).toBe(
      '<b>走访宿舍记录</b>\n班级：计科2101\n日期：2026-12-01\n宿舍：12号楼 305\n了解到的情况：大家作息正常，&lt;b&gt;有同学&lt;/b&gt;准备考研。\n同学建议：\n1. 希望热水供应时间延长\n2. 洗衣机经常坏\n3. 晚上楼道太吵',
    );
    expect(await t.db.selectFrom('dorm_visits').selectAll().execute()).toEqual([]); // nothing before Save
    await say.press(liaisonA, liaisonA.id, 'vs:save');
    const [visit] = await t.db.selectFrom('dorm_visits').selectAll().execute();
    expect(visit).toMatchObject({
      class_id: cs2101,
      visited_on: '2026-12-01',
      dormitory: '12号楼 305',
      suggestions: '希望热水供应时间延长\n洗衣机经常坏\n晚上楼道太吵',
    });
    const liaisonId = (await t.db.selectFrom('people').select('id').where('telegram_user_id', '=', liaisonA.id).executeTakeFirstOrThrow()).id;
    expect(await t.db.selectFrom('record_changes').select(['action', 'actor_id', 'class_id']).execute()).toEqual([
      { action: 'visit', actor_id: liaisonId, class_id: cs2101 },
    ]);
    expect(buttonData(liaisonA)).toEqual(['vs:file:0', 'vs:file:1', 'vs:file:2', 'vs:finish']);

    // one press files it; a second press of the same button files nothing more
    await say.press(liaisonA, liaisonA.id, 'vs:file:1');
    expect(texts(liaisonA).at(-2)).toBe('第 2 条建议已转为 计科2101 的匿名意见。');
    expect(buttonData(liaisonA)).toEqual(['vs:file:0', 'vs:file:2', 'vs:finish']);
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, 'vs:file:1'));
    const queued = await t.db.selectFrom('feedback_queue').selectAll().execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ class_id: cs2101, category: 'life', body: '洗衣机经常坏', allow_reply: false, passed_on: true });
    expect(await t.db.selectFrom('feedback_queue_routes').selectAll().execute()).toEqual([]);
    await say.press(liaisonA, liaisonA.id, 'vs:finish');
    expect(lastText(liaisonA)).toBe('好的，走访记录已完成。');

    // delivered at the full hour to the class's liaisons, marked as passed on; no trace of who or which visit
    clock.set(new Date('2026-12-02T03:00:00Z'));
    await h.app.scheduler.tick();
    await deliverAll(h, clock);
    const [item] = await t.db.selectFrom('feedback_items').selectAll().execute();
    expect(item).toMatchObject({ class_id: cs2101, category: 'life', body: '洗衣机经常坏', passed_on: true, allow_reply: false, handled_by: null });
    expect(JSON.stringify(item)).not.toContain(String(liaisonId));
    // the row has no column that could point back to the visit or to who filed it
    expect(Object.keys(item!).sort()).toEqual(
      [
        'allow_reply',
        'batch_at',
        'body',
        'branch_id',
        'category',
        'class_id',
        'handled_at',
        'handled_by',
        'id',
        'muted',
        'note',
        'passed_on',
        'photo_file_id',
        'status',
      ].sort(),
    );
    const inbox = await t.db.selectFrom('inbox_items').selectAll().execute();
    expect(JSON.stringify(inbox)).not.toMatch(/李联络|12号楼/);
    expect(texts(liaisonB).some((m) => m.includes('洗衣机经常坏') && m.includes('联络员走访宿舍时收集'))).toBe(true);

    // the secretary's counts and weekly digest tell it apart from classmates' own feedback
    expect((await say.private(secretary, '/feedback_stats'))[0]).toMatch(/计科2101：[^\n]* 1\/1（同学本人 0 · 走访转交 1）/);
    const digest = h.api.mark();
    clock.set(new Date('2026-12-07T00:00:00Z')); // Monday 08:00 in Shanghai
    await h.app.scheduler.tick();
    await deliverAll(h, clock);
    expect(texts(secretary, digest).find((m) => m.includes('本周匿名意见'))).toMatch(/计科2101：[^\n]* 1（待处理 1；同学本人 0 · 走访转交 1）/);
  });

  it('asks the class when there are several, and /visits lists them for those who may read the records', async () => {
    const since = h.api.mark();
    await say.private(league, '/visit');
    await say.press(league, league.id, 'vs:today');
    await say.private(league, '3号楼 101');
    await say.private(league, '一切正常');
    await say.press(league, league.id, 'vs:none');
    await say.press(league, league.id, 'vs:save');
    expect(lastText(league)).toBe('已保存 计科2101 2026-12-02 的走访记录。');
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);

    // a liaison of two classes chooses; a forged class button is stale
    const [invite] = await say.private(secretary, '/invite liaison CS2102');
    await say.private(liaisonA, `/start ${inviteCodeIn(invite!)}`);
    await say.private(liaisonA, '/visit');
    expect(buttonData(liaisonA)).toEqual([`vs:class:${cs2101}`, `vs:class:${cs2102}`, 'vs:cancel']);
    await h.handled(h.api.pressButton(liaisonA, { chat: { id: liaisonA.id, type: 'private' }, message_id: 1 }, 'vs:class:99999'));
    expect(lastAlert()).toBe('这个操作已过期，请重新开始。');
    await say.press(liaisonA, liaisonA.id, `vs:class:${cs2102}`);
    expect(lastText(liaisonA)).toContain('<b>计科2102</b> 的走访宿舍记录');
    await say.press(liaisonA, liaisonA.id, 'vs:cancel');

    expect((await say.private(counselor, '/visits'))[0]).toBe('<b>最近的走访宿舍记录</b>（1 次）\n• 2026-12-02 计科2101 3号楼 101：一切正常');
    expect((await say.private(secretary, '/visits'))[0]).toContain('3号楼 101');
    expect(await say.private(liaisonOther, '/visits')).toEqual(['No dormitory visits yet. Liaisons log them with /visit.']);
    expect(await say.private(student, '/visits')).toEqual(['抱歉，走访记录只有本班的联络员、团支书、辅导员和支部书记可以查看。']);
    expect(texts(student, since).join('\n')).not.toContain('3号楼');
  });

  it("offers the period's visit count in the class report", async () => {
    const now = clock.now();
    await t.db
      .insertInto('dorm_visits')
      .values([
        { class_id: cs2101, visited_on: '2026-11-30', dormitory: 'A', learned: '旧', created_at: now }, // before the period
        { class_id: cs2101, visited_on: '2026-12-01', dormitory: 'B', learned: '一', created_at: now },
        { class_id: cs2101, visited_on: '2026-12-02', dormitory: 'C', learned: '二', created_at: now },
        { class_id: cs2102, visited_on: '2026-12-02', dormitory: 'D', learned: '别班', created_at: now },
      ])
      .execute();
    const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
    await t.db
      .transaction()
      .execute((trx) =>
        createDeadline(
          trx,
          { branchId: branch.id, name: '月报', rule: { kind: 'monthly', day: 31, time: '18:00' }, tag: null, createdBy: null },
          clock.now(),
          'Asia/Shanghai',
        ),
      );
    await say.private(liaisonA, '/report');
    for (const n of ['1', '2', '3']) await say.private(liaisonA, n);
    expect(lastText(liaisonA)).toContain('根据 /visit 的走访记录，本期（2026-12-01 至 2026-12-31）共走访 2 次。');
    expect(buttonData(liaisonA)[0]).toBe('rp:logged');
    await say.press(liaisonA, liaisonA.id, 'rp:logged');
    const report = await t.db.selectFrom('class_reports').select(['dorm_visits']).where('class_id', '=', cs2101).executeTakeFirstOrThrow();
    expect(report.dorm_visits).toBe(2);
    expect(lastText(liaisonA)).toContain('(5/9)');
  });
});
