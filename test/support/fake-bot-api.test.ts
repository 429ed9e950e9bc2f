import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Input, Markup, Telegraf, Telegram, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBotApi, type FakeBotApiOptions, makeGroup, makeUser, startFakeBotApi } from './fake-bot-api/index.js';

// ---- helpers -----------------------------------------------------------------

async function waitUntilCalls(api: FakeBotApi, n: number): Promise<void> {
  while (api.calls.length < n) await new Promise((r) => setImmediate(r));
}

const running: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Tear down in reverse order: bots/servers first, the fake last.
  for (const stop of running.splice(0).reverse()) await stop();
});

async function start(options?: FakeBotApiOptions): Promise<FakeBotApi> {
  const api = await startFakeBotApi(options);
  running.push(() => api.close());
  return api;
}

const telegramFor = (api: FakeBotApi): Telegram => new Telegram(api.token, { apiRoot: api.apiRoot });
const botFor = (api: FakeBotApi): Telegraf => new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });

/** Launches with long polling; resolves once telegraf got getMe. Stopped automatically after the test. */
async function launch(bot: Telegraf): Promise<void> {
  let onLaunch!: () => void;
  const launched = new Promise<void>((resolve) => (onLaunch = resolve));
  const polling = bot.launch({ dropPendingUpdates: false }, () => onLaunch());
  let stopped = false;
  running.push(async () => {
    if (!stopped) {
      stopped = true;
      bot.stop('test over');
    }
    await polling;
  });
  await Promise.race([launched, polling]);
}

async function telegramError(p: Promise<unknown>): Promise<TelegramError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TelegramError);
    return err as TelegramError;
  }
  throw new Error('expected the call to fail with a TelegramError');
}

async function rawPost(api: FakeBotApi, method: string, body: string, contentType: string) {
  const res = await fetch(`${api.apiRoot}/bot${api.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

interface Hook {
  url: string;
  received: Array<{ headers: http.IncomingHttpHeaders; update: Update }>;
}

/** A tiny webhook receiver; `respond` decides the status per delivery (1-based). */
async function startHookServer(respond: (n: number) => number = () => 200): Promise<Hook> {
  const received: Hook['received'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, update: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update });
      res.statusCode = respond(received.length);
      res.end();
    });
  });
  const url = await listen(server, '/hook');
  return { url, received };
}

async function listen(server: http.Server, path: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const alice = makeUser(1001, 'Alice', { username: 'alice', language_code: 'zh-hans' });
const bob = makeUser(1002, 'Bob');
const classGroup = makeGroup(-4001, 'Class 3 Party Group');

// ---- basics ----------------------------------------------------------------------

describe('fake Bot API: basics', () => {
  it('answers getMe with the configured bot and records the call', async () => {
    const api = await start();
    const me = await telegramFor(api).getMe();
    expect(me).toMatchObject({ id: 999000, is_bot: true, username: 'class_party_test_bot' });
    expect(api.bot).toEqual({ id: 999000, username: 'class_party_test_bot', first_name: me.first_name });
    expect(api.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ method: 'getMe', status: 200, response: { ok: true, result: me } });
  });

  it('honours token/botId/botUsername options and rejects a wrong token with 401', async () => {
    const api = await start({ token: '42:OTHER', botId: 42, botUsername: 'other_bot' });
    expect(await telegramFor(api).getMe()).toMatchObject({ id: 42, username: 'other_bot' });
    const err = await telegramError(new Telegram('42:WRONG', { apiRoot: api.apiRoot }).getMe());
    expect(err.response).toMatchObject({ ok: false, error_code: 401, description: 'Unauthorized' });
    expect(api.callsTo('getMe').map((c) => c.status)).toEqual([200, 401]);
  });

  it('answers unknown methods with 404 and still records them', async () => {
    const api = await start();
    const err = await telegramError(telegramFor(api).callApi('sendTelepathy' as 'getMe', { chat_id: 5 } as never));
    expect(err.response).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    expect(api.callsTo('sendTelepathy')[0]?.params).toEqual({ chat_id: 5 });
  });

  it('treats method names case-insensitively', async () => {
    const api = await start();
    const r = await rawPost(api, 'SENDMESSAGE', JSON.stringify({ chat_id: 7, text: 'x' }), 'application/json');
    expect(r.status).toBe(200);
    expect(api.callsTo('sendMessage')).toHaveLength(1);
  });

  it('answers malformed bodies with 400 and keeps serving', async () => {
    const api = await start();
    const bad = await rawPost(api, 'sendMessage', '{"chat_id": 1, "text": ', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ ok: false, error_code: 400 });
    const badMultipart = await rawPost(api, 'sendMessage', 'garbage', 'multipart/form-data; boundary=xyz');
    expect(badMultipart.status).toBe(400);
    expect(api.calls.map((c) => c.status)).toEqual([400, 400]);
    expect((await telegramFor(api).getMe()).id).toBe(api.bot.id);
  });

  it('parses urlencoded bodies, JSON-decoding object/array values', async () => {
    const api = await start();
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const body = new URLSearchParams({ chat_id: '-4001', text: 'hello', reply_markup: JSON.stringify(markup) });
    const r = await rawPost(api, 'sendMessage', body.toString(), 'application/x-www-form-urlencoded');
    expect(r.status).toBe(200);
    expect(r.json.result).toMatchObject({ chat: { id: -4001, type: 'group' }, text: 'hello', reply_markup: markup });
    expect(api.calls[0]?.params).toEqual({ chat_id: '-4001', text: 'hello', reply_markup: markup });
  });

  it('parses multipart uploads sent by telegraf (sendPhoto with a buffer) and accepts file_id documents', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const photo = await tg.sendPhoto(alice.id, Input.fromBuffer(Buffer.from('not really a jpeg'), 'pic.jpg'), {
      caption: 'Our meeting',
      ...Markup.inlineKeyboard([Markup.button.callback('Like', 'like')]),
    });
    expect(photo.caption).toBe('Our meeting');
    expect(photo.photo.length).toBeGreaterThan(0);
    const params = api.callsTo('sendPhoto')[0]!.params;
    expect(params).toMatchObject({
      chat_id: String(alice.id),
      caption: 'Our meeting',
      photo: { upload: true, filename: 'pic.jpg', size: 17 },
      reply_markup: { inline_keyboard: [[{ text: 'Like', callback_data: 'like' }]] },
    });
    expect(params).not.toHaveProperty('method');

    const doc = await tg.sendDocument(classGroup.id, 'BQACAgIAAxkBAAIB');
    expect(doc.document.file_id).toBe('BQACAgIAAxkBAAIB');
    expect(doc.chat).toMatchObject({ id: classGroup.id, type: 'group' });
    const err = await telegramError(tg.callApi('sendDocument', { chat_id: 1 } as never));
    expect(err.description).toBe('Bad Request: there is no document in the request');
  });
});

// ---- telegraf end to end (long polling) ---------------------------------------------

describe('fake Bot API: telegraf with long polling', () => {
  it('delivers a pushed private /start command and records the reply', async () => {
    const api = await start();
    const bot = botFor(api);
    const seen: Array<{ chatType: string; fromId: number | undefined; payload: string }> = [];
    bot.command('start', async (ctx) => {
      seen.push({ chatType: ctx.chat.type, fromId: ctx.from?.id, payload: ctx.payload });
      await ctx.reply('hi');
    });
    await launch(bot);

    const since = api.mark();
    const updateId = api.sendPrivateText(alice, '/start invite_42');
    const reply = await api.waitForMessage(alice.id, 'hi', { since });

    expect(updateId).toBeGreaterThan(0);
    expect(seen).toEqual([{ chatType: 'private', fromId: alice.id, payload: 'invite_42' }]);
    expect(reply.params).toMatchObject({ chat_id: alice.id, text: 'hi' });
    expect(reply.response).toMatchObject({
      ok: true,
      result: { message_id: 2, chat: { id: alice.id, type: 'private', first_name: 'Alice' }, from: { id: api.bot.id } },
    });
    const firstPoll = api.callsTo('getUpdates').find((c) => c.status === 200);
    expect(firstPoll?.params).toMatchObject({ timeout: 50, offset: 0 });
  });

  it('delivers group commands (also /cmd@botname) and routes button presses to bot.action', async () => {
    const api = await start();
    const bot = botFor(api);
    bot.command('vote', (ctx) => ctx.reply(`Vote: ${ctx.payload}`, Markup.inlineKeyboard([Markup.button.callback('Yes', 'vote:yes')])));
    const presses: string[] = [];
    bot.action(/^vote:(.+)$/, async (ctx) => {
      presses.push(`${ctx.from.id}:${ctx.match[1]}`);
      await ctx.answerCbQuery('Recorded');
      await ctx.editMessageText('Vote closed');
    });
    await launch(bot);

    api.sendGroupText(classGroup, alice, `/vote@${api.bot.username} new monitor`);
    const question = await api.waitForMessage(classGroup.id, 'Vote: new monitor');
    const messageId = (question.response as { result: { message_id: number } }).result.message_id;

    api.pressButton(bob, { chat: classGroup, message_id: messageId }, 'vote:yes');
    const answer = await api.waitForCall('answerCallbackQuery');
    const edit = await api.waitForCall('editMessageText');

    expect(presses).toEqual([`${bob.id}:yes`]);
    expect(answer.params).toMatchObject({ text: 'Recorded' });
    expect(answer.response).toEqual({ ok: true, result: true });
    expect(edit.params).toMatchObject({ chat_id: classGroup.id, message_id: messageId, text: 'Vote closed' });
    expect(edit.response).toMatchObject({ ok: true, result: { text: 'Vote closed', edit_date: expect.any(Number) } });
    // Editing without reply_markup removes the keyboard, like Telegram.
    expect((edit.response as { result: object }).result).not.toHaveProperty('reply_markup');
  });

  it('delivers my_chat_member updates; after a kick the group answers 403', async () => {
    const api = await start();
    const bot = botFor(api);
    const changes: string[] = [];
    bot.on('my_chat_member', (ctx) => {
      const u = ctx.myChatMember;
      changes.push(`${u.chat.id}:${u.from.id}:${u.old_chat_member.status}->${u.new_chat_member.status}`);
    });
    await launch(bot);

    api.botAddedToGroup(classGroup, alice, 'administrator');
    api.botRemovedFromGroup(classGroup, alice, 'kicked');
    await eventually(() => expect(changes).toHaveLength(2));
    expect(changes).toEqual([`${classGroup.id}:${alice.id}:left->administrator`, `${classGroup.id}:${alice.id}:administrator->kicked`]);

    const err = await telegramError(bot.telegram.sendMessage(classGroup.id, 'still here?'));
    expect(err.response).toEqual({ ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' });
    api.botAddedToGroup(classGroup, alice);
    await eventually(() => expect(changes).toHaveLength(3));
    await expect(bot.telegram.sendMessage(classGroup.id, 'back')).resolves.toMatchObject({ text: 'back' });
  });

  it('pushes both migration messages; the old group id then answers "upgraded to a supergroup"', async () => {
    const api = await start();
    const bot = botFor(api);
    const migrations: Array<Record<string, unknown>> = [];
    bot.on('message', (ctx) => {
      const m = ctx.message as unknown as Record<string, unknown>;
      migrations.push({ chat: ctx.chat.id, type: ctx.chat.type, to: m.migrate_to_chat_id, from: m.migrate_from_chat_id });
    });
    await launch(bot);

    const newId = -1009876543210;
    const lastId = api.groupMigrated(classGroup, newId, alice);
    await eventually(() => expect(migrations).toHaveLength(2));
    expect(migrations).toEqual([
      { chat: classGroup.id, type: 'group', to: newId, from: undefined },
      { chat: newId, type: 'supergroup', to: undefined, from: classGroup.id },
    ]);
    expect(lastId).toBeGreaterThan(1);

    const err = await telegramError(bot.telegram.sendMessage(classGroup.id, 'hello?'));
    expect(err.response).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: newId },
    });
    const moved = await bot.telegram.sendMessage(newId, 'hello!');
    expect(moved.chat).toEqual({ id: newId, type: 'supergroup', title: classGroup.title });
  });
});

// ---- getUpdates semantics ---------------------------------------------------------

describe('fake Bot API: getUpdates', () => {
  it('honours limit and offset (confirmation) and allowed_updates', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const ids = [api.sendPrivateText(alice, 'one'), api.sendPrivateText(bob, 'two'), api.botAddedToGroup(classGroup, alice)];
    expect(ids).toEqual([ids[0], ids[0]! + 1, ids[0]! + 2]);

    expect((await tg.getUpdates(0, 2, 0, undefined)).map((u) => u.update_id)).toEqual(ids.slice(0, 2));
    // Not confirmed yet: still there.
    expect((await tg.getUpdates(0, 100, 0, undefined)).map((u) => u.update_id)).toEqual(ids);
    expect((await tg.getUpdates(0, 100, 0, ['my_chat_member'])).map((u) => u.update_id)).toEqual([ids[2]]);
    // offset confirms everything below it.
    expect((await tg.getUpdates(0, 100, ids[1]!, undefined)).map((u) => u.update_id)).toEqual(ids.slice(1));
    expect(await tg.getUpdates(0, 100, ids[2]! + 1, undefined)).toEqual([]);
  });

  it('holds a long poll until an update arrives, and answers [] when the timeout expires', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const poll = tg.getUpdates(30, 100, 0, undefined);
    await api.waitForCall('getUpdates', undefined, { timeoutMs: 50 }).then(
      () => expect.fail('a pending long poll must not be answered yet'),
      () => undefined,
    );
    const id = api.sendPrivateText(alice, 'wake up');
    const updates = await poll;
    expect(updates.map((u) => u.update_id)).toEqual([id]);
    expect(updates[0]).toMatchObject({ message: { text: 'wake up', chat: { id: alice.id, type: 'private' } } });

    const t0 = Date.now();
    expect(await tg.getUpdates(1, 100, id + 1, undefined)).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('terminates an older pending long poll with 409 when a second one arrives', async () => {
    const api = await start();
    const first = telegramError(telegramFor(api).getUpdates(30, 100, 0, undefined));
    await eventually(() => expect(api.callsTo('getUpdates')).toHaveLength(1));
    const second = telegramFor(api).getUpdates(30, 100, 0, undefined);
    expect((await first).response).toMatchObject({ error_code: 409, description: expect.stringContaining('terminated by other getUpdates') });
    api.sendPrivateText(alice, 'x');
    expect(await second).toHaveLength(1);
  });

  it('close() answers pending long polls with [] and does not hang', async () => {
    const api = await startFakeBotApi();
    const poll = telegramFor(api).getUpdates(50, 100, 0, undefined);
    await eventually(() => expect(api.callsTo('getUpdates')).toHaveLength(1));
    const t0 = Date.now();
    await api.close();
    expect(await poll).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(1000);
    await api.close(); // idempotent
  });
});

// ---- faults ------------------------------------------------------------------------

describe('fake Bot API: faults as seen through telegraf', () => {
  it.each([
    [
      { kind: 'retryAfter', seconds: 7 },
      { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } },
    ],
    [{ kind: 'forbidden' }, { error_code: 403, description: 'Forbidden: bot was kicked from the group chat' }],
    [
      { kind: 'forbidden', description: 'Forbidden: bot was blocked by the user' },
      { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    ],
    [
      { kind: 'migrated', newChatId: -100123 },
      {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -100123 },
      },
    ],
    [{ kind: 'chatNotFound' }, { error_code: 400, description: 'Bad Request: chat not found' }],
    [{ kind: 'serverError' }, { error_code: 500, description: 'Internal Server Error' }],
    [
      { kind: 'serverError', status: 502 },
      { error_code: 502, description: 'Bad Gateway' },
    ],
    [
      { kind: 'badRequest', description: 'Bad Request: TOPIC_CLOSED' },
      { error_code: 400, description: 'Bad Request: TOPIC_CLOSED' },
    ],
  ] as const)('%o', async (fault, expected) => {
    const api = await start();
    const tg = telegramFor(api);
    api.injectFault('sendMessage', fault);
    const err = await telegramError(tg.sendMessage(classGroup.id, 'hello'));
    expect(err.response).toMatchObject(expected);
    expect(err.code).toBe(expected.error_code);
    // Recorded with the answer, and consumed: the next call succeeds.
    expect(api.calls[0]).toMatchObject({ method: 'sendMessage', status: expected.error_code, response: { ok: false } });
    await expect(tg.sendMessage(classGroup.id, 'hello')).resolves.toMatchObject({ text: 'hello' });
  });

  it('scopes faults by chat id and repeats them `times` times; clearFaults removes them', async () => {
    const api = await start();
    const tg = telegramFor(api);
    api.injectFault('sendMessage', { kind: 'forbidden' }, { chatId: classGroup.id, times: 2 });
    await expect(tg.sendMessage(alice.id, 'private ok')).resolves.toBeTruthy();
    expect((await telegramError(tg.sendMessage(classGroup.id, 'a'))).code).toBe(403);
    expect((await telegramError(tg.sendMessage(String(classGroup.id), 'b'))).code).toBe(403);
    await expect(tg.sendMessage(classGroup.id, 'c')).resolves.toBeTruthy();

    api.injectFault('getChat', { kind: 'chatNotFound' }, { times: 5 });
    api.clearFaults();
    api.setChat(classGroup);
    await expect(tg.getChat(classGroup.id)).resolves.toMatchObject({ title: classGroup.title });
  });

  it('slow faults and latency delay the answer without failing it', async () => {
    const api = await start();
    const tg = telegramFor(api);
    api.injectFault('sendMessage', { kind: 'slow', ms: 300 });
    let t0 = Date.now();
    await expect(tg.sendMessage(alice.id, 'slow')).resolves.toMatchObject({ text: 'slow' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);

    api.setLatency(150);
    t0 = Date.now();
    await tg.getMe();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    api.setLatency(0);
    t0 = Date.now();
    await tg.getMe();
    expect(Date.now() - t0).toBeLessThan(140);
  });

  it('holds an answer until the test releases it; other calls go on meanwhile', async () => {
    const api = await start();
    const tg = telegramFor(api);
    let release!: () => void;
    api.injectFault('sendMessage', { kind: 'held', release: new Promise<void>((r) => (release = r)) }, { chatId: classGroup.id });
    let answered = false;
    const held = tg.sendMessage(classGroup.id, 'held').then((m) => ((answered = true), m));
    await api.waitForCall('sendMessage', (c) => c.params.text === 'held');
    await expect(tg.sendMessage(alice.id, 'meanwhile')).resolves.toMatchObject({ text: 'meanwhile' });
    expect(answered).toBe(false);
    release();
    await expect(held).resolves.toMatchObject({ text: 'held' });
  });

  it('drops a call: accepted, never answered, until the client gives up', async () => {
    const api = await start();
    api.injectFault('getUpdates', { kind: 'dropped' });
    const abort = new AbortController();
    const poll = telegramFor(api).callApi('getUpdates', { timeout: 0 }, { signal: abort.signal as never });
    await waitUntilCalls(api, 1);
    api.sendPrivateText(alice, 'not delivered on the dropped poll');
    abort.abort();
    await expect(poll).rejects.toThrow();
    expect(api.calls[0]).toMatchObject({ method: 'getUpdates', response: undefined });
    await expect(telegramFor(api).callApi('getUpdates', { timeout: 0 })).resolves.toHaveLength(1);
  });

  it('refuses a string with a lone surrogate as Telegram does (400, strings must be encoded in UTF-8)', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const err = await telegramError(tg.sendMessage(alice.id, '断开的表情 😀'.slice(0, -1)));
    expect(err.response).toMatchObject({ error_code: 400, description: 'Bad Request: strings must be encoded in UTF-8' });
    const button = { inline_keyboard: [[{ text: '𠀀'.slice(1), callback_data: 'x' }]] };
    expect((await telegramError(tg.sendMessage(alice.id, 'ok', { reply_markup: button }))).code).toBe(400);
    await expect(tg.sendMessage(alice.id, '完整的 😀 𠀀')).resolves.toMatchObject({ text: '完整的 😀 𠀀' });
  });

  it('applies the perSecond rate limit to sends only', async () => {
    const api = await start();
    const tg = telegramFor(api);
    api.setRateLimits({ perSecond: 3 });
    for (let i = 0; i < 3; i++) await tg.sendMessage(alice.id + i, `m${i}`);
    const err = await telegramError(tg.sendMessage(alice.id, 'one too many'));
    expect(err.response).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await expect(tg.getMe()).resolves.toBeTruthy();
    expect((await telegramError(tg.copyMessage(bob.id, alice.id, 1))).code).toBe(429);
    api.setRateLimits(null);
    await expect(tg.sendMessage(alice.id, 'unlimited again')).resolves.toBeTruthy();
  });

  it('applies perChatPerMinute to group chats with retry_after from the 60 s window', async () => {
    const api = await start();
    const tg = telegramFor(api);
    api.setRateLimits({ perChatPerMinute: 2 });
    await tg.sendMessage(classGroup.id, '1');
    await tg.sendMessage(classGroup.id, '2');
    const err = await telegramError(tg.sendMessage(classGroup.id, '3'));
    expect(err.code).toBe(429);
    expect(err.parameters?.retry_after).toBeGreaterThanOrEqual(59);
    expect(err.parameters?.retry_after).toBeLessThanOrEqual(60);
    await expect(tg.sendMessage(-4002, 'other group')).resolves.toBeTruthy();
    for (let i = 0; i < 3; i++) await tg.sendMessage(alice.id, `private ${i}`);
  });
});

// ---- messages ----------------------------------------------------------------------

describe('fake Bot API: messages', () => {
  it('numbers messages per chat, sharing the counter with user messages', async () => {
    const api = await start();
    const tg = telegramFor(api);
    expect((await tg.sendMessage(classGroup.id, 'a')).message_id).toBe(1);
    expect((await tg.sendMessage(classGroup.id, 'b')).message_id).toBe(2);
    expect((await tg.sendMessage(alice.id, 'c')).message_id).toBe(1);
    api.sendGroupText(classGroup, bob, 'user message');
    const m = await tg.sendMessage(classGroup.id, 'd', { reply_parameters: { message_id: 3 } });
    expect(m.message_id).toBe(4);
    expect(m.reply_to_message).toMatchObject({ message_id: 3, text: 'user message', from: { id: bob.id } });
    const missing = await telegramError(tg.sendMessage(classGroup.id, 'e', { reply_parameters: { message_id: 99 } }));
    expect(missing.description).toBe('Bad Request: message to be replied not found');
  });

  it('rejects empty and too long texts', async () => {
    const api = await start();
    const tg = telegramFor(api);
    expect((await telegramError(tg.sendMessage(alice.id, ''))).description).toBe('Bad Request: message text is empty');
    expect((await telegramError(tg.sendMessage(alice.id, 'x'.repeat(4097)))).description).toBe('Bad Request: message is too long');
    await expect(tg.sendMessage(alice.id, 'x'.repeat(4096))).resolves.toBeTruthy();
  });

  it("editMessageText / editMessageReplyMarkup: not modified, not found, can't edit", async () => {
    const api = await start();
    const tg = telegramFor(api);
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Sign up', 'signup')]);
    const sent = await tg.sendMessage(classGroup.id, 'Meeting at 8', keyboard);
    expect(sent.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Sign up', callback_data: 'signup' }]] });

    const same = await telegramError(tg.editMessageText(classGroup.id, sent.message_id, undefined, 'Meeting at 8', keyboard));
    expect(same.description).toMatch(/^Bad Request: message is not modified: /);
    // Same text but dropping the keyboard is a modification.
    await expect(tg.editMessageText(classGroup.id, sent.message_id, undefined, 'Meeting at 8')).resolves.toMatchObject({
      text: 'Meeting at 8',
    });
    const noMarkup = await telegramError(tg.editMessageReplyMarkup(classGroup.id, sent.message_id, undefined, undefined));
    expect(noMarkup.description).toMatch(/^Bad Request: message is not modified: /);
    await expect(tg.editMessageReplyMarkup(classGroup.id, sent.message_id, undefined, keyboard.reply_markup)).resolves.toMatchObject({
      reply_markup: { inline_keyboard: [[{ callback_data: 'signup' }]] },
    });
    expect((await telegramError(tg.editMessageReplyMarkup(classGroup.id, sent.message_id, undefined, keyboard.reply_markup))).description).toMatch(
      /not modified/,
    );

    expect((await telegramError(tg.editMessageText(classGroup.id, 999, undefined, 'x'))).description).toBe('Bad Request: message to edit not found');
    api.sendGroupText(classGroup, alice, 'my own words');
    const userMsgId = sent.message_id + 1;
    expect((await telegramError(tg.editMessageText(classGroup.id, userMsgId, undefined, 'x'))).description).toBe("Bad Request: message can't be edited");
  });

  it('deletes, copies, pins messages', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const a = await tg.sendMessage(classGroup.id, 'to delete');
    await expect(tg.deleteMessage(classGroup.id, a.message_id)).resolves.toBe(true);
    expect((await telegramError(tg.deleteMessage(classGroup.id, a.message_id))).description).toBe('Bad Request: message to delete not found');
    expect((await telegramError(tg.editMessageText(classGroup.id, a.message_id, undefined, 'x'))).description).toBe('Bad Request: message to edit not found');

    const b = await tg.sendMessage(classGroup.id, 'notice');
    const copy = await tg.copyMessage(alice.id, classGroup.id, b.message_id);
    expect(copy).toEqual({ message_id: 1 });
    expect((await telegramError(tg.copyMessage(alice.id, classGroup.id, 12345))).description).toBe('Bad Request: message to copy not found');

    await expect(tg.pinChatMessage(classGroup.id, b.message_id)).resolves.toBe(true);
    expect(await tg.getChat(classGroup.id)).toMatchObject({ pinned_message: { message_id: b.message_id, text: 'notice' } });
    await expect(tg.unpinChatMessage(classGroup.id)).resolves.toBe(true);
    expect(await tg.getChat(classGroup.id)).not.toHaveProperty('pinned_message');
  });
});

// ---- chat state ---------------------------------------------------------------------

describe('fake Bot API: chats, members, commands', () => {
  it('getChat uses setChat (supergroup typing) and fails for unknown chats', async () => {
    const api = await start();
    const tg = telegramFor(api);
    expect((await telegramError(tg.getChat(-777))).description).toBe('Bad Request: chat not found');
    const sg = makeGroup(-1001234, 'Party branch', 'supergroup');
    api.setChat(sg);
    expect(await tg.getChat(sg.id)).toMatchObject({ id: sg.id, type: 'supergroup', title: 'Party branch' });
    const m = await tg.sendMessage(sg.id, 'hi');
    expect(m.chat).toEqual({ id: sg.id, type: 'supergroup', title: 'Party branch' });
    api.sendPrivateText(alice, 'hello');
    expect(await tg.getChat(alice.id)).toMatchObject({ id: alice.id, type: 'private', first_name: 'Alice', username: 'alice' });
  });

  it('getChatMember / getChatAdministrators follow setChatMember (default member)', async () => {
    const api = await start();
    const tg = telegramFor(api);
    api.sendGroupText(classGroup, alice, 'hello');
    expect(await tg.getChatMember(classGroup.id, bob.id)).toMatchObject({ status: 'member', user: { id: bob.id } });
    api.setChatMember(classGroup.id, alice.id, 'creator');
    api.setChatMember(classGroup.id, bob.id, 'administrator');
    api.setChatMember(classGroup.id, 1003, 'kicked');
    expect(await tg.getChatMember(classGroup.id, alice.id)).toMatchObject({
      status: 'creator',
      user: { id: alice.id, first_name: 'Alice', is_bot: false },
    });
    expect(await tg.getChatMember(classGroup.id, 1003)).toMatchObject({ status: 'kicked', until_date: 0 });
    const admins = await tg.getChatAdministrators(classGroup.id);
    expect(admins.map((a) => [a.user.id, a.status])).toEqual([
      [alice.id, 'creator'],
      [bob.id, 'administrator'],
    ]);
  });

  it('stores commands per scope and language; menu button and leaveChat answer true', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const cmds = [{ command: 'start', description: 'Start' }];
    await expect(tg.setMyCommands(cmds)).resolves.toBe(true);
    await tg.setMyCommands([{ command: 'admin', description: 'Admin' }], { scope: { type: 'all_chat_administrators' } });
    expect(await tg.getMyCommands()).toEqual(cmds);
    expect(await tg.getMyCommands({ scope: { type: 'all_chat_administrators' } })).toEqual([{ command: 'admin', description: 'Admin' }]);
    expect(await tg.getMyCommands({ language_code: 'en' })).toEqual([]);
    await tg.deleteMyCommands();
    expect(await tg.getMyCommands()).toEqual([]);
    expect((await telegramError(tg.setMyCommands([{ command: 'Bad Command', description: 'x' }]))).description).toBe('Bad Request: BOT_COMMAND_INVALID');

    await expect(tg.setChatMenuButton({ menuButton: { type: 'commands' } })).resolves.toBe(true);
    await expect(tg.leaveChat(classGroup.id)).resolves.toBe(true);
    expect((await telegramError(tg.sendMessage(classGroup.id, 'x'))).description).toBe('Forbidden: bot is not a member of the group chat');
  });
});

// ---- webhook ----------------------------------------------------------------------

describe('fake Bot API: webhook mode', () => {
  it('POSTs pushed updates with the secret header; getUpdates conflicts until deleteWebhook', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const hook = await startHookServer();
    await expect(tg.setWebhook(hook.url, { secret_token: 's3cret_TOKEN' })).resolves.toBe(true);
    expect(api.callsTo('setWebhook')[0]?.response).toMatchObject({ ok: true, result: true, description: 'Webhook was set' });

    const id = api.sendPrivateText(alice, '/start');
    await eventually(() => expect(hook.received).toHaveLength(1));
    expect(hook.received[0]?.headers['x-telegram-bot-api-secret-token']).toBe('s3cret_TOKEN');
    expect(hook.received[0]?.update).toMatchObject({
      update_id: id,
      message: { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
    });

    const conflict = await telegramError(tg.getUpdates(0, 100, 0, undefined));
    expect(conflict.response).toMatchObject({ error_code: 409, description: expect.stringContaining("can't use getUpdates method while webhook is active") });
    expect(await tg.getWebhookInfo()).toMatchObject({ url: hook.url, pending_update_count: 0 });

    await tg.deleteWebhook();
    expect((await tg.getWebhookInfo()).url).toBe('');
    const later = api.sendPrivateText(bob, 'after webhook');
    expect((await tg.getUpdates(0, 100, 0, undefined)).map((u) => u.update_id)).toEqual([later]);
    expect(hook.received).toHaveLength(1);
  });

  it('retries a failed delivery once, then drops it and reports the error', async () => {
    const api = await start();
    const tg = telegramFor(api);
    const flaky = await startHookServer((n) => (n === 1 ? 500 : 200));
    await tg.setWebhook(flaky.url);
    api.sendPrivateText(alice, 'first');
    await eventually(() => expect(flaky.received).toHaveLength(2));
    expect(flaky.received.map((r) => r.update.update_id)).toEqual([1, 1]);
    expect(flaky.received[0]?.headers).not.toHaveProperty('x-telegram-bot-api-secret-token');

    const broken = await startHookServer(() => 503);
    await tg.setWebhook(broken.url, { drop_pending_updates: true });
    api.sendPrivateText(alice, 'second');
    api.sendPrivateText(alice, 'third');
    await eventually(() => expect(broken.received).toHaveLength(4));
    const info = await tg.getWebhookInfo();
    expect(info).toMatchObject({ pending_update_count: 0, last_error_message: expect.stringContaining('503') });
    expect(broken.received.map((r) => (r.update as { message: { text: string } }).message.text)).toEqual(['second', 'second', 'third', 'third']);
  });

  it('drives a real telegraf webhookCallback, executing webhook-reply calls', async () => {
    const api = await start();
    const bot = botFor(api);
    bot.command('start', (ctx) => ctx.reply('welcome'));
    bot.action('ok', (ctx) => ctx.answerCbQuery('done'));
    const callback = bot.webhookCallback('/tg', { secretToken: 'hook_secret' });
    const server = http.createServer((req, res) => void callback(req, res));
    const url = await listen(server, '/tg');
    await bot.telegram.setWebhook(url, { secret_token: 'hook_secret' });

    api.sendPrivateText(alice, '/start');
    await api.waitForMessage(alice.id, 'welcome');
    api.pressButton(alice, { chat: { id: alice.id, type: 'private' }, message_id: 2 }, 'ok');
    // telegraf answers the callback query inside the webhook HTTP response; the fake executes it.
    const answer = await api.waitForCall('answerCallbackQuery');
    expect(answer.params).toMatchObject({ text: 'done', callback_query_id: expect.any(String) });
    expect(answer.response).toEqual({ ok: true, result: true });
  });
});

// ---- waiting ----------------------------------------------------------------------

describe('fake Bot API: waitForCall', () => {
  it('respects `since` and predicates', async () => {
    const api = await start();
    const tg = telegramFor(api);
    await tg.sendMessage(alice.id, 'old news');
    const since = api.mark();
    const waiting = api.waitForMessage(alice.id, /news$/, { since, timeoutMs: 2000 });
    await tg.sendMessage(bob.id, 'fresh news');
    await tg.sendMessage(alice.id, 'fresh news');
    const found = await waiting;
    expect(found.params.text).toBe('fresh news');
    expect(api.calls.indexOf(found)).toBe(2);
    // Without since the first match wins.
    expect((await api.waitForMessage(alice.id, 'news')).params.text).toBe('old news');
    const byPredicate = await api.waitForCall('sendMessage', (c) => c.params.chat_id === bob.id);
    expect(byPredicate.params.text).toBe('fresh news');
  });

  it('rejects on timeout listing the recent calls', async () => {
    const api = await start();
    await telegramFor(api).sendMessage(alice.id, 'something else');
    await expect(api.waitForMessage(alice.id, 'never', { timeoutMs: 50 })).rejects.toThrow(
      /timed out after 50ms[\s\S]*sendMessage chat_id=1001 text="something else" -> 200/,
    );
  });
});
