import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeUser, startFakeBotApi } from '../support/fake-bot-api/index.js';
import { startHarness } from '../support/harness.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

const student = makeUser(301, '小明');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}

describe('graceful stop in polling mode', () => {
  it('finishes the update in flight before closing, and confirms the offset', async () => {
    const h = await startHarness({ db: t.db });
    h.api.injectFault('sendMessage', { kind: 'slow', ms: 400 });
    const id = h.api.sendPrivateText(student, '/help');
    await waitUntil(() => h.api.calls.some((c) => c.method === 'sendMessage'));
    await h.stop();
    const send = h.api.callsTo('sendMessage').at(-1)!;
    expect(send.status).toBe(200);
    const handledAt = h.logs.findIndex((l) => l.event === 'update_handled' && l.updateId === id);
    const stoppedAt = h.logs.findIndex((l) => l.event === 'stopped');
    expect(handledAt).toBeGreaterThanOrEqual(0);
    expect(stoppedAt).toBeGreaterThan(handledAt);
    const confirm = h.api.callsTo('getUpdates').at(-1)!;
    expect(confirm.params).toMatchObject({ offset: id + 1, limit: 1 });
  });

  it('survives Bot API outages while polling and carries on', async () => {
    const waits: number[] = [];
    const h = await startHarness({ db: t.db, pollingSleep: async (ms) => void waits.push(ms) });
    h.api.injectFault('getUpdates', { kind: 'serverError', status: 502 }, { times: 2 });
    h.api.sendPrivateText(student, '/help');
    await h.api.waitForMessage(student.id, /whoami/, { timeoutMs: 10_000 });
    expect(h.logs.filter((l) => l.event === 'polling_error').length).toBeGreaterThanOrEqual(1);
    expect(waits.slice(0, 2)).toEqual([500, 1000]); // exponential backoff
    await h.stop();
  });
});

describe('webhook mode', () => {
  it('takes updates only with the secret, handles each update once, and stops cleanly', async () => {
    const api = await startFakeBotApi();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const h = await startHarness({
      db: t.db,
      api,
      env: { BOT_MODE: 'webhook', WEBHOOK_URL: url, WEBHOOK_PORT: String(port), WEBHOOK_SECRET: 'test_secret-1' },
    });
    try {
      const set = api.callsTo('setWebhook').at(-1)!;
      expect(set.params).toMatchObject({ url, secret_token: 'test_secret-1' });
      expect(set.params.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);

      // an update pushed at the fake arrives by webhook with the secret header
      api.sendPrivateText(student, '/start');
      await api.waitForMessage(student.id, /你好，小明/);

      const update = {
        update_id: 777001,
        message: {
          message_id: 50,
          date: 1,
          chat: { id: student.id, type: 'private', first_name: '小明' },
          from: { id: student.id, is_bot: false, first_name: '小明' },
          text: '/whoami',
          entities: [{ type: 'bot_command', offset: 0, length: 7 }],
        },
      };
      const post = (headers: Record<string, string>, body: string, path = '/telegram/hook') =>
        fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

      expect((await post({}, JSON.stringify(update))).status).toBe(401);
      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'wrong' }, JSON.stringify(update))).status).toBe(401);
      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'test_secret-1' }, '{not json')).status).toBe(400);
      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'test_secret-1' }, '{"hello":1}')).status).toBe(400);
      expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': 'test_secret-1' }, JSON.stringify(update), '/elsewhere')).status).toBe(404);

      const since = api.mark();
      const first = await post({ 'X-Telegram-Bot-Api-Secret-Token': 'test_secret-1' }, JSON.stringify(update));
      const retry = await post({ 'X-Telegram-Bot-Api-Secret-Token': 'test_secret-1' }, JSON.stringify(update));
      expect([first.status, retry.status]).toEqual([200, 200]);
      const answers = api.calls.slice(since).filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(student.id));
      expect(answers).toHaveLength(1);
      expect(String(answers[0]!.params.text)).toContain('普通同学');

      // a client that sent its headers and stalls on the body does not hold up the stop
      const stalled = connect(port, '127.0.0.1');
      stalled.on('error', () => undefined); // the server cutting it is the point
      await once(stalled, 'connect');
      stalled.write(
        `POST /telegram/hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: test_secret-1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"update_id":`,
      );
      const cut = new Promise((resolve) => stalled.on('close', resolve)); // events.once would reject on the reset
      await h.stop();
      await cut;
    } finally {
      await h.stop();
      await api.close();
    }
    await expect(fetch(`http://127.0.0.1:${port}/telegram/hook`, { method: 'POST', body: '{}' })).rejects.toThrow();
  });
});
