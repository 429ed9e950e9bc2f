import type { Executor } from '../../db/schema.js';
import { translator, type Translate } from '../../i18n/i18n.js';
import { writeSpreadsheet, type Sheet } from '../../shared/spreadsheet.js';
import { localIsoDate } from '../../shared/when.js';
import { totalOfRows, type Overview } from '../overview/rows.js';
import { overviewFor } from '../overview/service.js';
import { overviewSheet } from '../overview/view.js';
import type { XlsxFile } from './responses.js';
import type { Viewer } from './viewer.js';

export interface OverviewFilter {
  tag?: string | undefined;
  /** Part of a class's name or code, any case. */
  q?: string | undefined;
}

export interface DashboardOverview extends Overview {
  /** Every tag of the viewer's classes (for the filter), whatever the filter. */
  tags: string[];
}

/** The viewer's rows as /overview has them (src/features/overview), filtered by tag and search, with their total. */
export async function filteredOverview(db: Executor, viewer: Viewer, filter: OverviewFilter, now: Date, timeZone: string): Promise<DashboardOverview> {
  const all = (await overviewFor(db, viewer.scope, localIsoDate(now, timeZone), now)).rows;
  const q = filter.q?.toLowerCase();
  const rows = all.filter(
    (r) =>
      (filter.tag === undefined || r.tags.includes(filter.tag)) && (q === undefined || r.name.toLowerCase().includes(q) || r.code.toLowerCase().includes(q)),
  );
  return { rows, total: totalOfRows(rows), tags: [...new Set(all.flatMap((r) => r.tags))].sort() };
}

/** The download button's sheet: /overview's own (src/features/overview/view.ts), named after the branch. */
export function dashboardSheet(overview: Overview, viewer: Viewer, t: Translate, timeZone: string): Sheet {
  const name = viewer.scope.kind === 'branch' ? viewer.scope.branchName : t('dashboard.sheet');
  return overviewSheet(t, overview, name, timeZone);
}

/** The download: the filtered overview as xlsx, named in the viewer's language, with an ASCII name beside it. */
export async function overviewXlsx(db: Executor, viewer: Viewer, filter: OverviewFilter, now: Date, timeZone: string): Promise<XlsxFile> {
  const overview = await filteredOverview(db, viewer, filter, now, timeZone);
  const t = translator(viewer.language);
  const body = await writeSpreadsheet(dashboardSheet(overview, viewer, t, timeZone), 'xlsx');
  return { body, ...overviewFileNames(viewer, now, timeZone) };
}

export function overviewFileNames(viewer: Pick<Viewer, 'language'>, now: Date, timeZone: string): { fileName: string; asciiFileName: string } {
  const today = localIsoDate(now, timeZone);
  return { fileName: `${translator(viewer.language)('dashboard.sheet')}-${today}.xlsx`, asciiFileName: `overview-${today}.xlsx` };
}
