import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Executor } from '../../db/schema.js';
import { defineCallback } from '../../dialogue/callback.js';
import { t } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/language.js';
import { reminderKey, writeReminder, type ReminderSpec } from '../../reminders/remind.js';
import { settingsByBranch, type BranchSettings } from '../../reminders/settings.js';
import type { Schedule, ScheduleRun } from '../../scheduler/schedule.js';
import { cutText } from '../../shared/text.js';
import { formatWhen, localIsoDate, localParts, localToInstant } from '../../shared/when.js';
import { nextDue, type DeadlineRule } from './rule.js';
import { openDueOccurrences, REPORT_REMINDER } from './service.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Overdue reminders stop after this many days (or when the deadline's next occurrence falls due, if sooner). */
export const OVERDUE_DAYS = 30;
/** New reminders written per transaction; past it the tick commits and goes on (Schedule 'more'). */
const BATCH = 500;
/** The secretary's daily line names this many classes, then "and N more". */
const LINE_CLASSES = 40;

/** The ledger's kind for the secretary's daily overdue line (subject: the occurrence). */
export const OVERDUE_LINE = 'report_overdue';

/** The button under a reminder: opens /report on that report (rq:<report id>). */
export const fillButton = defineCallback('rq', z.object({ id: z.number().int().positive() }));

/** `days` calendar days after `instant`'s local date, at the local time `hhmm`. */
export function localDayAt(instant: Date, days: number, hhmm: string, timeZone: string): Date {
  const l = localParts(instant, timeZone);
  const day = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return localToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute, timeZone).at;
}

export interface Moment {
  slot: string;
  at: Date;
  /** From then on this reminder is useless: the next one (or the due time) has come. */
  staleAt: Date;
}

/**
 * Before the due time: on each of the branch's days before (3, 1, 0 = on the day) at its reminder
 * time; on the day, a reminder time not before the due time becomes one hour before it.
 */
export function reminderMoments(due: Date, settings: BranchSettings, timeZone: string): Moment[] {
  const days = [...settings.deadlineReminderDays].sort((a, b) => b - a);
  const moments = days
    .map((d) => {
      let at = localDayAt(due, -d, settings.deadlineReminderTime, timeZone);
      if (at.getTime() >= due.getTime()) at = new Date(due.getTime() - 60 * MINUTE);
      return { slot: `before:${d}`, at };
    })
    .filter((m, i, all) => all.findIndex((o) => o.at.getTime() === m.at.getTime()) === i);
  return moments.map((m, i) => ({ ...m, staleAt: moments[i + 1]?.at ?? due }));
}

/** After the due time: one a day at the reminder time, up to OVERDUE_DAYS and not once the next occurrence is due. */
export function overdueMoments(due: Date, until: Date | null, settings: BranchSettings, timeZone: string): Moment[] {
  const out: Moment[] = [];
  for (let day = 1; day <= OVERDUE_DAYS; day++) {
    const at = localDayAt(due, day, settings.deadlineReminderTime, timeZone);
    if (at.getTime() <= due.getTime()) continue;
    if (until && at.getTime() >= until.getTime()) break;
    out.push({ slot: `overdue:${localIsoDate(at, timeZone)}`, at, staleAt: localDayAt(due, day + 1, settings.deadlineReminderTime, timeZone) });
  }
  return out;
}

interface Occurrence {
  id: number;
  dueAt: Date;
  branchId: number;
  deadlineId: number;
  deadlineName: string;
  rule: DeadlineRule;
  createdAt: Date;
}

async function occurrencesDueBetween(trx: Executor, from: Date, to: Date): Promise<Occurrence[]> {
  const rows = await trx
    .selectFrom('report_occurrences as o')
    .innerJoin('report_deadlines as d', 'd.id', 'o.deadline_id')
    .select(['o.id', 'o.due_at', 'd.branch_id', 'd.id as deadline_id', 'd.name', 'd.rule', 'd.created_at'])
    .where('d.stopped_at', 'is', null)
    .where('o.due_at', '>', from)
    .where('o.due_at', '<=', to)
    .orderBy('o.due_at')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dueAt: r.due_at,
    branchId: r.branch_id,
    deadlineId: r.deadline_id,
    deadlineName: r.name,
    rule: r.rule as DeadlineRule,
    createdAt: r.created_at,
  }));
}

/** The liaisons of the classes whose report of this occurrence is not submitted, by class. */
async function unsubmitted(trx: Executor, occurrenceId: number) {
  return trx
    .selectFrom('class_reports as r')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .leftJoin('role_assignments as ra', (join) => join.onRef('ra.class_id', '=', 'r.class_id').on('ra.role', '=', 'liaison'))
    .select(['r.id as reportId', 'c.name as className', 'ra.person_id as personId'])
    .where('r.occurrence_id', '=', occurrenceId)
    .where('r.state', '=', 'open')
    .orderBy('c.name')
    .orderBy('r.id')
    .orderBy('ra.person_id')
    .execute();
}

/** Who already has this reminder (the ledger's keys), so a batch goes on where the last one stopped. */
async function alreadyWritten(trx: Executor, kind: string, occurrence: Date, slot: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('reminders').select('key').where('kind', '=', kind).where('occurrence', '=', occurrence).where('slot', '=', slot).execute();
  return new Set(rows.map((r) => r.key));
}

type Budget = { left: number };

async function remindLiaisons(
  trx: Transaction<Database>,
  o: Occurrence,
  m: Moment,
  overdue: boolean,
  settings: BranchSettings,
  now: Date,
  run: ScheduleRun,
  budget: Budget,
) {
  const written = await alreadyWritten(trx, REPORT_REMINDER, o.dueAt, m.slot);
  const daysLate = Math.max(1, Math.round((m.at.getTime() - o.dueAt.getTime()) / DAY));
  for (const row of await unsubmitted(trx, o.id)) {
    if (row.personId === null) continue;
    const base = { kind: REPORT_REMINDER, subjectId: row.reportId, occurrence: o.dueAt, slot: m.slot, personId: row.personId };
    if (written.has(reminderKey(base))) continue;
    if (budget.left <= 0) return;
    const render = (language: Language) => ({
      html: t(language, overdue ? 'deadline.remind.overdue' : 'deadline.remind.before', {
        class: row.className,
        deadline: o.deadlineName,
        due: formatWhen(o.dueAt, run.timeZone, language),
        days: daysLate,
      }),
      buttons: [[{ text: t(language, 'deadline.remind.fill'), callback_data: fillButton.encode({ id: row.reportId }) }]],
    });
    const spec: ReminderSpec = { ...base, dueAt: m.at, staleAt: m.staleAt, quietHours: settings.quietHours, timeZone: run.timeZone, render };
    await writeReminder(trx, spec, now, run.logger);
    budget.left--;
  }
}

async function lineToSecretaries(trx: Transaction<Database>, o: Occurrence, m: Moment, settings: BranchSettings, now: Date, run: ScheduleRun, budget: Budget) {
  const classes = [...new Set((await unsubmitted(trx, o.id)).map((r) => r.className))];
  if (classes.length === 0) return;
  const secretaries = await trx
    .selectFrom('role_assignments')
    .select('person_id')
    .where('role', '=', 'secretary')
    .where('branch_id', '=', o.branchId)
    .execute();
  for (const { person_id: personId } of secretaries) {
    if (budget.left <= 0) return;
    const render = (language: Language) =>
      t(language, 'deadline.overdueLine', {
        deadline: o.deadlineName,
        due: formatWhen(o.dueAt, run.timeZone, language),
        count: classes.length,
        classes: cutText(classes.slice(0, LINE_CLASSES).join('、'), 1500),
        more: classes.length > LINE_CLASSES ? t(language, 'deadline.overdueMore', { count: classes.length - LINE_CLASSES }) : '',
      });
    const spec: ReminderSpec = {
      kind: OVERDUE_LINE,
      subjectId: o.id,
      occurrence: o.dueAt,
      slot: m.slot,
      personId,
      dueAt: m.at,
      staleAt: m.staleAt,
      quietHours: settings.quietHours,
      timeZone: run.timeZone,
      render,
    };
    if ((await writeReminder(trx, spec, now, run.logger)) !== 'exists') budget.left--;
  }
}

/**
 * Once a minute: opens the occurrences that have come due (the next one of each deadline), then
 * writes the reminders whose moment is in (last run, now] — before the due time to both liaisons of
 * every class that has not submitted, after it one a day to them and one line a day to the
 * secretaries naming the overdue classes. Each reminder is a ledger row with its own key and an
 * outbox row (src/reminders/): a repeated tick or a second process writes nothing twice, quiet
 * hours hold it back, after downtime it goes late or is dropped when the next one has come.
 */
export function deadlineSchedule(): Schedule {
  return {
    name: 'reports.deadlines',
    async tick(now, trx, run) {
      if ((await openDueOccurrences(trx, now, run.timeZone, BATCH)) === BATCH) return 'more';
      const since = run.previous ?? new Date(now.getTime() - MINUTE);
      if (since.getTime() >= now.getTime()) return;
      const budget: Budget = { left: BATCH };
      // one read for both windows: reminders before a due time (due soon) and overdue ones (due lately)
      const earliest = new Date(since.getTime() - (OVERDUE_DAYS + 2) * DAY);
      const occurrences = await occurrencesDueBetween(trx, earliest, new Date(now.getTime() + 33 * DAY));
      const before = occurrences.filter((o) => o.dueAt.getTime() > since.getTime());
      const after = occurrences.filter((o) => o.dueAt.getTime() <= now.getTime());
      const settings = await settingsByBranch(
        trx,
        [...before, ...after].map((o) => o.branchId),
      );
      const inWindow = (m: Moment, o: Occurrence) =>
        m.at.getTime() > since.getTime() && m.at.getTime() <= now.getTime() && m.at.getTime() > o.createdAt.getTime();
      for (const o of before) {
        const s = settings.get(o.branchId)!;
        for (const m of reminderMoments(o.dueAt, s, run.timeZone).filter((m) => inWindow(m, o))) await remindLiaisons(trx, o, m, false, s, now, run, budget);
      }
      for (const o of after) {
        const s = settings.get(o.branchId)!;
        const moments = overdueMoments(o.dueAt, nextDue(o.rule, run.timeZone, o.dueAt), s, run.timeZone).filter((m) => inWindow(m, o));
        for (const m of moments) {
          await remindLiaisons(trx, o, m, true, s, now, run, budget);
          await lineToSecretaries(trx, o, m, s, now, run, budget);
        }
      }
      return budget.left <= 0 ? 'more' : undefined;
    },
  };
}
