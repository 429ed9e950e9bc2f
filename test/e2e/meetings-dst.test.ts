import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { remindersOf } from '../../src/reminders/remind.js';
import { updateBranchSettings } from '../../src/reminders/settings.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// TZ = America/New_York: clocks go 02:00 → 03:00 on 8 March 2026 and 02:00 → 01:00 on 1 November 2026.
let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-03-06T17:00:00Z'));
const MINUTE = 60_000;
const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '张联络');
const group = makeGroup(-9201, '计科2101班');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
});
afterEach(async () => h.stop());

async function setUp(now: string) {
  clock.set(new Date(now));
  h = await startHarness({ db: t.db, clock, runDispatcher: false, env: { TZ: 'America/New_York' } });
  say = conversation(h);
  const setup = h.logs.find((l) => l.event === 'setup_link')!;
  await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
  await say.private(secretary, '/class_add 计科2101 CS2101');
  h.api.setChatMember(group.id, secretary.id, 'administrator');
  await say.group(group, secretary, '/bind CS2101');
  for (const who of [liaisonA, liaisonB]) {
    const [invite] = await say.private(secretary, '/invite liaison CS2101');
    await say.private(who, `/start ${inviteCodeIn(invite!)}`);
  }
  // No quiet hours here: the reminders fall in the night.
  const branch = await t.db.selectFrom('branches').select('id').executeTakeFirstOrThrow();
  expect((await updateBranchSettings(t.db, branch.id, { quietHours: null }, clock.now())).ok).toBe(true);
}

async function deliver() {
  let idle = 0;
  for (let i = 0; i < 40 && idle < 2; i++) {
    clock.advance(1_100);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

const reminders = (user: { id: number }) =>
  h.api.calls
    .filter((c) => c.method === 'sendMessage' && c.params.chat_id === user.id && String(c.params.text).includes('班会提醒'))
    .map((c) => String(c.params.text));

/** node-cron's minute ticks from `from` to `to`, the dispatcher after each. */
async function tickEachMinute(from: string, to: string) {
  for (let at = Date.parse(from); at <= Date.parse(to); at += MINUTE) {
    clock.set(new Date(at));
    await h.app.scheduler.tick();
    await deliver();
  }
}

describe('a DST zone (America/New_York)', () => {
  it('02:30 on the spring-forward day does not exist: the meeting is at 03:00, and its reminders come at the right instants', async () => {
    await setUp('2026-03-06T17:00:00Z'); // Friday 12:00 EST
    const reply = await say.private(liaisonA, '/meeting 2026-03-08 02:30 A101 主题');
    expect(reply[0]).toBe('注意：当天 2026-03-08 02:30 因夏令时调整并不存在，班会按 2026年3月8日（周日）03:00 安排。');
    expect(reply[1]).toContain('2026年3月8日（周日）03:00');
    await say.press(liaisonA, liaisonA.id, 'mtd:save');
    const [occurrence] = await t.db.selectFrom('meeting_occurrences').select('starts_at').execute();
    expect(occurrence!.starts_at.toISOString()).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    // 24 h before is 02:00 EST on Saturday (07:00Z); 1 h before is 01:00 EST on Sunday (06:00Z).
    await tickEachMinute('2026-03-07T06:58:00Z', '2026-03-07T07:01:00Z');
    await tickEachMinute('2026-03-08T05:58:00Z', '2026-03-08T06:01:00Z');
    expect(reminders(liaisonB).map((x) => /将在 (\S+ 小时)后/.exec(x)![1])).toEqual(['24 小时', '1 小时']);
    const rows = await remindersOf(t.db, { kind: 'meeting', subjectId: 1 });
    // The escalation (2 h before, nobody confirmed) went to the secretary at 00:00 EST.
    expect([...new Set(rows.filter((r) => r.state === 'sent').map((r) => `${r.slot} ${r.due_at.toISOString()}`))]).toEqual([
      'r1440.v0 2026-03-07T07:00:00.000Z',
      'esc.v0 2026-03-08T05:00:00.000Z',
      'r60.v0 2026-03-08T06:00:00.000Z',
    ]);
  });

  it('a weekly meeting whose reminder falls in the repeated autumn hour is reminded once', async () => {
    await setUp('2026-10-20T16:00:00Z'); // Tuesday 12:00 EDT
    await say.private(liaisonA, '/meeting 周日 02:30 A101 主题');
    await say.press(liaisonA, liaisonA.id, 'mtd:rep');
    await say.press(liaisonA, liaisonA.id, 'mtd:save');
    // Sunday 1 November, 02:30 EST = 07:30Z; its 1 h reminder is 01:30 EST = 06:30Z, in the hour that happens twice.
    await tickEachMinute('2026-11-01T04:55:00Z', '2026-11-01T06:35:00Z');
    const hourBefore = (user: { id: number }) => reminders(user).filter((x) => x.includes('2026年11月1日（周日）02:30') && x.includes('1 小时后'));
    expect(hourBefore(liaisonA)).toHaveLength(1);
    expect(hourBefore(liaisonB)).toHaveLength(1);
    const rows = await remindersOf(t.db, { kind: 'meeting', subjectId: 1, occurrence: new Date('2026-11-01T07:30:00Z') });
    expect(rows.filter((r) => r.slot.startsWith('r60')).map((r) => [r.due_at.toISOString(), r.state])).toEqual([
      ['2026-11-01T06:30:00.000Z', 'sent'],
      ['2026-11-01T06:30:00.000Z', 'sent'],
    ]);
  });
});
