import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { startApp } from '../../src/app.js';
import { makeUser, startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';
import { logCapture } from '../support/harness.js';
import { databaseEnvForProcess } from '../support/test-db.js';

let api: FakeBotApi;
let dbEnv: Awaited<ReturnType<typeof databaseEnvForProcess>>;
beforeAll(async () => {
  api = await startFakeBotApi();
  dbEnv = await databaseEnvForProcess();
});
afterAll(async () => {
  await api.close();
  await dbEnv.cleanup();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { ...dbEnv.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const csv = (text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'cpa-csv-')), 'classes.csv');
  writeFileSync(file, text);
  return file;
};

describe('npm run cli', () => {
  it('explains its usage on a wrong call', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('Usage:') });
    expect(await cli('invite', 'secretary')).toMatchObject({ code: 2, err: expect.stringContaining('needs --branch NAME') });
    expect(await cli('classes', 'import')).toMatchObject({ code: 2, err: expect.stringContaining('needs a CSV file') });
    expect(await cli('db', 'migrate', '--colour')).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--colour'") });
  });

  it('migrates, invites a secretary whose link works in the bot, and imports classes all or nothing', async () => {
    expect(await cli('db', 'migrate')).toMatchObject({ code: 0, out: 'Database is up to date.' });

    const invite = await cli('invite', 'secretary', '--branch', '计算机学院第一党支部');
    expect(invite.code).toBe(0);
    const link = /https:\/\/t\.me\/class_party_test_bot\?start=(inv_[A-Za-z0-9_-]{22})/.exec(invite.out);
    expect(link).not.toBeNull();

    const bad = await cli('classes', 'import', csv('name,code\n计科2101,CS2101\n计科2101,CS2102\n<x>,Y\n'), '--branch', '计算机学院第一党支部');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Nothing was imported');
    expect(bad.err).toContain('line 3: a class with this name already exists');
    expect(bad.err).toContain('line 4: name must be');
    expect(await cli('classes', 'import', '/nonexistent/file.csv')).toMatchObject({ code: 1, err: 'Cannot read /nonexistent/file.csv.' });

    const good = await cli('classes', 'import', csv('name,code,branch\n计科2101,CS2101,计算机学院第一党支部\n软工2101,,计算机学院第一党支部\n'));
    expect(good).toMatchObject({ code: 0, out: 'Imported 2 classes.' });

    // the bot on the same database honours the printed link, and the imported classes are there
    const { stream } = logCapture();
    const started = await startApp({ env: { ...dbEnv.env, BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot }, logDestination: stream });
    if (!started.ok) throw new Error(started.message);
    try {
      const secretary = makeUser(555, '陈书记');
      api.sendPrivateText(secretary, `/start ${link![1]}`);
      await api.waitForMessage(secretary.id, /计算机学院第一党支部/, { timeoutMs: 10_000 });
      api.sendPrivateText(secretary, '/classes');
      const list = await api.waitForMessage(secretary.id, /共 2 个班级/, { timeoutMs: 10_000 });
      expect(String(list.params.text)).toContain('<code>CS2101</code>');
      // the embedded database belongs to one process: the CLI refuses it while the bot runs
      const during = await cli('db', 'migrate');
      if (dbEnv.env.DATA_DIR) expect(during).toMatchObject({ code: 1, err: expect.stringContaining(`in use by process ${process.pid}`) });
      else expect(during.code).toBe(0);
    } finally {
      await started.app.stop();
    }
  }, 60_000);
});

describe('npm run cli on a fresh database', () => {
  it('imports classes before the bot ever started, into the first branch the bot would make', async () => {
    const fresh = await databaseEnvForProcess();
    try {
      const run = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv, { ...fresh.env, DEFAULT_BRANCH_NAME: '计算机学院党支部' }, { out: (l) => out.push(l), err: (l) => err.push(l) });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      // not migrated, no branch: the CLI migrates and creates the first branch as the first start does
      expect(await run('classes', 'import', csv('name,code\n计科2101,CS2101\n'))).toMatchObject({ code: 0, out: 'Imported 1 classes.' });
      expect(await run('classes', 'import', csv('name\n软工2101\n'), '--branch', '计算机学院党支部')).toMatchObject({ code: 0 });
      // a branch that does not exist is named, with what to run first
      expect(await run('classes', 'import', csv('name\n网安2101\n'), '--branch', '别的支部')).toMatchObject({
        code: 1,
        err: expect.stringContaining('branch "别的支部" does not exist (create it with: npm run cli -- invite secretary --branch "别的支部")'),
      });
      // line numbers count blank lines and quoted fields spanning lines
      const report = await run('classes', 'import', csv('name,code\n\n物联2101,IOT1\n"多行\n名称",X2\n\n<x>,Y\n'));
      expect(report.code).toBe(1);
      expect(report.err).toContain('line 4: name must be');
      expect(report.err).toContain('line 7: name must be');
    } finally {
      await fresh.cleanup();
    }
  }, 60_000);
});
