import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqSeed } from '../../db/migrations/data/2026-11-26-004-faq-seed.js';
import { faqReviewBasis, faqReviewEntries } from '../../db/migrations/data/2026-12-02-230-faq-review-data.js';
import { faqUpdate260 } from '../../db/migrations/data/2026-12-02-260-faq-updates-data.js';
import { faqExamples360 } from '../../db/migrations/data/2026-12-02-360-faq-examples-data.js';
import { faqExamples370 } from '../../db/migrations/data/2026-12-02-370-faq-examples-data.js';
import { faqExamples390 } from '../../db/migrations/data/2026-12-02-390-faq-examples-data.js';
import { faqExamples400 } from '../../db/migrations/data/2026-12-02-400-faq-examples-data.js';
import { faqAnswers410 } from '../../db/migrations/data/2026-12-02-410-faq-answers-data.js';
import { faqBasis420, faqEntries420 } from '../../db/migrations/data/2026-12-03-420-faq-entries-data.js';
import { parseFaqFile } from '../../src/features/faq/kb-file.js';
import { allEntries, faqBasis, faqVersion } from '../../src/features/faq/queries.js';
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

const shippedFile = () => {
  const file = parseFaqFile(readFileSync(FAQ_FILE, 'utf8'));
  if (!file.ok) throw new Error('db/faq/faq.yaml is invalid');
  return file;
};
const shipped = (): FaqEntry[] => shippedFile().entries;
type SeedRow = (typeof faqSeed)[number];
const asEntry = (r: SeedRow): FaqEntry => ({
  slug: r.slug,
  category: r.category,
  title: r.title,
  answer: r.answer,
  answerEn: r.answer_en,
  questions: [...r.questions],
  keywords: [...r.keywords],
  live: r.live,
});

describe('migrations are frozen', () => {
  it('carry what they need: no import from src/, no file read at run time (issue 8, defect 4)', () => {
    const files = sources(MIGRATIONS);
    expect(files.map((f) => f.name)).toContain('2026-11-26-004-faq.ts');
    expect(files.map((f) => f.name)).toContain('data/2026-11-26-004-faq-seed.ts');
    expect(files.map((f) => f.name)).toContain('data/2026-12-02-230-faq-review-data.ts');
    for (const { name, text } of files) {
      for (const spec of importsOf(text)) {
        // kysely itself, or a sibling module of db/migrations (its frozen data)
        expect(spec === 'kysely' || (spec.startsWith('./') && !spec.includes('..')), `${name} imports ${spec}`).toBe(true);
      }
      expect(text, name).not.toMatch(/\bimport\s*\(|^\s*import\s+['"]|readFileSync|readFile\(|import\.meta/m);
    }
  });

  it('004 seeds the 28 entries of its frozen copy; 230 with the later updates carries today’s db/faq/faq.yaml read by the FAQ parser', () => {
    expect(faqSeed).toHaveLength(28);
    // 230 keeps 004's entries in their order and adds the new ones after them (a fresh database lists them in file order)
    expect(faqReviewEntries.slice(0, 28).map((r) => r.slug)).toEqual(faqSeed.map((r) => r.slug));
    // When this fails, db/faq/faq.yaml changed: ship the change to databases with a new migration that
    // carries its own data (like 260, 360, 370, 390, 400, 410 and 420; never by editing a shipped migration or its data), and list it here.
    const updates = new Map([...faqUpdate260].map((r) => [r.slug, r]));
    const withExamples = (e: FaqEntry): FaqEntry => ({
      ...e,
      ...(faqAnswers410[e.slug] ? { answer: faqAnswers410[e.slug]!.answer, answerEn: faqAnswers410[e.slug]!.answer_en } : {}),
      questions: [
        ...e.questions,
        ...(faqExamples360[e.slug] ?? []),
        ...(faqExamples370[e.slug] ?? []),
        ...(faqExamples390[e.slug] ?? []),
        ...(faqExamples400[e.slug] ?? []),
      ],
    });
    expect([...faqReviewEntries.map((r) => withExamples(asEntry(updates.get(r.slug) ?? r))), ...faqEntries420.map(asEntry)]).toEqual(shipped());
    // 420 replaced 230's basis
    expect(faqBasis420).toEqual(shippedFile().basis);
    expect(faqReviewBasis.texts.every((t) => faqBasis420.texts.includes(t))).toBe(true);
  });
});

describe('a fresh database', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb();
  });
  afterAll(async () => t.close());

  it('gets exactly the entries of db/faq/faq.yaml, in order, the texts it follows, and a version number', async () => {
    expect(await allEntries(t.db)).toEqual(shipped());
    expect(await faqBasis(t.db)).toEqual(shippedFile().basis);
    expect(await faqVersion(t.db)).toEqual(expect.any(Number));
  });
});
