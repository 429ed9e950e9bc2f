import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { makeUser, startFakeBotApi } from '../support/fake-bot-api/index.js';
import { killGroup, runProcess } from '../support/spawn.js';
import { databaseEnvForProcess } from '../support/test-db.js';

// A PostgreSQL restart seen by a real process (`npm run dev`): its backends are terminated, repeatedly, under load.
const onPostgres = process.env.TEST_DB_KIND === 'postgres';
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) killGroup(child);
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.skipIf(!onPostgres)('the bot process while PostgreSQL terminates its connections', () => {
  it('stays up, answers every message (or apologises), and answers normally afterwards', async () => {
    const api = await startFakeBotApi();
    cleanups.push(() => api.close());
    const db = await databaseEnvForProcess();
    cleanups.push(db.cleanup);
    const admin = await openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL! });
    cleanups.push(() => admin.destroy());
    const appName = `cpa_proc_${randomBytes(3).toString('hex')}`;
    const url = new URL(db.env.DATABASE_URL!);
    url.searchParams.set('application_name', appName);
    const terminate = async () =>
      (await sql<{ ok: boolean }>`select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = ${appName}`.execute(admin)).rows.length;

    const proc = runProcess(
      'npm',
      ['run', 'dev', '--silent'],
      { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATABASE_URL: url.toString() },
      children,
    );
    await proc.waitForStdout(/"event":"ready"/, 90_000);

    const users = Array.from({ length: 150 }, (_, i) => makeUser(20_000 + i, `同学${i}`));
    for (const u of users) api.sendPrivateText(u, u.id % 2 ? '/start' : '/help');
    let terminated = 0;
    for (const [i, u] of users.entries()) {
      await api.waitForMessage(u.id, undefined, { timeoutMs: 30_000 });
      if (i % 15 === 0) terminated += await terminate();
    }
    expect(terminated).toBeGreaterThan(0);
    expect(proc.child.exitCode).toBeNull();

    // Once the bot has seen its connections die (one log line each), the next message is answered normally.
    // The pool's connections log db_connection_lost; the dispatcher's LISTEN connection (the same
    // application_name, so terminated too) logs outbox_listen_lost.
    const lostLines = ['"event":"db_connection_lost"', '"event":"outbox_listen_lost"'];
    const before = lostLines.reduce((n, line) => n + proc.output().stdout.split(line).length - 1, 0);
    const killed = await terminate();
    await proc.waitForCount(lostLines, before + killed, 30_000);
    const late = makeUser(29_999, '后来者');
    api.sendPrivateText(late, '/start');
    expect(String((await api.waitForMessage(late.id, /你好，后来者/, { timeoutMs: 30_000 })).params.text)).toContain('班级党建助手');
    expect(proc.child.exitCode).toBeNull();
    const { stdout, stderr } = proc.output();
    expect(stdout).toMatch(/"event":"db_connection_lost"/);
    expect(stderr).not.toMatch(/Unhandled|uncaught/i);
    expect(stdout + stderr).not.toContain(api.token);
  }, 180_000);
});
