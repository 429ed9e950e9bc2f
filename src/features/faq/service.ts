import type { Db, Executor } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { formatFaqFile, parseFaqFile, type LineError } from './kb-file.js';
import { FaqMatcher, type MatchResult } from './matcher.js';
import { branchEntry, branchView, bumpBranchVersion, dropBranchEntry, putBranchEntry, viewVersion, type EntryOrigin } from './branch-kb.js';
import { allEntries, bumpFaqVersion, entryBySlug, faqBasis, insertEntry, questionById, setFaqBasis, setQuestionStatus, updateEntry } from './queries.js';
import type { FaqEntry } from './schemas.js';
import { keywordsOf } from './text.js';
import { cutText } from '../../shared/text.js';

/** Minutes between two answers the bot gives on its own in one group (privacy mode off). */
export const AUTO_ANSWER_INTERVAL_MS = 10 * 60 * 1000;
export const MAX_QUESTION_LENGTH = 500;
export const MAX_ANSWER_LENGTH = 3000;

export interface Snapshot {
  /** The view version it was built from (see viewVersion). */
  version: string;
  matcher: FaqMatcher;
  entries: Map<string, FaqEntry>;
  origins: Map<string, EntryOrigin>;
}

/**
 * The knowledge base as this process sees it: one in-memory index per branch (and one of the base
 * set alone, for askers whose branch is unknown), each rebuilt when its version in the database
 * differs from the one it was built from. The check is one statement per question (two primary-key
 * reads), so an edit or an approved example made in any process (bot, CLI import) takes effect on
 * the next question in every process.
 */
export class FaqKnowledgeBase {
  private readonly snaps = new Map<number, Snapshot>();
  private readonly building = new Map<number, Promise<Snapshot>>();

  constructor(private readonly db: Db) {}

  async current(branchId: number | null = null): Promise<Snapshot> {
    const key = branchId ?? 0;
    const version = await viewVersion(this.db, branchId);
    const snap = this.snaps.get(key);
    if (snap && snap.version === version) return snap;
    // one rebuild per branch at a time; concurrent callers share it
    let building = this.building.get(key);
    if (!building) {
      building = (async () => {
        try {
          // the version is read before the rows: a change committed in between makes the next call rebuild again
          const before = await viewVersion(this.db, branchId);
          const view = await branchView(this.db, branchId);
          // a branch that changed nothing shares the base set's index (each costs ~10 MB and ~0.75 s to build, in slices)
          const base = branchId !== null && view.sameAsBase ? await this.current(null) : null;
          const fresh: Snapshot = {
            version: before,
            matcher: base?.matcher ?? (await FaqMatcher.build(view.entries)),
            entries: base?.entries ?? new Map(view.entries.map((e) => [e.slug, e])),
            origins: view.origins,
          };
          this.snaps.set(key, fresh);
          return fresh;
        } finally {
          this.building.delete(key);
        }
      })();
      this.building.set(key, building);
    }
    return building;
  }

  async match(question: string, branchId: number | null = null): Promise<{ result: MatchResult; snapshot: Snapshot }> {
    const snapshot = await this.current(branchId);
    return { result: snapshot.matcher.match(cutText(question, MAX_QUESTION_LENGTH, '')), snapshot };
  }
}

/** One knowledge base (its indexes) per running app: the answer flow and the composers share it. */
const perApp = new WeakMap<object, FaqKnowledgeBase>();
export function knowledgeBaseOf(deps: { db: Db }): FaqKnowledgeBase {
  let kb = perApp.get(deps);
  if (!kb) perApp.set(deps, (kb = new FaqKnowledgeBase(deps.db)));
  return kb;
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

/**
 * Parses one entry written by a branch's secretary (the YAML of `faq export`, one entry) and saves
 * it for that branch only: a new entry of its own, or its version of an entry (a base entry stays
 * as it is for every other branch).
 */
export async function saveEntryText(
  db: Db,
  clock: Clock,
  text: string,
  mode: { kind: 'add' } | { kind: 'edit'; slug: string },
  by: { personId: number; branchId: number },
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
    const existing = await branchEntry(trx, by.branchId, entry.slug);
    if (mode.kind === 'add' && existing) return fail('duplicate', { slug: entry.slug });
    if (mode.kind === 'edit' && !existing) return fail('not_found', { slug: entry.slug });
    await putBranchEntry(trx, by.branchId, entry, 'published', now, { updatedBy: by.personId });
    await bumpBranchVersion(trx, by.branchId);
    return ok(entry);
  });
}

export type RemoveOutcome = 'removed' | 'not_found' | 'live';

/** /faq_delete: the branch's own entry goes; a base entry is hidden from this branch only. */
export async function removeEntry(db: Db, clock: Clock, slug: string, by: { personId: number; branchId: number }): Promise<RemoveOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = await branchEntry(trx, by.branchId, slug);
    if (!current) return 'not_found';
    if (current.entry.live) return 'live';
    if (current.origin === 'own') await dropBranchEntry(trx, by.branchId, slug);
    else await putBranchEntry(trx, by.branchId, current.entry, 'hidden', clock.now(), { updatedBy: by.personId });
    await bumpBranchVersion(trx, by.branchId);
    return 'removed';
  });
}

export type ResetOutcome = 'reset' | 'not_base' | 'unchanged';

/** /faq_reset: a base entry the branch changed or removed is back as in the base set. */
export async function resetEntry(db: Db, slug: string, branchId: number): Promise<ResetOutcome> {
  return db.transaction().execute(async (trx) => {
    if (!(await entryBySlug(trx, slug))) return 'not_base';
    const dropped = (await dropBranchEntry(trx, branchId, slug, 'published')) || (await dropBranchEntry(trx, branchId, slug, 'hidden'));
    if (!dropped) return 'unchanged';
    await bumpBranchVersion(trx, branchId);
    return 'reset';
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

/**
 * An answer to a question becomes an entry of the question's branch in one step (slug q-<id>):
 * published at once when the branch's secretary makes it, otherwise (a liaison) pending until the
 * secretary approves it in /faq_learn.
 */
export async function entryFromAnsweredQuestion(
  db: Db,
  clock: Clock,
  questionId: number,
  by: { personId: number; publish: boolean },
): Promise<Result<{ entry: FaqEntry; published: boolean }, MakeEntryError>> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('faq_questions').select('id').where('id', '=', questionId).forUpdate().executeTakeFirst();
    const q = await questionById(trx, questionId);
    if (!q || q.branch_id === null) return fail('not_found');
    if (q.faq_slug) return fail('exists', { slug: q.faq_slug });
    if (q.status !== 'resolved' || !q.answer) return fail('not_answered');
    const firstLine = q.question.split('\n')[0]!.trim();
    const entry: FaqEntry = {
      slug: `q-${q.id}`,
      category: '同学提问',
      title: cutText(firstLine, 120),
      answer: cutText(q.answer, MAX_ANSWER_LENGTH, ''),
      answerEn: null,
      questions: [exampleText(q.question)],
      keywords: keywordsOf(q.question),
      live: false,
    };
    if (await branchEntry(trx, q.branch_id, entry.slug)) return fail('exists', { slug: entry.slug });
    const now = clock.now();
    const state = by.publish ? 'published' : 'pending';
    await putBranchEntry(trx, q.branch_id, entry, state, now, { updatedBy: by.personId, proposedBy: by.publish ? null : by.personId });
    await setQuestionStatus(trx, q.id, 'resolved', now, { faqSlug: entry.slug });
    if (by.publish) await bumpBranchVersion(trx, q.branch_id);
    return ok({ entry, published: by.publish });
  });
}

/** A question as an entry's example: one line of at most 200 characters. */
export const exampleText = (question: string): string => cutText(question.replace(/\s+/g, ' ').trim(), 200, '');
