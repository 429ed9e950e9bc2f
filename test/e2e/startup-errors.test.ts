import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { logCapture } from '../support/harness.js';
import { killGroup, runProcess } from '../support/spawn.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Start-up failures say which failure it was (issue 7, item 15), and never print a password or the token.
const onPostgres = process.env.TEST_DB_KIND === 'postgres';
const PASSWORD = 'n0t-to-be-printed';

async function start(env: Record<string, string>, extra: { db?: TestDb['db']; botApiTimeoutMs?: number } = {}) {
  const { stream, rawLogs } = logCapture();
  const result = await startApp({ env: { BOT_TOKEN: '123456:secret-token', LOG_LEVEL: 'debug', ...env }, logDestination: stream, ...extra });
  if (result.ok) {
    await result.app.stop();
    throw new Error('expected the start to fail');
  }
  const everything = `${result.message}\n${rawLogs.join('\n')}`;
  expect(everything).not.toContain(PASSWORD);
  expect(everything).not.toContain('secret-token');
  return result;
}

describe.skipIf(onPostgres)('a database that cannot be opened', () => {
  it('says the connection was refused, and where', async () => {
    const result = await start({ DATABASE_URL: `postgres://party:${PASSWORD}@127.0.0.1:1/party` });
    expect(result).toMatchObject({ exitCode: 1 });
    expect(result.message).toBe(
      'The bot cannot start: the database could not be opened: the connection to PostgreSQL at 127.0.0.1:1, database "party" was refused (nothing listens there) [ECONNREFUSED].',
    );
  });

  it('says the host name does not resolve', async () => {
    const result = await start({ DATABASE_URL: `postgres://party:${PASSWORD}@nonexistent.invalid/party` });
    expect(result.message).toContain('the host of PostgreSQL at nonexistent.invalid:5432, database "party" cannot be resolved (DNS lookup failed) [ENOTFOUND]');
  });

  it('npm run dev prints it as one line, exit code 1, no stack trace', async () => {
    const children: ChildProcess[] = [];
    try {
      const proc = runProcess(
        'npm',
        ['run', 'dev', '--silent'],
        { BOT_TOKEN: '123456:secret-token', DATABASE_URL: `postgres://party:${PASSWORD}@127.0.0.1:1/party` },
        children,
      );
      expect(await proc.exited).toBe(1);
      const { stdout, stderr } = proc.output();
      expect(stderr).toContain('the database could not be opened: the connection to PostgreSQL at 127.0.0.1:1, database "party" was refused');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout + stderr).not.toContain(PASSWORD);
    } finally {
      for (const child of children) killGroup(child);
    }
  }, 60_000);
});

describe.skipIf(!onPostgres)('a PostgreSQL that refuses the bot', () => {
  const url = () => new URL(process.env.TEST_DATABASE_URL!);
  it('names a database that does not exist', async () => {
    const u = url();
    u.pathname = `/nosuch_${randomBytes(3).toString('hex')}`;
    u.password = PASSWORD;
    const result = await start({ DATABASE_URL: u.toString() });
    expect(result.message).toMatch(/said: database "nosuch_\w+" does not exist \[3D000\]; create that database or fix its name in DATABASE_URL\.$/);
  });

  it('names a user it does not know', async () => {
    const u = url();
    u.username = 'nosuchuser';
    u.password = PASSWORD;
    const result = await start({ DATABASE_URL: u.toString() });
    expect(result.message).toContain('said: role "nosuchuser" does not exist [28000]; check the user name in DATABASE_URL and pg_hba.conf.');
  });
});

describe.skipIf(onPostgres)('a Bot API that cannot be reached', () => {
  let t: TestDb;
  let api: FakeBotApi;
  let silent: net.Server;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    t = await openTestDb();
    api = await startFakeBotApi();
    silent = net.createServer((socket) => sockets.push(socket)); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent.close();
    await api.close();
    await t.close();
  });
  const startWith = (root: string, botApiTimeoutMs?: number) =>
    start({ TELEGRAM_API_ROOT: root }, { db: t.db, ...(botApiTimeoutMs ? { botApiTimeoutMs } : {}) });

  it('says refused, unresolvable, TLS failure or timeout', async () => {
    expect((await startWith('http://127.0.0.1:1')).message).toBe(
      'The bot cannot start: the connection to the Bot API at http://127.0.0.1:1 was refused (nothing listens there) [ECONNREFUSED]. Check TELEGRAM_API_ROOT and the network.',
    );
    expect((await startWith('http://nonexistent.invalid')).message).toContain(
      'the host of the Bot API at http://nonexistent.invalid cannot be resolved (DNS lookup failed) [ENOTFOUND]',
    );
    // https:// to a server that speaks plain HTTP: the TLS handshake fails
    const plain = new URL(api.apiRoot);
    expect((await startWith(`https://${plain.host}`)).message).toMatch(/TLS/);
    const port = (silent.address() as net.AddressInfo).port;
    expect((await startWith(`http://127.0.0.1:${port}`, 300)).message).toContain(`the Bot API at http://127.0.0.1:${port} did not answer within 300 ms`);
  });
});
