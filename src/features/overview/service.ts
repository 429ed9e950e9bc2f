import type { Executor } from '../../db/schema.js';
import type { Translate } from '../../i18n/i18n.js';
import { writeSpreadsheet, type SpreadsheetFormat } from '../../shared/spreadsheet.js';
import { secretaryBranch } from '../people/access.js';
import type { RoleView } from '../people/queries.js';
import { recordScopes } from '../records/access.js';
import type { DateString } from '../records/tables.js';
import { classOverviewRows, totalOfRows, type Overview } from './rows.js';
import { overviewSheet } from './view.js';

/**
 * Whose overview a person sees: the whole branch for its secretary (their current branch), their
 * own classes for a class's liaison, League secretary or counselor; null for anyone else.
 */
export type OverviewViewer = { kind: 'branch'; branchId: number; branchName: string } | { kind: 'own'; classIds: number[]; branchIds: number[] };

export function viewerOf(roles: readonly RoleView[]): OverviewViewer | null {
  const secretary = secretaryBranch([...roles]);
  if (secretary) return { kind: 'branch', branchId: secretary.branchId, branchName: secretary.branchName };
  const { classIds } = recordScopes(roles);
  if (classIds.length === 0) return null;
  const branchIds = [...new Set(roles.filter((r) => r.classId !== null && classIds.includes(r.classId)).map((r) => r.branchId))];
  return { kind: 'own', classIds, branchIds };
}

/** The viewer's overview rows (a class role in several branches gets one list, by name). */
export async function overviewFor(db: Executor, viewer: OverviewViewer, today: DateString, now: Date): Promise<Overview> {
  if (viewer.kind === 'branch') return classOverviewRows(db, { branchId: viewer.branchId }, today, now);
  const parts = await Promise.all(viewer.branchIds.map((branchId) => classOverviewRows(db, { branchId, classIds: viewer.classIds }, today, now)));
  if (parts.length === 1) return parts[0]!;
  const rows = parts.flatMap((p) => p.rows).sort((a, b) => a.name.localeCompare(b.name) || a.classId - b.classId);
  return { rows, total: totalOfRows(rows) };
}

export async function overviewFile(t: Translate, overview: Overview, branchName: string, format: SpreadsheetFormat, timeZone: string, today: DateString) {
  const sheet = overviewSheet(t, overview, branchName, timeZone);
  return { file: await writeSpreadsheet(sheet, format), filename: `overview-${today}.${format}` };
}
