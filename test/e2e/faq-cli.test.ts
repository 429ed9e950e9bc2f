import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { databaseEnvForProcess } from '../support/test-db.js';
import { FAQ_FILE } from '../faq/setup.js';

let dbEnv: Awaited<ReturnType<typeof databaseEnvForProcess>>;
beforeAll(async () => {
  dbEnv = await databaseEnvForProcess();
});
afterAll(async () => dbEnv.cleanup());

async function cli(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), input: Readable.from([stdin]) };
  const code = await runCli(argv, dbEnv.env, io);
  return { code, out, err: err.join('\n') };
}

const tempFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'cpa-faq-')), name);
  writeFileSync(file, text);
  return file;
};

describe('npm run cli -- faq', { timeout: 60_000 }, () => {
  it('matches questions from standard input, one JSON line each', async () => {
    const { code, out } = await cli(['faq', 'match'], '入党申请书怎么写\n食堂几点开门\n\n港澳台同学可以入党吗\n');
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ q: '入党申请书怎么写', slug: 'application-letter', score: expect.any(Number), outcome: 'answer' });
    expect(lines[1]).toEqual({ q: '食堂几点开门', slug: null, score: 0, outcome: 'none' });
    expect(lines[2]).toMatchObject({ outcome: 'suggest' }); // a Party question no entry answers (港澳台): at most a suggestion
    for (const l of lines) expect(Object.keys(l)).toEqual(['q', 'slug', 'score', 'outcome']);
  });

  it('exports, refuses a bad file with line errors, and imports', async () => {
    const exported = await cli(['faq', 'export']);
    expect(exported.code).toBe(0);
    expect(exported.out.join('\n')).toContain('slug: eligibility');
    const file = join(mkdtempSync(join(tmpdir(), 'cpa-faq-')), 'faq.yaml');
    expect((await cli(['faq', 'export', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${exported.out.join('\n')}\n`);

    const broken = readFileSync(FAQ_FILE, 'utf8').replace('slug: dues', 'slug: Dues!').replace('title: 入党宣誓怎么进行？誓词是什么？', 'title: ""');
    const refused = await cli(['faq', 'import', tempFile('bad.yaml', broken)]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /Nothing was imported[\s\S]*line \d+: entries\[\d+\]\.title \(oath\): must not be empty[\s\S]*line \d+: entries\[\d+\]\.slug \(Dues!\)/,
    );
    expect((await cli(['faq', 'export'])).out).toEqual(exported.out);

    const edited = readFileSync(FAQ_FILE, 'utf8').replace('学生党员每月交纳党费0.2元。', '学生党员每月交纳党费0.2元（已导入）。');
    expect(await cli(['faq', 'import', tempFile('ok.yaml', edited)])).toMatchObject({ code: 0, out: ['Imported 41 FAQ entries (0 new, 41 replaced).'] });
    expect((await cli(['faq', 'export'])).out.join('\n')).toContain('（已导入）');
    expect(await cli(['faq', 'import'])).toMatchObject({ code: 2, err: expect.stringContaining('faq import needs a YAML file') });
    expect(await cli(['faq', 'frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('faq match') });
  });
});
