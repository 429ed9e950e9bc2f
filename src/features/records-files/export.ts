import { sql } from 'kysely';
import type { Executor } from '../../db/schema.js';
import type { Language } from '../../i18n/language.js';
import { writeSpreadsheet, type Cell, type SpreadsheetFormat } from '../../shared/spreadsheet.js';
import { columnKeys, headers, resultLabels, stageLabels } from './columns.js';

export interface PeopleFile {
  file: Buffer;
  filename: string;
  rows: number;
}

/**
 * The people of the given classes (not archived) as the import reads them back: the same header,
 * stages and results in words, dates as YYYY-MM-DD, thought reports in one cell separated by 、.
 * Every user cell goes through the spreadsheet module, which neutralises formula-like text.
 */
export async function exportPeople(
  db: Executor,
  classIds: readonly number[],
  format: SpreadsheetFormat,
  language: Language,
  fileLabel: string,
): Promise<PeopleFile> {
  const records =
    classIds.length === 0
      ? []
      : await db
          .selectFrom('pipeline_records as p')
          .innerJoin('classes as c', 'c.id', 'p.class_id')
          .selectAll('p')
          .select(['c.code as classCode', 'c.name as className'])
          .select((eb) =>
            eb
              .selectFrom('thought_reports as t')
              .whereRef('t.record_id', '=', 'p.id')
              .select(sql<string | null>`string_agg(to_char(t.received_on, 'YYYY-MM-DD'), '、' order by t.received_on)`.as('dates'))
              .as('thoughtReports'),
          )
          .where('p.class_id', 'in', classIds)
          .where('p.archived_at', 'is', null)
          .orderBy('c.name')
          .orderBy('c.id')
          .orderBy(sql`p.student_no is null`)
          .orderBy('p.student_no')
          .orderBy('p.name')
          .orderBy('p.id')
          .execute();
  const rows: Cell[][] = records.map((r) => [
    r.classCode,
    r.name,
    r.student_no,
    stageLabels[language][r.stage],
    r.applied_on,
    r.activist_on,
    r.target_on,
    r.probationary_on,
    r.full_on,
    r.league_recommended_on,
    r.party_school_on,
    r.party_school_result ? resultLabels[language][r.party_school_result] : null,
    r.contact_a,
    r.contact_b,
    r.thoughtReports,
    r.note,
  ]);
  const header = columnKeys.map((k) => headers[language][k]);
  const file = await writeSpreadsheet({ name: fileLabel, header, rows }, format);
  return { file, filename: `people-${fileLabel}.${format}`, rows: rows.length };
}
