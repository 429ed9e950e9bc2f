import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, textOf, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { buttonsOf, loadShippedFaq, setUpClass } from '../faq/setup.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
let clock: FixedClock;

const secretary = makeUser(101, '王书记');
const liaisonA = makeUser(201, '李联络');
const liaisonB = makeUser(202, '赵联络');
const student = makeUser(301, '小明');
const admin = makeUser(401, '群主');
const group = makeGroup(-5001, '计科2101班');
const HOUR = 3600_000;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  await loadShippedFaq(t.db);
  clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
  await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group, admin });
});
afterEach(async () => h.stop());

/** Hand-offs and answers go through the outbox: send what is due, moving the fixed clock on as its pacing needs. */
async function deliver() {
  for (let idle = 0, i = 0; i < 20 && idle < 3; i++) {
    clock.advance(1_100);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

const lastTo = (chatId: number) =>
  h.api
    .callsTo('sendMessage')
    .filter((c) => String(c.params.chat_id) === String(chatId))
    .at(-1)!;

/** A classmate's group question, passed on to the liaisons; liaison A presses "answer". */
async function liaisonStartsAnswer(): Promise<void> {
  await say.group(group, student, '/ask 入党申请书怎么写');
  await say.press(student, group.id, buttonsOf(lastTo(group.id))[0]!.callback_data);
  await deliver();
  await say.press(liaisonA, liaisonA.id, buttonsOf(lastTo(liaisonA.id))[0]!.callback_data);
  expect(textOf(lastTo(liaisonA.id))).toContain('请发送你对这个问题的回答');
}

describe('dialogues expire', () => {
  it('drops a forgotten FAQ answer after an hour: later private text is not posted as the answer', async () => {
    await liaisonStartsAnswer();
    clock.advance(HOUR + 60_000);
    const since = h.api.mark();
    const replies = await say.private(liaisonA, '明天下午开会别忘了');
    expect(replies).toEqual(['你之前未完成的操作已经 1 小时没有继续，已自动取消。\n刚才这条消息没有被使用；需要的话请重新开始。']);
    await deliver();
    const elsewhere = h.api.calls.slice(since).filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) !== String(liaisonA.id));
    expect(elsewhere).toEqual([]);
    // the dialogue is gone: the next message is an ordinary one, with no second note
    const next = await say.private(liaisonA, '/cancel');
    expect(next).toEqual(['当前没有需要取消的操作。']);
  });

  it('still takes the answer within the hour', async () => {
    await liaisonStartsAnswer();
    clock.advance(HOUR - 60_000);
    const since = h.api.mark();
    expect(await say.private(liaisonA, '手写，一千字左右即可。')).toEqual([expect.stringContaining('已把你的回答')]);
    await deliver();
    expect(h.api.calls.slice(since).some((c) => String(c.params.chat_id) === String(group.id) && textOf(c).includes('手写'))).toBe(true);
  });

  it('keeps other dialogues for 24 hours of inactivity, then notes the drop and runs the command', async () => {
    await say.private(secretary, '/notice');
    clock.advance(23 * HOUR);
    await say.private(secretary, '第一条通知'); // a step: the clock starts again
    clock.advance(23 * HOUR);
    expect(await say.private(secretary, '/cancel')).toEqual(['已取消，没有保存任何内容。']);

    await say.private(secretary, '/notice');
    clock.advance(24 * HOUR + 60_000);
    const replies = await say.private(secretary, '/whoami');
    expect(replies[0]).toBe('你之前未完成的操作已经 24 小时没有继续，已自动取消。');
    expect(replies[1]).toContain('支部书记');
  });
});
