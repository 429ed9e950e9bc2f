import type { ColumnType } from 'kysely';

type Json = Record<string, unknown>;

export interface DialoguesTable {
  person_id: number;
  /** Which feature owns it, e.g. "notice" or "faq_answer". */
  kind: string;
  step: string;
  data: ColumnType<Json, Json | string, Json | string>;
  updated_at: Date;
}
