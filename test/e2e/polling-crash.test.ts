import { afterEach, describe, expect, it } from 'vitest';
import { makeUser, startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { killAll, runProcess } from '../support/spawn.js';
import { databaseEnvForProcess } from '../support/test-db.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  killAll();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(): Promise<{ api: FakeBotApi; env: Record<string, string> }> {
  const api = await startFakeBotApi();
  const db = await databaseEnvForProcess();
  cleanups.push(
    () => api.close(),
    () => db.cleanup(),
  );
  return { api, env: { ...db.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'info' } };
}

const startBot = (env: Record<string, string>) => runProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], env);

describe('a bot killed while updates are queued', () => {
  it('handles, after the restart, the updates it had fetched (and Telegram considers delivered) but not handled', async () => {
    const { api, env } = await setUp();
    const student = makeUser(301, '小明');
    const first = startBot(env);
    await first.waitForStdout(/"event":"ready"/);

    // the reply to the first update hangs; the two behind it wait in the chat's queue
    let release = () => {};
    api.injectFault('sendMessage', { kind: 'held', release: new Promise<void>((r) => (release = r)) }, { times: 1, chatId: student.id });
    const ids = [api.sendPrivateText(student, '/whoami'), api.sendPrivateText(student, '/help'), api.sendPrivateText(student, '/whoami')];
    await api.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(student.id), { timeoutMs: 30_000 });
    // the poller asked for the next batch: Telegram now treats all three as delivered. Kill it as soon as
    // that request arrives, not when the long poll ends (25 s later): by then the held reply would have
    // reached its own deadline (10 s) and gone to the outbox, and the queue would have moved on.
    await api.waitForRequest('getUpdates', (c) => Number(c.params.offset) > ids[2]!, { timeoutMs: 30_000 });
    first.kill('SIGKILL');
    await first.exited;
    release();

    const since = api.mark();
    const second = startBot(env);
    await second.waitForStdout(/"event":"ready"/);
    await second.waitForStdout(/"event":"polled_updates_resumed","count":[23]/);
    const help = await api.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(student.id) && String(c.params.text).includes('/whoami —'), {
      since,
      timeoutMs: 30_000,
    });
    const whoami = await api.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(student.id) && String(c.params.text).includes('普通同学'), {
      since,
      timeoutMs: 30_000,
    });
    expect(api.calls.indexOf(help)).toBeLessThan(api.calls.indexOf(whoami));
    // the update whose handling had begun is not handled twice
    const replies = api.calls.slice(since).filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === String(student.id));
    expect(replies).toHaveLength(2);
    second.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
