import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, lockDataDir } from '../../src/db/data-dir-lock.js';
import { startFakeBotApi } from '../support/fake-bot-api/index.js';

// The embedded database's lock (DATA_DIR/bot.lock). It concerns PGlite only.
const onPglite = process.env.TEST_DB_KIND !== 'postgres';
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpa-lock-'));
  dirs.push(dir);
  return dir;
};

/** A separate process that takes the lock and keeps it until it dies. */
async function lockInChild(
  dir: string,
  code = `import('./src/db/data-dir-lock.ts').then((m) => m.lockDataDir(process.argv[1])).then(() => { console.log('locked'); setInterval(() => {}, 1e6); });`,
) {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('locked') && resolve()));
  return child;
}

async function kill(child: ChildProcess) {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!onPglite)('the data directory lock', () => {
  it('is free again when its owner dies, however it dies; refused while the owner lives', async () => {
    const dir = dataDir();
    const owner = await lockInChild(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(new DatabaseInUseError(`the embedded database in ${dir} is in use by process ${owner.pid}; stop it first`));
    await kill(owner); // SIGKILL: no chance to clean up; the socket file stays behind
    expect(existsSync(join(dir, 'bot.lock'))).toBe(true);
    const release = await lockDataDir(dir);
    await release();
    expect(existsSync(join(dir, 'bot.lock'))).toBe(false);
  }, 30_000);

  it('does not take a left-over lock naming this very process as held (a container restarted as the same pid)', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'bot.lock'), String(process.pid)); // what earlier versions wrote
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${process.pid}`); // now it is really held
    await release();
  });

  it('lets exactly one of several starters take over a stale lock', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'bot.lock'), '1');
    const results = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir), lockDataDir(dir), lockDataDir(dir)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DatabaseInUseError);
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });
});

// Docker without --init: the bot is PID 1 in its PID namespace, and PID 1 again after a restart.
const canUnshare = onPglite && process.getuid?.() === 0 && spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

describe.skipIf(!canUnshare)('npm start as PID 1 in a fresh PID namespace', () => {
  it('starts again after being killed (SIGKILL), as PID 1 again, on the same data directory', async () => {
    const api = await startFakeBotApi();
    const dir = dataDir();
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dir };
    const startAsPid1 = async (args: string[], readyPattern: RegExp) => {
      const child = spawn('unshare', ['--pid', '--fork', '--kill-child', '--mount-proc', process.execPath, '--import', 'tsx', ...args], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      child.stderr!.on('data', (d) => (out += String(d)));
      const exited = once(child, 'exit');
      const ready = new Promise<string>((resolve) =>
        child.stdout!.on('data', (d) => {
          out += String(d);
          const line = readyPattern.exec(out);
          if (line) resolve(line[0]);
        }),
      );
      const first = await Promise.race([ready, exited.then(() => null)]);
      if (!first) throw new Error(`exited before ready: ${out}`);
      return { child, ready: first, exited };
    };
    try {
      // First life: PID 1 takes the lock (as the bot does when it opens DATA_DIR), then is killed without clean-up.
      const lockScript = `import('./src/db/data-dir-lock.ts').then((m) => m.lockDataDir(process.env.DATA_DIR)).then(() => { console.log('locked as pid ' + process.pid); setInterval(() => {}, 1e6); });`;
      const first = await startAsPid1(['-e', lockScript], /locked as pid \d+/);
      expect(first.ready).toBe('locked as pid 1');
      first.child.kill('SIGKILL'); // unshare --kill-child takes PID 1 down with it
      await first.exited;
      expect(existsSync(join(dir, 'bot.lock'))).toBe(true);

      // Second life: the real bot, PID 1 again, on the same data directory.
      const second = await startAsPid1(['src/main.ts'], /\{[^\n]*"event":"ready"[^\n]*\}/);
      expect((JSON.parse(second.ready) as { pid: number }).pid).toBe(1);
      second.child.kill('SIGKILL');
      await second.exited;
    } finally {
      await api.close();
    }
  }, 180_000);
});
