import { sql, type Kysely } from 'kysely';

// Frozen once shipped (migrations from 390 on call it with their own data; 360 and 370 carry their own copy).
// Adds example questions to the entries of the shared base set, after the examples an entry has, or
// (down) removes them: nothing a branch wrote (titles, answers, its own examples) is replaced, a
// branch's own copy of an entry (faq_branch_entries, since 235) is left as it is, and so is an entry
// of a branch's own under one of the shipped slugs — it has none of the examples shipped before
// (`shippedBefore`, by slug).
export async function changeFaqExamples(
  db: Kysely<any>,
  examples: Readonly<Record<string, readonly string[]>>,
  shippedBefore: ReadonlyMap<string, readonly string[]>,
  direction: 'up' | 'down',
): Promise<void> {
  const rows: Array<{ id: number; slug: string; questions: unknown }> = await db
    .selectFrom('faq_entries')
    .select(['id', 'slug', 'questions'])
    .where('slug', 'in', Object.keys(examples))
    .execute();
  for (const row of rows) {
    const questions = (typeof row.questions === 'string' ? JSON.parse(row.questions) : row.questions) as string[];
    if (!questions.some((q) => shippedBefore.get(row.slug)?.includes(q))) continue;
    const added = examples[row.slug]!;
    const changed = direction === 'up' ? [...questions, ...added.filter((q) => !questions.includes(q))] : questions.filter((q) => !added.includes(q));
    await db
      .updateTable('faq_entries')
      .set({ questions: JSON.stringify(changed), updated_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }
  // every process rebuilds its index on the next question
  await sql`insert into faq_meta (id, version) values (1, nextval('faq_version_seq'))
      on conflict (id) do update set version = excluded.version`.execute(db);
}
