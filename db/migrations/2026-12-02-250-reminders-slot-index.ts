import type { Kysely } from 'kysely';

// Frozen once shipped. The report deadlines look up who already has a reminder by (kind, occurrence,
// slot) on every tick of a due burst: without an index that is a scan of the whole ledger (about
// 20,000 rows a month for 2,000 classes).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('reminders_slot').on('reminders').columns(['kind', 'occurrence', 'slot']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reminders_slot').execute();
}
