import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type FakeChat } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));

const secretary = makeUser(101, '王书记');
const liaison = makeUser(201, '李联络');
const student = makeUser(301, '小明');
const student2 = makeUser(302, '小红');
const groups: FakeChat[] = [makeGroup(-9001, '计科2101班'), makeGroup(-9002, '计科2102班'), makeGroup(-9003, '软工2101班')];
const codes = ['CS2101', 'CS2102', 'SE2101'];

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  clock.set(new Date('2026-11-26T02:00:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false });
  say = conversation(h);
  await setUpBranch();
});
afterEach(async () => h.stop());

/** Secretary, four classes (three with bound groups), one liaison of the first class. */
async function setUpBranch() {
  const setup = h.logs.find((l) => l.event === 'setup_link')!;
  await say.private(secretary, `/start ${inviteCodeIn(String(setup.link))}`);
  for (const [i, code] of codes.entries()) {
    await say.private(secretary, `/class_add ${groups[i]!.title.replace('班', '')} ${code}`);
    h.api.setChatMember(groups[i]!.id, secretary.id, 'administrator');
    await say.group(groups[i]!, secretary, `/bind ${code}`);
  }
  await say.private(secretary, '/class_add 网安2101 NS2101');
  const [invite] = await say.private(secretary, '/invite liaison CS2101');
  await say.private(liaison, `/start ${inviteCodeIn(invite!)}`);
}

/** Let the dispatcher run until nothing is due, moving the clock on as Telegram's pacing needs. */
async function deliver(maxRounds = 50) {
  let idle = 0;
  for (let i = 0; i < maxRounds && idle < 2; i++) {
    clock.advance(3_100);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

const sentTo = (chatId: number, method = 'sendMessage') =>
  h.api.calls.filter((c) => c.method === method && String(c.params.chat_id) === String(chatId) && c.status === 200);

async function pressAll(user: typeof secretary, buttons: string[]) {
  for (const data of buttons) await say.press(user, user.id, data);
}

async function composeToAll(text: string, entities: object[] = [], options: { pin?: boolean; ack?: boolean } = {}) {
  await say.private(secretary, '/notice');
  const id = h.api.pushUpdate(<never>{
    message: {
      message_id: 1000 + Math.floor(Math.random() * 1e6),
      date: 1,
      chat: { id: secretary.id, type: 'private', first_name: secretary.first_name },
      from: { ...secretary, is_bot: false },
      text,
      entities,
    } as never,
  });
  await h.handled(id);
  await say.press(secretary, secretary.id, 'nd:all');
  if (options.pin) await say.press(secretary, secretary.id, 'nd:pin');
  if (options.ack === false) await say.press(secretary, secretary.id, 'nd:ack');
  await say.press(secretary, secretary.id, 'nd:next');
  await say.press(secretary, secretary.id, 'nd:now');
}

describe('composing and sending a notice', () => {
  it('sends to every bound class group with formatting, pin and acknowledgement button, and reports the rest', async () => {
    const bold = [{ type: 'bold', offset: 0, length: 4 }];
    await composeToAll('本周五 18:00 在 A101 召开班会 <b>请勿迟到</b>', bold, { pin: true });
    // one preview message: the notice as the groups will see it, with the buttons under it
    const preview = h.api
      .callsTo('sendMessage')
      .filter((c) => String(c.params.chat_id) === String(secretary.id))
      .at(-1)!;
    expect(preview.params).toMatchObject({ text: '本周五 18:00 在 A101 召开班会 <b>请勿迟到</b>', entities: bold });
    expect(preview.params.parse_mode).toBeUndefined();
    const rows = (preview.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    expect(rows.map((r) => r.map((b) => b.text))).toEqual([['收到 ✅ (0)'], ['✅ 发送到 4 个班级 · 立即 · 置顶'], ['✏️ 修改内容', '✖️ 取消']]);
    await say.press(secretary, secretary.id, 'nd:send');
    expect(h.api.callsTo('sendMessage').at(-1)!.params.text).toMatch(/已进入发送队列：3 个班级群。另有 1 个班级没有绑定群/);

    await deliver();
    for (const g of groups) {
      const sent = sentTo(g.id);
      expect(sent.filter((c) => String(c.params.text).includes('召开班会'))).toHaveLength(1);
      expect(sent.at(-1)!.params).toMatchObject({ entities: bold, reply_markup: { inline_keyboard: [[{ text: '收到 ✅ (0)' }]] } });
      expect(sent.at(-1)!.params.parse_mode).toBeUndefined();
      expect(sentTo(g.id, 'pinChatMessage')).toHaveLength(1);
    }
    const list = (await say.private(secretary, '/notices')).join('\n');
    expect(list).toContain('已送达 3/4');
    expect(list).toContain('失败 1');
  });

  it('lets the author cancel at any step, and refuses over-long text and unsupported content', async () => {
    await say.private(secretary, '/notice');
    const long = 'x'.repeat(5000);
    expect(await say.private(secretary, long)).toEqual([expect.stringContaining('5000 个字符，Telegram 一条消息最多 4096 个字符')]);
    await h.handled(
      h.api.pushUpdate(<never>{
        message: {
          message_id: 77,
          date: 1,
          chat: { id: secretary.id, type: 'private', first_name: 'x' },
          from: { ...secretary, is_bot: false },
          sticker: { file_id: 's' },
        } as never,
      }),
    );
    expect(String(h.api.callsTo('sendMessage').at(-1)!.params.text)).toContain('请发送文字、一张图片或一个文件');
    await say.private(secretary, '通知内容');
    expect(await say.private(secretary, '/cancel')).toEqual(['已取消，没有保存任何内容。']);
    await expect(say.press(secretary, secretary.id, 'nd:all')).resolves.toBeUndefined();
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('这个操作已过期，请重新开始。');
    expect(await t.db.selectFrom('notices').selectAll().execute()).toEqual([]);
  });

  it('survives a restart in the middle of the dialogue', async () => {
    await say.private(secretary, '/notice');
    await say.private(secretary, '重启也不丢的通知');
    await h.app.stop();
    h = await startHarness({ db: t.db, clock, runDispatcher: false, api: h.api });
    say = conversation(h);
    await pressAll(secretary, ['nd:pick', 'nd:t:1', 'nd:done', 'nd:next', 'nd:now', 'nd:send']);
    await deliver();
    expect(sentTo(groups[0]!.id).filter((c) => c.params.text === '重启也不丢的通知')).toHaveLength(1);
    expect(sentTo(groups[1]!.id).filter((c) => c.params.text === '重启也不丢的通知')).toHaveLength(0);
  });

  it('schedules a notice and sends it only when its time comes', async () => {
    await say.private(secretary, '/notice');
    await say.private(secretary, '定时通知');
    await say.press(secretary, secretary.id, 'nd:all');
    await say.press(secretary, secretary.id, 'nd:next');
    await say.press(secretary, secretary.id, 'nd:later');
    expect(await say.private(secretary, '明天晚上')).toEqual([expect.stringContaining('看不懂这个时间')]);
    expect(await say.private(secretary, '2020-01-01 10:00')).toEqual([expect.stringContaining('看不懂这个时间')]);
    await say.private(secretary, '2026-11-27 20:00');
    await say.press(secretary, secretary.id, 'nd:send');
    expect(String(h.api.callsTo('sendMessage').at(-1)!.params.text)).toContain('将于 2026-11-27 20:00 发送');
    await deliver();
    expect(sentTo(groups[0]!.id).filter((c) => c.params.text === '定时通知')).toHaveLength(0);
    clock.set(new Date('2026-11-27T12:00:00Z')); // 20:00 in Shanghai
    await deliver();
    expect(sentTo(groups[0]!.id).filter((c) => c.params.text === '定时通知')).toHaveLength(1);
  });

  it('sends a photo with its caption', async () => {
    await say.private(secretary, '/notice');
    await h.handled(
      h.api.pushUpdate(<never>{
        message: {
          message_id: 88,
          date: 1,
          chat: { id: secretary.id, type: 'private', first_name: 'x' },
          from: { ...secretary, is_bot: false },
          photo: [
            { file_id: 'small', file_unique_id: 's', width: 1, height: 1 },
            { file_id: 'big', file_unique_id: 'b', width: 9, height: 9 },
          ],
          caption: '活动海报',
        } as never,
      }),
    );
    await say.press(secretary, secretary.id, 'nd:all');
    await say.press(secretary, secretary.id, 'nd:next');
    await say.press(secretary, secretary.id, 'nd:now');
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    expect(sentTo(groups[2]!.id, 'sendPhoto').at(-1)!.params).toMatchObject({ photo: 'big', caption: '活动海报' });
  });

  it('sends to the classes with a tag', async () => {
    expect(await say.private(secretary, '/class_tags CS2101 2021级 计算机')).toEqual([
      expect.stringContaining('已设置 <b>计科2101</b> 的标签：2021级、计算机'),
    ]);
    await say.private(secretary, '/class_tags CS2102 2021级');
    expect(await say.private(secretary, '/class_tags')).toEqual([expect.stringContaining('用法：/class_tags')]);
    expect(await say.private(secretary, '/class_tags CS2101 <b>')).toEqual([expect.stringContaining('用法：/class_tags')]);
    expect(await say.private(student, '/class_tags CS2101 x')).toEqual(['抱歉，这个命令只有支部书记可以使用。']);
    await say.private(secretary, '/notice');
    await say.private(secretary, '21级的通知');
    await pressAll(secretary, ['nd:tags', 'nd:tag:0', 'nd:next', 'nd:now', 'nd:send']);
    await deliver();
    expect(groups.map((g) => sentTo(g.id).filter((c) => c.params.text === '21级的通知').length)).toEqual([1, 1, 0]);
  });

  it('lets a liaison send only to their own class', async () => {
    await say.private(liaison, '/notice');
    await say.private(liaison, '联络员的通知');
    // one class: the audience step is skipped; a forged class button is refused
    await say.press(liaison, liaison.id, 'nd:next');
    await h.handled(h.api.pressButton(liaison, { chat: { id: liaison.id, type: 'private' }, message_id: 1 }, 'nd:t:2'));
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('这个操作已过期，请重新开始。');
    await say.press(liaison, liaison.id, 'nd:now');
    await say.press(liaison, liaison.id, 'nd:send');
    await deliver();
    expect(sentTo(groups[0]!.id).filter((c) => c.params.text === '联络员的通知')).toHaveLength(1);
    expect(sentTo(groups[1]!.id).filter((c) => c.params.text === '联络员的通知')).toHaveLength(0);
    expect(await say.private(student, '/notice')).toEqual([expect.stringContaining('只有支部书记 / 联系班级的党员（联络员）可以使用')]);
  });
});

describe('acknowledgements', () => {
  it('counts each member once, refuses forged or outside presses, throttles button edits, and shows who acknowledged', async () => {
    await composeToAll('请确认收到');
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    const delivery = await t.db.selectFrom('deliveries').select(['id', 'class_id']).orderBy('class_id').execute();
    const first = delivery[0]!.id;
    await say.press(student, groups[0]!.id, `ack:${first}`);
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('已确认收到，谢谢！');
    await say.press(student, groups[0]!.id, `ack:${first}`);
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('你已经确认过了。');
    await say.press(student2, groups[0]!.id, `ack:${first}`);

    // a button with the first class's delivery id pressed on the second group's message
    const secondMessage = (sentTo(groups[1]!.id).at(-1)!.response as { result: { message_id: number } }).result.message_id;
    await h.handled(h.api.pressButton(student, { chat: groups[1]!, message_id: secondMessage }, `ack:${first}`));
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('这个按钮无效。');
    // someone who left the group
    h.api.setChatMember(groups[0]!.id, 999, 'left');
    await say.press(makeUser(999, '已退群'), groups[0]!.id, `ack:${first}`);
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('这个按钮无效。');
    expect(await t.db.selectFrom('acknowledgements').select('person_id').execute()).toHaveLength(2);

    await deliver();
    const edits = h.api.callsTo('editMessageReplyMarkup').filter((c) => String(c.params.chat_id) === String(groups[0]!.id));
    expect(edits).toHaveLength(1); // two presses, one edit
    expect(edits[0]!.params.reply_markup).toMatchObject({ inline_keyboard: [[{ text: '收到 ✅ (2)' }]] });

    h.api.setChatMemberCount(groups[0]!.id, 41);
    const [noticeId] = (await t.db.selectFrom('notices').select('id').execute()).map((n) => n.id);
    await say.private(secretary, '/notices');
    await say.press(secretary, secretary.id, `nl:d:${noticeId}`);
    const details = String(h.api.callsTo('sendMessage').at(-1)!.params.text);
    expect(details).toContain('计科2101：已送达 · 回执 2/40：<a href="tg://user?id=301">小明</a>、<a href="tg://user?id=302">小红</a>');
  });

  it('nudges the class liaisons privately when acknowledgements stay low', async () => {
    await composeToAll('需要回执的通知');
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    h.api.setChatMemberCount(groups[0]!.id, 31);
    clock.advance(24 * 3600 * 1000);
    await deliver();
    const nudge = sentTo(liaison.id).find((c) => String(c.params.text).includes('回执偏少'));
    expect(nudge?.params.text).toContain('<b>计科2101</b> 的最新通知回执偏少（0/30）');
    await deliver();
    expect(sentTo(liaison.id).filter((c) => String(c.params.text).includes('回执偏少'))).toHaveLength(1);
  });

  it('tells the secretary which liaisons a nudge could not reach', async () => {
    const second = makeUser(202, '赵联络');
    const [invite] = await say.private(secretary, '/invite liaison CS2101');
    await say.private(second, `/start ${inviteCodeIn(invite!)}`);
    h.api.setChatMember(second.id, h.api.bot.id, 'kicked'); // blocked the bot
    await composeToAll('需要回执的通知');
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    clock.advance(24 * 3600 * 1000);
    await deliver();
    expect(sentTo(liaison.id).some((c) => String(c.params.text).includes('回执偏少'))).toBe(true);
    const [noticeId] = (await t.db.selectFrom('notices').select('id').execute()).map((n) => n.id);
    await say.private(secretary, '/notices');
    await say.press(secretary, secretary.id, `nl:d:${noticeId}`);
    const details = String(h.api.callsTo('sendMessage').at(-1)!.params.text);
    expect(details).toContain('回执提醒没能送达这些联络员');
    expect(details).toContain('<a href="tg://user?id=202">赵联络</a>');
    expect(details).not.toContain('tg://user?id=201">李联络</a>。');
    // back in touch: a private message to the bot makes them reachable again
    h.api.setChatMember(second.id, h.api.bot.id, 'member');
    await say.private(second, '/whoami');
    const chat = await t.db.selectFrom('chats').select('active').where('telegram_chat_id', '=', second.id).executeTakeFirstOrThrow();
    expect(chat.active).toBe(true);
    await say.press(secretary, secretary.id, `nl:d:${noticeId}`);
    expect(String(h.api.callsTo('sendMessage').at(-1)!.params.text)).not.toContain('回执提醒没能送达');
    // Telegram's own notice that the user blocked the bot again
    const bot = { id: h.api.bot.id, is_bot: true, first_name: 'bot', username: h.api.bot.username };
    await h.handled(
      h.api.pushUpdate(<never>{
        my_chat_member: {
          chat: { id: second.id, type: 'private', first_name: second.first_name },
          from: { ...second, is_bot: false },
          date: 1,
          old_chat_member: { status: 'member', user: bot },
          new_chat_member: { status: 'kicked', user: bot, until_date: 0 },
        },
      }),
    );
    expect((await t.db.selectFrom('chats').select('active').where('telegram_chat_id', '=', second.id).executeTakeFirstOrThrow()).active).toBe(false);
  });
});

describe('correcting and retracting', () => {
  it('edits the notice everywhere it was delivered, then deletes it everywhere', async () => {
    await composeToAll('原来的通知');
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    const [noticeId] = (await t.db.selectFrom('notices').select('id').execute()).map((n) => n.id);
    await say.private(secretary, '/notices');
    // a liaison who did not write it, a student, and malformed data: refused, nothing opened
    for (const [who, data] of [
      [liaison, `nl:c:${noticeId}`],
      [student, `nl:rc:${noticeId}`],
      [secretary, `nl:zz:${noticeId}`],
      [secretary, 'nl:c:abc'],
    ] as const) {
      const since = h.api.mark();
      await h.handled(h.api.pressButton(who, { chat: { id: who.id, type: 'private' }, message_id: 1 }, data));
      expect(h.api.calls.slice(since).find((c) => c.method === 'answerCallbackQuery')!.params.text, data).toBe('没有找到这条通知。');
    }
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);
    await say.press(secretary, secretary.id, `nl:c:${noticeId}`);
    expect(await say.private(secretary, '更正后的通知')).toEqual([expect.stringContaining('正在更新 3 个群里的消息')]);
    await deliver();
    for (const g of groups) {
      const edit = h.api.callsTo('editMessageText').filter((c) => String(c.params.chat_id) === String(g.id));
      expect(edit.map((c) => c.params.text)).toEqual(['更正后的通知']);
    }
    await say.private(secretary, '/notices');
    await say.press(secretary, secretary.id, `nl:r:${noticeId}`);
    await say.press(secretary, secretary.id, `nl:rc:${noticeId}`);
    expect(String(h.api.callsTo('sendMessage').at(-1)!.params.text)).toContain('正在从 3 个群删除');
    await deliver();
    for (const g of groups) expect(h.api.callsTo('deleteMessage').filter((c) => String(c.params.chat_id) === String(g.id))).toHaveLength(1);
    expect(await t.db.selectFrom('deliveries').select('state').where('state', '=', 'retracted').execute()).toHaveLength(3);
    const list = (await say.private(secretary, '/notices')).join('\n');
    expect(list).toContain('已撤回');
  });
});

describe('delivery faults', () => {
  it('waits out a 429, retires a kicked chat, follows a migrated group, and retries server errors', async () => {
    h.api.injectFault('sendMessage', { kind: 'retryAfter', seconds: 7 }, { chatId: groups[0]!.id });
    h.api.injectFault('sendMessage', { kind: 'forbidden' }, { chatId: groups[1]!.id });
    h.api.injectFault('sendMessage', { kind: 'migrated', newChatId: -1009003 }, { chatId: groups[2]!.id });
    await composeToAll('容错测试', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    expect(sentTo(groups[0]!.id).filter((c) => c.params.text === '容错测试')).toHaveLength(1);
    expect(sentTo(-1009003).filter((c) => c.params.text === '容错测试')).toHaveLength(1);
    const chats = await t.db
      .selectFrom('chats')
      .select(['telegram_chat_id', 'active', 'class_id'])
      .where('type', '!=', 'private')
      .orderBy('class_id')
      .execute();
    expect(chats).toEqual([
      { telegram_chat_id: groups[0]!.id, active: true, class_id: 1 },
      { telegram_chat_id: groups[1]!.id, active: false, class_id: 2 },
      { telegram_chat_id: -1009003, active: true, class_id: 3 },
    ]);
    const failed = await t.db.selectFrom('deliveries').select(['class_id', 'state', 'failure']).where('state', '=', 'failed').orderBy('class_id').execute();
    expect(failed[0]).toMatchObject({ class_id: 2, failure: expect.stringContaining('bot was kicked') });

    h.api.injectFault('sendMessage', { kind: 'serverError' }, { chatId: groups[0]!.id, times: 2 });
    await composeToAll('服务器错误重试', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    expect(sentTo(groups[0]!.id).filter((c) => c.params.text === '服务器错误重试')).toHaveLength(1);
    const retried = await t.db
      .selectFrom('deliveries as d')
      .innerJoin('notices as n', 'n.id', 'd.notice_id')
      .select('d.state')
      .where('n.text', '=', '服务器错误重试')
      .where('d.class_id', '=', 1)
      .execute();
    expect(retried.map((r) => r.state)).toEqual(['sent']);
    const details = (await say.private(secretary, '/notices')).join('\n');
    expect(details).toContain('失败 2'); // kicked group and unbound class

    // a deleted group: 400 chat not found retires the chat like a kick
    h.api.injectFault('sendMessage', { kind: 'chatNotFound' }, { chatId: groups[0]!.id });
    await composeToAll('群已解散', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    const gone = await t.db
      .selectFrom('deliveries as d')
      .innerJoin('notices as n', 'n.id', 'd.notice_id')
      .select(['d.state', 'd.failure'])
      .where('n.text', '=', '群已解散')
      .where('d.class_id', '=', 1)
      .execute();
    expect(gone).toEqual([{ state: 'failed', failure: expect.stringContaining('chat not found') }]);
    expect((await t.db.selectFrom('chats').select('active').where('telegram_chat_id', '=', groups[0]!.id).executeTakeFirstOrThrow()).active).toBe(false);
  });

  it('two dispatchers at once send each delivery exactly once', async () => {
    await composeToAll('并发测试', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    const second = await startHarness({ db: t.db, clock, runDispatcher: false, api: h.api });
    try {
      for (let i = 0; i < 5; i++) {
        clock.advance(3_100);
        await Promise.all([h.app.dispatcher.runOnce(), second.app.dispatcher.runOnce()]);
      }
    } finally {
      await second.app.stop();
    }
    for (const g of groups) expect(sentTo(g.id).filter((c) => c.params.text === '并发测试')).toHaveLength(1);
  });
});

describe('resending failed deliveries (issue 7, item 8)', () => {
  const lastText = () => String(h.api.callsTo('sendMessage').at(-1)!.params.text);
  const lastButtons = () =>
    (
      h.api.callsTo('sendMessage').at(-1)!.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } | undefined
    )?.inline_keyboard.flat() ?? [];
  const copies = (chatId: number) => sentTo(chatId).filter((c) => c.params.text === '重发测试');

  it('re-queues the failed deliveries whose group can still be reached, with one button in the details, and names the rest', async () => {
    h.api.injectFault('sendMessage', { kind: 'badRequest', description: 'Bad Request: something went wrong' }, { chatId: groups[0]!.id });
    h.api.injectFault('sendMessage', { kind: 'forbidden' }, { chatId: groups[1]!.id });
    await composeToAll('重发测试', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    await deliver();
    expect([copies(groups[0]!.id).length, copies(groups[1]!.id).length, copies(groups[2]!.id).length]).toEqual([0, 0, 1]);
    const [noticeId] = (await t.db.selectFrom('notices').select('id').execute()).map((n) => n.id);

    await say.private(secretary, '/notices');
    await say.press(secretary, secretary.id, `nl:d:${noticeId}`);
    expect(lastText()).toBe('通知 #1 有 1 个班级发送失败，它们的群现在可以送达。');
    expect(lastButtons()).toEqual([expect.objectContaining({ text: '🔁 重发失败的 (1)', callback_data: `nl:rs:${noticeId}` })]);

    // the resend fails again: a second press queues it once more (a new job, not swallowed as a duplicate)
    h.api.injectFault('sendMessage', { kind: 'badRequest', description: 'Bad Request: still wrong' }, { chatId: groups[0]!.id });
    await say.press(secretary, secretary.id, `nl:rs:${noticeId}`);
    expect(lastText()).toMatch(/^通知 #1 已重新排队：1 个班级群。\n无法重发：.*。$/);
    expect(lastText()).toContain('计科2102（机器人已不在群里）'); // in class-name order, as the database collates
    expect(lastText()).toContain('网安2101（没有绑定班级群）');
    await deliver();
    expect(copies(groups[0]!.id)).toHaveLength(0);
    await say.press(secretary, secretary.id, `nl:rs:${noticeId}`);
    await deliver();
    expect(copies(groups[0]!.id)).toHaveLength(1);
    expect(copies(groups[2]!.id)).toHaveLength(1);
    const states = await t.db.selectFrom('deliveries').select(['class_id', 'state', 'resends']).orderBy('class_id').execute();
    expect(states).toEqual([
      { class_id: 1, state: 'sent', resends: 2 },
      { class_id: 2, state: 'failed', resends: 0 },
      { class_id: 3, state: 'sent', resends: 0 },
      { class_id: 4, state: 'failed', resends: 0 },
    ]);

    // nothing left that can go: no button, and a forged press says so
    await say.press(secretary, secretary.id, `nl:d:${noticeId}`);
    expect(lastText()).toContain('<b>通知 #1</b> 各班送达情况');
    await say.press(secretary, secretary.id, `nl:rs:${noticeId}`);
    expect(lastText()).toMatch(/^通知 #1 没有可以重发的班级。\n无法重发：.*计科2102（机器人已不在群里）/);
    // someone without the right to manage the notice
    await h.handled(h.api.pressButton(student, { chat: { id: student.id, type: 'private' }, message_id: 1 }, `nl:rs:${noticeId}`));
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('没有找到这条通知。');
  });
});

describe('restarts and the live dispatcher', () => {
  it('resumes a broadcast after a restart without losing or doubling, and resends only an interrupted send', async () => {
    await composeToAll('重启中的广播', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    await h.app.dispatcher.runOnce(); // the shared budget starts empty and fills at 28/s
    clock.advance(3_100);
    await h.app.dispatcher.runOnce(); // the budget allows two now (burst 2); the third waits
    const sentBefore = groups.filter((g) => sentTo(g.id).some((c) => c.params.text === '重启中的广播')).length;
    expect(sentBefore).toBeGreaterThan(0);
    expect(sentBefore).toBeLessThan(3);
    // a process died in the middle of a send: its row stays 'sending' until the lease runs out
    const pending = await t.db.selectFrom('outbox').select('id').where('state', '=', 'pending').where('kind', '=', 'notice.send').executeTakeFirstOrThrow();
    await t.db.updateTable('outbox').set({ state: 'sending', claimed_at: clock.now() }).where('id', '=', pending.id).execute();
    await h.app.stop();

    h = await startHarness({ db: t.db, clock, runDispatcher: false, api: h.api });
    say = conversation(h);
    for (let i = 0; i < 5; i++) {
      clock.advance(3_100); // well inside the 60 s lease
      await h.app.dispatcher.runOnce();
    }
    // everything but the interrupted send went out after the restart
    expect(groups.filter((g) => sentTo(g.id).some((c) => c.params.text === '重启中的广播')).length).toBe(2);
    clock.advance(61_000); // the lease of the interrupted send expires
    await deliver();
    for (const g of groups) expect(sentTo(g.id).filter((c) => c.params.text === '重启中的广播')).toHaveLength(1);
  });

  it('answers commands at once while a broadcast is queued', async () => {
    await composeToAll('排队中的通知', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    expect(await say.private(student, '/help')).toEqual([expect.stringContaining('/whoami')]);
    expect(groups.every((g) => !sentTo(g.id).some((c) => c.params.text === '排队中的通知'))).toBe(true);
  });

  it('delivers with the running dispatcher and the real clock', async () => {
    await h.stop();
    await t.reset();
    h = await startHarness({ db: t.db });
    say = conversation(h);
    await setUpBranch();
    await composeToAll('实时发送', [], { ack: false });
    await say.press(secretary, secretary.id, 'nd:send');
    for (const g of groups) await h.api.waitForMessage(g.id, '实时发送', { timeoutMs: 10_000 });
  });
});
