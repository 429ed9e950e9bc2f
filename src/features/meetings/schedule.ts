import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { html } from '../../i18n/html.js';
import { t } from '../../i18n/i18n.js';
import type { Logger } from '../../logging/logger.js';
import { sendToChat } from '../../outbox/messages.js';
import { writeReminders, type ReminderSpec } from '../../reminders/remind.js';
import type { Language } from '../../i18n/language.js';
import { settingsByBranch, type BranchSettings } from '../../reminders/settings.js';
import type { Schedule } from '../../scheduler/schedule.js';
import { formatWhen } from '../../shared/when.js';
import { attendanceKeyboard } from './buttons.js';
import { HORIZON_MS, materialiseDue } from './plan.js';
import { attendanceOf, groupChats, peopleOfClasses, type ClassPeople } from './queries.js';
import { durationText, localTime } from './render.js';
import type { PlanSlot } from './tables.js';

/** Occurrences (and meetings to materialise) handled per transaction; the scheduler calls again on 'more'. */
const BATCH = 200;

/** Every minute: materialise the occurrences that came inside the horizon, then do what has come due. */
export function meetingsSchedule(batch = BATCH): Schedule {
  return {
    name: 'meetings.reminders',
    idle: async (db, now) => !(await hasWork(db, now)),
    async tick(now, trx, run) {
      const materialised = await materialiseDue(trx, now, run.timeZone, batch);
      const handled = await runDueSlots(trx, now, run.timeZone, run.logger, batch);
      return materialised === batch || handled === batch ? 'more' : undefined;
    },
  };
}

/** Whether a meeting needs occurrences inside the horizon or an occurrence has a slot due: one statement. */
async function hasWork(db: Executor, now: Date): Promise<boolean> {
  const { rows } = await sql<{ work: boolean }>`select exists (
      select 1 from meetings where state = 'active' and materialised_until is not null and materialised_until < ${new Date(now.getTime() + HORIZON_MS)}
    ) or exists (select 1 from meeting_occurrences where next_due_at is not null and next_due_at <= ${now}) as work`.execute(db);
  return rows[0]?.work === true;
}

interface DueRow {
  id: number;
  starts_at: Date;
  revision: number;
  plan: PlanSlot[];
  next_slot: number;
  meeting_id: number;
  class_id: number;
  branch_id: number;
  place: string;
  topic: string;
  present_figures: boolean;
  state: 'active' | 'cancelled';
  class_name: string;
}

interface SlotContext {
  now: Date;
  timeZone: string;
  logger: Logger;
  settings: BranchSettings;
  people: ClassPeople;
  answers: Map<number, 'yes' | 'no'>;
  group: number | undefined;
}

/** The tick's second half: every slot of every occurrence that is due by now, once (unique keys), oldest first. */
export async function runDueSlots(trx: Executor, now: Date, timeZone: string, logger: Logger, batch: number): Promise<number> {
  const rows = (await trx
    .selectFrom('meeting_occurrences as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .innerJoin('classes as c', 'c.id', 'm.class_id')
    .select(['o.id', 'o.starts_at', 'o.revision', 'o.plan', 'o.next_slot', 'm.id as meeting_id', 'm.class_id', 'm.branch_id', 'm.place', 'm.topic'])
    .select(['m.present_figures', 'm.state', 'c.name as class_name'])
    .where('o.next_due_at', 'is not', null)
    .where('o.next_due_at', '<=', now)
    .orderBy('o.next_due_at')
    .limit(batch)
    .execute()) as DueRow[];
  if (rows.length === 0) return 0;
  const classes = [...new Map(rows.map((r) => [r.class_id, { id: r.class_id, branchId: r.branch_id }])).values()];
  const [settings, people, answers, groups] = await Promise.all([
    settingsByBranch(
      trx,
      classes.map((c) => c.branchId),
    ),
    peopleOfClasses(trx, classes),
    attendanceOf(
      trx,
      rows.map((r) => r.id),
    ),
    rows.some((r) => r.plan.some((s) => s.what === 'morning'))
      ? groupChats(
          trx,
          classes.map((c) => c.id),
        )
      : Promise.resolve(new Map<number, number>()),
  ]);
  const reminders: ReminderSpec[] = [];
  const progress: Array<{ id: number; next: number; due: Date | null }> = [];
  for (const row of rows) {
    let next = row.state === 'active' ? row.next_slot : row.plan.length;
    const ctx: SlotContext = {
      now,
      timeZone,
      logger,
      settings: settings.get(row.branch_id)!,
      people: people.get(row.class_id)!,
      answers: answers.get(row.id) ?? new Map(),
      group: groups.get(row.class_id),
    };
    while (next < row.plan.length && Date.parse(row.plan[next]!.at) <= now.getTime()) {
      reminders.push(...(await runSlot(trx, row, row.plan[next]!, ctx)));
      next++;
    }
    progress.push({ id: row.id, next, due: row.plan[next] ? new Date(row.plan[next]!.at) : null });
  }
  // One statement for the batch's progress.
  const values = sql.join(progress.map((p) => sql`(${p.id}::int, ${p.next}::int, ${p.due}::timestamptz)`));
  await sql`update meeting_occurrences as o set next_slot = v.next_slot, next_due_at = v.next_due_at
    from (values ${values}) as v(id, next_slot, next_due_at) where o.id = v.id`.execute(trx);
  await writeReminders(trx, reminders, now, logger);
  return rows.length;
}

/** The reminders a slot makes (written together by the caller); the morning post is sent here. */
async function runSlot(trx: Executor, row: DueRow, slot: PlanSlot, ctx: SlotContext): Promise<ReminderSpec[]> {
  const { now, timeZone, logger, settings } = ctx;
  const dueAt = new Date(slot.at);
  const common = {
    kind: 'meeting',
    subjectId: row.meeting_id,
    occurrence: row.starts_at,
    slot: `${slot.slot}.v${row.revision}`,
    dueAt,
    staleAt: row.starts_at,
    quietHours: settings.quietHours,
    timeZone,
  };
  if (slot.what === 'remind') {
    const minutes = Number(slot.slot.slice(1));
    return ctx.people.liaisons
      .filter((liaison) => ctx.answers.get(liaison.personId) !== 'no')
      .map((liaison) => {
        const confirmed = ctx.answers.get(liaison.personId) === 'yes';
        return {
          ...common,
          personId: liaison.personId,
          render: (lang: Language) => ({
            html: t(lang, 'meeting.remind', {
              class: row.class_name,
              left: durationText(minutes, lang),
              when: formatWhen(row.starts_at, timeZone, lang),
              place: row.place,
              topic: row.topic,
              figures: html((row.present_figures ? t(lang, 'meeting.remind.figures') : '') + (confirmed ? t(lang, 'meeting.remind.confirmed') : '')),
            }),
            ...(confirmed ? {} : { buttons: attendanceKeyboard(row.id, lang) }),
          }),
        };
      });
  }
  if (slot.what === 'escalate') {
    const confirmed = ctx.people.liaisons.some((l) => ctx.answers.get(l.personId) === 'yes');
    if (confirmed) return [];
    const recipients = [...new Set([...ctx.people.league.map((p) => p.personId), ...ctx.people.secretaries.map((p) => p.personId)])];
    logger.info({ event: 'meeting_escalated', meetingId: row.meeting_id, occurrenceId: row.id, recipients: recipients.length }, 'no liaison confirmed');
    return recipients.map((personId) => ({
      ...common,
      personId,
      render: (lang: Language) => t(lang, 'meeting.escalate', { class: row.class_name, when: formatWhen(row.starts_at, timeZone, lang), place: row.place }),
    }));
  }
  // The morning post: useful until the meeting begins; after downtime past that, dropped.
  if (ctx.group === undefined) return [];
  if (now.getTime() >= row.starts_at.getTime()) {
    logger.info({ event: 'meeting_post_dropped', meetingId: row.meeting_id, occurrenceId: row.id }, 'morning post past the meeting; dropped');
    return [];
  }
  await sendToChat(trx, ctx.group, t('zh', 'meeting.group.morning', { time: localTime(row.starts_at, timeZone), place: row.place, topic: row.topic }), {
    dedupeKey: `meeting:${row.meeting_id}:${row.starts_at.toISOString()}:${slot.slot}.v${row.revision}`,
    now,
  });
  return [];
}
