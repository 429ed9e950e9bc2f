import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeUser, startFakeBotApi } from '../support/fake-bot-api/index.js';
import { databaseEnvForProcess } from '../support/test-db.js';
import { killGroup, runProcess } from '../support/spawn.js';

// `npm start` as the README has an operator run it: its prestart builds dist/ when it is missing
// or stale (on a fresh clone, here in CI), then plain node runs the build.
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) killGroup(child);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const BUILD_AND_START_MS = 300_000;

describe('npm start: the production build', () => {
  it(
    'builds dist/ if needed, runs it with plain node (no TypeScript loader), reaches ready, answers and stops on SIGTERM',
    async () => {
      const api = await startFakeBotApi();
      cleanups.push(() => api.close());
      const db = await databaseEnvForProcess();
      cleanups.push(db.cleanup);
      const proc = runProcess('npm', ['start', '--silent'], { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, WEB_PORT: '0', ...db.env }, children);
      const ready = await proc.waitForStdout(/\{[^\n]*"event":"ready"[^\n]*\}/, BUILD_AND_START_MS);
      const botPid = (JSON.parse(ready) as { pid: number }).pid;

      expect(readFileSync(`/proc/${botPid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1)).toEqual(['--max-semi-space-size=2', 'dist/src/main.js']);
      // glibc's malloc gives memory back after a burst (README: Footprint)
      expect(readFileSync(`/proc/${botPid}/environ`, 'utf8').split('\0')).toEqual(
        expect.arrayContaining(['MALLOC_MMAP_THRESHOLD_=131072', 'MALLOC_TRIM_THRESHOLD_=131072']),
      );
      if (process.env.TEST_DB_KIND !== 'postgres') {
        // A new data directory is a copy of the one the build made, not the work of initdb.
        expect(proc.output().stdout).toMatch(/"event":"database_created","how":"copied"/);
      }

      // the build is one bundled file: the files it reads at run time are still found (dist/public)
      const listening = await proc.waitForStdout(/\{[^\n]*"event":"dashboard_listening"[^\n]*\}/, 20_000);
      const page = await fetch(`http://127.0.0.1:${(JSON.parse(listening) as { port: number }).port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(readFileSync('dist/public/index.html', 'utf8'));

      const student = makeUser(7101, '小刚');
      api.sendPrivateText(student, '/start');
      const reply = await api.waitForMessage(student.id, /班级党建助手/, { timeoutMs: 20_000 });
      expect(String(reply.params.text)).toContain('你好，小刚！');

      process.kill(botPid, 'SIGTERM');
      expect(await proc.exited).toBe(0);
      expect(proc.output().stdout).toMatch(/"event":"stopped"/);
    },
    BUILD_AND_START_MS + 60_000,
  );

  it('the prestart check then finds dist/ up to date and builds nothing', () => {
    const check = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stderr).toBe('');
    expect(readFileSync('dist/.build-hash', 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
});
