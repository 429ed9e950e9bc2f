import { readFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { exportFaq, FaqKnowledgeBase, importFaq } from './service.js';

export interface FaqCliIo {
  out(line: string): void;
  err(line: string): void;
  /** Standard input for `faq match` (defaults to process.stdin). */
  input?: NodeJS.ReadableStream;
}

/** `faq import FILE`, `faq export [FILE]`, `faq match` (stdin lines → JSON lines). Returns the exit code. */
export async function runFaqCommand(db: Db, clock: Clock, action: string, file: string | undefined, io: FaqCliIo): Promise<number> {
  if (action === 'import') {
    let text: string;
    try {
      text = await readFile(file!, 'utf8');
    } catch {
      io.err(`Cannot read ${file}.`);
      return 1;
    }
    const result = await importFaq(db, clock, text);
    if (!result.ok) {
      io.err(`Nothing was imported; fix these lines of ${file} and run again:`);
      for (const e of result.errors) io.err(`  line ${e.line}: ${e.message}`);
      return 1;
    }
    io.out(`Imported ${result.created + result.updated} FAQ entries (${result.created} new, ${result.updated} replaced).`);
    return 0;
  }
  if (action === 'export') {
    const text = await exportFaq(db);
    if (file) {
      await writeFile(file, text, 'utf8');
      io.err(`Exported the FAQ to ${file}.`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  }
  // match: one question per line in, one JSON object per line out (a stable interface)
  const kb = new FaqKnowledgeBase(db);
  const lines = createInterface({ input: io.input ?? process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const q = line.trim();
    if (q === '') continue;
    const { result } = await kb.match(q);
    io.out(JSON.stringify({ q, slug: result.slug, score: result.score, outcome: result.outcome }));
  }
  return 0;
}
