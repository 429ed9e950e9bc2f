import type { Kysely } from 'kysely';

// Frozen. The branch a secretary of several branches is working on (chosen with /branch).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('current_branch_id', 'integer', (c) => c.references('branches.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('current_branch_id').execute();
}
