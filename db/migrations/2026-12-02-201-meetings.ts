import { sql, type Kysely } from 'kysely';

// Frozen once shipped. Class meetings: a meeting is a rule (once, weekly, fortnightly) in the
// branch's time zone; its occurrences are materialised a little ahead by the meetings tick (one row
// per meeting and start, unique), each with the plan of what is due when (reminders, the escalation,
// the morning post) and the next moment something is due. Attendance answers per occurrence.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('present_figures', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('post_to_group', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'cancelled')`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('materialised_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_class').on('meetings').columns(['class_id', 'state']).execute();
  await sql`create index meetings_to_materialise on meetings (materialised_until) where state = 'active' and materialised_until is not null`.execute(db);

  await db.schema
    .createTable('meeting_occurrences')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('next_slot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_due_at', 'timestamptz')
    .addUniqueConstraint('meeting_occurrences_once', ['meeting_id', 'starts_at'])
    .execute();
  await sql`create index meeting_occurrences_due on meeting_occurrences (next_due_at) where next_due_at is not null`.execute(db);

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('meeting_occurrences.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('yes', 'no')`))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['occurrence_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_attendance').ifExists().execute();
  await db.schema.dropTable('meeting_occurrences').ifExists().execute();
  await db.schema.dropTable('meetings').ifExists().execute();
}
