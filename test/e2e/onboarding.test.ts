import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeGroup, makeUser } from '../support/fake-bot-api/index.js';
import { conversation } from '../support/conversation.js';
import { inviteCodeIn, startHarness, type Harness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';
import { createInvite } from '../../src/features/invites/service.js';
import { systemClock } from '../../src/shared/clock.js';

let t: TestDb;
let h: Harness;
let say: ReturnType<typeof conversation>;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.reset();
  h = await startHarness({ db: t.db });
  say = conversation(h);
});
afterEach(async () => h.stop());

const secretary = makeUser(101, '王书记', { language_code: 'zh-hans' });
const liaisonA = makeUser(201, '李<b>联络</b>', { username: 'li_a' });
const liaisonB = makeUser(202, '赵联络');
const liaisonC = makeUser(203, '钱联络');
const student = makeUser(301, '小明', { language_code: 'zh' });
const englishStudent = makeUser(302, 'Tom', { language_code: 'en-US' });
const groupAdmin = makeUser(401, '群主');
const classGroup = makeGroup(-5001, '计科2101班');

/** The setup link logged on first start, opened by the secretary. */
async function becomeSecretary(): Promise<void> {
  const setup = h.logs.find((l) => l.event === 'setup_link');
  expect(setup?.link).toMatch(/^https:\/\/t\.me\/class_party_test_bot\?start=inv_[A-Za-z0-9_-]{22}$/);
  const [reply] = await say.private(secretary, `/start ${inviteCodeIn(String(setup!.link))}`);
  expect(reply).toContain('你现在是 <b>党支部</b> 的支部书记');
}

async function inviteAndJoin(role: string, classRef: string, who: typeof liaisonA): Promise<string> {
  const [created] = await say.private(secretary, `/invite ${role} ${classRef}`);
  const [joined] = await say.private(who, `/start ${inviteCodeIn(created!)}`);
  return joined!;
}

describe('onboarding a branch end to end', () => {
  it('walks the secretary through classes, invites, liaisons and binding the class group', async () => {
    expect(h.logs.some((l) => l.event === 'ready')).toBe(true);
    await becomeSecretary();
    expect(await say.private(secretary, '/whoami')).toEqual([expect.stringContaining('支部书记（党支部）')]);

    expect(await say.private(secretary, '/class_add 计科2101 CS2101')).toEqual([
      expect.stringContaining('已新建班级 <b>计科2101</b>（代码 <code>CS2101</code>）'),
    ]);
    expect(await say.private(secretary, '/class_add 软工2101')).toEqual([expect.stringContaining('代码 <code>2101</code>')]);

    expect(await inviteAndJoin('liaison', 'CS2101', liaisonA)).toContain('你现在是 <b>计科2101</b> 的联系班级的党员');
    expect(await inviteAndJoin('联络员', '计科2101', liaisonB)).toContain('你现在是 <b>计科2101</b>');
    expect(await say.private(secretary, '/invite liaison CS2101')).toEqual([
      expect.stringContaining('计科2101 已经有两名联络员（李<b>联络</b>、赵联络）'.replace('<b>联络</b>', '&lt;b&gt;联络&lt;/b&gt;')),
    ]);
    expect(await inviteAndJoin('league', 'CS2101', student)).toContain('团支书');

    const overview = (await say.private(secretary, '/classes')).join('\n');
    expect(overview).toContain('<b>党支部</b> 共 2 个班级');
    expect(overview).toContain('<a href="tg://user?id=201">李&lt;b&gt;联络&lt;/b&gt;</a>');
    expect(overview).toContain('软工2101</b>（<code>2101</code>）\n  联络员：无 ⚠️ 应为两名，现有 0 名');
    expect(overview).toContain('⚠️ 有 1 个班级的联络员不是两名');
    expect(overview).toContain('班级群：未绑定');

    // the bot is added to the class group and explains how to bind it
    const welcome = await say.update(() => h.api.botAddedToGroup(classGroup, groupAdmin), classGroup.id);
    expect(welcome).toEqual([expect.stringContaining('/bind 班级代码')]);

    // a classmate without a class role may not bind; the liaison of the class may
    expect(await say.group(classGroup, englishStudent, '/bind CS2101')).toEqual([
      expect.stringContaining('Only a liaison or the League secretary of the class'),
    ]);
    expect(await say.group(classGroup, liaisonB, '/bind cs2101')).toEqual([expect.stringContaining('已把本群绑定到 <b>计科2101</b>（党支部）')]);
    expect((await say.private(secretary, '/classes')).join('\n')).toContain('班级群：计科2101班');

    const liaisons = await say.group(classGroup, student, '/liaisons');
    expect(liaisons).toHaveLength(1);
    expect(liaisons[0]).toContain('<a href="tg://user?id=201">李&lt;b&gt;联络&lt;/b&gt;</a> @li_a');
    expect(liaisons[0]).toContain('<a href="tg://user?id=202">赵联络</a>');
    const replyTo = h.api.callsTo('sendMessage').at(-1)!.params.reply_parameters as { message_id: number };
    expect(replyTo.message_id).toBeGreaterThan(0);
  });

  it('does not let a stranger take a class group, and tells them nothing about which classes exist', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 计科2101');
    await inviteAndJoin('liaison', '2101', liaisonA);
    await say.update(() => h.api.botAddedToGroup(classGroup, groupAdmin), classGroup.id);
    expect(await say.group(classGroup, liaisonA, '/bind 2101')).toEqual([expect.stringContaining('已把本群绑定到 <b>计科2101</b>')]);

    // the stranger owns their group, adds the bot and guesses codes and names
    const stranger = makeUser(666, '陌生人');
    const strangerGroup = makeGroup(-6666, '陌生人的群');
    h.api.setChatMember(strangerGroup.id, stranger.id, 'creator');
    await say.update(() => h.api.botAddedToGroup(strangerGroup, stranger), strangerGroup.id);
    const refusals = new Set<string>();
    for (const guess of ['2101', '计科2101', 'C1', 'NOPE']) {
      const replies = await say.group(strangerGroup, stranger, `/bind ${guess}`);
      expect(replies).toHaveLength(1);
      refusals.add(replies[0]!);
    }
    const anonymous = makeUser(1087968824, 'Group', { username: 'GroupAnonymousBot' });
    refusals.add(
      (await say.group(strangerGroup, anonymous, '/bind 2101', { sender_chat: { id: strangerGroup.id, type: 'group', title: strangerGroup.title } }))[0]!,
    );
    expect([...refusals]).toEqual([expect.stringContaining('只有本班的联络员、团支书或支部书记可以绑定班级群')]);
    expect([...refusals][0]).not.toContain('计科2101');

    const chats = await t.db.selectFrom('chats').select(['telegram_chat_id', 'class_id']).where('type', '<>', 'private').orderBy('telegram_chat_id').execute();
    expect(chats).toEqual([
      { telegram_chat_id: strangerGroup.id, class_id: null },
      { telegram_chat_id: classGroup.id, class_id: 1 },
    ]);
    expect(await say.group(strangerGroup, stranger, '/liaisons')).toEqual([expect.stringContaining('本群还没有绑定班级')]);
    expect(await say.group(classGroup, student, '/liaisons')).toEqual([expect.stringContaining('<b>计科2101</b> 的联络员')]);
  });

  it('binds in one tap with an add-to-group link; moving needs a liaison or the secretary and is told to the old group and the secretary', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 计科2101 CS2101');
    await inviteAndJoin('league', 'CS2101', student);
    await inviteAndJoin('liaison', 'CS2101', liaisonA);
    expect(await say.private(englishStudent, '/bind_link')).toEqual([
      'Only a liaison or the League secretary of a class, or the branch secretary, can make a bind link.',
    ]);

    // the League secretary makes a link; a group admin without any role opens it in the class group
    const [made] = await say.private(student, '/bind_link');
    const link = /https:\/\/t\.me\/class_party_test_bot\?startgroup=(bind_[A-Za-z0-9_-]{22})/.exec(made!);
    expect(link).not.toBeNull();
    const button = h.api.callsTo('sendMessage').at(-1)!.params.reply_markup as { inline_keyboard: Array<Array<{ url: string }>> };
    expect(button.inline_keyboard[0]![0]!.url).toBe(link![0]);
    const startInGroup = `/start@class_party_test_bot ${link![1]}`;
    await say.update(() => h.api.botAddedToGroup(classGroup, groupAdmin), classGroup.id);
    expect(await say.group(classGroup, groupAdmin, startInGroup)).toEqual([expect.stringContaining('已把本群绑定到 <b>计科2101</b>（党支部）')]);
    // used once only; in private it explains where to open it
    expect(await say.group(classGroup, groupAdmin, startInGroup)).toEqual([expect.stringContaining('无效、已过期或已经用过了')]);
    expect(await say.private(groupAdmin, `/start ${link![1]}`)).toEqual([expect.stringContaining('请点开链接后选择班级群')]);

    // a League secretary's link cannot move the class away from its group; the League secretary cannot either
    const other = makeGroup(-5002, '新群');
    await say.update(() => h.api.botAddedToGroup(other, groupAdmin), other.id);
    const [second] = await say.private(student, '/bind_link CS2101');
    const code2 = /startgroup=(bind_[A-Za-z0-9_-]{22})/.exec(second!)![1]!;
    expect(await say.group(other, groupAdmin, `/start ${code2}`)).toEqual([expect.stringContaining('已经绑定了另一个班级群')]);
    expect(await say.group(other, student, '/bind CS2101')).toEqual([expect.stringContaining('只有本班联络员或支部书记可以把它改到本群')]);

    // the liaison may move it: the old group and the secretary are told
    expect(await say.group(other, liaisonA, '/bind cs2101')).toEqual([expect.stringContaining('该班之前绑定的群“计科2101班”已解除绑定')]);
    await h.api.waitForMessage(classGroup.id, /不再是 <b>计科2101<\/b> 的班级群/);
    await h.api.waitForMessage(secretary.id, /的班级群已由 李&lt;b&gt;联络&lt;\/b&gt; 从“计科2101班”改为“新群”/);
    expect(await say.group(classGroup, student, '/liaisons')).toEqual([expect.stringContaining('本群还没有绑定班级')]);
  });

  it('refuses a third liaison who opens an invite made before the class was full', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 计科2101 CS2101');
    const [early] = await say.private(secretary, '/invite liaison CS2101');
    await inviteAndJoin('liaison', 'CS2101', liaisonA);
    await inviteAndJoin('liaison', 'CS2101', liaisonB);
    expect(await say.private(liaisonC, `/start ${inviteCodeIn(early!)}`)).toEqual([expect.stringContaining('已经有两名联络员了，不能再登记第三位')]);
    expect(await say.private(liaisonC, '/whoami')).toEqual([expect.stringContaining('普通同学')]);
  });

  it('answers every bad invite with what went wrong', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 计科2101 CS2101');
    const [created] = await say.private(secretary, '/invite counselor CS2101');
    const code = inviteCodeIn(created!);
    expect(await say.private(liaisonA, `/start ${code}`)).toEqual([expect.stringContaining('你现在是 <b>计科2101</b> 的辅导员')]);
    expect(await say.private(liaisonA, `/start ${code}`)).toEqual([expect.stringContaining('已经被使用过了')]);
    expect(await say.private(liaisonB, '/start inv_short')).toEqual([expect.stringContaining('邀请链接无效')]);
    expect(await say.private(liaisonB, `/start inv_${'x'.repeat(22)}`)).toEqual([expect.stringContaining('邀请链接无效')]);
    expect(await say.private(secretary, '/invite')).toEqual([expect.stringContaining('用法：')]);
    expect(await say.private(secretary, '/invite boss CS2101')).toEqual([expect.stringContaining('用法：')]);
    expect(await say.private(secretary, '/invite liaison')).toEqual([expect.stringContaining('用法：')]);
    expect(await say.private(secretary, '/invite liaison 不存在的班')).toEqual([expect.stringContaining('没有找到班级“不存在的班”')]);
    expect(await say.private(secretary, '/invite secretary')).toEqual([expect.stringContaining('（支部书记 · 党支部）')]);
  });

  it('refuses secretary commands to students, politely, and checks arguments', async () => {
    await becomeSecretary();
    expect(await say.private(student, '/class_add 计科2101')).toEqual(['抱歉，这个命令只有支部书记可以使用。']);
    expect(await say.private(student, '/invite liaison 计科2101')).toEqual(['抱歉，这个命令只有支部书记可以使用。']);
    expect(await say.private(englishStudent, '/classes')).toEqual(['Sorry, only the branch secretary can use this command.']);
    expect(await say.private(secretary, '/class_add')).toEqual([expect.stringContaining('用法：/class_add')]);
    expect(await say.private(secretary, '/class_add a b c')).toEqual([expect.stringContaining('用法：/class_add')]);
    expect(await say.private(secretary, '/class_add <script>')).toEqual([expect.stringContaining('班级名称应为 1–32 个字')]);
    expect(await say.private(secretary, '/class_add 计科2101 bad!code')).toEqual([expect.stringContaining('班级代码只能包含')]);
    await say.private(secretary, '/class_add 计科2101');
    expect(await say.private(secretary, '/class_add 计科2101')).toEqual([expect.stringContaining('已经有名为“计科2101”的班级了')]);
    // a name with spaces in quotes (straight or Chinese quotes); an open quote gets the usage
    expect(await say.private(secretary, '/class_add "计算机 2101班" CS2101')).toEqual([
      expect.stringContaining('已新建班级 <b>计算机 2101班</b>（代码 <code>CS2101</code>）'),
    ]);
    expect(await say.private(secretary, '/class_add “软件 工程1班”')).toEqual([expect.stringContaining('已新建班级 <b>软件 工程1班</b>')]);
    expect(await say.private(secretary, '/class_add "计算机 2102班 CS2102')).toEqual([expect.stringContaining('名称中有空格时请加引号')]);
    expect(await say.private(secretary, '/classes')).toEqual([expect.stringContaining('<b>党支部</b> 共 3 个班级')]);
    // secretary commands in a group are pointed to the private chat
    expect(await say.group(classGroup, secretary, '/classes')).toEqual(['请在与我的私聊中使用这个命令。']);
    expect(await say.group(classGroup, student, '/bind')).toEqual([expect.stringContaining('用法：/bind')]);
    expect(await say.group(classGroup, student, '/bind 不存在')).toEqual([expect.stringContaining('只有本班的联络员、团支书或支部书记可以绑定')]);
    expect(await say.group(classGroup, secretary, '/bind 不存在')).toEqual([expect.stringContaining('在你负责的班级中没有找到“不存在”')]);
    expect(await say.private(student, '/bind CS2101')).toEqual(['这个命令请在班级群里使用。']);
    expect(await say.private(student, '/liaisons')).toEqual(['这个命令请在班级群里使用。']);
  });

  it('shows each role only its own commands, in Chinese or English', async () => {
    await becomeSecretary();
    const studentHelp = (await say.private(student, '/help')).join('\n');
    expect(studentHelp).toContain('/whoami');
    expect(studentHelp).not.toContain('/class_add');
    expect(studentHelp).not.toContain('/bind');
    const secretaryHelp = (await say.private(secretary, '/help')).join('\n');
    expect(secretaryHelp).toContain('/class_add');
    expect(secretaryHelp).toContain('/invite');
    const start = (await say.private(englishStudent, '/start')).join('\n');
    expect(start).toContain('Hello, Tom!');
    expect(start).toContain('/help — Show the commands you can use');
    expect(start).not.toContain('/classes');

    const groupHelp = (await say.group(classGroup, student, '/help')).join('\n');
    expect(groupHelp).toContain('/liaisons');
    expect(groupHelp).not.toContain('/bind');
    h.api.setChatMember(classGroup.id, groupAdmin.id, 'creator');
    expect((await say.group(classGroup, groupAdmin, '/help')).join('\n')).not.toContain('/bind');
    expect((await say.group(classGroup, secretary, '/help')).join('\n')).toContain('/bind');
    expect(await say.private(student, '/whoami')).toEqual([expect.stringContaining('普通同学')]);
    expect(await say.group(classGroup, student, '/whoami')).toEqual(['请在与我的私聊中使用这个命令。']);
  });

  it('ignores unknown commands and chatter in groups but answers them in private', async () => {
    expect(await say.group(classGroup, student, '/frobnicate')).toEqual([]);
    expect(await say.group(classGroup, student, '/bind@some_other_bot CS2101')).toEqual([]);
    expect(await say.group(classGroup, student, '大家好')).toEqual([]);
    expect(await say.private(student, '/frobnicate')).toEqual(['我不认识这个命令。发送 /help 查看你可以使用的命令。']);
    expect(await say.private(englishStudent, 'hello')).toEqual(['Hello! Send /help to see what I can do.']);
  });

  it('keeps the binding when the group becomes a supergroup, and marks a chat the bot left', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 计科2101 CS2101');
    await inviteAndJoin('liaison', 'CS2101', liaisonA);
    await say.update(() => h.api.botAddedToGroup(classGroup, groupAdmin), classGroup.id);
    await say.group(classGroup, liaisonA, '/bind CS2101');

    const superId = -1005001;
    const lastId = h.api.groupMigrated(classGroup, superId, groupAdmin);
    await h.handled(lastId);
    await h.handled(lastId - 1);
    const superGroup = makeGroup(superId, classGroup.title, 'supergroup');
    expect(await say.group(superGroup, student, '/liaisons')).toEqual([expect.stringContaining('<b>计科2101</b> 的联络员')]);
    const rows = await t.db.selectFrom('chats').select(['telegram_chat_id', 'class_id', 'type']).where('type', '<>', 'private').execute();
    expect(rows).toEqual([{ telegram_chat_id: superId, class_id: 1, type: 'supergroup' }]);

    await h.handled(h.api.botRemovedFromGroup(superGroup, groupAdmin, 'kicked'));
    expect(await t.db.selectFrom('chats').select('active').where('type', '<>', 'private').execute()).toEqual([{ active: false }]);
    expect((await say.private(secretary, '/classes')).join('\n')).toContain('计科2101班（机器人已被移出）');

    // added back: the group is still bound, and the bot says so
    expect(await say.update(() => h.api.botAddedToGroup(superGroup, groupAdmin), superId)).toEqual([expect.stringContaining('本群已经绑定在 <b>计科2101</b>')]);
  });

  it('tells a class with one liaison or none how things stand', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 计科2101 CS2101');
    expect(await say.group(classGroup, secretary, '/bind CS2101')).toEqual([expect.stringContaining('已把本群绑定到')]);
    expect(await say.group(classGroup, student, '/liaisons')).toEqual([expect.stringContaining('还没有登记联络员')]);
    await inviteAndJoin('liaison', 'CS2101', liaisonA);
    expect(await say.group(classGroup, student, '/liaisons')).toEqual([expect.stringContaining('目前只有 1 名')]);
    expect(await say.group(makeGroup(-777, '别的群'), student, '/liaisons')).toEqual([expect.stringContaining('本群还没有绑定班级')]);
  });
});

describe('a secretary of several branches', () => {
  it('switches the branch their commands act on', async () => {
    await becomeSecretary();
    expect(await say.private(secretary, '/branch')).toEqual(['你负责的支部是 <b>党支部</b>。']);
    await say.private(secretary, '/class_add 计科2101 CS2101');
    const second = await t.db.insertInto('branches').values({ name: '第二党支部' }).returning('id').executeTakeFirstOrThrow();
    const invite = await createInvite(t.db, systemClock, { role: 'secretary', branchId: second.id, classId: null, createdBy: null });
    expect(await say.private(secretary, `/start inv_${invite.code}`)).toEqual([expect.stringContaining('<b>第二党支部</b> 的支部书记')]);

    expect((await say.private(secretary, '/classes')).join('\n')).toContain('<b>党支部</b> 共 1 个班级');
    expect(await say.private(secretary, '/branch')).toEqual([expect.stringContaining('当前是 <b>党支部</b>')]);
    await say.press(secretary, secretary.id, `br:${second.id}`);
    expect(h.api.callsTo('sendMessage').at(-1)!.params.text).toContain('已切换到 <b>第二党支部</b>');
    expect(await say.private(secretary, '/classes')).toEqual([expect.stringContaining('本支部还没有班级')]);
    await say.private(secretary, '/class_add 软工2101 SE2101');
    expect((await say.private(secretary, '/classes')).join('\n')).toContain('<b>第二党支部</b> 共 1 个班级');

    // a forged button for a branch they do not run
    const third = await t.db.insertInto('branches').values({ name: '别人的支部' }).returning('id').executeTakeFirstOrThrow();
    await h.handled(h.api.pressButton(secretary, { chat: { id: secretary.id, type: 'private' }, message_id: 1 }, `br:${third.id}`));
    expect(h.api.callsTo('answerCallbackQuery').at(-1)!.params.text).toBe('这个操作已过期，请重新开始。');
    expect((await say.private(secretary, '/classes')).join('\n')).toContain('<b>第二党支部</b>');
  });
});

describe('robustness', () => {
  it('still apologises when a button handler fails after answering the button, and answers buttons nobody handles', async () => {
    await becomeSecretary();
    const second = await t.db.insertInto('branches').values({ name: '第二党支部' }).returning('id').executeTakeFirstOrThrow();
    const invite = await createInvite(t.db, systemClock, { role: 'secretary', branchId: second.id, classId: null, createdBy: null });
    await say.private(secretary, `/start inv_${invite.code}`);
    // the branch switch answers the button, then its reply fails: the apology must still arrive
    await say.private(secretary, '/branch');
    // a refusal no retry can fix (a 5xx or 429 would be retried through the outbox instead)
    h.api.injectFault('sendMessage', { kind: 'badRequest', description: "Bad Request: can't parse entities" }, { times: 1 });
    const since = h.api.mark();
    await say.press(secretary, secretary.id, `br:${second.id}`);
    const after = h.api.calls.slice(since);
    expect(after.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.status)).toEqual([200, 400]);
    expect(after.filter((c) => c.method === 'sendMessage' && c.status === 200).map((c) => c.params.text)).toEqual(['抱歉，处理时出了点问题，请稍后再试。']);

    // unknown callback data (an old or forged button) is answered, so the client stops spinning
    const unknown = h.api.mark();
    await h.handled(h.api.pressButton(student, { chat: { id: student.id, type: 'private' }, message_id: 1 }, 'zz:unknown'));
    expect(h.api.calls.slice(unknown).filter((c) => c.method === 'answerCallbackQuery')).toMatchObject([
      { status: 200, params: { text: '这个操作已过期，请重新开始。' } },
    ]);
  });

  it('apologises without details when a handler fails, and keeps going', async () => {
    h.api.injectFault('sendMessage', { kind: 'badRequest', description: "Bad Request: can't parse entities" }, { times: 1 });
    const replies = await say.private(student, '/help');
    expect(replies.at(-1)).toBe('抱歉，处理时出了点问题，请稍后再试。');
    const failure = h.logs.find((l) => l.event === 'update_failed');
    expect(failure).toBeDefined();
    expect(JSON.stringify(failure)).not.toContain('/help');
    expect(await say.private(student, '/help')).toEqual([expect.stringContaining('/whoami')]);
  });

  it('sends the apology past the outbox when the rate-aware path cannot take it either', async () => {
    // (under a database outage the reply path may have to queue the apology in the outbox, which is in the database
    // that failed: process-db-outage.test.ts; here the apology's first send is refused as well)
    h.api.injectFault('sendMessage', { kind: 'badRequest', description: "Bad Request: can't parse entities" }, { times: 2 });
    const replies = await say.private(student, '/help');
    expect(replies.at(-1)).toBe('抱歉，处理时出了点问题，请稍后再试。');
    expect(h.logs.filter((l) => l.event === 'apology_direct')).toHaveLength(1);
    expect(h.logs.filter((l) => l.event === 'apology_failed')).toEqual([]);
  });

  it('handles an update delivered twice only once', async () => {
    const since = h.api.mark();
    const update = {
      update_id: 424242,
      message: {
        message_id: 9,
        date: 1,
        chat: { id: student.id, type: 'private' as const, first_name: student.first_name },
        from: { ...student, is_bot: false as const },
        text: '/help',
        entities: [{ type: 'bot_command' as const, offset: 0, length: 5 }],
      },
    };
    h.api.pushUpdate(update);
    await h.handled(424242);
    h.api.pushUpdate({ ...update, update_id: 424242 });
    await say.private(student, '/whoami');
    const helps = h.api.calls.slice(since).filter((c) => c.method === 'sendMessage' && String(c.params.text).includes('/whoami —'));
    expect(helps).toHaveLength(1);
  });

  it('never writes user text or the token into the logs', async () => {
    await becomeSecretary();
    await say.private(secretary, '/class_add 秘密班级名 SECRET1');
    await say.private(student, '我的隐私问题');
    const all = h.rawLogs.join('\n');
    expect(all).not.toContain('秘密班级名');
    expect(all).not.toContain('我的隐私问题');
    expect(all).not.toContain(h.api.token);
    expect(all).not.toContain(h.api.token.split(':')[1]);
  });

  it('publishes the command menu for private chats, groups and group admins in both languages', async () => {
    const menus = h.api.callsTo('setMyCommands');
    expect(menus).toHaveLength(6);
    const privateZh = menus.find((c) => (c.params.scope as { type: string }).type === 'all_private_chats' && !c.params.language_code);
    expect((privateZh!.params.commands as Array<{ command: string }>).map((c) => c.command)).toEqual([
      'cancel',
      'my_progress',
      'feedback',
      'start',
      'help',
      'whoami',
    ]);
    const admins = menus.find((c) => (c.params.scope as { type: string }).type === 'all_chat_administrators' && c.params.language_code === 'en');
    expect((admins!.params.commands as Array<{ command: string }>).map((c) => c.command)).toEqual(['liaisons', 'stats', 'feedback', 'report', 'ask', 'help']);
  });
});

describe('dialogues', () => {
  it('/cancel clears an open dialogue, kept in the database, and says when there is none', async () => {
    expect(await say.private(student, '/cancel')).toEqual(['当前没有需要取消的操作。']);
    const person = await t.db.selectFrom('people').select('id').where('telegram_user_id', '=', student.id).executeTakeFirstOrThrow();
    await t.db.insertInto('dialogues').values({ person_id: person.id, kind: 'test', step: 'x', data: '{}', updated_at: new Date() }).execute();
    expect(await say.private(student, '/cancel')).toEqual(['已取消，没有保存任何内容。']);
    expect(await t.db.selectFrom('dialogues').selectAll().execute()).toEqual([]);
  });
});
