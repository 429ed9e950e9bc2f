import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classOverviewRows } from '../../src/features/overview/rows.js';
import { statementLog } from '../support/statement-log.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

// Issue 11: the secretary's overview rows, one per class, from every feature's tables.

let t: TestDb;
const now = new Date('2026-12-02T02:00:00Z');
const today = '2026-12-02';
const hoursFrom = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());
beforeEach(async () => t.reset());

async function branch(name: string) {
  return (await t.db.insertInto('branches').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
}
async function klass(branchId: number, code: string, tags: string[] = []) {
  return (
    await t.db
      .insertInto('classes')
      .values({ branch_id: branchId, name: `班级${code}`, code, tags })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
let userId = 1000;
async function person(first: string, reachable: boolean | null) {
  const telegram = ++userId;
  const id = (
    await t.db
      .insertInto('people')
      .values({ telegram_user_id: telegram, first_name: first, last_name: null, username: null, language: 'zh' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  if (reachable !== null)
    await t.db.insertInto('chats').values({ telegram_chat_id: telegram, type: 'private', title: '', class_id: null, active: reachable }).execute();
  return id;
}
async function liaison(branchId: number, classId: number, personId: number) {
  await t.db.insertInto('role_assignments').values({ person_id: personId, role: 'liaison', branch_id: branchId, class_id: classId }).execute();
}
async function group(classId: number, title: string, active: boolean) {
  return (
    await t.db
      .insertInto('chats')
      .values({ telegram_chat_id: -100000 - classId - (active ? 0 : 5000), type: 'supergroup', title, class_id: classId, active })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

describe('classOverviewRows', () => {
  it('gives each class its liaisons, chat, acknowledgements, last report, next meeting, open questions and feedback, counts; and the branch total', async () => {
    const b = await branch('一支部');
    const other = await branch('二支部');
    const a = await klass(b, 'A', ['2023级']);
    const c = await klass(b, 'C');
    const elsewhere = await klass(other, 'X');
    const [l1, l2, l3] = [await person('张', true), await person('李', false), await person('王', null)];
    await liaison(b, a, l1);
    await liaison(b, a, l2);
    await liaison(b, c, l3);
    await liaison(other, elsewhere, l1);
    const chatA = await group(a, 'A班群', true);
    await group(c, 'C班群旧', false);

    // members seen in A's group: 4; two notices asking for acknowledgement, 3 + 1 acks
    const members = [];
    for (let i = 0; i < 4; i++) members.push(await person(`同学${i}`, null));
    await t.db
      .insertInto('class_members_seen')
      .values(members.map((m) => ({ person_id: m, class_id: a, last_seen: now })))
      .execute();
    for (const [i, ackers] of [members.slice(0, 3), members.slice(0, 1)].entries()) {
      const notice = await t.db
        .insertInto('notices')
        .values({
          branch_id: b,
          author_id: null,
          kind: 'text',
          text: `通知${i}`,
          file_id: null,
          ask_ack: true,
          send_at: now,
          nudge_at: null,
          created_at: now,
          retracted_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const delivery = await t.db
        .insertInto('deliveries')
        .values({ notice_id: notice.id, class_id: a, chat_id: chatA, state: 'sent', telegram_message_id: i + 1, failure: null, sent_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (ackers.length > 0)
        await t.db
          .insertInto('acknowledgements')
          .values(ackers.map((p) => ({ delivery_id: delivery.id, person_id: p, acknowledged_at: now })))
          .execute();
    }

    // reports: A submitted late for November; C's November report still open past due; a future occurrence ignored
    const deadline = await t.db
      .insertInto('report_deadlines')
      .values({ branch_id: b, name: '月报', rule: {}, tag: null, created_by: null, created_at: now, stopped_at: null, opened_due_at: null, next_due_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const occurrence = async (period: string, dueAt: Date) =>
      (
        await t.db
          .insertInto('report_occurrences')
          .values({ deadline_id: deadline.id, due_at: dueAt, period, opened_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const november = await occurrence('2026-11', hoursFrom(-48));
    const december = await occurrence('2026-12', hoursFrom(24 * 28));
    await t.db
      .insertInto('class_reports')
      .values([
        { occurrence_id: november, class_id: a, state: 'submitted', late: true, submitted_at: now },
        { occurrence_id: november, class_id: c, state: 'open' },
        { occurrence_id: december, class_id: c, state: 'open' },
      ])
      .execute();

    // meetings: A's next occurrence, confirmed by liaison 张; a past one ignored
    const meeting = await t.db
      .insertInto('meetings')
      .values({
        branch_id: b,
        class_id: a,
        created_by: null,
        rule: '{}',
        place: '教室101',
        topic: '班会',
        present_figures: true,
        post_to_group: false,
        state: 'active',
        materialised_until: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [, next] = await t.db
      .insertInto('meeting_occurrences')
      .values(
        [hoursFrom(-24), hoursFrom(48), hoursFrom(24 * 8)].map((at) => ({ meeting_id: meeting.id, starts_at: at, revision: 1, plan: '[]', next_due_at: null })),
      )
      .returning('id')
      .execute();
    await t.db.insertInto('meeting_attendance').values({ occurrence_id: next!.id, person_id: l1, answer: 'yes', answered_at: now }).execute();

    // two unanswered questions in C (one closed), one open and one handled feedback item in A
    for (const [i, state] of (['open', 'claimed', 'closed'] as const).entries()) {
      const q = await t.db
        .insertInto('faq_questions')
        .values({
          asker_id: members[0]!,
          chat_id: chatA,
          message_id: i + 1,
          class_id: c,
          branch_id: b,
          question: '问题',
          status: 'routed',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('inbox_items')
        .values({
          kind: 'faq_question',
          client_ref: q.id,
          class_id: c,
          branch_id: b,
          anonymous: false,
          asker_id: members[0]!,
          state,
          routing: 'routed',
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await t.db
      .insertInto('feedback_items')
      .values(
        (['open', 'handled'] as const).map((status) => ({
          class_id: a,
          branch_id: b,
          category: 'study' as const,
          body: '建议',
          photo_file_id: null,
          allow_reply: false,
          status,
          note: null,
          handled_by: null,
          batch_at: now,
          handled_at: null,
        })),
      )
      .execute();

    await t.db
      .insertInto('pipeline_records')
      .values([
        { class_id: a, name: '甲', stage: 'activist', applied_on: '2026-10-01', created_at: now, updated_at: now },
        { class_id: c, name: '乙', stage: 'full_member', created_at: now, updated_at: now },
      ])
      .execute();

    const { rows, total } = await classOverviewRows(t.db, { branchId: b }, today, now);
    expect(rows.map((r) => r.code)).toEqual(['A', 'C']);
    const [ra, rc] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(ra).toMatchObject({
      classId: a,
      name: '班级A',
      tags: ['2023级'],
      liaisons: [
        { personId: l1, name: '张', reachable: true },
        { personId: l2, name: '李', reachable: false },
      ],
      liaisonWarning: false,
      chat: { title: 'A班群', active: true },
      acks: { notices: 2, acknowledgements: 4, members: 4, rate: 0.5 },
      lastReport: { status: 'late', period: '2026-11' },
      nextMeeting: { startsAt: hoursFrom(48), topic: '班会', place: '教室101', liaisonConfirmed: true },
      unansweredQuestions: 0,
      openFeedback: 1,
    });
    expect(ra.counts).toMatchObject({ activists: 1, applicationsThisTerm: 1 });
    expect(rc).toMatchObject({
      liaisons: [{ personId: l3, name: '王', reachable: false }],
      liaisonWarning: true,
      chat: { title: 'C班群旧', active: false },
      acks: { notices: 0, acknowledgements: 0, members: 0, rate: null },
      lastReport: { status: 'missing', period: '2026-11' },
      nextMeeting: null,
      unansweredQuestions: 2,
      openFeedback: 0,
    });
    expect(rc.counts.fullMembers).toBe(1);
    expect(total).toMatchObject({
      classes: 2,
      liaisonWarnings: 1,
      chatsActive: 1,
      reports: { on_time: 0, late: 1, missing: 1, none: 0 },
      meetingsPlanned: 1,
      unansweredQuestions: 2,
      openFeedback: 1,
    });
    expect(total.counts).toMatchObject({ activists: 1, fullMembers: 1 });

    // a liaison's view: only the classes asked for, and never another branch's class
    const own = await classOverviewRows(t.db, { branchId: b, classIds: [c, elsewhere] }, today, now);
    expect(own.rows.map((r) => r.classId)).toEqual([c]);
    expect((await classOverviewRows(t.db, { branchId: b, classIds: [] }, today, now)).rows).toEqual([]);
  });

  it('takes a fixed number of queries whatever the number of classes, and gives every class a row', async () => {
    const b = await branch('大支部');
    const small = await branch('小支部');
    for (let i = 0; i < 2; i++) await klass(small, `S${i}`);
    for (let i = 0; i < 60; i++) await klass(b, `K${String(i).padStart(2, '0')}`);
    const log = statementLog(t.db);
    await classOverviewRows(log.db, { branchId: small }, today, now);
    const forTwo = log.statements();
    log.reset();
    const { rows, total } = await classOverviewRows(log.db, { branchId: b }, today, now);
    expect(log.statements()).toBe(forTwo);
    expect(forTwo).toBeLessThanOrEqual(12);
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.liaisonWarning && r.chat === null && r.lastReport.status === 'none')).toBe(true);
    expect(total.classes).toBe(60);
    expect(total.liaisonWarnings).toBe(60);
  });
});
