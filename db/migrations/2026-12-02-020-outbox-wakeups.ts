import { sql, type Kysely } from 'kysely';

// Frozen. An idle dispatcher sleeps instead of polling: every insert into the outbox notifies the
// channel `outbox_ready` (payload: the table's schema, so processes on other schemas of the same
// database can ignore it), delivered at commit to every process that LISTENs. And transient
// failures retry for a span of time from the first failure instead of a fixed number of attempts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('first_failed_at', 'timestamptz').execute();
  await sql`
    create function outbox_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('outbox_ready', tg_table_schema);
      return null;
    end
    $$`.execute(db);
  await sql`create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists outbox_notify on outbox`.execute(db);
  await sql`drop function if exists outbox_notify()`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('first_failed_at').execute();
}
