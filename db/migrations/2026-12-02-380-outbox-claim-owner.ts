import type { Kysely } from 'kysely';

// Frozen. Which dispatcher claimed a job: a claim whose commit was not acknowledged (the connection
// died with it) is put back by its owner at its next round instead of waiting out the lease.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
}
