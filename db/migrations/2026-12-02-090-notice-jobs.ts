import { sql, type Kysely } from 'kysely';

// Frozen. The outbox knows no feature's tables: the delivery a notice job is about moves from the
// column `outbox.delivery_id` into the job's payload (`{"deliveryId": n}`), so rows queued before
// this migration still find their delivery, and the column goes. Deliveries count their resends
// (each resend is a new outbox row with its own dedupe key).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update outbox set payload = payload || jsonb_build_object('deliveryId', delivery_id) where delivery_id is not null`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('delivery_id').execute();
  await db.schema
    .alterTable('deliveries')
    .addColumn('resends', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('resends').execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('delivery_id', 'integer', (c) => c.references('deliveries.id').onDelete('cascade'))
    .execute();
  await sql`update outbox set delivery_id = (payload->>'deliveryId')::integer
            where payload ? 'deliveryId' and exists (select 1 from deliveries d where d.id = (payload->>'deliveryId')::integer)`.execute(db);
}
