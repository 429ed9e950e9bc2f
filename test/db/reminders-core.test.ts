import { sql } from 'kysely';
import { Telegram } from 'telegraf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatMigrator } from '../../src/chats/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import type { Db } from '../../src/db/schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { Dispatcher } from '../../src/outbox/dispatcher.js';
import { messageJobs } from '../../src/outbox/messages.js';
import { reminderJobs } from '../../src/reminders/jobs.js';
import { cancelReminders, remindersOf, writeReminder, type ReminderSpec } from '../../src/reminders/remind.js';
import { branchSettings, updateBranchSettings } from '../../src/reminders/settings.js';
import { FixedClock } from '../../src/shared/clock.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let api: FakeBotApi;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const SH = 'Asia/Shanghai';
const HOUR = 3_600_000;
const quiet = { start: '22:30', end: '07:30' };
// A meeting on Thursday 3 December 2026 at 19:30 Shanghai time.
const meeting = new Date('2026-12-03T11:30:00Z');
let alice = 0;
let bob = 0;

beforeAll(async () => {
  t = await openTestDb();
  api = await startFakeBotApi();
});
afterAll(async () => {
  await api.close();
  await t.close();
});
beforeEach(async () => {
  await t.reset();
  clock.set(new Date('2026-12-02T02:00:00Z'));
  const people = await t.db
    .insertInto('people')
    .values([
      { telegram_user_id: 7001, first_name: 'Alice', last_name: null, username: null, language: 'zh' },
      { telegram_user_id: 7002, first_name: 'Bob', last_name: null, username: null, language: 'en' },
    ])
    .returning('id')
    .execute();
  [alice, bob] = people.map((p) => p.id) as [number, number];
});

const spec = (over: Partial<ReminderSpec> = {}): ReminderSpec => ({
  kind: 'meeting',
  subjectId: 1,
  occurrence: meeting,
  slot: '1h',
  personId: alice,
  dueAt: new Date(meeting.getTime() - HOUR),
  staleAt: meeting,
  quietHours: quiet,
  timeZone: SH,
  render: (lang) => ({ html: lang === 'en' ? 'Meeting at 19:30' : '班会 19:30', buttons: [[{ text: 'ok', callback_data: 'x' }]] }),
  ...over,
});
const outbox = () => t.db.selectFrom('outbox').select(['dedupe_key', 'available_at', 'state', 'payload', 'last_error']).orderBy('id').execute();
const ledger = () => remindersOf(t.db, { kind: 'meeting', subjectId: 1 });

function dispatcher(): Dispatcher {
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot, webhookReply: false });
  return new Dispatcher(
    { db: t.db, telegram, clock, logger: createLogger('silent'), migrateChat: createChatMigrator([]) },
    { ...messageJobs, ...reminderJobs },
  );
}
const fullBudget = () =>
  t.db
    .insertInto('send_budget')
    .values({ id: 1, tokens: 1.5, refilled_at: clock.now() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ tokens: 1.5, refilled_at: clock.now() }))
    .execute();

describe('writeReminder', () => {
  it('writes the ledger row and the outbox row once, at the reminder moment; a repeat does nothing', async () => {
    const now = new Date(meeting.getTime() - HOUR);
    expect(await writeReminder(t.db, spec(), now)).toBe('queued');
    expect(await writeReminder(t.db, spec(), now)).toBe('exists');
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.dedupe_key).toBe(`person:${alice}:reminder:meeting:1:2026-12-03T11:30:00.000Z:1h:${alice}`);
    expect(rows[0]!.available_at.toISOString()).toBe('2026-12-03T10:30:00.000Z');
    expect((rows[0]!.payload as { html: string }).html).toBe('班会 19:30');
    expect((await ledger()).map((r) => r.state)).toEqual(['queued']);
  });

  it('written ahead of its moment, it waits for it; in quiet hours, for their end', async () => {
    const early = new Date('2026-12-02T00:00:00Z');
    expect(await writeReminder(t.db, spec({ slot: '24h', dueAt: new Date(meeting.getTime() - 24 * HOUR) }), early)).toBe('queued');
    // A meeting at 08:00: its 1 h reminder (07:00) falls in the quiet hours and waits until 07:30.
    const morning = new Date('2026-12-04T00:00:00Z');
    const r = spec({ occurrence: morning, dueAt: new Date(morning.getTime() - HOUR), staleAt: morning });
    expect(await writeReminder(t.db, r, new Date(morning.getTime() - HOUR))).toBe('queued');
    expect((await outbox()).map((o) => o.available_at.toISOString())).toEqual(['2026-12-02T11:30:00.000Z', '2026-12-03T23:30:00.000Z']);
  });

  it('written late (downtime), it carries the late note in the person’s language', async () => {
    const now = new Date(meeting.getTime() - HOUR + 40 * 60_000);
    expect(await writeReminder(t.db, spec({ personId: bob }), now)).toBe('queued_late');
    const [row] = await outbox();
    expect((row!.payload as { html: string }).html).toBe('⏰ <i>(This reminder is late: the bot was offline for a while.)</i>\nMeeting at 19:30');
    expect(row!.available_at.toISOString()).toBe(now.toISOString());
    expect((await ledger())[0]!.late).toBe(true);
  });

  it('past its moment (the meeting has begun), or held by quiet hours past it: dropped and recorded, nothing queued', async () => {
    expect(await writeReminder(t.db, spec(), meeting)).toBe('dropped');
    // A meeting at 07:00: the 1 h reminder (06:00) would wait for 07:30, after the meeting.
    const dawn = new Date('2026-12-03T23:00:00Z');
    expect(await writeReminder(t.db, spec({ occurrence: dawn, dueAt: new Date(dawn.getTime() - HOUR), staleAt: dawn }), new Date(dawn.getTime() - HOUR))).toBe(
      'dropped',
    );
    expect(await outbox()).toEqual([]);
    expect((await ledger()).map((r) => [r.state, r.reason, r.outbox_key])).toEqual([
      ['dropped', 'stale', null],
      ['dropped', 'stale', null],
    ]);
    expect(await writeReminder(t.db, spec(), meeting)).toBe('exists');
  });

  it('two transactions writing the same reminder at once: one row each in the ledger and the outbox', async () => {
    const other = t.kind === 'pglite' ? { db: t.db, close: async () => {} } : await secondPool();
    try {
      const now = new Date(meeting.getTime() - HOUR);
      const write = (db: Db) => db.transaction().execute((trx) => writeReminder(trx, spec(), now));
      const outcomes = await Promise.all([write(t.db), write(other.db), write(t.db), write(other.db)]);
      expect(outcomes.filter((o) => o === 'queued')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'exists')).toHaveLength(3);
      expect(await outbox()).toHaveLength(1);
      expect(await ledger()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('the reminder job, when the dispatcher itself was down', () => {
  it('on time: sent as written, recorded sent', async () => {
    clock.set(new Date(meeting.getTime() - HOUR));
    await writeReminder(t.db, spec(), clock.now());
    await fullBudget();
    const since = api.mark();
    expect(await dispatcher().runOnce()).toBe(1);
    const sent = api.calls.slice(since).filter((c) => c.method === 'sendMessage');
    expect(sent.map((c) => [c.params.chat_id, c.params.text])).toEqual([[7001, '班会 19:30']]);
    expect((await ledger()).map((r) => [r.state, r.late])).toEqual([['sent', false]]);
  });

  it('taken after its late moment: sent with the late note; taken after the meeting began: not sent, recorded dropped', async () => {
    clock.set(new Date(meeting.getTime() - HOUR));
    await writeReminder(t.db, spec(), clock.now());
    await writeReminder(t.db, spec({ personId: bob }), clock.now());
    const since = api.mark();
    clock.set(new Date(meeting.getTime() - 30 * 60_000)); // the dispatcher comes back 30 min late
    for (const _ of [1, 2]) {
      await fullBudget();
      await dispatcher().runOnce();
    }
    const sent = api.calls.slice(since).filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(2);
    expect(sent.find((c) => c.params.chat_id === 7001)?.params.text).toBe('⏰ <i>（这条提醒晚到了：机器人曾暂时离线）</i>\n班会 19:30');
    expect((await ledger()).map((r) => [r.state, r.late])).toEqual([
      ['sent', true],
      ['sent', true],
    ]);

    await writeReminder(t.db, spec({ slot: '24h', dueAt: new Date(meeting.getTime() - 24 * HOUR) }), new Date(meeting.getTime() - 24 * HOUR));
    clock.set(new Date(meeting.getTime() + 60_000)); // back only after the meeting began
    await fullBudget();
    const after = api.mark();
    await dispatcher().runOnce();
    expect(api.calls.slice(after).filter((c) => c.method === 'sendMessage')).toEqual([]);
    const row = (await ledger()).find((r) => r.slot === '24h')!;
    expect([row.state, row.reason]).toEqual(['dropped', 'stale']);
  });
});

describe('a reminder held by quiet hours', () => {
  it('goes out when they end without the late note: it is held on purpose, not late', async () => {
    const morning = new Date('2026-12-04T00:00:00Z'); // 08:00; the 1 h reminder (07:00) waits until 07:30
    clock.set(new Date(morning.getTime() - HOUR));
    expect(await writeReminder(t.db, spec({ occurrence: morning, dueAt: clock.now(), staleAt: morning }), clock.now())).toBe('queued');
    clock.set(new Date('2026-12-03T23:30:00Z'));
    await fullBudget();
    const since = api.mark();
    expect(await dispatcher().runOnce()).toBe(1);
    expect(
      api.calls
        .slice(since)
        .filter((c) => c.method === 'sendMessage')
        .map((c) => c.params.text),
    ).toEqual(['班会 19:30']);
    expect((await remindersOf(t.db, { kind: 'meeting', subjectId: 1 })).map((r) => [r.state, r.late])).toEqual([['sent', false]]);
  });
});

describe('cancelReminders', () => {
  it('cancels what has not gone out and names who already got one', async () => {
    clock.set(new Date(meeting.getTime() - 24 * HOUR));
    await writeReminder(t.db, spec({ slot: '24h', dueAt: clock.now() }), clock.now());
    await fullBudget();
    await dispatcher().runOnce(); // Alice got the 24 h reminder
    await writeReminder(t.db, spec({ personId: alice }), clock.now());
    await writeReminder(t.db, spec({ personId: bob }), clock.now());
    const result = await t.db.transaction().execute((trx) => cancelReminders(trx, { kind: 'meeting', subjectId: 1 }, clock.now()));
    expect(result).toEqual({ cancelled: 2, reminded: [alice] });
    expect((await outbox()).map((o) => o.state)).toEqual(['done', 'cancelled', 'cancelled']);
    expect((await ledger()).map((r) => r.state).sort()).toEqual(['cancelled', 'cancelled', 'sent']);
  });
});

describe('branch settings', () => {
  it('defaults, a valid change, and an invalid one refused whole', async () => {
    const branch = await t.db.insertInto('branches').values({ name: '支部' }).returning('id').executeTakeFirstOrThrow();
    expect((await branchSettings(t.db, branch.id)).meetingReminderMinutes).toEqual([1440, 60]);
    expect((await updateBranchSettings(t.db, branch.id, { escalationLeadMinutes: 180 }, clock.now())).ok).toBe(true);
    const bad = await updateBranchSettings(t.db, branch.id, { escalationLeadMinutes: 0, quietHours: { start: '7', end: '8' } }, clock.now());
    expect(bad.ok).toBe(false);
    const s = await branchSettings(t.db, branch.id);
    expect([s.escalationLeadMinutes, s.quietHours]).toEqual([180, { start: '22:30', end: '07:30' }]);
  });
});

async function secondPool(): Promise<{ db: Db; close(): Promise<void> }> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db);
  const db = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema });
  return { db, close: () => db.destroy() };
}
