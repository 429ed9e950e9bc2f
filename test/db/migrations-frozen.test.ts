import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqSeed } from '../../db/migrations/data/2026-11-26-004-faq-seed.js';
import { parseFaqFile } from '../../src/features/faq/kb-file.js';
import { allEntries, faqVersion } from '../../src/features/faq/queries.js';
import type { FaqEntry } from '../../src/features/faq/schemas.js';
import { FAQ_FILE } from '../faq/setup.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

const MIGRATIONS = new URL('../../db/migrations/', import.meta.url);
const sources = (dir: URL): Array<{ name: string; text: string }> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((f) =>
    f.isDirectory()
      ? sources(new URL(`${f.name}/`, dir)).map((s) => ({ ...s, name: `${f.name}/${s.name}` }))
      : f.name.endsWith('.ts') && f.name !== 'index.ts'
        ? [{ name: f.name, text: readFileSync(new URL(f.name, dir), 'utf8') }]
        : [],
  );
const importsOf = (text: string) => [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);

const shipped = (): FaqEntry[] => {
  const file = parseFaqFile(readFileSync(FAQ_FILE, 'utf8'));
  if (!file.ok) throw new Error('db/faq/faq.yaml is invalid');
  return file.entries;
};

describe('migrations are frozen', () => {
  it('carry what they need: no import from src/, no file read at run time (issue 8, defect 4)', () => {
    const files = sources(MIGRATIONS);
    expect(files.map((f) => f.name)).toContain('2026-11-26-004-faq.ts');
    expect(files.map((f) => f.name)).toContain('data/2026-11-26-004-faq-seed.ts');
    for (const { name, text } of files) {
      for (const spec of importsOf(text)) {
        // kysely itself, or a sibling module of db/migrations (its frozen data)
        expect(spec === 'kysely' || (spec.startsWith('./') && !spec.includes('..')), `${name} imports ${spec}`).toBe(true);
      }
      expect(text, name).not.toMatch(/\bimport\s*\(|^\s*import\s+['"]|readFileSync|readFile\(|import\.meta/m);
    }
  });

  it('seeds the 28 entries of the frozen copy, which is today’s db/faq/faq.yaml read by the FAQ parser', () => {
    const rows: FaqEntry[] = faqSeed.map((r) => ({
      slug: r.slug,
      category: r.category,
      title: r.title,
      answer: r.answer,
      answerEn: r.answer_en,
      questions: [...r.questions],
      keywords: [...r.keywords],
      live: r.live,
    }));
    expect(rows).toHaveLength(28);
    // When this fails, db/faq/faq.yaml changed: ship the change to databases with a new migration that
    // carries its own data (never by editing 004 or its data), so a fresh database still equals the file.
    expect(rows).toEqual(shipped());
  });
});

describe('a fresh database', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb();
  });
  afterAll(async () => t.close());

  it('gets exactly the entries of db/faq/faq.yaml, in order, with a version number', async () => {
    expect(await allEntries(t.db)).toEqual(shipped());
    expect(await faqVersion(t.db)).toEqual(expect.any(Number));
  });
});
