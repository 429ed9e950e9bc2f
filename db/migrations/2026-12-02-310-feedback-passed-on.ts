import type { Kysely } from 'kysely';

// Frozen once shipped. A suggestion a liaison collected on a dormitory visit (issue 11) and filed as
// the class's anonymous feedback: marked so it is not taken for a classmate's own message. Nothing
// links it to the visit or to the liaison.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['feedback_queue', 'feedback_items']) {
    await db.schema
      .alterTable(table)
      .addColumn('passed_on', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['feedback_queue', 'feedback_items']) await db.schema.alterTable(table).dropColumn('passed_on').execute();
}
