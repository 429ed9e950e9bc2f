import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeWeeklyAlerts } from '../../src/features/overview/alerts.js';
import { FixedClock } from '../../src/shared/clock.js';
import { makeUser, type FakeUser } from '../support/fake-bot-api/index.js';
import { onboardBranch } from '../support/branch.js';
import { conversation } from '../support/conversation.js';
import { deliverAll, secondPool } from '../support/drive.js';
import { startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Issue 11: the weekly timeliness alerts to each class's liaisons, through the scheduler and the
// reminders ledger: once per class and week, nothing when nothing is due.

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const SUNDAY = new Date('2026-12-06T02:00:00Z'); // 10:00 in Asia/Shanghai
const MONDAY_9 = new Date('2026-12-07T01:00:00Z'); // Monday 09:00 in Asia/Shanghai
const NEXT_MONDAY_9 = new Date('2026-12-14T01:00:00Z');
const clock = new FixedClock(SUNDAY);

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const liaisonC = makeUser(203, '钱联络');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(SUNDAY);
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
});
afterEach(async () => {
  await h.stop();
});

async function seedRecords() {
  const classId = async (code: string) => (await t.db.selectFrom('classes').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const [a, b] = [await classId('CS2101'), await classId('CS2102')];
  const now = clock.now();
  const rows = await t.db
    .insertInto('pipeline_records')
    .values(
      (
        [
          [a, '老积极', 'activist', { activist_on: '2025-12-01' }], // a year of training passed: due; no report this quarter either
          [a, '新积极', 'activist', { activist_on: '2026-06-01' }], // not a year yet; has a report
          [a, '满一年', 'activist', { activist_on: '2025-12-07' }], // exactly a year today: due
          [a, '预备甲', 'probationary', { probationary_on: '2025-12-20' }], // ends within a month: due
          [a, '预备乙', 'probationary', { probationary_on: '2026-03-01' }], // ends in March
          [a, '延长丙', 'probationary', { probationary_on: '2025-10-01', probation_until: '2027-06-01' }], // extended
          [a, '发展丁', 'development_target', {}], // no thought report this quarter: due
          [a, '已归档', 'activist', { activist_on: '2024-01-01' }], // archived: never
          [b, '申请人', 'applicant', {}], // applicants owe nothing
          [b, '正式党员', 'full_member', {}],
          [b, '积极戊', 'activist', { activist_on: '2026-09-01' }], // has a report
        ] as const
      ).map(([class_id, name, stage, dates]) => ({
        class_id,
        name,
        stage,
        ...dates,
        archived_at: name === '已归档' ? now : null,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const withReport = ['新积极', '满一年', '预备甲', '预备乙', '延长丙', '积极戊'];
  await t.db
    .insertInto('thought_reports')
    .values(rows.filter((r) => withReport.includes(r.name)).map((r) => ({ record_id: r.id, received_on: '2026-11-10', created_at: now })))
    .execute();
  // last quarter's report does not count for this one
  await t.db
    .insertInto('thought_reports')
    .values({ record_id: rows.find((r) => r.name === '发展丁')!.id, received_on: '2026-09-20', created_at: now })
    .execute();
}

const alertsTo = (user: FakeUser) =>
  h.api.calls
    .filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(user.id) && String(c.params.text).includes('本周党建时间提醒'))
    .map((c) => String(c.params.text));

async function tickAt(at: Date, harness = h) {
  clock.set(at);
  const outcome = await harness.app.scheduler.tick();
  await deliverAll(h, clock);
  return outcome['overview.weekly_alerts'];
}

describe('weekly timeliness alerts', { timeout: 120_000 }, () => {
  it('a deployment of the alerts starting mid-week sends none at its first start; the next Monday it does', async () => {
    await seedRecords();
    // as before an upgrade that brings the alerts: the schedule has never run
    await h.stop();
    await t.db.deleteFrom('scheduler_state').where('name', '=', 'overview.weekly_alerts').execute();
    const TUESDAY = new Date('2026-12-08T06:00:00Z'); // 14:00 in Asia/Shanghai: the week's Monday 09:00 has passed
    clock.set(TUESDAY);
    h = await startHarness({ db: t.db, clock, runDispatcher: false }); // the start's tick is the schedule's first pass
    await deliverAll(h, clock);
    expect(await t.db.selectFrom('scheduler_state').select('last_run_at').where('name', '=', 'overview.weekly_alerts').executeTakeFirst()).toEqual({
      last_run_at: TUESDAY,
    });
    expect(await tickAt(new Date(TUESDAY.getTime() + 60_000))).toBe('not_due');
    expect(alertsTo(liaisonA)).toEqual([]);
    expect(await tickAt(NEXT_MONDAY_9)).toBe('ran');
    expect(alertsTo(liaisonA)).toEqual([expect.stringContaining('本季度还没有交思想汇报：发展丁、老积极')]);
    expect(alertsTo(liaisonC)).toEqual([]);
  });

  it('on Monday morning tells each liaison of a class what is due, once; a class with nothing due hears nothing', async () => {
    await seedRecords();
    expect(await tickAt(MONDAY_9)).toBe('ran');
    for (const liaison of [liaisonA, liaisonB]) {
      expect(alertsTo(liaison)).toEqual([
        [
          '<b>计科2101 · 本周党建时间提醒</b>',
          '积极分子培养已满一年、尚未列为发展对象（请考虑是否列为发展对象）：满一年、老积极',
          '预备期一个月内到期（请准备转正讨论）：预备甲',
          '本季度还没有交思想汇报：发展丁、老积极',
          '详情可用 /people 查看。',
        ].join('\n'),
      ]);
    }
    expect(alertsTo(liaisonC)).toEqual([]);

    // a second tick the same morning, a second process's scheduler, a direct second write: nothing more
    expect(await tickAt(new Date(MONDAY_9.getTime() + 60_000))).toBe('not_due');
    const second = await secondPool(t);
    const other = await startHarness({ db: second.db, clock, runDispatcher: false, api: h.api });
    try {
      await Promise.all([h.app.scheduler.tick(), other.app.scheduler.tick()]);
      await deliverAll(h, clock);
    } finally {
      await other.app.stop();
      await second.close();
    }
    expect(await t.db.transaction().execute((trx) => writeWeeklyAlerts(trx, clock.now(), 'Asia/Shanghai'))).toBe(0);
    await deliverAll(h, clock);
    for (const liaison of [liaisonA, liaisonB]) expect(alertsTo(liaison)).toHaveLength(1);
    const ledger = await t.db.selectFrom('reminders').select(['kind', 'state']).where('kind', '=', 'overview_alert').execute();
    expect(ledger).toEqual([
      { kind: 'overview_alert', state: 'sent' },
      { kind: 'overview_alert', state: 'sent' },
    ]);

    // the next week: again, with what is still due
    expect(await tickAt(NEXT_MONDAY_9)).toBe('ran');
    expect(alertsTo(liaisonA)).toHaveLength(2);
    expect(alertsTo(liaisonC)).toEqual([]);
  });

  it('sends nothing when nothing is due', async () => {
    expect(await tickAt(MONDAY_9)).toBe('ran');
    expect(await t.db.selectFrom('reminders').selectAll().execute()).toEqual([]);
    for (const liaison of [liaisonA, liaisonB, liaisonC]) expect(alertsTo(liaison)).toEqual([]);
  });
});
