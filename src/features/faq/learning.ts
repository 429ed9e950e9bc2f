import type { Db, Executor } from '../../db/schema.js';
import { branchEntry, bumpBranchVersion, dropBranchEntry } from './branch-kb.js';
import { entryColumns, toEntry } from './queries.js';
import type { FaqEntry } from './schemas.js';
import { exampleText } from './service.js';
import type { ExampleSource } from './tables.js';

// The knowledge base learns from the branch: a classmate's press on a "did you mean" button or on
// "that didn't help", and a liaison's "this is a way of asking entry X", propose the question as an
// example of an entry; a liaison's answer can become a new entry. Nothing a student's press proposes,
// and nothing a liaison proposes, changes the answers before the branch's secretary approves it.

/**
 * A classmate's press proposes their question (the text only) as an example: of the entry they
 * took (did you mean), or of an entry still to be chosen (that didn't help). A question the branch
 * already has a row for is left as it is (pending, approved or rejected: nobody is asked twice).
 */
export async function proposeFromPress(
  db: Executor,
  input: { branchId: number; question: string; slug: string | null; notSlug: string | null; source: Exclude<ExampleSource, 'liaison'>; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('faq_examples')
    .values({
      branch_id: input.branchId,
      question: exampleText(input.question),
      slug: input.slug,
      not_slug: input.notSlug,
      source: input.source,
      state: 'pending',
      proposed_by: null,
      decided_by: null,
      created_at: input.now,
      decided_at: null,
    })
    .onConflict((oc) => oc.columns(['branch_id', 'question']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export type ProposeOutcome = 'approved' | 'pending' | 'already';

/**
 * A liaison (or the secretary) says a question is a way of asking an entry: pending for the
 * secretary, or approved at once when the secretary says so. It replaces a classmate's proposal of
 * the same question.
 */
export async function proposeFromLiaison(
  db: Db,
  input: { branchId: number; question: string; slug: string; by: number; approve: boolean; now: Date },
): Promise<ProposeOutcome> {
  return db.transaction().execute(async (trx) => {
    const question = exampleText(input.question);
    const existing = await trx
      .selectFrom('faq_examples')
      .select(['id', 'state', 'slug'])
      .where('branch_id', '=', input.branchId)
      .where('question', '=', question)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.state === 'approved' && existing.slug === input.slug) return 'already';
    const values = {
      slug: input.slug,
      source: 'liaison' as const,
      state: input.approve ? ('approved' as const) : ('pending' as const),
      proposed_by: input.by,
      decided_by: input.approve ? input.by : null,
      decided_at: input.approve ? input.now : null,
    };
    if (existing) await trx.updateTable('faq_examples').set(values).where('id', '=', existing.id).execute();
    else
      await trx
        .insertInto('faq_examples')
        .values({ branch_id: input.branchId, question, not_slug: null, created_at: input.now, ...values })
        .execute();
    if (input.approve) await bumpBranchVersion(trx, input.branchId);
    return input.approve ? 'approved' : 'pending';
  });
}

export interface PendingExample {
  id: number;
  question: string;
  slug: string | null;
  notSlug: string | null;
  source: ExampleSource;
  proposedBy: string | null;
}

export interface PendingEntry {
  id: number;
  entry: FaqEntry;
  proposedBy: string | null;
}

const personName = (first: string | null, last: string | null) => (first === null ? null : last ? `${first} ${last}` : first);

/** What waits for a branch's secretary: the oldest first, and how many there are in all. */
export async function pendingForBranch(
  db: Executor,
  branchId: number,
  limit: number,
): Promise<{ examples: PendingExample[]; entries: PendingEntry[]; exampleCount: number; entryCount: number }> {
  const examples = await db
    .selectFrom('faq_examples as x')
    .leftJoin('people as p', 'p.id', 'x.proposed_by')
    .select(['x.id', 'x.question', 'x.slug', 'x.not_slug', 'x.source', 'p.first_name', 'p.last_name'])
    .where('x.branch_id', '=', branchId)
    .where('x.state', '=', 'pending')
    .orderBy('x.created_at')
    .orderBy('x.id')
    .limit(limit)
    .execute();
  const entries = await db
    .selectFrom('faq_branch_entries as e')
    .leftJoin('people as p', 'p.id', 'e.proposed_by')
    .select(['e.id', ...entryColumns.map((c) => `e.${c}` as const), 'p.first_name', 'p.last_name'])
    .where('e.branch_id', '=', branchId)
    .where('e.state', '=', 'pending')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .limit(limit)
    .execute();
  const count = async (table: 'faq_examples' | 'faq_branch_entries') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('branch_id', '=', branchId)
          .where('state', '=', 'pending')
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    examples: examples.map((r) => ({
      id: r.id,
      question: r.question,
      slug: r.slug,
      notSlug: r.not_slug,
      source: r.source,
      proposedBy: personName(r.first_name, r.last_name),
    })),
    entries: entries.map((r) => ({ id: r.id, entry: toEntry(r), proposedBy: personName(r.first_name, r.last_name) })),
    exampleCount: await count('faq_examples'),
    entryCount: await count('faq_branch_entries'),
  };
}

/** A secretary's decision; `mayDecide` says whether the caller is a secretary of the row's branch. */
export type DecideOutcome =
  | { kind: 'approved'; question: string; entry: FaqEntry }
  | { kind: 'rejected'; question: string }
  | { kind: 'published'; entry: FaqEntry }
  | { kind: 'dropped'; entry: FaqEntry }
  /** Not found, or another branch's (the same answer: nothing is revealed). */
  | { kind: 'invalid' }
  | { kind: 'decided_before' }
  /** The entry it was proposed for is not in the branch's knowledge base (any more). */
  | { kind: 'no_entry' };

export async function decideExample(
  db: Db,
  input: { id: number; approveAs: string | null; by: number; mayDecide: (branchId: number) => boolean; now: Date },
): Promise<DecideOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('faq_examples').select(['branch_id', 'question', 'state']).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row || !input.mayDecide(row.branch_id)) return { kind: 'invalid' };
    if (row.state !== 'pending') return { kind: 'decided_before' };
    const decided = { decided_by: input.by, decided_at: input.now };
    if (input.approveAs === null) {
      await trx
        .updateTable('faq_examples')
        .set({ state: 'rejected', ...decided })
        .where('id', '=', input.id)
        .execute();
      return { kind: 'rejected', question: row.question };
    }
    const target = await branchEntry(trx, row.branch_id, input.approveAs);
    if (!target) return { kind: 'no_entry' };
    await trx
      .updateTable('faq_examples')
      .set({ state: 'approved', slug: input.approveAs, ...decided })
      .where('id', '=', input.id)
      .execute();
    await bumpBranchVersion(trx, row.branch_id);
    return { kind: 'approved', question: row.question, entry: target.entry };
  });
}

/** Publishes or drops a liaison's proposed entry; a dropped one frees its question to be proposed again. */
export async function decideEntry(
  db: Db,
  input: { id: number; publish: boolean; by: number; mayDecide: (branchId: number) => boolean; now: Date },
): Promise<DecideOutcome> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('faq_branch_entries').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!row || !input.mayDecide(row.branch_id)) return { kind: 'invalid' };
    if (row.state !== 'pending') return { kind: 'decided_before' };
    const entry = toEntry(row);
    if (!input.publish) {
      await dropBranchEntry(trx, row.branch_id, row.slug, 'pending');
      await trx.updateTable('faq_questions').set({ faq_slug: null }).where('faq_slug', '=', row.slug).where('branch_id', '=', row.branch_id).execute();
      return { kind: 'dropped', entry };
    }
    await trx.updateTable('faq_branch_entries').set({ state: 'published', updated_by: input.by, updated_at: input.now }).where('id', '=', input.id).execute();
    await bumpBranchVersion(trx, row.branch_id);
    return { kind: 'published', entry };
  });
}
