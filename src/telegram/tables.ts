import type { ColumnType } from 'kysely';

export interface ProcessedUpdatesTable {
  update_id: number;
  processed_at: Date;
}

export interface PolledUpdatesTable {
  update_id: number;
  payload: ColumnType<Record<string, unknown>, string, string>;
  received_at: Date;
}
