import type { ColumnType, Generated, Selectable } from 'kysely';

export type OutboxState = 'pending' | 'sending' | 'done' | 'failed' | 'cancelled';
type Json = Record<string, unknown>;

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  chat_id: number | null;
  payload: ColumnType<Json, Json | string | undefined, Json | string>;
  dedupe_key: string;
  state: OutboxState;
  attempts: Generated<number>;
  available_at: Date;
  claimed_at: Date | null;
  /** The dispatcher that claimed it (see Dispatcher.owner). */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: string | null;
  /** When the job first failed transiently: retries stop a set time after it. */
  first_failed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Date;
  done_at: Date | null;
}

export interface SendBudgetTable {
  id: number;
  tokens: number;
  refilled_at: Date;
  paused_until: Date | null;
}

export type OutboxRow = Selectable<OutboxTable>;
