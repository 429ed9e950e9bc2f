import { sql } from 'kysely';
import type { Db } from '../../src/db/schema.js';

const DAY = 86_400_000;

/**
 * A term of history for the dashboard's tests and bench, written straight into the tables in a few
 * set-based statements: per class a bound group, students seen in it, notices with acknowledgements,
 * monthly reports (on time, late, missing), FAQ questions (answered by the bot or handed on), open
 * feedback, pipeline records and a planned class meeting. Deterministic: the same input, the same rows.
 */
export async function seedBranchHistory(
  db: Db,
  options: { branchId: number; classIds: number[]; now: Date; students?: number; notices?: number; reportPeriods?: number; weeks?: number },
): Promise<void> {
  const { branchId, classIds, now } = options;
  const students = options.students ?? 30;
  const notices = options.notices ?? 20;
  const periods = options.reportPeriods ?? 4;
  const weeks = options.weeks ?? 16;
  const ids = sql.join(classIds);
  const termStart = new Date(now.getTime() - weeks * 7 * DAY);

  await sql`insert into chats (telegram_chat_id, type, title, class_id, active)
    select -1000000000000 - c.id, 'supergroup', c.name || '班级群', c.id, c.id % 17 <> 0 from classes c where c.id in (${ids})`.execute(db);
  await sql`insert into people (telegram_user_id, first_name, language)
    select 5000000000 + c.id * 1000 + s, '同学' || s, 'zh' from classes c cross join generate_series(1, ${students}) s where c.id in (${ids})`.execute(db);
  await sql`insert into class_members_seen (person_id, class_id, last_seen)
    select p.id, c.id, ${now} from classes c join people p on p.telegram_user_id between 5000000000 + c.id * 1000 + 1 and 5000000000 + c.id * 1000 + ${students}
    where c.id in (${ids})`.execute(db);

  // notices spread over the term, each to every class, acknowledged by a share that varies by class and notice
  for (let n = 0; n < notices; n++) {
    const sentAt = new Date(termStart.getTime() + ((n + 0.5) * (now.getTime() - termStart.getTime())) / notices);
    const notice = await db
      .insertInto('notices')
      .values({
        branch_id: branchId,
        author_id: null,
        kind: 'text',
        text: `第${n + 1}号通知\n请各班同学阅读`,
        entities: '[]',
        ask_ack: n % 4 !== 3,
        send_at: sentAt,
        created_at: sentAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into deliveries (notice_id, class_id, chat_id, state, sent_at)
      select ${notice.id}, c.id, ch.id, 'sent', ${sentAt} from classes c join chats ch on ch.class_id = c.id where c.id in (${ids})`.execute(db);
    await sql`insert into acknowledgements (delivery_id, person_id, acknowledged_at)
      select d.id, m.person_id, ${new Date(sentAt.getTime() + 3_600_000)} from deliveries d join class_members_seen m on m.class_id = d.class_id
      where d.notice_id = ${notice.id} and (m.person_id * 7 + d.class_id * 3 + ${n}) % 10 < 4 + (d.class_id + ${n}) % 6`.execute(db);
  }

  // a monthly report: the last `periods` occurrences, with every class's report
  const deadline = await db
    .insertInto('report_deadlines')
    .values({
      branch_id: branchId,
      name: '月报',
      rule: JSON.stringify({ kind: 'monthly', day: 28, time: '12:00' }),
      tag: null,
      created_by: null,
      created_at: termStart,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let p = periods - 1; p >= 0; p--) {
    // the 28th of each month before now's, 12:00 in Shanghai
    const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - p, 28, 4));
    const occurrence = await db
      .insertInto('report_occurrences')
      .values({ deadline_id: deadline.id, due_at: due, period: due.toISOString().slice(0, 7), opened_at: new Date(due.getTime() - 7 * DAY) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into class_reports (occurrence_id, class_id, state, late, submitted_at, submissions)
      select ${occurrence.id}, c.id,
        case when (c.id * 3 + ${p}) % 7 = 0 then 'open' else 'submitted' end,
        (c.id + ${p}) % 5 = 0 and (c.id * 3 + ${p}) % 7 <> 0,
        case when (c.id * 3 + ${p}) % 7 = 0 then null else ${new Date(due.getTime() - DAY)}::timestamptz end,
        case when (c.id * 3 + ${p}) % 7 = 0 then 0 else 1 end
      from classes c where c.id in (${ids})`.execute(db);
  }

  // FAQ questions: two or three a week per class, some handed to the liaisons (and still open)
  await sql`insert into faq_questions (asker_id, chat_id, message_id, class_id, branch_id, question, status, created_at, updated_at)
    select m.person_id, ch.id, w * 100 + k, c.id, ${branchId}, '怎么写入党申请书？',
      case when (c.id + w + k) % 4 = 0 then 'routed' else 'answered' end,
      ${termStart}::timestamptz + (w * 7 + k) * interval '1 day', ${termStart}::timestamptz + (w * 7 + k) * interval '1 day'
    from classes c join chats ch on ch.class_id = c.id
      join class_members_seen m on m.class_id = c.id and m.person_id = (select min(person_id) from class_members_seen where class_id = c.id)
      cross join generate_series(0, ${weeks - 1}) w cross join generate_series(1, 2 + c.id % 2) k
    where c.id in (${ids})`.execute(db);
  await sql`insert into inbox_items (kind, client_ref, class_id, branch_id, anonymous, asker_id, state, routing, created_at, updated_at)
    select 'faq_question', q.id, q.class_id, q.branch_id, false, q.asker_id, case when q.id % 3 = 0 then 'open' else 'closed' end, 'routed', q.created_at, q.created_at
    from faq_questions q where q.status = 'routed' and q.class_id in (${ids})`.execute(db);
  await sql`insert into feedback_items (class_id, branch_id, category, body, allow_reply, status, batch_at)
    select c.id, ${branchId}, 'study', '希望多组织学习活动', false, case when k = 1 then 'open' else 'handled' end, ${now}
    from classes c cross join generate_series(1, 1 + c.id % 3) k where c.id in (${ids})`.execute(db);

  // pipeline records: a few per class at each stage
  await sql`insert into pipeline_records (class_id, name, stage, applied_on, activist_on, target_on, probationary_on, full_on, created_at, updated_at)
    select c.id, '学生' || c.id || '-' || k,
      (array['applicant', 'applicant', 'applicant', 'activist', 'activist', 'development_target', 'probationary', 'full_member'])[1 + (k + c.id) % 8],
      date '2025-10-10', case when (k + c.id) % 8 >= 3 then date '2026-04-10' end, case when (k + c.id) % 8 >= 5 then date '2026-09-10' end,
      case when (k + c.id) % 8 >= 6 then date '2026-10-20' end, case when (k + c.id) % 8 = 7 then date '2026-11-20' end, ${now}, ${now}
    from classes c cross join generate_series(1, 6 + c.id % 5) k where c.id in (${ids})`.execute(db);

  // a class meeting in three days for most classes
  const startsAt = new Date(now.getTime() + 3 * DAY);
  await sql`insert into meetings (branch_id, class_id, rule, place, topic, present_figures, post_to_group, state, created_at, updated_at)
    select ${branchId}, c.id, ${JSON.stringify({ kind: 'once', at: startsAt.toISOString() })}::jsonb, '教学楼A' || c.id, '学习党的二十大精神', false, false, 'active', ${now}, ${now}
    from classes c where c.id in (${ids}) and c.id % 4 <> 0`.execute(db);
  await sql`insert into meeting_occurrences (meeting_id, starts_at, revision, plan)
    select m.id, ${startsAt}, 0, '[]'::jsonb from meetings m where m.class_id in (${ids})`.execute(db);
  // the liaisons of every other class have said they will come
  await sql`insert into meeting_attendance (occurrence_id, person_id, answer, answered_at)
    select o.id, r.person_id, 'yes', ${now} from meeting_occurrences o join meetings m on m.id = o.meeting_id
      join role_assignments r on r.class_id = m.class_id and r.role = 'liaison'
    where m.class_id in (${ids}) and m.class_id % 2 = 1`.execute(db);
}
