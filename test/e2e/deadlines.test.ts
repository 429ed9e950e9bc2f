import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/schema.js';
import { deadlineSchedule } from '../../src/features/reports/reminders.js';
import { createLogger } from '../../src/logging/logger.js';
import { updateBranchSettings } from '../../src/reminders/settings.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeUser, type FakeUser } from '../support/fake-bot-api/index.js';
import { onboardBranch } from '../support/branch.js';
import { conversation } from '../support/conversation.js';
import { deliverAll, secondPool } from '../support/drive.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const START = new Date('2026-11-20T02:00:00Z'); // Friday 20 November 2026, 10:00 in Asia/Shanghai
const clock = new FixedClock(START);

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const liaisonC = makeUser(203, '钱联络', { language_code: 'en' });
const student = makeUser(301, '小明');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(START);
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
});
afterEach(async () => {
  const failed = h.logs.filter((l) => l.event === 'update_failed' || l.event === 'schedule_failed');
  await h.stop();
  expect(failed).toEqual([]);
});

/** Secretary; CS2101 (liaisons A and B), CS2102 (liaison C), SE2101 (tagged 软件, no liaison). */
async function setUpBranch() {
  const lines = ['/class_add 计科2101 CS2101', '/class_add 计科2102 CS2102', '/class_add 软工2101 SE2101', '/class_tags SE2101 软件'];
  await onboardBranch(h, say, secretary, lines, [
    [liaisonA, 'CS2101'],
    [liaisonB, 'CS2101'],
    [liaisonC, 'CS2102'],
  ]);
}

const lastText = (user: FakeUser) =>
  String(
    h.api
      .callsTo('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(user.id))
      .at(-1)!.params.text,
  );

/** /deadline through the dialogue: a monthly report due on `day` at `time`, for every class. */
async function monthlyDeadline(day: number, time = '18:00', name = '班级党建工作月报') {
  await say.private(secretary, '/deadline');
  await say.private(secretary, name);
  await say.press(secretary, secretary.id, 'dl:kind:0');
  await say.private(secretary, String(day));
  await say.private(secretary, time);
  await say.press(secretary, secretary.id, 'dl:all');
  const confirm = lastText(secretary);
  await say.press(secretary, secretary.id, 'dl:create');
  return confirm;
}

/** Moves the clock and runs one scheduler pass, as node-cron would each minute. */
async function tickAt(iso: string) {
  clock.set(new Date(iso));
  return (await h.app.scheduler.tick())['reports.deadlines'];
}

/** Sends what the outbox has due, moving the clock on by seconds as its pacing needs. */
const deliver = (maxRounds = 40) => deliverAll(h, clock, { maxRounds });

/** What each person got in private since `since`, as [name, text]. */
const received = (since: number) =>
  h.api.calls
    .slice(since)
    .filter((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.params.chat_id) > 0)
    .map((c) => [[secretary, liaisonA, liaisonB, liaisonC].find((u) => u.id === Number(c.params.chat_id))?.first_name ?? '?', String(c.params.text)] as const);

const dueTimes = async () => (await t.db.selectFrom('report_occurrences').select('due_at').orderBy('due_at').execute()).map((o) => o.due_at.toISOString());

/** Submits the liaison's earliest open report (picked first when /report offers several). */
async function submitAs(liaison: FakeUser) {
  const [reply] = await say.private(liaison, '/report');
  if (reply!.includes('Which report') || reply!.includes('请选择要填写的报告')) {
    const markup = h.api.callsTo('sendMessage').at(-1)!.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    await say.press(liaison, liaison.id, markup.inline_keyboard[0]![0]!.callback_data);
  }
  for (const answer of ['1', '1', '1', '1', '1', '无', '无', '无', '无']) await say.private(liaison, answer);
  await say.press(liaison, liaison.id, 'rp:submit');
}

describe('/deadline', { timeout: 60_000 }, () => {
  it('defines a monthly deadline on the 31st through the dialogue; the confirmation shows the first dates with weekdays', async () => {
    await setUpBranch();
    const confirm = await monthlyDeadline(31);
    expect(confirm).toContain('截止：每月 31 日 18:00（没有这一天的月份为当月最后一天）');
    expect(confirm).toContain('班级：全部 3 个班级');
    expect(confirm).toContain('第一次截止：2026年11月30日（周一）18:00');
    expect(confirm).toContain('第二次截止：2026年12月31日（周四）18:00');
    expect(confirm).toContain('提醒：截止前 3 / 1 / 0 天的 09:00');
    expect(lastText(secretary)).toBe('已创建《班级党建工作月报》。第一次截止：2026年11月30日（周一）18:00；已为 3 个班级开启报告，联络员可以用 /report 填写。');
    expect(await dueTimes()).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(await t.db.selectFrom('class_reports').select('state').execute()).toHaveLength(3);
    // the secretary sees it in /reports
    expect((await say.private(secretary, '/reports'))[0]).toContain('本期 截止 2026-11-30 18:00：已交 0/3');
  });

  it('every N weeks on a weekday, once on a date, and cron; by tag', async () => {
    await setUpBranch();
    await say.private(secretary, '/deadline');
    await say.private(secretary, '双周报');
    await say.press(secretary, secretary.id, 'dl:kind:2');
    await say.private(secretary, '2');
    await say.press(secretary, secretary.id, 'dl:wd:5');
    await say.private(secretary, '20:00');
    await say.press(secretary, secretary.id, 'dl:tag:0');
    expect(lastText(secretary)).toContain('截止：每 2 周的周五 20:00');
    expect(lastText(secretary)).toContain('班级：标签“软件”的 1 个班级');
    expect(lastText(secretary)).toContain('第一次截止：2026年11月20日（周五）20:00');
    expect(lastText(secretary)).toContain('第二次截止：2026年12月4日（周五）20:00');
    await say.press(secretary, secretary.id, 'dl:create');

    await say.private(secretary, '/deadline');
    await say.private(secretary, '年度总结');
    await say.press(secretary, secretary.id, 'dl:kind:3');
    await say.private(secretary, '12月25日 17:00');
    await say.press(secretary, secretary.id, 'dl:all');
    expect(lastText(secretary)).toContain('截止：仅一次：2026年12月25日（周五）17:00');
    expect(lastText(secretary)).toContain('第二次截止：（没有了）');
    await say.press(secretary, secretary.id, 'dl:create');

    await say.private(secretary, '/deadline');
    await say.private(secretary, '月末报');
    await say.press(secretary, secretary.id, 'dl:kind:4');
    await say.private(secretary, '0 18 L * *');
    await say.press(secretary, secretary.id, 'dl:all');
    expect(lastText(secretary)).toContain('第一次截止：2026年11月30日（周一）18:00');
    await say.press(secretary, secretary.id, 'dl:create');

    const rows = await t.db
      .selectFrom('report_deadlines as d')
      .innerJoin('report_occurrences as o', 'o.deadline_id', 'd.id')
      .select([
        'd.name',
        'o.due_at',
        (eb) => eb.selectFrom('class_reports').select(eb.fn.countAll<number>().as('n')).whereRef('occurrence_id', '=', 'o.id').as('reports'),
      ])
      .orderBy('d.id')
      .execute();
    expect(rows.map((r) => [r.name, r.due_at.toISOString(), Number(r.reports)])).toEqual([
      ['双周报', '2026-11-20T12:00:00.000Z', 1],
      ['年度总结', '2026-12-25T09:00:00.000Z', 3],
      ['月末报', '2026-11-30T10:00:00.000Z', 3],
    ]);
  });

  it('refuses bad input with a short answer and writes nothing', async () => {
    expect(await say.private(secretary, '/deadline')).toEqual([expect.stringContaining('这个命令只有支部书记可以使用')]); // not yet secretary
    const setup = h.logs.find((l) => l.event === 'setup_link')!;
    await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
    expect(await say.private(secretary, '/deadline')).toEqual(['支部还没有班级。先用 /class_add 新建班级，再设定报告截止日期。']);
    await setUpBranchClassesOnly();
    expect(await say.private(student, '/deadline')).toEqual([expect.stringContaining('这个命令只有支部书记可以使用')]);
    expect(await say.private(liaisonA, '/deadline')).toEqual([expect.stringContaining('这个命令只有支部书记可以使用')]);

    await say.private(secretary, '/deadline');
    expect(await say.private(secretary, '报'.repeat(65))).toEqual(['名称要 1–64 个字，不能以 / 开头。']);
    await say.private(secretary, '月报');
    await say.press(secretary, secretary.id, 'dl:kind:0');
    expect(await say.private(secretary, '32')).toEqual(['请发送 1 到 31 之间的一个数字，例如 31。']);
    await say.private(secretary, '30');
    expect(await say.private(secretary, '25:00')).toEqual(['时间不对：请发送 00:00 到 23:59 之间的时间，例如 18:00。']);
    expect(await say.private(secretary, '/cancel')).toEqual(['已取消，没有保存任何内容。']);

    await say.private(secretary, '/deadline');
    await say.private(secretary, '一次性');
    await say.press(secretary, secretary.id, 'dl:kind:3');
    expect(await say.private(secretary, '2027-02-30 18:00')).toEqual(['没有这一天（例如 2 月没有 30 日），请检查日期。']);
    expect(await say.private(secretary, '2026-11-01 18:00')).toEqual(['2026年11月1日（周日）18:00 已经过去了，请发送一个以后的时间。']);
    expect(await say.private(secretary, '下个月吧')).toEqual(['没看懂这个时间。请按 2026-12-31 18:00 或 12月31日 18:00 的格式发送。']);
    await say.private(secretary, '/cancel');

    // a recurrence with no occurrence: 30 February never comes; every minute is too often
    await say.private(secretary, '/deadline');
    await say.private(secretary, '不存在');
    await say.press(secretary, secretary.id, 'dl:kind:4');
    expect(await say.private(secretary, '0 18 30 2 *')).toEqual([expect.stringContaining('按这个规则，以后不会有截止时间')]);
    expect(await say.private(secretary, '0 18 *')).toEqual(['这不是五段的 cron 表达式，例如 <code>0 18 L * *</code>。']);
    await say.private(secretary, '* * * * *');
    await say.press(secretary, secretary.id, 'dl:all');
    let since = h.api.mark();
    await say.press(secretary, secretary.id, 'dl:create');
    expect(received(since)[0]).toEqual(['王书记', '截止太频繁了：两次截止至少要相隔一天。']);
    await say.private(secretary, '/cancel');

    // a deadline for no classes: the tag's only class lost it before Create
    await say.private(secretary, '/deadline');
    await say.private(secretary, '软件报');
    await say.press(secretary, secretary.id, 'dl:kind:1');
    await say.press(secretary, secretary.id, 'dl:wd:1');
    await say.private(secretary, '18:00');
    await say.press(secretary, secretary.id, 'dl:tag:0');
    await say.private(secretary, '/class_tags SE2101');
    since = h.api.mark();
    await say.press(secretary, secretary.id, 'dl:create');
    expect(received(since)[0]).toEqual(['王书记', '选中的范围里没有班级。请换一个范围。']);
    expect(await t.db.selectFrom('report_deadlines').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('report_occurrences').selectAll().execute()).toEqual([]);
  });
});

async function setUpBranchClassesOnly() {
  for (const line of ['/class_add 计科2101 CS2101', '/class_add 软工2101 SE2101', '/class_tags SE2101 软件']) await say.private(secretary, line);
  const [invite] = await say.private(secretary, '/invite liaison CS2101');
  await say.private(liaisonA, `/start ${inviteCodeIn(invite!)}`);
}

describe('occurrences of a monthly deadline', { timeout: 60_000 }, () => {
  it('on the 31st: the last day of 30-day months, 31 December, and 29 February in a leap year; each opens when the one before falls due', async () => {
    await setUpBranch();
    clock.set(new Date('2027-11-20T02:00:00Z'));
    await monthlyDeadline(31);
    expect(await dueTimes()).toEqual(['2027-11-30T10:00:00.000Z']);
    expect(await tickAt('2027-11-30T09:59:00Z')).toBe('ran');
    expect(await dueTimes()).toHaveLength(1);
    await tickAt('2027-11-30T10:00:00Z');
    expect(await dueTimes()).toEqual(['2027-11-30T10:00:00.000Z', '2027-12-31T10:00:00.000Z']);
    await tickAt('2027-12-31T10:00:30Z');
    await tickAt('2028-01-31T10:01:00Z');
    await tickAt('2028-01-31T10:02:00Z'); // a repeated tick opens nothing more
    expect(await dueTimes()).toEqual(['2027-11-30T10:00:00.000Z', '2027-12-31T10:00:00.000Z', '2028-01-31T10:00:00.000Z', '2028-02-29T10:00:00.000Z']);
    await tickAt('2028-02-29T10:00:00Z');
    expect((await dueTimes()).slice(-1)).toEqual(['2028-03-31T10:00:00.000Z']);
    const periods = await t.db.selectFrom('report_occurrences').select('period').orderBy('due_at').execute();
    expect(periods.map((p) => p.period)).toEqual(['2027-11', '2027-12', '2028-01', '2028-02', '2028-03']);
    expect(
      Number(
        (
          await t.db
            .selectFrom('class_reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(15);
  });
});

describe('reminders', { timeout: 60_000 }, () => {
  it('go to both liaisons at the offsets, stop for a class that submitted; overdue ones daily, with the secretary’s line', async () => {
    await setUpBranch();
    await monthlyDeadline(30); // due Monday 30 November 18:00; reminders 27, 29 and 30 November at 09:00
    await tickAt('2026-11-27T00:59:00Z');
    let since = h.api.mark();
    await deliver();
    expect(received(since)).toEqual([]);

    await tickAt('2026-11-27T01:00:00Z');
    await tickAt('2026-11-27T01:01:00Z');
    since = h.api.mark();
    await deliver();
    const first = received(since);
    expect(first.map(([who]) => who).sort()).toEqual(['李联络', '赵联络', '钱联络']);
    expect(first.find(([who]) => who === '李联络')![1]).toBe(
      '📋 提醒：<b>计科2101</b> 的《班级党建工作月报》将于 <b>2026年11月30日（周一）18:00</b> 截止，还没有提交。',
    );
    expect(first.find(([who]) => who === '钱联络')![1]).toBe(
      '📋 Reminder: “班级党建工作月报” of <b>计科2102</b> is due <b>Mon 30 Nov 2026, 18:00</b> and has not been submitted.',
    );
    const call = h.api.callsTo('sendMessage').find((c) => Number(c.params.chat_id) === liaisonA.id && String(c.params.text).startsWith('📋'))!;
    expect(JSON.stringify(call.params.reply_markup)).toContain('"callback_data":"rq:');

    // B submits (through the button under the reminder); CS2101 gets no more reminders
    clock.set(new Date('2026-11-28T02:00:00Z'));
    const data = (call.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!.callback_data;
    await h.handled(h.api.pressButton(liaisonB, { chat: { id: liaisonB.id, type: 'private' }, message_id: 1 }, data));
    expect(lastText(liaisonB)).toContain('(1/9)');
    for (const answer of ['1', '1', '1', '1', '1', '无', '无', '无', '无']) await say.private(liaisonB, answer);
    await say.press(liaisonB, liaisonB.id, 'rp:submit');
    await deliver(); // A hears that B submitted

    await tickAt('2026-11-29T01:00:00Z');
    since = h.api.mark();
    await deliver();
    expect(received(since).map(([who]) => who)).toEqual(['钱联络']);
    await tickAt('2026-11-30T01:00:00Z');
    since = h.api.mark();
    await deliver();
    expect(received(since).map(([who]) => who)).toEqual(['钱联络']);

    // overdue: 1 December 09:00, to C, and one line to the secretary naming both classes without a report
    await tickAt('2026-11-30T10:00:00Z');
    await tickAt('2026-12-01T01:00:00Z');
    since = h.api.mark();
    await deliver();
    expect(received(since)).toEqual([
      [
        '钱联络',
        '⏰ “班级党建工作月报” of <b>计科2102</b> was due Mon 30 Nov 2026, 18:00 and has not been submitted (overdue for 1 day(s)). Please submit it soon.',
      ],
      ['王书记', '⏰ 《班级党建工作月报》（截止 2026年11月30日（周一）18:00）逾期未交 2 个班：计科2102、软工2101'],
    ]);
    await tickAt('2026-12-02T01:00:00Z');
    since = h.api.mark();
    await deliver();
    expect(received(since).map(([who, text]) => [who, text.includes('overdue for 2 day(s)') || text.includes('逾期未交 2 个班')])).toEqual([
      ['钱联络', true],
      ['王书记', true],
    ]);
    // C submits late; the next day only the secretary hears, and only of SE2101
    clock.set(new Date('2026-12-02T02:00:00Z'));
    await submitAs(liaisonC);
    await tickAt('2026-12-03T01:00:00Z');
    since = h.api.mark();
    await deliver();
    expect(received(since)).toEqual([['王书记', '⏰ 《班级党建工作月报》（截止 2026年11月30日（周一）18:00）逾期未交 1 个班：软工2101']]);

    const ledger = await t.db.selectFrom('reminders').select(['kind', 'slot', 'state']).orderBy('id').execute();
    expect(ledger.filter((r) => r.kind === 'report').map((r) => r.slot)).toEqual([
      'before:3',
      'before:3',
      'before:3',
      'before:1',
      'before:0',
      'overdue:2026-12-01',
      'overdue:2026-12-02',
    ]);
    expect(ledger.every((r) => r.state === 'sent')).toBe(true);
  });

  it('wait for the end of the quiet hours', async () => {
    await setUpBranch();
    const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
    expect((await updateBranchSettings(t.db, branch.id, { deadlineReminderTime: '23:00', deadlineReminderDays: [1] }, clock.now())).ok).toBe(true);
    await monthlyDeadline(30);
    await tickAt('2026-11-29T15:00:00Z'); // 23:00 on the 29th, inside 22:30–07:30
    let since = h.api.mark();
    await deliver();
    expect(received(since)).toEqual([]);
    const held = await t.db.selectFrom('outbox').select('available_at').execute();
    expect(held.map((o) => o.available_at.toISOString())).toEqual(['2026-11-29T23:30:00.000Z', '2026-11-29T23:30:00.000Z', '2026-11-29T23:30:00.000Z']);
    clock.set(new Date('2026-11-29T23:29:00Z'));
    since = h.api.mark();
    await deliver(5);
    expect(received(since)).toEqual([]);
    clock.set(new Date('2026-11-29T23:30:00Z'));
    await deliver();
    expect(
      received(since)
        .map(([who]) => who)
        .sort(),
    ).toEqual(['李联络', '赵联络', '钱联络']);
    // held by the quiet hours, not late: no late note
    expect(received(since).find(([who]) => who === '李联络')![1]).toBe(
      '📋 提醒：<b>计科2101</b> 的《班级党建工作月报》将于 <b>2026年11月30日（周一）18:00</b> 截止，还没有提交。',
    );
  });

  it('after downtime: the reminders whose moment has passed are dropped and recorded, the current one goes late with a note', async () => {
    await setUpBranch();
    await monthlyDeadline(30);
    await tickAt('2026-11-26T01:00:00Z');
    await tickAt('2026-12-01T01:20:00Z'); // the bot was down from the 26th until 09:20 on 1 December
    const since = h.api.mark();
    await deliver();
    const got = received(since);
    expect(got.filter(([who]) => who === '李联络')).toEqual([
      [
        '李联络',
        '⏰ <i>（这条提醒晚到了：机器人曾暂时离线）</i>\n⏰ <b>计科2101</b> 的《班级党建工作月报》已于 2026年11月30日（周一）18:00 截止，还没有提交（已逾期 1 天）。请尽快提交。',
      ],
    ]);
    expect(got).toHaveLength(4); // A, B, C overdue and the secretary's line, each once
    const ledger = await t.db.selectFrom('reminders').select(['slot', 'state', 'reason']).where('kind', '=', 'report').orderBy('id').execute();
    expect(ledger.filter((r) => r.state === 'dropped').map((r) => r.slot)).toEqual([
      'before:3',
      'before:3',
      'before:3',
      'before:1',
      'before:1',
      'before:1',
      'before:0',
      'before:0',
      'before:0',
    ]);
    expect(ledger.filter((r) => r.state === 'sent').map((r) => r.slot)).toEqual(['overdue:2026-12-01', 'overdue:2026-12-01', 'overdue:2026-12-01']);
    // the next occurrence opened too
    expect(await dueTimes()).toEqual(['2026-11-30T10:00:00.000Z', '2026-12-30T10:00:00.000Z']);
  });

  it('two schedulers ticking at the same moment write each reminder once', async () => {
    await setUpBranch();
    await monthlyDeadline(30);
    await tickAt('2026-11-27T00:59:00Z');
    const other = await secondPool(t);
    try {
      clock.set(new Date('2026-11-27T01:00:00Z'));
      const logger = createLogger('silent');
      const scheduler = (db: Db) => new Scheduler({ db, clock, logger, timeZone: 'Asia/Shanghai' }, [deadlineSchedule()]);
      await Promise.all([scheduler(t.db).tick(), scheduler(other.db).tick(), h.app.scheduler.tick(), scheduler(other.db).tick()]);
      const rows = await t.db.selectFrom('reminders').select(['key', 'outbox_key']).execute();
      expect(rows).toHaveLength(3);
      const outbox = await t.db.selectFrom('outbox').select('dedupe_key').where('kind', '=', 'reminder.message').execute();
      expect(outbox.map((o) => o.dedupe_key).sort()).toEqual(rows.map((r) => r.outbox_key).sort());
      // the claim row made one of them run; even a tick that runs the same window again writes nothing twice
      await t.db
        .updateTable('scheduler_state')
        .set({ last_run_at: new Date('2026-11-27T00:59:00Z') })
        .where('name', '=', 'reports.deadlines')
        .execute();
      await Promise.all([scheduler(t.db).tick(), scheduler(other.db).tick()]);
      expect(await t.db.selectFrom('reminders').select('key').execute()).toHaveLength(3);
      const since = h.api.mark();
      await deliver();
      expect(received(since)).toHaveLength(3);
    } finally {
      await other.close();
    }
  });
});
