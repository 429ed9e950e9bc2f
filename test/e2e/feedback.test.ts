import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FixedClock } from '../../src/shared/clock.js';
import { makeGroup, makeUser, type FakeUser, type UpdateInput, type UploadedFile } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { startHarness, textOf, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { buttonsOf, setUpClass } from '../faq/setup.js';
import { secondPool } from '../support/drive.js';

// Each test is a whole conversation (dozens of updates and outbox rounds): more than the default 20 s on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;
let clock: FixedClock;
let classId: number;

const KEY = 'a1'.repeat(32);
const secretary = makeUser(101, '王书记', { language_code: 'zh-hans' });
const liaisonA = makeUser(201, '李联络', { username: 'li_a' });
const liaisonB = makeUser(202, '赵联络');
const admin = makeUser(401, '群主');
const student = makeUser(7_000_301, '小明', { username: 'xiaoming_301' });
// a supergroup, so its messages have t.me/c/… links
const group = makeGroup(-1_001_234_567, '计科2101班', 'supergroup');

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  // 10:20 in Shanghai
  clock = new FixedClock(new Date('2026-12-01T02:20:00Z'));
  h = await startHarness({ db: t.db, clock, runDispatcher: false, env: { FEEDBACK_KEY: KEY } });
  say = conversation(h);
  await setUpClass(h, { secretary, liaisons: [liaisonA, liaisonB], group, admin });
  classId = (await t.db.selectFrom('classes').select('id').where('code', '=', 'CS2101').executeTakeFirstOrThrow()).id;
});
afterEach(async () => h.stop());

/** The outbox is driven by hand: send what is due, moving the clock on as its pacing needs. */
async function deliver(maxRounds = 80) {
  let idle = 0;
  for (let i = 0; i < maxRounds && idle < 5; i++) {
    clock.advance(1_100);
    idle = (await h.app.dispatcher.runOnce()) === 0 ? idle + 1 : 0;
  }
}

const sentTo = (chatId: number, since: number) =>
  h.api.calls
    .slice(since)
    .filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(chatId))
    .map(textOf);
const lastCallTo = (chatId: number) =>
  h.api
    .callsTo('sendMessage')
    .filter((c) => String(c.params.chat_id) === String(chatId))
    .at(-1)!;
const count = async (table: 'feedback_queue' | 'feedback_items' | 'reports' | 'inbox_items' | 'feedback_limits') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A classmate writes through the group's deep link: category, text, replies allowed or not, Send. */
async function write(user: FakeUser, text: string, opts: { category?: number; allowReply?: boolean } = {}): Promise<string[]> {
  const since = h.api.mark();
  await say.private(user, `/start fb_${classId}`);
  await say.press(user, user.id, `fw:cat:${opts.category ?? 0}`);
  await say.private(user, text);
  await say.press(user, user.id, opts.allowReply === false ? 'fw:no' : 'fw:yes');
  await say.press(user, user.id, 'fw:send');
  return sentTo(user.id, since);
}

/** The scheduler at a wall-clock moment (UTC ISO), then the outbox. */
async function tickAt(iso: string) {
  clock.set(new Date(iso));
  await h.app.scheduler.tick();
  await deliver();
}

describe('anonymous feedback: the writer’s side and the liaisons’', () => {
  it('goes from the group button to a private dialogue, waits for the full hour, and threads both ways', async () => {
    const [prompt] = await say.group(group, student, '/feedback');
    expect(prompt).toContain('私聊里匿名');
    const url = buttonsOf(lastCallTo(group.id)).map((b) => (b as { url?: string }).url)[0];
    expect(url).toBe(`https://t.me/${h.api.bot.username}?start=fb_${classId}`);

    const [category] = await say.private(student, `/start fb_${classId}`);
    expect(category).toContain('写给 <b>计科2101</b> 的联络员');
    expect(buttonsOf(lastCallTo(student.id)).map((b) => b.text)).toEqual(['学习', '生活与宿舍', '学院工作', '党建工作', '其他']);
    await say.press(student, student.id, 'fw:cat:1');
    expect(textOf(lastCallTo(student.id))).toContain('最多 2000 字');
    await say.private(student, '宿舍<b>热水</b>经常停，希望学院协调');
    expect(textOf(lastCallTo(student.id))).toContain('允许联络员通过我回复你吗');
    await say.press(student, student.id, 'fw:yes');
    const preview = textOf(lastCallTo(student.id));
    expect(preview).toContain('类别：生活与宿舍');
    expect(preview).toContain('宿舍&lt;b&gt;热水&lt;/b&gt;经常停');
    expect(preview).toContain('联络员不会看到：');
    expect(preview).toContain('联络员会看到：');
    await say.press(student, student.id, 'fw:send');
    expect(textOf(lastCallTo(student.id))).toContain('已匿名提交');

    // not yet: the batch goes at the next full hour
    let since = h.api.mark();
    await tickAt('2026-12-01T02:40:00Z');
    expect(sentTo(liaisonA.id, since)).toEqual([]);
    expect(await count('feedback_queue')).toBe(1);
    await tickAt('2026-12-01T03:00:00Z');
    const [handoff] = sentTo(liaisonA.id, since);
    expect(handoff).toContain('匿名意见 #');
    expect(handoff).toContain('宿舍&lt;b&gt;热水&lt;/b&gt;经常停');
    // a class with fewer than 8 registered members: the date only
    expect(handoff).toContain('批次：2026-12-01\n');
    expect(handoff).not.toContain('小明');
    expect(sentTo(liaisonB.id, since)).toHaveLength(1);
    const id = (await t.db.selectFrom('feedback_items').select('id').executeTakeFirstOrThrow()).id;
    expect(buttonsOf(lastCallTo(liaisonA.id)).map((b) => b.callback_data)).toEqual([`fb:r:${id}`, `fb:m:${id}`, `fb:h:${id}`, `fb:e:${id}`]);

    // a reply, through the sealed way back
    await say.press(liaisonA, liaisonA.id, `fb:r:${id}`);
    expect(textOf(lastCallTo(liaisonA.id))).toContain('请发送给匿名作者的回复');
    expect(await say.private(liaisonA, '已经反映给后勤，本周修好')).toEqual(['已匿名转给作者。']);
    since = h.api.mark();
    await deliver();
    const [reply] = sentTo(student.id, since);
    expect(reply).toContain('联络员回复了你的匿名意见');
    expect(reply).toContain('已经反映给后勤，本周修好');
    expect(reply).not.toContain('李联络');

    // the writer answers back; /feedback lists the open thread
    await say.press(student, student.id, `fb:s:${id}`);
    expect(await say.private(student, '谢谢，周五还会停吗？')).toEqual(['已匿名转给联络员。']);
    since = h.api.mark();
    await deliver();
    expect(sentTo(liaisonA.id, since)[0]).toContain('的作者回复');
    expect(sentTo(liaisonB.id, since)[0]).toContain('谢谢，周五还会停吗？');
    const listed = await say.private(student, '/feedback');
    expect(listed[0]).toContain('你尚未结束的匿名对话');
    expect(listed[0]).toContain(`#${id} 生活与宿舍`);
    await say.private(student, '/cancel');

    // handled with a note: the writer is told, the way back is deleted, the thread is closed
    await say.press(liaisonB, liaisonB.id, `fb:h:${id}`);
    expect(await say.private(liaisonB, '后勤已修好')).toEqual(['已标记为已处理。']);
    since = h.api.mark();
    await deliver();
    expect(sentTo(student.id, since)[0]).toContain('已处理完毕');
    expect(await t.db.selectFrom('inbox_return_routes').selectAll().execute()).toEqual([]);
    await say.press(student, student.id, `fb:s:${id}`);
    expect(textOf(lastCallTo(student.id))).toContain('这个对话已经结束');
    const list = await say.private(liaisonA, '/feedback_list');
    expect(list[0]).toContain(`#${id} [已处理] 计科2101 · 生活与宿舍`);
  });

  it('delivers a batch as soon as three have gathered, with the batch’s hour in a class of 8 or more', async () => {
    const writers = [1, 2, 3].map((i) => makeUser(7_100_000 + i, `同学${i}`));
    const people = [];
    for (let i = 0; i < 8; i++) people.push({ telegram_user_id: 7_200_000 + i, first_name: `成员${i}`, language: 'zh' as const });
    const rows = await t.db.insertInto('people').values(people).returning('id').execute();
    await t.db
      .insertInto('class_members_seen')
      .values(rows.map((r) => ({ person_id: r.id, class_id: classId, last_seen: clock.now() })))
      .execute();
    await write(writers[0]!, '第一条');
    await write(writers[1]!, '第二条');
    let since = h.api.mark();
    await tickAt('2026-12-01T02:31:00Z');
    expect(sentTo(liaisonA.id, since)).toEqual([]);
    await write(writers[2]!, '第三条');
    since = h.api.mark();
    await tickAt('2026-12-01T02:32:00Z');
    const handoffs = sentTo(liaisonA.id, since);
    expect(handoffs).toHaveLength(3);
    for (const handoff of handoffs) expect(handoff).toContain('批次：2026-12-01 10:32');
    expect(await count('feedback_queue')).toBe(0);
  });

  it('two processes ticking at the full hour deliver each item once', async () => {
    await write(makeUser(7_100_011, '同学甲'), '甲的意见');
    await write(makeUser(7_100_012, '同学乙'), '乙的意见');
    const pool = await secondPool(t);
    const h2 = await startHarness({ db: pool.db, clock, runDispatcher: false, env: { FEEDBACK_KEY: KEY } });
    try {
      clock.set(new Date('2026-12-01T03:00:00Z'));
      await Promise.all([h.app.scheduler.tick(), h2.app.scheduler.tick(), h.app.scheduler.tick()]);
      expect(await count('feedback_queue')).toBe(0);
      expect(await count('feedback_items')).toBe(2);
      const keys = (await t.db.selectFrom('outbox').select('dedupe_key').execute()).map((r) => r.dedupe_key);
      expect(new Set(keys).size).toBe(keys.length);
      const since = h.api.mark();
      await deliver();
      expect(sentTo(liaisonA.id, since).filter((x) => x.includes('的意见'))).toHaveLength(2);
      expect(sentTo(liaisonB.id, since).filter((x) => x.includes('的意见'))).toHaveLength(2);
      expect(h2.api.callsTo('sendMessage')).toEqual([]); // its dispatcher never ran: nothing was sent twice through it either
    } finally {
      await h2.stop();
      await pool.close();
    }
  });

  it('keeps today’s limit of 5 in keyed hashes and forgets them at the daily rotation', async () => {
    for (let i = 1; i <= 5; i++) expect((await write(student, `意见 ${i}`)).at(-1)).toContain('已匿名提交');
    expect(await say.private(student, `/start fb_${classId}`)).toEqual([expect.stringContaining('今天你已经提交了 5 条')]);
    expect(await count('feedback_queue')).toBe(5);
    const hashes = await t.db.selectFrom('feedback_limits').selectAll().execute();
    expect(hashes).toHaveLength(1);
    expect(JSON.stringify(hashes)).not.toContain(String(student.id));
    // midnight in Shanghai: counts and salts are gone; the same person starts from zero
    await tickAt('2026-12-01T16:00:00Z');
    expect(await count('feedback_limits')).toBe(0);
    expect(await t.db.selectFrom('feedback_limit_keys').selectAll().execute()).toEqual([]);
    expect((await write(student, '第二天的意见')).at(-1)).toContain('已匿名提交');
  });

  it('answers bad input briefly and writes nothing', async () => {
    const other = makeGroup(-1_009_999_999, '软工2102班', 'supergroup');
    await say.private(secretary, '/class_add 软工2102 SE2102');
    const [inviteB] = await say.private(secretary, '/invite liaison SE2102');
    const liaisonOther = makeUser(203, '钱联络');
    await say.private(liaisonOther, `/start ${/\?start=(inv_[\w-]+)/.exec(inviteB!)![1]}`);
    await say.update(() => h.api.botAddedToGroup(other, admin), other.id);
    await say.group(other, liaisonOther, '/bind SE2102');
    const otherClass = (await t.db.selectFrom('classes').select('id').where('code', '=', 'SE2102').executeTakeFirstOrThrow()).id;

    // a doctored deep link: the student is not in the other class's group
    h.api.setChatMember(other.id, student.id, 'left');
    expect(await say.private(student, `/start fb_${otherClass}`)).toEqual([expect.stringContaining('你不在这个班级的群里')]);

    await say.private(student, `/start fb_${classId}`);
    await say.press(student, student.id, 'fw:cat:0');
    expect(await say.private(student, '   ')).toEqual([expect.stringContaining('内容是空的')]);
    expect(await say.private(student, '长'.repeat(2001))).toEqual([expect.stringContaining('最多 2000 字，你写了 2001 字')]);
    const sticker = await say.update(
      () =>
        h.api.pushUpdate({
          message: {
            message_id: 9001,
            date: 0,
            chat: { id: student.id, type: 'private', first_name: student.first_name },
            from: { ...student, is_bot: false },
            sticker: { file_id: 'S1', file_unique_id: 'S1u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
          },
        } as UpdateInput),
      student.id,
    );
    expect(sticker).toEqual(['只能发送文字，或一张带说明的图片。']);
    await say.private(student, '/cancel');

    // /report: not a reply, and in a group that is not bound
    expect(await say.group(group, student, '/report')).toEqual([expect.stringContaining('回复</b>要报告的那条消息')]);
    const loose = makeGroup(-1_008_888_888, '闲聊群', 'supergroup');
    await say.update(() => h.api.botAddedToGroup(loose, admin), loose.id);
    const target = h.api.sendGroupText(loose, admin, '随便说说');
    await h.handled(target);
    expect(await say.group(loose, student, '/report', { reply_to_message: { message_id: 1, chat: loose, date: 0, text: 'x' } })).toEqual([
      expect.stringContaining('本群还没有绑定班级'),
    ]);
    // a link to a chat the bot is not in
    expect(await say.private(student, 'https://t.me/c/5550001/12 骂人')).toEqual([expect.stringContaining('我不在这个链接所指的群里')]);

    // a forged button naming the other class's item
    await write(student, '食堂太贵');
    await tickAt('2026-12-01T03:00:00Z');
    const item = await t.db.selectFrom('feedback_items').select('id').executeTakeFirstOrThrow();
    const since = h.api.mark();
    await h.handled(h.api.pressButton(liaisonOther, { chat: { id: liaisonOther.id, type: 'private' }, message_id: 1 }, `fb:h:${item.id}`));
    const refused = h.api.calls.slice(since).find((c) => c.method === 'answerCallbackQuery')!;
    expect(String(refused.params.text)).toContain('不是你负责的班级');
    expect((await t.db.selectFrom('feedback_items').select('status').executeTakeFirstOrThrow()).status).toBe('open');
    expect(await t.db.selectFrom('dialogues').selectAll().where('kind', '=', 'feedback_act').execute()).toEqual([]);
    // a writer pressing another's thread button
    const stranger = makeUser(7_000_999, '路人');
    await say.private(stranger, '/start');
    await say.update(() => h.api.pressButton(stranger, { chat: { id: stranger.id, type: 'private' }, message_id: 1 }, `fb:s:${item.id}`), stranger.id);
    expect(textOf(lastCallTo(stranger.id))).toBe('这不是你的对话。');
    expect(await count('reports')).toBe(0);
    expect(await count('feedback_items')).toBe(1);
  });
});

describe('threads: mute, photo, the 30-day silence, no key', () => {
  const photoMessage = (user: FakeUser, caption: string) =>
    ({
      message: {
        message_id: 9100,
        date: 0,
        chat: { id: user.id, type: 'private', first_name: user.first_name },
        from: { ...user, is_bot: false },
        photo: [
          { file_id: 'PHOTO_S', file_unique_id: 'ps', width: 90, height: 90 },
          { file_id: 'PHOTO_L', file_unique_id: 'pl', width: 800, height: 600 },
        ],
        caption,
      },
    }) as UpdateInput;

  it('takes one photo with its caption, lets a liaison see it and mute the thread; a silent way back is forgotten after 30 days', async () => {
    await say.private(student, `/start fb_${classId}`);
    await say.press(student, student.id, 'fw:cat:4');
    await say.update(() => h.api.pushUpdate(photoMessage(student, '教室投影仪坏了')), student.id);
    await say.press(student, student.id, 'fw:yes');
    expect(textOf(lastCallTo(student.id))).toContain('（附图片 1 张）');
    await say.press(student, student.id, 'fw:send');
    const other = makeUser(7_000_302, '小红');
    await write(other, '自习室太吵');
    await tickAt('2026-12-01T03:00:00Z');
    const photoItem = await t.db.selectFrom('feedback_items').select('id').where('photo_file_id', '=', 'PHOTO_L').executeTakeFirstOrThrow();
    const since = h.api.mark();
    await say.press(liaisonA, liaisonA.id, `fb:p:${photoItem.id}`);
    const photo = h.api.calls.slice(since).find((c) => c.method === 'sendPhoto')!;
    expect(photo.params.photo).toBe('PHOTO_L');

    // muted: the writer's answers no longer reach the liaisons
    await say.press(liaisonA, liaisonA.id, `fb:m:${photoItem.id}`);
    expect((await t.db.selectFrom('feedback_items').select('muted').where('id', '=', photoItem.id).executeTakeFirstOrThrow()).muted).toBe(true);
    await say.update(() => h.api.pressButton(student, { chat: { id: student.id, type: 'private' }, message_id: 1 }, `fb:s:${photoItem.id}`), student.id);
    expect(textOf(lastCallTo(student.id))).toContain('联络员已关闭这个对话的回复');

    // 31 days without a message either way: at the daily rotation every way back goes
    expect(await t.db.selectFrom('inbox_return_routes').selectAll().execute()).toHaveLength(2);
    await tickAt('2027-01-01T16:00:00Z');
    expect(await t.db.selectFrom('inbox_return_routes').selectAll().execute()).toEqual([]);
    const otherItem = await t.db.selectFrom('feedback_items').select('id').where('body', '=', '自习室太吵').executeTakeFirstOrThrow();
    const pressed = h.api.mark();
    await say.press(liaisonA, liaisonA.id, `fb:r:${otherItem.id}`);
    expect(String(h.api.calls.slice(pressed).find((c) => c.method === 'answerCallbackQuery')!.params.text)).toContain('回复通道已过期');
  });

  it('without a key: feedback still goes, says plainly that no reply is possible, and stores no way back', async () => {
    const api = h.api;
    await h.app.stop('test');
    h = await startHarness({ db: t.db, clock, runDispatcher: false, api });
    say = conversation(h);
    try {
      await say.private(student, `/start fb_${classId}`);
      await say.press(student, student.id, 'fw:cat:0');
      const asked = await say.private(student, '作业太多');
      expect(asked[0]).toContain('没有配置加密密钥（FEEDBACK_KEY）');
      expect(asked[1]).toContain('联络员可以回复：否');
      await say.press(student, student.id, 'fw:send');
      expect(textOf(lastCallTo(student.id))).toContain('已匿名提交');
      // someone the bot cannot place in a class
      expect(await say.private(makeUser(7_000_777, '新同学'), '/feedback')).toEqual([expect.stringContaining('我还不知道你是哪个班的')]);
      await tickAt('2026-12-01T03:00:00Z');
      expect(await t.db.selectFrom('feedback_items').select(['allow_reply', 'body']).execute()).toEqual([{ allow_reply: false, body: '作业太多' }]);
      expect(await t.db.selectFrom('inbox_return_routes').selectAll().execute()).toEqual([]);
      expect(buttonsOf(lastCallTo(liaisonA.id)).map((b) => b.callback_data.split(':')[1])).toEqual(['h', 'e']);
    } finally {
      await h.app.stop('test');
      await api.close();
      h = { ...h, stop: async () => undefined };
    }
  });
});

describe('reporting a message', () => {
  it('passes a replied-to message to the liaisons, reporter anonymous; the command stays where the bot may not delete', async () => {
    const offender = makeUser(7_000_500, '乱说的人', { username: 'troll' });
    const bad = h.api.sendGroupText(group, offender, '一些有害言论');
    await h.handled(bad);
    await say.private(student, '/start');
    const reported = { message_id: 1, from: offender, chat: group, date: 0, text: '一些有害言论' };
    const since = h.api.mark();
    const inGroup = await say.group(group, student, '/report 散布谣言', { reply_to_message: reported });
    expect(inGroup).toEqual(['已匿名转给本班联络员，谢谢。']);
    expect(sentTo(student.id, since)).toEqual([expect.stringContaining('你的 /report 命令群里的人能看到')]);
    expect(h.api.calls.slice(since).some((c) => c.method === 'deleteMessage')).toBe(false);
    await deliver();
    const card = sentTo(liaisonA.id, since).find((m) => m.includes('消息举报'))!;
    expect(card).toContain('举报人匿名');
    expect(card).toContain('原因：散布谣言');
    expect(card).toContain('https://t.me/c/1234567/1');
    expect(card).toContain('一些有害言论');
    expect(card).not.toContain('小明');
    const forwards = h.api.calls.slice(since).filter((c) => c.method === 'forwardMessage');
    expect(forwards.map((c) => String(c.params.chat_id)).sort()).toEqual([String(liaisonA.id), String(liaisonB.id)]);

    // the second time the hint is not repeated; the same message is counted, not handed over again
    const again = h.api.mark();
    expect(await say.group(group, student, '/report', { reply_to_message: reported })).toEqual([expect.stringContaining('已经有人报告过')]);
    expect(sentTo(student.id, again)).toEqual([]);
    await deliver();
    expect(sentTo(liaisonA.id, again)).toEqual([]);

    // 上报支部 with a note: the secretary gets it
    const id = (await t.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id;
    await say.press(liaisonA, liaisonA.id, `fb:re:${id}`);
    expect(await say.private(liaisonA, '情节较重，请支部处理')).toEqual(['已上报支部书记。']);
    const up = h.api.mark();
    await deliver();
    const toSecretary = sentTo(secretary.id, up)[0]!;
    expect(toSecretary).toContain('上报支部：消息举报');
    expect(toSecretary).toContain('情节较重，请支部处理');
    await say.press(secretary, secretary.id, `fb:rh:${id}`);
    expect(await say.private(secretary, '已约谈')).toEqual(['已标记为已处理。']);
    expect(await t.db.selectFrom('reports').select(['status', 'times']).executeTakeFirstOrThrow()).toEqual({ status: 'handled', times: 2 });
  });

  it('deletes the command when the bot may, and takes a message link in private; limited like feedback', async () => {
    h.api.setChatMember(group.id, h.api.bot.id, 'administrator');
    const offender = makeUser(7_000_500, '乱说的人');
    await h.handled(h.api.sendGroupText(group, offender, '有害言论一'));
    await say.private(student, '/start');
    const since = h.api.mark();
    const inGroup = await say.group(group, student, '/report', {
      reply_to_message: { message_id: 1, from: offender, chat: group, date: 0, text: '有害言论一' },
    });
    expect(inGroup).toEqual([]);
    expect(h.api.calls.slice(since).some((c) => c.method === 'deleteMessage')).toBe(true);
    expect(sentTo(student.id, since)).toEqual(['已匿名转给本班联络员，谢谢。']);

    // the discreet way, alone or after /report; a plain private /report is left to the other feature
    expect(await say.private(student, 'https://t.me/c/1234567/2 刷屏')).toEqual(['已匿名转给本班联络员，谢谢。']);
    expect(await say.private(student, '/report https://t.me/c/1234567/3')).toEqual(['已匿名转给本班联络员，谢谢。']);
    expect((await say.private(student, '/report'))[0]).not.toContain('联络员，谢谢');
    for (const n of [4, 5]) await say.private(student, `https://t.me/c/1234567/${n}`);
    expect(await say.private(student, 'https://t.me/c/1234567/6')).toEqual([expect.stringContaining('今天你已经报告了 5 次')]);
    expect(await count('reports')).toBe(5);
    h.api.setChatMember(group.id, student.id, 'left');
    expect(await say.private(student, 'https://t.me/c/1234567/7')).toEqual([expect.stringContaining('你不在这个群里')]);
  });
});

describe('the secretary', () => {
  it('sees counts per class and category, exports class, category and text with formulas neutralised, and gets a weekly digest', async () => {
    await write(student, '=HYPERLINK("http://x")', { category: 3 });
    await write(makeUser(7_000_302, '小红'), '希望多组织学习', { category: 0 });
    await tickAt('2026-12-01T03:00:00Z');
    const [stats] = await say.private(secretary, '/feedback_stats');
    expect(stats).toContain('计科2101：学习 1/1，党建工作 1/1（同学本人 2 · 走访转交 0）');
    const since = h.api.mark();
    await say.private(secretary, '/feedback_export');
    const doc = h.api.calls.slice(since).find((c) => c.method === 'sendDocument')!;
    const file = doc.params.document as UploadedFile;
    expect(file.filename).toMatch(/^feedback-2026-12-01\.csv$/);
    const bytes = file.content;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('班级,类别,内容');
    expect(csv).toContain(`计科2101,党建工作,"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('计科2101,学习,希望多组织学习');
    expect(csv).not.toContain(String(student.id));

    // Monday 7 December 08:00 in Shanghai
    const digest = h.api.mark();
    await tickAt('2026-12-07T00:00:00Z');
    const [week] = sentTo(secretary.id, digest);
    expect(week).toContain('本周匿名意见');
    expect(week).toContain('计科2101：学习 1，党建工作 1（待处理 2；同学本人 2 · 走访转交 0）');
  });
});

describe('what anonymity means (issue 10)', () => {
  it('leaves no writer’s id or username next to their feedback in any table or log line, and delivers out of writing order', async () => {
    const writers = Array.from({ length: 8 }, (_, i) => makeUser(7_300_001 + i, `写信人${i}`, { username: `writer_${i}_name` }));
    const texts = writers.map((_, i) => `匿名意见正文-${i}-${'abcdefgh'[i]}`);
    for (const [i, w] of writers.entries()) {
      await say.group(group, w, '/feedback');
      await write(w, texts[i]!, { allowReply: i % 2 === 0, category: i % 5 });
    }
    const since = h.api.mark();
    await tickAt('2026-12-01T03:00:00Z');
    const handoffs = sentTo(liaisonA.id, since);
    expect(handoffs).toHaveLength(8);
    const delivered = handoffs.map((m) => texts.findIndex((text) => m.includes(text)));
    expect([...delivered].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(delivered).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    // a reply reaches its writer and nobody else
    const item = await t.db.selectFrom('feedback_items').select('id').where('body', '=', texts[2]!).executeTakeFirstOrThrow();
    await say.press(liaisonA, liaisonA.id, `fb:r:${item.id}`);
    await say.private(liaisonA, '收到，会跟进');
    const replied = h.api.mark();
    await deliver();
    const recipients = h.api.calls
      .slice(replied)
      .filter((c) => c.method === 'sendMessage')
      .map((c) => Number(c.params.chat_id));
    expect(recipients).toEqual([writers[2]!.id]);
    await say.press(writers[2]!, writers[2]!.id, `fb:s:${item.id}`);
    await say.private(writers[2]!, '谢谢');
    await deliver();

    // every table, dumped
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.db);
    const dump: Record<string, string> = {};
    for (const { table_name } of tables.rows) {
      const rows = await sql`select * from ${sql.table(table_name)}`.execute(t.db);
      dump[table_name] = JSON.stringify(rows.rows);
    }
    expect(Object.keys(dump)).toEqual(
      expect.arrayContaining(['feedback_items', 'feedback_queue', 'inbox_items', 'inbox_messages', 'inbox_return_routes', 'outbox', 'dialogues']),
    );
    const writerPersonIds = (
      await t.db
        .selectFrom('people')
        .select('id')
        .where(
          'telegram_user_id',
          'in',
          writers.map((w) => w.id),
        )
        .execute()
    ).map((p) => p.id);
    // The people tables know who talked to the bot, and must say nothing about feedback.
    const peopleTables = new Set(['people', 'chats', 'role_assignments', 'class_members_seen', 'processed_updates', 'polled_updates', 'invites', 'bind_codes']);
    for (const [table, json] of Object.entries(dump)) {
      if (peopleTables.has(table)) {
        for (const text of texts) expect(json, `${table} holds feedback text`).not.toContain(text);
        continue;
      }
      for (const w of writers) {
        expect(json, `${table} holds a writer's id`).not.toContain(String(w.id));
        expect(json, `${table} holds a writer's username`).not.toContain(w.username!);
        expect(json, `${table} holds a writer's name`).not.toContain(w.first_name);
      }
    }
    const items = await t.db.selectFrom('inbox_items').select(['asker_id', 'anonymous']).where('kind', '=', 'feedback').execute();
    expect(items).toHaveLength(8);
    for (const i of items) expect(i).toEqual({ asker_id: null, anonymous: true });
    const authors = await t.db.selectFrom('inbox_messages').select('author_id').where('direction', '=', 'to_liaisons').execute();
    expect(authors).toEqual([{ author_id: null }]);
    for (const id of writerPersonIds) {
      expect(await t.db.selectFrom('inbox_handoffs').selectAll().where('person_id', '=', id).execute()).toEqual([]);
      expect(await t.db.selectFrom('feedback_items').selectAll().where('handled_by', '=', id).execute()).toEqual([]);
    }
    // the feedback rows carry no writing time: only the batch's
    expect(new Set((await t.db.selectFrom('feedback_items').select('batch_at').execute()).map((r) => r.batch_at.toISOString()))).toEqual(
      new Set(['2026-12-01T03:00:00.000Z']),
    );
    // the way back is sealed: 4 writers allowed replies
    expect(await t.db.selectFrom('inbox_return_routes').selectAll().execute()).toHaveLength(4);

    // the log
    const log = h.rawLogs.join('\n');
    for (const w of writers) {
      expect(log).not.toContain(String(w.id));
      expect(log).not.toContain(w.username!);
    }
    for (const text of texts) expect(log).not.toContain(text);
  });
});
