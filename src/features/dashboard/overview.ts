import type { Executor } from '../../db/schema.js';
import type { Translate } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import type { Sheet } from '../../shared/spreadsheet.js';
import { localIsoDate } from '../../shared/when.js';
import { classOverviewRows, totalOfRows, type OverviewRow, type OverviewTotal } from '../overview/rows.js';
import type { Viewer } from './viewer.js';

export interface OverviewFilter {
  tag?: string | undefined;
  /** Part of a class's name or code, any case. */
  q?: string | undefined;
}

export interface DashboardOverview {
  rows: OverviewRow[];
  total: OverviewTotal;
  /** Every tag of the viewer's classes (for the filter), whatever the filter. */
  tags: string[];
}

/**
 * The rows of the classes the viewer may see (src/features/overview/rows.ts, one call per branch):
 * a secretary's whole branch, a liaison's own classes; filtered by tag and search, with their total.
 */
export async function overviewFor(db: Executor, viewer: Viewer, filter: OverviewFilter, now: Date, timeZone: string): Promise<DashboardOverview> {
  const today = localIsoDate(now, timeZone);
  const liaisonClasses = viewer.roles.filter((r) => r.role === 'liaison' && r.classId !== null && !viewer.branchIds.includes(r.branchId));
  const scopes = [
    ...viewer.branchIds.map((branchId) => ({ branchId })),
    ...[...new Set(liaisonClasses.map((r) => r.branchId))].map((branchId) => ({
      branchId,
      classIds: liaisonClasses.filter((r) => r.branchId === branchId).map((r) => r.classId!),
    })),
  ];
  const parts = await Promise.all(scopes.map((scope) => classOverviewRows(db, scope, today, now)));
  const all = parts.flatMap((p) => p.rows);
  const q = filter.q?.toLowerCase();
  const rows = all.filter(
    (r) =>
      (filter.tag === undefined || r.tags.includes(filter.tag)) && (q === undefined || r.name.toLowerCase().includes(q) || r.code.toLowerCase().includes(q)),
  );
  return { rows, total: totalOfRows(rows), tags: [...new Set(all.flatMap((r) => r.tags))].sort() };
}

/** The overview as a worksheet (the download button): one row per class, the total last. */
export function overviewSheet(overview: DashboardOverview, t: Translate, timeZone: string): Sheet {
  const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
  const warning = (r: OverviewRow) =>
    [r.liaisonWarning ? t('dashboard.notTwo') : null, r.liaisons.some((l) => !l.reachable) ? t('dashboard.unreachable') : null].filter(Boolean).join('; ');
  const group = (r: OverviewRow) =>
    r.chat === null ? t('dashboard.groupNone') : `${r.chat.title} (${t(r.chat.active ? 'dashboard.groupActive' : 'dashboard.groupInactive')})`;
  const counts = (c: OverviewRow['counts']) => [c.applicants, c.activists, c.developmentTargets, c.probationary, c.fullMembers];
  const total = overview.total;
  return {
    name: t('dashboard.sheet'),
    header: [
      'dashboard.col.class',
      'dashboard.col.code',
      'dashboard.col.tags',
      'dashboard.col.liaisons',
      'dashboard.col.liaisonWarning',
      'dashboard.col.group',
      'dashboard.col.ackRate',
      'dashboard.col.lastReport',
      'dashboard.col.nextMeeting',
      'dashboard.col.meetingConfirmed',
      'dashboard.col.questions',
      'dashboard.col.feedback',
      'dashboard.col.applicants',
      'dashboard.col.activists',
      'dashboard.col.targets',
      'dashboard.col.probationary',
      'dashboard.col.full',
    ].map((key) => t(key as Parameters<Translate>[0])),
    rows: [
      ...overview.rows.map((r) => [
        r.name,
        r.code,
        r.tags.join(' '),
        r.liaisons.map((l) => l.name).join('、'),
        warning(r),
        group(r),
        percent(r.acks.rate),
        `${t(`dashboard.report.${r.lastReport.status}`)}${r.lastReport.period ? ` ${r.lastReport.period}` : ''}`,
        r.nextMeeting ? formatLocal(r.nextMeeting.startsAt, timeZone) : null,
        r.nextMeeting ? t(r.nextMeeting.liaisonConfirmed ? 'dashboard.yes' : 'dashboard.no') : null,
        r.unansweredQuestions,
        r.openFeedback,
        ...counts(r.counts),
      ]),
      [
        `${t('dashboard.total')} (${total.classes})`,
        null,
        null,
        null,
        total.liaisonWarnings,
        total.chatsActive,
        null,
        `${t('dashboard.report.on_time')} ${total.reports.on_time} / ${t('dashboard.report.late')} ${total.reports.late} / ${t('dashboard.report.missing')} ${total.reports.missing}`,
        total.meetingsPlanned,
        null,
        total.unansweredQuestions,
        total.openFeedback,
        ...counts(total.counts),
      ],
    ],
  };
}
