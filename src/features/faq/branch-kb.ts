import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { allEntries, entryBySlug, entryColumns as columns, toEntry } from './queries.js';
import type { FaqEntry } from './schemas.js';
import type { BranchEntryState } from './tables.js';

// What a branch's knowledge base is: the shared base set (faq_entries) with the branch's own rows on
// top (faq_branch_entries: its entries, its versions of base entries, base entries it removed) and
// the questions its secretary approved as further examples (faq_examples). Nothing here reads
// another branch's rows: every query names the branch.

/** Where an entry of a branch's view comes from: the base set as is, the branch's version of a base entry, or the branch's own. */
export type EntryOrigin = 'base' | 'changed' | 'own';

export interface BranchView {
  /** In base order, then the branch's own; approved examples appended to each entry's questions. */
  entries: FaqEntry[];
  origins: Map<string, EntryOrigin>;
  /** The branch has no rows of its own (no entry, change, removal or approved example): its view is the base set. */
  sameAsBase: boolean;
}

/**
 * The version a branch's view is built from: the base number and the branch's number, read in one
 * statement (a primary-key read each). Any change to either changes it, in every process.
 */
export async function viewVersion(db: Executor, branchId: number | null): Promise<string> {
  const { rows } = await sql<{ base: string | null; branch: string | null }>`
    select (select version::text from faq_meta where id = 1) as base,
           (select version::text from faq_branch_meta where branch_id = ${branchId ?? 0}) as branch`.execute(db);
  return `${rows[0]?.base ?? '-'}:${branchId === null ? '' : (rows[0]?.branch ?? '-')}`;
}

/** Call in the transaction that changed a branch's entries or examples. */
export async function bumpBranchVersion(db: Executor, branchId: number): Promise<void> {
  await sql`insert into faq_branch_meta (branch_id, version) values (${branchId}, nextval('faq_version_seq'))
            on conflict (branch_id) do update set version = excluded.version`.execute(db);
}

/** A branch's knowledge base (null: the base set alone, for askers whose branch is unknown). */
export async function branchView(db: Executor, branchId: number | null): Promise<BranchView> {
  const base = await allEntries(db);
  const bySlug = new Map(base.map((e) => [e.slug, e]));
  const baseSlugs = new Set(bySlug.keys());
  const origins = new Map<string, EntryOrigin>(base.map((e) => [e.slug, 'base']));
  if (branchId === null) return { entries: base, origins, sameAsBase: true };
  const rows = await db
    .selectFrom('faq_branch_entries')
    .select([...columns, 'state'])
    .where('branch_id', '=', branchId)
    .where('state', 'in', ['published', 'hidden'])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    if (row.state === 'hidden') {
      bySlug.delete(row.slug);
      origins.delete(row.slug);
      continue;
    }
    origins.set(row.slug, baseSlugs.has(row.slug) ? 'changed' : 'own');
    bySlug.set(row.slug, toEntry(row));
  }
  const examples = await db
    .selectFrom('faq_examples')
    .select(['slug', 'question'])
    .where('branch_id', '=', branchId)
    .where('state', '=', 'approved')
    .orderBy('id')
    .execute();
  for (const { slug, question } of examples) {
    const entry = slug === null ? undefined : bySlug.get(slug);
    if (entry && !entry.questions.includes(question)) bySlug.set(entry.slug, { ...entry, questions: [...entry.questions, question] });
  }
  return { entries: [...bySlug.values()], origins, sameAsBase: rows.length === 0 && examples.length === 0 };
}

/** One entry as the branch sees it, without the learned examples (what /faq_edit shows and takes back). */
export async function branchEntry(db: Executor, branchId: number, slug: string): Promise<{ entry: FaqEntry; origin: EntryOrigin } | undefined> {
  const row = await db
    .selectFrom('faq_branch_entries')
    .select([...columns, 'state'])
    .where('branch_id', '=', branchId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  const base = await entryBySlug(db, slug);
  if (row?.state === 'published') return { entry: toEntry(row), origin: base ? 'changed' : 'own' };
  if (row?.state === 'hidden' || !base) return undefined;
  return { entry: base, origin: 'base' };
}

/** Writes the branch's row for a slug (a new entry, a version of a base entry, a removal, a proposal). */
export async function putBranchEntry(
  db: Executor,
  branchId: number,
  entry: FaqEntry,
  state: BranchEntryState,
  now: Date,
  by: { updatedBy: number | null; proposedBy?: number | null },
): Promise<void> {
  const values = {
    state,
    category: entry.category,
    title: entry.title,
    answer: entry.answer,
    answer_en: entry.answerEn,
    questions: JSON.stringify(entry.questions),
    keywords: JSON.stringify(entry.keywords),
    live: entry.live,
    updated_by: by.updatedBy,
    updated_at: now,
  };
  await db
    .insertInto('faq_branch_entries')
    .values({ branch_id: branchId, slug: entry.slug, proposed_by: by.proposedBy ?? null, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['branch_id', 'slug']).doUpdateSet(values))
    .execute();
}

/** Drops the branch's row for a slug (its own entry goes; a base entry comes back as it is in the base set). */
export async function dropBranchEntry(db: Executor, branchId: number, slug: string, state?: BranchEntryState): Promise<boolean> {
  let query = db.deleteFrom('faq_branch_entries').where('branch_id', '=', branchId).where('slug', '=', slug);
  if (state) query = query.where('state', '=', state);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
