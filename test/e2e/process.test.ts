import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { makeUser, startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { databaseEnvForProcess } from '../support/test-db.js';
import { killGroup, runProcess } from '../support/spawn.js';

// These run the bot as a real process through `npm run dev` (the sources through tsx), as a developer
// would; test/e2e/production-build.test.ts runs `npm start` (the build in dist/).
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) killGroup(child);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const run = (command: string, args: string[], env: Record<string, string>) => runProcess(command, args, env, children);

describe('npm run dev', () => {
  it('refuses a bad configuration with one readable message and exit code 2', async () => {
    const proc = run('npm', ['run', 'dev', '--silent'], {
      BOT_MODE: 'webhook',
      WEBHOOK_PORT: 'eighty',
      TZ: 'Mars/Olympus',
      DATABASE_URL: 'mysql://nope',
    });
    expect(await proc.exited).toBe(2);
    const { stderr, stdout } = proc.output();
    expect(stderr).toContain('The bot cannot start: the configuration has problems.');
    for (const name of ['BOT_TOKEN', 'DATABASE_URL', 'TZ', 'WEBHOOK_URL', 'WEBHOOK_PORT', 'WEBHOOK_SECRET']) expect(stderr).toContain(`- ${name} `);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toMatch(/\n\s+at /);
  });

  it('reaches ready, answers /start, and exits 0 on SIGTERM after closing the database', async () => {
    const api: FakeBotApi = await startFakeBotApi();
    cleanups.push(() => api.close());
    const db = await databaseEnvForProcess();
    cleanups.push(db.cleanup);
    const proc = run('npm', ['run', 'dev', '--silent'], { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...db.env });
    await proc.waitForStdout(/"event":"setup_link"/);
    const ready = await proc.waitForStdout(/\{[^\n]*"event":"ready"[^\n]*\}/);
    const botPid = (JSON.parse(ready) as { pid: number }).pid;

    const student = makeUser(7001, '小红');
    api.sendPrivateText(student, '/start');
    const reply = await api.waitForMessage(student.id, /班级党建助手/, { timeoutMs: 20_000 });
    expect(String(reply.params.text)).toContain('你好，小红！');

    // SIGTERM to the bot's own process (as `docker stop` does); its exit code 0 comes back through tsx and npm.
    process.kill(botPid, 'SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output().stdout).toMatch(/"event":"stopped"/);
    expect(proc.output().stdout).not.toContain(api.token);
  }, 120_000);
});
