import { Html } from '../../i18n/html.js';
import type { MessageKey, Translate } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import { displayName } from '../../people/queries.js';
import { isFigure, reportFields, type ReportField } from './fields.js';
import type { ReportView } from './queries.js';

export const fieldLabel = (field: ReportField): MessageKey => `report.field.${field}`;

/** A value as shown (HTML, user text escaped): a count, the text, "none" for an empty answer, "—" for one not given yet. */
export function fieldValue(t: Translate, report: Pick<ReportView, ReportField>, field: ReportField): Html {
  const value = report[field];
  if (value === null) return new Html(t('report.unanswered'));
  if (isFigure(field)) return new Html(String(value));
  return new Html(value === '' ? t('report.none') : t('report.text', { text: value }));
}

/** Where the report stands: being filled in, submitted (late, amended), reviewed. */
export function reportStatus(t: Translate, report: ReportView, timeZone: string): string {
  if (report.state === 'open') return t('report.status.open');
  const params = {
    when: formatLocal(report.submitted_at!, timeZone),
    who: report.submitterFirst ? displayName(report.submitterFirst, report.submitterLast) : '—',
  };
  const parts = [t(report.late ? 'report.status.late' : 'report.status.submitted', params)];
  if (report.submissions > 1) parts.push(t('report.status.amended', { when: formatLocal(report.updated_at!, timeZone) }));
  if (report.state === 'reviewed') parts.push(t('report.status.reviewed', { when: formatLocal(report.reviewed_at!, timeZone) }));
  return parts.join('\n');
}

/** The whole report as one HTML message: heading, status, then every field. */
export function renderReport(t: Translate, report: ReportView, timeZone: string): string {
  const head = t('report.heading', { deadline: report.deadlineName, class: report.className, due: formatLocal(report.dueAt, timeZone) });
  const lines = reportFields.map((field) => t('report.line', { label: t(fieldLabel(field)), value: fieldValue(t, report, field) }));
  return [head, reportStatus(t, report, timeZone), '', ...lines].join('\n');
}
