import { sql, type Kysely } from 'kysely';

// Frozen once shipped. The class's Party-building records (issue 11): the people in the membership
// pipeline with the date of each stage, their stage history (with the exceptions the secretary
// confirmed), thought reports received, the dormitory visits the liaisons log, and an audit trail
// of every change (who, when, what). Dates are calendar dates in the branch's time zone.
export async function up(db: Kysely<any>): Promise<void> {
  const stages = sql`('applicant', 'activist', 'development_target', 'probationary', 'full_member')`;
  await db.schema
    .createTable('pipeline_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 50`))
    // the school's student number: optional, the key an import matches rows on when given
    .addColumn('student_no', 'text', (c) => c.check(sql`length(student_no) between 1 and 30`))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${stages}`))
    .addColumn('applied_on', 'date') // the application letter's date
    .addColumn('activist_on', 'date')
    .addColumn('target_on', 'date') // 列为发展对象
    .addColumn('probationary_on', 'date') // the branch meeting's resolution
    .addColumn('full_on', 'date')
    // a probation extended (at most a year): the day it now ends
    .addColumn('probation_until', 'date')
    .addColumn('league_recommended_on', 'date') // 推优
    .addColumn('party_school_on', 'date')
    .addColumn('party_school_result', 'text', (c) => c.check(sql`party_school_result in ('attended', 'passed', 'failed')`))
    // the two 培养联系人 of an activist (Party members' names)
    .addColumn('contact_a', 'text', (c) => c.check(sql`length(contact_a) between 1 and 50`))
    .addColumn('contact_b', 'text', (c) => c.check(sql`length(contact_b) between 1 and 50`))
    // the person's own Telegram account, linked through an invite from a liaison (/my_progress)
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.check(sql`length(note) <= 500`))
    // left the class's list (graduated, transferred): kept for the history, counted nowhere
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await sql`create unique index pipeline_records_student_no on pipeline_records (class_id, student_no) where student_no is not null`.execute(db);
  await sql`create unique index pipeline_records_person on pipeline_records (person_id) where person_id is not null and archived_at is null`.execute(db);
  await sql`create index pipeline_records_class_stage on pipeline_records (class_id, stage) where archived_at is null`.execute(db);

  await db.schema
    .createTable('pipeline_stage_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('pipeline_records.id').onDelete('cascade'))
    .addColumn('from_stage', 'text', (c) => c.check(sql`from_stage in ${stages}`)) // null: the record was created at to_stage
    .addColumn('to_stage', 'text', (c) => c.notNull().check(sql`to_stage in ${stages}`))
    .addColumn('effective_on', 'date', (c) => c.notNull())
    // a rule the change breaks, confirmed by the branch secretary as an exception (null: none broken)
    .addColumn('exception_rule', 'text')
    .addColumn('exception_reason', 'text', (c) => c.check(sql`length(exception_reason) <= 500`))
    .addColumn('exception_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('changed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pipeline_stage_changes_record').on('pipeline_stage_changes').columns(['record_id', 'id']).execute();

  await db.schema
    .createTable('thought_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('pipeline_records.id').onDelete('cascade'))
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('thought_reports_once', ['record_id', 'received_on'])
    .execute();
  await db.schema.createIndex('thought_reports_received').on('thought_reports').columns(['received_on']).execute();

  await db.schema
    .createTable('dorm_visits')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('visited_on', 'date', (c) => c.notNull())
    .addColumn('dormitory', 'text', (c) => c.notNull().check(sql`length(dormitory) between 1 and 50`))
    .addColumn('learned', 'text', (c) => c.notNull().check(sql`length(learned) between 1 and 2000`))
    .addColumn('suggestions', 'text', (c) => c.check(sql`length(suggestions) <= 2000`))
    .addColumn('created_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dorm_visits_class').on('dorm_visits').columns(['class_id', 'visited_on']).execute();

  // Every change to the records: who, when, what (field → [before, after]); the secretary reads it.
  await db.schema
    .createTable('record_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('record_id', 'integer', (c) => c.references('pipeline_records.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    // e.g. 'create', 'update', 'stage', 'thought_report', 'visit', 'import', 'archive', 'link'
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('record_changes_class').on('record_changes').columns(['class_id', 'id']).execute();
  await db.schema.createIndex('record_changes_record').on('record_changes').columns(['record_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['record_changes', 'dorm_visits', 'thought_reports', 'pipeline_stage_changes', 'pipeline_records']) {
    await db.schema.dropTable(table).execute();
  }
}
