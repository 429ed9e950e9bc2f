import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type RecordedCall } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { inviteCodeIn, startHarness, textOf, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { loadShippedFaq, setUpClass } from '../faq/setup.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
let clock: FixedClock;
/** The reply path's waits, recorded instead of slept. */
let waits: number[];
/** What the recorded waits would have taken: the send pace counts them as passed, so it does not depend on how fast this machine is. */
let slept: number;

const secretary = makeUser(101, '王书记', { language_code: 'zh-hans' });
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const newcomer = makeUser(203, '新联络');
const admin = makeUser(401, '群主');
const group = makeGroup(-5001, '计科2101班');
const LIMITS = { perSecond: 30, perChatPerMinute: 20 };
/** The reply deadline here (10 s in the app), so a held reply is given up within the test. */
const REPLY_TIMEOUT_MS = 3000;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadShippedFaq(t.db);
  clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  waits = [];
  slept = 0;
  h = await startHarness({
    db: t.db,
    clock,
    runDispatcher: false,
    replies: {
      sleep: async (ms) => {
        if (ms <= 0) return;
        waits.push(ms);
        slept += ms;
      },
      timeoutMs: REPLY_TIMEOUT_MS,
    },
    paceClock: () => performance.now() + slept,
  });
  say = conversation(h);
  await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group, admin });
});
afterEach(async () => h.stop());

const ok = (c: RecordedCall) => c.method === 'sendMessage' && c.status === 200;
const to = (chatId: number) => (c: RecordedCall) => String(c.params.chat_id) === String(chatId);
const replyTo = (c: RecordedCall) => (c.params.reply_parameters as { message_id?: number } | undefined)?.message_id;

/** The test clock's time of each call (the fake records real time; the app's minute is the test clock's). */
const clockTimes = new Map<RecordedCall, number>();
const stampCalls = () => h.api.calls.forEach((c) => clockTimes.has(c) || clockTimes.set(c, clock.now().getTime()));

/** Runs the dispatcher the way time passes: 3.1 s per round, until a few rounds send nothing. */
async function drainOutbox(): Promise<void> {
  for (let idle = 0; idle < 3;) {
    stampCalls();
    clock.advance(3_100);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
  stampCalls();
}

type Polled = { result?: Array<{ update_id: number; message?: { message_id: number } }> };
/** The message id the fake gave the message of this update (from what getUpdates answered). */
function messageOfUpdate(updateId: number): number {
  for (const c of h.api.callsTo('getUpdates')) {
    const found = (c.response as Polled | undefined)?.result?.find((u) => u.update_id === updateId);
    if (found?.message) return found.message.message_id;
  }
  throw new Error(`update ${updateId} was not polled`);
}

/** Most sends that fell within any 60 s of the test clock. */
function busiestMinute(calls: RecordedCall[]): number {
  const times = calls.map((c) => clockTimes.get(c)!).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 60_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('replies under Telegram limits', () => {
  it('waits out a 429 with a short retry_after and the reply arrives', async () => {
    h.api.injectFault('sendMessage', { kind: 'retryAfter', seconds: 2 }, { chatId: group.id });
    const since = h.api.mark();
    const replies = await say.group(group, liaisonA, '/liaisons');
    expect(replies.at(-1)).toContain('<b>计科2101</b> 的联络员');
    expect(
      h.api.calls
        .slice(since)
        .filter((c) => c.method === 'sendMessage')
        .filter(to(group.id))
        .map((c) => c.status),
    ).toEqual([429, 200]);
    expect(waits).toContain(2000);
    expect(h.logs.some((l) => l.event === 'update_failed')).toBe(false);
  });

  it('keeps an /invite link through a long 429: it arrives later through the outbox, and the link works', async () => {
    h.api.injectFault('sendMessage', { kind: 'retryAfter', seconds: 30 }, { chatId: secretary.id });
    const since = h.api.mark();
    await h.handled(h.api.sendPrivateText(secretary, '/invite counselor CS2101'));
    expect(h.api.calls.slice(since).filter(ok)).toEqual([]);
    expect(h.logs.some((l) => l.event === 'update_failed')).toBe(false);

    clock.advance(10_000);
    expect(await h.app.dispatcher.runOnce()).toBe(0); // not before Telegram allows
    clock.advance(21_000);
    await h.app.dispatcher.runOnce();
    const link = h.api.calls.slice(since).filter(ok).filter(to(secretary.id)).at(-1)!;
    expect(textOf(link)).toContain('?start=inv_');
    const [joined] = await say.private(newcomer, `/start ${inviteCodeIn(textOf(link))}`);
    expect(joined).toContain('计科2101');
    // the one-time link does not stay in the database once sent
    const rows = await t.db.selectFrom('outbox').select(['payload', 'state']).where('dedupe_key', 'like', '%reply:%').execute();
    expect(rows).toEqual([{ payload: { ephemeral: true }, state: 'done' }]);
  });

  it('sends a reply that hit a network failure through the outbox instead of losing it', async () => {
    h.api.injectFault('sendMessage', { kind: 'serverError' }, { chatId: group.id });
    const since = h.api.mark();
    await h.handled(h.api.sendGroupText(group, liaisonB, '/liaisons'));
    await drainOutbox();
    expect(h.api.calls.slice(since).filter(ok).map(textOf)).toEqual([expect.stringContaining('<b>计科2101</b> 的联络员')]);
  });

  it('waits for a reply Telegram holds until the reply deadline, then sends it through the outbox, in order with the next one', async () => {
    let release = () => {};
    h.api.injectFault('sendMessage', { kind: 'held', release: new Promise<void>((r) => (release = r)) }, { times: 1, chatId: secretary.id });
    const since = h.api.mark();
    const started = Date.now();
    const first = h.api.sendPrivateText(secretary, '/whoami');
    const second = h.api.sendPrivateText(secretary, '/help');
    // (the fake records the held call as answered; its answer is what never arrives)
    const held = await h.api.waitForCall('sendMessage', to(secretary.id), { since });
    const sent = () =>
      h.api.calls
        .slice(since)
        .filter(ok)
        .filter((c) => c !== held);
    await h.handled(first);
    expect(Date.now() - started).toBeGreaterThanOrEqual(REPLY_TIMEOUT_MS); // it waited for the answer up to the deadline
    expect(h.logs.filter((l) => l.event === 'reply_deferred')).toMatchObject([{ chatId: secretary.id, outcome: 'transient' }]);
    await h.handled(second);
    // the /help answer waits behind the /whoami answer in the outbox, not sent before it
    expect(sent()).toEqual([]);
    await drainOutbox();
    const delivered = sent().filter(to(secretary.id)).map(textOf);
    expect(delivered).toEqual([expect.stringContaining('支部书记'), expect.stringContaining('/whoami')]);
    release();
  });

  it('never sends a group more than 20 messages a minute: a burst of /ask and /liaisons is answered in the group, privately or later', async () => {
    const students = Array.from({ length: 36 }, (_, i) => makeUser(1000 + i, `同学${i}`));
    // a third of them have started the bot
    for (const s of students.filter((_, i) => i % 3 === 0)) await say.private(s, '/start');
    h.api.setRateLimits(LIMITS);
    // the bot's messages of the setup (added, bound) are in this minute's count too
    const before = h.api.calls.filter(ok).filter(to(group.id)).length;
    const since = h.api.mark();
    const asked = new Map<number, { user: number; kind: 'ask' | 'liaisons' }>();
    const ids: number[] = [];
    for (const [i, s] of students.entries()) {
      const kind = i % 2 === 0 ? 'ask' : 'liaisons';
      const id = h.api.sendGroupText(group, s, kind === 'ask' ? '/ask 入党申请书要怎么写啊' : '/liaisons');
      ids.push(id);
      asked.set(id, { user: s.id, kind });
    }
    for (const id of ids) await h.handled(id);
    stampCalls();
    const inGroup = () => h.api.calls.slice(since).filter(ok).filter(to(group.id));
    expect(inGroup()).toHaveLength(20 - before);
    expect(h.logs.filter((l) => l.event === 'reply_private').length).toBeGreaterThan(0);
    clock.advance(3_100);
    await h.app.dispatcher.runOnce(); // what waits in the outbox is held back while the group is full
    expect(inGroup()).toHaveLength(20 - before);
    expect(h.api.calls.slice(since).filter((c) => c.status === 429)).toEqual([]);

    // a minute later (the fake's windows start over) the outbox delivers what waited
    clock.advance(61_000);
    h.api.setRateLimits(LIMITS);
    await drainOutbox();
    const calls = h.api.calls.slice(since);
    expect(calls.filter((c) => c.status === 429)).toEqual([]);
    expect(busiestMinute(h.api.calls.filter(ok).filter(to(group.id)))).toBeLessThanOrEqual(20);

    // every asker got an answer: a reply to their message, a private message with a note, or the
    // one /liaisons answer that stood for several identical ones waiting, naming them
    const answeredInGroup = new Set(inGroup().map(replyTo));
    const privately = new Set(
      calls
        .filter(ok)
        .filter((c) => Number(c.params.chat_id) > 0 && textOf(c).includes('每分钟 20 条'))
        .map((c) => Number(c.params.chat_id)),
    );
    const coalesced = h.logs.filter((l) => l.event === 'reply_coalesced').length;
    const delayedLiaisons = inGroup().filter((c) => textOf(c).includes('的联络员') && textOf(c).includes('晚到'));
    let unanswered = 0;
    for (const [updateId, who] of asked) {
      const messageId = messageOfUpdate(updateId);
      if (answeredInGroup.has(messageId) || privately.has(who.user)) continue;
      unanswered++;
      expect(who.kind).toBe('liaisons');
      // told: named under the answer that stands for theirs, so Telegram notifies them
      expect(inGroup().some((c) => textOf(c).includes(`tg://user?id=${who.user}`))).toBe(true);
    }
    expect(unanswered).toBe(coalesced);
    expect(coalesced).toBeGreaterThan(0);
    expect(delayedLiaisons.length).toBeGreaterThan(0);
  });
});
