import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialogueRouter } from '../../src/dialogue/router.js';
import { FixedClock } from '../../src/shared/clock.js';
import { startBotHarness, type BotHarness } from '../support/bot-harness.js';
import { conversation } from '../support/conversation.js';
import { makeUser } from '../support/fake-bot-api/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { allowed, answer, survey, testFeatures } from '../support/test-dialogues.js';

let t: TestDb;
let h: BotHarness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-12-02T02:00:00Z'));
const ann = makeUser(501, 'Ann');
const bob = makeUser(502, 'Bob');
const HOUR = 3600_000;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(new Date('2026-12-02T02:00:00Z'));
  allowed.clear();
  allowed.add(ann.id);
  h = await startBotHarness({ db: t.db, clock, features: testFeatures() });
  say = conversation(h);
});
afterEach(async () => h.stop());

const lastAnswer = () => h.api.callsTo('answerCallbackQuery').at(-1)!.params.text;
const stored = () => t.db.selectFrom('dialogues').select(['kind', 'step', 'data']).execute();
const sendPhoto = async (fileId: string) => {
  const since = h.api.mark();
  const message = { message_id: 900, date: 1, chat: { id: ann.id, type: 'private', first_name: 'Ann' }, from: { ...ann, is_bot: false } };
  await h.handled(h.api.pushUpdate(<never>{ message: { ...message, photo: [{ file_id: fileId, file_unique_id: 'u', width: 1, height: 1 }] } }));
  return h.api.calls
    .slice(since)
    .filter((c) => c.method === 'sendMessage')
    .map((c) => String(c.params.text));
};

describe('step routing', () => {
  it('takes each step its messages and buttons, with the data typed and saved between them', async () => {
    expect(await say.private(ann, '/survey')).toEqual(['name? (Ann)']);
    expect(await stored()).toEqual([{ kind: 'test_survey', step: 'name', data: { name: '', photo: null, likes: 0 } }]);
    expect(await say.private(ann, 'Ann Lee')).toEqual(['photo?']);
    // the photo step takes photos only; a text gets the step's own answer and changes nothing
    expect(await say.private(ann, 'no photo')).toEqual(['请发送文字、一张图片或一个文件作为通知内容。']);
    expect(await sendPhoto('pic-1')).toEqual(['confirm Ann Lee pic-1']);
    await say.press(ann, ann.id, 'sv:more:2');
    expect(lastAnswer()).toBe('likes 2');
    await say.press(ann, ann.id, 'sv:more:2');
    expect(await stored()).toEqual([{ kind: 'test_survey', step: 'confirm', data: { name: 'Ann Lee', photo: 'pic-1', likes: 4 } }]);
    // a message at a step that takes none goes on to the next handlers
    expect(await say.private(ann, 'hello')).toEqual(['passed on']);
    await say.press(ann, ann.id, 'sv:yes');
    expect(h.api.callsTo('sendMessage').at(-1)!.params.text).toBe('saved Ann Lee 4');
    expect(lastAnswer()).toBeUndefined(); // answered once, by the framework, after the handler
    expect(await stored()).toEqual([]);
  });

  it('answers a button before the next step prompts, and commands pass through an open dialogue', async () => {
    await say.private(ann, '/survey');
    await say.private(ann, 'Ann');
    const since = h.api.mark();
    await say.press(ann, ann.id, 'sv:skip');
    expect(
      h.api.calls
        .slice(since)
        .map((c) => c.method)
        .filter((m) => m !== 'getUpdates'),
    ).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(await say.private(ann, '/unknown')).toEqual(['passed on']);
    expect((await stored())[0]!.step).toBe('confirm');
  });
});

describe('stale buttons', () => {
  it('answers "expired" to a button of another step, of a finished dialogue, and to forged data', async () => {
    await say.private(ann, '/survey');
    await say.private(ann, 'Ann');
    await say.press(ann, ann.id, 'sv:skip');
    await say.press(ann, ann.id, 'sv:skip'); // the photo step is over
    expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
    for (const forged of ['sv:more:x', 'sv:more:0', 'sv:bogus', 'sv', 'sv:yes:1:2']) {
      await h.handled(h.api.pressButton(ann, { chat: { id: ann.id, type: 'private' }, message_id: 1 }, forged));
      expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
    }
    expect((await stored())[0]).toMatchObject({ step: 'confirm', data: { likes: 0 } });
    await say.press(ann, ann.id, 'sv:yes');
    await say.press(ann, ann.id, 'sv:more:2');
    expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
    expect(await stored()).toEqual([]);
  });

  it('stops a dialogue whose scope no longer lets the caller in', async () => {
    await say.private(ann, '/survey');
    await say.private(ann, 'Ann');
    allowed.delete(ann.id);
    await say.press(ann, ann.id, 'sv:skip');
    expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
    expect(await say.private(ann, 'a text')).toEqual(['这个操作已过期，请重新开始。']);
    expect(await stored()).toEqual([]);
    expect(await say.private(bob, '/survey')).toEqual(['not allowed']);
  });
});

describe('cancel', () => {
  it('/cancel and the cancel button leave the dialogue at any step; its buttons are stale afterwards', async () => {
    await say.private(ann, '/survey');
    expect(await say.private(ann, '/cancel')).toEqual(['已取消，没有保存任何内容。']);
    expect(await say.private(ann, '/cancel')).toEqual(['当前没有需要取消的操作。']);
    expect(await say.private(ann, 'Ann')).toEqual(['passed on']);

    await say.private(ann, '/survey');
    await say.private(ann, 'Ann');
    await say.press(ann, ann.id, 'sv:skip');
    await say.press(ann, ann.id, 'sv:cancel');
    expect(h.api.callsTo('sendMessage').at(-1)!.params.text).toBe('已取消，没有保存任何内容。');
    expect(await stored()).toEqual([]);
    await say.press(ann, ann.id, 'sv:cancel');
    expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
  });
});

describe('stored rows that no longer fit', () => {
  const person = () => t.db.selectFrom('people').select('id').where('telegram_user_id', '=', ann.id).executeTakeFirstOrThrow();
  const plant = async (step: string, data: object) => {
    const { id } = await person();
    await t.db
      .insertInto('dialogues')
      .values({ person_id: id, kind: 'test_survey', step, data: JSON.stringify(data), updated_at: clock.now() })
      .execute();
  };
  const outdated = '机器人已更新，你之前未完成的操作无法继续，已自动取消。请重新开始，抱歉。';

  it('drops data that fails the schema, politely, and does not use the message', async () => {
    await say.private(ann, '/cancel');
    await plant('name', { name: 5 });
    expect(await say.private(ann, 'Ann')).toEqual([`${outdated}\n刚才这条消息没有被使用；需要的话请重新开始。`]);
    expect(await stored()).toEqual([]);
  });

  it('drops a step the declaration no longer has; a button then gets the note and "expired"', async () => {
    await say.private(ann, '/cancel');
    await plant('colour', { name: 'Ann', photo: null, likes: 0 });
    await h.handled(h.api.pressButton(ann, { chat: { id: ann.id, type: 'private' }, message_id: 1 }, 'sv:yes'));
    expect(h.api.callsTo('sendMessage').at(-1)!.params.text).toBe(outdated);
    expect(lastAnswer()).toBe('这个操作已过期，请重新开始。');
    expect(await stored()).toEqual([]);
  });
});

describe('a one-step dialogue started by another button, with its own lifetime', () => {
  it('takes the answer within the hour', async () => {
    await say.private(ann, '/question');
    await say.press(ann, ann.id, 'tq:a:7');
    expect(h.api.callsTo('sendMessage').at(-1)!.params.text).toBe('answer question 7');
    expect(lastAnswer()).toBe('go'); // the starter answers its own button
    clock.advance(HOUR - 60_000);
    expect(await say.private(ann, 'yes')).toEqual(['answered 7: yes']);
  });

  it('expires after an hour, so later text is not taken as the answer', async () => {
    await say.private(ann, '/question');
    await say.press(ann, ann.id, 'tq:a:7');
    clock.advance(HOUR + 60_000);
    expect(await say.private(ann, 'yes')).toEqual(['你之前未完成的操作已经 1 小时没有继续，已自动取消。\n刚才这条消息没有被使用；需要的话请重新开始。']);
    expect(await stored()).toEqual([]);
  });
});

describe('declarations', () => {
  it('refuses two dialogues with one kind or one button prefix', () => {
    expect(() => dialogueRouter([survey, survey])).toThrow(/kind "test_survey"/);
    expect(() => dialogueRouter([survey, { ...answer, kind: 'other', callback: survey.callback }])).toThrow(/prefix "sv"/);
    expect(survey.lifetimeMs).toBe(24 * HOUR);
    expect(answer.lifetimeMs).toBe(HOUR);
  });
});
