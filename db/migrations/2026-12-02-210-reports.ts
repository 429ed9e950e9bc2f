import { sql, type Kysely } from 'kysely';

// Frozen once shipped. Report deadlines the secretary defines (a recurrence), their occurrences
// (one per rule and due time, opened once), and one report per class and occurrence that the
// class's liaisons fill in, submit, amend, and the secretary reviews.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_deadlines')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    // null: every class of the branch; otherwise the classes carrying this tag when an occurrence opens
    .addColumn('tag', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('stopped_at', 'timestamptz')
    // The due time of the latest occurrence opened (null before the first), and of the next one to open (null: no more).
    .addColumn('opened_due_at', 'timestamptz')
    .addColumn('next_due_at', 'timestamptz')
    .execute();
  await sql`create index report_deadlines_next on report_deadlines (next_due_at) where stopped_at is null and next_due_at is not null`.execute(db);
  await db.schema.createIndex('report_deadlines_branch').on('report_deadlines').columns(['branch_id']).execute();

  await db.schema
    .createTable('report_occurrences')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('report_deadlines.id').onDelete('cascade'))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    // YYYY-MM of the due time in the branch time zone: what `reports export --period` selects
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('report_occurrences_once', ['deadline_id', 'due_at'])
    .execute();
  await db.schema.createIndex('report_occurrences_due').on('report_occurrences').columns(['due_at']).execute();
  await db.schema.createIndex('report_occurrences_period').on('report_occurrences').columns(['period']).execute();

  await db.schema
    .createTable('class_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('report_occurrences.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`state in ('open', 'submitted', 'reviewed')`),
    )
    .addColumn('applications', 'integer', (c) => c.check(sql`applications >= 0`))
    .addColumn('thought_reports', 'integer', (c) => c.check(sql`thought_reports >= 0`))
    .addColumn('school_attendees', 'integer', (c) => c.check(sql`school_attendees >= 0`))
    .addColumn('dorm_visits', 'integer', (c) => c.check(sql`dorm_visits >= 0`))
    .addColumn('meetings_attended', 'integer', (c) => c.check(sql`meetings_attended >= 0`))
    .addColumn('problems', 'text')
    .addColumn('solutions', 'text')
    .addColumn('suggestions', 'text')
    .addColumn('highlights', 'text')
    .addColumn('updated_at', 'timestamptz')
    .addColumn('updated_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('submissions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('reviewed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addUniqueConstraint('class_reports_once', ['occurrence_id', 'class_id'])
    .addCheckConstraint('class_reports_submitted', sql`state = 'open' or submitted_at is not null`)
    .execute();
  await db.schema.createIndex('class_reports_class').on('class_reports').columns(['class_id', 'state']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['class_reports', 'report_occurrences', 'report_deadlines']) await db.schema.dropTable(table).ifExists().execute();
}
