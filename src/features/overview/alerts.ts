import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import { escapeHtml, Html } from '../../i18n/html.js';
import { t } from '../../i18n/i18n.js';
import type { Logger } from '../../logging/logger.js';
import { writeReminders, type ReminderSpec } from '../../reminders/remind.js';
import { settingsByBranch } from '../../reminders/settings.js';
import type { Schedule } from '../../scheduler/schedule.js';
import { localIsoDate } from '../../shared/when.js';
import { quarterOf } from '../records/periods.js';
import type { DateString } from '../records/tables.js';

export const ALERT_KIND = 'overview_alert';
const WEEK_MS = 7 * 86_400_000;
const MAX_NAMES = 20;

export type AlertReason = 'activists' | 'probation' | 'thoughtReports';

export interface ClassAlerts {
  classId: number;
  branchId: number;
  className: string;
  due: Record<AlertReason, string[]>;
}

/** The Monday of the week of `today` ('YYYY-MM-DD'): the week an alert belongs to. */
export function weekOf(today: DateString): DateString {
  const day = new Date(`${today}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What is due in each class as of `today` (issue 11's timeliness alerts), in one query:
 * - an activist trained for a year or more (activist_on + 1 year ≤ today) and still an activist;
 * - a probationary member whose year ends within a month (probation_until, else probationary_on + 1 year), or has ended;
 * - an activist, development target or probationary member with no thought report this quarter.
 * Classes with nothing due are left out.
 */
export async function dueAlerts(db: Executor, today: DateString): Promise<ClassAlerts[]> {
  const quarter = quarterOf(today);
  const rows = await db
    .selectFrom('pipeline_records as p')
    .innerJoin('classes as c', 'c.id', 'p.class_id')
    .select(['p.class_id', 'c.branch_id', 'c.name as class_name', 'p.name'])
    .select(sql<boolean>`p.stage = 'activist' and p.activist_on is not null and p.activist_on + interval '1 year' <= ${today}::date`.as('activist_due'))
    .select(
      sql<boolean>`p.stage = 'probationary' and coalesce(p.probation_until, p.probationary_on + interval '1 year') <= ${today}::date + interval '1 month'`.as(
        'probation_due',
      ),
    )
    .select(
      sql<boolean>`p.stage in ('activist', 'development_target', 'probationary') and not exists (
        select 1 from thought_reports r where r.record_id = p.id and r.received_on >= ${quarter.start}::date and r.received_on < ${quarter.end}::date)`.as(
        'report_due',
      ),
    )
    .where('p.archived_at', 'is', null)
    .where('p.stage', 'in', ['activist', 'development_target', 'probationary'])
    .orderBy('c.name')
    .orderBy('p.class_id')
    .orderBy('p.name')
    .execute();
  const byClass = new Map<number, ClassAlerts>();
  for (const r of rows) {
    if (!r.activist_due && !r.probation_due && !r.report_due) continue;
    let entry = byClass.get(r.class_id);
    if (!entry)
      byClass.set(
        r.class_id,
        (entry = { classId: r.class_id, branchId: r.branch_id, className: r.class_name, due: { activists: [], probation: [], thoughtReports: [] } }),
      );
    if (r.activist_due) entry.due.activists.push(r.name);
    if (r.probation_due) entry.due.probation.push(r.name);
    if (r.report_due) entry.due.thoughtReports.push(r.name);
  }
  // code-point order: the same on every database collation
  for (const entry of byClass.values()) for (const list of Object.values(entry.due)) list.sort();
  return [...byClass.values()];
}

/** The alert to a liaison of the class (names: the liaisons may see them), in their language. */
export function alertHtml(language: 'zh' | 'en', alerts: ClassAlerts): string {
  const names = (list: string[]) =>
    escapeHtml(list.slice(0, MAX_NAMES).join('、')) +
    (list.length > MAX_NAMES ? ` ${t(language, 'overview.alert.more', { count: list.length - MAX_NAMES })}` : '');
  const lines = [t(language, 'overview.alert.header', { class: alerts.className })];
  for (const reason of ['activists', 'probation', 'thoughtReports'] as const) {
    if (alerts.due[reason].length > 0) lines.push(t(language, `overview.alert.${reason}`, { names: new Html(names(alerts.due[reason])) }));
  }
  lines.push(t(language, 'overview.alert.footer'));
  return lines.join('\n');
}

/**
 * Writes this week's alerts: one reminder per class and liaison, keyed by the week (the reminders
 * ledger's unique key), so a second tick or a second process in the same week sends nothing more.
 */
export async function writeWeeklyAlerts(trx: Executor, now: Date, timeZone: string, logger?: Logger): Promise<number> {
  const today = localIsoDate(now, timeZone);
  const due = await dueAlerts(trx, today);
  if (due.length === 0) return 0;
  const week = new Date(`${weekOf(today)}T00:00:00Z`);
  const liaisons = await trx
    .selectFrom('role_assignments')
    .select(['class_id', 'person_id'])
    .where('role', '=', 'liaison')
    .where(
      'class_id',
      'in',
      due.map((d) => d.classId),
    )
    .execute();
  const settings = await settingsByBranch(
    trx,
    due.map((d) => d.branchId),
  );
  const specs: ReminderSpec[] = [];
  for (const alerts of due) {
    for (const l of liaisons.filter((x) => x.class_id === alerts.classId)) {
      specs.push({
        kind: ALERT_KIND,
        subjectId: alerts.classId,
        occurrence: week,
        slot: 'weekly',
        personId: l.person_id,
        dueAt: now,
        staleAt: new Date(now.getTime() + WEEK_MS),
        quietHours: settings.get(alerts.branchId)!.quietHours,
        timeZone,
        render: (language) => alertHtml(language, alerts),
      });
    }
  }
  const outcomes = await writeReminders(trx, specs, now, logger);
  const written = outcomes.filter((o) => o === 'queued' || o === 'queued_late').length;
  if (written > 0) logger?.info({ event: 'overview_alerts_written', classes: due.length, messages: written }, 'weekly timeliness alerts queued');
  return written;
}

/** Mondays at 09:00 in the branch's time zone; a fresh deployment sends its first alerts the Monday after it started. */
export const weeklyAlertsSchedule = (): Schedule => ({
  name: 'overview.weekly_alerts',
  rule: { kind: 'cron', expression: '0 9 * * 1' },
  catchUp: false,
  async tick(now, trx, run) {
    await writeWeeklyAlerts(trx, now, run.timeZone, run.logger);
  },
});
