import { z } from 'zod';
import type { Executor } from '../../db/schema.js';
import type { Translate } from '../../i18n/i18n.js';
import { formatLocal } from '../../shared/local-time.js';
import type { Cell, Sheet, SpreadsheetFormat } from '../../shared/spreadsheet.js';
import { writeSpreadsheet } from '../../shared/spreadsheet.js';
import { displayName } from '../../people/queries.js';
import { figureFields, reportFields, textFields } from './fields.js';
import { reportsWithContext } from './queries.js';
import { fieldLabel } from './view.js';

/** `--period 2026-11`: a month. */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const formatSchema = z.enum(['csv', 'xlsx']);

/**
 * Every class report of the branch's occurrences due in `period` (a month in the branch time zone):
 * one row per class and occurrence, the missing ones too, by deadline, due time and class.
 */
export async function periodSheet(db: Executor, branchId: number, period: string, t: Translate, timeZone: string): Promise<Sheet> {
  const rows = await reportsWithContext(db)
    .where('d.branch_id', '=', branchId)
    .where('o.period', '=', period)
    .orderBy('d.name')
    .orderBy('o.due_at')
    .orderBy('c.name')
    .execute();
  const local = (d: Date | null) => (d ? formatLocal(d, timeZone) : null);
  const header = [
    t('export.deadline'),
    t('export.due'),
    t('export.class'),
    t('export.code'),
    t('export.status'),
    t('export.submittedAt'),
    t('export.submittedBy'),
    ...reportFields.map((f) => plain(t(fieldLabel(f)))),
    t('export.reviewedAt'),
  ].map(plain);
  const body: Cell[][] = rows.map((r) => {
    const submitted = r.state !== 'open';
    const status = !submitted ? t('export.missing') : r.state === 'reviewed' ? t('export.reviewed') : r.late ? t('export.late') : t('export.submitted');
    return [
      r.deadlineName,
      local(r.dueAt),
      r.className,
      r.classCode,
      plain(status),
      local(r.submitted_at),
      r.submitterFirst ? displayName(r.submitterFirst, r.submitterLast) : null,
      // A report not submitted is a draft: only its status goes into the file.
      ...figureFields.map((f) => (submitted ? r[f] : null)),
      ...textFields.map((f) => (submitted ? r[f] : null)),
      local(r.reviewed_at),
    ];
  });
  return { name: period, header, rows: body };
}

/** Catalog strings are HTML; a file wants the text. */
export const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export async function exportPeriod(db: Executor, branchId: number, period: string, format: SpreadsheetFormat, t: Translate, timeZone: string) {
  const sheet = await periodSheet(db, branchId, period, t, timeZone);
  return { rows: sheet.rows.length, file: await writeSpreadsheet(sheet, format), filename: `reports-${period}.${format}` };
}
