import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { remindersOf } from '../../src/reminders/remind.js';
import { FixedClock } from '../../src/shared/clock.js';
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
const HOUR = 3_600_000;
const MINUTE = 60_000;

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '张联络');
const league = makeUser(211, '赵团支书');
const otherLiaison = makeUser(203, '陈联络');
const student = makeUser(301, '小明');
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
afterEach(async () => h.stop());

/** Secretary; CS2101 with its group, two liaisons and a League secretary; CS2102 with its group and one liaison. */
async function setUpBranch() {
  const setup = h.logs.find((l) => l.event === 'setup_link')!;
  await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
  for (const [g, code] of [
    [group, 'CS2101'],
    [otherGroup, 'CS2102'],
  ] as const) {
    await say.private(secretary, `/class_add ${g.title.replace('班', '')} ${code}`);
    h.api.setChatMember(g.id, secretary.id, 'administrator');
    await say.group(g, secretary, `/bind ${code}`);
  }
  for (const [who, role, code] of [
    [liaisonA, 'liaison', 'CS2101'],
    [liaisonB, 'liaison', 'CS2101'],
    [league, 'league', 'CS2101'],
    [otherLiaison, 'liaison', 'CS2102'],
  ] as const) {
    const [invite] = await say.private(secretary, `/invite ${role} ${code}`);
    await say.private(who, `/start ${inviteCodeIn(invite!)}`);
  }
}

/** Let the dispatcher send everything due now (the clock moves on a few seconds per round, as pacing needs). */
async function deliver(app = h.app, maxRounds = 60) {
  let idle = 0;
  for (let i = 0; i < maxRounds && idle < 2; i++) {
    clock.advance(1_100);
    idle = (await app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

/** The scheduler's tick at `iso` (what node-cron does each minute), then the dispatcher. */
async function at(iso: string | Date) {
  clock.set(new Date(iso));
  await h.app.scheduler.tick();
  await deliver();
}

const textsTo = (user: { id: number }, since = 0) =>
  h.api.calls
    .slice(since)
    .filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(user.id) && c.status === 200)
    .map((c) => String(c.params.text));
const remindersTo = (user: FakeUser, since = 0) => textsTo(user, since).filter((x) => x.includes('班会提醒'));
const lastAnswer = () => String(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text ?? '');

/** The League secretary arranges Thursday's 19:30 meeting through the dialogue. */
async function arrange(options: { when?: string; group?: boolean; repeat?: number; by?: FakeUser } = {}) {
  const by = options.by ?? league;
  expect(await say.private(by, '/meeting')).toEqual([expect.stringContaining('班会什么时候开')]);
  await say.private(by, options.when ?? '周四 19:30');
  await say.private(by, '教学楼A101');
  const confirm = await say.private(by, '学习二十大精神');
  for (let i = 0; i < (options.repeat ?? 0); i++) await say.press(by, by.id, 'mtd:rep');
  if (options.group) await say.press(by, by.id, 'mtd:grp');
  await say.press(by, by.id, 'mtd:save');
  return confirm;
}

const THURSDAY = new Date('2026-12-03T11:30:00Z'); // 19:30 in Shanghai
const before = (ms: number) => new Date(THURSDAY.getTime() - ms);
const occurrenceId = async () => (await t.db.selectFrom('meeting_occurrences').select('id').orderBy('starts_at').executeTakeFirstOrThrow()).id;

describe('arranging a meeting', () => {
  it('walks through the dialogue and confirms with the full date and weekday before saving', async () => {
    const confirm = await arrange();
    expect(confirm.join('\n')).toContain('2026年12月3日（周四）19:30');
    expect(confirm.join('\n')).toContain('教学楼A101');
    expect(textsTo(league).at(-1)).toContain('✅ 已保存');
    const meetings = await t.db.selectFrom('meetings').selectAll().execute();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ place: '教学楼A101', topic: '学习二十大精神', rule: { kind: 'once', date: '2026-12-03', time: '19:30' } });
  });

  it('takes the one-line form, asking for the class only when the caller has several', async () => {
    // The secretary has two classes; naming one goes straight to the confirmation.
    const reply = await say.private(secretary, '/meeting CS2101 12月3日 19:30 教学楼A101 学习二十大精神');
    expect(reply.join('\n')).toMatch(/请确认班会安排[\s\S]*2026年12月3日（周四）19:30/);
    await say.press(secretary, secretary.id, 'mtd:save');
    expect(await t.db.selectFrom('meetings').select('class_id').execute()).toHaveLength(1);
    // Without a class: asked which.
    expect(await say.private(secretary, '/meeting 明天 19:30 A101 主题')).toEqual(['为哪个班级安排班会？']);
    // A liaison of one class is not asked; "12-03 19:30" reads as well.
    expect((await say.private(liaisonA, '/meeting 12-03 19:30 A101 主题')).join('\n')).toContain('2026年12月3日（周四）19:30');
  });

  it('a recurring meeting is a rule, not rows: fortnightly, materialised a little ahead', async () => {
    await arrange({ repeat: 2 });
    const [meeting] = await t.db.selectFrom('meetings').selectAll().execute();
    expect(meeting!.rule).toEqual({ kind: 'weekly', weekday: 4, time: '19:30', everyWeeks: 2, from: '2026-12-03' });
    const starts = (await t.db.selectFrom('meeting_occurrences').select('starts_at').orderBy('starts_at').execute()).map((o) => o.starts_at.toISOString());
    expect(starts).toEqual(['2026-12-03T11:30:00.000Z', '2026-12-17T11:30:00.000Z']);
    expect((await say.private(league, '/meetings')).join('\n')).toMatch(/计科2101.*2026年12月3日（周四）19:30\n🔁 每两周四 19:30/);
  });
});

describe('reminders', () => {
  it('both liaisons at 24 h and 1 h, with the two buttons, each once, and nobody else', async () => {
    await arrange();
    const since = h.api.mark();
    await at(before(24 * HOUR + MINUTE));
    expect(remindersTo(liaisonA, since)).toEqual([]);
    await at(before(24 * HOUR));
    await at(before(24 * HOUR - MINUTE));
    for (const liaison of [liaisonA, liaisonB]) expect(remindersTo(liaison, since)).toEqual([expect.stringContaining('将在 24 小时后开始')]);
    const reminder = h.api.calls.slice(since).find((c) => c.method === 'sendMessage' && c.params.chat_id === liaisonA.id)!;
    const buttons = (reminder.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    expect(buttons.flat().map((b) => b.text)).toEqual(['我会参加', '去不了 — 请另一位联络员参加']);
    expect(String(reminder.params.text)).toContain('2026年12月3日（周四）19:30');
    await at(before(HOUR));
    for (const liaison of [liaisonA, liaisonB]) expect(remindersTo(liaison, since)).toHaveLength(2);
    expect(remindersTo(liaisonA, since)[1]).toContain('将在 1 小时后开始');
    expect(textsTo(otherLiaison, since)).toEqual([]);
    expect(textsTo(student, since)).toEqual([]);
  });

  it('confirmation and the co-liaison hand-off; a confirmed meeting is not escalated', async () => {
    await arrange();
    await at(before(24 * HOUR));
    const since = h.api.mark();
    await say.press(liaisonA, liaisonA.id, `mta:n:${await occurrenceId()}`);
    expect(lastAnswer()).toBe('已记录你去不了，已请另一位联络员参加。');
    await deliver();
    const handoff = textsTo(liaisonB, since);
    expect(handoff).toEqual([expect.stringMatching(/^🙋 李联络 去不了 计科2101 的班会，请你参加/)]);
    await say.press(liaisonB, liaisonB.id, `mta:y:${await occurrenceId()}`);
    expect(lastAnswer()).toBe('好的，已记录你会参加。');
    const escalation = h.api.mark();
    await at(before(2 * HOUR));
    await at(before(HOUR));
    expect(textsTo(league, escalation)).toEqual([]);
    expect(textsTo(secretary, escalation)).toEqual([]);
    // The 1 h reminder: only the one who is coming, marked confirmed; none to the one who cannot.
    expect(remindersTo(liaisonB, escalation)).toEqual([expect.stringContaining('你已确认参加')]);
    expect(remindersTo(liaisonA, escalation)).toEqual([]);
    expect((await say.private(league, '/meetings')).join('\n')).toContain('李联络 去不了；张联络 会参加');
  });

  it('escalates 2 h before when neither liaison confirmed: one line each to the League secretary and the branch secretary', async () => {
    await arrange();
    await at(before(24 * HOUR));
    const since = h.api.mark();
    await at(before(2 * HOUR + MINUTE));
    expect(textsTo(league, since)).toEqual([]);
    await at(before(2 * HOUR));
    await at(before(2 * HOUR - MINUTE));
    const line = '⚠️ 计科2101 的班会（2026年12月3日（周四）19:30，教学楼A101）还没有联络员确认参加。';
    expect(textsTo(league, since)).toEqual([line]);
    expect(textsTo(secretary, since)).toEqual([line]);
    expect(textsTo(liaisonA, since)).toEqual([]);
  });

  it('quiet hours: a reminder due at night waits for 07:30', async () => {
    await arrange({ when: '周四 08:00' }); // 1 h reminder at 07:00, inside 22:30–07:30
    const thursday8 = new Date('2026-12-03T00:00:00Z');
    await at(new Date(thursday8.getTime() - 24 * HOUR));
    const since = h.api.mark();
    await at(new Date(thursday8.getTime() - HOUR));
    await at(new Date(thursday8.getTime() - 31 * MINUTE));
    expect(remindersTo(liaisonA, since)).toEqual([]);
    await at(new Date(thursday8.getTime() - 30 * MINUTE)); // 07:30
    // Held on purpose, not late: no late note.
    expect(remindersTo(liaisonA, since)).toEqual([expect.stringMatching(/^⏰ <b>班会提醒<\/b>：计科2101 的班会将在 1 小时后开始/)]);
    const rows = await remindersOf(t.db, { kind: 'meeting', subjectId: 1 });
    expect(rows.filter((r) => r.slot.startsWith('r60')).map((r) => [r.state, r.send_at.toISOString(), r.late])).toEqual([
      ['sent', '2026-12-02T23:30:00.000Z', false],
      ['sent', '2026-12-02T23:30:00.000Z', false],
    ]);
  });

  it('a restart between two reminders: the second comes once, the first is not repeated', async () => {
    await arrange();
    await at(before(24 * HOUR));
    await h.app.stop();
    h = await startHarness({ db: t.db, clock, runDispatcher: false, api: h.api });
    say = conversation(h);
    await at(before(23 * HOUR));
    await at(before(HOUR));
    for (const liaison of [liaisonA, liaisonB]) {
      expect(remindersTo(liaison).map((x) => /将在 (\S+ 小时)后/.exec(x)![1])).toEqual(['24 小时', '1 小时']);
    }
  });

  it('two processes ticking and dispatching at once: each reminder exactly once', async () => {
    await arrange();
    const second = t.kind === 'pglite' ? { db: t.db, close: async () => {} } : await secondPool();
    const other = await startHarness({ db: second.db, clock, runDispatcher: false, api: h.api });
    try {
      const since = h.api.mark();
      for (const moment of [before(24 * HOUR), before(24 * HOUR - MINUTE), before(HOUR)]) {
        clock.set(moment);
        await Promise.all([h.app.scheduler.tick(), other.app.scheduler.tick(), h.app.scheduler.tick()]);
        for (let i = 0; i < 6; i++) {
          clock.advance(1_100);
          await Promise.all([h.app.dispatcher.runOnce(), other.app.dispatcher.runOnce()]);
        }
      }
      for (const liaison of [liaisonA, liaisonB]) expect(remindersTo(liaison, since)).toHaveLength(2);
      // Nobody confirmed, so the escalation (2 h before) went out with the 1 h reminders: once each.
      for (const officer of [league, secretary]) expect(textsTo(officer, since)).toEqual([expect.stringContaining('还没有联络员确认参加')]);
      const sends = await t.db.selectFrom('outbox').select('dedupe_key').where('dedupe_key', 'like', '%reminder:meeting:%').execute();
      expect(sends).toHaveLength(6);
    } finally {
      await other.app.stop();
      await second.close();
    }
  });
});

describe('edit and cancel', () => {
  it('editing tells whoever was reminded, and the next reminder carries the change', async () => {
    await arrange();
    await at(before(24 * HOUR));
    const [meeting] = await t.db.selectFrom('meetings').select('id').execute();
    const since = h.api.mark();
    await say.private(league, '/meetings');
    await say.press(league, league.id, `mtm:e:${meeting!.id}`);
    await say.press(league, league.id, 'mtd:place');
    await say.private(league, '图书馆报告厅');
    await say.press(league, league.id, 'mtd:save');
    expect(textsTo(league, since).at(-1)).toContain('✅ 已修改');
    await deliver();
    for (const liaison of [liaisonA, liaisonB])
      expect(textsTo(liaison, since)).toEqual([expect.stringMatching(/^✏️ 计科2101 的班会有变动[\s\S]*图书馆报告厅/)]);
    await at(before(HOUR));
    expect(remindersTo(liaisonA, since)).toEqual([expect.stringContaining('图书馆报告厅')]);
    expect((await t.db.selectFrom('meetings').select('revision').executeTakeFirstOrThrow()).revision).toBe(1);
  });

  it('cancelling tells whoever was reminded and the group; no reminder follows', async () => {
    await arrange({ group: true });
    await deliver();
    expect(textsTo(group).filter((x) => x.includes('班会通知'))).toEqual([expect.stringContaining('2026年12月3日（周四）19:30')]);
    await at(before(24 * HOUR));
    const [meeting] = await t.db.selectFrom('meetings').select('id').execute();
    const since = h.api.mark();
    await say.private(liaisonA, '/meetings');
    await say.press(liaisonA, liaisonA.id, `mtm:c:${meeting!.id}`);
    await say.press(liaisonA, liaisonA.id, `mtm:cc:${meeting!.id}`);
    await deliver();
    const notice = '✖️ 计科2101 的班会（2026年12月3日（周四）19:30，教学楼A101）已取消。';
    expect(textsTo(liaisonB, since)).toEqual([notice]);
    expect(textsTo(liaisonA, since)).toContain(notice);
    expect(textsTo(league, since)).toEqual([]); // the League secretary was not reminded (they arranged it)
    expect(textsTo(group, since)).toEqual(['✖️ 原定 2026年12月3日（周四）19:30 在 教学楼A101 的班会已取消。']);
    const after = h.api.mark();
    await at(before(2 * HOUR));
    await at(before(HOUR));
    await at(new Date('2026-12-03T00:00:00Z')); // the morning post
    expect(h.api.calls.slice(after).filter((c) => c.method === 'sendMessage')).toEqual([]);
    expect(await say.private(league, '/meetings')).toEqual([expect.stringContaining('目前没有安排班会')]);
  });

  it('posts in the class group at creation and on the morning of the day', async () => {
    await arrange({ group: true });
    await at('2026-12-02T23:59:00Z');
    expect(textsTo(group).filter((x) => x.startsWith('📢 今天'))).toEqual([]);
    await at('2026-12-03T00:00:00Z'); // 08:00
    expect(textsTo(group).filter((x) => x.startsWith('📢 今天'))).toEqual(['📢 今天 19:30 在 教学楼A101 召开班会。\n📝 学习二十大精神']);
  });
});

describe('after downtime', () => {
  it('a reminder still useful is sent late and says so; one whose meeting has begun is dropped and recorded', async () => {
    await arrange();
    const since = h.api.mark();
    // Down from 10:00 Tuesday until 20:10 Wednesday: the 24 h reminder is 40 minutes late.
    await at(before(24 * HOUR - 40 * MINUTE));
    expect(remindersTo(liaisonA, since)).toEqual([expect.stringMatching(/^⏰ <i>（这条提醒晚到了：机器人曾暂时离线）<\/i>\n⏰ <b>班会提醒<\/b>/)]);
    // Down again until after the meeting began: the 1 h reminder and the escalation are dropped.
    const later = h.api.mark();
    await at(new Date(THURSDAY.getTime() + 5 * MINUTE));
    expect(h.api.calls.slice(later).filter((c) => c.method === 'sendMessage')).toEqual([]);
    const rows = await remindersOf(t.db, { kind: 'meeting', subjectId: 1 });
    expect(rows.map((r) => [r.slot, r.state, r.late])).toEqual([
      ['r1440.v0', 'sent', true],
      ['r1440.v0', 'sent', true],
      ['esc.v0', 'dropped', false],
      ['esc.v0', 'dropped', false],
      ['r60.v0', 'dropped', false],
      ['r60.v0', 'dropped', false],
    ]);
    expect(h.logs.filter((l) => l.event === 'reminder_dropped')).toHaveLength(4);
  });
});

describe('bad input: a short answer, nothing written', () => {
  const nothingWritten = async () => expect(await t.db.selectFrom('meetings').selectAll().execute()).toEqual([]);

  it('impossible dates and times, the past, too far, texts over the limits', async () => {
    await say.private(league, '/meeting');
    expect(await say.private(league, '2026-02-30 19:30')).toEqual([expect.stringContaining('这个日期不存在')]);
    expect(await say.private(league, '周四 25:00')).toEqual([expect.stringContaining('这个时刻不存在')]);
    expect(await say.private(league, '下周开会')).toEqual([expect.stringContaining('没看懂这个时间')]);
    expect(await say.private(league, '2026-11-30 19:30')).toEqual(['2026年11月30日（周一）19:30 已经过去了，请输入一个将来的时间。']);
    expect(await say.private(league, '2028-12-01 19:30')).toEqual(['只能安排一年以内的班会。']);
    await say.private(league, '周四 19:30');
    expect(await say.private(league, 'x'.repeat(101))).toEqual(['太长了：101 个字，最多 100 个字。']);
    await say.private(league, 'A101');
    expect(await say.private(league, '题'.repeat(201))).toEqual(['太长了：201 个字，最多 200 个字。']);
    expect(await say.private(league, '/cancel')).toEqual(['已取消，没有保存任何内容。']);
    expect(await say.private(league, '/meeting 2026-13-01 19:30 A101 主题')).toEqual([expect.stringContaining('这个日期不存在')]);
    expect(await say.private(league, `/meeting 周四 19:30 A101 ${'题'.repeat(201)}`)).toEqual(['太长了：201 个字，最多 200 个字。']);
    await nothingWritten();
  });

  it('a liaison naming a class not theirs, a student, a confirmation saved after its time passed', async () => {
    expect(await say.private(liaisonA, '/meeting CS2102 周四 19:30 A101 主题')).toEqual(['你只能为自己负责的班级安排班会。']);
    expect(await say.private(student, '/meeting')).toEqual(['抱歉，班会只能由本班团支书、联络员或支部书记安排。']);
    expect(await say.private(student, '/meetings')).toEqual(['抱歉，班会只能由本班团支书、联络员或支部书记安排。']);
    expect(await say.group(group, liaisonA, '/meeting')).toEqual(['请在与我的私聊中使用这个命令。']);
    // The confirmation shown at 10:00, Save pressed after the meeting time has passed.
    await say.private(league, '/meeting 今天 11:00 A101 主题');
    clock.set(new Date('2026-12-01T03:01:00Z'));
    await say.press(league, league.id, 'mtd:save');
    expect(textsTo(league).slice(-2)).toEqual(['2026年12月1日（周二）11:00 已经过去了，请输入一个将来的时间。', expect.stringContaining('班会什么时候开')]);
    await nothingWritten();
  });

  it('forged buttons naming another class’s meeting, and a confirmation pressed after the meeting', async () => {
    await arrange();
    await at(before(24 * HOUR));
    const occ = await occurrenceId();
    const [meeting] = await t.db.selectFrom('meetings').select('id').execute();
    const press = async (who: FakeUser, data: string) => h.handled(h.api.pressButton(who, { chat: { id: who.id, type: 'private' }, message_id: 1 }, data));
    await press(otherLiaison, `mta:y:${occ}`);
    expect(lastAnswer()).toBe('这不是你负责班级的班会。');
    await press(league, `mta:y:${occ}`); // the League secretary is not a liaison
    expect(lastAnswer()).toBe('这不是你负责班级的班会。');
    await press(otherLiaison, `mtm:c:${meeting!.id}`);
    expect(lastAnswer()).toBe('这不是你负责班级的班会。');
    await press(otherLiaison, `mtm:cc:${meeting!.id}`);
    expect(lastAnswer()).toBe('这不是你负责班级的班会。');
    await press(liaisonA, `mta:y:999999`);
    expect(lastAnswer()).toBe('这个班会已经取消或不存在了。');
    await press(liaisonA, 'mta:x:1');
    expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
    expect(await t.db.selectFrom('meeting_attendance').selectAll().execute()).toEqual([]);
    expect((await t.db.selectFrom('meetings').select('state').executeTakeFirstOrThrow()).state).toBe('active');
    clock.set(new Date(THURSDAY.getTime() + MINUTE));
    await say.press(liaisonA, liaisonA.id, `mta:y:${occ}`);
    expect(lastAnswer()).toBe('这次班会已经开始或结束，不需要再确认了。');
    expect(await t.db.selectFrom('meeting_attendance').selectAll().execute()).toEqual([]);
  });
});

async function secondPool(): Promise<{ db: Db; close(): Promise<void> }> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
  const db = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema });
  return { db, close: () => db.destroy() };
}
