import type { Db, Executor } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { formatFaqFile, parseFaqFile, type LineError } from './kb-file.js';
import { FaqMatcher, type MatchResult } from './matcher.js';
import {
  allEntries,
  bumpFaqVersion,
  entryBySlug,
  faqBasis,
  faqVersion,
  insertEntry,
  questionById,
  setFaqBasis,
  setQuestionStatus,
  updateEntry,
} from './queries.js';
import type { FaqEntry } from './schemas.js';
import { keywordsOf } from './text.js';
import { cutText } from '../../shared/text.js';

/** Minutes between two answers the bot gives on its own in one group (privacy mode off). */
export const AUTO_ANSWER_INTERVAL_MS = 10 * 60 * 1000;
export const MAX_QUESTION_LENGTH = 500;
export const MAX_ANSWER_LENGTH = 3000;

export interface Snapshot {
  version: number | null;
  matcher: FaqMatcher;
  entries: Map<string, FaqEntry>;
}

/**
 * The knowledge base as this process sees it: an in-memory index rebuilt whenever the database's
 * version number differs from the one it was built from. The check is one primary-key read per
 * question, so an edit made by any process (bot, CLI import) takes effect on the next question.
 */
export class FaqKnowledgeBase {
  private snap: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;

  constructor(private readonly db: Db) {}

  async current(): Promise<Snapshot> {
    const version = await faqVersion(this.db);
    if (this.snap && this.snap.version === version) return this.snap;
    // one rebuild at a time; concurrent callers share it
    this.building ??= (async () => {
      try {
        const entries = await allEntries(this.db);
        const fresh = await faqVersion(this.db);
        const snap: Snapshot = { version: fresh, matcher: new FaqMatcher(entries), entries: new Map(entries.map((e) => [e.slug, e])) };
        this.snap = snap;
        return snap;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  async match(question: string): Promise<{ result: MatchResult; snapshot: Snapshot }> {
    const snapshot = await this.current();
    return { result: snapshot.matcher.match(cutText(question, MAX_QUESTION_LENGTH, '')), snapshot };
  }
}

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: LineError[] };

/**
 * Imports a knowledge-base file: entries are added or replaced by slug, in one transaction; entries
 * not in the file are kept (the branch's own additions), and so is the stored basis when the file
 * names none. A file with any error changes nothing.
 */
export async function importFaq(db: Db, clock: Clock, text: string): Promise<ImportResult> {
  const parsed = parseFaqFile(text);
  if (!parsed.ok) return parsed;
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    for (const entry of parsed.entries) {
      if (await updateEntry(trx, entry, now, null)) updated++;
      else {
        await insertEntry(trx, entry, now, null);
        created++;
      }
    }
    await bumpFaqVersion(trx);
    if (parsed.basis) await setFaqBasis(trx, parsed.basis);
    return { ok: true as const, created, updated };
  });
}

export async function exportFaq(db: Executor): Promise<string> {
  return formatFaqFile(await allEntries(db), await faqBasis(db));
}

export type SaveError = 'invalid' | 'duplicate' | 'not_found' | 'slug_changed';

/** Parses one entry written by the secretary (the YAML of `faq export`, one entry) and saves it. */
export async function saveEntryText(
  db: Db,
  clock: Clock,
  text: string,
  mode: { kind: 'add' } | { kind: 'edit'; slug: string },
  by: number | null,
): Promise<Result<FaqEntry, SaveError> & { errors?: LineError[] }> {
  const parsed = parseFaqFile(`version: 1\nentries:\n${indent(text)}`);
  if (!parsed.ok) {
    // the wrapper adds two lines before the secretary's text
    return { ...fail('invalid'), errors: parsed.errors.map((e) => ({ line: Math.max(1, e.line - 2), message: e.message })) };
  }
  if (parsed.entries.length !== 1) return { ...fail('invalid'), errors: [{ line: 1, message: 'send exactly one entry' }] };
  const entry = parsed.entries[0]!;
  if (mode.kind === 'edit' && entry.slug !== mode.slug) return fail('slug_changed', { slug: mode.slug });
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    if (mode.kind === 'add') {
      if (await entryBySlug(trx, entry.slug)) return fail('duplicate', { slug: entry.slug });
      await insertEntry(trx, entry, now, by);
    } else if (!(await updateEntry(trx, entry, now, by))) {
      return fail('not_found', { slug: entry.slug });
    }
    await bumpFaqVersion(trx);
    return ok(entry);
  });
}

/** The secretary's text as the single item of `entries:` ("slug: x" → "  - slug: x"). */
function indent(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*-\s/, '  ')
    .split('\n');
  const body = lines.map((l) => `    ${l}`).join('\n');
  return `  - ${body.trimStart()}`;
}

/** The YAML of one entry, as /faq_edit shows it and expects it back. */
export function entryText(entry: FaqEntry): string {
  const file = formatFaqFile([entry]);
  const afterEntries = file.slice(file.indexOf('entries:\n') + 'entries:\n'.length);
  return afterEntries
    .split('\n')
    .map((l) => l.replace(/^ {2}- /, '').replace(/^ {4}/, ''))
    .join('\n')
    .trimEnd();
}

export const ENTRY_TEMPLATE = `slug: my-topic
category: 支部补充
title: 问题的标题（例如：党员活动室在哪里？）
answer: |
  回答的内容，可以写多行。
questions:
  - 同学可能的问法一
  - 同学可能的问法二
keywords: [关键词一, 关键词二]`;

export type MakeEntryError = 'not_found' | 'not_answered' | 'exists';

/** A liaison's answer to a question becomes a new entry in one step (slug q-<id>). */
export async function entryFromAnsweredQuestion(db: Db, clock: Clock, questionId: number, by: number): Promise<Result<FaqEntry, MakeEntryError>> {
  return db.transaction().execute(async (trx) => {
    const q = await questionById(trx, questionId);
    if (!q) return fail('not_found');
    if (q.faq_slug) return fail('exists', { slug: q.faq_slug });
    if (q.status !== 'resolved' || !q.answer) return fail('not_answered');
    const firstLine = q.question.split('\n')[0]!.trim();
    const entry: FaqEntry = {
      slug: `q-${q.id}`,
      category: '同学提问',
      title: cutText(firstLine, 120),
      answer: cutText(q.answer, MAX_ANSWER_LENGTH, ''),
      answerEn: null,
      questions: [cutText(q.question.replace(/\s+/g, ' '), 200, '')],
      keywords: keywordsOf(q.question),
      live: false,
    };
    if (await entryBySlug(trx, entry.slug)) return fail('exists', { slug: entry.slug });
    const now = clock.now();
    await insertEntry(trx, entry, now, by);
    await setQuestionStatus(trx, q.id, 'resolved', now, { faqSlug: entry.slug });
    await bumpFaqVersion(trx);
    return ok(entry);
  });
}
